/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-unblock-page.h"

G_BEGIN_DECLS

/* For tests: what the page shows */
const char *rescue_unblock_page_get_numbers_text (RescueUnblockPage *self);

G_END_DECLS
