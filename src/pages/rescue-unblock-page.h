/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_UNBLOCK_PAGE (rescue_unblock_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueUnblockPage, rescue_unblock_page, RESCUE, UNBLOCK_PAGE, RescuePage)

G_END_DECLS
