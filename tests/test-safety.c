/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rescue-countries.h"
#include "rescue-page.h"
#include "ui-harness.h"

/* Nothing destructive is one keystroke away, and what looks clickable is:
 * issue 12, its behaviour half. */

static SoupServer *server;
static char *base_uri;

/* 2025-11-20 14:03:00 UTC; the tests run with TZ=UTC */
#define SENT_AT 1763647380

static RescueFlow *
flow_of (UiApp *ui)
{
  return rescue_context_get_flow (rescue_application_get_context (ui->app));
}

/* The check whose route starts at @step, for the routes' own steps */
static gboolean
check_starting_at (RescueStep   step,
                   RescueCheck *check)
{
  for (RescueCheck c = 0; c < RESCUE_N_CHECKS; c++)
    {
      guint n_steps;
      const RescueStep *route = rescue_check_get_route (c, &n_steps);

      if (c != RESCUE_CHECK_TWO_FACTOR && n_steps > 0 && route[0] == step)
        {
          *check = c;
          return TRUE;
        }
    }

  return FALSE;
}

/* Puts the flow at @step with a history that leads there and details
 * typed, as a person would have got there: the two-factor route, or the
 * route whose own first step @step is */
static void
go_to (UiApp      *ui,
       RescueStep  step)
{
  g_auto(RescueFlowSnapshot) snapshot = { 0 };
  RescueCheck check = RESCUE_CHECK_TWO_FACTOR;

  rescue_flow_get_snapshot (flow_of (ui), &snapshot);
  snapshot.step = step;
  snapshot.n_history = 0;
  memset (snapshot.outcomes, 0, sizeof snapshot.outcomes);
  snapshot.support_submitted_at = 0;
  snapshot.wait_started_at = 0;
  snapshot.has_signed_in_device = TRUE;
  check_starting_at (step, &check);
  snapshot.check = check;
  /* the hour has just begun: not over while the test runs */
  if (step == RESCUE_STEP_WAIT)
    snapshot.wait_started_at = g_get_real_time () / G_USEC_PER_SEC;
  if (step != RESCUE_STEP_WELCOME)
    snapshot.history[snapshot.n_history++] = RESCUE_STEP_WELCOME;
  if (step == RESCUE_STEP_SIGNED_IN || step == RESCUE_STEP_SUPPORT || step == RESCUE_STEP_WAITING_FOR_SUPPORT)
    {
      snapshot.history[snapshot.n_history++] = RESCUE_STEP_UNBLOCK;
      snapshot.outcomes[RESCUE_FIX_UNBLOCK] = RESCUE_OUTCOME_DID_NOT_WORK;
    }
  if (step == RESCUE_STEP_SUPPORT || step == RESCUE_STEP_WAITING_FOR_SUPPORT)
    {
      snapshot.history[snapshot.n_history++] = RESCUE_STEP_SIGNED_IN;
      snapshot.outcomes[RESCUE_FIX_SIGNED_IN] = RESCUE_OUTCOME_DID_NOT_WORK;
    }
  if (step == RESCUE_STEP_WAITING_FOR_SUPPORT)
    {
      snapshot.history[snapshot.n_history++] = RESCUE_STEP_SUPPORT;
      snapshot.outcomes[RESCUE_FIX_SUPPORT] = RESCUE_OUTCOME_WORKED;
      snapshot.support_submitted_at = SENT_AT;
    }
  if (step == RESCUE_STEP_RESOLVED)
    {
      snapshot.history[snapshot.n_history++] = RESCUE_STEP_UNBLOCK;
      snapshot.outcomes[RESCUE_FIX_UNBLOCK] = RESCUE_OUTCOME_WORKED;
    }
  g_free (snapshot.username);
  snapshot.username = g_strdup ("jack");
  g_free (snapshot.email);
  snapshot.email = g_strdup ("jack@example.org");

  g_assert_true (rescue_flow_restore (flow_of (ui), &snapshot, NULL));
  ui_flush ();
  g_assert_cmpint (ui_visible_step (ui), ==, step);
}

static void
assert_progress_kept (UiApp *ui)
{
  RescueFlow *flow = flow_of (ui);

  g_assert_cmpint (rescue_flow_get_step (flow), !=, RESCUE_STEP_WELCOME);
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "jack");
  g_assert_cmpstr (rescue_flow_get_email (flow), ==, "jack@example.org");
}

static gboolean
at_waiting (gpointer data)
{
  return rescue_flow_get_step (flow_of (data)) == RESCUE_STEP_WAITING_FOR_SUPPORT;
}

/* Two stray presses of Enter, from any page, keep the progress: Start
 * Over is never the default, and its dialog defaults to Cancel */
static void
test_enter_never_clears (UiApp    *ui,
                         gpointer  data)
{
  for (RescueStep step = 0; step < RESCUE_N_STEPS; step++)
    {
      if (!ui_step_has_page (step))
        continue;

      GtkWidget *page;

      g_test_message ("Enter twice on %s", rescue_step_to_string (step));
      go_to (ui, step);
      page = rescue_window_get_visible_page (ui->window);
      ui_press_enter (ui);
      /* A page that asks which of two outcomes happened has no default:
       * Enter answers nothing there */
      if (rescue_page_get_default_widget (RESCUE_PAGE (page)) == NULL)
        g_assert_cmpint (rescue_flow_get_step (flow_of (ui)), ==, step);
      ui_press_enter (ui);
      /* Enter opens the support form: let its check against the local
       * server end before the next page */
      if (step == RESCUE_STEP_SUPPORT)
        g_assert_true (ui_wait_until (at_waiting, ui, 10000));
      assert_progress_kept (ui);
      g_assert_null (ui_find_start_over_dialog ());
      ui_harness_forget_browser ();
    }

  /* Enter in the dialog is Cancel */
  go_to (ui, RESCUE_STEP_RESOLVED);
  g_action_group_activate_action (G_ACTION_GROUP (ui->app), "start-over", NULL);
  ui_flush ();
  g_assert_nonnull (ui_find_start_over_dialog ());
  ui_xdotool (GTK_WINDOW (ui_find_start_over_dialog ()), "key", "--clearmodifiers", "Return", NULL);
  g_assert_null (ui_find_start_over_dialog ());
  assert_progress_kept (ui);
  g_assert_cmpint (rescue_flow_get_step (flow_of (ui)), ==, RESCUE_STEP_RESOLVED);
}

static gboolean
has_class (GtkWidget  *widget,
           const char *name)
{
  return widget != NULL && gtk_widget_has_css_class (widget, name);
}

/* Every Start Over in the window: the menu's (an action, no widget), the
 * welcome-back bar's and the done pages' */
static void
assert_start_over_buttons_tame (UiApp *ui)
{
  for (guint nth = 0; ; nth++)
    {
      GtkWidget *button = ui_find_type (GTK_WIDGET (ui->window), GTK_TYPE_BUTTON, nth);

      if (button == NULL)
        break;
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "Start _Over") != 0)
        continue;

      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "app.start-over");
      g_assert_false (has_class (button, "suggested-action"));
      g_assert_false (gtk_window_get_default_widget (GTK_WINDOW (ui->window)) == button);
    }
}

static void
test_start_over_asks (UiApp    *ui,
                      gpointer  data)
{
  RescueFlow *flow = flow_of (ui);
  GtkWidget *dialog;
  GtkWidget *cancel;
  GtkWidget *confirm;

  for (RescueStep step = 0; step < RESCUE_N_STEPS; step++)
    {
      if (!ui_step_has_page (step))
        continue;

      go_to (ui, step);
      assert_start_over_buttons_tame (ui);
    }

  go_to (ui, RESCUE_STEP_SIGNED_IN);
  g_action_group_activate_action (G_ACTION_GROUP (ui->app), "start-over", NULL);
  ui_flush ();
  dialog = ui_find_start_over_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (ui->window));
  g_assert_nonnull (ui_find_label (dialog, "Start over?"));
  g_assert_nonnull (ui_find_label (dialog, "Code Rescue will forget which fixes you tried and the username and email you typed. Your answers about your phone stay."));

  cancel = ui_find_button (dialog, "_Cancel");
  confirm = ui_find_button (dialog, "Start _Over");
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == cancel);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == cancel);
  g_assert_true (has_class (confirm, "destructive-action"));
  g_assert_false (has_class (confirm, "suggested-action"));

  /* asked twice, still one dialog */
  g_action_group_activate_action (G_ACTION_GROUP (ui->app), "start-over", NULL);
  ui_flush ();
  g_assert_true (ui_find_start_over_dialog () == dialog);

  ui_answer_start_over (FALSE);
  assert_progress_kept (ui);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_UNBLOCK), ==, RESCUE_OUTCOME_DID_NOT_WORK);

  /* the done page's button asks too */
  go_to (ui, RESCUE_STEP_WAITING_FOR_SUPPORT);
  ui_click (rescue_window_get_visible_page (ui->window), "Start _Over");
  ui_answer_start_over (TRUE);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, RESCUE_STEP_WELCOME);
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "");
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SUPPORT), ==, RESCUE_OUTCOME_PENDING);

  /* with nothing to forget, there is nothing to ask */
  g_action_group_activate_action (G_ACTION_GROUP (ui->app), "start-over", NULL);
  ui_flush ();
  g_assert_null (ui_find_start_over_dialog ());
}

static GtkWidget *
sidebar (UiApp *ui)
{
  return ui_find_type (GTK_WIDGET (ui->window), GTK_TYPE_LIST_BOX, 0);
}

static GtkWidget *
sidebar_row (UiApp *ui,
             guint  index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar (ui)), index));
}

static void
test_waiting_page (UiApp    *ui,
                   gpointer  data)
{
  GtkWidget *page;
  GtkWidget *copy;

  go_to (ui, RESCUE_STEP_WAITING_FOR_SUPPORT);
  page = rescue_window_get_visible_page (ui->window);
  copy = ui_find_button (page, "Copy _Message");
  g_assert_true (ui_widget_shown (copy));
  g_assert_true (has_class (copy, "suggested-action"));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (ui->window)) == copy);
  g_assert_false (has_class (ui_find_button (page, "Start _Over"), "suggested-action"));

  /* the sidebar names the step as the page does */
  g_assert_nonnull (ui_find_label (page, "Waiting for X Support"));
  g_assert_nonnull (ui_find_label (sidebar_row (ui, 4), "Waiting for X Support"));
  g_assert_null (ui_find_label (sidebar (ui), "Done"));
  /* and so does the header, when the window is too narrow for a sidebar */
  g_assert_nonnull (ui_find_label (gtk_window_get_titlebar (GTK_WINDOW (ui->window)), "Waiting for X Support"));

  go_to (ui, RESCUE_STEP_RESOLVED);
  g_assert_nonnull (ui_find_label (sidebar_row (ui, 4), "You’re Back In"));

  /* before the end, the end is just the end */
  go_to (ui, RESCUE_STEP_UNBLOCK);
  g_assert_nonnull (ui_find_label (sidebar_row (ui, 4), "Done"));
}

/* When the support request went out: no seconds, no zone */
static void
test_time_without_seconds (UiApp    *ui,
                           gpointer  data)
{
  g_autoptr(GRegex) seconds = g_regex_new ("[0-9]:[0-9][0-9]:[0-9][0-9]", 0, 0, NULL);
  GtkWidget *page;
  GtkWidget *summary;

  go_to (ui, RESCUE_STEP_WAITING_FOR_SUPPORT);
  page = rescue_window_get_visible_page (ui->window);
  summary = ui_find_label (page, "You opened X’s support form on November 20, 2025, 2:03 PM. Your account is not gone: it is waiting for you.");
  g_assert_nonnull (summary);
  g_assert_true (ui_widget_shown (summary));
  g_assert_false (g_regex_match (seconds, gtk_label_get_text (GTK_LABEL (summary)), 0, NULL));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (summary)), "UTC"));
}

static const char *
undo_hint = "Pressed “It Worked” by mistake? Back (Alt+Left) returns to the fix you were on, and it counts as not tried yet.";

/* It Worked by mistake: Back undoes it, and the resolved page says so */
static void
test_back_undoes_worked (UiApp    *ui,
                         gpointer  data)
{
  RescueFlow *flow = flow_of (ui);
  const RescueStep fixes[] = { RESCUE_STEP_UNBLOCK, RESCUE_STEP_SIGNED_IN };
  const RescueFix fix_of[] = { RESCUE_FIX_UNBLOCK, RESCUE_FIX_SIGNED_IN };

  for (guint i = 0; i < G_N_ELEMENTS (fixes); i++)
    {
      GtkWidget *resolved;

      go_to (ui, fixes[i]);
      ui_click (rescue_window_get_visible_page (ui->window), "It _Worked");
      g_assert_cmpint (rescue_flow_get_step (flow), ==, RESCUE_STEP_RESOLVED);
      g_assert_cmpint (rescue_flow_get_outcome (flow, fix_of[i]), ==, RESCUE_OUTCOME_WORKED);
      resolved = rescue_window_get_visible_page (ui->window);
      g_assert_true (ui_widget_shown (ui_find_label (resolved, undo_hint)));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.back", NULL));
      ui_flush ();
      g_assert_cmpint (rescue_flow_get_step (flow), ==, fixes[i]);
      g_assert_cmpint (rescue_flow_get_outcome (flow, fix_of[i]), ==, RESCUE_OUTCOME_PENDING);
      g_assert_cmpstr (rescue_window_get_sidebar_state (ui->window, fixes[i]), ==, "Current");
      g_assert_cmpstr (rescue_window_get_sidebar_state (ui->window, RESCUE_STEP_RESOLVED), ==, NULL);
    }
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* The theme fades focus rings in and out over 300 ms, counted in frames */
static void
let_transitions_end (void)
{
  ui_wait_until (never, NULL, 500);
}

/* The widget as last drawn, as text; a frame is drawn first */
static GBytes *
render (UiApp     *ui,
        GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GBytes *bytes;

  gtk_widget_queue_draw (GTK_WIDGET (ui->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (ui->window));
  ui_flush ();

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  bytes = gsk_render_node_serialize (node);
  gsk_render_node_unref (node);

  return bytes;
}

static void
hover (UiApp     *ui,
       GtkWidget *widget,
       gboolean   on)
{
  if (on)
    gtk_widget_set_state_flags (widget, GTK_STATE_FLAG_PRELIGHT, FALSE);
  else
    gtk_widget_unset_state_flags (widget, GTK_STATE_FLAG_PRELIGHT);
}

/* What a key press does to focus: Tab, an arrow or a mnemonic */
static void
keyboard_focus (UiApp     *ui,
                GtkWidget *widget,
                gboolean   on)
{
  gtk_window_set_focus_visible (GTK_WINDOW (ui->window), on);
}

/* Whether @widget is drawn differently with @state on */
static gboolean
changes_look (UiApp     *ui,
              GtkWidget *widget,
              void     (*state) (UiApp *, GtkWidget *, gboolean))
{
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) changed = NULL;

  state (ui, widget, FALSE);
  let_transitions_end ();
  plain = render (ui, widget);
  state (ui, widget, TRUE);
  let_transitions_end ();
  changed = render (ui, widget);
  state (ui, widget, FALSE);

  return !g_bytes_equal (plain, changed);
}

/* Rows of steps visited go back there, through the flow; the others look
 * and act like text */
static void
test_sidebar_navigation (UiApp    *ui,
                         gpointer  data)
{
  RescueFlow *flow = flow_of (ui);

  go_to (ui, RESCUE_STEP_SUPPORT);
  for (guint row = 0; row < 5; row++)
    {
      gboolean visited = row < 3;

      g_assert_cmpint (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (sidebar_row (ui, row))), ==, visited);
      g_assert_cmpint (gtk_widget_get_focusable (sidebar_row (ui, row)), ==, visited);
    }

  /* hovering only highlights what can be clicked */
  g_assert_true (changes_look (ui, sidebar_row (ui, 1), hover));
  g_assert_false (changes_look (ui, sidebar_row (ui, 3), hover));
  g_assert_false (changes_look (ui, sidebar_row (ui, 4), hover));

  /* the current step and the end go nowhere */
  gtk_widget_activate (sidebar_row (ui, 3));
  gtk_widget_activate (sidebar_row (ui, 4));
  ui_flush ();
  g_assert_cmpint (rescue_flow_get_step (flow), ==, RESCUE_STEP_SUPPORT);

  /* back to fix 1: it and fix 2 are undecided again, as after Back */
  gtk_widget_activate (sidebar_row (ui, 1));
  ui_flush ();
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_UNBLOCK);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_UNBLOCK), ==, RESCUE_OUTCOME_PENDING);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_PENDING);
  g_assert_cmpint (rescue_flow_get_previous_step (flow), ==, RESCUE_STEP_WELCOME);
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "jack");
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (sidebar_row (ui, 2))));
}

static gboolean
one_line (GtkWidget *label)
{
  return pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))) == 1;
}

/* At 1.5× text (Xft.dpi 144) nothing wraps, nothing is cut, and the
 * state icons grow with the text */
static void
test_sidebar_large_text (UiApp    *ui,
                         gpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int normal_icon;
  int large_icon;
  int dpi;

  go_to (ui, RESCUE_STEP_WAITING_FOR_SUPPORT);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (ui->window));
  normal_icon = gtk_widget_get_width (ui_find_type (sidebar_row (ui, 0), GTK_TYPE_IMAGE, 0));

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 144 * 1024, NULL);
  ui_flush ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (ui->window));

  for (guint row = 0; row < 5; row++)
    {
      GtkWidget *row_widget = sidebar_row (ui, row);
      GtkWidget *title = ui_find_type (row_widget, GTK_TYPE_LABEL, 0);
      /* after the title's bold twin, which holds the row's width */
      GtkWidget *state = ui_find_type (row_widget, GTK_TYPE_LABEL, 2);
      int natural;

      g_test_message ("row %u: %s", row, gtk_label_get_text (GTK_LABEL (title)));
      g_assert_true (one_line (title));
      g_assert_true (one_line (state));
      gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (title), >=, natural);
    }
  large_icon = gtk_widget_get_width (ui_find_type (sidebar_row (ui, 0), GTK_TYPE_IMAGE, 0));
  g_test_message ("state icon: %d px, %d px at 1.5× text", normal_icon, large_icon);
  g_assert_cmpint (large_icon, >=, normal_icon * 4 / 3);

  /* The bold current row never widens the sidebar: the page stays put
   * from step to step */
  {
    static const RescueStep steps[] = {
      RESCUE_STEP_WELCOME, RESCUE_STEP_UNBLOCK, RESCUE_STEP_SIGNED_IN, RESCUE_STEP_SUPPORT,
    };
    int first_width = -1;

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        int width;

        go_to (ui, steps[i]);
        gtk_test_widget_wait_for_draw (GTK_WIDGET (ui->window));
        width = gtk_widget_get_width (sidebar (ui));
        g_test_message ("sidebar at %s: %d px", rescue_step_to_string (steps[i]), width);
        if (first_width < 0)
          first_width = width;
        g_assert_cmpint (width, ==, first_width);
      }
  }

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  ui_flush ();
}

/* Keyboard focus moves to a new page's heading for screen readers, with
 * no focus ring drawn around it */
static void
test_heading_no_focus_ring (UiApp    *ui,
                            gpointer  data)
{
  GtkWidget *heading;
  GtkWidget *button;

  go_to (ui, RESCUE_STEP_UNBLOCK);
  ui_click (rescue_window_get_visible_page (ui->window), "It _Worked");
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_RESOLVED);
  heading = gtk_window_get_focus (GTK_WINDOW (ui->window));
  g_assert_true (GTK_IS_LABEL (heading));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, "You’re Back In");
  g_assert_false (changes_look (ui, heading, keyboard_focus));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (ui->window)) == heading);

  /* back to the heading with the keyboard: nothing drawn highlighted */
  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "Tab", NULL);
  g_assert_false (gtk_window_get_focus (GTK_WINDOW (ui->window)) == heading);
  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "shift+Tab", NULL);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (ui->window)) == heading);
  g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (heading), NULL, NULL));
  g_assert_false (changes_look (ui, heading, keyboard_focus));

  /* a button still shows its ring: the comparison can see one */
  button = ui_find_button (rescue_window_get_visible_page (ui->window), "Start _Over");
  gtk_widget_grab_focus (button);
  g_assert_true (changes_look (ui, button, keyboard_focus));
}

static const char *
shown_country (UiApp *ui)
{
  GtkWidget *page = rescue_window_get_page (ui->window, RESCUE_STEP_WELCOME);
  GtkDropDown *dropdown = GTK_DROP_DOWN (ui_find_type (page, GTK_TYPE_DROP_DOWN, 0));
  RescueCountry *country = gtk_drop_down_get_selected_item (dropdown);

  /* no item is what GTK shows as "(None)" */
  if (country == NULL)
    return "(None)";

  return rescue_country_get_code (country);
}

static void
leave_at_signed_in (UiApp    *ui,
                    gpointer  data)
{
  ui_set_country (ui, "GB");
  ui_click (rescue_window_get_visible_page (ui->window), "_Start");
  go_to (ui, RESCUE_STEP_SIGNED_IN);
}

typedef struct
{
  UiApp *ui;
  char  *country;
} CountryWatch;

/* Runs right after the window has shown the page for the new step,
 * before anything the window left for later */
static void
step_shown_cb (RescueFlow   *flow,
               GParamSpec   *pspec,
               CountryWatch *watch)
{
  if (rescue_flow_get_step (flow) != RESCUE_STEP_WELCOME)
    return;

  g_free (watch->country);
  watch->country = g_strdup (shown_country (watch->ui));
}

/* Resumed past the welcome page, which the first Start Over then makes:
 * the drop-down shows the country from the first frame on, every time */
static void
start_over_fifty_times (UiApp    *ui,
                        gpointer  data)
{
  RescueFlow *flow = flow_of (ui);
  CountryWatch watch = { ui, NULL };

  g_assert_cmpint (rescue_flow_get_step (flow), ==, RESCUE_STEP_SIGNED_IN);
  g_signal_connect (flow, "notify::step", G_CALLBACK (step_shown_cb), &watch);

  for (guint i = 0; i < 50; i++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (ui->app), "start-over", NULL);
      ui_answer_start_over (TRUE);
      g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_WELCOME);
      g_assert_cmpstr (watch.country, ==, "GB");
      g_assert_cmpstr (shown_country (ui), ==, "GB");
      g_assert_cmpstr (rescue_flow_get_country (flow), ==, "GB");

      ui_click (rescue_window_get_visible_page (ui->window), "_Start");
      ui_click (rescue_window_get_visible_page (ui->window), "Still _No Code");
    }

  g_signal_handlers_disconnect_by_func (flow, step_shown_cb, &watch);
  g_free (watch.country);
}

static void
run (gconstpointer body)
{
  ui_run_fresh ((UiBody)body, base_uri);
}

static void
run_country (gconstpointer data)
{
  run (leave_at_signed_in);
  ui_run (start_over_fifty_times, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* "2:03 PM" is 14:03 UTC */
  g_setenv ("TZ", "UTC", TRUE);
  ui_harness_init (&argc, &argv);
  server = ui_server_new (&base_uri);

  g_test_add_data_func ("/safety/enter-never-clears", test_enter_never_clears, run);
  g_test_add_data_func ("/safety/start-over-asks", test_start_over_asks, run);
  g_test_add_data_func ("/safety/waiting-page", test_waiting_page, run);
  g_test_add_data_func ("/safety/time-without-seconds", test_time_without_seconds, run);
  g_test_add_data_func ("/safety/back-undoes-worked", test_back_undoes_worked, run);
  g_test_add_data_func ("/safety/sidebar/navigation", test_sidebar_navigation, run);
  g_test_add_data_func ("/safety/sidebar/large-text", test_sidebar_large_text, run);
  g_test_add_data_func ("/safety/heading-no-focus-ring", test_heading_no_focus_ring, run);
  g_test_add_data_func ("/safety/country-after-fifty-start-overs", NULL, run_country);

  return g_test_run ();
}
