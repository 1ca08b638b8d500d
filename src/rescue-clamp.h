/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RESCUE_TYPE_CLAMP (rescue_clamp_get_type ())
G_DECLARE_FINAL_TYPE (RescueClamp, rescue_clamp, RESCUE, CLAMP, GtkWidget)

GtkWidget *rescue_clamp_new       (void);
GtkWidget *rescue_clamp_get_child (RescueClamp *self);
void       rescue_clamp_set_child (RescueClamp *self,
                                   GtkWidget   *child);
int        rescue_clamp_get_maximum_width_chars (RescueClamp *self);
void       rescue_clamp_set_maximum_width_chars (RescueClamp *self,
                                                 int          n_chars);

G_END_DECLS
