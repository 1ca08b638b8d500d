/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rescue-flow.h"

G_BEGIN_DECLS

char *rescue_support_message_compose (RescueFlow         *flow,
                                      const char         *country_name,
                                      const char * const *numbers,
                                      GDateTime          *date);

G_END_DECLS
