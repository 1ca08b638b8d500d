/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-net.h"

/* ---- A network monitor whose answer the test decides ------------------ */

/* The default monitor may say "offline" in a container without a route,
 * and a test of the offline case must not depend on the machine it runs
 * on: the tests hand this one to the code under test instead. */

#define FAKE_TYPE_MONITOR (fake_monitor_get_type ())
G_DECLARE_FINAL_TYPE (FakeMonitor, fake_monitor, FAKE, MONITOR, GObject)

struct _FakeMonitor
{
  GObject  parent_instance;
  gboolean available;
};

enum { MON_PROP_0, MON_PROP_AVAILABLE, MON_PROP_METERED, MON_PROP_CONNECTIVITY };

static gboolean
fake_monitor_can_reach (GNetworkMonitor     *monitor,
                        GSocketConnectable  *connectable,
                        GCancellable        *cancellable,
                        GError             **error)
{
  if (FAKE_MONITOR (monitor)->available)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "offline");
  return FALSE;
}

static void
fake_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = fake_monitor_can_reach;
}

/* GNetworkMonitor requires GInitable; there is nothing to set up */
static gboolean
fake_monitor_init_initable (GInitable     *initable,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return TRUE;
}

static void
fake_initable_iface_init (GInitableIface *iface)
{
  iface->init = fake_monitor_init_initable;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FakeMonitor, fake_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, fake_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, fake_monitor_iface_init))

static void
fake_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FakeMonitor *self = FAKE_MONITOR (object);

  switch (prop_id)
    {
    case MON_PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case MON_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case MON_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fake_monitor_class_init (FakeMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fake_monitor_get_property;
  g_object_class_override_property (object_class, MON_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MON_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MON_PROP_CONNECTIVITY, "connectivity");
}

static void
fake_monitor_init (FakeMonitor *self)
{
}

/* @available: what "network-available" says, which is what the support
 * request looks at; can_reach() and "connectivity" agree with it so that
 * no other way of asking sees a different answer */
GNetworkMonitor *
test_net_fake_monitor_new (gboolean available)
{
  FakeMonitor *monitor = g_object_new (FAKE_TYPE_MONITOR, NULL);

  monitor->available = available;
  return G_NETWORK_MONITOR (monitor);
}

/* ---- Ports and servers on 127.0.0.1 ------------------------------------ */

/* A port nothing listens on: one the system just gave out and took back,
 * so a connection there is refused at once and nothing leaves the machine */
guint16
test_net_closed_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);

  return port;
}

/* A plain HTTP server with @callback for every path, on 127.0.0.1 only
 * (IPv4, so that the address in URLs built from the port is the one it
 * listens on). @port: 0 for any free one, or a given one to come back on a
 * port a test stopped a server on. @base_uri (may be NULL): the server's
 * URI, http://127.0.0.1:PORT/, to be unreffed. */
SoupServer *
test_net_server_new (SoupServerCallback   callback,
                     gpointer             user_data,
                     guint                port,
                     GUri               **base_uri)
{
  g_autoptr(GError) error = NULL;
  SoupServer *server = soup_server_new (NULL, NULL);
  GSList *uris;

  soup_server_add_handler (server, NULL, callback, user_data, NULL);
  soup_server_listen_local (server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  if (base_uri != NULL)
    *base_uri = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

static void
paused_finished_cb (SoupServerMessage *msg)
{
  g_object_set_data (G_OBJECT (msg), "test-net-finished", GINT_TO_POINTER (TRUE));
}

/* Holds @msg unanswered, in @paused (which frees with g_object_unref),
 * until test_net_unpause_all(): a request that must time out */
void
test_net_pause (GPtrArray         *paused,
                SoupServerMessage *msg)
{
  soup_server_message_pause (msg);
  g_signal_connect (msg, "finished", G_CALLBACK (paused_finished_cb), NULL);
  /* A client in another thread may hang up at any moment, and a message
   * whose connection is gone cannot be unpaused either */
  g_signal_connect (msg, "disconnected", G_CALLBACK (paused_finished_cb), NULL);
  g_ptr_array_add (paused, g_object_ref (msg));
}

/* Lets every paused request go. A request whose client already gave up
 * (a timeout, a cancel) is finished, and unpausing it would be a
 * CRITICAL: how many are depends on how fast the machine was */
void
test_net_unpause_all (GPtrArray *paused)
{
  for (guint i = 0; i < paused->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (paused, i);

      if (g_object_get_data (G_OBJECT (msg), "test-net-finished") == NULL)
        soup_server_message_unpause (msg);
    }
  g_ptr_array_set_size (paused, 0);
}
