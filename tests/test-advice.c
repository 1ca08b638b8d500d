/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rescue-sources.h"
#include "rescue-sources-box.h"
#include "rescue-steps-private.h"
#include "rescue-welcome-page-private.h"
#include "test-net.h"
#include "ui-harness.h"

/* What the app tells people, as the window shows it: the phone steps for
 * the phones people have now, where each fact comes from, that nothing
 * reaches the network before the support form is asked for, and the
 * Premium change where it is seen first. */

#define PREMIUM "Two-factor authentication. Since 20 March 2023 only X Premium accounts can get these codes by text; without Premium, you are probably facing one of the checks below."

static GtkWidget *
visible_page (UiApp *ui)
{
  return rescue_window_get_visible_page (ui->window);
}

static void
start (UiApp      *ui,
       const char *platform,
       gboolean    signed_in)
{
  ui_set_platform (ui, platform);
  ui_set_signed_in (ui, signed_in);
  ui_click (visible_page (ui), "_Start");
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_UNBLOCK);
}

static const char *
cause_text (GtkWidget  *page,
            const char *title)
{
  GtkWidget *label = ui_find_label (page, title);
  GtkWidget *expander;

  g_assert_nonnull (label);
  expander = gtk_widget_get_ancestor (label, GTK_TYPE_EXPANDER);
  g_assert_nonnull (expander);
  return gtk_label_get_text (GTK_LABEL (gtk_expander_get_child (GTK_EXPANDER (expander))));
}

static RescueSteps *
steps_under (GtkWidget  *page,
             const char *heading)
{
  GtkWidget *label = ui_find_label (page, heading);

  g_assert_nonnull (label);
  g_assert_true (ui_widget_shown (label));
  return RESCUE_STEPS (ui_find_type (gtk_widget_get_parent (label), RESCUE_TYPE_STEPS, 0));
}

/* @first comes before @second in @text */
static void
assert_in_order (const char *text,
                 const char *first,
                 const char *second)
{
  const char *a = strstr (text, first);
  const char *b = strstr (text, second);

  if (a == NULL || b == NULL || a > b)
    g_error ("“%s” before “%s” expected in “%s”", first, second, text);
}

/* ---- The phone steps ---------------------------------------------------- */

static void
test_iphone_paths (UiApp    *ui,
                   gpointer  data)
{
  GtkWidget *page = ui_page (ui, RESCUE_STEP_UNBLOCK);
  RescueSteps *steps;
  const char *text;

  start (ui, "_iPhone", TRUE);
  steps = steps_under (page, "On iPhone");

  /* iOS 26's one list first, then where iOS 18 and earlier kept it */
  text = rescue_steps_get_text (steps, 0);
  g_test_message ("%s", text);
  assert_in_order (text, "On iOS 26, open Settings › Privacy & Security › Blocked Contacts",
                   "On iOS 18 or earlier");
  g_assert_nonnull (strstr (text, "Settings › Apps › Messages › Blocked Contacts"));
  g_assert_nonnull (strstr (rescue_steps_get_text (steps, 1), "Unblock"));

  /* Unknown senders: iOS 26 screening, then iOS 18's settings, then iOS
   * 17's filter (facts §7.5) */
  text = cause_text (page, "The code went to unknown senders or spam");
  assert_in_order (text, "On iOS 26", "On iOS 18");
  assert_in_order (text, "On iOS 18", "On iOS 17 or earlier");
  assert_in_order (text, "Mark as Known", "Manage Filtering");
  g_assert_nonnull (strstr (text, "Settings › Apps › Messages › Screen Unknown Senders"));
  g_assert_nonnull (strstr (text, "filter button ≡"));
  g_assert_nonnull (strstr (text, "Time Sensitive"));
  g_assert_nonnull (strstr (text, "Filter Unknown Senders"));
  g_assert_null (strstr (text, "Google Messages"));

  /* STOP and START as the sources have them; no UNSTOP */
  text = cause_text (page, "A STOP was once sent to X’s number");
  g_assert_nonnull (strstr (text, "Text START to that number"));
  g_assert_nonnull (strstr (text, "may take your phone number off your X account"));
  g_assert_nonnull (strstr (text, "add it again"));
  g_assert_null (strstr (text, "UNSTOP"));
}

static void
test_android_paths (UiApp    *ui,
                    gpointer  data)
{
  GtkWidget *page = ui_page (ui, RESCUE_STEP_UNBLOCK);
  RescueSteps *steps;
  const char *text;
  guint n;

  start (ui, "_Android", TRUE);
  steps = steps_under (page, "On Android");
  n = rescue_steps_get_n_steps (steps);

  g_assert_nonnull (strstr (rescue_steps_get_text (steps, 0), "Phone app"));
  g_assert_nonnull (strstr (rescue_steps_get_text (steps, 1), "Settings › Blocked numbers"));

  /* Google Messages keeps its own list behind the profile picture */
  text = rescue_steps_get_text (steps, n - 3);
  g_test_message ("%s", text);
  assert_in_order (text, "In Google Messages, tap your profile picture", "Spam & blocked");
  assert_in_order (text, "Spam & blocked", "tap Unblock");
  g_assert_nonnull (strstr (text, "look for Blocked numbers or Spam"));
  g_assert_nonnull (strstr (rescue_steps_get_text (steps, n - 1), "ask for a new code"));

  /* Samsung's own words beside Google's, and the end of Samsung Messages
   * (facts §7.5) */
  text = rescue_steps_get_text (steps, 3);
  g_assert_nonnull (strstr (text, "Samsung"));
  g_assert_nonnull (strstr (text, "Block numbers"));
  g_assert_nonnull (strstr (text, "−"));
  text = rescue_steps_get_text (steps, n - 2);
  assert_in_order (text, "Samsung Messages stopped working in July 2026 on Android 12", "Android 11 or older");

  text = cause_text (page, "The code went to unknown senders or spam");
  assert_in_order (text, "profile picture", "Spam & blocked");
  g_assert_nonnull (strstr (text, "Not spam"));
  g_assert_null (strstr (text, "iOS"));
}

/* ---- The sender box -------------------------------------------------- */

static void
test_sender_box (UiApp    *ui,
                 gpointer  data)
{
  static const struct {
    const char *country;
    const char *line;
  } cases[] = {
    /* each number isolated (U+2068 … U+2069), so it keeps its order in
     * a right-to-left sentence */
    { "US", "\u206840404\u2069: From X’s own help pages, 2017" },
    { "GB", "\u206886444\u2069 (Vodafone, O2): From a mobile carrier’s own pages, 2009" },
    { "DE", "\u2068+49 17 6888 50505\u2069: From a third-party website, 2009" },
    { "SE", "\u2068+46 737 494222\u2069: From a third-party website, 2009" },
    { "KE", "\u20688988\u2069 (Safaricom): Ended in 2018. From the press, 2018" },
    { "MY", "\u206828933\u2069 (Maxis, Celcom): From the press, 2019" },
  };
  GtkWidget *page = ui_page (ui, RESCUE_STEP_UNBLOCK);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *label;

      ui_set_country (ui, cases[i].country);
      label = ui_find_label_containing (page, cases[i].line);
      g_test_message ("%s", cases[i].country);
      g_assert_nonnull (label);
      g_assert_true (gtk_widget_get_visible (label));
      /* one line per number, not one sentence for every country */
      g_assert_null (ui_find_label_containing (page, "older or uncertain sources"));
    }

  ui_set_country (ui, "GB");
  g_assert_null (ui_find_label_containing (page, "800379"));
}

/* ---- Sources ------------------------------------------------------------ */

static void
assert_sources (UiApp      *ui,
                RescueStep  step)
{
  GtkWidget *page = visible_page (ui);
  GtkWidget *box = ui_find_type (page, RESCUE_TYPE_SOURCES_BOX, 0);
  g_autoptr(GDateTime) checked = rescue_sources_get_last_checked ();
  g_autofree char *opened = NULL;
  g_autofree char *expected = NULL;
  const RescueSource *sources;
  GtkWidget *first = NULL;
  gboolean handled = FALSE;
  guint n_sources;

  g_assert_nonnull (box);
  g_assert_null (ui_find_type (page, RESCUE_TYPE_SOURCES_BOX, 1));
  g_assert_cmpint (rescue_sources_box_get_step (RESCUE_SOURCES_BOX (box)), ==, step);
  g_assert_true (ui_widget_shown (box));
  g_assert_true (ui_widget_shown (ui_find_label (box, "Sources")));

  /* the date the project checked them, as ISO 8601 writes it: read one
   * way in every country, unlike the locale's 12/02/26 */
  g_assert_cmpint (g_date_time_get_year (checked), ==, 2026);
  g_assert_true (ui_widget_shown (ui_find_label (box, "Last checked: 2026-12-06")));

  sources = rescue_sources_get_for_step (step, &n_sources);
  g_assert_cmpuint (n_sources, >=, 3);
  for (guint i = 0; i < n_sources; i++)
    {
      GtkWidget *name = ui_find_label (box, sources[i].name);
      g_autofree char *link = g_strdup_printf ("<a href=\"%s\">", sources[i].uri);

      g_test_message ("%s", sources[i].uri);
      g_assert_true (g_str_has_prefix (sources[i].uri, "https://"));
      g_assert_nonnull (name);
      g_assert_true (ui_widget_shown (name));
      g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (name)), link));
      /* the address is there to read and copy, too */
      g_assert_true (ui_widget_shown (ui_find_label (box, sources[i].uri)));
      if (first == NULL)
        first = name;
    }

  /* a click opens the address in the browser */
  ui_harness_forget_browser ();
  g_signal_emit_by_name (first, "activate-link", sources[0].uri, &handled);
  g_assert_true (handled);
  opened = ui_harness_wait_for_browser ();
  expected = g_strconcat (sources[0].uri, "\n", NULL);
  g_assert_cmpstr (opened, ==, expected);
}

static void
test_sources (UiApp    *ui,
              gpointer  data)
{
  start (ui, "_iPhone", TRUE);
  assert_sources (ui, RESCUE_STEP_UNBLOCK);

  ui_click (visible_page (ui), "Still _No Code");
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SIGNED_IN);
  assert_sources (ui, RESCUE_STEP_SIGNED_IN);

  ui_click (visible_page (ui), "It _Didn’t Work");
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);
  assert_sources (ui, RESCUE_STEP_SUPPORT);
}

/* ---- The welcome page ---------------------------------------------------- */

static void
count_request_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           data)
{
  guint *requests = data;

  (*requests)++;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html>form</html>", 17);
}

static gboolean
has_requests (gpointer data)
{
  return *(guint *)data > 0;
}

/* The app contacts nobody until the person asks for the support form:
 * a whole run up to the support page, against a stand-in for X's site
 * that counts what reaches it */
static void
test_no_request_before_support (UiApp    *ui,
                                gpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GUri) base = NULL;
  g_autofree char *form = NULL;
  guint requests = 0;

  server = test_net_server_new (count_request_cb, &requests, 0, &base);
  form = g_uri_to_string (base);
  g_settings_set_string (settings, "support-form-url", form);

  start (ui, "_iPhone", TRUE);
  ui_flush ();
  ui_click (visible_page (ui), "Still _No Code");
  ui_flush ();
  ui_click (visible_page (ui), "It _Didn’t Work");
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);
  ui_settle (ui);
  g_assert_cmpuint (requests, ==, 0);

  /* Asking for the form is what makes the first request */
  gtk_editable_set_text (GTK_EDITABLE (ui_find_type (visible_page (ui), GTK_TYPE_ENTRY, 0)), "alice");
  gtk_editable_set_text (GTK_EDITABLE (ui_find_type (visible_page (ui), GTK_TYPE_ENTRY, 1)), "alice@example.com");
  ui_click (visible_page (ui), "Open Support _Form");
  g_assert_true (ui_wait_until (has_requests, &requests, 10000));

  g_settings_reset (settings, "support-form-url");
  soup_server_disconnect (server);
}

static gboolean
laid_out (gpointer data)
{
  return gtk_widget_get_height (data) > 0;
}

/* The Premium sentence, under the first choice of the first question, is
 * seen at the default size without scrolling */
static void
test_premium_visible (UiApp    *ui,
                      gpointer  data)
{
  GtkWidget *page = ui_page (ui, RESCUE_STEP_WELCOME);
  GtkWidget *premium = ui_find_label (page, PREMIUM);
  GtkWidget *scrolled;
  GtkAdjustment *vadjustment;
  graphene_rect_t bounds;
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (ui->window), &width, &height);
  g_assert_cmpint (width, ==, 860);
  g_assert_cmpint (height, ==, 620);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (ui->window)), <=, 620);

  g_assert_nonnull (premium);
  g_assert_true (ui_widget_shown (premium));
  g_assert_true (ui_wait_until (laid_out, premium, 5000));
  scrolled = gtk_widget_get_ancestor (premium, GTK_TYPE_SCROLLED_WINDOW);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);

  g_assert_true (gtk_widget_compute_bounds (premium, scrolled, &bounds));
  g_test_message ("Premium sentence from %.0f to %.0f of %d px",
                  bounds.origin.y, bounds.origin.y + bounds.size.height,
                  gtk_widget_get_height (scrolled));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
}

/* ---- The message for support ------------------------------------------- */

static void
test_message_preview (UiApp    *ui,
                      gpointer  data)
{
  GtkWidget *page;
  GtkWidget *preview;

  ui_set_country (ui, "GB");
  start (ui, "_Android", FALSE);
  ui_click (visible_page (ui), "Still _No Code");
  page = visible_page (ui);
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);

  /* what was tried, and the field's name where nothing is typed yet */
  preview = ui_find_label_containing (page, "Hello,");
  g_assert_nonnull (preview);
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (preview)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (preview)), "@\u2068your_username\u2069."));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (preview)), "Country of my phone number: \u2068United Kingdom\u2069."));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (preview)),
                            "I unblocked \u206886444\u2069 on my Android phone: still no code. I have no device where I am still signed in."));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (preview)), "@."));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (preview)), "reach me"));

  gtk_editable_set_text (GTK_EDITABLE (ui_find_type (page, GTK_TYPE_ENTRY, 0)), "@jack_99");
  gtk_editable_set_text (GTK_EDITABLE (ui_find_type (page, GTK_TYPE_ENTRY, 1)), "jack@example.org");
  ui_flush ();
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (preview)), "my X account @\u2068jack_99\u2069."));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (preview)), "You can reach me at \u2068jack@example.org\u2069."));
}

static void
go_to_support_gb (UiApp    *ui,
                  gpointer  data)
{
  ui_set_country (ui, "GB");
  start (ui, "_iPhone", FALSE);
  ui_click (visible_page (ui), "Still _No Code");
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);
}

static gboolean
preview_names_country (gpointer data)
{
  return ui_find_label_containing (data, "Country of my phone number: \u2068United Kingdom\u2069.") != NULL;
}

/* Opened again on the support page, whose window never showed the welcome
 * page: the message still names the country once the page is on screen */
static void
check_resumed_preview (UiApp    *ui,
                       gpointer  data)
{
  GtkWidget *page = visible_page (ui);

  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);
  g_assert_true (ui_wait_until (preview_names_country, page, 10000));
  g_assert_nonnull (ui_find_label_containing (page, "I unblocked \u206886444\u2069 on my iPhone: still no code."));
}

static void
run_resume (gconstpointer data)
{
  g_unlink (ui_harness_state_file ());
  ui_run (go_to_support_gb, NULL);
  ui_run (check_resumed_preview, NULL);
}

/* Each test starts from a fresh welcome page */
static void
run (gconstpointer data)
{
  g_unlink (ui_harness_state_file ());
  ui_run ((UiBody) data, NULL);
}

int
main (int   argc,
      char *argv[])
{
  ui_harness_init (&argc, &argv);

  g_test_add_data_func ("/advice/iphone-paths", test_iphone_paths, run);
  g_test_add_data_func ("/advice/android-paths", test_android_paths, run);
  g_test_add_data_func ("/advice/sender-box", test_sender_box, run);
  g_test_add_data_func ("/advice/sources", test_sources, run);
  g_test_add_data_func ("/advice/no-request-before-support", test_no_request_before_support, run);
  g_test_add_data_func ("/advice/premium-visible", test_premium_visible, run);
  g_test_add_data_func ("/advice/message-preview", test_message_preview, run);
  g_test_add_data_func ("/advice/message-after-resume", NULL, run_resume);

  return g_test_run ();
}
