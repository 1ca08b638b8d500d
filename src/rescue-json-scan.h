/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The progress file, the short-code table and the status page each walk
 * their text before json-glib parses it, to bound the nesting json-glib
 * recurses into and to refuse what it would half-accept. That walk must
 * see strings end where json-glib does, and json-glib 1.6 reads some
 * escapes its own way: after "\u" and a hex digit it takes the next three
 * characters whatever they are (a quote included), and after a surrogate
 * that is not followed by "\u" it drops the next character, or the next two
 * when the first is a backslash, again whatever they are. So the walk takes
 * JSON's own escapes and a lone surrogate with the one character json-glib
 * drops after it (its bytes are not UTF-8: the caller decides about the
 * string), and refuses the rest, as well as \u0000, which json-glib uses to
 * cut a string short.
 *
 * Outside strings json-glib also takes C comments, so a quote inside one
 * would make the walk think a string starts there while json-glib nests on:
 * only the characters JSON itself uses may appear between strings.
 */

static inline gboolean
rescue_json_is_token_char (char c)
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

static inline gboolean
rescue_json_read_hex4 (const char *data,
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

/* @i: where a backslash inside a string is; on success, where the escape's
 * last character is */
static inline gboolean
rescue_json_skip_escape (const char *data,
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

  if (!rescue_json_read_hex4 (data, length, p + 1, &unit) || unit == 0)
    return FALSE;
  p += 4;

  if (unit >= 0xd800 && unit <= 0xdfff)
    {
      if (p + 1 >= length || data[p + 1] == '\0')
        return FALSE;

      if (data[p + 1] != '\\')
        p += 1;   /* dropped by json-glib, even a quote */
      else if (unit <= 0xdbff && p + 2 < length && data[p + 2] == 'u' &&
               rescue_json_read_hex4 (data, length, p + 3, &low) &&
               low >= 0xdc00 && low <= 0xdfff)
        p += 6;   /* a pair */
      else
        return FALSE;
    }

  *i = p;
  return TRUE;
}

G_END_DECLS
