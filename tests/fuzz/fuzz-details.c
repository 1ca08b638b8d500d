/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-details"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rescue-support-message.h"
#include "rescue-support-request.h"

/*
 * What a person types for the support request. The input is the username
 * and the email address separated by the first NUL byte. Either detail is
 * refused with a sentence, or it is one the form can take: and then the
 * prefilled form address is one we allow to open, and its query decodes
 * back to exactly the normalized details.
 */

#define FORM_URL "https://help.x.com/en/forms/account-access/regain-access"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
assert_username_shape (const char *username)
{
  gsize len = strlen (username);

  g_assert_cmpuint (len, >=, 1);
  g_assert_cmpuint (len, <=, 15);
  for (const char *p = username; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '_');
}

static void
assert_email_shape (const char *email)
{
  const char *at = strchr (email, '@');

  g_assert_true (g_utf8_validate (email, -1, NULL));
  g_assert_cmpuint (strlen (email), <=, 254);
  g_assert_nonnull (at);
  g_assert_true (at > email);
  g_assert_null (strchr (at + 1, '@'));
  g_assert_nonnull (strchr (at + 1, '.'));
  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_isspace (g_utf8_get_char (p)));
}

static void
check_form_uri (const char *username,
                const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *built = NULL;
  g_autofree char *message = NULL;

  built = rescue_support_build_form_uri (FORM_URL, username, email, &error);
  g_assert_no_error (error);
  g_assert_nonnull (built);
  g_assert_true (rescue_support_uri_is_allowed (built));

  uri = g_uri_parse (built, SOUP_HTTP_URI_FLAGS, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_host (uri), ==, "help.x.com");
  g_assert_nonnull (g_uri_get_query (uri));

  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_WWW_FORM, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (params, "username"), ==, username);
  g_assert_cmpstr (g_hash_table_lookup (params, "email"), ==, email);

  {
    g_autoptr(RescueFlow) flow = rescue_flow_new ();
    g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 2, 0, 0, 0);

    rescue_flow_set_username (flow, username);
    rescue_flow_set_email (flow, email);
    message = rescue_support_message_compose (flow, NULL, NULL, date);
  }
  g_assert_nonnull (strstr (message, username));
  g_assert_nonnull (strstr (message, email));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *typed_username = NULL;
  g_autofree char *typed_email = NULL;
  g_autofree char *username = NULL;
  g_autofree char *email = NULL;
  g_autoptr(GError) username_error = NULL;
  g_autoptr(GError) email_error = NULL;
  const uint8_t *nul = memchr (data, '\0', size);
  gsize username_len = nul != NULL ? (gsize) (nul - data) : size;

  typed_username = g_strndup ((const char *) data, username_len);
  typed_email = nul != NULL
    ? g_strndup ((const char *) nul + 1, size - username_len - 1)
    : g_strdup ("");

  if (rescue_support_validate_username (typed_username, &username, &username_error))
    assert_username_shape (username);
  else
    {
      g_assert_error (username_error, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_INVALID_USERNAME);
      fuzz_assert_message (username_error);
      g_assert_null (username);
    }

  if (rescue_support_validate_email (typed_email, &email, &email_error))
    assert_email_shape (email);
  else
    {
      g_assert_error (email_error, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_INVALID_EMAIL);
      fuzz_assert_message (email_error);
      g_assert_null (email);
    }

  if (username != NULL && email != NULL)
    check_form_uri (username, email);

  return 0;
}
