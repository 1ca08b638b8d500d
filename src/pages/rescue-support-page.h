/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_SUPPORT_PAGE (rescue_support_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueSupportPage, rescue_support_page, RESCUE, SUPPORT_PAGE, RescuePage)

G_END_DECLS
