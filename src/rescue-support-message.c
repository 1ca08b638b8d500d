/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-support-message"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-sources.h"
#include "rescue-support-message.h"
#include "rescue-support-request.h"
#include "rescue-text.h"

/*
 * The text a person pastes into X's support form: who they are, what they
 * already tried and how it went, so support need not ask. Each sentence is
 * translated whole, and one with nothing to say is left out, so an empty
 * field never leaves a hole such as "@." behind.
 */

/* A username as it will be sent: tidied when valid; otherwise as typed,
 * without the @ and spaces a person may add, which the text supplies */
static char *
shown_username (const char *typed)
{
  g_autofree char *clean = NULL;
  g_autofree char *stripped = NULL;
  const char *p;

  if (rescue_support_validate_username (typed, &clean, NULL))
    return g_steal_pointer (&clean);

  stripped = g_strstrip (g_strdup (typed));
  for (p = stripped; *p == '@'; p++)
    ;
  if (*p == '\0')
    /* Translators: stands in the message for the X username while none is
     * typed, after an "@"; a username has only letters, digits and
     * underscores */
    return g_strdup (_("your_username"));

  return g_strdup (p);
}

static char *
shown_email (const char *typed)
{
  g_autofree char *clean = NULL;

  if (rescue_support_validate_email (typed, &clean, NULL))
    return g_steal_pointer (&clean);

  return g_strstrip (g_strdup (typed));
}

static char *
unblock_sentence (RescuePlatform      platform,
                  const char * const *numbers)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  if (numbers == NULL || numbers[0] == NULL)
    {
      switch (platform)
        {
        case RESCUE_PLATFORM_IPHONE:
          return g_strdup (_("I checked the block list on my iPhone for X’s number: still no code."));
        case RESCUE_PLATFORM_ANDROID:
          return g_strdup (_("I checked the block list on my Android phone for X’s number: still no code."));
        case RESCUE_PLATFORM_OTHER:
        default:
          return g_strdup (_("I checked the block list on my phone for X’s number: still no code."));
        }
    }

  /* each number isolated, so that "53000, 5566511" keeps its order in a
   * right-to-left sentence, and the language's own list separator */
  for (guint i = 0; numbers[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: what stands between two items of a list */
        g_string_append (joined, C_("list", ", "));
      rescue_append_isolated (joined, numbers[i]);
    }
  switch (platform)
    {
    case RESCUE_PLATFORM_IPHONE:
      /* Translators: %s is the number X texts from, or several separated
       * by commas, e.g. "40404" or "53000, 5566511" */
      return g_strdup_printf (_("I unblocked %s on my iPhone: still no code."), joined->str);
    case RESCUE_PLATFORM_ANDROID:
      /* Translators: %s is the number X texts from, or several separated
       * by commas, e.g. "40404" or "53000, 5566511" */
      return g_strdup_printf (_("I unblocked %s on my Android phone: still no code."), joined->str);
    case RESCUE_PLATFORM_OTHER:
    default:
      /* Translators: %s is the number X texts from, or several separated
       * by commas, e.g. "40404" or "53000, 5566511" */
      return g_strdup_printf (_("I unblocked %s on my phone: still no code."), joined->str);
    }
}

static const char *
signed_in_sentence (RescueOutcome outcome,
                    gboolean      has_device)
{
  switch (outcome)
    {
    case RESCUE_OUTCOME_DID_NOT_WORK:
      return _("I could not turn off two-factor authentication on a device where I am still signed in.");
    case RESCUE_OUTCOME_SKIPPED:
      return has_device
        ? _("I did not turn off two-factor authentication on the device where I am still signed in.")
        : _("I have no device where I am still signed in.");
    case RESCUE_OUTCOME_PENDING:
    case RESCUE_OUTCOME_WORKED:
    default:
      return NULL;
    }
}

/* The check the person faced, in their words: the message's first
 * sentence. %s is the username, without the @. */
static char *
check_sentence (RescueCheck  check,
                const char  *username)
{
  switch (check)
    {
    case RESCUE_CHECK_PASSWORD_RESET:
      /* Translators: a sentence of the message to X's support. %s is the
       * person's X username, written without the @ */
      return g_strdup_printf (_("X asks me for a code to reset my password, and the text message with the code never arrives, so I cannot sign in to my X account @%s."),
                              username);
    case RESCUE_CHECK_LOCKED:
      /* Translators: a sentence of the message to X's support. %s is the
       * person's X username, written without the @ */
      return g_strdup_printf (_("X says my account @%s has been locked and asks me to verify my phone, and the text message with the code never arrives."),
                              username);
    case RESCUE_CHECK_TOO_MANY_ATTEMPTS:
      /* Translators: a sentence of the message to X's support. %s is the
       * person's X username, written without the @ */
      return g_strdup_printf (_("X says there were too many attempts to sign in to my X account @%s and asks me to try again later, and I still cannot sign in."),
                              username);
    case RESCUE_CHECK_SECURITY_KEY:
      /* Translators: a sentence of the message to X's support. %s is the
       * person's X username, written without the @ */
      return g_strdup_printf (_("X asks for my security key or passkey to sign in to my X account @%s, and it no longer works."),
                              username);
    case RESCUE_CHECK_NOT_SURE:
      /* Translators: a sentence of the message to X's support, from someone
       * who does not know which of X's checks they face. %s is the
       * person's X username, written without the @ */
      return g_strdup_printf (_("X asks me for a code sent by text message, and it never arrives, so I cannot sign in to my X account @%s."),
                              username);
    case RESCUE_CHECK_TWO_FACTOR:
    default:
      /* Translators: a sentence of the message to X's support. %s is the
       * person's X username, written without the @ */
      return g_strdup_printf (_("I no longer receive the verification code for two-factor authentication by text message, so I cannot sign in to my X account @%s."),
                              username);
    }
}

/* What the person tried on the routes' own steps, when it did not help;
 * skipping a step is not trying it, and says nothing */
static const char *
route_fix_sentence (RescueFix     fix,
                    RescueOutcome outcome)
{
  if (outcome != RESCUE_OUTCOME_DID_NOT_WORK)
    return NULL;

  switch (fix)
    {
    case RESCUE_FIX_RESET_CODE:
      return _("I asked X for a new password-reset code, by email where X offered it: still no code.");
    case RESCUE_FIX_LOCKED:
      return _("I followed the steps on X’s lock screen (Start, the puzzle, verifying my phone by text message, phone call or email), but my account is still locked.");
    case RESCUE_FIX_WAIT:
      return _("I waited for X’s temporary lock to end, as X asks, and I still cannot sign in.");
    case RESCUE_FIX_SECURITY_KEY:
      return _("The choices on X’s lock screen (re-enrolling my security key, another two-factor method, or turning two-factor authentication off) did not let me back in.");
    case RESCUE_FIX_UNBLOCK:
    case RESCUE_FIX_SIGNED_IN:
    case RESCUE_FIX_SUPPORT:
    default:
      return NULL;
    }
}

/**
 * rescue_support_message_compose:
 * @flow: the person's answers, details and fix outcomes
 * @country_name: (nullable): the name of the flow's country in the
 *   person's language; %NULL shows its code
 * @numbers: (nullable) (array zero-terminated=1): the numbers X texts
 *   from in that country; %NULL or empty when none is known
 * @date: the day the message is written
 *
 * Returns: (transfer full): the message, in paragraphs
 */
char *
rescue_support_message_compose (RescueFlow         *flow,
                                const char         *country_name,
                                const char * const *numbers,
                                GDateTime          *date)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autofree char *username = NULL;
  g_autofree char *email = NULL;
  g_autofree char *day = NULL;
  const char *country;
  const char *sentence;

  g_return_val_if_fail (RESCUE_IS_FLOW (flow), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  /* what the person typed goes into sentences isolated, so that an
   * address keeps its order in a right-to-left language; only here, in
   * the text: the flow never stores bidi controls */
  {
    g_autofree char *typed_username = shown_username (rescue_flow_get_username (flow));
    g_autofree char *typed_email = shown_email (rescue_flow_get_email (flow));

    username = rescue_isolate (typed_username);
    email = *typed_email != '\0' ? rescue_isolate (typed_email) : g_strdup ("");
  }
  country = country_name != NULL && *country_name != '\0' ? country_name : rescue_flow_get_country (flow);

  g_string_append (message, _("Hello,"));
  g_string_append (message, "\n\n");

  {
    g_autofree char *who = check_sentence (rescue_flow_get_check (flow), username);

    rescue_append_sentence (paragraph, who);
  }
  if (country != NULL && *country != '\0')
    {
      /* Translators: %s is the name of a country, e.g. "Germany" */
      g_autofree char *isolated = rescue_isolate (country);
      g_autofree char *where = g_strdup_printf (_("Country of my phone number: %s."), isolated);

      rescue_append_sentence (paragraph, where);
    }
  g_string_append (message, paragraph->str);
  g_string_append (message, "\n\n");
  g_string_truncate (paragraph, 0);

  /* In the order every route tries them */
  {
    static const RescueFix route_fixes[] = {
      RESCUE_FIX_RESET_CODE, RESCUE_FIX_LOCKED, RESCUE_FIX_WAIT, RESCUE_FIX_SECURITY_KEY,
    };

    for (guint i = 0; i < G_N_ELEMENTS (route_fixes); i++)
      {
        sentence = route_fix_sentence (route_fixes[i],
                                       rescue_flow_get_outcome (flow, route_fixes[i]));
        if (sentence != NULL)
          rescue_append_sentence (paragraph, sentence);
      }
  }
  if (rescue_flow_get_outcome (flow, RESCUE_FIX_UNBLOCK) == RESCUE_OUTCOME_DID_NOT_WORK)
    {
      g_autofree char *tried = unblock_sentence (rescue_flow_get_platform (flow), numbers);

      rescue_append_sentence (paragraph, tried);
    }
  sentence = signed_in_sentence (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN),
                                 rescue_flow_get_has_signed_in_device (flow));
  if (sentence != NULL)
    rescue_append_sentence (paragraph, sentence);
  if (paragraph->len > 0)
    {
      g_string_append (message, paragraph->str);
      g_string_append (message, "\n\n");
      g_string_truncate (paragraph, 0);
    }

  rescue_append_sentence (paragraph, _("Please help me regain access to my account."));
  if (*email != '\0')
    {
      /* Translators: %s is the person's email address */
      g_autofree char *reach = g_strdup_printf (_("You can reach me at %s."), email);

      rescue_append_sentence (paragraph, reach);
    }
  g_string_append (message, paragraph->str);
  g_string_append (message, "\n\n");

  g_string_append (message, _("Thank you."));
  g_string_append_c (message, '\n');
  day = rescue_format_date (date);
  /* Translators: the last line of the message to X's support; %s is
   * today's date as ISO 8601 writes it, 2026-12-06, which readers in
   * every country read the same way */
  g_string_append_printf (message, _("Date: %s"), day);

  return g_string_free (g_steal_pointer (&message), FALSE);
}
