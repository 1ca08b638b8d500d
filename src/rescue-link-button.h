/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RESCUE_TYPE_LINK_BUTTON (rescue_link_button_get_type ())
G_DECLARE_FINAL_TYPE (RescueLinkButton, rescue_link_button, RESCUE, LINK_BUTTON, GtkWidget)

GtkWidget  *rescue_link_button_new     (const char       *label,
                                        const char       *uri);
const char *rescue_link_button_get_uri (RescueLinkButton *self);

G_END_DECLS
