/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rescue-button-row.h"
#include "rescue-steps-private.h"
#include "rescue-text.h"
#include "ui-harness.h"

/* Run with LANGUAGE=ar (tests/meson.build): the window mirrors, as GTK
 * decides from its own catalogue once the app has an Arabic one, and the
 * numbers and addresses put into Arabic sentences keep their order. */

static RescueFlow *
flow_of (UiApp *ui)
{
  return rescue_context_get_flow (rescue_application_get_context (ui->app));
}

static graphene_rect_t
bounds_in_window (UiApp     *ui,
                  GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (ui->window), &bounds));

  return bounds;
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 const char *css_class)
{
  if (gtk_widget_get_mapped (root) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
back_button (UiApp *ui)
{
  GtkWidget *header = gtk_window_get_titlebar (GTK_WINDOW (ui->window));

  for (guint i = 0;; i++)
    {
      GtkWidget *button = ui_find_type (header, GTK_TYPE_BUTTON, i);

      g_assert_nonnull (button);
      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "win.back") == 0)
        return button;
    }
}

/* What the icon theme gives a right-to-left widget for @icon_name: the
 * Adwaita icons that point have a mirrored "-rtl" form */
static void
assert_rtl_icon (GtkWidget  *image,
                 const char *icon_name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (image));
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;

  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, icon_name);
  g_assert_cmpint (gtk_widget_get_direction (image), ==, GTK_TEXT_DIR_RTL);

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, 16, 1, GTK_TEXT_DIR_RTL, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  basename = g_file_get_basename (file);
  g_test_message ("%s, right to left: %s", icon_name, basename);
  g_assert_true (g_str_has_prefix (basename, icon_name));
  g_assert_nonnull (strstr (basename, "-rtl"));
}

static void
start_unblock (UiApp *ui)
{
  g_autoptr(GError) error = NULL;

  rescue_flow_set_check (flow_of (ui), RESCUE_CHECK_TWO_FACTOR);
  rescue_flow_set_has_signed_in_device (flow_of (ui), FALSE);
  ui_set_country (ui, "US");
  g_assert_true (rescue_flow_handle (flow_of (ui), RESCUE_EVENT_START, &error));
  g_assert_no_error (error);
  ui_flush ();
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_UNBLOCK);
}

static void
test_direction (UiApp    *ui,
                gpointer  data)
{
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "ar");
  g_assert_cmpint (gtk_get_locale_direction (), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (ui->window)), ==, GTK_TEXT_DIR_RTL);
  /* nothing in the window holds on to left to right */
  g_assert_cmpint (gtk_widget_get_direction (rescue_window_get_visible_page (ui->window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (back_button (ui)), ==, GTK_TEXT_DIR_RTL);
}

/* The sidebar on the right, Back at the right end of the header and
 * pointing right, the current step's chevron pointing left */
static void
test_window_mirrors (UiApp    *ui,
                     gpointer  data)
{
  GtkWidget *sidebar = ui_find_type (GTK_WIDGET (ui->window), GTK_TYPE_LIST_BOX, 0);
  GtkWidget *header = gtk_window_get_titlebar (GTK_WINDOW (ui->window));
  GtkWidget *back = back_button (ui);
  GtkWidget *page;
  GtkWidget *row;
  graphene_rect_t sidebar_bounds, page_bounds, back_bounds, header_bounds;

  start_unblock (ui);
  page = rescue_window_get_visible_page (ui->window);
  g_assert_false (rescue_window_get_narrow (ui->window));
  g_assert_true (gtk_widget_has_css_class (sidebar, "navigation-sidebar"));

  sidebar_bounds = bounds_in_window (ui, sidebar);
  page_bounds = bounds_in_window (ui, page);
  g_test_message ("sidebar at x %.0f, page at x %.0f", sidebar_bounds.origin.x, page_bounds.origin.x);
  g_assert_cmpfloat (sidebar_bounds.origin.x, >, page_bounds.origin.x);
  g_assert_cmpfloat (sidebar_bounds.origin.x, >=, page_bounds.origin.x + page_bounds.size.width);

  g_assert_true (ui_widget_shown (back));
  back_bounds = bounds_in_window (ui, back);
  header_bounds = bounds_in_window (ui, header);
  g_test_message ("Back at x %.0f of a %.0f px header", back_bounds.origin.x, header_bounds.size.width);
  g_assert_cmpfloat (back_bounds.origin.x, >, header_bounds.origin.x + header_bounds.size.width / 2);
  assert_rtl_icon (ui_find_type (back, GTK_TYPE_IMAGE, 0), "go-previous-symbolic");

  /* the unblock step is the second row (after the check's question) or
   * the first; whichever holds the chevron */
  row = NULL;
  for (guint i = 0; row == NULL; i++)
    {
      GtkListBoxRow *candidate = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), i);

      g_assert_nonnull (candidate);
      for (guint j = 0;; j++)
        {
          GtkWidget *image = ui_find_type (GTK_WIDGET (candidate), GTK_TYPE_IMAGE, j);

          if (image == NULL)
            break;
          if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), "go-next-symbolic") == 0)
            {
              row = GTK_WIDGET (candidate);
              assert_rtl_icon (image, "go-next-symbolic");
            }
        }
    }
}

/* A page's suggested button at the left end of its row, where the end
 * of a right-to-left row is; a numbered step's badge right of its text */
static void
test_rows_mirror (UiApp    *ui,
                  gpointer  data)
{
  GtkWidget *page;
  GtkWidget *suggested;
  GtkWidget *row;
  GtkWidget *steps;
  GtkWidget *step;
  GtkWidget *badge;
  GtkWidget *text;
  graphene_rect_t suggested_bounds, badge_bounds, text_bounds;

  start_unblock (ui);
  page = rescue_window_get_visible_page (ui->window);

  suggested = find_with_class (GTK_WIDGET (ui->window), "suggested-action");
  g_assert_nonnull (suggested);
  row = gtk_widget_get_ancestor (suggested, RESCUE_TYPE_BUTTON_ROW);
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_widget_get_direction (row), ==, GTK_TEXT_DIR_RTL);
  suggested_bounds = bounds_in_window (ui, suggested);
  for (GtkWidget *child = gtk_widget_get_first_child (row);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != suggested && gtk_widget_get_mapped (child))
      {
        graphene_rect_t other = bounds_in_window (ui, child);

        g_test_message ("suggested at x %.0f, another button at x %.0f",
                        suggested_bounds.origin.x, other.origin.x);
        g_assert_cmpfloat (suggested_bounds.origin.x, <, other.origin.x);
      }
  {
    graphene_rect_t row_bounds = bounds_in_window (ui, row);

    g_assert_cmpfloat (suggested_bounds.origin.x, <, row_bounds.origin.x + row_bounds.size.width / 2);
  }

  steps = NULL;
  for (guint i = 0; steps == NULL; i++)
    {
      GtkWidget *candidate = ui_find_type (page, RESCUE_TYPE_STEPS, i);

      g_assert_nonnull (candidate);
      if (gtk_widget_get_mapped (candidate) && rescue_steps_get_numbered (RESCUE_STEPS (candidate)))
        steps = candidate;
    }
  step = gtk_widget_get_first_child (steps);
  text = gtk_overlay_get_child (GTK_OVERLAY (step));
  badge = gtk_widget_get_last_child (step);
  g_assert_true (gtk_widget_has_css_class (badge, "step-number"));
  badge_bounds = bounds_in_window (ui, badge);
  text_bounds = bounds_in_window (ui, text);
  g_test_message ("badge at x %.0f, text from %.0f to %.0f", badge_bounds.origin.x,
                  text_bounds.origin.x, text_bounds.origin.x + text_bounds.size.width);
  g_assert_cmpfloat (badge_bounds.origin.x, >=, text_bounds.origin.x + text_bounds.size.width);

  /* a source's address still reads left to right (RescueSourcesBox) */
  text = ui_find_label_containing (page, "https://");
  g_assert_nonnull (text);
  g_assert_cmpint (gtk_widget_get_direction (text), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (pango_layout_get_direction (gtk_label_get_layout (GTK_LABEL (text)), 0), ==, PANGO_DIRECTION_LTR);
}

static gboolean
has_isolated (const char *text,
              const char *number)
{
  g_autofree char *isolated = rescue_isolate (number);

  return text != NULL && strstr (text, isolated) != NULL;
}

/* 40404 inside an Arabic sentence: isolated on the unblock page's label
 * and in the message copied for X's form, so it keeps its order */
static void
test_isolates (UiApp    *ui,
               gpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *clipboard = NULL;
  GtkWidget *page;
  GtkWidget *label;

  start_unblock (ui);
  page = rescue_window_get_visible_page (ui->window);
  label = ui_find_label_containing (page, RESCUE_FSI "40404" RESCUE_PDI);
  g_assert_nonnull (label);
  g_assert_true (ui_widget_shown (label));
  g_assert_true (has_isolated (gtk_label_get_text (GTK_LABEL (label)), "40404"));

  rescue_flow_set_username (flow_of (ui), "jack_99");
  rescue_flow_set_email (flow_of (ui), "name@example.com");
  g_assert_true (rescue_flow_handle (flow_of (ui), RESCUE_EVENT_FIX_FAILED, &error));
  g_assert_no_error (error);
  ui_flush ();
  g_assert_cmpint (ui_visible_step (ui), ==, RESCUE_STEP_SUPPORT);

  page = rescue_window_get_visible_page (ui->window);
  ui_click (page, _("Copy _Message"));
  ui_flush ();
  clipboard = ui_read_clipboard (page);
  g_test_message ("%s", clipboard);
  g_assert_nonnull (clipboard);
  /* an Arabic message, with the number, the address and the username
   * each isolated, and never stored so: the flow keeps what was typed */
  g_assert_cmpstr (_("Hello,"), !=, "Hello,");
  g_assert_true (g_str_has_prefix (clipboard, _("Hello,")));
  g_assert_true (has_isolated (clipboard, "40404"));
  g_assert_true (has_isolated (clipboard, "name@example.com"));
  g_assert_true (has_isolated (clipboard, "jack_99"));
  g_assert_cmpstr (rescue_flow_get_email (flow_of (ui)), ==, "name@example.com");
}

int
main (int   argc,
      char *argv[])
{
  ui_harness_init (&argc, &argv);

  g_test_add_data_func ("/rtl/direction", test_direction, ui_run_wide);
  g_test_add_data_func ("/rtl/window-mirrors", test_window_mirrors, ui_run_wide);
  g_test_add_data_func ("/rtl/rows-mirror", test_rows_mirror, ui_run_wide);
  g_test_add_data_func ("/rtl/isolates", test_isolates, ui_run_wide);

  return g_test_run ();
}
