/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_IDENTIFY_PAGE (rescue_identify_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueIdentifyPage, rescue_identify_page, RESCUE, IDENTIFY_PAGE, RescuePage)

G_END_DECLS
