/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-first-frame"

#include "config.h"

#include "rescue-first-frame.h"

/*
 * For tests/bench-startup: the time of a window's first frame, then quit,
 * at once or CODE_RESCUE_BENCH_LINGER_MS later (what the first second
 * costs). Checked at run time so that the benchmark measures the very
 * binary people run; without CODE_RESCUE_BENCH_EXIT_AFTER_FIRST_FRAME=1 it
 * does nothing.
 */

static gboolean
quit_cb (gpointer data)
{
  g_application_quit (data);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));
  const char *linger = g_getenv ("CODE_RESCUE_BENCH_LINGER_MS");

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (app == NULL)
    return;

  if (linger != NULL)
    g_timeout_add_full (G_PRIORITY_DEFAULT, g_ascii_strtoull (linger, NULL, 10),
                        quit_cb, g_object_ref (app), g_object_unref);
  else
    g_application_quit (app);
}

static void
map_cb (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, map_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

void
rescue_first_frame_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_strcmp0 (g_getenv ("CODE_RESCUE_BENCH_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}
