/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_RESET_CODE_PAGE (rescue_reset_code_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueResetCodePage, rescue_reset_code_page, RESCUE, RESET_CODE_PAGE, RescuePage)

G_END_DECLS
