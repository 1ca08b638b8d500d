/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-json"

#include "config.h"

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

/* Outside strings json-glib also takes C comments, so a quote inside one
 * would make the walk think a string starts there while json-glib nests
 * on: only the characters JSON itself uses may appear between strings. */
static gboolean
is_token_char (char c)
{
  switch (c)
    {
    case ' ': case '\t': case '\n': case '\r':
    case '{': case '}': case '[': case ']': case ':': case ',': case '"':
    case '-': case '+': case '.':
      return TRUE;
    default:
      /* digits, and the letters of true, false and null (and of the
       * identifiers json-glib then refuses) */
      return g_ascii_isdigit (c) || (c >= 'a' && c <= 'z') || c == 'E';
    }
}

static gboolean
read_hex4 (const char *data,
           gsize       length,
           gsize       start,
           guint      *unit)
{
  *unit = 0;
  if (start + 4 > length)
    return FALSE;

  for (gsize i = start; i < start + 4; i++)
    {
      int digit = g_ascii_xdigit_value (data[i]);

      if (digit < 0)
        return FALSE;
      *unit = *unit * 16 + (guint) digit;
    }

  return TRUE;
}

/* The walk must see a string end where json-glib does, and json-glib 1.6
 * reads some escapes its own way: after "\u" and a hex digit it takes the
 * next three characters whatever they are (a quote included), and after a
 * surrogate not followed by "\u" it drops the next character, or the next
 * two when the first is a backslash. So only JSON's own escapes pass, and a
 * lone surrogate with the one character json-glib drops after it (its bytes
 * are not UTF-8: callers check the strings they read); \u0000, which
 * json-glib uses to cut a string short, does not.
 *
 * @i: where the backslash is; on success, where the escape's last
 * character is. */
static gboolean
skip_escape (const char *data,
             gsize       length,
             gsize      *i)
{
  gsize p = *i + 1;
  guint unit, low;

  if (p >= length)
    return FALSE;

  switch (data[p])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      *i = p;
      return TRUE;
    case 'u':
      break;
    default:
      return FALSE;
    }

  if (!read_hex4 (data, length, p + 1, &unit) || unit == 0)
    return FALSE;
  p += 4;

  if (unit >= 0xd800 && unit <= 0xdfff)
    {
      if (p + 1 >= length || data[p + 1] == '\0')
        return FALSE;

      if (data[p + 1] != '\\')
        p += 1;   /* dropped by json-glib, even a quote */
      else if (unit <= 0xdbff && p + 2 < length && data[p + 2] == 'u' &&
               read_hex4 (data, length, p + 3, &low) &&
               low >= 0xdc00 && low <= 0xdfff)
        p += 6;   /* a pair */
      else
        return FALSE;
    }

  *i = p;
  return TRUE;
}

/**
 * rescue_json_check_outline:
 * @why: (out): a short English reason, for logs
 *
 * Whether @data is one JSON object, with nothing but whitespace after it,
 * nested at most @max_depth deep, with no comments, single quotes, broken
 * escapes or \u0000.
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
              if (!skip_escape (data, length, &i))
                return (*why = "a string has a broken escape or a NUL character", FALSE);
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (!is_token_char (c))
        return (*why = "there is something that is not JSON between the values", FALSE);
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
