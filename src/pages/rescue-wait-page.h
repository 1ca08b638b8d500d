/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_WAIT_PAGE (rescue_wait_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueWaitPage, rescue_wait_page, RESCUE, WAIT_PAGE, RescuePage)

G_END_DECLS
