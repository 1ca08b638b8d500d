/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rescue-flow.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_SOURCES_BOX (rescue_sources_box_get_type ())
G_DECLARE_FINAL_TYPE (RescueSourcesBox, rescue_sources_box, RESCUE, SOURCES_BOX, GtkWidget)

/* Property "fix" (RescueFix, construct-only): whose sources to list */
GtkWidget *rescue_sources_box_new      (RescueStep        step);
RescueStep rescue_sources_box_get_step (RescueSourcesBox *self);

G_END_DECLS
