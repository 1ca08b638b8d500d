/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "test-net.h"
#include "ui-harness.h"

/* The Contact Support page against a stand-in for X's help site on
 * 127.0.0.1, and a fake browser that writes down what it was asked to open. */

/* Under LeakSanitizer: the stand-in's own leaks (libsoup's SoupServer, see
 * lsan.supp) are only recognised on full stacks, which this program can
 * afford; the other display tests keep the fast unwinder */
const char *__lsan_default_options (void);

const char *
__lsan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

typedef enum
{
  SERVE_OK,
  SERVE_NOT_FOUND,
  SERVE_SERVER_ERROR,
  SERVE_NEVER,
} Behaviour;

static SoupServer *server;
static char *base_uri;
static Behaviour behaviour;
static GPtrArray *paused;
static guint n_requests;

static void
serve_cb (SoupServer        *srv,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           data)
{
  n_requests++;

  switch (behaviour)
    {
    case SERVE_NEVER:
      test_net_pause (paused, msg);
      return;
    case SERVE_NOT_FOUND:
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    case SERVE_SERVER_ERROR:
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      return;
    case SERVE_OK:
    default:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<p>form</p>", 11);
      return;
    }
}

/* @port: 0 for any free one */
static void
start_server_on (guint port)
{
  g_autoptr(GUri) uri = NULL;

  server = test_net_server_new (serve_cb, NULL, port, &uri);
  g_free (base_uri);
  base_uri = g_uri_to_string (uri);
}

static void
start_server (void)
{
  start_server_on (0);
}

static void
stop_server (void)
{
  test_net_unpause_all (paused);
  if (server != NULL)
    soup_server_disconnect (server);
  g_clear_object (&server);
}

static GtkWidget *
support_page (UiApp *ui)
{
  return ui_page (ui, RESCUE_STEP_SUPPORT);
}

static GtkEditable *
entry (UiApp *ui,
       guint  nth)
{
  return GTK_EDITABLE (ui_find_type (support_page (ui), GTK_TYPE_ENTRY, nth));
}

/* Straight to the support page, as someone with no signed-in device */
static void
go_to_support (UiApp *ui)
{
  ui_set_signed_in (ui, FALSE);
  ui_click (rescue_window_get_visible_page (ui->window), "_Start");
  ui_click (rescue_window_get_visible_page (ui->window), "Still _No Code");
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);
}

static void
type_details (UiApp      *ui,
              const char *username,
              const char *email)
{
  gtk_editable_set_text (entry (ui, 0), username);
  gtk_editable_set_text (entry (ui, 1), email);
  ui_flush ();
}

static gboolean
step_is (gpointer data)
{
  UiApp *ui = ((gpointer *)data)[0];
  RescueStep step = GPOINTER_TO_INT (((gpointer *)data)[1]);

  return ui_visible_step (ui) == step;
}

static gboolean
wait_for_step (UiApp      *ui,
               RescueStep  step)
{
  gpointer data[] = { ui, GINT_TO_POINTER (step) };

  return ui_wait_until (step_is, data, 10000);
}

static gboolean
label_shown (gpointer data)
{
  GtkWidget *label = ui_find_label (((gpointer *)data)[0], ((gpointer *)data)[1]);

  return label != NULL && ui_widget_shown (label);
}

static gboolean
wait_for_label (GtkWidget  *root,
                const char *text)
{
  gpointer data[] = { root, (gpointer)text };

  return ui_wait_until (label_shown, data, 10000);
}

/* After an error, trying again is one button, the page's own: no Retry
 * beside a blue Open Support Form that does the same, and focus waits on it */
static void
assert_one_way_to_retry (UiApp *ui)
{
  GtkWidget *page = support_page (ui);
  GtkWidget *open = ui_find_button (page, "Open Support _Form");

  g_assert_null (ui_find_button (page, "_Retry"));
  g_assert_null (ui_find_button (page, "_Try Again"));
  g_assert_true (ui_widget_shown (open));
  g_assert_true (gtk_widget_is_sensitive (open));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (ui->window)) == open);
}

static void
test_open_form (UiApp    *ui,
                gpointer  data)
{
  g_autofree char *opened = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *clipboard = NULL;
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (ui->app));

  go_to_support (ui);
  type_details (ui, "  @jack_2 ", "a+b@example.org");
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "  @jack_2 ");

  ui_click (support_page (ui), "Open Support _Form");
  g_assert_true (wait_for_step (ui, RESCUE_STEP_WAITING_FOR_SUPPORT));
  g_assert_cmpuint (n_requests, ==, 1);

  /* the browser got the form with both details, encoded */
  opened = ui_harness_wait_for_browser ();
  expected = g_strdup_printf ("%s?username=jack_2&email=a%%2Bb%%40example.org\n", base_uri);
  g_assert_cmpstr (opened, ==, expected);

  /* the message to paste is one keystroke away */
  clipboard = ui_read_clipboard (GTK_WIDGET (ui->window));
  g_assert_nonnull (clipboard);
  g_assert_nonnull (strstr (clipboard, "jack_2"));
  g_assert_nonnull (strstr (clipboard, "a+b@example.org"));

  g_assert_cmpint (rescue_flow_get_support_submitted_at (flow), >, 0);
  g_assert_cmpstr (rescue_window_get_sidebar_state (ui->window, RESCUE_STEP_SUPPORT), ==, "Request sent");
  g_assert_nonnull (ui_find_label (rescue_window_get_visible_page (ui->window), "Waiting for X Support"));
}

static void
test_server_down (UiApp    *ui,
                  gpointer  data)
{
  g_autofree char *clipboard = NULL;
  GtkWidget *page;

  go_to_support (ui);
  page = support_page (ui);
  type_details (ui, "jack", "jack@example.org");
  stop_server ();

  ui_click (page, "Open Support _Form");
  g_assert_true (wait_for_label (page, "X’s help site refused the connection. Wait a few minutes, then try again."));
  assert_one_way_to_retry (ui);
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);
  /* the error and its button still fit a 360 px window */
  {
    int minimum;

    gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }
  g_assert_null (ui_harness_read_browser_log ());

  /* nothing typed is lost */
  g_assert_cmpstr (gtk_editable_get_text (entry (ui, 0)), ==, "jack");
  g_assert_cmpstr (gtk_editable_get_text (entry (ui, 1)), ==, "jack@example.org");

  /* the link, prefilled, can still be copied by hand */
  ui_click (page, "Copy _Link");
  clipboard = ui_read_clipboard (page);
  g_assert_true (g_str_has_prefix (clipboard, base_uri));
  g_assert_nonnull (strstr (clipboard, "username=jack&email=jack%40example.org"));

  /* and trying again works once the site answers again */
  {
    g_autoptr(GUri) uri = g_uri_parse (base_uri, G_URI_FLAGS_NONE, NULL);

    start_server_on (g_uri_get_port (uri));
  }
  ui_click (page, "Open Support _Form");
  g_assert_true (wait_for_step (ui, RESCUE_STEP_WAITING_FOR_SUPPORT));
  {
    g_autofree char *opened = ui_harness_wait_for_browser ();

    g_assert_nonnull (opened);
  }
}

static void
test_validation (UiApp    *ui,
                 gpointer  data)
{
  GtkWidget *page;
  GtkWidget *open;
  GtkWidget *username_entry;

  go_to_support (ui);
  page = support_page (ui);
  open = ui_find_button (page, "Open Support _Form");
  username_entry = GTK_WIDGET (entry (ui, 0));

  g_assert_false (gtk_widget_is_sensitive (open));
  gtk_editable_set_text (entry (ui, 1), "jack@example.org");
  gtk_editable_set_text (GTK_EDITABLE (username_entry), "this_is_far_too_long");
  g_assert_false (gtk_widget_is_sensitive (open));

  /* the error waits for a pause in typing: nothing yet, as no time passed */
  g_assert_false (gtk_widget_has_css_class (username_entry, "error"));
  {
    GtkWidget *error = ui_find_label (page, "An X username has at most 15 characters; check that you typed only your username.");

    g_assert_true (error == NULL || !ui_widget_shown (error));
  }
  g_assert_true (wait_for_label (page, "An X username has at most 15 characters; check that you typed only your username."));
  g_assert_true (gtk_widget_has_css_class (username_entry, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (username_entry), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);

  /* typing clears it; a valid name makes the button sensitive */
  gtk_editable_set_text (GTK_EDITABLE (username_entry), "@jack");
  ui_flush ();
  g_assert_false (gtk_widget_has_css_class (username_entry, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (username_entry), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_true (gtk_widget_is_sensitive (open));

  gtk_editable_set_text (entry (ui, 1), "jack@example");
  ui_flush ();
  g_assert_false (gtk_widget_is_sensitive (open));
}

static gboolean
checking_shown (gpointer data)
{
  GtkWidget *cancel = ui_find_button (data, "_Cancel");

  return cancel != NULL && ui_widget_shown (cancel);
}

static void
test_cancel (UiApp    *ui,
             gpointer  data)
{
  GtkWidget *page;

  behaviour = SERVE_NEVER;
  go_to_support (ui);
  page = support_page (ui);
  type_details (ui, "jack", "jack@example.org");

  ui_click (page, "Open Support _Form");
  g_assert_true (ui_wait_until (checking_shown, page, 5000));
  /* the window keeps working while it waits */
  g_assert_false (gtk_widget_is_sensitive (ui_find_button (page, "Open Support _Form")));
  ui_click (page, "_Cancel");

  g_assert_false (ui_widget_shown (ui_find_button (page, "_Cancel")));
  g_assert_false (ui_widget_shown (ui_find_button (page, "Copy _Link")));
  g_assert_true (gtk_widget_is_sensitive (ui_find_button (page, "Open Support _Form")));
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);
  g_assert_cmpstr (gtk_editable_get_text (entry (ui, 0)), ==, "jack");
}

static void
test_no_edits_while_checking (UiApp    *ui,
                              gpointer  data)
{
  GtkWidget *page;

  behaviour = SERVE_NEVER;
  go_to_support (ui);
  page = support_page (ui);
  type_details (ui, "jack", "jack@example.org");

  ui_click (page, "Open Support _Form");
  g_assert_true (ui_wait_until (checking_shown, page, 5000));
  /* what is checked is what is sent: the fields wait */
  g_assert_false (gtk_editable_get_editable (entry (ui, 0)));
  g_assert_false (gtk_editable_get_editable (entry (ui, 1)));
  /* and focus is not left on the button that just went insensitive */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (ui->window)) == ui_find_button (page, "_Cancel"));

  ui_click (page, "_Cancel");
  g_assert_true (gtk_editable_get_editable (entry (ui, 0)));
  g_assert_true (gtk_editable_get_editable (entry (ui, 1)));
}

static void
test_start_over_clears_error (UiApp    *ui,
                              gpointer  data)
{
  GtkWidget *page;

  go_to_support (ui);
  page = support_page (ui);
  type_details (ui, "jack", "jack@example.org");
  stop_server ();
  ui_click (page, "Open Support _Form");
  g_assert_true (wait_for_label (page, "X’s help site refused the connection. Wait a few minutes, then try again."));

  g_action_group_activate_action (G_ACTION_GROUP (ui->app), "start-over", NULL);
  ui_flush ();
  ui_answer_start_over (TRUE);
  go_to_support (ui);
  g_assert_false (ui_widget_shown (ui_find_button (page, "Copy _Link")));
  {
    GtkWidget *error = ui_find_label (page, "X’s help site refused the connection. Wait a few minutes, then try again.");

    g_assert_true (error == NULL || !ui_widget_shown (error));
  }
  g_assert_cmpstr (gtk_editable_get_text (entry (ui, 0)), ==, "");
}

/* Run with UI_NO_BROWSER: nothing on this machine opens web links */
static void
test_no_browser (UiApp    *ui,
                 gpointer  data)
{
  g_autofree char *clipboard = NULL;
  GtkWidget *page;

  go_to_support (ui);
  page = support_page (ui);
  type_details (ui, "jack", "jack@example.org");
  ui_click (page, "Open Support _Form");
  g_assert_true (wait_for_label (page, "No web browser could open the support form. Copy the link and open it in a browser yourself."));
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);
  g_assert_cmpstr (gtk_editable_get_text (entry (ui, 0)), ==, "jack");
  g_assert_cmpstr (gtk_editable_get_text (entry (ui, 1)), ==, "jack@example.org");

  /* the link to copy is the form that answered, prefilled */
  ui_click (page, "Copy _Link");
  clipboard = ui_read_clipboard (page);
  g_assert_nonnull (clipboard);
  g_assert_true (g_str_has_prefix (clipboard, base_uri));
  g_assert_nonnull (strstr (clipboard, "username=jack&email=jack%40example.org"));
  g_clear_pointer (&clipboard, g_free);

  /* and the message, beside the error, since the form opens without it */
  ui_click (page, "Copy M_essage");
  clipboard = ui_read_clipboard (page);
  g_assert_nonnull (clipboard);
  g_assert_true (g_str_has_prefix (clipboard, "Hello,"));
  g_assert_nonnull (strstr (clipboard, "jack@example.org"));
}

static void
go_to_signed_in (UiApp *ui)
{
  ui_set_signed_in (ui, TRUE);
  ui_click (rescue_window_get_visible_page (ui->window), "_Start");
  ui_click (rescue_window_get_visible_page (ui->window), "Still _No Code");
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SIGNED_IN);
}

/* Fix 2 opens X's two-factor settings, for a browser still signed in */
static void
test_two_factor_settings (UiApp    *ui,
                          gpointer  data)
{
  g_autofree char *opened = NULL;

  go_to_signed_in (ui);
  ui_click (rescue_window_get_visible_page (ui->window), "Open X’s _Two-Factor Settings");
  opened = ui_harness_wait_for_browser ();
  g_assert_cmpstr (opened, ==, "https://x.com/settings/account/login_verification\n");
}

/* Run with UI_NO_BROWSER: the settings' address, to copy */
static void
test_no_browser_settings (UiApp    *ui,
                          gpointer  data)
{
  g_autofree char *clipboard = NULL;
  GtkWidget *page;

  go_to_signed_in (ui);
  page = rescue_window_get_visible_page (ui->window);
  ui_click (page, "Open X’s _Two-Factor Settings");
  g_assert_true (wait_for_label (page, "No web browser could open the page. Copy its address and open it in a browser yourself:"));
  g_assert_true (ui_widget_shown (ui_find_label (page, "https://x.com/settings/account/login_verification")));
  ui_click (page, "Copy _Address");
  clipboard = ui_read_clipboard (page);
  g_assert_cmpstr (clipboard, ==, "https://x.com/settings/account/login_verification");
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SIGNED_IN);
}

/* A check with a form of its own (the password reset's) that has moved:
 * the general form opens, prefilled the same way, and the person is told */
static void
test_form_moved (UiApp    *ui,
                 gpointer  data)
{
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (ui->app));
  g_autofree char *opened = NULL;
  g_autofree char *general = NULL;

  behaviour = SERVE_NOT_FOUND;
  go_to_support (ui);
  rescue_flow_set_check (flow, RESCUE_CHECK_PASSWORD_RESET);
  type_details (ui, "jack", "jack@example.org");
  ui_click (support_page (ui), "Open Support _Form");
  g_assert_true (wait_for_step (ui, RESCUE_STEP_WAITING_FOR_SUPPORT));

  /* the general account-access form: the configured one, not the
   * forgot-password form below it */
  opened = ui_harness_wait_for_browser ();
  general = g_strconcat (base_uri, "?username=jack&email=jack%40example.org\n", NULL);
  g_assert_cmpstr (opened, ==, general);

  /* and the person is told, on the page they now see */
  {
    GtkWidget *notice = ui_find_label (GTK_WIDGET (ui->window),
                                       "X’s form for this problem has moved, so X’s general account access form opens instead. Choose the option that fits there.");

    g_assert_nonnull (notice);
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (notice, GTK_TYPE_REVEALER))));
  }
}

/* The two-factor check uses the general form itself: with nothing else to
 * turn to, a 404 is opened as it is, and no note says it moved */
static void
test_general_form_not_found (UiApp    *ui,
                             gpointer  data)
{
  g_autofree char *opened = NULL;

  behaviour = SERVE_NOT_FOUND;
  go_to_support (ui);
  type_details (ui, "jack", "jack@example.org");
  ui_click (support_page (ui), "Open Support _Form");
  g_assert_true (wait_for_step (ui, RESCUE_STEP_WAITING_FOR_SUPPORT));

  opened = ui_harness_wait_for_browser ();
  g_assert_true (g_str_has_prefix (opened, base_uri));
  g_assert_nonnull (strstr (opened, "username=jack&email=jack%40example.org"));
  g_assert_null (ui_find_label_containing (GTK_WIDGET (ui->window), "has moved"));
}

static void
test_resume_keeps_details (UiApp    *ui,
                           gpointer  data)
{
  go_to_support (ui);
  type_details (ui, "half_typ", "jack@exa");
}

static void
test_resume_keeps_details_2 (UiApp    *ui,
                             gpointer  data)
{
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);
  g_assert_cmpstr (gtk_editable_get_text (entry (ui, 0)), ==, "half_typ");
  g_assert_cmpstr (gtk_editable_get_text (entry (ui, 1)), ==, "jack@exa");
}

/* A greyed-out Open Support Form says what it waits for, on screen and to
 * a screen reader */
static void
test_disabled_hint (UiApp    *ui,
                    gpointer  data)
{
  GtkWidget *page;
  GtkWidget *open;
  GtkWidget *hint;

  go_to_support (ui);
  page = support_page (ui);
  open = ui_find_button (page, "Open Support _Form");

  g_assert_false (gtk_widget_is_sensitive (open));
  hint = ui_find_label (page, "Type your X username and email address to continue.");
  g_assert_nonnull (hint);
  g_assert_true (ui_widget_shown (hint));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, hint, NULL);

  type_details (ui, "jack", "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==, "Type your email address to continue.");
  g_assert_true (ui_widget_shown (hint));

  /* half an address is still missing something */
  type_details (ui, "", "jack@example");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==, "Type your X username and email address to continue.");

  type_details (ui, "", "jack@example.org");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==, "Type your X username to continue.");

  type_details (ui, "jack", "jack@example.org");
  g_assert_true (gtk_widget_is_sensitive (open));
  g_assert_false (ui_widget_shown (hint));
}

/* An address Code Rescue refuses to open is not offered to copy either */
static void
test_refused_address_not_copied (UiApp    *ui,
                                 gpointer  data)
{
  GtkWidget *page;

  go_to_support (ui);
  page = support_page (ui);
  type_details (ui, "jack", "jack@example.org");
  ui_click (page, "Open Support _Form");
  g_assert_true (wait_for_label (page, "The support form address is not a secure address on X’s website. Reset the support form setting to its default, then try again."));

  g_assert_false (ui_widget_shown (ui_find_button (page, "Copy _Link")));
  g_assert_null (ui_harness_read_browser_log ());
}

static void
reset (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  g_unlink (ui_harness_state_file ());
  ui_harness_forget_browser ();
  behaviour = SERVE_OK;
  n_requests = 0;
  stop_server ();
  start_server ();
  g_settings_set_string (settings, "support-form-url", base_uri);
}

static void
run (gconstpointer body)
{
  reset ();
  ui_run ((UiBody)body, NULL);
  stop_server ();
}

static void
run_refused (gconstpointer body)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  reset ();
  /* https, but not on X's hosts */
  g_settings_set_string (settings, "support-form-url", "https://x.com.example.net/forms/2fa");
  ui_run ((UiBody)body, NULL);
  stop_server ();
}

static void
run_resume (gconstpointer data)
{
  reset ();
  ui_run (test_resume_keeps_details, NULL);
  ui_run (test_resume_keeps_details_2, NULL);
  stop_server ();
}

int
main (int   argc,
      char *argv[])
{
  ui_harness_init (&argc, &argv);
  paused = g_ptr_array_new_with_free_func (g_object_unref);

  /* Never launch a real browser: this machine must have none for the
   * no-browser case, which runs in its own process */
  if (g_getenv ("UI_NO_BROWSER") != NULL)
    {
      g_autoptr(GAppInfo) real_browser = g_app_info_get_default_for_uri_scheme ("https");

      g_assert_null (real_browser);
      g_test_add_data_func ("/support-page/no-browser", test_no_browser, run);
      g_test_add_data_func ("/support-page/no-browser-settings", test_no_browser_settings, run);
      return g_test_run ();
    }

  g_test_add_data_func ("/support-page/open-form", test_open_form, run);
  g_test_add_data_func ("/support-page/two-factor-settings", test_two_factor_settings, run);
  g_test_add_data_func ("/support-page/no-edits-while-checking", test_no_edits_while_checking, run);
  g_test_add_data_func ("/support-page/start-over-clears-error", test_start_over_clears_error, run);
  g_test_add_data_func ("/support-page/server-down", test_server_down, run);
  g_test_add_data_func ("/support-page/validation", test_validation, run);
  g_test_add_data_func ("/support-page/cancel", test_cancel, run);
  g_test_add_data_func ("/support-page/form-moved", test_form_moved, run);
  g_test_add_data_func ("/support-page/general-form-not-found", test_general_form_not_found, run);
  g_test_add_data_func ("/support-page/disabled-hint", test_disabled_hint, run);
  g_test_add_data_func ("/support-page/refused-address-not-copied", test_refused_address_not_copied, run_refused);
  g_test_add_data_func ("/support-page/resume-keeps-details", NULL, run_resume);

  return g_test_run ();
}
