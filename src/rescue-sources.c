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

#define LAST_CHECKED_YEAR  2026
#define LAST_CHECKED_MONTH 12
#define LAST_CHECKED_DAY   2

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

/**
 * rescue_sources_get:
 * @n_sources: (out): how many there are
 *
 * Returns: (array length=n_sources) (transfer none): the sources of the
 *   page for @fix, in the order the page uses them
 */
const RescueSource *
rescue_sources_get (RescueFix  fix,
                    guint     *n_sources)
{
  g_return_val_if_fail (n_sources != NULL, NULL);

  switch (fix)
    {
    case RESCUE_FIX_UNBLOCK:
      *n_sources = G_N_ELEMENTS (unblock_sources);
      return unblock_sources;
    case RESCUE_FIX_SIGNED_IN:
      *n_sources = G_N_ELEMENTS (signed_in_sources);
      return signed_in_sources;
    case RESCUE_FIX_SUPPORT:
      *n_sources = G_N_ELEMENTS (support_sources);
      return support_sources;
    default:
      *n_sources = 0;
      g_return_val_if_reached (NULL);
    }
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
 * A day as the person's locale (LC_TIME) writes dates, without the time.
 */
char *
rescue_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_date_time_format (date, "%x");
}
