/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-window-size"

#include "config.h"

#include "rescue-window-size.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* The first window's size, before anything was saved: the default, made
 * smaller where the screen is smaller, so that nothing of it (the Start
 * button at the bottom) lies off screen on a 1024 × 600 netbook. */

/**
 * rescue_window_size_fit:
 * @width, @height: the size wanted
 * @workarea: the part of the screen windows may use
 * @fitted_width, @fitted_height: (out): the size that fits in it
 */
void
rescue_window_size_fit (int                 width,
                        int                 height,
                        const GdkRectangle *workarea,
                        int                *fitted_width,
                        int                *fitted_height)
{
  g_return_if_fail (workarea != NULL);

  /* GTK still keeps the window at least as large as its content needs */
  *fitted_width = MAX (1, MIN (width, workarea->width - 2 * RESCUE_WINDOW_SCREEN_MARGIN));
  *fitted_height = MAX (1, MIN (height, workarea->height - 2 * RESCUE_WINDOW_SCREEN_MARGIN));
}

/**
 * rescue_window_size_workarea:
 * @workarea: (out): the part of the main screen windows may use
 *
 * The window is not on a screen yet, so this is the one it will most
 * likely open on: X11's primary monitor, or else the first one.
 *
 * Returns: %FALSE when the display has no monitor
 */
gboolean
rescue_window_size_workarea (GdkDisplay   *display,
                             GdkRectangle *workarea)
{
  g_autoptr(GdkMonitor) monitor = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_DISPLAY (display))
    {
      GdkMonitor *primary = gdk_x11_display_get_primary_monitor (display);

      if (primary != NULL)
        {
          /* without panels or docks counted, as the window manager says */
          gdk_x11_monitor_get_workarea (primary, workarea);
          return workarea->width > 0 && workarea->height > 0;
        }
    }
#endif

  monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  if (monitor == NULL)
    return FALSE;

  /* Elsewhere (Wayland) only the whole screen is known; the margin
   * stands in for the panels */
  gdk_monitor_get_geometry (monitor, workarea);
  return workarea->width > 0 && workarea->height > 0;
}
