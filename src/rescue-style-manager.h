/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RESCUE_TYPE_STYLE_MANAGER (rescue_style_manager_get_type ())
G_DECLARE_FINAL_TYPE (RescueStyleManager, rescue_style_manager, RESCUE, STYLE_MANAGER, GObject)

RescueStyleManager *rescue_style_manager_new               (GDBusConnection    *bus);
gboolean            rescue_style_manager_get_dark          (RescueStyleManager *self);
gboolean            rescue_style_manager_get_high_contrast (RescueStyleManager *self);

G_END_DECLS
