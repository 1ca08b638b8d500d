/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Room kept free around a first window, for panels and docks a screen
 * does not report and for the window's own shadow */
#define RESCUE_WINDOW_SCREEN_MARGIN 24

void     rescue_window_size_fit      (int                 width,
                                      int                 height,
                                      const GdkRectangle *workarea,
                                      int                *fitted_width,
                                      int                *fitted_height);
gboolean rescue_window_size_workarea (GdkDisplay         *display,
                                      GdkRectangle       *workarea);

G_END_DECLS
