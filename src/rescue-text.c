/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-text"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-text.h"

/*
 * Putting values and sentences together in any language. A phone number,
 * a short code, an address or what a person typed goes into a sentence
 * between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: its direction
 * then comes from its own first strong letter, and it neither takes nor
 * lends direction to the words around it, so "+49 17 6888 50505" or
 * "name@example.com" keeps its order inside an Arabic sentence.
 *
 * Isolates are only ever added to text that is shown or copied, never to
 * what the flow stores: the support request refuses bidi controls in
 * typed values.
 */

/**
 * rescue_isolate:
 * @text: a value to put into a sentence
 *
 * Returns: (transfer full): @text between FSI and PDI
 */
char *
rescue_isolate (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_strconcat (RESCUE_FSI, text, RESCUE_PDI, NULL);
}

void
rescue_append_isolated (GString    *string,
                        const char *text)
{
  g_return_if_fail (string != NULL);
  g_return_if_fail (text != NULL);

  g_string_append (string, RESCUE_FSI);
  g_string_append (string, text);
  g_string_append (string, RESCUE_PDI);
}

/**
 * rescue_join_sentences:
 * Two whole sentences one after the other, as the language writes them:
 * with a space in most, with none in Japanese or Chinese.
 *
 * Returns: (transfer full): the two sentences
 */
char *
rescue_join_sentences (const char *first,
                       const char *second)
{
  g_return_val_if_fail (first != NULL, NULL);
  g_return_val_if_fail (second != NULL, NULL);

  /* Translators: two sentences, one after the other; Japanese and
   * Chinese use no space between them */
  return g_strdup_printf (C_("sentences", "%s %s"), first, second);
}

/* Adds @sentence to the end of @paragraph, joined as the language does */
void
rescue_append_sentence (GString    *paragraph,
                        const char *sentence)
{
  g_autofree char *joined = NULL;

  g_return_if_fail (paragraph != NULL);
  g_return_if_fail (sentence != NULL);

  if (paragraph->len == 0)
    {
      g_string_append (paragraph, sentence);
      return;
    }

  joined = rescue_join_sentences (paragraph->str, sentence);
  g_string_assign (paragraph, joined);
}

/**
 * rescue_format_date_time:
 * A date and a time as people write them in the person's language: no
 * seconds and no time zone, as it is always the computer's own.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for a time
 *   GLib cannot represent
 */
char *
rescue_format_date_time (gint64 unix_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);

  if (local == NULL)
    return NULL;

  /* Translators: a date and a time without seconds (when the support
   * request was sent, or when X's lock ends on another day), in your
   * language's usual order: "November 20, 2025, 2:03 PM" in English,
   * "20.11.2025, 14:03" in German. The codes are g_date_time_format()'s:
   * %d day, %m month, %B month name, %Y year, %H hour 00–23, %I hour
   * 01–12, %p AM or PM, %M minutes; a "-" after the "%" drops the leading
   * zero */
  return g_date_time_format (local, _("%B %-d, %Y, %-I:%M %p"));
}
