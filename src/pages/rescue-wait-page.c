/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-wait-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rescue-steps.h"
#include "rescue-text.h"
#include "rescue-wait-page-private.h"

/* The too-many-attempts route's own step: X's temporary lock ends by
 * itself after about an hour, and trying again does not shorten it
 * (x-2fa-facts.md §7.1). The page says when the hour is up, and says so
 * again when it is. */

struct _RescueWaitPage
{
  RescuePage   parent_instance;

  GtkLabel    *when_label;
  GtkLabel    *when_note;
  RescueSteps *steps;
  GtkButton   *failed_button;
  GtkButton   *worked_button;

  guint        over_id;
};

G_DEFINE_FINAL_TYPE (RescueWaitPage, rescue_wait_page, RESCUE_TYPE_PAGE)

static gboolean
wait_is_over (RescueFlow *flow)
{
  gint64 ends_at = rescue_flow_get_wait_ends_at (flow);

  return ends_at > 0 && g_get_real_time () / G_USEC_PER_SEC >= ends_at;
}

static void
update_when (RescueWaitPage *self)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));
  gint64 ends_at = flow ? rescue_flow_get_wait_ends_at (flow) : 0;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;

  if (ends_at > 0 && wait_is_over (flow))
    {
      gtk_label_set_text (self->when_label, _("You can try again now"));
      gtk_label_set_text (self->when_note, _("The hour is up: sign in to X again."));
      return;
    }

  gtk_label_set_text (self->when_note, _("Trying again before then does not shorten the lock."));
  if (ends_at > 0 && (time = rescue_wait_page_format_time (ends_at)) != NULL)
    {
      /* Translators: %s is when X's hour-long lock ends, a time ("3:03 PM")
       * or, when that is not today, a date and a time */
      text = g_strdup_printf (_("You can try again at %s"), time);
      gtk_label_set_text (self->when_label, text);
    }
  else
    gtk_label_set_text (self->when_label, _("You can try again in about an hour"));
}

static gboolean
over_cb (gpointer data)
{
  RescueWaitPage *self = data;

  self->over_id = 0;
  update_when (self);

  return G_SOURCE_REMOVE;
}

/* One timer for the moment the hour is up, only while the page is on
 * screen; on the way back the text is computed again anyway */
static void
schedule_over (RescueWaitPage *self)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));
  gint64 ends_at = flow ? rescue_flow_get_wait_ends_at (flow) : 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_clear_handle_id (&self->over_id, g_source_remove);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || ends_at == 0 || ends_at <= now)
    return;

  /* a second late rather than early: the text must not still say "at" */
  self->over_id = g_timeout_add_seconds (ends_at - now + 1, over_cb, self);
}

static void
rescue_wait_page_flow_changed (RescuePage *page)
{
  RescueWaitPage *self = RESCUE_WAIT_PAGE (page);

  update_when (self);
  schedule_over (self);
}

static void
rescue_wait_page_map (GtkWidget *widget)
{
  RescueWaitPage *self = RESCUE_WAIT_PAGE (widget);

  GTK_WIDGET_CLASS (rescue_wait_page_parent_class)->map (widget);

  /* The hour may have ended while the page was not shown */
  update_when (self);
  schedule_over (self);
}

static void
rescue_wait_page_unmap (GtkWidget *widget)
{
  RescueWaitPage *self = RESCUE_WAIT_PAGE (widget);

  g_clear_handle_id (&self->over_id, g_source_remove);

  GTK_WIDGET_CLASS (rescue_wait_page_parent_class)->unmap (widget);
}

static void
rescue_wait_page_dispose (GObject *object)
{
  RescueWaitPage *self = RESCUE_WAIT_PAGE (object);

  g_clear_handle_id (&self->over_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), RESCUE_TYPE_WAIT_PAGE);

  G_OBJECT_CLASS (rescue_wait_page_parent_class)->dispose (object);
}

static void
rescue_wait_page_class_init (RescueWaitPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RescuePageClass *page_class = RESCUE_PAGE_CLASS (klass);

  object_class->dispose = rescue_wait_page_dispose;
  widget_class->map = rescue_wait_page_map;
  widget_class->unmap = rescue_wait_page_unmap;
  page_class->flow_changed = rescue_wait_page_flow_changed;

  g_type_ensure (RESCUE_TYPE_STEPS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/rescue-wait-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RescueWaitPage, when_label);
  gtk_widget_class_bind_template_child (widget_class, RescueWaitPage, when_note);
  gtk_widget_class_bind_template_child (widget_class, RescueWaitPage, steps);
  gtk_widget_class_bind_template_child (widget_class, RescueWaitPage, failed_button);
  gtk_widget_class_bind_template_child (widget_class, RescueWaitPage, worked_button);
}

static void
rescue_wait_page_init (RescueWaitPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->worked_button), RESCUE_EVENT_FIX_WORKED);
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->failed_button), RESCUE_EVENT_FIX_FAILED);
  /* Two outcomes and no default: a hurried Enter must not answer */

  rescue_steps_append (self->steps, _("Leave X’s sign-in alone until the hour is up."));
  rescue_steps_append (self->steps, _("When the hour is up, sign in to X again."));
  rescue_steps_append (self->steps, _("You can close Code Rescue meanwhile: it remembers when the hour is up, and tells you if it is still open then."));
}

/**
 * rescue_wait_page_format_time:
 * When @unix_time is, as people read it in their language: the time alone
 * when it is today, else the date and the time; no seconds, and no time
 * zone, as it is always the computer's own.
 *
 * Returns: (transfer full) (nullable): the text
 */
/* "10:36 PM" must not wrap between the time and "PM": a last word with no
 * digit (PM, Hindi's बजे) is joined to the time before it with a no-break
 * space; a date and a time may still wrap between them */
static char *
keep_time_together (char *formatted)
{
  char *last = formatted ? strrchr (formatted, ' ') : NULL;
  GString *joined;

  if (last == NULL || strpbrk (last + 1, "0123456789") != NULL)
    return formatted;

  joined = g_string_new_len (formatted, last - formatted);
  g_string_append (joined, "\u00a0");
  g_string_append (joined, last + 1);
  g_free (formatted);

  return g_string_free (joined, FALSE);
}

char *
rescue_wait_page_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year, month, day;
  int now_year, now_month, now_day;

  if (local == NULL || now == NULL)
    return NULL;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_time_get_ymd (now, &now_year, &now_month, &now_day);
  if (year == now_year && month == now_month && day == now_day)
    {
      /* Translators: the time X's lock ends, today, without seconds, as
       * your language writes it: "3:03 PM" in English, "15:03" in German.
       * The codes are g_date_time_format()'s: %H hour 00–23, %I hour
       * 01–12, %p AM or PM, %M minutes; a "-" after the "%" drops the
       * leading zero */
      return keep_time_together (g_date_time_format (local, _("%-I:%M %p")));
    }

  return keep_time_together (rescue_format_date_time (unix_time));
}
