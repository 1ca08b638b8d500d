/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "rescue-countries.h"
#include "rescue-page.h"
#include "test-net.h"
#include "ui-harness.h"

static char *tmp_root;
static char *state_file;
static char *browser_log;

/* GIO caches the XDG folders and the default URL handler on first use, so
 * everything is pointed at a private tree before GTK starts. */
void
ui_harness_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *apps = NULL;
  g_autofree char *config = NULL;
  g_autofree char *script = NULL;
  g_autofree char *desktop = NULL;
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;
  g_autofree char *state_home = NULL;

  tmp_root = g_dir_make_tmp ("code-rescue-ui-XXXXXX", &error);
  g_assert_no_error (error);

  state_home = g_build_filename (tmp_root, "state", NULL);
  apps = g_build_filename (tmp_root, "data", "applications", NULL);
  config = g_build_filename (tmp_root, "config", NULL);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);

  state_file = g_build_filename (state_home, "code-rescue", "progress.json", NULL);
  browser_log = g_build_filename (tmp_root, "browser.log", NULL);

  script = g_build_filename (tmp_root, "fake-browser.sh", NULL);
  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", browser_log);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);

  /* UI_NO_BROWSER: a machine where nothing opens web links */
  if (g_getenv ("UI_NO_BROWSER") == NULL)
    {
      desktop = g_build_filename (apps, "fake-browser.desktop", NULL);
      desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Fake Browser\n"
                                      "Exec=%s %%u\nMimeType=x-scheme-handler/http;x-scheme-handler/https;\n",
                                      script);
      g_file_set_contents (desktop, desktop_text, -1, &error);
      g_assert_no_error (error);
      {
        g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);

        g_file_set_contents (mimeapps,
                             "[Default Applications]\n"
                             "x-scheme-handler/http=fake-browser.desktop\n"
                             "x-scheme-handler/https=fake-browser.desktop\n",
                             -1, &error);
        g_assert_no_error (error);
      }
    }

  g_setenv ("XDG_STATE_HOME", state_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  {
    g_autofree char *data_home = g_build_filename (tmp_root, "data", NULL);

    g_autofree char *data_dirs = g_strconcat (data_home, ":/usr/local/share:/usr/share", NULL);

    /* the system folders stay: they hold the MIME database that image
     * loading needs; our mimeapps.list still picks the fake browser */
    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
    g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  }

  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() forces the C locale. The environment's locale, as
   * the app takes it: a test run with LANG and LOCPATH (test-l10n-locale)
   * gets a real one; otherwise C.UTF-8, where LANGUAGE works */
  if (setlocale (LC_ALL, "") == NULL || g_str_equal (setlocale (LC_ALL, NULL), "C"))
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* and the direction GTK takes from its own catalogue in that language
   * (gtk_init() chose it in the C locale): right to left under Arabic */
  gtk_widget_set_default_direction (gtk_get_locale_direction ());
}

const char *
ui_harness_state_file (void)
{
  return state_file;
}

const char *
ui_harness_browser_log (void)
{
  return browser_log;
}

char *
ui_harness_read_browser_log (void)
{
  char *contents = NULL;

  if (!g_file_get_contents (browser_log, &contents, NULL, NULL))
    return NULL;

  return contents;
}

static gboolean
browser_log_written (gpointer data)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (browser_log, &contents, NULL, NULL) &&
         strchr (contents, '\n') != NULL;
}

/* The browser is another process: wait until it has written the URL */
char *
ui_harness_wait_for_browser (void)
{
  if (!ui_wait_until (browser_log_written, NULL, 10000))
    return NULL;

  return ui_harness_read_browser_log ();
}

void
ui_harness_forget_browser (void)
{
  g_unlink (browser_log);
}

static void
serve_form_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                    "<html>form</html>", 17);
}

/* A stand-in for X's help site on 127.0.0.1: every path answers 200 */
SoupServer *
ui_server_new (char **base_uri)
{
  g_autoptr(GUri) uri = NULL;
  SoupServer *server = test_net_server_new (serve_form_cb, NULL, 0, &uri);

  *base_uri = g_uri_to_string (uri);
  return server;
}

/* On screen and laid out */
static gboolean
window_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) &&
         gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

typedef struct
{
  UiApp    *ui;
  UiBody    body;
  gpointer  data;
} Run;

static void
activate_cb (RescueApplication *app,
             Run               *run)
{
  UiApp *ui = run->ui;

  ui->window = RESCUE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (ui->window);
  g_object_add_weak_pointer (G_OBJECT (ui->window), (gpointer *)&ui->window);
  g_assert_true (ui_wait_until (window_mapped_cb, ui->window, 5000));
  /* what the window leaves for after its first frame (the country list) */
  ui_flush ();

  run->body (ui, run->data);

  /* Like closing the window: the app quits, the store writes what is pending */
  if (ui->window != NULL)
    gtk_window_destroy (GTK_WINDOW (ui->window));
  g_application_quit (G_APPLICATION (app));
}

/* Runs the real application, as main() does, with @body inside it once
 * its window is on screen */
void
ui_run (UiBody   body,
        gpointer data)
{
  UiApp ui = { NULL, NULL };
  Run run = { &ui, body, data };

  ui.app = rescue_application_new ();
  g_application_set_flags (G_APPLICATION (ui.app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (ui.app, "activate", G_CALLBACK (activate_cb), &run);

  g_assert_cmpint (g_application_run (G_APPLICATION (ui.app), 0, NULL), ==, 0);

  ui_flush ();
  g_assert_null (ui.window);
  g_assert_finalize_object (g_steal_pointer (&ui.app));
}

/* ui_run() with no saved progress, no browser visit remembered, and the
 * support form at @support_form_url (a local server) */
void
ui_run_fresh (UiBody      body,
              const char *support_form_url)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  g_unlink (ui_harness_state_file ());
  ui_harness_forget_browser ();
  g_settings_set_string (settings, "support-form-url", support_form_url);
  ui_run (body, NULL);
}

/* Runs @body in an application with no progress saved, whose window
 * opens @width pixels wide */
void
ui_run_sized (UiBody body,
              int    width)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  g_unlink (ui_harness_state_file ());
  g_settings_set_int (settings, "window-width", width);
  ui_run (body, NULL);
}

/* For g_test_add_data_func (), with the body as the data: the default
 * window, and one as narrow as the app allows */
void
ui_run_wide (gconstpointer body)
{
  ui_run_sized ((UiBody)body, 860);
}

void
ui_run_narrow (gconstpointer body)
{
  ui_run_sized ((UiBody)body, 360);
}

typedef struct
{
  gboolean done;
} Deadline;

static void
deadline_cb (gpointer data)
{
  ((Deadline *)data)->done = TRUE;
}

gboolean
ui_wait_until (gboolean (*condition) (gpointer),
               gpointer   data,
               guint      timeout_ms)
{
  Deadline deadline = { FALSE };
  guint id = g_timeout_add_once (timeout_ms, deadline_cb, &deadline);
  gboolean met;

  while (!(met = condition (data)) && !deadline.done)
    g_main_context_iteration (NULL, TRUE);

  if (!deadline.done)
    g_source_remove (id);

  return met;
}

void
ui_flush (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find (GtkWidget *root,
      gboolean (*match) (GtkWidget *, gconstpointer),
      gconstpointer data,
      guint     *nth)
{
  if (match (root, data))
    {
      if (*nth == 0)
        return root;
      (*nth)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, data, nth);

      if (found != NULL)
        return found;
    }

  /* Popovers and expander contents are children too, so this reaches them */
  return NULL;
}

static gboolean
button_has_label (GtkWidget     *widget,
                  gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  part)
{
  return GTK_IS_LABEL (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
ui_find_button (GtkWidget  *root,
                const char *label)
{
  guint nth = 0;

  return find (root, button_has_label, label, &nth);
}

GtkWidget *
ui_find_label (GtkWidget  *root,
               const char *text)
{
  guint nth = 0;

  return find (root, label_has_text, text, &nth);
}

/* The first label whose text holds @part */
GtkWidget *
ui_find_label_containing (GtkWidget  *root,
                          const char *part)
{
  guint nth = 0;

  return find (root, label_contains, part, &nth);
}

GtkWidget *
ui_find_type (GtkWidget *root,
              GType      type,
              guint      nth)
{
  return find (root, is_type, GSIZE_TO_POINTER (type), &nth);
}

/* Shown to a person: visible itself and all the way up */
gboolean
ui_widget_shown (GtkWidget *widget)
{
  g_assert_nonnull (widget);

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;

  return TRUE;
}

/* Clicks the button labelled @label on the visible page; it must exist,
 * be shown and be sensitive, as for a person */
void
ui_click (GtkWidget  *root,
          const char *label)
{
  GtkWidget *button = ui_find_button (root, label);

  if (button == NULL)
    g_error ("No button “%s”", label);
  g_assert_true (ui_widget_shown (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ui_flush ();
}

gboolean
ui_step_has_page (RescueStep step)
{
  switch (step)
    {
    case RESCUE_STEP_WELCOME:
    case RESCUE_STEP_UNBLOCK:
    case RESCUE_STEP_SIGNED_IN:
    case RESCUE_STEP_SUPPORT:
    case RESCUE_STEP_RESOLVED:
    case RESCUE_STEP_WAITING_FOR_SUPPORT:
    case RESCUE_STEP_IDENTIFY:
    case RESCUE_STEP_RESET_CODE:
    case RESCUE_STEP_LOCKED:
    case RESCUE_STEP_WAIT:
    case RESCUE_STEP_SECURITY_KEY:
      return TRUE;
    default:
      return FALSE;
    }
}

RescueStep
ui_visible_step (UiApp *ui)
{
  GtkWidget *visible = rescue_window_get_visible_page (ui->window);

  for (RescueStep step = 0; step < RESCUE_N_STEPS; step++)
    if (ui_step_has_page (step) && rescue_window_get_page (ui->window, step) == visible)
      return step;

  g_assert_not_reached ();
}

GtkWidget *
ui_page (UiApp      *ui,
         RescueStep  step)
{
  return rescue_window_get_page (ui->window, step);
}

void
ui_set_platform (UiApp      *ui,
                 const char *label)
{
  GtkWidget *button = ui_find_button (ui_page (ui, RESCUE_STEP_WELCOME), label);

  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  ui_flush ();
}

void
ui_set_country (UiApp      *ui,
                const char *code)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (ui_find_type (ui_page (ui, RESCUE_STEP_WELCOME), GTK_TYPE_DROP_DOWN, 0));
  guint position = rescue_countries_find (gtk_drop_down_get_model (dropdown), code);

  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_drop_down_set_selected (dropdown, position);
  ui_flush ();
}

void
ui_set_signed_in (UiApp    *ui,
                  gboolean  signed_in)
{
  GtkWidget *sw = ui_find_type (ui_page (ui, RESCUE_STEP_WELCOME), GTK_TYPE_SWITCH, 0);

  gtk_switch_set_active (GTK_SWITCH (sw), signed_in);
  ui_flush ();
}

char *
ui_read_clipboard (GtkWidget *widget)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  GValue value = G_VALUE_INIT;
  char *text = NULL;

  if (content == NULL)
    return NULL;

  g_value_init (&value, G_TYPE_STRING);
  if (gdk_content_provider_get_value (content, &value, NULL))
    text = g_value_dup_string (&value);
  g_value_unset (&value);

  return text;
}

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL));
  *(gboolean *)data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *)data;
}

/* Real key presses through the X server, as a keyboard would send them,
 * to @window */
void
ui_xdotool (GtkWindow  *window,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  gboolean exited = FALSE;
  va_list ap;

  g_ptr_array_add (args, g_strdup ("xdotool"));
  g_ptr_array_add (args, g_strdup ("windowfocus"));
  g_ptr_array_add (args, g_strdup ("--sync"));
  g_ptr_array_add (args, g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface)));
  g_ptr_array_add (args, g_strdup (first));
  va_start (ap, first);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *)args->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, waited_cb, &exited);
  g_assert_true (ui_wait_until (flag_set, &exited, 10000));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  ui_flush ();
}

/* The "Start over?" dialog, when it is open */
GtkWidget *
ui_find_start_over_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* Answers the open "Start over?" dialog as a click would */
void
ui_answer_start_over (gboolean confirm)
{
  GtkWidget *dialog = ui_find_start_over_dialog ();

  g_assert_nonnull (dialog);
  ui_click (dialog, confirm ? "Start _Over" : "_Cancel");
  g_assert_null (ui_find_start_over_dialog ());
}

/* Until what was just changed is laid out and drawn */
void
ui_settle (UiApp *ui)
{
  ui_flush ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (ui->window));
  ui_flush ();
}

/* Shows every step's page once, as a person would reach it (with a
 * signed-in device and their details typed), and calls @func on each:
 * the two-factor route, then each other check's own first step, and last
 * the resolved page */
void
ui_visit_every_page (UiApp      *ui,
                     UiPageFunc  func,
                     gpointer    data)
{
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (ui->app));
  /* check: the answer given before the event, or -1 to keep it */
  static const struct { int check; RescueEvent event; RescueStep step; } path[] = {
    { RESCUE_CHECK_TWO_FACTOR, RESCUE_EVENT_START, RESCUE_STEP_UNBLOCK },
    { -1, RESCUE_EVENT_FIX_FAILED, RESCUE_STEP_SIGNED_IN },
    { -1, RESCUE_EVENT_FIX_FAILED, RESCUE_STEP_SUPPORT },
    { -1, RESCUE_EVENT_SUPPORT_SUBMITTED, RESCUE_STEP_WAITING_FOR_SUPPORT },
    { -1, RESCUE_EVENT_RESTART, RESCUE_STEP_WELCOME },
    { RESCUE_CHECK_NOT_SURE, RESCUE_EVENT_START, RESCUE_STEP_IDENTIFY },
    { RESCUE_CHECK_PASSWORD_RESET, RESCUE_EVENT_START, RESCUE_STEP_RESET_CODE },
    { -1, RESCUE_EVENT_RESTART, RESCUE_STEP_WELCOME },
    { RESCUE_CHECK_LOCKED, RESCUE_EVENT_START, RESCUE_STEP_LOCKED },
    { -1, RESCUE_EVENT_RESTART, RESCUE_STEP_WELCOME },
    { RESCUE_CHECK_TOO_MANY_ATTEMPTS, RESCUE_EVENT_START, RESCUE_STEP_WAIT },
    { -1, RESCUE_EVENT_RESTART, RESCUE_STEP_WELCOME },
    { RESCUE_CHECK_SECURITY_KEY, RESCUE_EVENT_START, RESCUE_STEP_SECURITY_KEY },
    { -1, RESCUE_EVENT_RESTART, RESCUE_STEP_WELCOME },
    { RESCUE_CHECK_TWO_FACTOR, RESCUE_EVENT_START, RESCUE_STEP_UNBLOCK },
    { -1, RESCUE_EVENT_FIX_WORKED, RESCUE_STEP_RESOLVED },
  };
  gboolean seen[RESCUE_N_STEPS] = { FALSE, };

  rescue_flow_set_has_signed_in_device (flow, TRUE);
  rescue_flow_set_username (flow, "jack");
  rescue_flow_set_email (flow, "jack@example.org");
  ui_settle (ui);
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_WELCOME);
  func (ui, RESCUE_STEP_WELCOME, data);
  seen[RESCUE_STEP_WELCOME] = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_autoptr(GError) error = NULL;

      if (path[i].check >= 0)
        rescue_flow_set_check (flow, path[i].check);
      g_assert_true (rescue_flow_handle (flow, path[i].event, &error));
      g_assert_no_error (error);
      ui_settle (ui);
      g_assert_cmpint (ui_visible_step (ui), ==, path[i].step);
      if (!seen[path[i].step])
        func (ui, path[i].step, data);
      seen[path[i].step] = TRUE;
    }

  for (RescueStep step = 0; step < RESCUE_N_STEPS; step++)
    g_assert_true (seen[step] || !ui_step_has_page (step));
}

typedef struct
{
  RescueFlow *flow;
  RescueStep  step;
} StepWatch;

static gboolean
step_moved (gpointer data)
{
  StepWatch *watch = data;

  return rescue_flow_get_step (watch->flow) != watch->step;
}

/* Enter, as a keyboard sends it. A button pressed with Enter clicks only
 * after its press animation (250 ms), so this waits for a move, or long
 * enough to be sure of none. */
void
ui_press_enter (UiApp *ui)
{
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (ui->app));
  StepWatch watch = { flow, rescue_flow_get_step (flow) };

  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "Return", NULL);
  ui_wait_until (step_moved, &watch, 1000);
  ui_flush ();
}
