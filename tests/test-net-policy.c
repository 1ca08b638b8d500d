/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-net-policy"

#include "config.h"

#include <locale.h>

#include "rescue-net-policy.h"

/* The one set of rules every request follows: where a request may start,
 * and where a redirect may take it */

static GUri *
parse (const char *uri)
{
  GUri *parsed = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL);

  g_assert_nonnull (parsed);
  return parsed;
}

static void
test_start (void)
{
  static const struct { const char *uri; gboolean allowed; } cases[] = {
    { "https://help.x.com/forms", TRUE },
    { "https://help.twitter.com/forms", TRUE },
    { "https://x.com/settings/account/login_verification", TRUE },
    { "http://127.0.0.1:8080/form", TRUE },
    { "http://localhost:9/form", TRUE },
    /* the status page is gone, and so is its host */
    { "https://api.twitterstat.us/api/v2/status.json", FALSE },
    { "http://help.x.com/forms", FALSE },
    { "https://help.example.net/forms", FALSE },
    { "https://evilx.com/", FALSE },
    { "https://help.x.com:8443/", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) uri = parse (cases[i].uri);

      g_test_message ("%s", cases[i].uri);
      g_assert_cmpint (rescue_net_policy_allows (uri), ==, cases[i].allowed);
    }
}

static void
test_redirect (void)
{
  static const struct { const char *start; const char *target; gboolean allowed; } cases[] = {
    { "https://help.twitter.com/f", "https://help.x.com/f", TRUE },
    { "https://help.x.com/f", "https://x.com/g?a=b", TRUE },
    { "http://127.0.0.1:8080/form", "http://127.0.0.1:8080/new-form", TRUE },
    { "http://localhost/form", "http://LOCALHOST:80/other", TRUE },
    /* The reproduced fault: another port is another service */
    { "http://127.0.0.1:8080/form", "http://localhost:9090/internal-admin", FALSE },
    { "http://127.0.0.1:8080/form", "http://127.0.0.1:9090/internal-admin", FALSE },
    { "http://127.0.0.1:8080/form", "http://127.0.0.2:8080/form", FALSE },
    { "http://127.0.0.1:8080/form", "http://localhost:8080/form", FALSE },
    /* never from https to http, not even on this machine */
    { "https://127.0.0.1:8443/form", "http://127.0.0.1:8443/form", FALSE },
    /* never from X to this machine */
    { "https://help.x.com/f", "https://127.0.0.1/f", FALSE },
    { "https://help.x.com/f", "https://localhost/f", FALSE },
    /* never from this machine out to X, or anywhere */
    { "http://127.0.0.1:8080/form", "https://help.x.com/f", FALSE },
    { "https://help.x.com/f", "http://help.x.com/f", FALSE },
    { "https://help.x.com/f", "https://example.org/f", FALSE },
    { "https://help.x.com/f", "https://x.com@evil.example.net/", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) start = parse (cases[i].start);
      g_autoptr(GUri) target = parse (cases[i].target);

      g_test_message ("%s → %s", cases[i].start, cases[i].target);
      g_assert_cmpint (rescue_net_policy_allows_redirect (start, target),
                       ==, cases[i].allowed);
    }
}

static void
test_next_hop (void)
{
  g_autoptr(GUri) start = parse ("http://127.0.0.1:8080/form");
  g_autoptr(SoupMessage) msg = rescue_net_policy_new_message (start);
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) next = NULL;
  guint hops = 0;

  g_assert_true (soup_message_get_flags (msg) & SOUP_MESSAGE_NO_REDIRECT);

  next = rescue_net_policy_next_hop (start, msg, &hops, 1, &error);
  g_assert_error (error, RESCUE_NET_POLICY_ERROR, RESCUE_NET_POLICY_ERROR_NO_LOCATION);
  g_assert_null (next);
  g_clear_error (&error);

  soup_message_headers_replace (headers, "Location", "/next");
  next = rescue_net_policy_next_hop (start, msg, &hops, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_path (next), ==, "/next");
  g_assert_cmpuint (hops, ==, 1);
  g_clear_pointer (&next, g_uri_unref);

  next = rescue_net_policy_next_hop (start, msg, &hops, 1, &error);
  g_assert_error (error, RESCUE_NET_POLICY_ERROR, RESCUE_NET_POLICY_ERROR_TOO_MANY_REDIRECTS);
  g_clear_error (&error);

  hops = 0;
  soup_message_headers_replace (headers, "Location", "http://localhost:9090/internal-admin");
  next = rescue_net_policy_next_hop (start, msg, &hops, 1, &error);
  g_assert_error (error, RESCUE_NET_POLICY_ERROR, RESCUE_NET_POLICY_ERROR_REFUSED);
  g_assert_null (next);
  g_assert_cmpuint (hops, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net-policy/start", test_start);
  g_test_add_func ("/net-policy/redirect", test_redirect);
  g_test_add_func ("/net-policy/next-hop", test_next_hop);

  return g_test_run ();
}
