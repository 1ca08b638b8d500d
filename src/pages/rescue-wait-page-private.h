/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-wait-page.h"

G_BEGIN_DECLS

/* For tests: how the page writes when the hour is up */
char *rescue_wait_page_format_time (gint64 unix_time);

G_END_DECLS
