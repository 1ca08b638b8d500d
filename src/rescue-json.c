/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-json"

#include "config.h"

#include <string.h>

#include "rescue-json.h"

/*
 * json-glib 1.6 is lenient where our files must not be: it stops after the
 * first value and ignores what follows ("{}{}" parses), accepts single
 * quotes, truncates strings at \u0000 and recurses without limit, so a
 * hostile input could exhaust the stack. Every loader checks the outline
 * first, and reads members only through typed getters that never emit a
 * critical.
 */

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/**
 * rescue_json_check_outline:
 * @why: (out): a short English reason, for logs
 *
 * Whether @data is one JSON object, with nothing but whitespace after it,
 * nested at most @max_depth deep, without single quotes or \u0000.
 */
gboolean
rescue_json_check_outline (const char  *data,
                           gsize        length,
                           guint        max_depth,
                           const char **why)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  gsize i = 0;

  while (i < length && is_json_space (data[i]))
    i++;
  if (i == length)
    return (*why = "it is empty", FALSE);
  if (data[i] != '{')
    return (*why = "the top level is not an object", FALSE);

  for (; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              if (length - i > 5 && memcmp (data + i + 1, "u0000", 5) == 0)
                return (*why = "a string contains a NUL character", FALSE);
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '\'')
        return (*why = "single quotes are not JSON", FALSE);
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            return (*why = "nested too deeply", FALSE);
        }
      else if (c == '}' || c == ']')
        {
          if (--depth == 0)
            break;
        }
    }

  if (i >= length)
    return (*why = "it is truncated", FALSE);

  for (i++; i < length; i++)
    if (!is_json_space (data[i]))
      return (*why = "there is more data after the object", FALSE);

  return TRUE;
}

/**
 * rescue_json_get_value:
 * Returns: (nullable) (transfer none): the member @name when it holds a
 *   value of @value_type (G_TYPE_STRING, G_TYPE_INT64, G_TYPE_BOOLEAN,
 *   G_TYPE_DOUBLE), else %NULL
 */
JsonNode *
rescue_json_get_value (JsonObject *object,
                       const char *name,
                       GType       value_type)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != value_type)
    return NULL;

  return node;
}

/**
 * rescue_json_get_object:
 * Returns: (nullable) (transfer none): the member @name when it is an object
 */
JsonObject *
rescue_json_get_object (JsonObject *object,
                        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}
