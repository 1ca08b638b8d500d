/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-harness.h"

/* A screen reader can name every control, and the keyboard alone can do
 * the whole flow. */

static SoupServer *server;
static char *base_uri;

/* Where a control's accessible name can come from in GTK 4.8 */
static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  if (GTK_IS_BUTTON (widget))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (label != NULL && *label != '\0' && gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL)
        return TRUE;
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return TRUE;
    }

  if (GTK_IS_EXPANDER (widget))
    {
      const char *label = gtk_expander_get_label (GTK_EXPANDER (widget));

      return label != NULL && *label != '\0';
    }

  return FALSE;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_EXPANDER (widget) ||
         GTK_IS_CHECK_BUTTON (widget);
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed,
                 guint     *n_controls)
{
  if (is_control (widget))
    {
      (*n_controls)++;
      if (!has_name (widget))
        g_string_append_printf (unnamed, " %s(%s)", G_OBJECT_TYPE_NAME (widget),
                                gtk_widget_get_name (widget));
      /* a composite control's insides are named by the control itself */
      if (!GTK_IS_EXPANDER (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, n_controls);
}

static void
test_every_control_named (UiApp    *ui,
                          gpointer  data)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_controls = 0;

  /* every page, shown or not (pages are made when first asked for) */
  for (RescueStep step = 0; step < RESCUE_N_STEPS; step++)
    if (ui_step_has_page (step))
      g_assert_nonnull (ui_page (ui, step));
  collect_unnamed (GTK_WIDGET (ui->window), unnamed, &n_controls);
  collect_unnamed (gtk_window_get_titlebar (GTK_WINDOW (ui->window)), unnamed, &n_controls);

  g_test_message ("%u controls checked", n_controls);
  g_assert_cmpuint (n_controls, >=, 30);
  g_assert_cmpstr (unnamed->str, ==, "");

  /* entries are labelled by their visible label */
  {
    GtkWidget *page = ui_page (ui, RESCUE_STEP_SUPPORT);
    GtkWidget *username = ui_find_type (page, GTK_TYPE_ENTRY, 0);
    GtkWidget *label = ui_find_label (page, "X username");

    gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (username), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL);
  }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ui_find_type (gtk_window_get_titlebar (GTK_WINDOW (ui->window)), GTK_TYPE_BUTTON, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Back");
}

static gboolean
step_is (gpointer data)
{
  UiApp *ui = ((gpointer *)data)[0];

  return ui_visible_step (ui) == (RescueStep)GPOINTER_TO_INT (((gpointer *)data)[1]);
}

static gboolean
wait_for_step (UiApp      *ui,
               RescueStep  step)
{
  gpointer data[] = { ui, GINT_TO_POINTER (step) };

  return ui_wait_until (step_is, data, 10000);
}

static gboolean
heading_focused (gpointer data)
{
  UiApp *ui = ((gpointer *)data)[0];
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (ui->window));

  return focus != NULL && GTK_IS_LABEL (focus) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (focus)), ((gpointer *)data)[1]) == 0;
}

static void
assert_heading_focused (UiApp      *ui,
                        const char *heading)
{
  gpointer data[] = { ui, (gpointer)heading };

  g_assert_true (ui_wait_until (heading_focused, data, 5000));
}

static void
test_keyboard_only (UiApp    *ui,
                    gpointer  data)
{
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (ui->app));

  g_assert_false (rescue_flow_get_has_signed_in_device (flow));

  /* Alt+A picks Android, Alt+S starts */
  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "alt+a", NULL);
  g_assert_cmpint (rescue_flow_get_platform (flow), ==, RESCUE_PLATFORM_ANDROID);
  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "alt+s", NULL);
  g_assert_true (wait_for_step (ui, RESCUE_STEP_UNBLOCK));
  assert_heading_focused (ui, "Unblock the Sender");

  /* Escape goes back, and Enter presses the page's main button */
  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "Escape", NULL);
  g_assert_true (wait_for_step (ui, RESCUE_STEP_WELCOME));
  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "Return", NULL);
  g_assert_true (wait_for_step (ui, RESCUE_STEP_UNBLOCK));

  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "alt+n", NULL);
  g_assert_true (wait_for_step (ui, RESCUE_STEP_SUPPORT));
  assert_heading_focused (ui, "Contact X Support");

  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "alt+u", NULL);
  ui_xdotool (GTK_WINDOW (ui->window), "type", "--delay", "20", "jack_2", NULL);

  /* Escape while typing only leaves the field: the form stays, as typed */
  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "Escape", NULL);
  ui_flush ();
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);
  assert_heading_focused (ui, "Contact X Support");
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "jack_2");

  /* Enter in the username goes on to the email */
  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "alt+u", NULL);
  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "End", NULL);
  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "Return", NULL);
  ui_flush ();
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (ui->window)),
                                         ui_find_type (ui_page (ui, RESCUE_STEP_SUPPORT), GTK_TYPE_ENTRY, 1)));
  ui_xdotool (GTK_WINDOW (ui->window), "type", "--delay", "20", "jack@example.org", NULL);
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "jack_2");
  g_assert_cmpstr (rescue_flow_get_email (flow), ==, "jack@example.org");

  /* Enter in the email field opens the form */
  ui_xdotool (GTK_WINDOW (ui->window), "key", "--clearmodifiers", "Return", NULL);
  g_assert_true (wait_for_step (ui, RESCUE_STEP_WAITING_FOR_SUPPORT));
  assert_heading_focused (ui, "Waiting for X Support");
  {
    g_autofree char *opened = ui_harness_wait_for_browser ();

    g_assert_nonnull (opened);
    g_assert_nonnull (strstr (opened, "username=jack_2"));
  }
}

static void
test_default_widgets (UiApp    *ui,
                      gpointer  data)
{
  struct {
    RescueStep  step;
    const char *button;
  } pages[] = {
    { RESCUE_STEP_WELCOME, "_Start" },
    /* Two outcomes to choose from: Enter must not answer for the person */
    { RESCUE_STEP_UNBLOCK, NULL },
    { RESCUE_STEP_SIGNED_IN, NULL },
    { RESCUE_STEP_SUPPORT, "Open Support _Form" },
    { RESCUE_STEP_RESOLVED, NULL },
    { RESCUE_STEP_WAITING_FOR_SUPPORT, "Copy _Message" },
    /* the routes' own pages: one answer has a default, two outcomes none */
    { RESCUE_STEP_IDENTIFY, "_Continue" },
    { RESCUE_STEP_RESET_CODE, NULL },
    { RESCUE_STEP_LOCKED, NULL },
    { RESCUE_STEP_WAIT, NULL },
    { RESCUE_STEP_SECURITY_KEY, NULL },
  };
  static const struct { RescueStep step; RescueCheck check; } route_starts[] = {
    { RESCUE_STEP_IDENTIFY, RESCUE_CHECK_NOT_SURE },
    { RESCUE_STEP_RESET_CODE, RESCUE_CHECK_PASSWORD_RESET },
    { RESCUE_STEP_LOCKED, RESCUE_CHECK_LOCKED },
    { RESCUE_STEP_WAIT, RESCUE_CHECK_TOO_MANY_ATTEMPTS },
    { RESCUE_STEP_SECURITY_KEY, RESCUE_CHECK_SECURITY_KEY },
  };
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (ui->app));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      /* There by the events a person sends: restored progress must be a
       * state they can reach */
      static const RescueEvent to_support[] = {
        RESCUE_EVENT_START, RESCUE_EVENT_FIX_FAILED, RESCUE_EVENT_FIX_FAILED,
      };
      RescueStep step = pages[i].step;

      g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_RESTART, NULL));
      rescue_flow_set_has_signed_in_device (flow, TRUE);
      rescue_flow_set_check (flow, RESCUE_CHECK_TWO_FACTOR);
      for (guint j = 0; j < G_N_ELEMENTS (route_starts); j++)
        if (route_starts[j].step == step)
          rescue_flow_set_check (flow, route_starts[j].check);
      if (step == RESCUE_STEP_RESOLVED)
        {
          g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_START, NULL));
          g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_FIX_WORKED, NULL));
        }
      else
        for (guint j = 0; j < G_N_ELEMENTS (to_support) && rescue_flow_get_step (flow) != step; j++)
          g_assert_true (rescue_flow_handle (flow, to_support[j], NULL));
      if (step == RESCUE_STEP_WAITING_FOR_SUPPORT)
        g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_SUPPORT_SUBMITTED, NULL));
      g_assert_cmpint (rescue_flow_get_step (flow), ==, step);
      ui_flush ();

      /* Start Over is never the default: the resolved page has none */
      g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (ui->window)) ==
                     (pages[i].button ? ui_find_button (ui_page (ui, pages[i].step), pages[i].button) : NULL));
    }
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
  ui_harness_init (&argc, &argv);
  server = ui_server_new (&base_uri);

  g_test_add_data_func ("/a11y/every-control-named", test_every_control_named, run);
  g_test_add_data_func ("/a11y/default-widgets", test_default_widgets, run);
  g_test_add_data_func ("/a11y/keyboard-only", test_keyboard_only, run);

  return g_test_run ();
}
