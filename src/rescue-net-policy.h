/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define RESCUE_NET_POLICY_ERROR (rescue_net_policy_error_quark ())

/**
 * RescueNetPolicyError:
 * @RESCUE_NET_POLICY_ERROR_REFUSED: the address is not one the policy allows
 * @RESCUE_NET_POLICY_ERROR_NO_LOCATION: a redirect without a Location
 * @RESCUE_NET_POLICY_ERROR_TOO_MANY_REDIRECTS: over the caller's limit
 */
typedef enum
{
  RESCUE_NET_POLICY_ERROR_REFUSED,
  RESCUE_NET_POLICY_ERROR_NO_LOCATION,
  RESCUE_NET_POLICY_ERROR_TOO_MANY_REDIRECTS,
} RescueNetPolicyError;

GQuark       rescue_net_policy_error_quark     (void);

gboolean     rescue_net_policy_allows          (GUri           *uri);
gboolean     rescue_net_policy_allows_redirect (GUri           *start,
                                                GUri           *target);
gboolean     rescue_net_policy_is_redirect     (guint           status);
SoupMessage *rescue_net_policy_new_message     (GUri           *uri);
GUri        *rescue_net_policy_next_hop        (GUri           *start,
                                                SoupMessage    *msg,
                                                guint          *hops,
                                                guint           max_hops,
                                                GError        **error);

G_END_DECLS
