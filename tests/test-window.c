/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "rescue-choice.h"
#include "rescue-clamp.h"
#include "rescue-steps-private.h"
#include "rescue-unblock-page-private.h"
#include "rescue-welcome-page-private.h"
#include "ui-harness.h"

typedef UiApp Fixture;

static GtkWidget *
visible_page (Fixture *fixture)
{
  return rescue_window_get_visible_page (fixture->window);
}

static void
assert_step (Fixture    *fixture,
             RescueStep  step)
{
  g_assert_cmpstr (rescue_step_to_string (ui_visible_step (fixture)), ==, rescue_step_to_string (step));
  g_assert_cmpint (rescue_flow_get_step (rescue_context_get_flow (rescue_application_get_context (fixture->app))), ==, step);
}

static void
assert_sidebar (Fixture    *fixture,
                RescueStep  step,
                const char *state)
{
  g_assert_cmpstr (rescue_window_get_sidebar_state (fixture->window, step), ==, state);
}

static void
start (Fixture    *fixture,
       const char *platform,
       gboolean    signed_in)
{
  assert_step (fixture, RESCUE_STEP_WELCOME);
  ui_set_platform (fixture, platform);
  ui_set_signed_in (fixture, signed_in);
  ui_click (visible_page (fixture), "_Start");
  assert_step (fixture, RESCUE_STEP_UNBLOCK);
}

static gboolean
back_enabled (Fixture *fixture)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "back");
}

static void
test_title (Fixture  *fixture,
     gpointer  data)
{
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Code Rescue");
  assert_step (fixture, RESCUE_STEP_WELCOME);
  assert_sidebar (fixture, RESCUE_STEP_WELCOME, "Current");
  assert_sidebar (fixture, RESCUE_STEP_UNBLOCK, NULL);
  g_assert_false (back_enabled (fixture));
  g_assert_false (rescue_window_get_narrow (fixture->window));
}

static gboolean
reasons_shown (gpointer data)
{
  GtkWidget *heading = data;

  return ui_widget_shown (heading) && gtk_widget_get_height (heading) > 0;
}

/* The reasons below the Start button come once the page is on screen */
static void
test_reasons (Fixture  *fixture,
              gpointer  data)
{
  GtkWidget *page = visible_page (fixture);
  GtkWidget *heading = ui_find_label (page, "Why codes go missing");
  RescueSteps *reasons = RESCUE_STEPS (ui_find_type (page, RESCUE_TYPE_STEPS, 0));

  g_assert_true (ui_wait_until (reasons_shown, heading, 5000));
  g_assert_cmpuint (rescue_steps_get_n_steps (reasons), ==, 3);
  g_assert_true (ui_widget_shown (GTK_WIDGET (reasons)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (reasons)), >, 0);
}

/* Each page fills the window below the header bar, and its content column
 * sits in the middle of it at the column's own width */
static gboolean
page_allocated (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_height (visible_page (fixture)) > 0;
}

static void
assert_page_layout (Fixture *fixture)
{
  GtkWidget *page = visible_page (fixture);
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (fixture->window));
  GtkWidget *clamp = ui_find_type (page, RESCUE_TYPE_CLAMP, 0);
  GtkWidget *column = rescue_clamp_get_child (RESCUE_CLAMP (clamp));
  int below_titlebar = gtk_widget_get_height (GTK_WIDGET (fixture->window)) - gtk_widget_get_height (titlebar);
  graphene_rect_t bounds;
  double left, right;

  g_assert_true (ui_wait_until (page_allocated, fixture, 5000));
  g_assert_cmpint (gtk_widget_get_height (page), >=, below_titlebar - 1);
  g_assert_true (gtk_widget_compute_bounds (column, clamp, &bounds));
  left = bounds.origin.x;
  right = gtk_widget_get_width (clamp) - (bounds.origin.x + bounds.size.width);
  g_assert_cmpfloat (left, >, 0);
  g_assert_cmpfloat (ABS (left - right), <=, 1);
}

static void
test_layout (Fixture  *fixture,
             gpointer  data)
{
  assert_page_layout (fixture);
  start (fixture, "_Android", FALSE);
  assert_page_layout (fixture);
}

static void
test_worked_at_fix1 (Fixture  *fixture,
     gpointer  data)
{
  start (fixture, "_iPhone", TRUE);
  assert_sidebar (fixture, RESCUE_STEP_WELCOME, "Answered");
  assert_sidebar (fixture, RESCUE_STEP_UNBLOCK, "Current");
  g_assert_true (back_enabled (fixture));

  ui_click (visible_page (fixture), "It _Worked");
  assert_step (fixture, RESCUE_STEP_RESOLVED);
  assert_sidebar (fixture, RESCUE_STEP_UNBLOCK, "Worked");
  assert_sidebar (fixture, RESCUE_STEP_SIGNED_IN, NULL);
  assert_sidebar (fixture, RESCUE_STEP_RESOLVED, "Current");
  g_assert_nonnull (ui_find_label (visible_page (fixture), "You’re Back In"));
  g_assert_true (ui_widget_shown (ui_find_button (visible_page (fixture), "Start _Over")));
}

static void
test_through_to_support (Fixture  *fixture,
     gpointer  data)
{
  start (fixture, "_Android", TRUE);
  ui_click (visible_page (fixture), "Still _No Code");
  assert_step (fixture, RESCUE_STEP_SIGNED_IN);
  assert_sidebar (fixture, RESCUE_STEP_UNBLOCK, "Didn’t work");
  assert_sidebar (fixture, RESCUE_STEP_SIGNED_IN, "Current");

  ui_click (visible_page (fixture), "It _Didn’t Work");
  assert_step (fixture, RESCUE_STEP_SUPPORT);
  assert_sidebar (fixture, RESCUE_STEP_SIGNED_IN, "Didn’t work");
  assert_sidebar (fixture, RESCUE_STEP_SUPPORT, "Current");
}

static void
test_skip_fix2 (Fixture  *fixture,
     gpointer  data)
{
  start (fixture, "_iPhone", TRUE);
  ui_click (visible_page (fixture), "Still _No Code");
  ui_click (visible_page (fixture), "S_kip");
  assert_step (fixture, RESCUE_STEP_SUPPORT);
  assert_sidebar (fixture, RESCUE_STEP_SIGNED_IN, "Skipped");
}

static void
test_no_signed_in_device (Fixture  *fixture,
     gpointer  data)
{
  start (fixture, "_Other Phone", FALSE);
  ui_click (visible_page (fixture), "Still _No Code");
  assert_step (fixture, RESCUE_STEP_SUPPORT);
  assert_sidebar (fixture, RESCUE_STEP_UNBLOCK, "Didn’t work");
  assert_sidebar (fixture, RESCUE_STEP_SIGNED_IN, "Skipped");
}

static void
test_back (Fixture  *fixture,
     gpointer  data)
{
  start (fixture, "_iPhone", FALSE);
  ui_click (visible_page (fixture), "Still _No Code");
  assert_step (fixture, RESCUE_STEP_SUPPORT);

  /* Back returns to the step actually visited, past the skipped fix 2 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  ui_flush ();
  assert_step (fixture, RESCUE_STEP_UNBLOCK);
  assert_sidebar (fixture, RESCUE_STEP_SIGNED_IN, NULL);
  assert_sidebar (fixture, RESCUE_STEP_UNBLOCK, "Current");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  ui_flush ();
  assert_step (fixture, RESCUE_STEP_WELCOME);
  g_assert_false (back_enabled (fixture));
}

static void
test_start_over (Fixture  *fixture,
     gpointer  data)
{
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (fixture->app));

  start (fixture, "_Android", TRUE);
  ui_click (visible_page (fixture), "Still _No Code");
  ui_click (visible_page (fixture), "It _Didn’t Work");
  gtk_editable_set_text (GTK_EDITABLE (ui_find_type (visible_page (fixture), GTK_TYPE_ENTRY, 0)), "someone");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "start-over", NULL);
  ui_flush ();
  ui_answer_start_over (TRUE);
  assert_step (fixture, RESCUE_STEP_WELCOME);
  assert_sidebar (fixture, RESCUE_STEP_UNBLOCK, NULL);
  assert_sidebar (fixture, RESCUE_STEP_SIGNED_IN, NULL);
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "");
  /* the answers stay */
  g_assert_cmpint (rescue_flow_get_platform (flow), ==, RESCUE_PLATFORM_ANDROID);
  g_assert_true (rescue_flow_get_has_signed_in_device (flow));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_find_button (visible_page (fixture), "_Android"))));
}

static void
test_narrow (Fixture  *fixture,
     gpointer  data)
{
  GtkWidget *subtitle;

  g_assert_true (rescue_window_get_narrow (fixture->window));
  subtitle = ui_find_label (GTK_WIDGET (fixture->window), "Step 1 of 4");
  g_assert_nonnull (subtitle);
  g_assert_true (ui_widget_shown (subtitle));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 400);

  start (fixture, "_iPhone", TRUE);
  g_assert_true (ui_widget_shown (ui_find_label (GTK_WIDGET (fixture->window), "Step 2 of 4")));
}

static void
assert_accel (Fixture    *fixture,
              const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), action);

  g_assert_true (g_strv_contains ((const char * const *)accels, accel));
}

static void
test_shortcuts (Fixture  *fixture,
                gpointer  data)
{
  GtkShortcutsWindow *overlay;

  assert_accel (fixture, "app.quit", "<Control>q");
  assert_accel (fixture, "win.back", "<Alt>Left");
  assert_accel (fixture, "win.show-help-overlay", "<Control>question");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->window), "show-help-overlay"));

  /* Built when first asked for, then the same window each time */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (overlay)));
  g_assert_nonnull (ui_find_type (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SHORTCUT, 0));

  gtk_window_close (GTK_WINDOW (overlay));
  ui_flush ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "start-over"));
}

static void
test_size_remembered (Fixture  *fixture,
                      gpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 500);
  gtk_window_close (GTK_WINDOW (fixture->window));
  ui_flush ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_quit_remembers_size (Fixture  *fixture,
                          gpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 480);
  /* Ctrl+Q */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  ui_flush ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
}

static void
test_reset_action (Fixture  *fixture,
                   gpointer  data)
{
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (fixture->app));

  start (fixture, "_iPhone", FALSE);
  ui_click (visible_page (fixture), "Still _No Code");
  gtk_editable_set_text (GTK_EDITABLE (ui_find_type (visible_page (fixture), GTK_TYPE_ENTRY, 0)), "jack");
  ui_flush ();
  g_assert_true (g_file_test (ui_harness_state_file (), G_FILE_TEST_EXISTS));

  /* what `code-rescue --reset` asks of a running Code Rescue */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "reset", NULL);
  ui_flush ();
  assert_step (fixture, RESCUE_STEP_WELCOME);
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "");
  g_assert_false (g_file_test (ui_harness_state_file (), G_FILE_TEST_EXISTS));
}

static void
test_countries_unreadable (Fixture  *fixture,
                           gpointer  data)
{
  GtkWidget *page = ui_page (fixture, RESCUE_STEP_WELCOME);
  g_autoptr(GError) error = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT, "gone");
  GtkWidget *dropdown = ui_find_type (page, GTK_TYPE_DROP_DOWN, 0);

  rescue_welcome_page_set_countries (RESCUE_WELCOME_PAGE (page), NULL, error);
  g_assert_false (gtk_widget_get_sensitive (dropdown));
  g_assert_true (ui_widget_shown (ui_find_label (page, "The list of countries can’t be read, so the number for “\u2068US\u2069” is used. Reinstalling the iso-codes package fixes this.")));
  /* the flow still works, with the country it had */
  start (fixture, "_iPhone", TRUE);
}

static const char *
numbers_for (Fixture    *fixture,
             const char *country)
{
  ui_set_country (fixture, country);
  return rescue_unblock_page_get_numbers_text (RESCUE_UNBLOCK_PAGE (ui_page (fixture, RESCUE_STEP_UNBLOCK)));
}

static void
test_numbers_by_country (Fixture  *fixture,
     gpointer  data)
{
  GtkWidget *unblock = ui_page (fixture, RESCUE_STEP_UNBLOCK);
  const char *numbers;

  numbers = numbers_for (fixture, "US");
  g_assert_nonnull (numbers);
  /* isolated, so it keeps its order inside a right-to-left sentence */
  g_assert_cmpstr (numbers, ==, "\u206840404\u2069");

  numbers = numbers_for (fixture, "GB");
  g_assert_nonnull (strstr (numbers, "86444"));
  /* a number people send to, not one codes come from */
  g_assert_null (strstr (numbers, "+44 7624 800379"));
  g_assert_null (strstr (numbers, "40404"));

  numbers = numbers_for (fixture, "KE");
  g_assert_nonnull (strstr (numbers, "40404"));
  g_assert_nonnull (strstr (numbers, "8988"));

  /* no known number: say what to look for instead */
  g_assert_null (numbers_for (fixture, "FR"));
  g_assert_nonnull (ui_find_label (unblock, "No number is known for your country"));
  start (fixture, "_iPhone", TRUE);
  g_assert_true (ui_widget_shown (ui_find_label_containing (unblock, "Code Rescue knows no sender number for this country. Unblock any sender named “X” or “Twitter”")));
}

static void
test_platform_steps (Fixture  *fixture,
     gpointer  data)
{
  GtkWidget *unblock = ui_page (fixture, RESCUE_STEP_UNBLOCK);
  GtkWidget *iphone = ui_find_label (unblock, "On iPhone");
  GtkWidget *android = ui_find_label (unblock, "On Android");
  GtkWidget *spam;

  start (fixture, "_iPhone", TRUE);
  g_assert_true (ui_widget_shown (iphone));
  g_assert_false (ui_widget_shown (android));
  g_assert_nonnull (strstr (rescue_steps_get_text (RESCUE_STEPS (ui_find_type (gtk_widget_get_parent (iphone), RESCUE_TYPE_STEPS, 0)), 0),
                            "Blocked Contacts"));
  spam = ui_find_label (unblock, "The code went to unknown senders or spam");
  g_assert_nonnull (spam);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_expander_get_child (GTK_EXPANDER (gtk_widget_get_ancestor (spam, GTK_TYPE_EXPANDER))))),
                            "Unknown Senders"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  ui_set_platform (fixture, "_Android");
  ui_click (visible_page (fixture), "_Start");
  g_assert_false (ui_widget_shown (iphone));
  g_assert_true (ui_widget_shown (android));
  g_assert_nonnull (strstr (rescue_steps_get_text (RESCUE_STEPS (ui_find_type (gtk_widget_get_parent (android), RESCUE_TYPE_STEPS, 0)), 1),
                            "Blocked numbers"));
  spam = ui_find_label (unblock, "The code went to unknown senders or spam");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_expander_get_child (GTK_EXPANDER (gtk_widget_get_ancestor (spam, GTK_TYPE_EXPANDER))))),
                            "Spam & blocked"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  ui_set_platform (fixture, "_Other Phone");
  ui_click (visible_page (fixture), "_Start");
  g_assert_true (ui_widget_shown (iphone));
  g_assert_true (ui_widget_shown (android));
}

static void
test_causes (Fixture  *fixture,
     gpointer  data)
{
  const char *titles[] = {
    "The code went to unknown senders or spam",
    "A STOP was once sent to X’s number",
    "Your carrier blocks short codes or premium messages",
    "You are abroad or roaming",
    "You changed your number or carrier",
    "You asked for too many codes",
    "The code is only slow",
  };
  GtkWidget *unblock = ui_page (fixture, RESCUE_STEP_UNBLOCK);

  start (fixture, "_iPhone", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *title = ui_find_label (unblock, titles[i]);

      g_assert_nonnull (title);
      g_assert_nonnull (gtk_widget_get_ancestor (title, GTK_TYPE_EXPANDER));
      g_assert_true (ui_widget_shown (title));
    }
  g_assert_nonnull (ui_find_type (unblock, GTK_TYPE_EXPANDER, G_N_ELEMENTS (titles) - 1));
  g_assert_null (ui_find_type (unblock, GTK_TYPE_EXPANDER, G_N_ELEMENTS (titles)));
}

static void
assert_backup_code_reachable (GtkWidget *page)
{
  GtkWidget *expander = ui_find_type (page, GTK_TYPE_EXPANDER, 0);
  RescueSteps *steps;

  g_assert_nonnull (expander);
  g_assert_cmpstr (gtk_expander_get_label (GTK_EXPANDER (expander)), ==, "I Have a _Backup Code");
  g_assert_true (ui_widget_shown (expander));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  ui_flush ();
  steps = RESCUE_STEPS (ui_find_type (expander, RESCUE_TYPE_STEPS, 0));
  g_assert_true (ui_widget_shown (GTK_WIDGET (steps)));
  g_assert_cmpuint (rescue_steps_get_n_steps (steps), ==, 4);
  g_assert_nonnull (strstr (rescue_steps_get_text (steps, 1), "backup code"));
}

static void
test_backup_code_with_device (Fixture  *fixture,
     gpointer  data)
{
  start (fixture, "_iPhone", TRUE);
  ui_click (visible_page (fixture), "Still _No Code");
  assert_step (fixture, RESCUE_STEP_SIGNED_IN);
  assert_backup_code_reachable (visible_page (fixture));
}

static void
test_backup_code_without_device (Fixture  *fixture,
     gpointer  data)
{
  start (fixture, "_iPhone", FALSE);
  ui_click (visible_page (fixture), "Still _No Code");
  assert_step (fixture, RESCUE_STEP_SUPPORT);

  /* Not signed in anywhere, still a way to fix 2's backup-code steps,
   * which end in an outcome of their own */
  ui_click (visible_page (fixture), "I Have a _Backup Code");
  assert_step (fixture, RESCUE_STEP_SIGNED_IN);
  assert_backup_code_reachable (visible_page (fixture));
  ui_click (visible_page (fixture), "I’m _In");
  assert_step (fixture, RESCUE_STEP_RESOLVED);
  assert_sidebar (fixture, RESCUE_STEP_SIGNED_IN, "Worked");
}

static gboolean
state_file_has_step (gpointer data)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (ui_harness_state_file (), &contents, NULL, NULL) &&
         strstr (contents, data) != NULL;
}

static void
test_resume_after_restart (Fixture  *fixture,
     gpointer  data)
{
  start (fixture, "_Android", TRUE);
  ui_set_country (fixture, "GB");
  ui_click (visible_page (fixture), "Still _No Code");
  assert_step (fixture, RESCUE_STEP_SIGNED_IN);
  g_assert_true (ui_wait_until (state_file_has_step, "\"signed-in\"", 5000));
}

static void
test_resume_after_restart_2 (Fixture  *fixture,
                             gpointer  data)
{
  GtkWidget *banner;

  assert_step (fixture, RESCUE_STEP_SIGNED_IN);
  assert_sidebar (fixture, RESCUE_STEP_UNBLOCK, "Didn’t work");
  g_assert_cmpint (rescue_flow_get_platform (rescue_context_get_flow (rescue_application_get_context (fixture->app))), ==, RESCUE_PLATFORM_ANDROID);
  g_assert_cmpstr (rescue_flow_get_country (rescue_context_get_flow (rescue_application_get_context (fixture->app))), ==, "GB");
  banner = ui_find_label (GTK_WIDGET (fixture->window), "Welcome back. You are where you left off.");
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (banner, GTK_TYPE_REVEALER))));
  g_assert_true (back_enabled (fixture));
}

static void
test_corrupt_progress (Fixture  *fixture,
     gpointer  data)
{
  g_autofree char *corrupt = g_strconcat (ui_harness_state_file (), ".corrupt", NULL);
  GtkWidget *banner;

  assert_step (fixture, RESCUE_STEP_WELCOME);
  g_assert_true (g_file_test (corrupt, G_FILE_TEST_EXISTS));
  banner = ui_find_label (GTK_WIDGET (fixture->window),
                          "Your saved progress could not be read, so Code Rescue started fresh. The old file was kept next to it as progress.json.corrupt.");
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (banner, GTK_TYPE_REVEALER))));
  g_assert_false (ui_widget_shown (ui_find_button (GTK_WIDGET (fixture->window), "Start _Over")) &&
                  gtk_widget_get_ancestor (ui_find_button (GTK_WIDGET (fixture->window), "Start _Over"), GTK_TYPE_REVEALER) != NULL);
}

static void
reset (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  g_unlink (ui_harness_state_file ());
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

static void
run_fresh (gconstpointer body)
{
  reset ();
  ui_run ((UiBody)body, NULL);
}

static void
run_narrow (gconstpointer body)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  reset ();
  g_settings_set_int (settings, "window-width", 360);
  ui_run ((UiBody)body, NULL);
}

static void
run_resume (gconstpointer data)
{
  reset ();
  ui_run (test_resume_after_restart, NULL);
  /* a new process, as far as the app can tell */
  ui_run (test_resume_after_restart_2, NULL);
}

static void
run_corrupt (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (ui_harness_state_file ());

  reset ();
  g_mkdir_with_parents (folder, 0700);
  g_file_set_contents (ui_harness_state_file (), "{\"version\": 1, \"step\": ", -1, &error);
  g_assert_no_error (error);
  ui_run (test_corrupt_progress, NULL);
}

/* The first question: a click on a choice's words picks it, the answer
 * is the flow's, and only what the route needs is asked after it */
static void
test_check_question (Fixture  *fixture,
                     gpointer  data)
{
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (fixture->app));
  GtkWidget *page = visible_page (fixture);
  GtkWidget *words = ui_find_label (page, "“Too many attempts” or “Try again later”");
  GtkWidget *choice;
  GListModel *controllers;

  g_assert_cmpint (rescue_flow_get_check (flow), ==, RESCUE_CHECK_TWO_FACTOR);
  g_assert_true (ui_widget_shown (ui_find_label (page, "I’m still signed in to X on another device")));

  g_assert_nonnull (words);
  choice = gtk_widget_get_ancestor (words, GTK_TYPE_GRID);
  controllers = gtk_widget_observe_controllers (choice);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "released", 1, 4.0, 4.0);
    }
  g_object_unref (controllers);
  ui_flush ();

  g_assert_cmpint (rescue_flow_get_check (flow), ==, RESCUE_CHECK_TOO_MANY_ATTEMPTS);
  g_assert_true (gtk_check_button_get_active (rescue_choice_get_button (choice)));
  /* no text to unblock and no 2FA to turn off on this route */
  g_assert_false (ui_widget_shown (ui_find_label (page, "Your phone")));
  g_assert_false (ui_widget_shown (ui_find_label (page, "I’m still signed in to X on another device")));

  ui_click (page, "_Start");
  assert_step (fixture, RESCUE_STEP_WAIT);
}

int
main (int   argc,
      char *argv[])
{
  ui_harness_init (&argc, &argv);

#define ADD(path, func) g_test_add_data_func ("/window/" path, func, run_fresh)

  ADD ("title", test_title);
  ADD ("layout", test_layout);
  ADD ("reasons", test_reasons);
  ADD ("shortcuts", test_shortcuts);
  ADD ("size-remembered", test_size_remembered);
  ADD ("quit-remembers-size", test_quit_remembers_size);
  ADD ("reset-action", test_reset_action);
  ADD ("countries-unreadable", test_countries_unreadable);
  ADD ("check-question", test_check_question);
  ADD ("path/worked-at-fix1", test_worked_at_fix1);
  ADD ("path/through-to-support", test_through_to_support);
  ADD ("path/skip-fix2", test_skip_fix2);
  ADD ("path/no-signed-in-device", test_no_signed_in_device);
  ADD ("path/back", test_back);
  ADD ("path/start-over", test_start_over);
  g_test_add_data_func ("/window/narrow", test_narrow, run_narrow);
  ADD ("unblock/numbers-by-country", test_numbers_by_country);
  ADD ("unblock/platform-steps", test_platform_steps);
  ADD ("unblock/causes", test_causes);
  ADD ("backup-code/with-device", test_backup_code_with_device);
  ADD ("backup-code/without-device", test_backup_code_without_device);
  g_test_add_data_func ("/window/resume/after-restart", NULL, run_resume);
  g_test_add_data_func ("/window/resume/corrupt-progress", NULL, run_corrupt);

  return g_test_run ();
}
