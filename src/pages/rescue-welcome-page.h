/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"
#include "rescue-service-status.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_WELCOME_PAGE (rescue_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueWelcomePage, rescue_welcome_page, RESCUE, WELCOME_PAGE, RescuePage)

void rescue_welcome_page_set_countries (RescueWelcomePage   *self,
                                        GListModel          *countries,
                                        const GError        *error);
void rescue_welcome_page_set_status    (RescueWelcomePage   *self,
                                        RescueServiceStatus *status);
GtkWidget *rescue_welcome_page_get_status_line (RescueWelcomePage *self);

G_END_DECLS
