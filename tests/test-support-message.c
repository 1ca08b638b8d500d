/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rescue-sources.h"
#include "rescue-support-message.h"

/* The message for X's support, for each way through the flow: what was
 * tried and how it went, and no holes where a field is still empty. */

static RescueFlow *
flow_new (RescuePlatform  platform,
          gboolean        has_device,
          const char     *username,
          const char     *email)
{
  RescueFlow *flow = rescue_flow_new ();

  rescue_flow_set_platform (flow, platform);
  rescue_flow_set_has_signed_in_device (flow, has_device);
  rescue_flow_set_country (flow, "GB");
  rescue_flow_set_username (flow, username);
  rescue_flow_set_email (flow, email);

  return flow;
}

static void
send (RescueFlow  *flow,
      RescueEvent  event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rescue_flow_handle (flow, event, &error));
  g_assert_no_error (error);
}

static char *
compose (RescueFlow         *flow,
         const char         *country_name,
         const char * const *numbers)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 2, 15, 0, 0);

  return rescue_support_message_compose (flow, country_name, numbers, date);
}

static const char * const gb_numbers[] = { "86444", NULL };

#define OPENING "Hello,\n\nI no longer receive the verification code for two-factor authentication by text message, so I cannot sign in to my X account "
/* ISO 8601, which reads the same in every country (issue #20) */
#define CLOSING "Thank you.\nDate: 2026-12-02"

/* iPhone, no signed-in device: fix 2 was skipped by the flow itself */
static void
test_iphone_no_device (void)
{
  g_autoptr(RescueFlow) flow = flow_new (RESCUE_PLATFORM_IPHONE, FALSE, "jack_99", "jack@example.org");
  g_autofree char *message = NULL;

  send (flow, RESCUE_EVENT_START);
  send (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, RESCUE_STEP_SUPPORT);

  message = compose (flow, "United Kingdom", gb_numbers);
  g_assert_cmpstr (message, ==,
                   OPENING "@\u2068jack_99\u2069. Country of my phone number: \u2068United Kingdom\u2069.\n\n"
                   "I unblocked \u206886444\u2069 on my iPhone: still no code. I have no device where I am still signed in.\n\n"
                   "Please help me regain access to my account. You can reach me at \u2068jack@example.org\u2069.\n\n"
                   CLOSING);
}

/* Android, a signed-in device where turning 2FA off did not help */
static void
test_android_both_failed (void)
{
  g_autoptr(RescueFlow) flow = flow_new (RESCUE_PLATFORM_ANDROID, TRUE, "jack_99", "jack@example.org");
  static const char * const us_numbers[] = { "40404", NULL };
  g_autofree char *message = NULL;

  rescue_flow_set_country (flow, "US");
  send (flow, RESCUE_EVENT_START);
  send (flow, RESCUE_EVENT_FIX_FAILED);
  send (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, RESCUE_STEP_SUPPORT);

  message = compose (flow, "United States", us_numbers);
  g_assert_cmpstr (message, ==,
                   OPENING "@\u2068jack_99\u2069. Country of my phone number: \u2068United States\u2069.\n\n"
                   "I unblocked \u206840404\u2069 on my Android phone: still no code. I could not turn off two-factor authentication on a device where I am still signed in.\n\n"
                   "Please help me regain access to my account. You can reach me at \u2068jack@example.org\u2069.\n\n"
                   CLOSING);
}

/* Another phone, a country with no known number, fix 2 skipped by hand */
static void
test_other_phone_skipped (void)
{
  g_autoptr(RescueFlow) flow = flow_new (RESCUE_PLATFORM_OTHER, TRUE, "jack_99", "jack@example.org");
  g_autofree char *message = NULL;

  rescue_flow_set_country (flow, "FR");
  send (flow, RESCUE_EVENT_START);
  send (flow, RESCUE_EVENT_FIX_FAILED);
  send (flow, RESCUE_EVENT_SKIP);

  message = compose (flow, "France", NULL);
  g_assert_cmpstr (message, ==,
                   OPENING "@\u2068jack_99\u2069. Country of my phone number: \u2068France\u2069.\n\n"
                   "I checked the block list on my phone for X’s number: still no code. I did not turn off two-factor authentication on the device where I am still signed in.\n\n"
                   "Please help me regain access to my account. You can reach me at \u2068jack@example.org\u2069.\n\n"
                   CLOSING);
}

/* Several numbers, and the country's code when its name is not known */
static void
test_several_numbers_no_name (void)
{
  g_autoptr(RescueFlow) flow = flow_new (RESCUE_PLATFORM_IPHONE, FALSE, "jack_99", "jack@example.org");
  static const char * const in_numbers[] = { "53000", "5566511", NULL };
  static const char * const none[] = { NULL };
  g_autofree char *message = NULL;
  g_autofree char *no_numbers = NULL;

  rescue_flow_set_country (flow, "IN");
  send (flow, RESCUE_EVENT_START);
  send (flow, RESCUE_EVENT_FIX_FAILED);

  message = compose (flow, NULL, in_numbers);
  g_assert_nonnull (strstr (message, "Country of my phone number: \u2068IN\u2069.\n\n"));
  g_assert_nonnull (strstr (message, "\n\nI unblocked \u206853000\u2069, \u20685566511\u2069 on my iPhone: still no code. "));

  /* An empty list is no list */
  no_numbers = compose (flow, "", none);
  g_assert_nonnull (strstr (no_numbers, "Country of my phone number: \u2068IN\u2069.\n\n"));
  g_assert_nonnull (strstr (no_numbers, "\n\nI checked the block list on my iPhone for X’s number: still no code. "));
}

/* Nothing tried yet: no sentence about fixes, no empty paragraph */
static void
test_nothing_tried (void)
{
  g_autoptr(RescueFlow) flow = flow_new (RESCUE_PLATFORM_IPHONE, TRUE, "jack_99", "jack@example.org");
  g_autofree char *message = compose (flow, "United Kingdom", gb_numbers);

  g_assert_cmpstr (message, ==,
                   OPENING "@\u2068jack_99\u2069. Country of my phone number: \u2068United Kingdom\u2069.\n\n"
                   "Please help me regain access to my account. You can reach me at \u2068jack@example.org\u2069.\n\n"
                   CLOSING);
}

/* Empty fields: the username's name stands in, the email sentence goes */
static void
test_empty_fields (void)
{
  g_autoptr(RescueFlow) flow = flow_new (RESCUE_PLATFORM_ANDROID, FALSE, "", "");
  g_autofree char *message = NULL;

  send (flow, RESCUE_EVENT_START);
  send (flow, RESCUE_EVENT_FIX_FAILED);

  message = compose (flow, "United Kingdom", gb_numbers);
  g_assert_cmpstr (message, ==,
                   OPENING "@\u2068your_username\u2069. Country of my phone number: \u2068United Kingdom\u2069.\n\n"
                   "I unblocked \u206886444\u2069 on my Android phone: still no code. I have no device where I am still signed in.\n\n"
                   "Please help me regain access to my account.\n\n"
                   CLOSING);
  g_assert_null (strstr (message, "@."));
  g_assert_null (strstr (message, "at ."));
  g_assert_null (strstr (message, "  "));
}

/* Details as typed: tidied where valid, as typed where not yet, and never
 * a doubled @ or a hole */
static void
test_typed_details (void)
{
  static const struct {
    const char *username;
    const char *email;
    const char *account;
    const char *reach;
  } cases[] = {
    { "  @jack_99 ", " a+b@example.org ", "account @\u2068jack_99\u2069.", "You can reach me at \u2068a+b@example.org\u2069." },
    { "jack-", "a@b", "account @\u2068jack-\u2069.", "You can reach me at \u2068a@b\u2069." },
    { "@", "   ", "account @\u2068your_username\u2069.", NULL },
    { " @@ ", "", "account @\u2068your_username\u2069.", NULL },
    { "@@jack", "x", "account @\u2068jack\u2069.", "You can reach me at \u2068x\u2069." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RescueFlow) flow = flow_new (RESCUE_PLATFORM_IPHONE, TRUE, cases[i].username, cases[i].email);
      g_autofree char *message = compose (flow, "United Kingdom", gb_numbers);

      g_test_message ("case %u", i);
      g_assert_nonnull (strstr (message, cases[i].account));
      g_assert_null (strstr (message, "@@"));
      g_assert_null (strstr (message, "@."));
      /* nothing isolated is ever empty */
      g_assert_null (strstr (message, "\u2068\u2069"));
      if (cases[i].reach != NULL)
        g_assert_nonnull (strstr (message, cases[i].reach));
      else
        g_assert_null (strstr (message, "reach me"));
    }
}

/* Each route: the check in the person's words, and each step they tried
 * and how it went */
static void
test_routes (void)
{
  static const struct
  {
    RescueCheck  check;
    gboolean     has_device;
    RescueEvent  events[5];   /* after Start; RESCUE_EVENT_RESTART ends */
    const char  *expected;
  } cases[] = {
    { RESCUE_CHECK_TWO_FACTOR, TRUE,
      { RESCUE_EVENT_FIX_FAILED, RESCUE_EVENT_FIX_FAILED, RESCUE_EVENT_RESTART },
      "Hello,\n\nI no longer receive the verification code for two-factor authentication by text message, so I cannot sign in to my X account @\u2068jack_99\u2069. Country of my phone number: \u2068United Kingdom\u2069.\n\n"
      "I unblocked \u206886444\u2069 on my iPhone: still no code. I could not turn off two-factor authentication on a device where I am still signed in.\n\n" },
    { RESCUE_CHECK_PASSWORD_RESET, FALSE,
      { RESCUE_EVENT_FIX_FAILED, RESCUE_EVENT_FIX_FAILED, RESCUE_EVENT_RESTART },
      "Hello,\n\nX asks me for a code to reset my password, and the text message with the code never arrives, so I cannot sign in to my X account @\u2068jack_99\u2069. Country of my phone number: \u2068United Kingdom\u2069.\n\n"
      "I asked X for a new password-reset code, by email where X offered it: still no code. I unblocked \u206886444\u2069 on my iPhone: still no code.\n\n" },
    { RESCUE_CHECK_LOCKED, TRUE,
      { RESCUE_EVENT_FIX_FAILED, RESCUE_EVENT_SKIP, RESCUE_EVENT_RESTART },
      "Hello,\n\nX says my account @\u2068jack_99\u2069 has been locked and asks me to verify my phone, and the text message with the code never arrives. Country of my phone number: \u2068United Kingdom\u2069.\n\n"
      "I followed the steps on X’s lock screen (Start, the puzzle, verifying my phone by text message, phone call or email), but my account is still locked.\n\n" },
    { RESCUE_CHECK_TOO_MANY_ATTEMPTS, FALSE,
      { RESCUE_EVENT_FIX_FAILED, RESCUE_EVENT_RESTART },
      "Hello,\n\nX says there were too many attempts to sign in to my X account @\u2068jack_99\u2069 and asks me to try again later, and I still cannot sign in. Country of my phone number: \u2068United Kingdom\u2069.\n\n"
      "I waited for X’s temporary lock to end, as X asks, and I still cannot sign in.\n\n" },
    { RESCUE_CHECK_SECURITY_KEY, FALSE,
      { RESCUE_EVENT_FIX_FAILED, RESCUE_EVENT_RESTART },
      "Hello,\n\nX asks for my security key or passkey to sign in to my X account @\u2068jack_99\u2069, and it no longer works. Country of my phone number: \u2068United Kingdom\u2069.\n\n"
      "The choices on X’s lock screen (re-enrolling my security key, another two-factor method, or turning two-factor authentication off) did not let me back in.\n\n" },
    /* skipped, not tried: nothing to tell */
    { RESCUE_CHECK_SECURITY_KEY, FALSE,
      { RESCUE_EVENT_SKIP, RESCUE_EVENT_RESTART },
      "Hello,\n\nX asks for my security key or passkey to sign in to my X account @\u2068jack_99\u2069, and it no longer works. Country of my phone number: \u2068United Kingdom\u2069.\n\n"
      "Please help me" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RescueFlow) flow = flow_new (RESCUE_PLATFORM_IPHONE, cases[i].has_device, "jack_99", "jack@example.org");
      g_autofree char *message = NULL;

      rescue_flow_set_check (flow, cases[i].check);
      send (flow, RESCUE_EVENT_START);
      for (guint j = 0; cases[i].events[j] != RESCUE_EVENT_RESTART; j++)
        send (flow, cases[i].events[j]);
      g_assert_cmpint (rescue_flow_get_step (flow), ==, RESCUE_STEP_SUPPORT);

      message = compose (flow, "United Kingdom", gb_numbers);
      if (!g_str_has_prefix (message, cases[i].expected))
        g_error ("Case %u:\n%s\ndoes not start with\n%s", i, message, cases[i].expected);
      g_assert_true (g_str_has_suffix (message, "You can reach me at \u2068jack@example.org\u2069.\n\n" CLOSING));
    }
}

/* "I'm not sure", then a choice: the message names the chosen check; left
 * at not-sure, it says only what the person saw */
static void
test_route_not_sure (void)
{
  g_autoptr(RescueFlow) flow = flow_new (RESCUE_PLATFORM_ANDROID, FALSE, "jack_99", "");
  g_autofree char *unsure = NULL;
  g_autofree char *chosen = NULL;

  rescue_flow_set_check (flow, RESCUE_CHECK_NOT_SURE);
  send (flow, RESCUE_EVENT_START);
  unsure = compose (flow, "United Kingdom", gb_numbers);
  g_assert_true (g_str_has_prefix (unsure, "Hello,\n\nX asks me for a code sent by text message, and it never arrives, so I cannot sign in to my X account @\u2068jack_99\u2069. "));

  rescue_flow_set_check (flow, RESCUE_CHECK_PASSWORD_RESET);
  send (flow, RESCUE_EVENT_START);
  chosen = compose (flow, "United Kingdom", gb_numbers);
  g_assert_true (g_str_has_prefix (chosen, "Hello,\n\nX asks me for a code to reset my password, "));
}

/* Every page of every route rests on sources and says when they were
 * checked; the dates read the same in every country */
static void
test_sources_for_steps (void)
{
  static const struct { RescueStep step; int day; } steps[] = {
    { RESCUE_STEP_UNBLOCK, 6 }, { RESCUE_STEP_SIGNED_IN, 6 }, { RESCUE_STEP_SUPPORT, 6 },
    { RESCUE_STEP_IDENTIFY, 6 }, { RESCUE_STEP_RESET_CODE, 6 }, { RESCUE_STEP_LOCKED, 6 },
    { RESCUE_STEP_WAIT, 6 }, { RESCUE_STEP_SECURITY_KEY, 6 },
  };
  guint n_sources = 99;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const RescueSource *sources = rescue_sources_get_for_step (steps[i].step, &n_sources);
      g_autoptr(GDateTime) checked = rescue_sources_get_last_checked ();
      g_autofree char *day = rescue_format_date (checked);
      g_autofree char *expected = g_strdup_printf ("2026-12-%02d", steps[i].day);

      /* the wait's one source has no address (x-2fa-facts.md §7.1) */
      if (steps[i].step == RESCUE_STEP_WAIT)
        g_assert_cmpuint (n_sources, ==, 0);
      else
        g_assert_cmpuint (n_sources, >, 0);
      for (guint j = 0; j < n_sources; j++)
        {
          g_assert_true (g_str_has_prefix (sources[j].uri, "https://"));
          g_assert_cmpuint (strlen (sources[j].name), >, 0);
          g_assert_null (strstr (sources[j].uri, "2fa-problem"));
        }
      g_assert_cmpstr (day, ==, expected);
    }

  g_assert_null (rescue_sources_get_for_step (RESCUE_STEP_WELCOME, &n_sources));
  g_assert_cmpuint (n_sources, ==, 0);

  g_assert_cmpstr (RESCUE_X_TWO_FACTOR_SETTINGS_URI, ==, "https://x.com/settings/account/login_verification");
  g_assert_cmpstr (RESCUE_X_SECURITY_KEYS_URI, ==, "https://x.com/settings/account/login_verification/security_keys");
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/support-message/iphone-no-device", test_iphone_no_device);
  g_test_add_func ("/support-message/android-both-failed", test_android_both_failed);
  g_test_add_func ("/support-message/other-phone-skipped", test_other_phone_skipped);
  g_test_add_func ("/support-message/several-numbers-no-name", test_several_numbers_no_name);
  g_test_add_func ("/support-message/nothing-tried", test_nothing_tried);
  g_test_add_func ("/support-message/routes", test_routes);
  g_test_add_func ("/support-message/sources-for-steps", test_sources_for_steps);
  g_test_add_func ("/support-message/route-not-sure", test_route_not_sure);
  g_test_add_func ("/support-message/empty-fields", test_empty_fields);
  g_test_add_func ("/support-message/typed-details", test_typed_details);

  return g_test_run ();
}
