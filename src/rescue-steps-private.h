/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-steps.h"

G_BEGIN_DECLS

/* For tests: what the list shows */
guint       rescue_steps_get_n_steps  (RescueSteps *self);
const char *rescue_steps_get_text     (RescueSteps *self,
                                       guint        position);
gboolean    rescue_steps_get_numbered (RescueSteps *self);
const char *rescue_steps_get_marker   (RescueSteps *self,
                                       guint        position);

G_END_DECLS
