/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "rescue-window-size.h"
#include "ui-harness.h"

/* The window's size: the first one fits the screen (tests/meson.build
 * runs this program on a 1024 × 600 screen of its own too), a saved one
 * stays, and one drag to 360 px reaches 360 px. */

static void
test_fit (void)
{
  static const struct { GdkRectangle area; int width, height; } cases[] = {
    /* a netbook: the width fits, the height does not */
    { { 0, 0, 1024, 600 }, 860, 600 - 2 * RESCUE_WINDOW_SCREEN_MARGIN },
    /* with a 27 px top panel */
    { { 0, 27, 1024, 573 }, 860, 573 - 2 * RESCUE_WINDOW_SCREEN_MARGIN },
    /* a full HD screen keeps the default */
    { { 0, 0, 1920, 1080 }, 860, 620 },
    { { 1920, 0, 800, 480 }, 800 - 2 * RESCUE_WINDOW_SCREEN_MARGIN, 480 - 2 * RESCUE_WINDOW_SCREEN_MARGIN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int width, height;

      rescue_window_size_fit (860, 620, &cases[i].area, &width, &height);
      g_assert_cmpint (width, ==, cases[i].width);
      g_assert_cmpint (height, ==, cases[i].height);
    }
}

static GdkRectangle
screen_area (void)
{
  GdkRectangle area;

  g_assert_true (rescue_window_size_workarea (gdk_display_get_default (), &area));
  return area;
}

static void
fits_screen (UiApp    *ui,
             gpointer  data)
{
  GdkRectangle area = screen_area ();
  GtkWidget *start = ui_find_button (GTK_WIDGET (ui->window), "_Start");
  graphene_rect_t bounds;

  g_test_message ("screen %d × %d, window %d × %d", area.width, area.height,
                  gtk_widget_get_width (GTK_WIDGET (ui->window)),
                  gtk_widget_get_height (GTK_WIDGET (ui->window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ui->window)), <=, area.width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (ui->window)), <=, area.height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ui->window)), <=, 860);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (ui->window)), <=, 620);

  /* Whether Start is in view without scrolling is the decision bar's
   * to hold (test-window); here it must at least not be off screen */
  g_assert_nonnull (start);
  g_assert_true (gtk_widget_compute_bounds (start, GTK_WIDGET (ui->window), &bounds));
  g_test_message ("Start's bottom edge at %.0f px", bounds.origin.y + bounds.size.height);
}

/* Nothing saved yet: the default, or less on a small screen */
static void
test_first_size_fits (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  ui_run (fits_screen, NULL);
}

static void
keeps_saved_size (UiApp    *ui,
                  gpointer  data)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (ui->window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 640);
}

/* A size the person left is theirs, on any screen */
static void
test_saved_size_stays (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 640);
  ui_run (keeps_saved_size, NULL);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

typedef struct
{
  GtkWidget *window;
  int        width;
} Width;

static gboolean
window_is (gpointer data)
{
  Width *want = data;

  return rescue_window_get_narrow (RESCUE_WINDOW (want->window)) &&
         gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (want->window))) == want->width &&
         gtk_widget_get_width (want->window) <= want->width;
}

/* As a person's drag would: the X server resizes the window */
static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  g_autofree char *w = g_strdup_printf ("%d", width);
  g_autofree char *h = g_strdup_printf ("%d", height);
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char *[]) { "xdotool", "windowsize", xid, w, h, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* The first narrowing of a run: the wide layout's minimum (the sidebar
 * and the page side by side) stopped it short of 360 px, and the sidebar
 * only hid after that */
static void
narrows_in_one_drag (UiApp    *ui,
                     gpointer  data)
{
  Width want = { GTK_WIDGET (ui->window), 360 };
  int height = gtk_widget_get_height (GTK_WIDGET (ui->window));

  g_assert_false (rescue_window_get_narrow (ui->window));
  resize (GTK_WINDOW (ui->window), 360, height);
  if (!ui_wait_until (window_is, &want, 10000))
    g_error ("one drag to 360 px left the window %d px wide (narrow: %d)",
             gtk_widget_get_width (GTK_WIDGET (ui->window)), rescue_window_get_narrow (ui->window));
}

static void
test_narrow_in_one_drag (void)
{
  ui_run_wide (narrows_in_one_drag);
}

int
main (int   argc,
      char *argv[])
{
  ui_harness_init (&argc, &argv);

  g_test_add_func ("/window-size/fit", test_fit);
  g_test_add_func ("/window-size/first-size-fits", test_first_size_fits);
  g_test_add_func ("/window-size/saved-size-stays", test_saved_size_stays);
  g_test_add_func ("/window-size/narrow-in-one-drag", test_narrow_in_one_drag);

  return g_test_run ();
}
