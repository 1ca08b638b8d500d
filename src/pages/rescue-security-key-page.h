/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_SECURITY_KEY_PAGE (rescue_security_key_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueSecurityKeyPage, rescue_security_key_page, RESCUE, SECURITY_KEY_PAGE, RescuePage)

G_END_DECLS
