/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-identify-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-choice.h"
#include "rescue-identify-page.h"
#include "rescue-sources-box.h"

/* The checks a person can choose here, each as X's screen shows it
 * (x-2fa-facts.md §7.1), in the welcome question's order */
typedef struct
{
  RescueCheck  check;
  const char  *title;
  const char  *caption;
} Choice;

static const Choice choices[] = {
  { RESCUE_CHECK_TWO_FACTOR,
    N_("X asks for a sign-in code it texted you"),
    N_("Two-factor authentication by text message. Since 20 March 2023 it needs X Premium.") },
  { RESCUE_CHECK_PASSWORD_RESET,
    N_("X sent a code to reset your password"),
    /* Translators: “Forgot password?” is X's own link, as X shows it in your language */
    N_("After you chose “Forgot password?”, X sends a code to reset it.") },
  { RESCUE_CHECK_LOCKED,
    /* Translators: X's own words on its lock screen, as X shows them in your language */
    N_("“Your account has been locked”"),
    /* Translators: “Start” is the button on X's lock screen */
    N_("Or X asks you to verify your phone, often with a Start button and a puzzle.") },
  { RESCUE_CHECK_TOO_MANY_ATTEMPTS,
    N_("X says you tried too often"),
    /* Translators: “try again later” stands for X's own words */
    N_("Or it asks you to try again later.") },
  { RESCUE_CHECK_SECURITY_KEY,
    N_("X asks for your security key"),
    N_("Or for a passkey, or it says the key must be set up again.") },
};

struct _RescueIdentifyPage
{
  RescuePage      parent_instance;

  GtkBox         *choice_box;
  GtkButton      *continue_button;

  GtkCheckButton *buttons[G_N_ELEMENTS (choices)];
};

G_DEFINE_FINAL_TYPE (RescueIdentifyPage, rescue_identify_page, RESCUE_TYPE_PAGE)

static void
update_choices (RescueIdentifyPage *self)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));
  RescueCheck check = flow ? rescue_flow_get_check (flow) : RESCUE_CHECK_NOT_SURE;

  /* Back from a route shows the answer given; not-sure shows none */
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    gtk_check_button_set_active (self->buttons[i], choices[i].check == check);
}

static void
choice_toggled_cb (RescueIdentifyPage *self,
                   GtkCheckButton     *button)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));

  if (flow == NULL || !gtk_check_button_get_active (button))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (self->buttons[i] == button)
      rescue_flow_set_check (flow, choices[i].check);
}

static void
rescue_identify_page_flow_changed (RescuePage *page)
{
  RescueIdentifyPage *self = RESCUE_IDENTIFY_PAGE (page);

  update_choices (self);
}

static void
rescue_identify_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RESCUE_TYPE_IDENTIFY_PAGE);

  G_OBJECT_CLASS (rescue_identify_page_parent_class)->dispose (object);
}

static void
rescue_identify_page_class_init (RescueIdentifyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RescuePageClass *page_class = RESCUE_PAGE_CLASS (klass);

  object_class->dispose = rescue_identify_page_dispose;
  page_class->flow_changed = rescue_identify_page_flow_changed;

  g_type_ensure (RESCUE_TYPE_SOURCES_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/rescue-identify-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RescueIdentifyPage, choice_box);
  gtk_widget_class_bind_template_child (widget_class, RescueIdentifyPage, continue_button);
}

static void
rescue_identify_page_init (RescueIdentifyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The flow refuses START here until a check is chosen */
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->continue_button), RESCUE_EVENT_START);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GtkWidget *choice = rescue_choice_new (_(choices[i].title), _(choices[i].caption),
                                             i > 0 ? self->buttons[0] : NULL);

      self->buttons[i] = rescue_choice_get_button (choice);
      g_signal_connect_object (self->buttons[i], "toggled", G_CALLBACK (choice_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->choice_box, choice);
    }

  /* One answer, no outcome: Enter may continue once a check is chosen */
  rescue_page_set_default_widget (RESCUE_PAGE (self), GTK_WIDGET (self->continue_button));
}
