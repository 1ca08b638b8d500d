/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rescue-context.h"
#include "rescue-countries.h"

/* What the pages are handed, without a display: the flow, the numbers,
 * the countries, the form's address and the message for support. */

static void
test_made_when_asked (void)
{
  g_autoptr(RescueContext) context = rescue_context_new (NULL);
  RescueShortCodes *short_codes;
  GListModel *countries;
  const GError *error = NULL;

  g_assert_true (RESCUE_IS_FLOW (rescue_context_get_flow (context)));
  g_assert_true (rescue_context_get_flow (context) == rescue_context_get_flow (context));

  /* Nothing is read before it is asked for */
  g_assert_null (rescue_context_peek_countries (context));

  short_codes = rescue_context_get_short_codes (context);
  g_assert_nonnull (short_codes);
  g_assert_true (rescue_context_get_short_codes (context) == short_codes);

  countries = rescue_context_get_countries (context, &error);
  g_assert_no_error ((GError *) error);
  g_assert_nonnull (countries);
  g_assert_cmpuint (g_list_model_get_n_items (countries), >, 200);
  g_assert_true (rescue_context_peek_countries (context) == countries);
  g_assert_true (rescue_context_get_countries (context, NULL) == countries);
}

static void
test_form_address (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(RescueContext) built_in = rescue_context_new (NULL);
  g_autoptr(RescueContext) context = rescue_context_new (settings);
  g_autofree char *uri = NULL;
  g_autofree char *overridden = NULL;

  uri = rescue_context_dup_support_form_uri (built_in);
  g_assert_cmpstr (uri, ==, SUPPORT_FORM_URL);

  /* An administrator's (or a test's) address wins; empty means built-in */
  g_settings_set_string (settings, "support-form-url", "http://127.0.0.1:9/form");
  overridden = rescue_context_dup_support_form_uri (context);
  g_assert_cmpstr (overridden, ==, "http://127.0.0.1:9/form");
  g_settings_reset (settings, "support-form-url");
  g_clear_pointer (&overridden, g_free);
  overridden = rescue_context_dup_support_form_uri (context);
  g_assert_cmpstr (overridden, ==, SUPPORT_FORM_URL);

  g_assert_true (RESCUE_IS_SUPPORT_REQUEST (rescue_context_get_support_request (context)));
  g_assert_true (rescue_context_get_support_request (context) == rescue_context_get_support_request (context));
}

/* The same message whether or not a window exists: the country's name
 * once the list is read, and the numbers X texts from there */
static void
test_support_message (void)
{
  g_autoptr(RescueContext) context = rescue_context_new (NULL);
  RescueFlow *flow = rescue_context_get_flow (context);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RescueCountry) country = NULL;
  GListModel *countries;

  rescue_flow_set_country (flow, "US");
  rescue_flow_set_username (flow, "jack_99");
  rescue_flow_set_email (flow, "jack@example.org");
  /* Fix 1 tried: the message says which numbers were unblocked */
  g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_START, NULL));
  g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_FIX_FAILED, NULL));

  /* Not reading the list: no name, and still nothing read */
  before = rescue_context_dup_support_message (context, FALSE);
  g_assert_null (rescue_context_peek_countries (context));
  g_assert_nonnull (strstr (before, "@\u2068jack_99\u2069"));
  g_assert_nonnull (strstr (before, "jack@example.org"));
  g_assert_nonnull (strstr (before, "40404"));

  after = rescue_context_dup_support_message (context, TRUE);
  countries = rescue_context_peek_countries (context);
  g_assert_nonnull (countries);
  country = g_list_model_get_item (countries, rescue_countries_find (countries, "US"));
  g_assert_nonnull (strstr (after, rescue_country_get_name (country)));
  g_assert_null (strstr (before, rescue_country_get_name (country)));
  g_assert_nonnull (strstr (after, "40404"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/context/made-when-asked", test_made_when_asked);
  g_test_add_func ("/context/form-address", test_form_address);
  g_test_add_func ("/context/support-message", test_support_message);

  return g_test_run ();
}
