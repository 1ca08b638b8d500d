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

/* X's own pages a fix page can open in the browser (x-2fa-facts.md §7.3,
 * §7.1): one place for them, so no page writes an address itself */
#define RESCUE_X_TWO_FACTOR_SETTINGS_URI "https://x.com/settings/account/login_verification"
#define RESCUE_X_SECURITY_KEYS_URI       "https://x.com/settings/account/login_verification/security_keys"
#define RESCUE_X_BACKUP_CODE_URI         "https://x.com/settings/account/login_verification/backup_code"

const RescueSource *rescue_sources_get_for_step     (RescueStep  step,
                                                    guint      *n_sources);
GDateTime          *rescue_sources_get_last_checked (void);
char               *rescue_format_date              (GDateTime  *date);

G_END_DECLS
