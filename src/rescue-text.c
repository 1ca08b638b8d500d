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
