/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <libsoup/soup.h>

#include "rescue-flow.h"
#include "rescue-service-status.h"
#include "rescue-short-codes.h"
#include "rescue-store.h"
#include "rescue-support-request.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_APPLICATION (rescue_application_get_type ())
G_DECLARE_FINAL_TYPE (RescueApplication, rescue_application, RESCUE, APPLICATION, GtkApplication)

RescueApplication    *rescue_application_new                 (void);
RescueFlow           *rescue_application_get_flow            (RescueApplication *self);
RescueStore          *rescue_application_get_store           (RescueApplication *self);
SoupSession          *rescue_application_get_session         (RescueApplication *self);
GSettings            *rescue_application_get_settings        (RescueApplication *self);
RescueShortCodes     *rescue_application_get_short_codes     (RescueApplication *self);
GListModel           *rescue_application_get_countries       (RescueApplication *self,
                                                              const GError     **error);
GListModel           *rescue_application_peek_countries      (RescueApplication *self);
RescueServiceStatus  *rescue_application_get_service_status  (RescueApplication *self);
RescueSupportRequest *rescue_application_get_support_request (RescueApplication *self);
char                 *rescue_application_dup_support_form_url (RescueApplication *self);
char                 *rescue_application_dup_status_url      (RescueApplication *self);

G_END_DECLS
