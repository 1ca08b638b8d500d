/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-responsiveness"

#include "config.h"

#include <string.h>

#include "rescue-support-request.h"
#include "test-net.h"

/*
 * Does the window stay responsive while the support form is being checked?
 * A 10 ms timer runs in the main loop while the check runs, again and
 * again, against a server on 127.0.0.1 that answers slowly, with redirects;
 * how late the timer fires is how long the main loop was blocked. The check
 * runs in a thread of its own and reads no body (a flood of answers is the
 * fault matrix's business). Target: never more than 50 ms late. A report,
 * never a failure.
 */

#define TICK_MS         10
#define TARGET_MS       50
#define ROUNDS          5
#define SLOW_MS         300

typedef struct
{
  GArray  *late_us;     /* gint64, one per tick while work is in flight */
  gint64   last_tick;
  gboolean measuring;
} Ticker;

static Ticker ticker;

static gboolean
tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (ticker.measuring && ticker.last_tick > 0)
    {
      gint64 late = now - ticker.last_tick - TICK_MS * 1000;

      late = MAX (late, 0);
      g_array_append_val (ticker.late_us, late);
    }
  ticker.last_tick = now;

  return G_SOURCE_CONTINUE;
}

/* ---- A server that takes its time -------------------------------------- */

static gboolean
unpause_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

/* Answer after a pause, as a slow server would */
static void
answer_slowly (SoupServerMessage *msg)
{
  soup_server_message_pause (msg);
  g_timeout_add_full (G_PRIORITY_DEFAULT, SLOW_MS, unpause_cb, g_object_ref (msg), g_object_unref);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  if (g_str_has_prefix (path, "/form/hop"))
    {
      /* A few slow redirects, as help.twitter.com → help.x.com, then the form */
      guint hop = (guint) g_ascii_strtoull (path + strlen ("/form/hop"), NULL, 10);
      g_autofree char *next = g_strdup_printf ("/form/hop%u", hop + 1);

      if (hop < 3)
        soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, next);
      else
        {
          soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
          soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                            "<p>form</p>", strlen ("<p>form</p>"));
        }
      answer_slowly (msg);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

/* ---- One round: the check, against a slow server ---------------------- */

static void
check_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!rescue_support_request_check_finish (RESCUE_SUPPORT_REQUEST (source), result,
                                            NULL, &uri, &error))
    g_printerr ("The form check failed: %s\n", error->message);
  *done = TRUE;
}

static void
run_rounds (SoupSession *session,
            const char  *form_url,
            const char  *fallback_url)
{
  g_autoptr(RescueSupportRequest) request = rescue_support_request_new (form_url, fallback_url);
  g_autoptr(GNetworkMonitor) monitor = test_net_fake_monitor_new (TRUE);

  /* The default monitor may say "offline" in a container without a route;
   * the server is on this machine either way */
  rescue_support_request_set_network_monitor (request, monitor);

  for (guint i = 0; i < ROUNDS; i++)
    {
      gboolean done = FALSE;

      ticker.measuring = TRUE;
      rescue_support_request_check_async (request, "Jack_Rescue", "jack@example.org",
                                          NULL, check_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      ticker.measuring = FALSE;
    }
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gint64
report (const char *name)
{
  g_autoptr(GArray) sorted = g_array_copy (ticker.late_us);
  gint64 worst, median, p99;

  g_array_sort (sorted, compare_gint64);
  worst = g_array_index (sorted, gint64, sorted->len - 1);
  median = g_array_index (sorted, gint64, sorted->len / 2);
  p99 = g_array_index (sorted, gint64, (sorted->len * 99) / 100);

  g_print ("%-44s %6u ticks  median %5.1f ms  p99 %5.1f ms  worst %6.1f ms late\n",
           name, sorted->len, median / 1000.0, p99 / 1000.0, worst / 1000.0);
  g_array_set_size (ticker.late_us, 0);

  return worst;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GUri) base_uri = NULL;
  g_autofree char *base = NULL;
  g_autofree char *form = NULL;
  g_autofree char *fallback = NULL;
  gint64 worst;
  guint tick;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  ticker.late_us = g_array_new (FALSE, FALSE, sizeof (gint64));

  server = test_net_server_new (server_cb, NULL, 0, &base_uri);
  base = g_uri_to_string_partial (base_uri, G_URI_HIDE_PASSWORD);
  /* base ends with "/" */
  form = g_strconcat (base, "form/hop0", NULL);
  fallback = g_strconcat (base, "form/hop3", NULL);

  g_print ("A %d ms timer while the support form is checked "
           "%d times against a slow server on 127.0.0.1\n", TICK_MS, ROUNDS);

  tick = g_timeout_add (TICK_MS, tick_cb, NULL);

  run_rounds (session, form, fallback);
  worst = report ("slow answers (300 ms each, 3 redirects)");

  g_source_remove (tick);

  g_print ("\nWorst lateness %.1f ms (target <= %d ms): %s\n",
           worst / 1000.0, TARGET_MS, worst <= TARGET_MS * 1000 ? "met" : "MISSED");

  soup_session_abort (session);
  soup_server_disconnect (server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_array_unref (ticker.late_us);

  return 0;
}
