/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RESCUE_TYPE_STEPS (rescue_steps_get_type ())
G_DECLARE_FINAL_TYPE (RescueSteps, rescue_steps, RESCUE, STEPS, GtkWidget)

GtkWidget *rescue_steps_new              (void);
GtkWidget *rescue_steps_new_backup_code  (void);
void       rescue_steps_clear            (RescueSteps *self);
GtkLabel  *rescue_steps_append           (RescueSteps *self,
                                          const char  *markup);
void       rescue_steps_set_numbered     (RescueSteps *self,
                                          gboolean     numbered);

G_END_DECLS
