/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-page.h"

G_BEGIN_DECLS

#define RESCUE_TYPE_DONE_PAGE (rescue_done_page_get_type ())
G_DECLARE_FINAL_TYPE (RescueDonePage, rescue_done_page, RESCUE, DONE_PAGE, RescuePage)

/* @step: RESCUE_STEP_RESOLVED or RESCUE_STEP_WAITING_FOR_SUPPORT */
GtkWidget *rescue_done_page_new (RescueContext *context,
                                 RescueStep     step);

G_END_DECLS
