/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-sources"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-sources.h"

/*
 * What each fix page's advice rests on, and when the project last checked
 * it. Everything here comes from ../shared/reference/x-2fa-facts.md; when
 * the advice is checked again, update the pages, these lists and the date
 * together.
 */

/* Every page was checked again in the third pass (facts §7) */
#define LAST_CHECKED_YEAR  2026
#define LAST_CHECKED_MONTH 12
#define LAST_CHECKED_DAY   6

static const RescueSource unblock_sources[] = {
  /* Translators: the names of the web pages Code Rescue's advice comes
   * from, "who published it: what it is about". Keep the publishers'
   * names. */
  { N_("Mac Observer: blocked contacts on iOS 26 (2025)"),
    "https://www.macobserver.com/news/ios-26-simplifies-blocking-contacts-on-iphone-heres-how/" },
  { N_("Hi-News: unknown senders and spam in Messages on iOS 26"),
    "https://hi-news.com/how-i-got-rid-of-spam-and-ads-in-messages-on-iphone/" },
  { N_("Digital Trends: filtering unknown senders on iOS 17 and earlier"),
    "https://www.digitaltrends.com/mobile/how-to-filter-unknown-senders-ios/" },
  { N_("Green Hat Expert: unblocking X’s number on iPhone and Android"),
    "https://www.greenhatexpert.com/twitter-2fa-not-working/" },
  { N_("Google Messages Help: spam and blocked messages"),
    "https://support.google.com/messages/answer/9061432" },
  { N_("Inquirer Technology: Samsung Messages gives way to Google Messages by July 2026"),
    "https://technology.inquirer.net/145962/google-messages-to-replace-samsung-messages" },
  { N_("Twitter Help, archived 2018: STOP and START by text message"),
    "https://web.archive.org/web/20180918080347/https://help.twitter.com/en/using-twitter/help-with-twitter-sms" },
  { N_("X Help: issues with two-factor authentication"),
    "https://help.x.com/en/managing-your-account/issues-with-login-authentication" },
  { N_("Cocoon Help: carriers that block short codes"),
    "https://support.cocoon.com/article/60-i-didnt-receive-an-sms-verification-code" },
  { N_("Google API documentation: short codes work only in their own region"),
    "https://pub.dev/documentation/googleapis/latest/merchantapi_accounts_v1/ShortCode-class.html" },
  { N_("Business Insider: “You have hit the limit for SMS codes” (2022)"),
    "https://www.businessinsider.com/elon-musk-twitter-users-two-factor-authentication-locked-out-accounts-2022-11" },
};

static const RescueSource signed_in_sources[] = {
  { N_("X Help: two-factor authentication"),
    "https://help.x.com/en/managing-your-account/two-factor-authentication" },
  { N_("X Help: issues with two-factor authentication"),
    "https://help.x.com/en/managing-your-account/issues-with-login-authentication" },
  { N_("Digital Trends: changing X’s two-factor method"),
    "https://www.digitaltrends.com/social-media/how-to-change-your-twitter-two-factor-authentication-method/" },
  { N_("Begamob: X asks for your password or an emailed code first"),
    "https://authenticator-app.begamob.com/guides/x-com/" },
  { N_("Twitter Help, archived 2019: backup codes"),
    "https://web.archive.org/web/20191231230125/https://help.twitter.com/managing-your-account/two-factor-authentication" },
  { N_("Physics Magic: where X shows your backup code"),
    "https://physicsmagic.com/backup_authentication/" },
  { N_("Neowin: text message codes only for subscribers (2023)"),
    "https://www.neowin.net/news/non-twitter-blue-subscribers-have-one-month-left-to-use-sms-as-2fa-on-twitter/" },
};

static const RescueSource support_sources[] = {
  { N_("X Help: issues with two-factor authentication"),
    "https://help.x.com/en/managing-your-account/issues-with-login-authentication" },
  { N_("X Help Center: the account access form"),
    "https://help.x.com/en/forms/account-access/regain-access" },
  { N_("Twitter Help, archived 2019: backup codes"),
    "https://web.archive.org/web/20191231230125/https://help.twitter.com/managing-your-account/two-factor-authentication" },
  { N_("Green Hat Expert: contacting X support about two-factor codes"),
    "https://www.greenhatexpert.com/twitter-2fa-not-working/" },
};

static const RescueSource identify_sources[] = {
  { N_("CyberMaterial: text message codes still only for Premium (2025)"),
    "https://cybermaterial.com/x-warns-users-to-re-enroll-keys-soon" },
  { N_("Begamob: X asks for your password or an emailed code first"),
    "https://authenticator-app.begamob.com/guides/x-com/" },
  { N_("X Help Center: the forgot-password form"),
    "https://help.x.com/en/forms/account-access/regain-access/forgot-password" },
  { N_("Lamidix: locked and limited X accounts"),
    "https://lamidix.com/how-to/easy-ways-to-unlock-or-unsuspend-your-twitter-account-80238" },
  { N_("Tom’s Guide: security keys and passkeys to re-enrol by 10 November 2025"),
    "https://www.tomsguide.com/computing/online-security/x-will-lock-you-out-of-your-account-if-you-dont-take-this-security-step-heres-what-to-do" },
};

static const RescueSource reset_code_sources[] = {
  { N_("X Help Center: the forgot-password form"),
    "https://help.x.com/en/forms/account-access/regain-access/forgot-password" },
};

static const RescueSource locked_sources[] = {
  { N_("Lamidix: locked and limited X accounts"),
    "https://lamidix.com/how-to/easy-ways-to-unlock-or-unsuspend-your-twitter-account-80238" },
  { N_("Hoeijmakers: locked out by X, a first-hand account (2025)"),
    "https://hoeijmakers.net/locked-out-by-x/" },
  { N_("X Help Center: the account access form"),
    "https://help.x.com/en/forms/account-access/regain-access" },
};

static const RescueSource security_key_sources[] = {
  { N_("Tom’s Guide: security keys and passkeys to re-enrol by 10 November 2025"),
    "https://www.tomsguide.com/computing/online-security/x-will-lock-you-out-of-your-account-if-you-dont-take-this-security-step-heres-what-to-do" },
  { N_("TechInvestorNews: X’s Safety account on re-enrolling security keys (2025)"),
    "https://techinvestornews.io/2025/10/27/x-warns-users-with-security-keys-to-re-enroll-before-november-10-to-avoid-lockouts" },
  { N_("X Help: how to use a passkey"),
    "https://help.x.com/en/managing-your-account/how-to-use-passkey" },
};

/**
 * rescue_sources_get_for_step:
 * @n_sources: (out): how many there are; 0 for a step without sources
 *
 * Returns: (array length=n_sources) (transfer none) (nullable): the sources
 *   of the page for @step, in the order the page uses them
 */
const RescueSource *
rescue_sources_get_for_step (RescueStep  step,
                             guint      *n_sources)
{
  g_return_val_if_fail (n_sources != NULL, NULL);

#define RETURN_SOURCES(list) \
  G_STMT_START { *n_sources = G_N_ELEMENTS (list); return list; } G_STMT_END

  switch (step)
    {
    case RESCUE_STEP_UNBLOCK:
      RETURN_SOURCES (unblock_sources);
    case RESCUE_STEP_SIGNED_IN:
      RETURN_SOURCES (signed_in_sources);
    case RESCUE_STEP_SUPPORT:
      RETURN_SOURCES (support_sources);
    case RESCUE_STEP_IDENTIFY:
      RETURN_SOURCES (identify_sources);
    case RESCUE_STEP_RESET_CODE:
      RETURN_SOURCES (reset_code_sources);
    case RESCUE_STEP_LOCKED:
      RETURN_SOURCES (locked_sources);
    case RESCUE_STEP_WAIT:
      /* The one source for the hour's lock is a copy of X's help in
       * Arabic whose address the facts do not give (§7.1): left out, not
       * guessed; the page can say so */
      *n_sources = 0;
      return NULL;
    case RESCUE_STEP_SECURITY_KEY:
      RETURN_SOURCES (security_key_sources);
    case RESCUE_STEP_WELCOME:
    case RESCUE_STEP_RESOLVED:
    case RESCUE_STEP_WAITING_FOR_SUPPORT:
    default:
      *n_sources = 0;
      return NULL;
    }
#undef RETURN_SOURCES
}

/**
 * rescue_sources_get_last_checked:
 * The day the project last checked every source against its page: a fixed
 * date, not the build's or today's.
 *
 * Returns: (transfer full): that day, at midnight UTC
 */
GDateTime *
rescue_sources_get_last_checked (void)
{
  return g_date_time_new_utc (LAST_CHECKED_YEAR, LAST_CHECKED_MONTH, LAST_CHECKED_DAY, 0, 0, 0);
}

/**
 * rescue_format_date:
 * A day as ISO 8601 writes it, "2026-12-06". The locale's own short form
 * (%x, "12/06/26") reads as 12 June in much of the world and as 6 December
 * in the US, and the support message is read by someone in another
 * country; a month written out would need the month's name translated in
 * every language and still reads differently from country to country.
 * Year, month, day, with four digits for the year, is read one way only.
 */
char *
rescue_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_date_time_format (date, "%Y-%m-%d");
}
