/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-signed-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-link-button.h"
#include "rescue-signed-in-page.h"
#include "rescue-sources.h"
#include "rescue-sources-box.h"
#include "rescue-steps.h"

struct _RescueSignedInPage
{
  RescuePage   parent_instance;

  RescueLinkButton *settings_link;
  RescueSteps *off_steps;
  GtkLabel    *mobile_shortcut;
  RescueSteps *better_steps;
  GtkBox      *backup_box;
  GtkButton   *skip_button;
  GtkButton   *failed_button;
  GtkButton   *worked_button;
  GtkButton   *backup_worked_button;
};

G_DEFINE_FINAL_TYPE (RescueSignedInPage, rescue_signed_in_page, RESCUE_TYPE_PAGE)

static void
rescue_signed_in_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RESCUE_TYPE_SIGNED_IN_PAGE);

  G_OBJECT_CLASS (rescue_signed_in_page_parent_class)->dispose (object);
}

static void
rescue_signed_in_page_class_init (RescueSignedInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rescue_signed_in_page_dispose;

  g_type_ensure (RESCUE_TYPE_LINK_BUTTON);
  g_type_ensure (RESCUE_TYPE_SOURCES_BOX);
  g_type_ensure (RESCUE_TYPE_STEPS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/rescue-signed-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RescueSignedInPage, settings_link);
  gtk_widget_class_bind_template_child (widget_class, RescueSignedInPage, mobile_shortcut);
  gtk_widget_class_bind_template_child (widget_class, RescueSignedInPage, backup_worked_button);
  gtk_widget_class_bind_template_child (widget_class, RescueSignedInPage, off_steps);
  gtk_widget_class_bind_template_child (widget_class, RescueSignedInPage, better_steps);
  gtk_widget_class_bind_template_child (widget_class, RescueSignedInPage, backup_box);
  gtk_widget_class_bind_template_child (widget_class, RescueSignedInPage, skip_button);
  gtk_widget_class_bind_template_child (widget_class, RescueSignedInPage, failed_button);
  gtk_widget_class_bind_template_child (widget_class, RescueSignedInPage, worked_button);
}

static void
rescue_signed_in_page_init (RescueSignedInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->worked_button), RESCUE_EVENT_FIX_WORKED);
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->failed_button), RESCUE_EVENT_FIX_FAILED);
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->skip_button), RESCUE_EVENT_SKIP);
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->backup_worked_button), RESCUE_EVENT_FIX_WORKED);
  /* Two outcomes and no default: a hurried Enter must not answer */
  g_object_set (self->settings_link, "uri", RESCUE_X_TWO_FACTOR_SETTINGS_URI, NULL);

  rescue_steps_append (self->off_steps, _("On the device where you are still signed in, open X: the app, or x.com in a web browser."));
  /* Translators: X's own menu names, as X shows them in your language */
  rescue_steps_append (self->off_steps, _("Go to <b>Settings and support</b> › <b>Settings and privacy</b> › <b>Security and account access</b>. On x.com, <b>Settings and support</b> is under <b>More</b>."));
  /* Translators: X's own menu names, as X shows them in your language */
  rescue_steps_append (self->off_steps, _("Open <b>Security</b> › <b>Two-factor authentication</b>."));
  /* Translators: X's own names for the three two-factor methods */
  rescue_steps_append (self->off_steps, _("Turn off <b>Text message</b>, <b>Authentication app</b> and <b>Security key</b>. X may ask for your password, or for a code it emails you, first."));
  rescue_steps_append (self->off_steps, _("Sign in on your phone: X no longer asks for a code."));
  /* Translators: X's own help (facts §7.2); "Mobile" is X's settings page for the phone number */
  gtk_label_set_markup (self->mobile_shortcut, _("A shortcut from X’s help: when <b>Text message</b> is your only method, deleting your phone in X’s <b>Mobile</b> settings also turns two-factor authentication off."));

  rescue_steps_append (self->better_steps, _("On the same screen, turn on <b>Authentication app</b> and scan the picture with an authenticator app on your phone. Its codes need no text message."));
  rescue_steps_append (self->better_steps, _("Or turn on <b>Security key</b> if you have a hardware key."));
  rescue_steps_append (self->better_steps, _("Under <b>Backup codes</b>, X shows a code that gets you in when your phone can’t. Write it down and keep it somewhere safe."));

  gtk_box_prepend (self->backup_box, rescue_steps_new_backup_code ());
}
