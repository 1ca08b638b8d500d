/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-uri"

#include "config.h"

#include <gio/gio.h>

#include "rescue-uri.h"

/**
 * rescue_uri_host_is_loopback:
 * Whether @host is this machine: the one place plain http is allowed, so
 * tests can serve X's pages from 127.0.0.1.
 */
gboolean
rescue_uri_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}
