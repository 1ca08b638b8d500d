/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rescue-enums.h"
#include "rescue-service-status.h"
#include "test-net.h"

#define UPDATED_AT_TEXT "2025-10-25T18:01:12Z"
#define UPDATED_AT      G_GINT64_CONSTANT (1761415272)
#define HUGE_SIZE       (10 * 1024 * 1024)
#define CHUNK_SIZE      (64 * 1024)
/* Produced on demand; far more than any socket buffers could swallow, so
 * a client that stops early is seen to stop early */
#define ENDLESS_SIZE    (64 * 1024 * 1024)

typedef struct
{
  SoupServer        *server;
  SoupSession       *session;
  GUri              *base;

  guint              n_requests;
  GPtrArray         *paused;        /* requests the test answers later */
  guint              n_paused_finished;

  gsize              chunked_written;
  gboolean           chunked_finished;
} Fixture;

static char *
status_json (const char *indicator,
             const char *description)
{
  return g_strdup_printf ("{\"page\":{\"id\":\"kctbh9vrtdwd\",\"name\":\"X\","
                          "\"url\":\"https://status.example\",\"time_zone\":\"Etc/UTC\","
                          "\"updated_at\":\"" UPDATED_AT_TEXT "\"},"
                          "\"status\":{\"indicator\":\"%s\",\"description\":\"%s\"}}",
                          indicator, description);
}

/* A valid status that is simply too big: if it were read to the end, it
 * would parse */
static char *
huge_json (void)
{
  const char *head = "{\"status\":{\"indicator\":\"major\",\"description\":\"Huge\"},\"pad\":\"";
  char *data = g_malloc (HUGE_SIZE + 1);
  gsize head_length = strlen (head);

  memcpy (data, head, head_length);
  memset (data + head_length, 'x', HUGE_SIZE - head_length - 2);
  memcpy (data + HUGE_SIZE - 2, "\"}", 2);
  data[HUGE_SIZE] = '\0';
  return data;
}

static void
set_json (SoupServerMessage *msg,
          guint              status,
          const char        *content_type,
          const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                    body, strlen (body));
}

static void
paused_finished_cb (SoupServerMessage *msg,
                    Fixture           *fixture)
{
  fixture->n_paused_finished++;
}

static void
write_next_chunk_cb (SoupServerMessage *msg,
                     Fixture           *fixture)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autofree char *chunk = NULL;

  if (fixture->chunked_written == 0)
    {
      g_autofree char *full = huge_json ();

      /* the head, then padding, then the tail, as the client reads on */
      chunk = g_strndup (full, CHUNK_SIZE);
    }
  else if (fixture->chunked_written + CHUNK_SIZE < ENDLESS_SIZE)
    chunk = g_strnfill (CHUNK_SIZE, 'x');
  else if (fixture->chunked_written < ENDLESS_SIZE)
    {
      gsize rest = ENDLESS_SIZE - fixture->chunked_written;

      chunk = g_strnfill (rest, 'x');
      memcpy (chunk + rest - 2, "\"}", 2);
    }
  else
    {
      soup_message_body_complete (body);
      return;
    }

  fixture->chunked_written += strlen (chunk);
  soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, strlen (chunk));
}

static void
chunked_finished_cb (SoupServerMessage *msg,
                     Fixture           *fixture)
{
  fixture->chunked_finished = TRUE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  static const char *indicators[] = { "none", "minor", "major", "critical", "maintenance" };

  fixture->n_requests++;

  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    if (g_str_has_prefix (path, "/") && g_strcmp0 (path + 1, indicators[i]) == 0)
      {
        g_autofree char *description = g_strdup_printf ("Said with %s words", indicators[i]);
        g_autofree char *body = status_json (indicators[i], description);

        set_json (msg, SOUP_STATUS_OK, "application/json", body);
        return;
      }

  if (g_str_equal (path, "/bad-json"))
    set_json (msg, SOUP_STATUS_OK, "application/json", "{\"status\": {\"indicator\": \"none\",");
  else if (g_str_equal (path, "/html"))
    set_json (msg, SOUP_STATUS_OK, "text/html",
              "<!DOCTYPE html><html><head><title>X Status</title></head>"
              "<body>This page is inactive.</body></html>");
  else if (g_str_equal (path, "/500"))
    {
      /* A valid body on an error status must still not count */
      g_autofree char *body = status_json ("none", "All Systems Operational");
      set_json (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "application/json", body);
    }
  else if (g_str_equal (path, "/404"))
    set_json (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "gone");
  else if (g_str_equal (path, "/redirect"))
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/minor");
    }
  else if (g_str_equal (path, "/redirect-http"))
    /* never followed: refused before any connection */
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "http://status.example.net/api/v2/status.json");
  else if (g_str_equal (path, "/redirect-loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/redirect-loop");
  else if (g_str_equal (path, "/no-status"))
    set_json (msg, SOUP_STATUS_OK, "application/json",
              "{\"page\":{\"updated_at\":\"" UPDATED_AT_TEXT "\"}}");
  else if (g_str_equal (path, "/no-indicator"))
    set_json (msg, SOUP_STATUS_OK, "application/json",
              "{\"status\":{\"description\":\"All Systems Operational\"}}");
  else if (g_str_equal (path, "/indicator-number"))
    set_json (msg, SOUP_STATUS_OK, "application/json",
              "{\"status\":{\"indicator\":2,\"description\":\"Major\"}}");
  else if (g_str_equal (path, "/purple"))
    set_json (msg, SOUP_STATUS_OK, "application/json",
              "{\"status\":{\"indicator\":\"purple\",\"description\":\"Purple Alert\"}}");
  else if (g_str_equal (path, "/no-description"))
    set_json (msg, SOUP_STATUS_OK, "application/json",
              "{\"status\":{\"indicator\":\"major\"}}");
  else if (g_str_equal (path, "/description-number"))
    set_json (msg, SOUP_STATUS_OK, "application/json",
              "{\"status\":{\"indicator\":\"major\",\"description\":404}}");
  else if (g_str_equal (path, "/huge"))
    {
      g_autofree char *body = huge_json ();
      set_json (msg, SOUP_STATUS_OK, "application/json", body);
    }
  else if (g_str_equal (path, "/huge-chunked"))
    {
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      g_signal_connect (msg, "wrote-headers", G_CALLBACK (write_next_chunk_cb), fixture);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (write_next_chunk_cb), fixture);
      g_signal_connect (msg, "finished", G_CALLBACK (chunked_finished_cb), fixture);
    }
  else if (g_str_equal (path, "/paused"))
    {
      g_ptr_array_add (fixture->paused, g_object_ref (msg));
      g_signal_connect (msg, "finished", G_CALLBACK (paused_finished_cb), fixture);
      soup_server_message_pause (msg);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = test_net_server_new (server_cb, fixture, 0, &fixture->base);

  fixture->session = soup_session_new ();
  fixture->paused = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->paused, g_ptr_array_unref);

  soup_session_abort (fixture->session);
  g_clear_object (&fixture->session);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->base, g_uri_unref);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
url_for (Fixture    *fixture,
         const char *path)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (fixture->base, path, G_URI_FLAGS_NONE, NULL);

  return g_uri_to_string (uri);
}

static gboolean
watchdog_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates until *flag is set, with a generous safety net so a broken
 * implementation fails instead of hanging (not a timing assertion). It is
 * shorter than SoupServer's 60 s idle timeout, which would otherwise end a
 * paused request and hide a missing deadline. */
static void
iterate_until (const gboolean *flag)
{
  gboolean expired = FALSE;
  guint watchdog = g_timeout_add_seconds (30, watchdog_cb, &expired);

  while (!*flag && !expired)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (expired);
  g_source_remove (watchdog);
}

static void
wait_for_paused (Fixture *fixture,
                 guint    n)
{
  while (fixture->paused->len < n)
    g_main_context_iteration (NULL, TRUE);
}

/* Answers the @i-th paused request and waits until the server is done
 * with it (sent, or the client had gone) */
static void
answer_paused (Fixture    *fixture,
               guint       i,
               const char *body)
{
  SoupServerMessage *msg = g_ptr_array_index (fixture->paused, i);
  guint finished = fixture->n_paused_finished;

  set_json (msg, SOUP_STATUS_OK, "application/json", body);
  soup_server_message_unpause (msg);
  while (fixture->n_paused_finished == finished)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  gboolean done;
  guint    n_loading;
  gboolean loading_values[8];
  guint    n_indicator;
  guint    n_summary;
  guint    n_description;
  guint    n_updated_at;
} Observer;

static void
notify_cb (RescueServiceStatus *status,
           GParamSpec          *pspec,
           Observer            *observer)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "loading"))
    {
      gboolean loading = rescue_service_status_get_loading (status);

      if (observer->n_loading < G_N_ELEMENTS (observer->loading_values))
        observer->loading_values[observer->n_loading] = loading;
      observer->n_loading++;
      if (!loading)
        observer->done = TRUE;
    }
  else if (g_str_equal (name, "indicator"))
    observer->n_indicator++;
  else if (g_str_equal (name, "summary"))
    observer->n_summary++;
  else if (g_str_equal (name, "description"))
    observer->n_description++;
  else if (g_str_equal (name, "updated-at"))
    observer->n_updated_at++;
}

static RescueServiceStatus *
new_status (Fixture    *fixture,
            const char *path,
            Observer   *observer)
{
  g_autofree char *url = url_for (fixture, path);
  RescueServiceStatus *status = rescue_service_status_new (fixture->session, url);

  memset (observer, 0, sizeof *observer);
  g_signal_connect (status, "notify", G_CALLBACK (notify_cb), observer);
  return status;
}

/* Fetches @path and waits for the answer */
static RescueServiceStatus *
fetch (Fixture    *fixture,
       const char *path,
       Observer   *observer)
{
  RescueServiceStatus *status = new_status (fixture, path, observer);

  rescue_service_status_refresh (status);
  g_assert_true (rescue_service_status_get_loading (status));
  iterate_until (&observer->done);
  g_assert_false (rescue_service_status_get_loading (status));

  return status;
}

static void
assert_unreadable (RescueServiceStatus *status)
{
  g_autofree char *summary = rescue_service_status_dup_summary (status);

  g_assert_cmpint (rescue_service_status_get_indicator (status), ==, RESCUE_STATUS_UNKNOWN);
  g_assert_null (rescue_service_status_get_description (status));
  g_assert_cmpint (rescue_service_status_get_updated_at (status), ==, 0);
  g_assert_false (rescue_service_status_get_loading (status));
  /* Nothing to show: the welcome page has no status line then */
  g_assert_null (summary);
}

static void
test_indicators (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct {
    const char            *path;
    RescueStatusIndicator  indicator;
    const char            *words;
  } cases[] = {
    { "/none", RESCUE_STATUS_NONE, "not text messages" },
    { "/minor", RESCUE_STATUS_MINOR, "waiting may be the fix" },
    { "/major", RESCUE_STATUS_MAJOR, "waiting may be the fix" },
    { "/critical", RESCUE_STATUS_CRITICAL, "waiting may be the fix" },
    { "/maintenance", RESCUE_STATUS_MAINTENANCE, "maintenance" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Observer observer;
      g_autoptr(RescueServiceStatus) status = fetch (fixture, cases[i].path, &observer);
      g_autofree char *description = g_strdup_printf ("Said with %s words", cases[i].path + 1);
      g_autofree char *summary = rescue_service_status_dup_summary (status);
      g_autofree char *summary_property = NULL;
      RescueStatusIndicator indicator_property;

      g_test_message ("%s: %s", cases[i].path, summary);
      g_assert_cmpint (rescue_service_status_get_indicator (status), ==, cases[i].indicator);
      g_assert_cmpstr (rescue_service_status_get_description (status), ==, description);
      g_assert_cmpint (rescue_service_status_get_updated_at (status), ==, UPDATED_AT);
      g_assert_nonnull (strstr (summary, cases[i].words));

      if (cases[i].indicator == RESCUE_STATUS_NONE)
        /* "none" is never worded as if texts were fine: the page covers
         * X's developer services, not text messages */
        g_assert_cmpstr (summary, ==, "X’s status page reports no problems. It covers X’s developer services, not text messages, so it says nothing about your codes.");
      else
        g_assert_nonnull (strstr (summary, description));

      g_object_get (status, "indicator", &indicator_property, "summary", &summary_property, NULL);
      g_assert_cmpint (indicator_property, ==, cases[i].indicator);
      g_assert_cmpstr (summary_property, ==, summary);

      g_assert_cmpuint (observer.n_indicator, ==, 1);
      g_assert_cmpuint (observer.n_description, ==, 1);
      g_assert_cmpuint (observer.n_updated_at, ==, 1);
    }
}

static void
test_loading_notifications (Fixture       *fixture,
                            gconstpointer  data)
{
  Observer observer;
  g_autoptr(RescueServiceStatus) status = new_status (fixture, "/major", &observer);
  g_autofree char *before = rescue_service_status_dup_summary (status);
  g_autofree char *during = NULL;

  g_assert_false (rescue_service_status_get_loading (status));
  g_assert_cmpint (rescue_service_status_get_indicator (status), ==, RESCUE_STATUS_UNKNOWN);

  rescue_service_status_refresh (status);
  g_assert_cmpuint (observer.n_loading, ==, 1);
  g_assert_true (observer.loading_values[0]);
  during = rescue_service_status_dup_summary (status);
  /* Nothing is shown before an answer comes, nor while it is awaited */
  g_assert_null (before);
  g_assert_null (during);

  iterate_until (&observer.done);
  g_assert_cmpuint (observer.n_loading, ==, 2);
  g_assert_false (observer.loading_values[1]);
  g_assert_cmpuint (observer.n_indicator, ==, 1);
  /* nothing → X's problem */
  g_assert_cmpuint (observer.n_summary, ==, 1);

  /* The same answer again changes nothing but loading */
  memset (&observer, 0, sizeof observer);
  rescue_service_status_refresh (status);
  g_assert_cmpint (rescue_service_status_get_indicator (status), ==, RESCUE_STATUS_MAJOR);
  iterate_until (&observer.done);
  g_assert_cmpuint (observer.n_loading, ==, 2);
  g_assert_cmpuint (observer.n_indicator, ==, 0);
  g_assert_cmpuint (observer.n_description, ==, 0);
  g_assert_cmpuint (observer.n_updated_at, ==, 0);
  g_assert_cmpuint (observer.n_summary, ==, 0);
  g_assert_cmpuint (fixture->n_requests, ==, 2);
}

static void
check_unreadable (Fixture    *fixture,
                  const char *path)
{
  Observer observer;
  g_autoptr(RescueServiceStatus) status = NULL;

  g_test_message ("%s", path);
  status = fetch (fixture, path, &observer);
  assert_unreadable (status);
  g_assert_cmpuint (observer.n_loading, ==, 2);
  g_assert_cmpuint (observer.n_indicator, ==, 0);
}

static void
test_unreadable_answers (Fixture       *fixture,
                         gconstpointer  data)
{
  check_unreadable (fixture, "/bad-json");
  check_unreadable (fixture, "/html");
  check_unreadable (fixture, "/500");
  check_unreadable (fixture, "/404");
  check_unreadable (fixture, "/no-status");
  check_unreadable (fixture, "/no-indicator");
  check_unreadable (fixture, "/indicator-number");
  check_unreadable (fixture, "/purple");
  check_unreadable (fixture, "/description-number");
}

static void
test_failure_replaces_old_answer (Fixture       *fixture,
                                  gconstpointer  data)
{
  Observer observer;
  g_autoptr(RescueServiceStatus) status = fetch (fixture, "/critical", &observer);

  g_assert_cmpint (rescue_service_status_get_indicator (status), ==, RESCUE_STATUS_CRITICAL);

  /* A page that stops answering must not leave an old warning up */
  soup_server_disconnect (fixture->server);
  observer.done = FALSE;
  rescue_service_status_refresh (status);
  iterate_until (&observer.done);
  assert_unreadable (status);
}

static void
test_missing_description (Fixture       *fixture,
                          gconstpointer  data)
{
  Observer observer;
  g_autoptr(RescueServiceStatus) status = fetch (fixture, "/no-description", &observer);
  g_autofree char *summary = rescue_service_status_dup_summary (status);

  /* The indicator alone is worth showing, with our own words */
  g_assert_cmpint (rescue_service_status_get_indicator (status), ==, RESCUE_STATUS_MAJOR);
  g_assert_null (rescue_service_status_get_description (status));
  g_assert_cmpint (rescue_service_status_get_updated_at (status), ==, 0);
  g_assert_cmpstr (summary, ==, "X reports a problem with its service. If X’s text messages are failing, waiting may be the fix.");
}

static void
test_redirect (Fixture       *fixture,
               gconstpointer  data)
{
  Observer observer;
  g_autoptr(RescueServiceStatus) status = fetch (fixture, "/redirect", &observer);

  g_assert_cmpint (rescue_service_status_get_indicator (status), ==, RESCUE_STATUS_MINOR);
}

static void
test_redirect_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *paths[] = { "/redirect-http", "/redirect-loop" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      Observer observer;
      g_autoptr(RescueServiceStatus) status = fetch (fixture, paths[i], &observer);

      g_test_message ("%s", paths[i]);
      assert_unreadable (status);
    }
}

static void
test_slow_server (Fixture       *fixture,
                  gconstpointer  data)
{
  Observer observer;
  g_autoptr(RescueServiceStatus) status = new_status (fixture, "/paused", &observer);

  rescue_service_status_set_timeout (status, 1);
  rescue_service_status_refresh (status);
  iterate_until (&observer.done);

  g_assert_cmpuint (fixture->paused->len, ==, 1);
  assert_unreadable (status);
  g_assert_cmpuint (observer.n_loading, ==, 2);
}

static void
test_huge_body (Fixture       *fixture,
                gconstpointer  data)
{
  check_unreadable (fixture, "/huge");
}

static void
test_huge_chunked_body (Fixture       *fixture,
                        gconstpointer  data)
{
  check_unreadable (fixture, "/huge-chunked");

  /* The client hung up early instead of reading all of it */
  iterate_until (&fixture->chunked_finished);
  g_test_message ("the server wrote %" G_GSIZE_FORMAT " bytes", fixture->chunked_written);
  g_assert_cmpuint (fixture->chunked_written, <, ENDLESS_SIZE);
}

static void
test_closed_port (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *url = NULL;
  g_autoptr(RescueServiceStatus) status = NULL;
  Observer observer = { 0 };

  /* A port that was just in use and is now closed */
  url = g_strdup_printf ("http://127.0.0.1:%u/", test_net_closed_port ());

  status = rescue_service_status_new (fixture->session, url);
  g_signal_connect (status, "notify", G_CALLBACK (notify_cb), &observer);
  rescue_service_status_refresh (status);
  iterate_until (&observer.done);
  assert_unreadable (status);
}

static void
test_not_a_url (Fixture       *fixture,
                gconstpointer  data)
{
  /* plain http only on this machine: these are refused before any lookup */
  static const char *urls[] = { "", "not a url", "ftp://127.0.0.1/status.json", "http://", "http:///x",
                                "file:///etc/passwd", "http://status.example.net/api/v2/status.json" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(RescueServiceStatus) status = rescue_service_status_new (fixture->session, urls[i]);
      Observer observer = { 0 };

      g_test_message ("“%s”", urls[i]);
      g_signal_connect (status, "notify", G_CALLBACK (notify_cb), &observer);
      rescue_service_status_refresh (status);
      if (rescue_service_status_get_loading (status))
        iterate_until (&observer.done);
      assert_unreadable (status);
    }
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  Observer observer;
  g_autoptr(RescueServiceStatus) status = new_status (fixture, "/paused", &observer);
  g_autofree char *body = status_json ("major", "Too late");

  rescue_service_status_refresh (status);
  wait_for_paused (fixture, 1);

  rescue_service_status_cancel (status);
  g_assert_false (rescue_service_status_get_loading (status));
  g_assert_cmpuint (observer.n_loading, ==, 2);

  /* The answer arrives after all, and is ignored */
  answer_paused (fixture, 0, body);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpint (rescue_service_status_get_indicator (status), ==, RESCUE_STATUS_UNKNOWN);
  g_assert_cmpuint (observer.n_loading, ==, 2);
  g_assert_cmpuint (observer.n_indicator, ==, 0);

  /* Cancelling with nothing in flight is harmless */
  rescue_service_status_cancel (status);
  g_assert_cmpuint (observer.n_loading, ==, 2);
}

static void
test_refresh_replaces (Fixture       *fixture,
                       gconstpointer  data)
{
  Observer observer;
  g_autoptr(RescueServiceStatus) status = new_status (fixture, "/paused", &observer);
  g_autofree char *stale = status_json ("critical", "Stale answer");
  g_autofree char *fresh = status_json ("minor", "Fresh answer");

  rescue_service_status_refresh (status);
  wait_for_paused (fixture, 1);

  /* A second refresh abandons the first without a loading flicker */
  rescue_service_status_refresh (status);
  g_assert_cmpuint (observer.n_loading, ==, 1);
  wait_for_paused (fixture, 2);

  /* The abandoned request is answered late, and ignored... */
  answer_paused (fixture, 0, stale);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (rescue_service_status_get_loading (status));
  g_assert_cmpint (rescue_service_status_get_indicator (status), ==, RESCUE_STATUS_UNKNOWN);

  /* ...and only the current one counts */
  answer_paused (fixture, 1, fresh);
  iterate_until (&observer.done);
  g_assert_cmpint (rescue_service_status_get_indicator (status), ==, RESCUE_STATUS_MINOR);
  g_assert_cmpstr (rescue_service_status_get_description (status), ==, "Fresh answer");
  g_assert_cmpuint (observer.n_loading, ==, 2);
  g_assert_cmpuint (observer.n_indicator, ==, 1);
  g_assert_cmpuint (fixture->n_requests, ==, 2);
}

static void
test_dispose_in_flight (Fixture       *fixture,
                        gconstpointer  data)
{
  Observer observer;
  RescueServiceStatus *status = new_status (fixture, "/paused", &observer);
  g_autofree char *body = status_json ("major", "Nobody listens");

  rescue_service_status_refresh (status);
  wait_for_paused (fixture, 1);

  /* No fetch may keep the object alive, or call back into it later */
  g_assert_finalize_object (status);

  answer_paused (fixture, 0, body);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_parse (void)
{
  static const struct {
    const char            *body;
    gboolean               ok;
    RescueStatusIndicator  indicator;
    const char            *description;
    gint64                 updated_at;
  } cases[] = {
    { "{\"status\":{\"indicator\":\"none\",\"description\":\"All Systems Operational\"}}",
      TRUE, RESCUE_STATUS_NONE, "All Systems Operational", 0 },
    { "{\"page\":{\"updated_at\":\"2024-02-29T23:59:59.123Z\"},\"status\":{\"indicator\":\"minor\",\"description\":\"Partially Degraded Service\"}}",
      TRUE, RESCUE_STATUS_MINOR, "Partially Degraded Service", 1709251199 },
    { "{\"page\":{\"updated_at\":\"2024-03-01T01:00:00+02:00\"},\"status\":{\"indicator\":\"major\",\"description\":\"Partial System Outage\"}}",
      TRUE, RESCUE_STATUS_MAJOR, "Partial System Outage", 1709247600 },
    { "  {\"status\":{\"description\":\"Major Service Outage\",\"indicator\":\"critical\"}}\n",
      TRUE, RESCUE_STATUS_CRITICAL, "Major Service Outage", 0 },
    { "{\"status\":{\"indicator\":\"maintenance\",\"description\":\"Service Under Maintenance\"},\"components\":[{\"status\":\"under_maintenance\"}]}",
      TRUE, RESCUE_STATUS_MAINTENANCE, "Service Under Maintenance", 0 },
    /* optional parts that are missing or odd */
    { "{\"status\":{\"indicator\":\"major\"}}", TRUE, RESCUE_STATUS_MAJOR, "", 0 },
    { "{\"status\":{\"indicator\":\"major\",\"description\":null}}", TRUE, RESCUE_STATUS_MAJOR, "", 0 },
    { "{\"page\":{\"updated_at\":\"yesterday\"},\"status\":{\"indicator\":\"none\"}}", TRUE, RESCUE_STATUS_NONE, "", 0 },
    { "{\"page\":{\"updated_at\":12},\"status\":{\"indicator\":\"none\"}}", TRUE, RESCUE_STATUS_NONE, "", 0 },
    { "{\"page\":[],\"status\":{\"indicator\":\"none\"}}", TRUE, RESCUE_STATUS_NONE, "", 0 },
    { "{\"page\":{\"updated_at\":\"1960-01-01T00:00:00Z\"},\"status\":{\"indicator\":\"none\"}}", TRUE, RESCUE_STATUS_NONE, "", 0 },
    /* X's words end up on one line of ours */
    { "{\"status\":{\"indicator\":\"minor\",\"description\":\"  Delays\\n\\tfor   SMS \\u0007 \"}}",
      TRUE, RESCUE_STATUS_MINOR, "Delays for SMS", 0 },
    /* not a status */
    { "", FALSE },
    { "   ", FALSE },
    { "null", FALSE },
    { "[]", FALSE },
    { "[{\"status\":{\"indicator\":\"none\"}}]", FALSE },
    { "\"none\"", FALSE },
    { "{}", FALSE },
    { "{\"status\":null}", FALSE },
    { "{\"status\":\"none\"}", FALSE },
    { "{\"status\":{}}", FALSE },
    { "{\"status\":{\"indicator\":null}}", FALSE },
    { "{\"status\":{\"indicator\":2}}", FALSE },
    { "{\"status\":{\"indicator\":true}}", FALSE },
    { "{\"status\":{\"indicator\":[\"none\"]}}", FALSE },
    { "{\"status\":{\"indicator\":{\"none\":1}}}", FALSE },
    { "{\"status\":{\"indicator\":\"purple\"}}", FALSE },
    { "{\"status\":{\"indicator\":\"unknown\"}}", FALSE },
    { "{\"status\":{\"indicator\":\"None\"}}", FALSE },
    { "{\"status\":{\"indicator\":\"\"}}", FALSE },
    { "{\"status\":{\"indicator\":\"none\",\"description\":42}}", FALSE },
    { "{\"status\":{\"indicator\":\"none\",\"description\":[]}}", FALSE },
    { "{\"status\":{\"indicator\":\"none\",\"description\":{}}}", FALSE },
    { "{\"status\":{\"indicator\":\"none\"}}{\"x\":1}", FALSE },
    { "{\"status\":{\"indicator\":\"none\"}} trailing", FALSE },
    { "{'status':{'indicator':'none'}}", FALSE },
    { "var x = {\"status\":{\"indicator\":\"none\"}}", FALSE },
    { "{\"status\":{\"indicator\":\"none\"", FALSE },
    { "<!DOCTYPE html><html><body>{\"status\":{\"indicator\":\"none\"}}</body></html>", FALSE },
    { "\xff\xfe{}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (cases[i].body, strlen (cases[i].body));
      g_autoptr(GError) error = NULL;
      g_autofree char *description = NULL;
      g_autofree char *escaped = g_strescape (cases[i].body, NULL);
      RescueStatusIndicator indicator = RESCUE_STATUS_UNKNOWN;
      gint64 updated_at = -1;
      gboolean ok;

      g_test_message ("parse %u: %s", i, escaped);
      ok = rescue_service_status_parse (body, &indicator, &description, &updated_at, &error);
      if (cases[i].ok)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (indicator, ==, cases[i].indicator);
          g_assert_cmpstr (description, ==, cases[i].description);
          g_assert_cmpint (updated_at, ==, cases[i].updated_at);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID);
        }
    }
}

static void
test_parse_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = huge_json ();
  g_autoptr(GBytes) too_big = g_bytes_new_static (huge, HUGE_SIZE);
  g_autoptr(GBytes) with_nul = g_bytes_new_static ("{\"status\":{\"indicator\":\"none\"}}\0", 33);
  g_autoptr(GString) deep = g_string_new ("{\"status\":{\"indicator\":\"none\"},\"x\":");
  g_autoptr(GBytes) deep_bytes = NULL;
  g_autoptr(GString) long_words = g_string_new ("{\"status\":{\"indicator\":\"major\",\"description\":\"");
  g_autoptr(GBytes) long_bytes = NULL;
  g_autofree char *description = NULL;

  g_assert_false (rescue_service_status_parse (too_big, NULL, NULL, NULL, &error));
  g_assert_error (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_false (rescue_service_status_parse (with_nul, NULL, NULL, NULL, &error));
  g_assert_error (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rescue_service_status_parse (NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID);
  g_clear_error (&error);

  /* Deep enough to overflow the stack of a recursive parser */
  for (guint i = 0; i < 500000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 500000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  deep_bytes = g_string_free_to_bytes (g_steal_pointer (&deep));
  g_assert_false (rescue_service_status_parse (deep_bytes, NULL, NULL, NULL, &error));
  g_assert_error (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID);
  g_clear_error (&error);

  /* json-glib turns a lone surrogate into bytes that are not UTF-8 */
  {
    static const char lone[] = "{\"status\":{\"indicator\":\"minor\",\"description\":\"\\ud800 lone\"}}";
    g_autoptr(GBytes) lone_bytes = g_bytes_new_static (lone, sizeof lone - 1);

    g_assert_true (rescue_service_status_parse (lone_bytes, NULL, &description, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_utf8_validate (description, -1, NULL));
    g_assert_true (g_str_has_suffix (description, "lone"));
    g_clear_pointer (&description, g_free);
  }

  /* A whole essay becomes one line of bounded length */
  for (guint i = 0; i < 1000; i++)
    g_string_append (long_words, "Outage é ");
  g_string_append (long_words, "\"}}");
  long_bytes = g_string_free_to_bytes (g_steal_pointer (&long_words));
  g_assert_true (rescue_service_status_parse (long_bytes, NULL, &description, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (description, -1), ==, 200);
  g_assert_true (g_str_has_suffix (description, "…"));
  g_assert_true (g_str_has_prefix (description, "Outage é Outage"));
}

static void
add (const char *name,
     void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/service-status/parse/table", test_parse);
  g_test_add_func ("/service-status/parse/limits", test_parse_limits);
  add ("/service-status/fetch/indicators", test_indicators);
  add ("/service-status/fetch/loading-notifications", test_loading_notifications);
  add ("/service-status/fetch/unreadable", test_unreadable_answers);
  add ("/service-status/fetch/failure-replaces-old-answer", test_failure_replaces_old_answer);
  add ("/service-status/fetch/missing-description", test_missing_description);
  add ("/service-status/fetch/redirect", test_redirect);
  add ("/service-status/fetch/slow-server", test_slow_server);
  add ("/service-status/fetch/huge-body", test_huge_body);
  add ("/service-status/fetch/huge-chunked-body", test_huge_chunked_body);
  add ("/service-status/fetch/closed-port", test_closed_port);
  add ("/service-status/fetch/not-a-url", test_not_a_url);
  add ("/service-status/fetch/redirect-refused", test_redirect_refused);
  add ("/service-status/fetch/cancel", test_cancel);
  add ("/service-status/fetch/refresh-replaces", test_refresh_replaces);
  add ("/service-status/fetch/dispose-in-flight", test_dispose_in_flight);

  return g_test_run ();
}
