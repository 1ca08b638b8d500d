/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rescue-flow.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_WAIT_REMINDER (rescue_wait_reminder_get_type ())
G_DECLARE_FINAL_TYPE (RescueWaitReminder, rescue_wait_reminder, RESCUE, WAIT_REMINDER, GObject)

/* The id of the notification it sends, for g_application_withdraw_notification() */
#define RESCUE_WAIT_REMINDER_NOTIFICATION_ID "wait-over"

RescueWaitReminder *rescue_wait_reminder_new     (GApplication       *application,
                                                  RescueFlow         *flow);
gboolean            rescue_wait_reminder_get_due (RescueWaitReminder *self);

G_END_DECLS
