/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rescue-welcome-page.h"

G_BEGIN_DECLS

/* The page reads the list itself once on screen; tests give it one, or
 * none, to see what it shows */
void rescue_welcome_page_set_countries (RescueWelcomePage *self,
                                        GListModel        *countries,
                                        const GError      *error);

G_END_DECLS
