/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RESCUE_TYPE_BUTTON_ROW (rescue_button_row_get_type ())
G_DECLARE_FINAL_TYPE (RescueButtonRow, rescue_button_row, RESCUE, BUTTON_ROW, GtkWidget)

GtkWidget *rescue_button_row_new         (void);
void       rescue_button_row_append      (RescueButtonRow *self,
                                          GtkWidget       *button);
gboolean   rescue_button_row_get_stacked (RescueButtonRow *self);

G_END_DECLS
