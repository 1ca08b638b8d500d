/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rescue-button-row.h"
#include "rescue-page.h"
#include "rescue-steps-private.h"
#include "ui-harness.h"

/* How the pages look, where a test can tell: the causes drawn as a boxed
 * list, numbers only for steps, and the button rows at both widths. */

static GtkWidget *
visible_page (UiApp *ui)
{
  return rescue_window_get_visible_page (ui->window);
}

/* The shown buttons of @row, top to bottom or start to end as drawn */
static GPtrArray *
shown_buttons (GtkWidget *row)
{
  GPtrArray *buttons = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (row);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      g_ptr_array_add (buttons, child);

  return buttons;
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *target)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, target, &bounds));
  return bounds;
}

static void
check_rows (UiApp      *ui,
            RescueStep  step,
            gpointer    data)
{
  gboolean narrow = GPOINTER_TO_INT (data);
  GtkWidget *page = visible_page (ui);
  guint n_rows = 0;
  GtkWidget *row;

  for (guint nth = 0; (row = ui_find_type (page, RESCUE_TYPE_BUTTON_ROW, nth)) != NULL; nth++)
    {
      g_autoptr(GPtrArray) buttons = NULL;
      int width = gtk_widget_get_width (row);
      gboolean choices;

      if (!ui_widget_shown (row))
        continue;
      buttons = shown_buttons (row);
      if (buttons->len == 0)
        continue;
      n_rows++;
      g_object_get (row, "choices", &choices, NULL);

      g_test_message ("%s: row %u, %u buttons, %d px, %s", rescue_step_to_string (step), nth,
                      buttons->len, width, rescue_button_row_get_stacked (RESCUE_BUTTON_ROW (row)) ? "stacked" : "side by side");
      g_assert_cmpint (rescue_button_row_get_stacked (RESCUE_BUTTON_ROW (row)), ==, narrow);

      for (guint i = 0; i < buttons->len; i++)
        {
          GtkWidget *button = g_ptr_array_index (buttons, i);
          graphene_rect_t b = bounds_in (button, row);

          if (narrow)
            {
              /* one column: every button the full width, none beside another */
              g_assert_cmpfloat (b.origin.x, ==, 0);
              g_assert_cmpfloat (b.size.width, ==, width);
              if (gtk_widget_has_css_class (button, "suggested-action"))
                g_assert_cmpfloat (b.origin.y, ==, 0);
            }
          else
            {
              /* one line, at the end; the suggested button last */
              g_assert_cmpfloat (b.origin.y, ==, 0);
              g_assert_cmpfloat (b.size.width, <, width);
              if (gtk_widget_has_css_class (button, "suggested-action"))
                g_assert_cmpfloat (b.origin.x + b.size.width, ==, width);
            }

          for (guint j = 0; j < i; j++)
            {
              graphene_rect_t other = bounds_in (g_ptr_array_index (buttons, j), row);

              g_assert_false (graphene_rect_intersection (&b, &other, NULL));
              /* choices (the kind of phone) keep their order, and side by
               * side share the row equally */
              if (choices && narrow)
                g_assert_cmpfloat (other.origin.y, <, b.origin.y);
              else if (choices)
                {
                  g_assert_cmpfloat (other.origin.x, <, b.origin.x);
                  g_assert_cmpfloat (ABS (other.size.width - b.size.width), <=, 1);
                }
            }
        }
      if (choices && !narrow)
        {
          graphene_rect_t last = bounds_in (g_ptr_array_index (buttons, buttons->len - 1), row);

          g_assert_cmpfloat (last.origin.x + last.size.width, ==, width);
        }
    }

  /* every page ends with its buttons */
  g_assert_cmpuint (n_rows, >=, 1);
}

static void
test_button_rows_wide (UiApp    *ui,
                       gpointer  data)
{
  g_assert_false (rescue_window_get_narrow (ui->window));
  ui_visit_every_page (ui, check_rows, GINT_TO_POINTER (FALSE));
}

static void
test_button_rows_narrow (UiApp    *ui,
                         gpointer  data)
{
  g_assert_true (rescue_window_get_narrow (ui->window));
  ui_visit_every_page (ui, check_rows, GINT_TO_POINTER (TRUE));
}

/* Which button is suggested may change while the page is shown; it still
 * goes last */
static void
test_suggested_moves (UiApp    *ui,
                      gpointer  data)
{
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (ui->app));
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *suggested = NULL;
  GtkWidget *other = NULL;
  graphene_rect_t b;

  g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_START, NULL));
  ui_settle (ui);
  page = visible_page (ui);
  row = ui_find_type (page, RESCUE_TYPE_BUTTON_ROW, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "suggested-action"))
      suggested = child;
    else
      other = child;
  g_assert_nonnull (suggested);
  g_assert_nonnull (other);

  gtk_widget_remove_css_class (suggested, "suggested-action");
  gtk_widget_add_css_class (other, "suggested-action");
  ui_settle (ui);

  b = bounds_in (other, row);
  g_assert_cmpfloat (b.origin.x + b.size.width, ==, gtk_widget_get_width (row));
}

/* A number means "then": lists that are not steps get bullets, and every
 * numbered list counts from 1 */
static void
check_markers (UiApp      *ui,
               RescueStep  step,
               gpointer    data)
{
  GtkWidget *page = visible_page (ui);
  GtkWidget *widget;
  guint n_numbered_outside_expanders = 0;

  for (guint nth = 0; (widget = ui_find_type (page, RESCUE_TYPE_STEPS, nth)) != NULL; nth++)
    {
      RescueSteps *steps = RESCUE_STEPS (widget);
      gboolean numbered = rescue_steps_get_numbered (steps);

      for (guint i = 0; i < rescue_steps_get_n_steps (steps); i++)
        {
          g_autofree char *number = g_strdup_printf ("%u", i + 1);

          g_assert_cmpstr (rescue_steps_get_marker (steps, i), ==, numbered ? number : "•");
        }

      if (numbered && ui_widget_shown (widget) &&
          gtk_widget_get_ancestor (widget, GTK_TYPE_EXPANDER) == NULL)
        n_numbered_outside_expanders++;
    }

  /* two numbered lists in one page's flow would read as one list that
   * starts again (iPhone and Android each have their own heading) */
  g_assert_cmpuint (n_numbered_outside_expanders, <=, step == RESCUE_STEP_UNBLOCK ? 2 : 1);

  switch (step)
    {
    case RESCUE_STEP_WELCOME:
      /* why codes go missing: reasons, not steps */
      g_assert_false (rescue_steps_get_numbered (RESCUE_STEPS (ui_find_type (page, RESCUE_TYPE_STEPS, 0))));
      break;
    case RESCUE_STEP_SIGNED_IN:
      /* what to do, then the alternatives to SMS */
      g_assert_true (rescue_steps_get_numbered (RESCUE_STEPS (ui_find_type (page, RESCUE_TYPE_STEPS, 0))));
      g_assert_false (rescue_steps_get_numbered (RESCUE_STEPS (ui_find_type (page, RESCUE_TYPE_STEPS, 1))));
      break;
    case RESCUE_STEP_WAITING_FOR_SUPPORT:
      g_assert_false (rescue_steps_get_numbered (RESCUE_STEPS (ui_find_type (page, RESCUE_TYPE_STEPS, 0))));
      break;
    case RESCUE_STEP_RESOLVED:
      g_assert_true (rescue_steps_get_numbered (RESCUE_STEPS (ui_find_type (page, RESCUE_TYPE_STEPS, 0))));
      break;
    case RESCUE_STEP_UNBLOCK:
    case RESCUE_STEP_SUPPORT:
    default:
      break;
    }
}

static void
test_markers (UiApp    *ui,
              gpointer  data)
{
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (ui->app));

  ui_visit_every_page (ui, check_markers, NULL);

  /* the unblock page, for a phone that may be either: two lists, each
   * under its own heading, both steps */
  rescue_flow_set_platform (flow, RESCUE_PLATFORM_OTHER);
  g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_RESTART, NULL));
  g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_START, NULL));
  ui_settle (ui);
  check_markers (ui, RESCUE_STEP_UNBLOCK, NULL);
  g_assert_true (rescue_steps_get_numbered (RESCUE_STEPS (ui_find_type (visible_page (ui), RESCUE_TYPE_STEPS, 0))));
}

/* The less-known causes: a framed list whose rows have room inside the
 * frame and a line between them */
static void
test_boxed_list (UiApp    *ui,
                 gpointer  data)
{
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (ui->app));
  GtkWidget *page;
  GtkWidget *list = NULL;
  GtkWidget *expander;
  guint n_rows = 0;
  GtkBorder border;

  g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_START, NULL));
  ui_settle (ui);
  page = visible_page (ui);

  expander = ui_find_type (page, GTK_TYPE_EXPANDER, 0);
  g_assert_nonnull (expander);
  list = gtk_widget_get_parent (expander);
  g_assert_true (gtk_widget_has_css_class (list, "boxed-list"));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_border (gtk_widget_get_style_context (list), &border);
  g_assert_cmpint (border.top, ==, 1);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      /* expander-widget > box > title: the part that is clicked */
      GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_first_child (row));
      GtkBorder padding;
      graphene_rect_t bounds;

      g_assert_true (GTK_IS_EXPANDER (row));
      g_assert_cmpstr (gtk_widget_get_css_name (title), ==, "title");
      gtk_style_context_get_padding (gtk_widget_get_style_context (title), &padding);
      g_assert_cmpint (padding.top, >=, 12);
      g_assert_cmpint (padding.left, >=, 18);
      g_assert_cmpint (padding.right, >=, 18);

      /* the title's text is well inside the rounded border */
      bounds = bounds_in (gtk_expander_get_label_widget (GTK_EXPANDER (row)), list);
      g_assert_cmpfloat (bounds.origin.x, >=, 18);

      gtk_style_context_get_border (gtk_widget_get_style_context (row), &border);
      /* a separator under every row but the last, which the frame closes */
      g_assert_cmpint (border.bottom, ==, gtk_widget_get_next_sibling (row) != NULL ? 1 : 0);
      n_rows++;
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_assert_cmpuint (n_rows, >, 1);
}

/* ---- Decisions in view ---------------------------------------------- */

/* Every decision on a page is inside the window as it opens, with no
 * scrolling: a stressed person never hunts for the way on */
static void
check_decisions_in_view (UiApp      *ui,
                         RescueStep  step,
                         gpointer    data)
{
  GtkWidget *window = GTK_WIDGET (ui->window);
  GtkWidget *page = visible_page (ui);
  GtkWidget *row = GTK_WIDGET (rescue_page_get_action_row (RESCUE_PAGE (page)));
  g_autoptr(GPtrArray) buttons = shown_buttons (row);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  g_assert_cmpuint (buttons->len, >=, 1);
  for (guint i = 0; i < buttons->len; i++)
    {
      graphene_rect_t b = bounds_in (g_ptr_array_index (buttons, i), window);

      g_test_message ("%s: %s at %.0f,%.0f %.0f×%.0f in %d×%d", rescue_step_to_string (step),
                      gtk_button_get_label (g_ptr_array_index (buttons, i)),
                      b.origin.x, b.origin.y, b.size.width, b.size.height, width, height);
      g_assert_cmpfloat (b.size.height, >, 0);
      g_assert_cmpfloat (b.origin.x, >=, 0);
      g_assert_cmpfloat (b.origin.y, >=, 0);
      g_assert_cmpfloat (b.origin.x + b.size.width, <=, width);
      g_assert_cmpfloat (b.origin.y + b.size.height, <=, height);
    }

  /* At the default size, a fix page shows its first step, not only its
   * background: the step's number badge is in view without scrolling */
  if (width >= 600 && rescue_step_get_fix (step, &(RescueFix) { 0 }) && step != RESCUE_STEP_SUPPORT)
    {
      GtkWidget *steps = NULL;
      GtkWidget *scrolled;
      graphene_rect_t first;

      for (guint nth = 0; (steps = ui_find_type (page, RESCUE_TYPE_STEPS, nth)) != NULL; nth++)
        if (ui_widget_shown (steps) && rescue_steps_get_n_steps (RESCUE_STEPS (steps)) > 0)
          break;
      g_assert_nonnull (steps);
      scrolled = gtk_widget_get_ancestor (steps, GTK_TYPE_SCROLLED_WINDOW);
      first = bounds_in (steps, scrolled);
      g_test_message ("%s: first step at %.0f of %d px", rescue_step_to_string (step),
                      first.origin.y, gtk_widget_get_height (scrolled));
      g_assert_cmpfloat (first.origin.y + 30, <=, gtk_widget_get_height (scrolled));
    }
}

static void
test_decisions_in_view (UiApp    *ui,
                        gpointer  data)
{
  ui_visit_every_page (ui, check_decisions_in_view, NULL);
}

/* The sizes: the default a person meets (850 × 610) and a phone-
 * narrow window (360 × 640) */
static void
run_sized (gconstpointer data)
{
  const int *size = data;
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  g_settings_set_int (settings, "window-height", size[1]);
  ui_run_sized (test_decisions_in_view, size[0]);
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-width");
}

int
main (int   argc,
      char *argv[])
{
  ui_harness_init (&argc, &argv);

  g_test_add_data_func ("/looks/button-rows-wide", test_button_rows_wide, ui_run_wide);
  g_test_add_data_func ("/looks/button-rows-narrow", test_button_rows_narrow, ui_run_narrow);
  g_test_add_data_func ("/looks/suggested-moves", test_suggested_moves, ui_run_wide);
  g_test_add_data_func ("/looks/markers", test_markers, ui_run_wide);
  g_test_add_data_func ("/looks/boxed-list", test_boxed_list, ui_run_wide);
  g_test_add_data_func ("/looks/decisions-in-view-850x610", (int[]) { 850, 610 }, run_sized);
  g_test_add_data_func ("/looks/decisions-in-view-360x640", (int[]) { 360, 640 }, run_sized);

  return g_test_run ();
}
