/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rescue-flow.h"

G_BEGIN_DECLS

/* A public page that a fix page's advice rests on. @name is untranslated
 * (pass it through gettext); @uri is a fixed https address. */
typedef struct
{
  const char *name;
  const char *uri;
} RescueSource;

const RescueSource *rescue_sources_get              (RescueFix  fix,
                                                    guint     *n_sources);
GDateTime          *rescue_sources_get_last_checked (void);
char               *rescue_format_date              (GDateTime *date);

G_END_DECLS
