/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* What the network tests share: every one of them stays on 127.0.0.1, so
 * nothing they do can reach, or depend on, another machine. */

GNetworkMonitor *test_net_fake_monitor_new (gboolean            available);

guint16          test_net_closed_port      (void);

SoupServer      *test_net_server_new       (SoupServerCallback  callback,
                                            gpointer            user_data,
                                            guint               port,
                                            GUri              **base_uri);

void             test_net_pause            (GPtrArray          *paused,
                                            SoupServerMessage  *msg);
void             test_net_unpause_all      (GPtrArray          *paused);

G_END_DECLS
