/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-net-policy"

#include "config.h"

#include <string.h>

#include "rescue-net-policy.h"

/*
 * Every request Code Rescue makes goes through here, so that one set of
 * rules decides where it may go:
 *
 * - https only, on X's hosts (x.com, twitter.com and their subdomains);
 *   plain http only when the configured start address itself is on this
 *   machine (tests, or an administrator's choice);
 * - redirects are followed by hand, one checked hop at a time: a hop keeps
 *   the start address's scheme (so never https to http); from X's hosts it
 *   stays on X's hosts (so never to this machine); from this machine it
 *   stays on the very same host and port, since another port is another
 *   service (a local admin page must never get the person's details).
 */

G_DEFINE_QUARK (rescue-net-policy-error-quark, rescue_net_policy_error)

static const char * const x_domains[] = { "x.com", "twitter.com", NULL };

/* This machine: the one place plain http is allowed, so tests can serve
 * X's pages from 127.0.0.1 */
static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
host_in_domains (const char         *host,
                 const char * const *domains)
{
  g_autofree char *lower = g_ascii_strdown (host, -1);
  gsize len = strlen (lower);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
        return FALSE;
    }

  for (guint i = 0; domains[i] != NULL; i++)
    {
      gsize dlen = strlen (domains[i]);

      if (strcmp (lower, domains[i]) == 0)
        return TRUE;
      /* A subdomain: "<label>.x.com" with no empty label before it;
       * this is what refuses evilx.com */
      if (len > dlen + 1 &&
          strcmp (lower + len - dlen, domains[i]) == 0 &&
          lower[len - dlen - 1] == '.' &&
          lower[0] != '.' &&
          strstr (lower, "..") == NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
scheme_is (GUri       *uri,
           const char *scheme)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), scheme) == 0;
}

static int
effective_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port != -1)
    return port;
  return scheme_is (uri, "https") ? 443 : 80;
}

/**
 * rescue_net_policy_allows:
 * Whether a request may start at @uri: https on X's hosts (default
 * port), or http or https on this machine.
 */
gboolean
rescue_net_policy_allows (GUri *uri)
{
  const char *host;

  g_return_val_if_fail (uri != NULL, FALSE);

  host = g_uri_get_host (uri);

  /* Credentials in a link are only ever a trick to hide the real host */
  if (g_uri_get_userinfo (uri) != NULL)
    return FALSE;
  if (host == NULL || host[0] == '\0')
    return FALSE;

  if (host_is_loopback (host))
    return scheme_is (uri, "https") || scheme_is (uri, "http");

  return scheme_is (uri, "https") &&
         effective_port (uri) == 443 &&
         host_in_domains (host, x_domains);
}

/**
 * rescue_net_policy_allows_redirect:
 * @start: the address the request started at, already allowed
 * @target: where a redirect points
 */
gboolean
rescue_net_policy_allows_redirect (GUri          *start,
                                   GUri          *target)
{
  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if (!rescue_net_policy_allows (start) ||
      !rescue_net_policy_allows (target))
    return FALSE;

  if (g_ascii_strcasecmp (g_uri_get_scheme (start), g_uri_get_scheme (target)) != 0)
    return FALSE;

  if (host_is_loopback (g_uri_get_host (start)))
    return g_ascii_strcasecmp (g_uri_get_host (start), g_uri_get_host (target)) == 0 &&
           effective_port (start) == effective_port (target);

  return !host_is_loopback (g_uri_get_host (target));
}

gboolean
rescue_net_policy_is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 ||
         status == 307 || status == 308;
}

/**
 * rescue_net_policy_new_message:
 * Returns: (transfer full): a GET for @uri that libsoup will not redirect
 *   by itself: every hop goes through rescue_net_policy_next_hop()
 */
SoupMessage *
rescue_net_policy_new_message (GUri *uri)
{
  SoupMessage *msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);

  soup_message_set_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  return msg;
}

/**
 * rescue_net_policy_next_hop:
 * @start: where the request started
 * @msg: the answered message, with a redirect status
 * @hops: (inout): redirects followed so far
 * @max_hops: how many redirects the caller follows
 *
 * Returns: (transfer full) (nullable): where to go next, checked, or %NULL
 *   with @error
 */
GUri *
rescue_net_policy_next_hop (GUri           *start,
                            SoupMessage    *msg,
                            guint          *hops,
                            guint           max_hops,
                            GError        **error)
{
  const char *location;
  g_autoptr(GUri) target = NULL;

  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (SOUP_IS_MESSAGE (msg), NULL);
  g_return_val_if_fail (hops != NULL, NULL);

  location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  if (location == NULL)
    {
      g_set_error_literal (error, RESCUE_NET_POLICY_ERROR, RESCUE_NET_POLICY_ERROR_NO_LOCATION,
                           "A redirect without a Location");
      return NULL;
    }

  target = g_uri_parse_relative (soup_message_get_uri (msg), location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL || !rescue_net_policy_allows_redirect (start, target))
    {
      g_autofree char *quoted = g_utf8_make_valid (location, -1);

      g_set_error (error, RESCUE_NET_POLICY_ERROR, RESCUE_NET_POLICY_ERROR_REFUSED,
                   "A redirect to a refused address “%s”", quoted);
      return NULL;
    }

  if (++*hops > max_hops)
    {
      g_set_error_literal (error, RESCUE_NET_POLICY_ERROR, RESCUE_NET_POLICY_ERROR_TOO_MANY_REDIRECTS,
                           "Too many redirects");
      return NULL;
    }

  return g_steal_pointer (&target);
}
