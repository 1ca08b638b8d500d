/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rescue-context.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_APPLICATION (rescue_application_get_type ())
G_DECLARE_FINAL_TYPE (RescueApplication, rescue_application, RESCUE, APPLICATION, GtkApplication)

RescueApplication *rescue_application_new         (void);
RescueContext     *rescue_application_get_context (RescueApplication *self);

G_END_DECLS
