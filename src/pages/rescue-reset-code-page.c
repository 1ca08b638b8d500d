/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-reset-code-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-reset-code-page.h"
#include "rescue-sources-box.h"
#include "rescue-steps.h"

/* The password-reset route's own step: X's reset code lasts 60 minutes,
 * and X can email it instead of texting it (x-2fa-facts.md §7.1) */

struct _RescueResetCodePage
{
  RescuePage   parent_instance;

  RescueSteps *steps;
  GtkButton   *failed_button;
  GtkButton   *worked_button;
};

G_DEFINE_FINAL_TYPE (RescueResetCodePage, rescue_reset_code_page, RESCUE_TYPE_PAGE)

static void
rescue_reset_code_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RESCUE_TYPE_RESET_CODE_PAGE);

  G_OBJECT_CLASS (rescue_reset_code_page_parent_class)->dispose (object);
}

static void
rescue_reset_code_page_class_init (RescueResetCodePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rescue_reset_code_page_dispose;

  g_type_ensure (RESCUE_TYPE_SOURCES_BOX);
  g_type_ensure (RESCUE_TYPE_STEPS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/rescue-reset-code-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RescueResetCodePage, steps);
  gtk_widget_class_bind_template_child (widget_class, RescueResetCodePage, failed_button);
  gtk_widget_class_bind_template_child (widget_class, RescueResetCodePage, worked_button);
}

static void
rescue_reset_code_page_init (RescueResetCodePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->worked_button), RESCUE_EVENT_FIX_WORKED);
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->failed_button), RESCUE_EVENT_FIX_FAILED);
  /* Two outcomes and no default: a hurried Enter must not answer */

  /* Translators: “Forgot password?” is X's own link, as X shows it in your language */
  rescue_steps_append (self->steps, _("On X’s screen after <b>Forgot password?</b>, look at where X offers to send the code."));
  rescue_steps_append (self->steps, _("If X offers your <b>email</b>, choose it: an email does not depend on your phone getting a text."));
  rescue_steps_append (self->steps, _("Use the code within 60 minutes. After that, ask X for a new one."));
  rescue_steps_append (self->steps, _("If X can only text the code and it does not come, choose <b>Still No Code</b>: the next step unblocks X’s sender on your phone."));
}
