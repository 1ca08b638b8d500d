/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_LOCKED_PAGE (rescue_locked_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueLockedPage, rescue_locked_page, RESCUE, LOCKED_PAGE, RescuePage)

G_END_DECLS
