/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_WELCOME_PAGE (rescue_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueWelcomePage, rescue_welcome_page, RESCUE, WELCOME_PAGE, RescuePage)

G_END_DECLS
