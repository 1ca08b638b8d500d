/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-bare-window"

#include "config.h"

#include <stdio.h>

#include <gtk/gtk.h>

/*
 * The yardstick for bench-startup: the least a GTK 4 application like Code
 * Rescue can show, a GtkApplicationWindow of Code Rescue's default size with
 * a header bar and one label, started the way Code Rescue is (a
 * GtkApplication, here NON_UNIQUE so that runs never meet on the bus).
 * With CODE_RESCUE_BENCH_EXIT_AFTER_FIRST_FRAME=1 it prints the monotonic
 * time of its first frame and quits (CODE_RESCUE_BENCH_LINGER_MS later, if
 * set), exactly as Code Rescue's window does.
 */

static gboolean
quit_cb (gpointer data)
{
  g_application_quit (data);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  const char *linger = g_getenv ("CODE_RESCUE_BENCH_LINGER_MS");

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);

  printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);

  if (linger != NULL)
    g_timeout_add_full (G_PRIORITY_DEFAULT, g_ascii_strtoull (linger, NULL, 10),
                        quit_cb, g_object_ref (app), g_object_unref);
  else
    g_application_quit (app);
}

static void
map_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Bare GTK window");
  /* Code Rescue's default size, so that both draw as many pixels */
  gtk_window_set_default_size (GTK_WINDOW (window), 860, 620);
  /* Its window buttons load the icon theme, as Code Rescue's do */
  gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));

  if (g_strcmp0 (g_getenv ("CODE_RESCUE_BENCH_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  app = gtk_application_new ("io.github.coderescue.BareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
