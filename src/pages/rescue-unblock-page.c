/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-unblock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-sources-box.h"
#include "rescue-steps.h"
#include "rescue-text.h"
#include "rescue-unblock-page-private.h"

/* Less-known causes, each with what to do on each phone; NULL android
 * text means the iPhone text fits every phone. */
typedef struct
{
  const char *title;
  const char *iphone;
  const char *android;
  /* the way in is a backup code: offer fix 2's steps for it */
  gboolean    backup_code;
} Cause;

static const Cause causes[] = {
  {
    N_("The code went to unknown senders or spam"),
    /* Translators: iPhone settings and Messages names as iOS shows them in your language; ≡ is the filter button at the top of Messages */
    N_("On iOS 26, texts from numbers that are not in your contacts may be screened: in <b>Messages</b>, tap the filter button <b>≡</b> at the top and look under <b>Unknown Senders</b>; open X’s message and tap <b>Mark as Known</b>. <b>Manage Filtering</b> in the same menu opens <b>Settings</b> › <b>Apps</b> › <b>Messages</b> › <b>Screen Unknown Senders</b>: under <b>Allow Notifications</b>, keep <b>Time Sensitive</b> on, as it lets verification codes through. A message in <b>Spam</b> is kept 90 days: tap <b>Remove from Spam</b>.\nOn iOS 18, Messages’ settings are in <b>Settings</b> › <b>Apps</b> › <b>Messages</b>: look for the filter for unknown senders there.\nOn iOS 17 or earlier, look in <b>Messages</b> › <b>Filters</b> › <b>Unknown Senders</b>; the setting is <b>Settings</b> › <b>Messages</b> › <b>Message Filtering</b> › <b>Filter Unknown Senders</b>."),
    /* Translators: Google Messages names as the app shows them in your language */
    N_("In <b>Google Messages</b>, tap your profile picture at the top right, then <b>Spam &amp; blocked</b>. Open X’s message there and tap <b>Not spam</b> or <b>Move to inbox</b>; if X’s number is blocked, tap <b>Unblock</b>. In another messages app, look for <b>Spam</b> or <b>Blocked numbers</b> in its settings."),
  },
  {
    N_("A STOP was once sent to X’s number"),
    N_("Texting STOP to X’s number can turn X’s text messages off, and may take your phone number off your X account. Text <b>START</b> to that number. Then, on a device where you are still signed in, check that your phone number is still on your X account, and add it again if it is gone."),
    NULL,
  },
  {
    N_("Your carrier blocks short codes or premium messages"),
    N_("Some plans block texts from five-digit short numbers. Ask your carrier to allow short-code (premium) messages on your line; many do it from your online account or their support number."),
    NULL,
  },
  {
    N_("You are abroad or roaming"),
    N_("Short codes often do not reach phones in another country. Sign in with a backup code or an authentication app, or ask again when you are back on your home network."),
    NULL,
    TRUE,
  },
  {
    N_("You changed your number or carrier"),
    N_("X still texts the number on your account. Sign in with a backup code, then update your phone number in X’s settings."),
    NULL,
    TRUE,
  },
  {
    N_("You asked for too many codes"),
    N_("After many requests X may refuse to send codes for up to 24 hours (“You have hit the limit for SMS codes”). Wait a day, then ask once."),
    NULL,
  },
  {
    N_("The code is only slow"),
    N_("Busy networks delay texts. Wait at least two minutes before asking for another code."),
    NULL,
  },
};

struct _RescueUnblockPage
{
  RescuePage        parent_instance;

  GtkLabel         *numbers_title;
  GtkLabel         *numbers_label;
  GtkLabel         *numbers_note;
  GtkWidget        *iphone_section;
  GtkWidget        *android_section;
  RescueSteps      *iphone_steps;
  RescueSteps      *android_steps;
  GtkBox           *causes;
  GtkButton        *failed_button;
  GtkButton        *worked_button;

  RescuePlatform    shown_platform;
};

G_DEFINE_FINAL_TYPE (RescueUnblockPage, rescue_unblock_page, RESCUE_TYPE_PAGE)

static void
update_numbers (RescueUnblockPage *self)
{
  RescueContext *context = rescue_page_get_context (RESCUE_PAGE (self));
  RescueShortCodes *short_codes = rescue_context_get_short_codes (context);
  const char *country = rescue_flow_get_country (rescue_context_get_flow (context));
  g_autoptr(GPtrArray) senders = NULL;
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autoptr(GString) note = g_string_new (NULL);
  RescueSenderAdvice advice = RESCUE_SENDER_ADVICE_UNKNOWN;
  gboolean any_historic = FALSE;

  if (short_codes != NULL)
    {
      senders = rescue_short_codes_lookup (short_codes, country);
      advice = rescue_short_codes_get_advice (short_codes, country);
    }

  /* Where the sender is no fixed number, what to look for instead */
  if (advice != RESCUE_SENDER_ADVICE_FIXED_NUMBER)
    {
      g_autofree char *sentences = rescue_sender_advice_describe (advice, country);

      gtk_label_set_text (self->numbers_title,
                          advice == RESCUE_SENDER_ADVICE_UNKNOWN
                            ? _("No number is known for your country")
                            : _("No fixed number to unblock"));
      g_string_append (note, sentences);
    }

  /* One line per number: how it is known and how old that is, so a
   * number from X's own pages is not mistaken for a 2009 blog's */
  for (guint i = 0; senders != NULL && i < senders->len; i++)
    {
      RescueSender *sender = g_ptr_array_index (senders, i);
      g_autofree char *description = rescue_sender_describe (sender);
      g_autoptr(GString) number = g_string_new (NULL);

      /* isolated, so that "+49 17 6888 50505" keeps its order in a
       * right-to-left sentence */
      rescue_append_isolated (number, sender->number);
      if (numbers->len > 0)
        /* Translators: what stands between two sender numbers on one line */
        g_string_append (numbers, C_("numbers", "   "));
      g_string_append (numbers, number->str);
      any_historic |= sender->historic;

      if (note->len > 0)
        g_string_append_c (note, '\n');
      if (sender->carriers != NULL && sender->carriers[0] != NULL)
        {
          /* Translators: what stands between two carriers' names */
          g_autofree char *carriers = g_strjoinv (C_("list", ", "), sender->carriers);

          /* Translators: a sender number, the carriers it is known for, and how it is known, e.g. "86444 (Vodafone, O2): From a mobile carrier’s own pages, 2009" */
          g_string_append_printf (note, _("%s (%s): %s"), number->str, carriers, description);
        }
      else
        {
          /* Translators: a sender number and how it is known, e.g. "40404: From X’s own help pages, 2017" */
          g_string_append_printf (note, _("%s: %s"), number->str, description);
        }
    }

  if (any_historic)
    {
      g_string_append_c (note, '\n');
      g_string_append (note, _("X publishes no current list of the numbers it texts from: look for any number you don’t recognise in the block list too."));
    }

  if (senders != NULL && senders->len > 0 && advice == RESCUE_SENDER_ADVICE_FIXED_NUMBER)
    gtk_label_set_text (self->numbers_title,
                        any_historic
                          ? g_dngettext (GETTEXT_PACKAGE, "X’s codes may come from this number", "X’s codes may come from these numbers", senders->len)
                          : g_dngettext (GETTEXT_PACKAGE, "Number to unblock", "Numbers to unblock", senders->len));
  gtk_label_set_text (self->numbers_label, numbers->str);
  gtk_widget_set_visible (GTK_WIDGET (self->numbers_label), numbers->len > 0);
  gtk_label_set_text (self->numbers_note, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->numbers_note), note->len > 0);
}

static void
backup_code_clicked_cb (RescueUnblockPage *self)
{
  rescue_page_send (RESCUE_PAGE (self), RESCUE_EVENT_SHOW_SIGNED_IN);
}

static GtkWidget *
cause_row_new (RescueUnblockPage *self,
               const Cause       *cause,
               RescuePlatform     platform)
{
  g_autofree char *text = NULL;
  GtkWidget *expander;
  GtkWidget *title;
  GtkWidget *body;

  if (cause->android == NULL || platform == RESCUE_PLATFORM_IPHONE)
    text = g_strdup (_(cause->iphone));
  else if (platform == RESCUE_PLATFORM_ANDROID)
    text = g_strdup (_(cause->android));
  else
    /* Translators: the iPhone steps, then the Android steps, for a phone that may be either */
    text = g_strdup_printf (_("<b>iPhone:</b> %s\n<b>Android:</b> %s"), _(cause->iphone), _(cause->android));

  title = gtk_label_new (_(cause->title));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);

  body = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (body), text);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (body), 0.0);
  gtk_widget_add_css_class (body, "cause-body");

  expander = gtk_expander_new (NULL);
  gtk_expander_set_label_widget (GTK_EXPANDER (expander), title);
  if (cause->backup_code)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Use a _Backup Code"));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "cause-body");
      g_signal_connect_object (button, "clicked", G_CALLBACK (backup_code_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), body);
      gtk_box_append (GTK_BOX (box), button);
      gtk_expander_set_child (GTK_EXPANDER (expander), box);
    }
  else
    gtk_expander_set_child (GTK_EXPANDER (expander), body);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(cause->title),
                                  -1);
  gtk_widget_add_css_class (expander, "cause");

  return expander;
}

static void
update_platform (RescueUnblockPage *self)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));
  RescuePlatform platform = flow ? rescue_flow_get_platform (flow) : RESCUE_PLATFORM_OTHER;
  GtkWidget *child;

  gtk_widget_set_visible (self->iphone_section, platform != RESCUE_PLATFORM_ANDROID);
  gtk_widget_set_visible (self->android_section, platform != RESCUE_PLATFORM_IPHONE);

  if (platform == self->shown_platform && gtk_widget_get_first_child (GTK_WIDGET (self->causes)) != NULL)
    return;

  self->shown_platform = platform;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->causes))) != NULL)
    gtk_box_remove (self->causes, child);
  for (guint i = 0; i < G_N_ELEMENTS (causes); i++)
    gtk_box_append (self->causes, cause_row_new (self, &causes[i], platform));
}

static void
rescue_unblock_page_flow_changed (RescuePage *page)
{
  RescueUnblockPage *self = RESCUE_UNBLOCK_PAGE (page);

  update_numbers (self);
  update_platform (self);
}

static void
rescue_unblock_page_dispose (GObject *object)
{
  RescueUnblockPage *self = (RescueUnblockPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RESCUE_TYPE_UNBLOCK_PAGE);

  G_OBJECT_CLASS (rescue_unblock_page_parent_class)->dispose (object);
}

static void
rescue_unblock_page_class_init (RescueUnblockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RescuePageClass *page_class = RESCUE_PAGE_CLASS (klass);

  object_class->dispose = rescue_unblock_page_dispose;
  page_class->flow_changed = rescue_unblock_page_flow_changed;

  g_type_ensure (RESCUE_TYPE_SOURCES_BOX);
  g_type_ensure (RESCUE_TYPE_STEPS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/rescue-unblock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RescueUnblockPage, numbers_title);
  gtk_widget_class_bind_template_child (widget_class, RescueUnblockPage, numbers_label);
  gtk_widget_class_bind_template_child (widget_class, RescueUnblockPage, numbers_note);
  gtk_widget_class_bind_template_child (widget_class, RescueUnblockPage, iphone_section);
  gtk_widget_class_bind_template_child (widget_class, RescueUnblockPage, android_section);
  gtk_widget_class_bind_template_child (widget_class, RescueUnblockPage, iphone_steps);
  gtk_widget_class_bind_template_child (widget_class, RescueUnblockPage, android_steps);
  gtk_widget_class_bind_template_child (widget_class, RescueUnblockPage, causes);
  gtk_widget_class_bind_template_child (widget_class, RescueUnblockPage, failed_button);
  gtk_widget_class_bind_template_child (widget_class, RescueUnblockPage, worked_button);
}

static void
rescue_unblock_page_init (RescueUnblockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->worked_button), RESCUE_EVENT_FIX_WORKED);
  rescue_page_bind_event (RESCUE_PAGE (self), GTK_WIDGET (self->failed_button), RESCUE_EVENT_FIX_FAILED);
  /* Two outcomes and no default: a hurried Enter must not answer */

  /* iOS 26 keeps one block list for the whole phone; before, each app
   * had its own */
  /* Translators: iPhone settings names as iOS shows them in your language */
  rescue_steps_append (self->iphone_steps, _("On iOS 26, open <b>Settings</b> › <b>Privacy &amp; Security</b> › <b>Blocked Contacts</b>. On iOS 18 or earlier, the list is in <b>Settings</b> › <b>Apps</b> › <b>Messages</b> › <b>Blocked Contacts</b>, or on older versions <b>Settings</b> › <b>Messages</b> or <b>Settings</b> › <b>Phone</b> › <b>Blocked Contacts</b>."));
  rescue_steps_append (self->iphone_steps, _("Swipe left on X’s number, or on every number you don’t recognise, and tap <b>Unblock</b>. Or tap <b>Edit</b>, then the red <b>−</b>."));
  rescue_steps_append (self->iphone_steps, _("Go back to X and ask for a new code."));

  rescue_steps_append (self->android_steps, _("Open the <b>Phone</b> app and tap the three dots <b>⋮</b>."));
  rescue_steps_append (self->android_steps, _("Tap <b>Settings</b> › <b>Blocked numbers</b>."));
  rescue_steps_append (self->android_steps, _("Tap the <b>✕</b> next to X’s number, or next to every number you don’t recognise, and confirm <b>Unblock</b>."));
  /* Translators: Samsung's Phone app names as it shows them in your language */
  rescue_steps_append (self->android_steps, _("On a Samsung phone, the list is called <b>Block numbers</b>, and each number has a red <b>−</b> or a bin to remove it."));
  /* Translators: Google Messages names as the app shows them in your language */
  rescue_steps_append (self->android_steps, _("In <b>Google Messages</b>, tap your profile picture at the top right, then <b>Spam &amp; blocked</b>. If X’s messages are there, open them and tap <b>Unblock</b>. Another messages app keeps its own list: look for <b>Blocked numbers</b> or <b>Spam</b> in its settings."));
  /* Translators: Samsung Messages names as the app shows them in your language */
  rescue_steps_append (self->android_steps, _("Samsung Messages stopped working in July 2026 on Android 12 and newer: Galaxy phones use Google Messages now. On Android 11 or older, its list is in <b>Messages</b> › <b>⋮</b> › <b>Settings</b> › <b>Block numbers and spam</b>."));
  rescue_steps_append (self->android_steps, _("Go back to X and ask for a new code."));

  self->shown_platform = RESCUE_PLATFORM_OTHER;
}

/**
 * rescue_unblock_page_get_numbers_text:
 * The numbers shown, or %NULL when none is known; what a test reads.
 */
const char *
rescue_unblock_page_get_numbers_text (RescueUnblockPage *self)
{
  g_return_val_if_fail (RESCUE_IS_UNBLOCK_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->numbers_label)))
    return NULL;

  return gtk_label_get_text (self->numbers_label);
}
