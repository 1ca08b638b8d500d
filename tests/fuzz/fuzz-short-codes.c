/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-short-codes"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rescue-short-codes.h"

/*
 * The sender-number table: any bytes either load into a table whose every
 * sender is complete, or fail with RESCUE_SHORT_CODES_ERROR_INVALID.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_country (RescueShortCodes *codes,
               const char       *country)
{
  g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (codes, country);

  g_assert_nonnull (senders);
  for (guint i = 0; i < senders->len; i++)
    {
      const RescueSender *sender = g_ptr_array_index (senders, i);

      g_assert_nonnull (sender->number);
      g_assert_cmpuint (strlen (sender->number), >, 0);
      g_assert_true (g_utf8_validate (sender->number, -1, NULL));
      g_assert_nonnull (sender->carriers);
      for (guint j = 0; sender->carriers[j] != NULL; j++)
        g_assert_true (g_utf8_validate (sender->carriers[j], -1, NULL));
      g_assert_true (sender->kind == RESCUE_SENDER_SHORT_CODE ||
                     sender->kind == RESCUE_SENDER_LONG_CODE);
      g_assert_true (sender->confidence <= RESCUE_CONFIDENCE_THIRD_PARTY);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const countries[] = { "US", "GB", "DE", "IN", "ZZ", "", "gb", "USA" };
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(RescueShortCodes) codes = NULL;
  g_autoptr(GError) error = NULL;

  codes = rescue_short_codes_new_from_bytes (bytes, &error);
  if (codes == NULL)
    {
      g_assert_error (error, RESCUE_SHORT_CODES_ERROR, RESCUE_SHORT_CODES_ERROR_INVALID);
      fuzz_assert_message (error);
      return 0;
    }
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    check_country (codes, countries[i]);
  (void) rescue_short_codes_get_n_countries (codes);

  return 0;
}
