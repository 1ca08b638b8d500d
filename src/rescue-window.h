/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rescue-application.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_WINDOW (rescue_window_get_type ())
G_DECLARE_FINAL_TYPE (RescueWindow, rescue_window, RESCUE, WINDOW, GtkApplicationWindow)

RescueWindow *rescue_window_new          (RescueApplication *application);
void          rescue_window_show_banner  (RescueWindow      *self,
                                          const char        *message,
                                          gboolean           offer_start_over);
GtkWidget    *rescue_window_get_page     (RescueWindow      *self,
                                          RescueStep         step);
GtkWidget    *rescue_window_get_visible_page (RescueWindow  *self);
gboolean      rescue_window_get_narrow   (RescueWindow      *self);
const char   *rescue_window_get_sidebar_state (RescueWindow *self,
                                               RescueStep    step);

G_END_DECLS
