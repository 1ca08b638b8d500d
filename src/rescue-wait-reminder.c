/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-wait-reminder"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-wait-reminder.h"

/*
 * X's temporary lock after too many attempts ends by itself in about an
 * hour (x-2fa-facts.md §7.1). A person told to wait goes and does
 * something else; if Code Rescue is still open when the hour is up, a
 * notification tells them they can try again. One timeout for the time
 * left, from the flow's wait-started-at; the notification is withdrawn
 * when the person is no longer waiting (Start Over, another answer, or
 * they said how the wait ended).
 *
 * Property "due" (boolean, read-only): the hour is up while the person is
 * still waiting, and the notification went out.
 */

struct _RescueWaitReminder
{
  GObject       parent_instance;

  GApplication *application;   /* weak: the application owns the reminder */
  RescueFlow   *flow;
  guint         timeout_id;
  gint64        scheduled_for; /* the end the timeout is for, 0 for none */
  gboolean      due;
};

enum {
  PROP_0,
  PROP_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueWaitReminder, rescue_wait_reminder, G_TYPE_OBJECT)

/* Waiting: the person said X asked them to wait, the hour has started,
 * and they have not yet said whether they got back in */
static gint64
waiting_until (RescueWaitReminder *self)
{
  if (rescue_flow_get_check (self->flow) != RESCUE_CHECK_TOO_MANY_ATTEMPTS ||
      rescue_flow_get_outcome (self->flow, RESCUE_FIX_WAIT) != RESCUE_OUTCOME_PENDING)
    return 0;

  return rescue_flow_get_wait_ends_at (self->flow);
}

static void
set_due (RescueWaitReminder *self,
         gboolean            due)
{
  if (self->due == due)
    return;

  self->due = due;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

/* Only a registered application can show notifications: in tests the
 * reminder still works, and says so through "due" */
static gboolean
can_notify (RescueWaitReminder *self)
{
  return self->application != NULL &&
         g_application_get_is_registered (self->application) &&
         !g_application_get_is_remote (self->application);
}

static void
send_notification (RescueWaitReminder *self)
{
  g_autoptr(GNotification) notification = NULL;

  if (!can_notify (self))
    return;

  /* Translators: the title of a desktop notification, shown when X's
   * hour-long sign-in lock after too many attempts should be over */
  notification = g_notification_new (_("You can try X again"));
  /* Translators: the body of that notification */
  g_notification_set_body (notification,
                           _("The hour of X’s lock is up. Sign in to X again, then tell Code Rescue how it went."));
  g_application_send_notification (self->application, RESCUE_WAIT_REMINDER_NOTIFICATION_ID, notification);
}

static void
withdraw_notification (RescueWaitReminder *self)
{
  if (can_notify (self))
    g_application_withdraw_notification (self->application, RESCUE_WAIT_REMINDER_NOTIFICATION_ID);
}

static gboolean
timeout_cb (gpointer data)
{
  RescueWaitReminder *self = data;

  self->timeout_id = 0;
  send_notification (self);
  set_due (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
update (RescueWaitReminder *self)
{
  gint64 ends_at = waiting_until (self);
  gint64 now;

  if (ends_at == self->scheduled_for)
    return;

  /* A new wait, or none: what was scheduled or sent is for another */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->due)
    {
      withdraw_notification (self);
      set_due (self, FALSE);
    }
  self->scheduled_for = ends_at;
  if (ends_at == 0)
    return;

  /* An hour already over (progress restored later) is due at once, but
   * from the main loop, as every other change the person sees */
  now = g_get_real_time () / G_USEC_PER_SEC;
  if (ends_at <= now)
    self->timeout_id = g_idle_add (timeout_cb, self);
  else
    self->timeout_id = g_timeout_add_seconds (ends_at - now, timeout_cb, self);
}

static void
flow_notify_cb (RescueWaitReminder *self,
                GParamSpec         *pspec)
{
  update (self);
}

static void
rescue_wait_reminder_dispose (GObject *object)
{
  RescueWaitReminder *self = RESCUE_WAIT_REMINDER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->flow != NULL)
    g_signal_handlers_disconnect_by_func (self->flow, flow_notify_cb, self);
  g_clear_object (&self->flow);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (rescue_wait_reminder_parent_class)->dispose (object);
}

static void
rescue_wait_reminder_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RescueWaitReminder *self = RESCUE_WAIT_REMINDER (object);

  switch (prop_id)
    {
    case PROP_DUE:
      g_value_set_boolean (value, self->due);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_wait_reminder_class_init (RescueWaitReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rescue_wait_reminder_dispose;
  object_class->get_property = rescue_wait_reminder_get_property;

  properties[PROP_DUE] =
    g_param_spec_boolean ("due", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rescue_wait_reminder_init (RescueWaitReminder *self)
{
}

/**
 * rescue_wait_reminder_new:
 * @application: where the notification goes; not kept alive by the reminder
 * @flow: the flow whose wait it watches
 */
RescueWaitReminder *
rescue_wait_reminder_new (GApplication *application,
                          RescueFlow   *flow)
{
  RescueWaitReminder *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RESCUE_IS_FLOW (flow), NULL);

  self = g_object_new (RESCUE_TYPE_WAIT_REMINDER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->flow = g_object_ref (flow);
  /* wait-started-at, step, check and the wait's outcome all count; the
   * check is cheap, so every change is looked at */
  g_signal_connect_object (flow, "notify", G_CALLBACK (flow_notify_cb), self, G_CONNECT_SWAPPED);
  update (self);

  return self;
}

gboolean
rescue_wait_reminder_get_due (RescueWaitReminder *self)
{
  g_return_val_if_fail (RESCUE_IS_WAIT_REMINDER (self), FALSE);

  return self->due;
}
