/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-security-key-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-security-key-page.h"
#include "rescue-link-button.h"
#include "rescue-sources.h"
#include "rescue-sources-box.h"
#include "rescue-steps.h"

/* The security-key route's own step: keys were tied to twitter.com, and
 * an account whose key was not enrolled again by 10 November 2025 is
 * locked until the person chooses a way out on X's lock screen
 * (x-2fa-facts.md §7.1) */

struct _RescueSecurityKeyPage
{
  RescuePage   parent_instance;

  RescueSteps *steps;
  GtkBox      *link_box;
  GtkButton   *failed_button;
  GtkButton   *worked_button;
};

G_DEFINE_FINAL_TYPE (RescueSecurityKeyPage, rescue_security_key_page, RESCUE_TYPE_PAGE)

static void
rescue_security_key_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RESCUE_TYPE_SECURITY_KEY_PAGE);

  G_OBJECT_CLASS (rescue_security_key_page_parent_class)->dispose (object);
}

static void
rescue_security_key_page_class_init (RescueSecurityKeyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rescue_security_key_page_dispose;

  g_type_ensure (RESCUE_TYPE_SOURCES_BOX);
  g_type_ensure (RESCUE_TYPE_STEPS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/rescue-security-key-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RescueSecurityKeyPage, steps);
  gtk_widget_class_bind_template_child (widget_class, RescueSecurityKeyPage, link_box);
  gtk_widget_class_bind_template_child (widget_class, RescueSecurityKeyPage, failed_button);
  gtk_widget_class_bind_template_child (widget_class, RescueSecurityKeyPage, worked_button);
}

static void
rescue_security_key_page_init (RescueSecurityKeyPage *self)
{
  GtkWidget *link;

  gtk_widget_init_template (GTK_WIDGET (self));
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->worked_button), RESCUE_EVENT_FIX_WORKED);
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->failed_button), RESCUE_EVENT_FIX_FAILED);
  /* Two outcomes and no default: a hurried Enter must not answer */

  rescue_steps_append (self->steps, _("On X’s lock screen, choose one of its three ways out: enrol your security key again, pick another two-factor method, or turn two-factor authentication off."));
  rescue_steps_append (self->steps, _("To enrol the key again, have it with you and follow X’s steps."));

  /* For a computer still signed in to x.com: X's page for the keys */
  link = rescue_link_button_new (_("Open X’s _Security Key Settings"), RESCUE_X_SECURITY_KEYS_URI);
  gtk_box_append (self->link_box, link);
}
