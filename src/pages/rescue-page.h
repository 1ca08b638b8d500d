/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rescue-button-row.h"
#include "rescue-context.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_PAGE (rescue_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (RescuePage, rescue_page, RESCUE, PAGE, GtkWidget)

/**
 * RescuePageClass:
 * @flow_changed: the page was made, or one of the flow's properties
 *   changed; recompute the view from it
 */
struct _RescuePageClass
{
  GtkWidgetClass parent_class;

  void (*flow_changed) (RescuePage *self);
};

RescueContext   *rescue_page_get_context        (RescuePage  *self);
RescueFlow      *rescue_page_get_flow           (RescuePage  *self);
void             rescue_page_send               (RescuePage  *self,
                                                 RescueEvent  event);
void             rescue_page_bind_event         (RescuePage  *self,
                                                 GtkWidget   *button,
                                                 RescueEvent  event);
void             rescue_page_set_icon_name      (RescuePage  *self,
                                                 const char  *icon_name);
void             rescue_page_set_title          (RescuePage  *self,
                                                 const char  *title);
void             rescue_page_set_description    (RescuePage  *self,
                                                 const char  *description);
gboolean         rescue_page_focus_heading      (RescuePage  *self);
void             rescue_page_set_default_widget (RescuePage  *self,
                                                 GtkWidget   *widget);
GtkWidget       *rescue_page_get_default_widget (RescuePage  *self);
RescueButtonRow *rescue_page_get_action_row     (RescuePage  *self);

G_END_DECLS
