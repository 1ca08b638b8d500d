/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rescue-context.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_WINDOW (rescue_window_get_type ())
G_DECLARE_FINAL_TYPE (RescueWindow, rescue_window, RESCUE, WINDOW, GtkApplicationWindow)

RescueWindow *rescue_window_new          (GtkApplication *application,
                                          RescueContext  *context);
void          rescue_window_show_banner  (RescueWindow   *self,
                                          const char     *message,
                                          gboolean        offer_start_over);

G_END_DECLS
