/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rescue-sources.h"
#include "rescue-wait-page-private.h"
#include "rescue-wait-reminder.h"
#include "rescue-choice.h"
#include "ui-harness.h"

/* Each route of issue #18, from the welcome page through every page of
 * the route to its support form or its end, with the real buttons. The
 * answer to "what is X asking for?" is given through the flow (the
 * welcome page's question is built apart from these pages); everything
 * else is clicked. */

static SoupServer *server;
static char *base_uri;

/* ---- A stand-in for the desktop's notification server ----------------- */

/* GLib's "gtk" notification backend, used when org.gtk.Notifications has
 * an owner on the session bus, sends it AddNotification and
 * RemoveNotification; this process owns the name and writes down what
 * arrives, so no notification daemon is needed and none is shown. */

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GString *notification_log;
static gboolean have_notification_server;
/* kept: GLib holds the shared bus connection only weakly, and the name
 * and object go with it */
static GDBusConnection *notification_bus;

static void
notification_call_cb (GDBusConnection       *connection,
                      const char            *sender,
                      const char            *object_path,
                      const char            *interface_name,
                      const char            *method_name,
                      GVariant              *parameters,
                      GDBusMethodInvocation *invocation,
                      gpointer               data)
{
  const char *id = NULL;

  if (g_strcmp0 (method_name, "AddNotification") == 0)
    {
      g_autoptr(GVariant) props = NULL;
      const char *title = NULL;
      const char *body = NULL;

      g_variant_get (parameters, "(&s&s@a{sv})", NULL, &id, &props);
      g_variant_lookup (props, "title", "&s", &title);
      g_variant_lookup (props, "body", "&s", &body);
      g_string_append_printf (notification_log, "add %s: %s / %s\n", id, title, body);
    }
  else
    {
      g_variant_get (parameters, "(&s&s)", NULL, &id);
      g_string_append_printf (notification_log, "remove %s\n", id);
    }

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
start_notification_server (void)
{
  static const GDBusInterfaceVTable vtable = { notification_call_cb, NULL, NULL, { 0 } };
  GDBusConnection *bus = notification_bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result = 0;

  notification_log = g_string_new (NULL);
  if (bus == NULL)
    return;

  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/gtk/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);

  /* 4: DBUS_NAME_FLAG_DO_NOT_QUEUE; 1: we are the primary owner */
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.gtk.Notifications", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  have_notification_server = result == 1;
}

static gboolean
notification_logged (gpointer data)
{
  return strstr (notification_log->str, data) != NULL;
}

/* ---- Helpers -------------------------------------------------------------- */

static RescueFlow *
flow_of (UiApp *ui)
{
  return rescue_context_get_flow (rescue_application_get_context (ui->app));
}

static GtkWidget *
visible_page (UiApp *ui)
{
  return rescue_window_get_visible_page (ui->window);
}

static void
click (UiApp      *ui,
       const char *label,
       RescueStep  expected)
{
  ui_click (visible_page (ui), label);
  g_assert_cmpint (ui_visible_step (ui), ==, expected);
  g_assert_cmpint (rescue_flow_get_step (flow_of (ui)), ==, expected);
}

static void
back (UiApp      *ui,
      RescueStep  expected)
{
  gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.back", NULL);
  ui_flush ();
  g_assert_cmpint (ui_visible_step (ui), ==, expected);
}

/* The answer to the welcome page's question, then its Start button */
static void
start (UiApp       *ui,
       RescueCheck  check,
       RescueStep   expected)
{
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_WELCOME);
  rescue_flow_set_check (flow_of (ui), check);
  ui_flush ();
  click (ui, "_Start", expected);
}

static void
assert_shows (UiApp      *ui,
              const char *text)
{
  GtkWidget *label = ui_find_label_containing (visible_page (ui), text);

  if (label == NULL)
    g_error ("“%s” is not on the %s page", text, rescue_step_to_string (ui_visible_step (ui)));
  g_assert_true (ui_widget_shown (label));
}

/* A page whose decision is between two outcomes: nothing answers for the
 * person when they press Enter */
static void
assert_enter_does_not_answer (UiApp *ui)
{
  RescueStep step = ui_visible_step (ui);

  g_assert_null (gtk_window_get_default_widget (GTK_WINDOW (ui->window)));
  g_assert_null (rescue_page_get_default_widget (RESCUE_PAGE (visible_page (ui))));
  ui_press_enter (ui);
  g_assert_cmpint (rescue_flow_get_step (flow_of (ui)), ==, step);
  g_assert_cmpint (ui_visible_step (ui), ==, step);
}

/* Puts the flow on the wait page, the hour begun @ago seconds ago */
static void
restore_wait (UiApp  *ui,
              gint64  ago)
{
  g_auto(RescueFlowSnapshot) snapshot = { 0 };
  g_autoptr(GError) error = NULL;

  rescue_flow_get_snapshot (flow_of (ui), &snapshot);
  snapshot.step = RESCUE_STEP_WAIT;
  snapshot.history[0] = RESCUE_STEP_WELCOME;
  snapshot.n_history = 1;
  memset (snapshot.outcomes, 0, sizeof snapshot.outcomes);
  snapshot.support_submitted_at = 0;
  snapshot.check = RESCUE_CHECK_TOO_MANY_ATTEMPTS;
  snapshot.wait_started_at = g_get_real_time () / G_USEC_PER_SEC - ago;
  g_assert_true (rescue_flow_restore (flow_of (ui), &snapshot, &error));
  g_assert_no_error (error);
  ui_settle (ui);
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_WAIT);
}

static const char *
wait_heading (UiApp *ui)
{
  GtkWidget *label = ui_find_label_containing (visible_page (ui), "You can try again");

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* ---- The routes ------------------------------------------------------------ */

static void
test_two_factor (UiApp    *ui,
                 gpointer  data)
{
  start (ui, RESCUE_CHECK_TWO_FACTOR, RESCUE_STEP_UNBLOCK);
  /* no signed-in device: fix 2 is passed over */
  click (ui, "Still _No Code", RESCUE_STEP_SUPPORT);
  assert_shows (ui, "Contact X Support");
}

static void
test_password_reset (UiApp    *ui,
                     gpointer  data)
{
  start (ui, RESCUE_CHECK_PASSWORD_RESET, RESCUE_STEP_RESET_CODE);
  assert_shows (ui, "Get the Password-Reset Code");
  assert_shows (ui, "Use the code within 60 minutes.");
  assert_shows (ui, "If X offers your email, choose it");
  assert_shows (ui, "X Help Center: the forgot-password form");
  assert_enter_does_not_answer (ui);

  /* still a text from X: the sender is unblocked next */
  click (ui, "Still _No Code", RESCUE_STEP_UNBLOCK);
  click (ui, "Still _No Code", RESCUE_STEP_SUPPORT);
  g_assert_cmpint (rescue_flow_get_outcome (flow_of (ui), RESCUE_FIX_RESET_CODE), ==, RESCUE_OUTCOME_DID_NOT_WORK);

  /* and the other way out: back, and it worked */
  back (ui, RESCUE_STEP_UNBLOCK);
  back (ui, RESCUE_STEP_RESET_CODE);
  click (ui, "It _Worked", RESCUE_STEP_RESOLVED);
  g_assert_cmpint (rescue_flow_get_outcome (flow_of (ui), RESCUE_FIX_RESET_CODE), ==, RESCUE_OUTCOME_WORKED);
}

static void
test_locked (UiApp    *ui,
             gpointer  data)
{
  start (ui, RESCUE_CHECK_LOCKED, RESCUE_STEP_LOCKED);
  assert_shows (ui, "Unlock Your Account");
  assert_shows (ui, "On X’s lock screen, press Start.");
  assert_shows (ui, "Solve the puzzle. It may take several rounds.");
  assert_shows (ui, "a text message, a phone call or an email");
  assert_shows (ui, "No Start button? Then X does not offer to verify your phone");
  assert_shows (ui, "Lamidix: locked and limited X accounts");
  assert_enter_does_not_answer (ui);

  click (ui, "Still _No Code", RESCUE_STEP_UNBLOCK);
  click (ui, "Still _No Code", RESCUE_STEP_SUPPORT);
  g_assert_cmpint (rescue_flow_get_outcome (flow_of (ui), RESCUE_FIX_LOCKED), ==, RESCUE_OUTCOME_DID_NOT_WORK);
}

static void
test_too_many_attempts (UiApp    *ui,
                        gpointer  data)
{
  RescueFlow *flow = flow_of (ui);
  g_autofree char *time = NULL;
  g_autofree char *expected = NULL;

  start (ui, RESCUE_CHECK_TOO_MANY_ATTEMPTS, RESCUE_STEP_WAIT);
  assert_shows (ui, "Wait for the Lock to End");
  assert_shows (ui, "Trying again before then does not shorten the lock.");
  g_assert_cmpint (rescue_flow_get_wait_started_at (flow), >, 0);

  time = rescue_wait_page_format_time (rescue_flow_get_wait_ends_at (flow));
  expected = g_strdup_printf ("You can try again at %s", time);
  g_assert_cmpstr (wait_heading (ui), ==, expected);
  /* no source is known by address: none is listed */
  g_assert_null (ui_find_label (visible_page (ui), "Sources"));
  assert_enter_does_not_answer (ui);

  click (ui, "Still _Locked", RESCUE_STEP_SUPPORT);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_WAIT), ==, RESCUE_OUTCOME_DID_NOT_WORK);
  back (ui, RESCUE_STEP_WAIT);
  click (ui, "I’m _Back In", RESCUE_STEP_RESOLVED);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_WAIT), ==, RESCUE_OUTCOME_WORKED);
}

/* The time shown is the hour's end, in the computer's own time zone (UTC
 * here), written as the language writes it */
static void
test_wait_time (UiApp    *ui,
                gpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) ends = NULL;
  g_autofree char *time = NULL;
  g_autofree char *today = NULL;
  g_autofree char *expected = NULL;

  /* another day: the date too (20 November 2025, 14:03 UTC) */
  time = rescue_wait_page_format_time (1763647380);
  g_assert_cmpstr (time, ==, "November 20, 2025, 2:03\u00a0PM");
  g_clear_pointer (&time, g_free);

  /* today: the time alone */
  today = rescue_wait_page_format_time (now);
  ends = g_date_time_new_from_unix_local (now);
  g_clear_pointer (&time, g_free);
  time = g_date_time_format (ends, "%-I:%M\u00a0%p");
  g_assert_cmpstr (today, ==, time);

  /* begun ten minutes ago: fifty minutes to go */
  restore_wait (ui, 600);
  g_clear_pointer (&time, g_free);
  time = rescue_wait_page_format_time (now - 600 + RESCUE_FLOW_WAIT_SECONDS);
  expected = g_strdup_printf ("You can try again at %s", time);
  g_assert_cmpstr (wait_heading (ui), ==, expected);
}

/* An hour that ended, on screen or not: the page says so, and so does a
 * notification, withdrawn once the person moves on */
static void
test_wait_over (UiApp    *ui,
                gpointer  data)
{
  RescueFlow *flow = flow_of (ui);

  if (!have_notification_server)
    {
      g_test_skip ("no session bus to stand in for the notification server on");
      return;
    }

  g_string_truncate (notification_log, 0);
  restore_wait (ui, 2 * RESCUE_FLOW_WAIT_SECONDS);
  g_assert_cmpstr (wait_heading (ui), ==, "You can try again now");
  assert_shows (ui, "The hour is up: sign in to X again.");
  g_assert_true (ui_wait_until (notification_logged, "add " RESCUE_WAIT_REMINDER_NOTIFICATION_ID ": You can try X again / ", 10000));

  /* Start Over: no longer waiting */
  g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_RESTART, NULL));
  g_assert_true (ui_wait_until (notification_logged, "remove " RESCUE_WAIT_REMINDER_NOTIFICATION_ID "\n", 10000));
}

static void
test_security_key (UiApp    *ui,
                   gpointer  data)
{
  g_autofree char *opened = NULL;
  g_autofree char *expected = g_strconcat (RESCUE_X_SECURITY_KEYS_URI, "\n", NULL);

  start (ui, RESCUE_CHECK_SECURITY_KEY, RESCUE_STEP_SECURITY_KEY);
  assert_shows (ui, "Set Up Your Security Key Again");
  assert_shows (ui, "enrol your security key again, pick another two-factor method, or turn two-factor authentication off");
  assert_shows (ui, "A passkey signs you in instead of your password; it is not a two-factor method.");
  assert_shows (ui, "Settings and privacy › Security and account access › Security › Additional password protection › Passkey");
  assert_enter_does_not_answer (ui);

  /* a computer still signed in to x.com: X's page for the keys */
  ui_harness_forget_browser ();
  ui_click (visible_page (ui), "Open X’s _Security Key Settings");
  opened = ui_harness_wait_for_browser ();
  g_assert_cmpstr (opened, ==, expected);
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SECURITY_KEY);

  click (ui, "Still _Locked", RESCUE_STEP_SUPPORT);
  g_assert_cmpint (rescue_flow_get_outcome (flow_of (ui), RESCUE_FIX_SECURITY_KEY), ==, RESCUE_OUTCOME_DID_NOT_WORK);
}

/* "I'm not sure": what each screen says, then the person's choice, which
 * the flow routes */
static void
test_not_sure (UiApp    *ui,
               gpointer  data)
{
  static const struct {
    const char  *title;
    RescueCheck  check;
    RescueStep   first;
  } choices[] = {
    { "X asks for a sign-in code it texted you", RESCUE_CHECK_TWO_FACTOR, RESCUE_STEP_UNBLOCK },
    { "X sent a code to reset your password", RESCUE_CHECK_PASSWORD_RESET, RESCUE_STEP_RESET_CODE },
    { "“Your account has been locked”", RESCUE_CHECK_LOCKED, RESCUE_STEP_LOCKED },
    { "X says you tried too often", RESCUE_CHECK_TOO_MANY_ATTEMPTS, RESCUE_STEP_WAIT },
    { "X asks for your security key", RESCUE_CHECK_SECURITY_KEY, RESCUE_STEP_SECURITY_KEY },
  };
  RescueFlow *flow = flow_of (ui);
  GtkWidget *page;
  GtkWidget *button;

  start (ui, RESCUE_CHECK_NOT_SURE, RESCUE_STEP_IDENTIFY);
  page = visible_page (ui);
  assert_shows (ui, "What Does X’s Screen Say?");
  assert_shows (ui, "needs X Premium");
  assert_shows (ui, "Or X asks you to verify your phone, often with a Start button and a puzzle.");

  /* nothing chosen: Continue waits, and Enter does nothing */
  button = ui_find_button (page, "_Continue");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (ui->window)) == button);
  ui_press_enter (ui);
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_IDENTIFY);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GtkWidget *title = ui_find_label (page, choices[i].title);
      GtkWidget *radio;

      g_test_message ("choosing “%s”", choices[i].title);
      g_assert_nonnull (title);
      radio = GTK_WIDGET (rescue_choice_get_button (gtk_widget_get_ancestor (title, GTK_TYPE_GRID)));
      g_assert_nonnull (radio);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (radio), TRUE);
      ui_flush ();
      g_assert_cmpint (rescue_flow_get_check (flow), ==, choices[i].check);
      g_assert_true (gtk_widget_get_sensitive (button));

      click (ui, "_Continue", choices[i].first);

      /* Back shows the choice made, and only it */
      back (ui, RESCUE_STEP_IDENTIFY);
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (radio)));
      for (guint j = 0; j < G_N_ELEMENTS (choices); j++)
        if (j != i)
          g_assert_false (gtk_check_button_get_active (rescue_choice_get_button (gtk_widget_get_ancestor (ui_find_label (page, choices[j].title),
                                                                                                               GTK_TYPE_GRID))));
    }

  /* once chosen, Enter continues */
  ui_press_enter (ui);
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SECURITY_KEY);
  click (ui, "Still _Locked", RESCUE_STEP_SUPPORT);
}

/* At the default size (850 × 610, as issue #20 measured it), the first
 * thing to do on each route's own page is in view without scrolling */
static void
test_first_step_in_view (UiApp    *ui,
                         gpointer  data)
{
  static const struct {
    RescueCheck  check;
    RescueStep   step;
    const char  *first;
  } pages[] = {
    { RESCUE_CHECK_NOT_SURE, RESCUE_STEP_IDENTIFY, "X asks for a sign-in code it texted you" },
    { RESCUE_CHECK_PASSWORD_RESET, RESCUE_STEP_RESET_CODE, "On X’s screen after Forgot password?" },
    { RESCUE_CHECK_LOCKED, RESCUE_STEP_LOCKED, "On X’s lock screen, press Start." },
    { RESCUE_CHECK_TOO_MANY_ATTEMPTS, RESCUE_STEP_WAIT, "Leave X’s sign-in alone until the hour is up." },
    { RESCUE_CHECK_SECURITY_KEY, RESCUE_STEP_SECURITY_KEY, "On X’s lock screen, choose one of its three ways out" },
  };

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ui->window)), <=, 850);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (ui->window)), <=, 610);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page;
      GtkWidget *scrolled;
      GtkWidget *first;
      graphene_rect_t bounds;

      if (rescue_flow_get_step (flow_of (ui)) != RESCUE_STEP_WELCOME)
        g_assert_true (rescue_flow_handle (flow_of (ui), RESCUE_EVENT_RESTART, NULL));
      ui_flush ();
      start (ui, pages[i].check, pages[i].step);
      ui_settle (ui);

      page = visible_page (ui);
      scrolled = ui_find_type (page, GTK_TYPE_SCROLLED_WINDOW, 0);
      first = ui_find_label_containing (page, pages[i].first);
      g_assert_nonnull (first);
      g_assert_true (gtk_widget_compute_bounds (first, scrolled, &bounds));
      g_test_message ("%s: first step ends at %.0f of %d px", rescue_step_to_string (pages[i].step),
                      bounds.origin.y + bounds.size.height, gtk_widget_get_height (scrolled));
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
    }
}

static void
run_default_size (gconstpointer body)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  g_settings_set_int (settings, "window-width", 850);
  g_settings_set_int (settings, "window-height", 610);
  ui_run_fresh ((UiBody)body, base_uri);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
run (gconstpointer body)
{
  ui_run_fresh ((UiBody)body, base_uri);
}

int
main (int   argc,
      char *argv[])
{
  /* The times shown do not depend on where the test runs */
  g_setenv ("TZ", "UTC", TRUE);
  ui_harness_init (&argc, &argv);
  server = ui_server_new (&base_uri);
  start_notification_server ();

  g_test_add_data_func ("/routes/two-factor", test_two_factor, run);
  g_test_add_data_func ("/routes/password-reset", test_password_reset, run);
  g_test_add_data_func ("/routes/locked", test_locked, run);
  g_test_add_data_func ("/routes/too-many-attempts", test_too_many_attempts, run);
  g_test_add_data_func ("/routes/wait-time", test_wait_time, run);
  g_test_add_data_func ("/routes/wait-over", test_wait_over, run);
  g_test_add_data_func ("/routes/security-key", test_security_key, run);
  g_test_add_data_func ("/routes/not-sure", test_not_sure, run);
  g_test_add_data_func ("/routes/first-step-in-view", test_first_step_in_view, run_default_size);

  return g_test_run ();
}
