/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget      *rescue_choice_new        (const char     *title,
                                          const char     *caption,
                                          GtkCheckButton *group);
GtkCheckButton *rescue_choice_get_button (GtkWidget      *choice);

G_END_DECLS
