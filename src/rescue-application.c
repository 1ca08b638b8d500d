/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-application.h"
#include "rescue-store.h"
#include "rescue-style-manager.h"
#include "rescue-text.h"
#include "rescue-wait-reminder.h"
#include "rescue-window.h"

struct _RescueApplication
{
  GtkApplication         parent_instance;

  GSettings             *settings;
  RescueContext         *context;
  RescueFlow            *flow;      /* the context's */
  RescueStore           *store;
  RescueStoreLoadResult  load_result;
  GError                *load_error;
  RescueStyleManager    *style_manager;
  RescueWaitReminder    *wait_reminder;

  /* the open "Start over?" dialog, if any (weak) */
  GtkWidget             *start_over_dialog;
};

G_DEFINE_FINAL_TYPE (RescueApplication, rescue_application, GTK_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { "reset", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Delete the saved progress and quit"), NULL },
  /* Taken here so that handle_local_options can refuse them: GApplication
   * would otherwise try to open them as files */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL, NULL, NULL },
  { NULL }
};

static void
show_load_result (RescueApplication *self,
                  RescueWindow      *window)
{
  g_autofree char *message = NULL;

  switch (self->load_result)
    {
    case RESCUE_STORE_LOAD_RESTORED:
      if (rescue_flow_get_step (self->flow) == RESCUE_STEP_WELCOME)
        return;
      message = g_strdup (_("Welcome back. You are where you left off."));
      rescue_window_show_banner (window, message, TRUE);
      break;
    case RESCUE_STORE_LOAD_SET_ASIDE:
      message = g_strdup (_("Your saved progress could not be read, so Code Rescue started fresh. The old file was kept next to it as progress.json.corrupt."));
      rescue_window_show_banner (window, message, FALSE);
      break;
    case RESCUE_STORE_LOAD_LEFT_ALONE:
      /* Translators: %s is the full path of the progress file */
      {
        /* a path reads left to right, even in a right-to-left sentence */
        g_autofree char *path = rescue_isolate (rescue_store_get_path (self->store));

        message = g_strdup_printf (_("Your saved progress in %s could not be read or moved aside, so Code Rescue started fresh and left the file as it is. Your progress will not be saved until that file is moved or deleted."),
                                   path);
      }
      rescue_window_show_banner (window, message, FALSE);
      break;
    case RESCUE_STORE_LOAD_UNSAFE_FOLDER:
      {
        g_autofree char *dirname = g_path_get_dirname (rescue_store_get_path (self->store));
        g_autofree char *folder = rescue_isolate (dirname);

        /* Translators: %s is the full path of a folder */
        message = g_strdup_printf (_("The folder %s belongs to someone else or cannot be made private, so Code Rescue will not read or save your progress there. Your username and email stay in this window only."),
                                   folder);
        rescue_window_show_banner (window, message, FALSE);
      }
      break;
    case RESCUE_STORE_LOAD_LOCKED:
      message = g_strdup (_("Code Rescue is already open, maybe in another session, and saves your progress there. This window starts fresh and saves nothing: close it and use the other window."));
      rescue_window_show_banner (window, message, FALSE);
      break;
    case RESCUE_STORE_LOAD_FRESH:
    default:
      return;
    }

  /* Say it once */
  self->load_result = RESCUE_STORE_LOAD_FRESH;
}

/* Forgets the fixes tried and the typed details; the answers on the
 * welcome page stay, as they are still true */
static void
start_over (RescueApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_object_freeze_notify (G_OBJECT (self->flow));
  rescue_flow_handle (self->flow, RESCUE_EVENT_RESTART, NULL);
  rescue_flow_clear_support_details (self->flow);
  g_object_thaw_notify (G_OBJECT (self->flow));

  if (RESCUE_IS_WINDOW (window))
    rescue_window_show_banner (RESCUE_WINDOW (window), NULL, FALSE);
}

static gboolean
has_progress (RescueApplication *self)
{
  return rescue_flow_get_step (self->flow) != RESCUE_STEP_WELCOME ||
         *rescue_flow_get_username (self->flow) != '\0' ||
         *rescue_flow_get_email (self->flow) != '\0';
}

static void
start_over_response_cb (GtkDialog         *dialog,
                        int                response,
                        RescueApplication *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    start_over (self);
}

/* Forgetting is never one keystroke away: Cancel is the default, so
 * stray presses of Enter keep everything */
static void
start_over_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       data)
{
  RescueApplication *self = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;
  GtkWidget *cancel;
  GtkWidget *confirm;

  if (!has_progress (self))
    {
      start_over (self);
      return;
    }

  if (self->start_over_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->start_over_dialog));
      return;
    }

  dialog = gtk_message_dialog_new (window,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* Translators: heading of the dialog that asks before all progress is forgotten */
                                   "%s", _("Start over?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Code Rescue will forget which fixes you tried and the username and email you typed. Your answers about your phone stay."));
  cancel = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  confirm = gtk_dialog_add_button (GTK_DIALOG (dialog), _("Start _Over"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (confirm, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (start_over_response_cb), self, 0);
  self->start_over_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->start_over_dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (cancel);
}

/* --reset while a window is open: forget in the running app too, or its
 * next change would write everything back */
static void
reset_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       data)
{
  RescueApplication *self = data;
  g_autoptr(GError) error = NULL;

  start_over (self);
  if (!rescue_store_delete (self->store, &error))
    g_message ("%s", error->message);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       data)
{
  RescueApplication *self = data;
  static const char *developers[] = { "The Code Rescue developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", _("Code Rescue"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Get back into your X account when the login code does not arrive"),
                         "website", PACKAGE_WEBSITE,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (data)));

  /* Closing, not just quitting, so each window remembers its size */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (data));
}

/* Asks a Code Rescue already running in this session to forget its
 * progress (app.reset), without starting GTK here: --reset must work from
 * a terminal with no display. The call waits for the answer, so the running
 * app has stopped saving before the files are deleted here. FALSE with
 * @error when one is running but did not do it; FALSE without when none
 * is running. */
static gboolean
reset_running_instance (gboolean  *running,
                        GError   **error)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) done = NULL;
  g_autofree char *object_path = NULL;

  *running = FALSE;
  if (bus == NULL)
    return TRUE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", running);
  if (!*running)
    return TRUE;

  /* GApplication's object path: the ID with dots as slashes */
  object_path = g_strconcat ("/", APP_ID, NULL);
  g_strdelimit (object_path, ".", '/');
  done = g_dbus_connection_call_sync (bus, APP_ID, object_path, "org.gtk.Actions", "Activate",
                                      g_variant_new ("(sava{sv})", "reset", NULL, NULL),
                                      NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, 10000, NULL, error);
  return done != NULL;
}

static int
reset_progress (void)
{
  g_autofree char *path = rescue_store_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(RescueStore) store = rescue_store_new (path);
  g_autoptr(GError) running_error = NULL;
  g_autoptr(GError) lock_error = NULL;
  g_autoptr(GError) error = NULL;
  gboolean running = FALSE;
  gboolean reached;

  /* The app that saves the progress holds the folder's lock. No folder:
   * nothing saved, no one saving, and nothing to make here */
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    rescue_store_lock (store, &lock_error);

  /* A running Code Rescue holds the progress in memory: it must forget it
   * there too, or its next change would write it all back */
  reached = reset_running_instance (&running, &running_error);

  /* Held by an app this session cannot reach (another session bus, or one
   * that does not answer): it would write everything back, so nothing is
   * deleted */
  if (g_error_matches (lock_error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_LOCKED) &&
      !(running && reached))
    {
      g_printerr ("%s\n", _("Nothing was deleted: Code Rescue is open in another session or does not answer, and would save the progress again. Close it, then try again."));
      return 1;
    }

  /* Deleted here in any case (when the app that was reached holds the
   * lock, it deleted the files itself and this only checks), and checked:
   * only what is really gone is reported as gone */
  if (!rescue_store_delete (store, &error))
    {
      /* Translators: %s names what is left and why, in English */
      g_printerr (_("Could not delete the saved progress: %s\n"), error->message);
      return 1;
    }

  if (!reached)
    {
      /* Translators: %s is a technical reason from the session bus, in English */
      g_printerr (_("Saved progress deleted, but the open Code Rescue window did not answer: %s. Close it without making changes, or it may save your progress again.\n"),
                  running_error->message);
      return 1;
    }

  g_print (_("Saved progress deleted. Code Rescue will start from the beginning.\n"));
  return 0;
}

static int
rescue_application_handle_local_options (GApplication *application,
                                         GVariantDict *options_dict)
{
  if (g_variant_dict_contains (options_dict, G_OPTION_REMAINING))
    {
      g_printerr ("%s\n", _("Code Rescue takes no file names or other arguments. Run “code-rescue --help” to see its options."));
      return 2;
    }

  if (g_variant_dict_contains (options_dict, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options_dict, "reset"))
    return reset_progress ();

  return -1;
}

static void
rescue_application_startup (GApplication *application)
{
  RescueApplication *self = RESCUE_APPLICATION (application);
  static const GActionEntry actions[] = {
    { "start-over", start_over_activated_cb },
    { "reset", reset_activated_cb },
    { "about", about_activated_cb },
    { "quit", quit_activated_cb },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  /* Escape too, but the window decides what it means (rescue-window.c) */
  static const char *back_accels[] = { "<Alt>Left", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) lock_error = NULL;

  G_APPLICATION_CLASS (rescue_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.back", back_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);

  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  self->style_manager = rescue_style_manager_new (g_application_get_dbus_connection (application));

  self->settings = g_settings_new (BASE_APP_ID);
  self->context = rescue_context_new (self->settings);
  self->flow = g_object_ref (rescue_context_get_flow (self->context));
  self->wait_reminder = rescue_wait_reminder_new (application, self->flow);

  path = rescue_store_default_path ();
  self->store = rescue_store_new (path);
  /* One writer: a second app (on another session bus, so not reached as
   * the primary instance) that finds the lock held reads and saves
   * nothing, and the load result says why */
  if (!rescue_store_lock (self->store, &lock_error))
    g_debug ("Progress folder not locked: %s", lock_error->message);
  self->load_result = rescue_store_load (self->store, self->flow, &self->load_error);
  if (self->load_error != NULL)
    g_message ("Saved progress not used: %s", self->load_error->message);
  rescue_store_watch (self->store, self->flow);
}

static void
rescue_application_activate (GApplication *application)
{
  RescueApplication *self = RESCUE_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (rescue_window_new (GTK_APPLICATION (self), self->context));

  gtk_window_present (window);
  show_load_result (self, RESCUE_WINDOW (window));
}

static void
rescue_application_shutdown (GApplication *application)
{
  RescueApplication *self = RESCUE_APPLICATION (application);

  /* The main loop will not run again: write what is still on its way */
  if (self->store != NULL)
    rescue_store_flush (self->store);
  g_clear_object (&self->store);

  G_APPLICATION_CLASS (rescue_application_parent_class)->shutdown (application);
}

static void
rescue_application_dispose (GObject *object)
{
  RescueApplication *self = (RescueApplication *)object;

  if (self->start_over_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->start_over_dialog), (gpointer *)&self->start_over_dialog);
  self->start_over_dialog = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->style_manager);
  g_clear_object (&self->wait_reminder);
  g_clear_error (&self->load_error);
  g_clear_object (&self->flow);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rescue_application_parent_class)->dispose (object);
}

static void
rescue_application_class_init (RescueApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rescue_application_dispose;
  app_class->handle_local_options = rescue_application_handle_local_options;
  app_class->startup = rescue_application_startup;
  app_class->activate = rescue_application_activate;
  app_class->shutdown = rescue_application_shutdown;
}

static void
rescue_application_init (RescueApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Get back into your X account when the login code does not arrive."));
}

RescueApplication *
rescue_application_new (void)
{
  return g_object_new (RESCUE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * rescue_application_get_context:
 * What the window and its pages show; made at start-up.
 *
 * Returns: (transfer none) (nullable): the context, or %NULL before start-up
 */
RescueContext *
rescue_application_get_context (RescueApplication *self)
{
  g_return_val_if_fail (RESCUE_IS_APPLICATION (self), NULL);

  return self->context;
}
