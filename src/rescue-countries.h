/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RESCUE_TYPE_COUNTRY (rescue_country_get_type ())
G_DECLARE_FINAL_TYPE (RescueCountry, rescue_country, RESCUE, COUNTRY, GObject)

/* Properties "code" (ISO 3166-1 alpha-2) and "name" (in the user's language) */
const char *rescue_country_get_code (RescueCountry *self);
const char *rescue_country_get_name (RescueCountry *self);
RescueCountry *rescue_country_new   (const char    *code,
                                     const char    *name);

/* The iso-codes package's list; path NULL means the installed
 * iso_3166-1.json. Returns a GListModel of RescueCountry sorted by the
 * translated name. */
GListModel *rescue_countries_load     (const char  *iso_codes_json,
                                       GError     **error);
/* The position of @code (exact, upper-case match) in @countries, or
 * G_MAXUINT (the value of GTK_INVALID_LIST_POSITION) when it is absent */
guint       rescue_countries_find     (GListModel  *countries,
                                       const char  *code);

/* Whether @code is an ISO 3166-1 alpha-2 code the country list has; cheap,
 * without reading iso-codes */
gboolean    rescue_countries_is_known_code (const char *code);

/* The country of the person's region settings, or "US" */
char       *rescue_countries_default_code (const char * const *environment);

G_END_DECLS
