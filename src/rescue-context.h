/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rescue-flow.h"
#include "rescue-short-codes.h"
#include "rescue-support-request.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_CONTEXT (rescue_context_get_type ())
G_DECLARE_FINAL_TYPE (RescueContext, rescue_context, RESCUE, CONTEXT, GObject)

RescueContext        *rescue_context_new                    (GSettings      *settings);

RescueFlow           *rescue_context_get_flow               (RescueContext  *self);
RescueShortCodes     *rescue_context_get_short_codes        (RescueContext  *self);
GListModel           *rescue_context_get_countries          (RescueContext  *self,
                                                             const GError  **error);
GListModel           *rescue_context_peek_countries         (RescueContext  *self);
RescueSupportRequest *rescue_context_get_support_request    (RescueContext  *self);
char                 *rescue_context_dup_support_form_uri   (RescueContext  *self);
char                 *rescue_context_dup_support_message    (RescueContext  *self,
                                                             gboolean        read_countries);

G_END_DECLS
