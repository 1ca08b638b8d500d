/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-status"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rescue-service-status.h"

/*
 * X's status page, which we do not control: any body either parses into a
 * known indicator and one tidy line of X's words, or fails with
 * RESCUE_STATUS_ERROR.
 */

/* rescue-service-status.c cuts X's words to this many characters */
#define MAX_DESCRIPTION_CHARS 200

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  RescueStatusIndicator indicator = RESCUE_STATUS_UNKNOWN;
  gint64 updated_at = -1;

  if (!rescue_service_status_parse (body, &indicator, &description, &updated_at, &error))
    {
      g_assert_true (error->domain == RESCUE_STATUS_ERROR);
      fuzz_assert_message (error);
      g_assert_null (description);
      return 0;
    }
  g_assert_no_error (error);

  g_assert_cmpint (indicator, >, RESCUE_STATUS_UNKNOWN);
  g_assert_cmpint (indicator, <=, RESCUE_STATUS_MAINTENANCE);
  g_assert_cmpint (updated_at, >=, 0);

  /* One line on the welcome page */
  g_assert_nonnull (description);
  g_assert_true (g_utf8_validate (description, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (description, -1), <=, MAX_DESCRIPTION_CHARS);
  for (const char *p = description; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_false (g_unichar_iscntrl (c));
      g_assert_true (c == ' ' || !g_unichar_isspace (c));
    }

  /* Both optional outputs may be left out */
  g_clear_error (&error);
  g_assert_true (rescue_service_status_parse (body, NULL, NULL, NULL, &error));

  return 0;
}
