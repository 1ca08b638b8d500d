/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"
#include "rescue-short-codes.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_UNBLOCK_PAGE (rescue_unblock_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueUnblockPage, rescue_unblock_page, RESCUE, UNBLOCK_PAGE, RescuePage)

void        rescue_unblock_page_set_short_codes (RescueUnblockPage *self,
                                                 RescueShortCodes  *short_codes);
const char *rescue_unblock_page_get_numbers_text (RescueUnblockPage *self);

G_END_DECLS
