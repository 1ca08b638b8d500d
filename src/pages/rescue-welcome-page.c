/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-choice.h"
#include "rescue-countries.h"
#include "rescue-steps.h"
#include "rescue-text.h"
#include "rescue-welcome-page-private.h"

/* The first question, in the words X's own screens use, so a person can
 * recognise theirs (x-2fa-facts.md §7.1) */
static const struct {
  RescueCheck  check;
  const char  *title;
  const char  *caption;
} check_choices[] = {
  { RESCUE_CHECK_TWO_FACTOR,
    N_("A code to sign in, texted to my phone"),
    N_("Two-factor authentication. Since 20 March 2023 only X Premium accounts can get these codes by text; without Premium, you are probably facing one of the checks below.") },
  { RESCUE_CHECK_PASSWORD_RESET,
    N_("A code to reset my password"),
    N_("After “Forgot password?”, X sends a code to the phone on your account.") },
  { RESCUE_CHECK_LOCKED,
    /* Translators: the message X shows, in quotes */
    N_("“Your account has been locked”"),
    N_("Or X asks you to verify your phone number.") },
  { RESCUE_CHECK_TOO_MANY_ATTEMPTS,
    /* Translators: the messages X shows, in quotes */
    N_("“Too many attempts” or “Try again later”"),
    N_("X stopped you after several sign-ins that failed.") },
  { RESCUE_CHECK_SECURITY_KEY,
    N_("My security key or passkey no longer works"),
    N_("X asks for a key, or to set one up again.") },
  { RESCUE_CHECK_NOT_SURE,
    N_("I’m not sure"),
    N_("Code Rescue shows you how to tell these apart.") },
};

struct _RescueWelcomePage
{
  RescuePage           parent_instance;

  GtkBox              *check_choices;
  GtkCheckButton      *check_buttons[RESCUE_N_CHECKS];
  GtkWidget           *phone_card;
  GtkWidget           *phone_section;
  GtkWidget           *country_section;
  GtkWidget           *device_section;
  GtkWidget           *reasons_section;
  RescueSteps         *reasons;
  GtkToggleButton     *iphone_button;
  GtkToggleButton     *android_button;
  GtkToggleButton     *other_button;
  GtkDropDown         *country_dropdown;
  GtkLabel            *country_error;
  GtkSwitch           *device_switch;
  GtkButton           *start_button;

  GListModel          *countries;
  gboolean             countries_unreadable;
  GdkFrameClock       *painted_clock;
  gulong               painted_id;
  guint                countries_idle_id;

  /* set while the view copies the flow, so that doesn't echo back */
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (RescueWelcomePage, rescue_welcome_page, RESCUE_TYPE_PAGE)

/* Until the list of countries is read (just after the first frame), or
 * when it can't be, the drop-down holds the flow's country alone: with no
 * item it would say "(None)" */
static void
update_placeholder_country (RescueWelcomePage *self,
                            RescueFlow        *flow)
{
  const char *code = rescue_flow_get_country (flow);
  RescueCountry *shown = gtk_drop_down_get_selected_item (self->country_dropdown);
  g_autoptr(GListStore) store = NULL;
  g_autoptr(RescueCountry) country = NULL;

  if (shown != NULL && g_strcmp0 (rescue_country_get_code (shown), code) == 0)
    return;

  /* No name while loading, as the real one follows at once */
  country = rescue_country_new (code, self->countries_unreadable ? code : "");
  store = g_list_store_new (RESCUE_TYPE_COUNTRY);
  g_list_store_append (store, country);
  gtk_drop_down_set_model (self->country_dropdown, G_LIST_MODEL (store));
}

static gboolean
route_has_step (RescueCheck check,
                RescueStep  step)
{
  guint n_steps;
  const RescueStep *route = rescue_check_get_route (check, &n_steps);

  for (guint i = 0; i < n_steps; i++)
    if (route[i] == step)
      return TRUE;

  return FALSE;
}

static void
update_answers (RescueWelcomePage *self)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));
  GtkToggleButton *platform_buttons[] = {
    [RESCUE_PLATFORM_IPHONE]  = self->iphone_button,
    [RESCUE_PLATFORM_ANDROID] = self->android_button,
    [RESCUE_PLATFORM_OTHER]   = self->other_button,
  };

  RescueCheck check;
  gboolean texts_a_code;
  gboolean asks_device;

  if (flow == NULL)
    return;

  self->updating = TRUE;

  check = rescue_flow_get_check (flow);
  gtk_check_button_set_active (self->check_buttons[check], TRUE);

  /* Only what the route needs is asked: the phone and country where a
   * text from X is unblocked, the signed-in device where 2FA can be
   * turned off there */
  texts_a_code = route_has_step (check, RESCUE_STEP_UNBLOCK);
  asks_device = route_has_step (check, RESCUE_STEP_SIGNED_IN);
  gtk_widget_set_visible (self->phone_section, texts_a_code);
  gtk_widget_set_visible (self->country_section, texts_a_code);
  gtk_widget_set_visible (self->device_section, asks_device);
  gtk_widget_set_visible (self->phone_card, texts_a_code || asks_device);

  gtk_toggle_button_set_active (platform_buttons[rescue_flow_get_platform (flow)], TRUE);
  gtk_switch_set_active (self->device_switch, rescue_flow_get_has_signed_in_device (flow));

  if (self->countries != NULL)
    {
      guint position = rescue_countries_find (self->countries, rescue_flow_get_country (flow));

      if (position != G_MAXUINT)
        gtk_drop_down_set_selected (self->country_dropdown, position);
    }
  else
    update_placeholder_country (self, flow);

  self->updating = FALSE;
}

static void
check_toggled_cb (RescueWelcomePage *self,
                  GtkCheckButton    *button)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));

  if (self->updating || flow == NULL || !gtk_check_button_get_active (button))
    return;

  for (guint i = 0; i < RESCUE_N_CHECKS; i++)
    if (self->check_buttons[i] == button)
      rescue_flow_set_check (flow, i);
}

static GtkCheckButton *
check_choice_new (RescueWelcomePage *self,
                  const char        *title,
                  const char        *caption,
                  GtkCheckButton    *group)
{
  GtkWidget *choice = rescue_choice_new (title, caption, group);
  GtkCheckButton *button = rescue_choice_get_button (choice);

  g_signal_connect_object (button, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->check_choices, choice);

  return button;
}

static void
platform_toggled_cb (RescueWelcomePage *self,
                     GtkToggleButton   *button)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));
  RescuePlatform platform;

  if (self->updating || flow == NULL || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->android_button)
    platform = RESCUE_PLATFORM_ANDROID;
  else if (button == self->other_button)
    platform = RESCUE_PLATFORM_OTHER;
  else
    platform = RESCUE_PLATFORM_IPHONE;

  rescue_flow_set_platform (flow, platform);
}

static void
country_selected_cb (RescueWelcomePage *self)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));
  RescueCountry *country;

  if (self->updating || flow == NULL)
    return;

  country = gtk_drop_down_get_selected_item (self->country_dropdown);
  if (country != NULL)
    rescue_flow_set_country (flow, rescue_country_get_code (country));
}

static void
device_switch_cb (RescueWelcomePage *self)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));

  if (self->updating || flow == NULL)
    return;

  rescue_flow_set_has_signed_in_device (flow, gtk_switch_get_active (self->device_switch));
}

static void
rescue_welcome_page_flow_changed (RescuePage *page)
{
  update_answers (RESCUE_WELCOME_PAGE (page));
}

/* A page made again while the window is on screen (Start Over after a
 * resumed session) is drawn at once: with the list already read, it
 * never shows a country without its name */
static void
rescue_welcome_page_constructed (GObject *object)
{
  RescueWelcomePage *self = RESCUE_WELCOME_PAGE (object);
  GListModel *countries;

  G_OBJECT_CLASS (rescue_welcome_page_parent_class)->constructed (object);

  countries = rescue_context_peek_countries (rescue_page_get_context (RESCUE_PAGE (self)));
  if (countries != NULL)
    rescue_welcome_page_set_countries (self, countries, NULL);
}

static void
stop_waiting_for_paint (RescueWelcomePage *self)
{
  if (self->painted_id != 0)
    g_signal_handler_disconnect (self->painted_clock, self->painted_id);
  self->painted_id = 0;
  g_clear_object (&self->painted_clock);
}

/* What the page does once it is on screen, so that the first frame has
 * less to lay out and draw: the reasons below the Start button, which
 * nobody sees before scrolling */
static gboolean
load_countries_cb (gpointer data)
{
  RescueWelcomePage *self = data;
  const GError *error = NULL;
  GListModel *countries;

  self->countries_idle_id = 0;
  countries = rescue_context_get_countries (rescue_page_get_context (RESCUE_PAGE (self)), &error);
  rescue_welcome_page_set_countries (self, countries, error);

  return G_SOURCE_REMOVE;
}

static void
painted_cb (GdkFrameClock     *clock,
            RescueWelcomePage *self)
{
  stop_waiting_for_paint (self);

  gtk_widget_set_visible (self->reasons_section, TRUE);

  /* Reading and sorting every country's name can wait until the page is
   * on screen, and until the frame clock is done with the first frame */
  if (self->countries == NULL && !self->countries_unreadable && self->countries_idle_id == 0)
    self->countries_idle_id = g_idle_add_full (G_PRIORITY_LOW, load_countries_cb, self, NULL);
}

static void
rescue_welcome_page_map (GtkWidget *widget)
{
  RescueWelcomePage *self = RESCUE_WELCOME_PAGE (widget);

  GTK_WIDGET_CLASS (rescue_welcome_page_parent_class)->map (widget);

  stop_waiting_for_paint (self);
  self->painted_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->painted_id = g_signal_connect (self->painted_clock, "after-paint", G_CALLBACK (painted_cb), self);
}

static void
rescue_welcome_page_unmap (GtkWidget *widget)
{
  RescueWelcomePage *self = RESCUE_WELCOME_PAGE (widget);

  stop_waiting_for_paint (self);

  GTK_WIDGET_CLASS (rescue_welcome_page_parent_class)->unmap (widget);
}

static void
rescue_welcome_page_dispose (GObject *object)
{
  RescueWelcomePage *self = (RescueWelcomePage *)object;

  stop_waiting_for_paint (self);
  g_clear_handle_id (&self->countries_idle_id, g_source_remove);
  g_clear_object (&self->countries);

  gtk_widget_dispose_template (GTK_WIDGET (self), RESCUE_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (rescue_welcome_page_parent_class)->dispose (object);
}

static void
rescue_welcome_page_class_init (RescueWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RescuePageClass *page_class = RESCUE_PAGE_CLASS (klass);

  object_class->constructed = rescue_welcome_page_constructed;
  object_class->dispose = rescue_welcome_page_dispose;
  widget_class->map = rescue_welcome_page_map;
  widget_class->unmap = rescue_welcome_page_unmap;
  page_class->flow_changed = rescue_welcome_page_flow_changed;

  g_type_ensure (RESCUE_TYPE_COUNTRY);
  g_type_ensure (RESCUE_TYPE_STEPS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/rescue-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, check_choices);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, phone_card);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, phone_section);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, country_section);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, device_section);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, reasons_section);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, reasons);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, iphone_button);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, android_button);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, other_button);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, country_error);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, device_switch);
  gtk_widget_class_bind_template_child (widget_class, RescueWelcomePage, start_button);
  gtk_widget_class_bind_template_callback (widget_class, platform_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, device_switch_cb);
}

static void
rescue_welcome_page_init (RescueWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->start_button), RESCUE_EVENT_START);

  for (guint i = 0; i < G_N_ELEMENTS (check_choices); i++)
    self->check_buttons[check_choices[i].check] =
      check_choice_new (self, _(check_choices[i].title), _(check_choices[i].caption),
                        i > 0 ? self->check_buttons[check_choices[0].check] : NULL);
  rescue_page_set_default_widget (RESCUE_PAGE (self), GTK_WIDGET (self->start_button));

  /* Translators: the first of three reasons a login code does not arrive */
  rescue_steps_append (self->reasons, _("The number X texts from is <b>blocked</b> on your phone, often by accident."));
  /* Translators: the second of three reasons a login code does not arrive */
  rescue_steps_append (self->reasons, _("Your phone or your carrier <b>filters</b> the message as spam or as coming from an unknown sender."));
  /* Translators: the third of three reasons a login code does not arrive */
  rescue_steps_append (self->reasons, _("X’s own <b>text message delivery is failing</b>. Then waiting, or a way in that needs no text message, is what helps."));
}

/**
 * rescue_welcome_page_set_countries:
 * @countries: (nullable): RescueCountry items, or %NULL when the list
 *   could not be read
 * @error: (nullable): why the list could not be read
 */
void
rescue_welcome_page_set_countries (RescueWelcomePage *self,
                                   GListModel        *countries,
                                   const GError      *error)
{
  g_return_if_fail (RESCUE_IS_WELCOME_PAGE (self));

  g_set_object (&self->countries, countries);
  self->countries_unreadable = countries == NULL;

  self->updating = TRUE;
  gtk_drop_down_set_model (self->country_dropdown, countries);
  self->updating = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->country_dropdown), countries != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->country_error), countries == NULL);
  if (countries == NULL)
    {
      g_autofree char *message = NULL;
      g_autofree char *code = NULL;

      if (error != NULL)
        g_debug ("Country list: %s", error->message);

      /* a code such as "US", isolated: it reads left to right in a
       * right-to-left sentence */
      code = rescue_isolate (rescue_page_get_flow (RESCUE_PAGE (self))
                               ? rescue_flow_get_country (rescue_page_get_flow (RESCUE_PAGE (self)))
                               : "US");
      message = g_strdup_printf (_("The list of countries can’t be read, so the number for “%s” is used. Reinstalling the iso-codes package fixes this."),
                                 code);
      gtk_label_set_text (self->country_error, message);
    }

  update_answers (self);
}
