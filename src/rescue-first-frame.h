/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rescue_first_frame_watch (GtkWindow *window);

G_END_DECLS
