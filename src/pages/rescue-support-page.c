/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-support-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-sources-box.h"
#include "rescue-button-row.h"
#include "rescue-support-page.h"

/* Only validate after a pause: don't scold someone mid-word */
#define VALIDATE_DELAY_MS 600

struct _RescueSupportPage
{
  RescuePage            parent_instance;

  GtkEntry             *username_entry;
  GtkLabel             *username_error;
  GtkEntry             *email_entry;
  GtkLabel             *email_error;
  GtkLabel             *message_label;
  GtkWidget            *checking_box;
  GtkSpinner           *checking_spinner;
  GtkWidget            *error_box;
  GtkLabel             *error_label;
  GtkLabel             *note_label;
  GtkWidget            *backup_box;
  GtkLabel             *copied_label;
  GtkButton            *open_button;
  GtkLabel             *open_hint;
  GtkWidget            *cancel_button;
  GtkWidget            *copy_link_button;
  GtkWidget            *copy_username_button;
  GtkWidget            *copy_email_button;

  GCancellable         *cancellable;
  char                 *link_to_copy;
  /* the details as they were sent, while the check runs */
  char                 *checked_username;
  char                 *checked_email;
  guint                 validate_id;
  guint                 message_idle_id;
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (RescueSupportPage, rescue_support_page, RESCUE_TYPE_PAGE)

static gboolean
details_are_valid (RescueSupportPage  *self,
                   char              **username,
                   char              **email)
{
  return rescue_support_validate_username (gtk_editable_get_text (GTK_EDITABLE (self->username_entry)), username, NULL) &&
         rescue_support_validate_email (gtk_editable_get_text (GTK_EDITABLE (self->email_entry)), email, NULL);
}

static void
show_field_error (GtkEntry     *entry,
                  GtkLabel     *error_label,
                  const GError *error)
{
  gboolean invalid = error != NULL;

  gtk_label_set_text (error_label, invalid ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), invalid);
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
update_message (RescueSupportPage *self,
                gboolean           read_countries)
{
  RescueContext *context = rescue_page_get_context (RESCUE_PAGE (self));
  g_autofree char *message = NULL;

  /* Not while the template is built: the context comes after */
  if (context == NULL)
    return;

  /* The entries write through to the flow, so it has what is typed */
  message = rescue_context_dup_support_message (context, read_countries);
  gtk_label_set_text (self->message_label, message);
}

/* What the form still needs, said next to the greyed-out button */
static const char *
missing_details (RescueSupportPage *self)
{
  gboolean username = rescue_support_validate_username (gtk_editable_get_text (GTK_EDITABLE (self->username_entry)), NULL, NULL);
  gboolean email = rescue_support_validate_email (gtk_editable_get_text (GTK_EDITABLE (self->email_entry)), NULL, NULL);

  /* Translators: shown under the greyed-out “Open Support Form” button; X is the service (formerly Twitter) */
  if (!username && !email)
    return _("Type your X username and email address to continue.");
  /* Translators: shown under the greyed-out “Open Support Form” button */
  if (!username)
    return _("Type your X username to continue.");
  /* Translators: shown under the greyed-out “Open Support Form” button */
  if (!email)
    return _("Type your email address to continue.");

  return NULL;
}

static void
update_buttons (RescueSupportPage *self)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));
  gboolean checking = self->cancellable != NULL;
  const char *missing = checking ? NULL : missing_details (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button),
                            !checking &&
                            flow != NULL &&
                            rescue_flow_can_handle (flow, RESCUE_EVENT_SUPPORT_SUBMITTED) &&
                            missing == NULL);
  gtk_label_set_text (self->open_hint, missing ? missing : "");
  gtk_widget_set_visible (GTK_WIDGET (self->open_hint), missing != NULL);
  gtk_widget_set_visible (self->checking_box, checking);
  gtk_spinner_set_spinning (self->checking_spinner, checking);
  gtk_widget_set_sensitive (self->copy_username_button,
                            *gtk_editable_get_text (GTK_EDITABLE (self->username_entry)) != '\0');
  gtk_widget_set_sensitive (self->copy_email_button,
                            *gtk_editable_get_text (GTK_EDITABLE (self->email_entry)) != '\0');
  /* Once there and back, Back leads to the backup-code steps */
  gtk_widget_set_visible (self->backup_box,
                          flow != NULL && rescue_flow_can_handle (flow, RESCUE_EVENT_SHOW_SIGNED_IN));
  /* What is checked is what is sent: no edits halfway */
  gtk_editable_set_editable (GTK_EDITABLE (self->username_entry), !checking);
  gtk_editable_set_editable (GTK_EDITABLE (self->email_entry), !checking);
}

static gboolean
validate_cb (gpointer data)
{
  RescueSupportPage *self = data;
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_entry));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_entry));
  g_autoptr(GError) username_error = NULL;
  g_autoptr(GError) email_error = NULL;

  self->validate_id = 0;

  /* An empty field is not an error yet: nothing was typed */
  if (*username != '\0')
    rescue_support_validate_username (username, NULL, &username_error);
  if (*email != '\0')
    rescue_support_validate_email (email, NULL, &email_error);

  show_field_error (self->username_entry, self->username_error, username_error);
  show_field_error (self->email_entry, self->email_error, email_error);

  return G_SOURCE_REMOVE;
}

static void
show_error (RescueSupportPage *self,
            const char        *message,
            const char        *link)
{
  /* An address Code Rescue refuses to open is not one to hand on */
  char *copy = rescue_support_uri_is_allowed (link) ? g_strdup (link) : NULL;

  /* @link may be the field itself */
  g_free (self->link_to_copy);
  self->link_to_copy = copy;

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (self->error_box, message != NULL);
  gtk_widget_set_visible (self->copy_link_button, copy != NULL);
}

static void
show_note (RescueSupportPage *self,
           const char        *note)
{
  gtk_label_set_text (self->note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

static void
finish_checking (RescueSupportPage *self)
{
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->checked_username, g_free);
  g_clear_pointer (&self->checked_email, g_free);
  update_buttons (self);
}

static void
details_changed_cb (RescueSupportPage *self,
                    GtkEditable       *editable)
{
  RescueFlow *flow = rescue_page_get_flow (RESCUE_PAGE (self));

  if (self->updating)
    return;

  /* Saved exactly as typed, so nothing is lost if the app is closed */
  if (flow != NULL)
    {
      if (editable == GTK_EDITABLE (self->username_entry))
        rescue_flow_set_username (flow, gtk_editable_get_text (editable));
      else
        rescue_flow_set_email (flow, gtk_editable_get_text (editable));
    }

  show_field_error (GTK_ENTRY (editable),
                    GTK_ENTRY (editable) == self->username_entry ? self->username_error : self->email_error,
                    NULL);
  g_clear_handle_id (&self->validate_id, g_source_remove);
  self->validate_id = g_timeout_add (VALIDATE_DELAY_MS, validate_cb, self);

  update_message (self, FALSE);
  update_buttons (self);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(RescueSupportPage) self = data;
  g_autoptr(GError) error = NULL;

  /* Cancelled: the page may already be torn down; stay silent */
  if (!rescue_support_request_open_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (self->open_button != NULL)
        finish_checking (self);
      return;
    }

  if (error != NULL)
    {
      show_error (self, error->message, self->link_to_copy);
      finish_checking (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->open_button));
      return;
    }

  finish_checking (self);
  show_error (self, NULL, NULL);
  rescue_page_send (RESCUE_PAGE (self), RESCUE_EVENT_SUPPORT_SUBMITTED);

  /* The next page replaces this one: a note about the form (moved, or X's
   * site in trouble) goes to the window, or nobody would read it */
  if (gtk_widget_get_visible (GTK_WIDGET (self->note_label)))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.notice", "s",
                                gtk_label_get_text (self->note_label));
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(RescueSupportPage) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GAppLaunchContext) context = NULL;
  RescueFormAnswer answer;

  if (!rescue_support_request_check_finish ((RescueSupportRequest *)source, result, &answer, &uri, &error))
    {
      g_autofree char *form_uri = NULL;
      g_autofree char *link = NULL;

      /* Cancelled: the page may already be torn down; stay silent */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (self->open_button != NULL)
            finish_checking (self);
          return;
        }

      form_uri = rescue_context_dup_support_form_uri (rescue_page_get_context (RESCUE_PAGE (self)));
      link = rescue_support_build_form_uri (form_uri, self->checked_username,
                                            self->checked_email, NULL);
      show_error (self, error->message, link);
      finish_checking (self);
      /* Open Support Form is the way to try again */
      gtk_widget_grab_focus (GTK_WIDGET (self->open_button));
      return;
    }

  switch (answer)
    {
    case RESCUE_FORM_ANSWER_MOVED:
      show_note (self, _("X’s form for this problem has moved, so X’s general account access form opens instead. Choose the option that fits there."));
      break;
    case RESCUE_FORM_ANSWER_SERVER_TROUBLE:
      show_note (self, _("X’s help site is having trouble right now. If the form doesn’t load in your browser, try again in a while."));
      break;
    case RESCUE_FORM_ANSWER_OK:
    case RESCUE_FORM_ANSWER_OTHER:
    default:
      show_note (self, NULL);
      break;
    }

  /* The form may ignore the prefilled fields: pasting must be one
   * keystroke away */
  message = rescue_context_dup_support_message (rescue_page_get_context (RESCUE_PAGE (self)), TRUE);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), message);

  g_free (self->link_to_copy);
  self->link_to_copy = g_strdup (uri);

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  rescue_support_request_open_async (uri, context, self->cancellable,
                                     open_done_cb, g_object_ref (self));
}

static void
open_clicked_cb (RescueSupportPage *self)
{
  g_autofree char *username = NULL;
  g_autofree char *email = NULL;

  if (self->cancellable != NULL)
    return;

  if (!details_are_valid (self, &username, &email))
    {
      g_clear_handle_id (&self->validate_id, g_source_remove);
      validate_cb (self);
      return;
    }

  show_error (self, NULL, NULL);
  show_note (self, NULL);

  self->cancellable = g_cancellable_new ();
  self->checked_username = g_steal_pointer (&username);
  self->checked_email = g_steal_pointer (&email);
  rescue_support_request_check_async (rescue_context_get_support_request (rescue_page_get_context (RESCUE_PAGE (self))),
                                      self->checked_username, self->checked_email,
                                      self->cancellable, check_done_cb, g_object_ref (self));
  update_buttons (self);
  /* The pressed button is now insensitive: keep focus somewhere useful */
  gtk_widget_grab_focus (self->cancel_button);
}

/* The hint stays with its button: under it at the end of the row, or
 * centred under a button as wide as the page */
static void
open_row_stacked_cb (RescueSupportPage *self)
{
  RescueButtonRow *row = rescue_page_get_action_row (RESCUE_PAGE (self));

  gtk_label_set_xalign (self->open_hint, rescue_button_row_get_stacked (row) ? 0.5 : 1.0);
}

static void
cancel_clicked_cb (RescueSupportPage *self)
{
  /* The callbacks see CANCELLED and stay silent */
  g_cancellable_cancel (self->cancellable);
}

/* Each detail is one click from the clipboard: X's form may ask for it
 * again, whatever the address carried */
static void
copy_text (RescueSupportPage *self,
           const char        *text,
           const char        *said)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  gtk_label_set_text (self->copied_label, said);
  gtk_widget_set_visible (GTK_WIDGET (self->copied_label), TRUE);
}

static void
copy_username_clicked_cb (RescueSupportPage *self)
{
  g_autofree char *username = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->username_entry));

  /* As X knows it, without the "@" people often type */
  if (!rescue_support_validate_username (typed, &username, NULL))
    username = g_strdup (typed);
  copy_text (self, username, _("Your username is on your clipboard."));
}

static void
copy_email_clicked_cb (RescueSupportPage *self)
{
  g_autofree char *email = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->email_entry));

  if (!rescue_support_validate_email (typed, &email, NULL))
    email = g_strdup (typed);
  copy_text (self, email, _("Your email address is on your clipboard."));
}

static void
copy_message_clicked_cb (RescueSupportPage *self)
{
  g_autofree char *message = rescue_context_dup_support_message (rescue_page_get_context (RESCUE_PAGE (self)), TRUE);

  copy_text (self, message, _("The message is on your clipboard. Paste it into X’s form with Ctrl+V."));
  /* Said next to the button pressed, too, when it was the error card's */
  if (gtk_widget_get_visible (self->error_box))
    show_note (self, gtk_label_get_text (self->copied_label));
}

/* Enter in the username goes on to the email, as a form does */
static void
username_activate_cb (RescueSupportPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->email_entry));
}

static void
backup_clicked_cb (RescueSupportPage *self)
{
  rescue_page_send (RESCUE_PAGE (self), RESCUE_EVENT_SHOW_SIGNED_IN);
}

static void
copy_link_clicked_cb (RescueSupportPage *self)
{
  if (self->link_to_copy == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->link_to_copy);
  show_note (self, _("The link is on your clipboard. Paste it into your web browser’s address bar."));
}

static void
rescue_support_page_flow_changed (RescuePage *page)
{
  RescueSupportPage *self = RESCUE_SUPPORT_PAGE (page);
  RescueFlow *flow = rescue_page_get_flow (page);

  if (flow != NULL)
    {
      /* Only copy into the entries when the flow differs, so the cursor
       * doesn't jump while typing */
      gboolean copied = FALSE;

      self->updating = TRUE;
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->username_entry)), rescue_flow_get_username (flow)) != 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->username_entry), rescue_flow_get_username (flow));
          copied = TRUE;
        }
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->email_entry)), rescue_flow_get_email (flow)) != 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->email_entry), rescue_flow_get_email (flow));
          copied = TRUE;
        }
      self->updating = FALSE;

      /* Details restored from an earlier visit were typed long ago: say
       * straight away what is wrong with them */
      if (copied)
        {
          g_clear_handle_id (&self->validate_id, g_source_remove);
          validate_cb (self);
        }
    }

  /* A new attempt starts clean: no error or note from the last one */
  if (flow != NULL && rescue_flow_get_step (flow) == RESCUE_STEP_WELCOME)
    {
      show_error (self, NULL, NULL);
      show_note (self, NULL);
    }

  update_message (self, FALSE);
  update_buttons (self);
}

static gboolean
update_message_cb (gpointer data)
{
  RescueSupportPage *self = data;

  self->message_idle_id = 0;
  /* The country's name, even when nothing has read the list yet (a visit
   * that resumed on this page) */
  update_message (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
rescue_support_page_map (GtkWidget *widget)
{
  RescueSupportPage *self = RESCUE_SUPPORT_PAGE (widget);

  GTK_WIDGET_CLASS (rescue_support_page_parent_class)->map (widget);

  /* In the window now, the message can name the country and X's numbers;
   * reading every country's name waits until the page is on screen */
  g_clear_handle_id (&self->message_idle_id, g_source_remove);
  self->message_idle_id = g_idle_add_full (G_PRIORITY_LOW, update_message_cb, self, NULL);
}

static void
rescue_support_page_unmap (GtkWidget *widget)
{
  RescueSupportPage *self = RESCUE_SUPPORT_PAGE (widget);

  /* Leaving the page abandons a check in flight */
  g_cancellable_cancel (self->cancellable);

  GTK_WIDGET_CLASS (rescue_support_page_parent_class)->unmap (widget);
}

static void
rescue_support_page_dispose (GObject *object)
{
  RescueSupportPage *self = (RescueSupportPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->validate_id, g_source_remove);
  g_clear_handle_id (&self->message_idle_id, g_source_remove);
  g_clear_pointer (&self->link_to_copy, g_free);
  g_clear_pointer (&self->checked_username, g_free);
  g_clear_pointer (&self->checked_email, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), RESCUE_TYPE_SUPPORT_PAGE);

  G_OBJECT_CLASS (rescue_support_page_parent_class)->dispose (object);
}

static void
rescue_support_page_class_init (RescueSupportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RescuePageClass *page_class = RESCUE_PAGE_CLASS (klass);

  object_class->dispose = rescue_support_page_dispose;
  widget_class->map = rescue_support_page_map;
  widget_class->unmap = rescue_support_page_unmap;
  page_class->flow_changed = rescue_support_page_flow_changed;

  g_type_ensure (RESCUE_TYPE_SOURCES_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/rescue-support-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, username_entry);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, username_error);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, email_entry);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, email_error);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, checking_box);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, checking_spinner);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, error_box);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, backup_box);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, copied_label);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, copy_username_button);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, copy_email_button);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, open_hint);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RescueSupportPage, copy_link_button);
  gtk_widget_class_bind_template_callback (widget_class, details_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_link_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_username_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_email_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_message_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, username_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_clicked_cb);
}

static void
rescue_support_page_init (RescueSupportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rescue_page_set_default_widget (RESCUE_PAGE (self), GTK_WIDGET (self->open_button));

  g_signal_connect_object (rescue_page_get_action_row (RESCUE_PAGE (self)), "notify::stacked",
                           G_CALLBACK (open_row_stacked_cb), self, G_CONNECT_SWAPPED);
}
