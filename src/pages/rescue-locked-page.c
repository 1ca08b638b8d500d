/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-locked-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-locked-page.h"
#include "rescue-sources-box.h"
#include "rescue-steps.h"

/* The locked-account route's own step: X's lock screen has its own way
 * back in, and a text is only one of three ways to verify
 * (x-2fa-facts.md §7.1) */

struct _RescueLockedPage
{
  RescuePage   parent_instance;

  RescueSteps *steps;
  GtkButton   *failed_button;
  GtkButton   *worked_button;
};

G_DEFINE_FINAL_TYPE (RescueLockedPage, rescue_locked_page, RESCUE_TYPE_PAGE)

static void
rescue_locked_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RESCUE_TYPE_LOCKED_PAGE);

  G_OBJECT_CLASS (rescue_locked_page_parent_class)->dispose (object);
}

static void
rescue_locked_page_class_init (RescueLockedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rescue_locked_page_dispose;

  g_type_ensure (RESCUE_TYPE_SOURCES_BOX);
  g_type_ensure (RESCUE_TYPE_STEPS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/rescue-locked-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RescueLockedPage, steps);
  gtk_widget_class_bind_template_child (widget_class, RescueLockedPage, failed_button);
  gtk_widget_class_bind_template_child (widget_class, RescueLockedPage, worked_button);
}

static void
rescue_locked_page_init (RescueLockedPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->worked_button), RESCUE_EVENT_FIX_WORKED);
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->failed_button), RESCUE_EVENT_FIX_FAILED);
  /* Two outcomes and no default: a hurried Enter must not answer */

  /* Translators: “Start” is the button on X's lock screen, as X shows it in your language */
  rescue_steps_append (self->steps, _("On X’s lock screen, press <b>Start</b>."));
  rescue_steps_append (self->steps, _("Solve the puzzle. It may take several rounds."));
  rescue_steps_append (self->steps, _("Choose how X should check it is you: a <b>text message</b>, a <b>phone call</b> or an <b>email</b>."));
  rescue_steps_append (self->steps, _("If the text does not come, go back and choose the phone call or the email instead."));
}
