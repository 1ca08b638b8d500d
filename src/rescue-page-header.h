/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RESCUE_TYPE_PAGE_HEADER (rescue_page_header_get_type ())
G_DECLARE_FINAL_TYPE (RescuePageHeader, rescue_page_header, RESCUE, PAGE_HEADER, GtkWidget)

void        rescue_page_header_set_icon_name   (RescuePageHeader *self,
                                                const char       *icon_name);
void        rescue_page_header_set_title       (RescuePageHeader *self,
                                                const char       *title);
void        rescue_page_header_set_description (RescuePageHeader *self,
                                                const char       *description);
GtkWidget  *rescue_page_header_get_heading     (RescuePageHeader *self);

G_END_DECLS
