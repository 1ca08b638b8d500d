/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-window.h"

G_BEGIN_DECLS

/* For tests: what the window shows */
GtkWidget    *rescue_window_get_page          (RescueWindow *self,
                                               RescueStep    step);
GtkWidget    *rescue_window_get_visible_page  (RescueWindow *self);
gboolean      rescue_window_get_narrow        (RescueWindow *self);
const char   *rescue_window_get_sidebar_state (RescueWindow *self,
                                               RescueStep    step);

G_END_DECLS
