/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_SIGNED_IN_PAGE (rescue_signed_in_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueSignedInPage, rescue_signed_in_page, RESCUE, SIGNED_IN_PAGE, RescuePage)

G_END_DECLS
