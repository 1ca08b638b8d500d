/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean  rescue_json_check_outline (const char   *data,
                                     gsize         length,
                                     guint         max_depth,
                                     const char  **why);
JsonNode *rescue_json_get_value     (JsonObject   *object,
                                     const char   *name,
                                     GType         value_type);
JsonObject *rescue_json_get_object  (JsonObject   *object,
                                     const char   *name);

G_END_DECLS
