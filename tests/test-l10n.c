/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include "rescue-steps-private.h"
#include "ui-harness.h"

/* Run once per language (LANGUAGE is set by meson): the window speaks it,
 * and no page needs more width than a 360 px window has. */

static void
test_welcome_translated (UiApp    *ui,
                         gpointer  data)
{
  const char *english = "Not getting your X login code?";
  const char *translated = _(english);
  GtkWidget *page = ui_page (ui, RESCUE_STEP_WELCOME);

  g_test_message ("LANGUAGE=%s: “%s”", g_getenv ("LANGUAGE"), translated);
  g_assert_cmpstr (translated, !=, english);
  g_assert_nonnull (ui_find_label (page, translated));
  g_assert_nonnull (ui_find_button (page, _("_Start")));
  g_assert_cmpstr (_("_Start"), !=, "_Start");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (ui->window)), ==, _("Code Rescue"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (ui->window), _("Unblock the Sender")));
  g_assert_cmpstr (_("Unblock the Sender"), !=, "Unblock the Sender");
}

/* Nothing is cut off: labels wrap, so each page fits in the width a
 * narrow window gives it; a page that cannot would force a wider window
 * or clip a button. */
static void
test_pages_fit_narrow (UiApp    *ui,
                       gpointer  data)
{
  g_assert_true (rescue_window_get_narrow (ui->window));

  /* what people type can be one long word; it must not widen the page */
  rescue_flow_set_username (rescue_context_get_flow (rescue_application_get_context (ui->app)), "a_fifteen_chars");
  rescue_flow_set_email (rescue_context_get_flow (rescue_application_get_context (ui->app)),
                         "someone.with.a.very.long.address.that.never.ends@subdomain.example-company.org");
  ui_flush ();
  /* the welcome page's reasons come after the first frame; they count too */
  g_assert_true (ui_widget_shown (ui_find_type (ui_page (ui, RESCUE_STEP_WELCOME), RESCUE_TYPE_STEPS, 0)));

  for (RescueStep step = 0; step < RESCUE_N_STEPS; step++)
    {
      GtkWidget *page;
      int minimum, natural;

      if (!ui_step_has_page (step))
        continue;
      page = ui_page (ui, step);

      gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      g_test_message ("%s: minimum width %d", rescue_step_to_string (step), minimum);
      g_assert_cmpint (minimum, <=, 360);
    }

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ui->window)), <=, 360);
}

/* Text at 1.5× (Xft.dpi 144, GNOME's "Large Text" and more) must not push
 * a page past a 360 px window either */
static void
test_pages_fit_narrow_large_text (UiApp    *ui,
                                  gpointer  data)
{
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (ui->window)),
                "gtk-xft-dpi", 144 * 1024,
                NULL);
  ui_flush ();
  test_pages_fit_narrow (ui, data);
}

static gboolean
window_is_narrow (gpointer data)
{
  return rescue_window_get_narrow (data);
}

/* Dragging the window narrower from any page reaches the one-column
 * layout in one go, even at 1.5× text: at its narrowest with the sidebar
 * shown, the window drops the sidebar (below 600 px, or sooner where a
 * long translation needs more room side by side) */
static void
test_narrow_in_one_resize (UiApp    *ui,
                           gpointer  data)
{
  g_autofree char *xid = NULL;
  g_autofree char *width = NULL;
  g_autoptr(GError) error = NULL;
  int minimum, natural, status;

  g_object_set (gtk_widget_get_settings (GTK_WIDGET (ui->window)),
                "gtk-xft-dpi", 144 * 1024,
                NULL);
  g_assert_false (rescue_window_get_narrow (ui->window));
  /* every page: the stack is as wide as its widest */
  for (RescueStep step = 0; step < RESCUE_N_STEPS; step++)
    if (ui_step_has_page (step))
      ui_page (ui, step);
  ui_flush ();

  gtk_widget_measure (GTK_WIDGET (ui->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("window minimum width with the sidebar: %d", minimum);

  /* as a person's drag would: the X server resizes the window */
  xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (ui->window))));
  width = g_strdup_printf ("%d", minimum);
  g_spawn_sync (NULL, (char *[]) { "xdotool", "windowsize", xid, width, "620", NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (ui_wait_until (window_is_narrow, ui->window, 10000));
}

static void
test_default_size_fits (UiApp    *ui,
                        gpointer  data)
{
  int available = gtk_widget_get_width (rescue_window_get_visible_page (ui->window));

  /* at the default size the content does not push the window wider, and
   * every page fits the room the sidebar leaves it */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ui->window)), <=, 860);
  g_assert_false (rescue_window_get_narrow (ui->window));
  for (RescueStep step = 0; step < RESCUE_N_STEPS; step++)
    {
      int minimum, natural;

      if (!ui_step_has_page (step))
        continue;

      gtk_widget_measure (ui_page (ui, step), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      g_assert_cmpint (minimum, <=, available);
    }
}

int
main (int   argc,
      char *argv[])
{
  ui_harness_init (&argc, &argv);

  g_test_add_data_func ("/l10n/welcome-translated", test_welcome_translated, ui_run_wide);
  g_test_add_data_func ("/l10n/default-size-fits", test_default_size_fits, ui_run_wide);
  g_test_add_data_func ("/l10n/pages-fit-narrow", test_pages_fit_narrow, ui_run_narrow);
  g_test_add_data_func ("/l10n/pages-fit-narrow-large-text", test_pages_fit_narrow_large_text, ui_run_narrow);
  g_test_add_data_func ("/l10n/narrow-in-one-resize", test_narrow_in_one_resize, ui_run_wide);

  return g_test_run ();
}
