/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-fault-matrix"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rescue-enums.h"
#include "rescue-store.h"
#include "rescue-support-request.h"
#include "test-net.h"

/*
 * Every failure from the support and progress issues in one place. For
 * each one: no crash, the right error code with a sentence a person can
 * read, nothing typed lost (the flow still holds the username and email as
 * typed), and a progress file that still restores the flow. The network
 * cases run against SoupServers on 127.0.0.1; no other host is contacted
 * (a DNS failure is synthesized, and redirects to other hosts are refused
 * before any connection). The matrix is printed at the end as TAP comments.
 */

#define TYPED_USERNAME "  @Jack_Rescue "
#define TYPED_EMAIL    "zoë+tag@exämple.org"
#define TIMEOUT_S      1
#define DRIP_BYTES     "{\"st"
#define DRIP_EVERY_MS  200
#define DRIP_CHUNKS    12       /* 2.4 s: ends after the 1 s timeout */
#define HUGE_BODY      (10 * 1024 * 1024)

/* ---- The matrix ---------------------------------------------------------- */

typedef struct
{
  char *name;
  char *expected;
  char *got;
  char *ok;
} Row;

static GPtrArray *rows;

static void
row_free (Row *row)
{
  g_free (row->name);
  g_free (row->expected);
  g_free (row->got);
  g_free (row->ok);
  g_free (row);
}

static void
add_row (const char *name,
         const char *expected,
         const char *got,
         const char *ok)
{
  Row *row = g_new0 (Row, 1);

  row->name = g_strdup (name);
  row->expected = g_strdup (expected);
  row->got = g_strdup (got);
  row->ok = g_strdup (ok);
  g_ptr_array_add (rows, row);
}

static void
print_matrix (void)
{
  static const char *titles[] = { "case", "expected", "got", "ok" };
  guint width[4];

  for (guint c = 0; c < 4; c++)
    width[c] = g_utf8_strlen (titles[c], -1);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      const char *cells[] = { row->name, row->expected, row->got, row->ok };

      for (guint c = 0; c < 4; c++)
        width[c] = MAX (width[c], (guint) g_utf8_strlen (cells[c], -1));
    }

  g_print ("# Fault matrix (%u cases)\n", rows->len);
  for (gint i = -1; i < (gint) rows->len; i++)
    {
      Row *row = i >= 0 ? g_ptr_array_index (rows, i) : NULL;
      const char *cells[] = {
        row ? row->name : titles[0], row ? row->expected : titles[1],
        row ? row->got : titles[2], row ? row->ok : titles[3],
      };
      g_autoptr(GString) line = g_string_new ("# ");

      for (guint c = 0; c < 4; c++)
        {
          g_string_append (line, c == 0 ? "| " : " | ");
          g_string_append (line, cells[c]);
          for (guint pad = g_utf8_strlen (cells[c], -1); pad < width[c]; pad++)
            g_string_append_c (line, ' ');
        }
      g_string_append (line, " |");
      g_print ("%s\n", line->str);

      if (i == -1)
        {
          g_string_assign (line, "# ");
          for (guint c = 0; c < 4; c++)
            {
              g_string_append (line, c == 0 ? "|-" : "-|-");
              for (guint pad = 0; pad < width[c]; pad++)
                g_string_append_c (line, '-');
            }
          g_string_append (line, "-|");
          g_print ("%s\n", line->str);
        }
    }
}

static const char *
nick (GType type,
      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* Nicks belong to the registered type, which lives as long as the process */
  return found ? found->value_nick : "?";
}

static char *
describe_error (const GError *error)
{
  if (error == NULL)
    return g_strdup ("no error");
  if (error->domain == RESCUE_SUPPORT_ERROR)
    return g_strdup_printf ("error %s", nick (RESCUE_TYPE_SUPPORT_ERROR, error->code));
  if (error->domain == RESCUE_STORE_ERROR)
    return g_strdup_printf ("error %s", nick (RESCUE_TYPE_STORE_ERROR, error->code));
  return g_strdup_printf ("error %s %d", g_quark_to_string (error->domain), error->code);
}

/* ---- Servers on 127.0.0.1 ---------------------------------------------- */

typedef struct
{
  SoupServer *http;
  SoupServer *https;      /* self-signed */
  GUri       *http_base;
  GUri       *https_base;
  SoupServer *admin;      /* another service on this machine */
  GUri       *admin_base;
  guint       admin_requests;
  char       *closed_base; /* nothing listens there */
  GPtrArray  *paused;
  GPtrArray  *dripping;
  char       *tmp;
} Servers;

static Servers servers;

typedef struct
{
  SoupServerMessage *msg;
  guint              chunks;
  guint              source;
  gboolean           finished;
} Drip;

static void
drip_free (Drip *drip)
{
  g_clear_handle_id (&drip->source, g_source_remove);
  g_clear_object (&drip->msg);
  g_free (drip);
}

static gboolean
drip_cb (gpointer user_data)
{
  Drip *drip = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (drip->msg);

  drip->source = 0;
  if (drip->finished)
    return G_SOURCE_REMOVE;

  if (++drip->chunks < DRIP_CHUNKS)
    soup_message_body_append (body, SOUP_MEMORY_STATIC, DRIP_BYTES, strlen (DRIP_BYTES));
  else
    soup_message_body_complete (body);
  soup_server_message_unpause (drip->msg);

  return G_SOURCE_REMOVE;
}

/* After each piece has gone out, wait before writing the next */
static void
drip_wrote_cb (SoupServerMessage *msg,
               Drip              *drip)
{
  if (drip->chunks >= DRIP_CHUNKS || drip->finished)
    return;
  soup_server_message_pause (msg);
  drip->source = g_timeout_add (DRIP_EVERY_MS, drip_cb, drip);
}

static void
drip_finished_cb (SoupServerMessage *msg,
                  Drip              *drip)
{
  drip->finished = TRUE;
  g_clear_handle_id (&drip->source, g_source_remove);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  if (g_str_equal (path, "/form"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<p>form</p>", strlen ("<p>form</p>"));
    }
  else if (g_str_equal (path, "/paused"))
    {
      test_net_pause (servers.paused, msg);
    }
  else if (g_str_equal (path, "/drip"))
    {
      Drip *drip = g_new0 (Drip, 1);

      drip->msg = g_object_ref (msg);
      g_ptr_array_add (servers.dripping, drip);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_body_append (soup_server_message_get_response_body (msg),
                                SOUP_MEMORY_STATIC, DRIP_BYTES, strlen (DRIP_BYTES));
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (drip_wrote_cb), drip);
      g_signal_connect (msg, "finished", G_CALLBACK (drip_finished_cb), drip);
    }
  else if (g_str_equal (path, "/500"))
    soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else if (g_str_equal (path, "/redirect-http"))
    /* Refused before any connection: the check never follows it */
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND,
                                      "http://help.x.com/en/forms/account-access/regain-access");
  else if (g_str_equal (path, "/redirect-foreign"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "https://example.org/form");
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/loop");
  else if (g_str_equal (path, "/redirect-other-port") ||
           g_str_equal (path, "/redirect-other-port-ip"))
    {
      /* The same machine, another service: the reproduced fault sent the
       * username and email there */
      g_autofree char *location =
        g_strdup_printf ("http://%s:%d/internal-admin",
                         g_str_equal (path, "/redirect-other-port") ? "localhost" : "127.0.0.1",
                         g_uri_get_port (servers.admin_base));

      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
    }
  else if (g_str_equal (path, "/huge"))
    {
      char *huge = g_malloc (HUGE_BODY);

      memset (huge, 'x', HUGE_BODY);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                        huge, HUGE_BODY);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
admin_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  servers.admin_requests++;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                    "<p>admin</p>", strlen ("<p>admin</p>"));
}

/* Made at test time when openssl is there; otherwise the pair committed
 * next to this file, which only ever identifies a test server */
static GTlsCertificate *
test_certificate (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *cert = g_build_filename (servers.tmp, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (servers.tmp, "key.pem", NULL);
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;

  if (openssl != NULL)
    {
      const char *argv[] = {
        openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL
      };
      int status = -1;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_test_message ("openssl failed (%s); using the committed test certificate", error->message);
          g_clear_error (&error);
          g_clear_pointer (&cert, g_free);
        }
    }
  else
    g_clear_pointer (&cert, g_free);

  if (cert == NULL)
    {
      g_free (key);
      cert = g_test_build_filename (G_TEST_DIST, "fault-matrix-cert.pem", NULL);
      key = g_test_build_filename (G_TEST_DIST, "fault-matrix-key.pem", NULL);
    }

  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  return certificate;
}

static GUri *
first_uri (SoupServer *server)
{
  GSList *uris = soup_server_get_uris (server);
  GUri *uri;

  g_assert_nonnull (uris);
  uri = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return uri;
}

static void
servers_start (void)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  servers.tmp = g_dir_make_tmp ("fault-matrix-XXXXXX", &error);
  g_assert_no_error (error);
  servers.paused = g_ptr_array_new_with_free_func (g_object_unref);
  servers.dripping = g_ptr_array_new_with_free_func ((GDestroyNotify) drip_free);

  servers.http = test_net_server_new (server_cb, NULL, 0, &servers.http_base);
  servers.admin = test_net_server_new (admin_cb, NULL, 0, &servers.admin_base);

  /* test_net_server_new () serves plain HTTP only; this one needs TLS */
  certificate = test_certificate ();
  servers.https = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (servers.https, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (servers.https, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  servers.https_base = first_uri (servers.https);

  servers.closed_base = g_strdup_printf ("http://127.0.0.1:%u", test_net_closed_port ());
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_chmod (path, 0700);
  g_remove (path);
}

static void
servers_stop (void)
{
  test_net_unpause_all (servers.paused);
  soup_server_disconnect (servers.http);
  soup_server_disconnect (servers.https);
  soup_server_disconnect (servers.admin);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&servers.dripping, g_ptr_array_unref);
  g_clear_pointer (&servers.paused, g_ptr_array_unref);
  g_clear_object (&servers.http);
  g_clear_object (&servers.https);
  g_clear_object (&servers.admin);
  g_clear_pointer (&servers.admin_base, g_uri_unref);
  g_clear_pointer (&servers.http_base, g_uri_unref);
  g_clear_pointer (&servers.https_base, g_uri_unref);
  g_clear_pointer (&servers.closed_base, g_free);
  remove_tree (servers.tmp);
  g_clear_pointer (&servers.tmp, g_free);
}

static char *
url (GUri       *base,
     const char *path)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (base, path, G_URI_FLAGS_NONE, NULL);

  return g_uri_to_string (uri);
}

/* ---- The person's session: a flow with what they typed, saved --------- */

typedef struct
{
  char        *dir;
  char        *path;
  RescueFlow  *flow;
  RescueStore *store;
} Session;

static void
session_init (Session    *session,
              const char *name)
{
  g_autoptr(GError) error = NULL;

  session->dir = g_build_filename (servers.tmp, name, NULL);
  session->path = g_build_filename (session->dir, "code-rescue", "progress.json", NULL);
  session->flow = rescue_flow_new ();
  session->store = rescue_store_new (session->path);

  /* At the Contact Support step, details typed, progress saved */
  rescue_flow_set_platform (session->flow, RESCUE_PLATFORM_ANDROID);
  rescue_flow_set_country (session->flow, "GB");
  rescue_flow_set_has_signed_in_device (session->flow, TRUE);
  g_assert_true (rescue_flow_handle (session->flow, RESCUE_EVENT_START, &error));
  g_assert_true (rescue_flow_handle (session->flow, RESCUE_EVENT_FIX_FAILED, &error));
  g_assert_true (rescue_flow_handle (session->flow, RESCUE_EVENT_FIX_FAILED, &error));
  g_assert_cmpint (rescue_flow_get_step (session->flow), ==, RESCUE_STEP_SUPPORT);
  rescue_flow_set_username (session->flow, TYPED_USERNAME);
  rescue_flow_set_email (session->flow, TYPED_EMAIL);
  g_assert_true (rescue_store_save (session->store, session->flow, &error));
  g_assert_no_error (error);
}

static void
session_clear (Session *session)
{
  g_clear_object (&session->store);
  g_clear_object (&session->flow);
  g_clear_pointer (&session->path, g_free);
  g_clear_pointer (&session->dir, g_free);
}

static gboolean
typed_kept (Session *session)
{
  return g_strcmp0 (rescue_flow_get_username (session->flow), TYPED_USERNAME) == 0 &&
         g_strcmp0 (rescue_flow_get_email (session->flow), TYPED_EMAIL) == 0;
}

/* What a restart would find: the saved file restores the same flow */
static gboolean
progress_restores (const char *path,
                   RescueFlow *expected)
{
  g_autoptr(RescueStore) store = rescue_store_new (path);
  g_autoptr(RescueFlow) flow = rescue_flow_new ();
  g_autoptr(GError) error = NULL;

  if (rescue_store_load (store, flow, &error) != RESCUE_STORE_LOAD_RESTORED)
    {
      g_test_message ("%s does not restore: %s", path, error ? error->message : "no file");
      return FALSE;
    }

  return rescue_flow_get_step (flow) == rescue_flow_get_step (expected) &&
         g_strcmp0 (rescue_flow_get_username (flow), rescue_flow_get_username (expected)) == 0 &&
         g_strcmp0 (rescue_flow_get_email (flow), rescue_flow_get_email (expected)) == 0;
}

static gboolean
message_is_readable (const GError *error)
{
  return error != NULL && error->message != NULL &&
         g_utf8_validate (error->message, -1, NULL) &&
         strlen (error->message) > 10 &&
         g_str_has_suffix (error->message, ".");
}

/* ---- Waiting, with a safety net (not a timing assertion) -------------- */

static gboolean
watchdog_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_until (const gboolean *flag)
{
  gboolean expired = FALSE;
  guint watchdog = g_timeout_add_seconds (60, watchdog_cb, &expired);

  while (!*flag && !expired)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (expired);
  g_source_remove (watchdog);
}

/* ---- The support form check ------------------------------------------- */

typedef struct
{
  gboolean          done;
  gboolean          ok;
  RescueFormAnswer  answer;
  char             *uri;
  GError           *error;
} CheckResult;

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CheckResult *check = user_data;

  check->ok = rescue_support_request_check_finish (RESCUE_SUPPORT_REQUEST (source), result,
                                                   &check->answer, &check->uri, &check->error);
  check->done = TRUE;
}

/* Runs the check the way the Contact Support page does, from the flow */
static void
run_check (Session     *session,
           const char  *form_url,
           gboolean     online,
           guint        timeout,
           CheckResult *check)
{
  g_autofree char *fallback = url (servers.http_base, "/form");
  g_autoptr(RescueSupportRequest) request = rescue_support_request_new (form_url, fallback);
  g_autoptr(GNetworkMonitor) monitor = test_net_fake_monitor_new (online);

  rescue_support_request_set_timeout (request, timeout);
  rescue_support_request_set_network_monitor (request, monitor);
  rescue_support_request_check_async (request,
                                      rescue_flow_get_username (session->flow),
                                      rescue_flow_get_email (session->flow),
                                      NULL, check_done_cb, check);
  iterate_until (&check->done);
}

typedef struct
{
  const char         *name;
  const char         *path;     /* on the http server; NULL for special cases */
  gboolean            https;
  gboolean            closed;
  gboolean            offline;
  gboolean            short_timeout;  /* the others keep the default, so a
                                       * slow machine cannot change them */
  gboolean            fails;
  RescueSupportError  code;
  RescueFormAnswer    answer;
} SupportCase;

static const SupportCase support_cases[] = {
  { "support: offline", "/form", .offline = TRUE, .fails = TRUE, .code = RESCUE_SUPPORT_ERROR_OFFLINE },
  { "support: refused", "/form", .closed = TRUE, .fails = TRUE, .code = RESCUE_SUPPORT_ERROR_REFUSED },
  { "support: timeout", "/paused", .short_timeout = TRUE, .fails = TRUE, .code = RESCUE_SUPPORT_ERROR_TIMEOUT },
  /* Only the status matters: the body is never waited for */
  { "support: slow drip", "/drip", .short_timeout = TRUE, .answer = RESCUE_FORM_ANSWER_OK },
  { "support: TLS failure", "/form", .https = TRUE, .fails = TRUE, .code = RESCUE_SUPPORT_ERROR_TLS },
  { "support: 404", "/404", .answer = RESCUE_FORM_ANSWER_MOVED },
  { "support: 500", "/500", .answer = RESCUE_FORM_ANSWER_SERVER_TROUBLE },
  { "support: redirect to http", "/redirect-http", .fails = TRUE, .code = RESCUE_SUPPORT_ERROR_REDIRECT_REFUSED },
  { "support: redirect to foreign host", "/redirect-foreign", .fails = TRUE, .code = RESCUE_SUPPORT_ERROR_REDIRECT_REFUSED },
  { "support: redirect loop", "/loop", .fails = TRUE, .code = RESCUE_SUPPORT_ERROR_TOO_MANY_REDIRECTS },
  { "support: loopback redirect to another port", "/redirect-other-port", .fails = TRUE, .code = RESCUE_SUPPORT_ERROR_REDIRECT_REFUSED },
  { "support: 10 MiB body", "/huge", .answer = RESCUE_FORM_ANSWER_OK },
};

static void
test_support (gconstpointer data)
{
  const SupportCase *c = data;
  g_autofree char *form_url = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  CheckResult check = { 0 };
  Session session = { 0 };
  gboolean right, readable, kept, restores;

  session_init (&session, c->name);
  servers.admin_requests = 0;

  if (c->closed)
    form_url = g_strconcat (servers.closed_base, c->path, NULL);
  else
    form_url = url (c->https ? servers.https_base : servers.http_base, c->path);

  run_check (&session, form_url, !c->offline,
             c->short_timeout ? TIMEOUT_S : RESCUE_SUPPORT_DEFAULT_TIMEOUT, &check);

  if (c->fails)
    {
      expected = g_strdup_printf ("error %s", nick (RESCUE_TYPE_SUPPORT_ERROR, c->code));
      right = !check.ok && g_error_matches (check.error, RESCUE_SUPPORT_ERROR, c->code);
      readable = message_is_readable (check.error);
    }
  else
    {
      expected = g_strdup_printf ("answer %s", nick (RESCUE_TYPE_FORM_ANSWER, c->answer));
      right = check.ok && check.answer == c->answer &&
              check.uri != NULL && strstr (check.uri, "username=Jack_Rescue") != NULL;
      readable = TRUE;   /* nothing to say: the form opens */
    }
  /* Nothing reaches another service on this machine */
  right = right && servers.admin_requests == 0;
  got = check.ok ? g_strdup_printf ("answer %s", nick (RESCUE_TYPE_FORM_ANSWER, check.answer))
                 : describe_error (check.error);

  /* The page saves after a failed check, as after any change */
  kept = typed_kept (&session);
  g_assert_true (rescue_store_save (session.store, session.flow, NULL));
  restores = progress_restores (session.path, session.flow);

  add_row (c->name, expected, got,
           right && readable && kept && restores ? "yes" : "NO");
  if (check.error != NULL)
    g_test_message ("%s: %s", c->name, check.error->message);

  g_assert_true (right);
  g_assert_true (readable);
  g_assert_true (kept);
  g_assert_true (restores);

  g_clear_error (&check.error);
  g_free (check.uri);
  session_clear (&session);
}

/* Resolving a real name is not allowed here, so the resolver's own error
 * goes through the same mapping a failed lookup takes */
static void
test_support_dns (void)
{
  g_autoptr(GError) resolver_error = g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                                                          "Error resolving “help.x.com”: Name or service not known");
  g_autoptr(GError) io_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND,
                                                    "Could not connect to help.x.com");
  g_autoptr(GError) mapped = rescue_support_error_from_network (resolver_error);
  g_autoptr(GError) mapped_io = rescue_support_error_from_network (io_error);
  g_autofree char *got = describe_error (mapped);
  Session session = { 0 };
  gboolean right, readable, kept, restores;

  session_init (&session, "dns");

  right = g_error_matches (mapped, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_DNS) &&
          g_error_matches (mapped_io, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_DNS);
  readable = message_is_readable (mapped) && message_is_readable (mapped_io);
  kept = typed_kept (&session);
  restores = progress_restores (session.path, session.flow);

  add_row ("support: DNS failure", "error dns", got,
           right && readable && kept && restores ? "yes" : "NO");
  g_test_message ("DNS: %s", mapped->message);

  g_assert_true (right);
  g_assert_true (readable);
  g_assert_true (kept);
  g_assert_true (restores);
  session_clear (&session);
}

/* ---- The progress file ------------------------------------------------ */

typedef enum
{
  FILE_MISSING,
  FILE_EMPTY,
  FILE_TRUNCATED,
  FILE_WRONG_TYPES,
  FILE_FUTURE_VERSION,
  FILE_UNREADABLE,
  FILE_FOLDER,
  FILE_FIFO,
  FILE_SPARSE,
  FILE_DEV_ZERO,
  FILE_IMPOSSIBLE_HISTORY,
  FILE_YEAR_9999,
  FILE_UNKNOWN_COUNTRY,
  FILE_HUGE_USERNAME,
  FILE_LINE_BREAKS,
  FILE_BIDI_EMAIL,
} FileFault;

typedef struct
{
  const char            *name;
  FileFault              fault;
  RescueStoreLoadResult  result;
  RescueStoreError       code;
} FileCase;

static const FileCase file_cases[] = {
  { "file: missing", FILE_MISSING, RESCUE_STORE_LOAD_FRESH },
  { "file: empty", FILE_EMPTY, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_CORRUPT },
  { "file: truncated", FILE_TRUNCATED, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_CORRUPT },
  { "file: wrong types", FILE_WRONG_TYPES, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_CORRUPT },
  { "file: future version", FILE_FUTURE_VERSION, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_FUTURE_VERSION },
  { "file: unreadable (0000)", FILE_UNREADABLE, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_UNREADABLE },
  { "file: folder in its place", FILE_FOLDER, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_UNREADABLE },
  /* Opening one for reading waits for a writer, forever */
  { "file: FIFO in its place", FILE_FIFO, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_UNREADABLE },
  /* Reading it whole takes 2 GiB of memory */
  { "file: sparse 2 GiB", FILE_SPARSE, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_CORRUPT },
  /* Never ends: read whole, it takes all memory */
  { "file: link to /dev/zero", FILE_DEV_ZERO, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_UNREADABLE },
  /* Issue #21, fault 4: restored progress is checked like typed input */
  { "file: history no events make", FILE_IMPOSSIBLE_HISTORY, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_CORRUPT },
  { "file: support contacted in 9999", FILE_YEAR_9999, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_CORRUPT },
  { "file: country ZZ", FILE_UNKNOWN_COUNTRY, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_CORRUPT },
  /* Issue 21, fault 2: it used to hang every start, at a cost that grew
   * with its length (the alarm below stops a load that would) */
  { "file: 60,000-character username", FILE_HUGE_USERNAME, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_CORRUPT },
  /* Fault 5: they went verbatim into Copy Message */
  { "file: line breaks in the username", FILE_LINE_BREAKS, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_CORRUPT },
  /* Fault 5: it reversed the Waiting page's sentence */
  { "file: U+202E at the start of the email", FILE_BIDI_EMAIL, RESCUE_STORE_LOAD_SET_ASIDE, RESCUE_STORE_ERROR_CORRUPT },
};

/* Peak memory, in KiB: a load must never read more than a progress file */
static glong
peak_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

static const char *
load_result_name (RescueStoreLoadResult result)
{
  switch (result)
    {
    case RESCUE_STORE_LOAD_FRESH:
      return "fresh start";
    case RESCUE_STORE_LOAD_RESTORED:
      return "restored";
    case RESCUE_STORE_LOAD_SET_ASIDE:
      return "set aside";
    case RESCUE_STORE_LOAD_LEFT_ALONE:
      return "left alone";
    case RESCUE_STORE_LOAD_UNSAFE_FOLDER:
      return "unsafe folder";
    case RESCUE_STORE_LOAD_LOCKED:
      return "locked";
    default:
      return "?";
    }
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  g_autoptr(GString) result = g_string_new (text);

  g_assert_cmpuint (g_string_replace (result, from, to, 1), ==, 1);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* @text with its top-level @member set to @value (JSON), written as the
 * app writes it */
static char *
with_member (const char *text,
             const char *member,
             const char *value)
{
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  g_autoptr(JsonNode) replacement = json_from_string (value, NULL);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_assert_nonnull (root);
  g_assert_nonnull (replacement);
  g_assert_true (json_object_has_member (json_node_get_object (root), member));
  json_object_set_member (json_node_get_object (root), member, g_steal_pointer (&replacement));
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

static void
break_file (Session   *session,
            FileFault  fault)
{
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (session->path, &good, &length, NULL));
  g_assert_cmpint (g_remove (session->path), ==, 0);

  switch (fault)
    {
    case FILE_MISSING:
      return;
    case FILE_EMPTY:
      bad = g_strdup ("");
      break;
    case FILE_TRUNCATED:
      bad = g_strndup (good, length / 2);
      break;
    case FILE_WRONG_TYPES:
      bad = replace_once (good, "\"has-signed-in-device\" : true", "\"has-signed-in-device\" : \"yes\"");
      break;
    case FILE_FUTURE_VERSION:
      bad = replace_once (good, "\"version\" : 1", "\"version\" : 2");
      break;
    case FILE_UNREADABLE:
      bad = g_strdup (good);
      break;
    case FILE_FOLDER:
      g_assert_cmpint (g_mkdir (session->path, 0700), ==, 0);
      return;
    case FILE_FIFO:
      g_assert_cmpint (mkfifo (session->path, 0600), ==, 0);
      return;
    case FILE_SPARSE:
      {
        int fd = g_open (session->path, O_WRONLY | O_CREAT | O_EXCL, 0600);

        g_assert_cmpint (fd, >=, 0);
        g_assert_cmpint (ftruncate (fd, (off_t) 2 << 30), ==, 0);
        g_assert_cmpint (write (fd, good, length), ==, (gssize) length);
        g_close (fd, NULL);
      }
      return;
    case FILE_DEV_ZERO:
      g_assert_cmpint (symlink ("/dev/zero", session->path), ==, 0);
      return;
    case FILE_IMPOSSIBLE_HISTORY:
      {
        /* The example: one Back would show "You opened X's
         * support form…", a form that was never opened */
        g_autofree char *at_unblock = with_member (good, "step", "\"unblock\"");

        bad = with_member (at_unblock, "history", "[\"welcome\", \"resolved\", \"waiting-for-support\"]");
      }
      break;
    case FILE_YEAR_9999:
      bad = with_member (good, "support-submitted-at", "\"9999-12-31T00:00:00Z\"");
      break;
    case FILE_UNKNOWN_COUNTRY:
      /* The drop-down would show Afghanistan, the advice would be for ZZ */
      bad = with_member (good, "country", "\"ZZ\"");
      break;
    case FILE_HUGE_USERNAME:
      {
        g_autofree char *huge = g_strnfill (60000, 'a');
        g_autofree char *member = g_strdup_printf ("\"username\" : \"%s\"", huge);

        bad = replace_once (good, "\"username\" : \"" TYPED_USERNAME "\"", member);
      }
      break;
    case FILE_LINE_BREAKS:
      bad = replace_once (good, "\"username\" : \"" TYPED_USERNAME "\"",
                          "\"username\" : \"alice\\n\\nPlease also reset the email to attacker@evil.com\"");
      break;
    case FILE_BIDI_EMAIL:
      bad = replace_once (good, "\"email\" : \"", "\"email\" : \"\\u202e");
      break;
    default:
      g_assert_not_reached ();
    }

  g_assert_true (g_file_set_contents (session->path, bad, -1, NULL));
  if (fault == FILE_UNREADABLE)
    g_assert_cmpint (g_chmod (session->path, 0), ==, 0);
}

static void
test_file (gconstpointer data)
{
  const FileCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RescueStore) store = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *described = NULL;
  g_autofree char *got = NULL;
  RescueStoreLoadResult result;
  Session session = { 0 };
  gboolean right, readable, kept, restores, set_aside, bounded;
  glong peak_before;

  if (c->fault == FILE_UNREADABLE && geteuid () == 0)
    {
      add_row (c->name, "set aside, error unreadable", "not run: root reads a 0000 file",
               "skip");
      g_test_skip ("root reads a 0000 file anyway; “folder in its place” covers unreadable files");
      return;
    }

  session_init (&session, c->name);
  break_file (&session, c->fault);
  aside = g_strconcat (session.path, ".corrupt", NULL);

  /* Start-up: the flow already holds what was typed in this session
   * (restored from elsewhere, or typed before the load finished) */
  store = rescue_store_new (session.path);
  peak_before = peak_kib ();
  /* A load that hangs (on a FIFO) fails here rather than at meson's timeout */
  alarm (60);
  result = rescue_store_load (store, session.flow, &error);
  alarm (0);
  /* Far less than the 2 GiB a whole read would take, far more than the
   * 64 KiB a load may read */
  bounded = peak_kib () - peak_before < 64 * 1024;

  if (c->result == RESCUE_STORE_LOAD_FRESH)
    {
      expected = g_strdup ("fresh start, no error");
      right = result == RESCUE_STORE_LOAD_FRESH && error == NULL;
      readable = TRUE;
      set_aside = !g_file_test (aside, G_FILE_TEST_EXISTS);
    }
  else
    {
      expected = g_strdup_printf ("set aside, error %s", nick (RESCUE_TYPE_STORE_ERROR, c->code));
      right = result == RESCUE_STORE_LOAD_SET_ASIDE &&
              g_error_matches (error, RESCUE_STORE_ERROR, c->code);
      readable = error != NULL && error->message != NULL && error->message[0] != '\0' &&
                 g_utf8_validate (error->message, -1, NULL);
      /* lstat: a link set aside is still a link */
      set_aside = g_lstat (aside, &(GStatBuf) { 0 }) == 0 &&
                  g_lstat (session.path, &(GStatBuf) { 0 }) != 0;
    }
  described = describe_error (error);
  got = g_strdup_printf ("%s, %s", load_result_name (result), described);

  kept = typed_kept (&session);
  /* The next change saves again, and that file restores */
  g_assert_true (rescue_store_save (store, session.flow, NULL));
  restores = progress_restores (session.path, session.flow);

  add_row (c->name, expected, got,
           right && readable && set_aside && kept && restores && bounded ? "yes" : "NO");
  if (error != NULL)
    g_test_message ("%s: %s", c->name, error->message);

  g_assert_true (bounded);
  g_assert_true (right);
  g_assert_true (readable);
  g_assert_true (set_aside);
  g_assert_true (kept);
  g_assert_true (restores);
  session_clear (&session);
}

static char *
read_text (const char *path)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("(unreadable)");
  return g_steal_pointer (&contents);
}

/* progress.json.corrupt, .corrupt.1, .corrupt.2 */
static char *
aside_name (const char *path,
            guint       generation)
{
  return generation == 0 ? g_strconcat (path, ".corrupt", NULL)
                         : g_strdup_printf ("%s.corrupt.%u", path, generation);
}

static void
make_full_folder (const char *path)
{
  g_autofree char *inside = g_build_filename (path, "keep", NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));
}

/* progress.json.corrupt is a folder with something in it (which stops a
 * rename even for root): it moves up, and the bad file still goes aside */
static void
test_aside_name_taken (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RescueStore) store = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *got = NULL;
  g_autofree char *described = NULL;
  g_autofree char *kept_aside = NULL;
  RescueStoreLoadResult result;
  Session session = { 0 };
  gboolean right, nothing_lost, restores;

  session_init (&session, "aside-taken");
  aside = aside_name (session.path, 0);
  moved = g_strconcat (session.path, ".corrupt.1/keep", NULL);
  make_full_folder (aside);
  g_assert_true (g_file_set_contents (session.path, "{\"version\": 1", -1, NULL));

  store = rescue_store_new (session.path);
  result = rescue_store_load (store, session.flow, &error);
  described = describe_error (error);
  got = g_strdup_printf ("%s, %s", load_result_name (result), described);
  kept_aside = read_text (aside);

  right = result == RESCUE_STORE_LOAD_SET_ASIDE;
  nothing_lost = g_strcmp0 (kept_aside, "{\"version\": 1") == 0 &&
                 g_file_test (moved, G_FILE_TEST_IS_REGULAR);
  g_assert_true (rescue_store_save (store, session.flow, NULL));
  restores = progress_restores (session.path, session.flow);

  add_row ("file: .corrupt name taken", "set aside, folder moved up", got,
           right && nothing_lost && restores ? "yes" : "NO");

  g_assert_true (right);
  g_assert_true (nothing_lost);
  g_assert_true (restores);
  session_clear (&session);
}

/* No set-aside name can be freed: the bad file stays, and is never
 * written over (it may be a newer version's progress) */
static void
test_aside_impossible (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autoptr(RescueStore) store = NULL;
  g_autofree char *got = NULL;
  g_autofree char *described = NULL;
  g_autofree char *left = NULL;
  RescueStoreLoadResult result;
  Session session = { 0 };
  gboolean right, readable, untouched, kept;

  session_init (&session, "aside-impossible");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = aside_name (session.path, i);

      make_full_folder (name);
    }
  g_assert_true (g_file_set_contents (session.path, "{\"version\": 99}", -1, NULL));

  store = rescue_store_new (session.path);
  result = rescue_store_load (store, session.flow, &error);
  rescue_store_save (store, session.flow, &save_error);
  left = read_text (session.path);
  described = describe_error (error);
  got = g_strdup_printf ("%s, %s", load_result_name (result), described);

  right = result == RESCUE_STORE_LOAD_LEFT_ALONE &&
          g_error_matches (save_error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE);
  readable = error != NULL && strstr (error->message, "Left as it is") != NULL;
  untouched = g_strcmp0 (left, "{\"version\": 99}") == 0;
  kept = typed_kept (&session);

  add_row ("file: nowhere to set aside", "left alone, never written over", got,
           right && readable && untouched && kept ? "yes" : "NO");
  if (error != NULL)
    g_test_message ("nowhere to set aside: %s", error->message);

  g_assert_true (right);
  g_assert_true (readable);
  g_assert_true (untouched);
  g_assert_true (kept);
  session_clear (&session);
}

/* The first set-aside file is not replaced by the second */
static void
test_two_bad_files (void)
{
  g_autofree char *aside = NULL;
  g_autofree char *older = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *first = NULL;
  Session session = { 0 };
  gboolean right = TRUE, both_kept;

  session_init (&session, "two-bad-files");
  aside = aside_name (session.path, 0);
  older = aside_name (session.path, 1);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RescueStore) store = rescue_store_new (session.path);
      g_autoptr(RescueFlow) flow = rescue_flow_new ();
      g_autofree char *bad = g_strdup_printf ("{\"version\": %u}", 2 + i);

      g_assert_true (g_file_set_contents (session.path, bad, -1, NULL));
      right = right && rescue_store_load (store, flow, NULL) == RESCUE_STORE_LOAD_SET_ASIDE;
    }
  newest = read_text (aside);
  first = read_text (older);
  both_kept = g_strcmp0 (newest, "{\"version\": 3}") == 0 &&
              g_strcmp0 (first, "{\"version\": 2}") == 0;

  add_row ("file: two bad files in a row", "both kept (.corrupt, .corrupt.1)",
           both_kept ? "both kept" : "first one lost",
           right && both_kept ? "yes" : "NO");

  g_assert_true (right);
  g_assert_true (both_kept);
  session_clear (&session);
}

/* A state folder someone else owns is neither read nor written to */
static void
test_foreign_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autoptr(RescueStore) store = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *got = NULL;
  g_autofree char *described = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RescueStoreLoadResult result;
  Session session = { 0 };
  gboolean right, untouched;

  if (geteuid () != 0)
    {
      add_row ("file: folder owned by someone else", "unsafe folder, nothing written",
               "not run: only root can give a folder away", "skip");
      g_test_skip ("only root can make a folder that belongs to someone else");
      return;
    }

  session_init (&session, "foreign-folder");
  folder = g_path_get_dirname (session.path);
  before = read_text (session.path);
  g_assert_cmpint (chown (folder, 65534, 65534), ==, 0);

  store = rescue_store_new (session.path);
  result = rescue_store_load (store, session.flow, &error);
  rescue_flow_set_username (session.flow, "someone_else_reads");
  rescue_store_save (store, session.flow, &save_error);
  after = read_text (session.path);
  described = describe_error (error);
  got = g_strdup_printf ("%s, %s", load_result_name (result), described);

  right = result == RESCUE_STORE_LOAD_UNSAFE_FOLDER &&
          g_error_matches (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNSAFE_FOLDER) &&
          g_error_matches (save_error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNSAFE_FOLDER);
  untouched = g_strcmp0 (before, after) == 0;

  add_row ("file: folder owned by someone else", "unsafe folder, nothing written", got,
           right && untouched ? "yes" : "NO");

  g_assert_true (right);
  g_assert_true (untouched);
  g_assert_cmpint (chown (folder, 0, 0), ==, 0);
  session_clear (&session);
}

/* --reset removes every file Code Rescue keeps: the set-aside ones hold
 * the username and email too, and a FIFO is removed, not opened */
static void
test_reset_everything (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GString) left = g_string_new (NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  Session session = { 0 };
  gboolean right;

  session_init (&session, "reset-everything");
  folder = g_path_get_dirname (session.path);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *aside = aside_name (session.path, i);

      g_assert_true (rescue_store_save (session.store, session.flow, NULL));
      g_assert_cmpint (g_rename (session.path, aside), ==, 0);
    }
  g_assert_cmpint (mkfifo (session.path, 0600), ==, 0);

  right = rescue_store_delete (session.store, &error);
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_string_append_printf (left, "%s%s", left->len > 0 ? ", " : "", name);

  add_row ("reset: set-aside files and a FIFO", "all deleted",
           left->len == 0 ? "all deleted" : left->str,
           right && left->len == 0 ? "yes" : "NO");

  g_assert_no_error (error);
  g_assert_true (right);
  g_assert_cmpstr (left->str, ==, "");
  session_clear (&session);
}

/* Saving where nothing can be written: the parent of the progress folder
 * is a regular file (chmod would not stop root) */
static void
test_write_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RescueStore) store = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *path = NULL;
  g_autofree char *got = NULL;
  Session session = { 0 };
  gboolean right, readable, kept, restores;

  session_init (&session, "read-only");
  blocker = g_build_filename (session.dir, "not-a-folder", NULL);
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  path = g_build_filename (blocker, "code-rescue", "progress.json", NULL);

  store = rescue_store_new (path);
  right = !rescue_store_save (store, session.flow, &error) &&
          g_error_matches (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE);
  readable = error != NULL && error->message[0] != '\0' && g_utf8_validate (error->message, -1, NULL);
  got = describe_error (error);
  kept = typed_kept (&session);
  /* What was saved before, elsewhere, is untouched */
  restores = progress_restores (session.path, session.flow);

  add_row ("file: read-only location", "error write", got,
           right && readable && kept && restores ? "yes" : "NO");
  g_test_message ("read-only: %s", error ? error->message : "saved?");

  g_assert_true (right);
  g_assert_true (readable);
  g_assert_true (kept);
  g_assert_true (restores);
  session_clear (&session);
}

/* A full disk: writes past a few bytes fail with EFBIG, as they would with
 * ENOSPC, even for root. The atomic replacement must leave the previous
 * file whole. */
static void
test_write_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  struct rlimit saved, tiny;
  void (*old_handler) (int);
  Session session = { 0 };
  gboolean saved_ok, right, readable, kept, restores;

  session_init (&session, "disk-full");
  rescue_flow_set_username (session.flow, "Jack_Rescue_2");

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  tiny = saved;
  tiny.rlim_cur = 16;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &tiny), ==, 0);

  saved_ok = rescue_store_save (session.store, session.flow, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  right = !saved_ok && g_error_matches (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE);
  readable = error != NULL && error->message[0] != '\0' && g_utf8_validate (error->message, -1, NULL);
  got = describe_error (error);
  kept = g_strcmp0 (rescue_flow_get_username (session.flow), "Jack_Rescue_2") == 0 &&
         g_strcmp0 (rescue_flow_get_email (session.flow), TYPED_EMAIL) == 0;

  /* The file on disk is still the last good save, with the first username */
  rescue_flow_set_username (session.flow, TYPED_USERNAME);
  restores = progress_restores (session.path, session.flow);

  add_row ("file: disk full", "error write, old file whole", got,
           right && readable && kept && restores ? "yes" : "NO");
  g_test_message ("disk full: %s", error ? error->message : "saved?");

  g_assert_true (right);
  g_assert_true (readable);
  g_assert_true (kept);
  g_assert_true (restores);
  session_clear (&session);
}

/* ---- Issue 21: the network off the main loop, one writer, the command line */

#define FLOOD_MAX_S        30   /* the server stops by itself after this */
#define FLOOD_TIMEOUT_S    2
#define TICK_MS            100

/* A server that answers every connection with "HTTP/1.1 100 Continue",
 * over and over, as fast as the socket takes it. SoupServer cannot do
 * that, so it is a raw socket, in a thread of its own: the main loop it
 * would share is the one under test. */
typedef struct
{
  GSocket *listener;
  guint16  port;
  gint     stop;      /* atomic */
  gint64   sent;      /* atomic: bytes */
  GThread *thread;
} Flood;

static gpointer
flood_thread (gpointer data)
{
  Flood *flood = data;
  gint64 end = g_get_monotonic_time () + FLOOD_MAX_S * G_USEC_PER_SEC;
  g_autoptr(GString) burst = g_string_new (NULL);

  while (burst->len < 16 * 1024)
    g_string_append (burst, "HTTP/1.1 100 Continue\r\n\r\n");

  while (!g_atomic_int_get (&flood->stop) && g_get_monotonic_time () < end)
    {
      g_autoptr(GSocket) client = g_socket_accept (flood->listener, NULL, NULL);
      gsize offset = 0;

      if (client == NULL)
        continue;   /* the 1 s timeout: look at the clock and the flag again */

      g_socket_set_timeout (client, 1);
      while (!g_atomic_int_get (&flood->stop) && g_get_monotonic_time () < end)
        {
          g_autoptr(GError) error = NULL;
          /* A short write goes on where it stopped: a torn "100 Continue"
           * would end the flood as a parse error */
          gssize n = g_socket_send (client, burst->str + offset, burst->len - offset,
                                    NULL, &error);

          if (n > 0)
            {
              g_atomic_pointer_add (&flood->sent, n);
              offset = (offset + (gsize) n) % burst->len;
            }
          else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
            break;
        }
      g_socket_close (client, NULL);
    }

  return NULL;
}

static void
flood_start (Flood *flood)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  flood->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                  G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (flood->listener, address, TRUE, &error));
  g_assert_true (g_socket_listen (flood->listener, &error));
  g_socket_set_timeout (flood->listener, 1);
  bound = g_socket_get_local_address (flood->listener, &error);
  g_assert_no_error (error);
  flood->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  flood->thread = g_thread_new ("flood", flood_thread, flood);
}

static void
flood_stop (Flood *flood)
{
  g_atomic_int_set (&flood->stop, 1);
  g_thread_join (flood->thread);
  g_socket_close (flood->listener, NULL);
  g_clear_object (&flood->listener);
}

static gboolean
tick_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Fault 1: libsoup reads informational answers in a loop, so on the main
 * context a flood of them froze the window: no redraw, no Cancel, no
 * deadline, no quit over D-Bus. The check now runs in its own thread: the
 * main loop keeps ticking, and the deadline ends the check on time. */
static void
test_support_flood (void)
{
  g_autofree char *form_url = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *described = NULL;
  g_autofree char *got = NULL;
  g_autoptr(RescueSupportRequest) request = NULL;
  g_autoptr(GNetworkMonitor) monitor = test_net_fake_monitor_new (TRUE);
  CheckResult check = { 0 };
  Session session = { 0 };
  Flood flood = { 0 };
  guint ticks = 0;
  guint tick_source;
  gboolean right, readable, answered, flooded, kept;

  session_init (&session, "flood");
  flood_start (&flood);
  form_url = g_strdup_printf ("http://127.0.0.1:%u/form", flood.port);
  fallback = url (servers.http_base, "/form");

  request = rescue_support_request_new (form_url, fallback);
  rescue_support_request_set_timeout (request, FLOOD_TIMEOUT_S);
  rescue_support_request_set_network_monitor (request, monitor);

  /* About 20 ticks in the 2 s the check takes; asking for a few leaves room
   * for a loaded machine, while a frozen loop gives none */
  tick_source = g_timeout_add (TICK_MS, tick_cb, &ticks);
  alarm (FLOOD_MAX_S + 30);
  rescue_support_request_check_async (request,
                                      rescue_flow_get_username (session.flow),
                                      rescue_flow_get_email (session.flow),
                                      NULL, check_done_cb, &check);
  iterate_until (&check.done);
  alarm (0);
  g_source_remove (tick_source);
  flooded = g_atomic_pointer_get (&flood.sent) > 0;
  flood_stop (&flood);

  right = !check.ok && g_error_matches (check.error, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_TIMEOUT);
  readable = message_is_readable (check.error);
  answered = ticks >= 5;
  kept = typed_kept (&session);
  described = describe_error (check.error);
  got = g_strdup_printf ("%s, %u ticks of %u ms", described, ticks, TICK_MS);
  g_test_message ("flood: %" G_GINT64_FORMAT " bytes of 100 Continue sent; %u main-loop ticks; %s",
                  (gint64) g_atomic_pointer_get (&flood.sent), ticks,
                  check.error != NULL ? check.error->message : "no error");

  add_row ("support: flood of 100 Continue", "error timeout, main loop ticking", got,
           right && readable && answered && flooded && kept ? "yes" : "NO");

  g_assert_true (flooded);
  g_assert_true (answered);
  g_assert_true (right);
  g_assert_true (readable);
  g_assert_true (kept);

  g_clear_error (&check.error);
  g_free (check.uri);
  session_clear (&session);
}

/* Fault 6: the email check let invisible letters through, though its own
 * message says they are refused */
static void
test_support_invisible_email (void)
{
  static const char *invisible[] = {
    "jack\xe3\x85\xa4@example.org",      /* U+3164 Hangul filler */
    "jack\xe1\x85\x9f@example.org",      /* U+115F */
    "jack\xe1\x85\xa0@example.org",      /* U+1160 */
    "jack\xef\xbe\xa0@example.org",      /* U+FFA0 */
    "jack\xe2\xa0\x80@example.org",      /* U+2800 braille blank */
    "jack\xcd\x8f@example.org",          /* U+034F combining grapheme joiner */
    "jack\xef\xb8\x8f@example.org",      /* U+FE0F variation selector */
    "jack\xe1\xa0\x8b@example.org",      /* U+180B Mongolian variation selector */
    "jack\xe2\x81\xa0@example.org",      /* U+2060 word joiner (format) */
    "jack\xf3\xa0\x80\x81@example.org",  /* U+E0001 language tag */
  };
  g_autoptr(GString) passed = g_string_new (NULL);
  gboolean still_valid;

  for (guint i = 0; i < G_N_ELEMENTS (invisible); i++)
    {
      g_autoptr(GError) error = NULL;

      if (rescue_support_validate_email (invisible[i], NULL, &error) ||
          !g_error_matches (error, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_INVALID_EMAIL))
        {
          gunichar c = g_utf8_get_char (invisible[i] + strlen ("jack"));

          g_string_append_printf (passed, "%sU+%04X", passed->len > 0 ? ", " : "", c);
        }
    }
  /* Accents and other scripts are still letters */
  still_valid = rescue_support_validate_email (TYPED_EMAIL, NULL, NULL);

  add_row ("support: invisible letters in the email", "all refused",
           passed->len == 0 ? "all refused" : passed->str,
           passed->len == 0 && still_valid ? "yes" : "NO");

  g_assert_cmpstr (passed->str, ==, "");
  g_assert_true (still_valid);
}

/* Fault 3: a second app on another session bus is not GApplication's
 * primary instance, so only the lock tells it that the progress is
 * someone else's: it must read, save and delete nothing */
static void
test_lock_second_app (void)
{
  g_autoptr(RescueStore) first = NULL;
  g_autoptr(RescueStore) second = NULL;
  g_autoptr(RescueFlow) other = rescue_flow_new ();
  g_autoptr(GError) lock_error = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autoptr(GError) delete_error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *got = NULL;
  RescueStoreLoadResult result;
  Session session = { 0 };
  gboolean locked, refused, untouched, mode_ok;
  g_autofree char *lock_path = NULL;
  GStatBuf info;

  session_init (&session, "second-app");
  first = rescue_store_new (session.path);
  g_assert_true (rescue_store_lock (first, NULL));
  lock_path = g_build_filename (session.dir, "code-rescue", "lock", NULL);
  mode_ok = g_stat (lock_path, &info) == 0 && (info.st_mode & 0777) == 0600;

  second = rescue_store_new (session.path);
  locked = !rescue_store_lock (second, &lock_error) &&
           g_error_matches (lock_error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_LOCKED);
  result = rescue_store_load (second, other, &load_error);
  rescue_flow_set_username (other, "someone_else");
  refused = result == RESCUE_STORE_LOAD_LOCKED &&
            !rescue_store_save (second, other, &save_error) &&
            !rescue_store_delete (second, &delete_error) &&
            g_error_matches (delete_error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_LOCKED);
  untouched = progress_restores (session.path, session.flow);
  described = describe_error (lock_error);
  got = g_strdup_printf ("%s, %s", load_result_name (result), described);

  add_row ("reset: second app on another bus", "locked, error locked, file untouched", got,
           locked && refused && untouched && mode_ok ? "yes" : "NO");

  g_assert_true (mode_ok);
  g_assert_true (locked);
  g_assert_true (refused);
  g_assert_true (untouched);

  /* The kernel lets go with the holder: the next app takes over */
  g_clear_object (&first);
  g_clear_object (&second);
  second = rescue_store_new (session.path);
  g_assert_true (rescue_store_lock (second, NULL));
  session_clear (&session);
}

typedef struct
{
  int   status;   /* the exit status, or -1 */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs code-rescue as a shell would, with no display and a session bus
 * where no Code Rescue can be */
static void
run_app (const char  *cwd,
         const char  *state_home,
         const char  *home,
         const char  *arg,
         Run         *run)
{
  g_autofree char *built = g_test_build_filename (G_TEST_BUILT, "..", "src", "code-rescue", NULL);
  g_autofree char *here = g_get_current_dir ();
  /* Run by hand, the test's folder may be relative; the app runs elsewhere */
  g_autofree char *app = g_path_is_absolute (built) ? g_strdup (built)
                                                    : g_build_filename (here, built, NULL);
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { app, arg, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
  env = g_environ_setenv (env, "XDG_STATE_HOME", state_home, TRUE);
  if (home != NULL)
    env = g_environ_setenv (env, "HOME", home, TRUE);

  alarm (60);
  g_spawn_sync (cwd, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  alarm (0);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("code-rescue %s: exit %d, out “%s”, err “%s”", arg, run->status, run->out, run->err);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* Fault 3, from a shell: --reset used to delete and say so while the
 * holder kept the progress in memory, to write it back at the next
 * keystroke */
static void
test_reset_locked (void)
{
  g_autoptr(RescueStore) holder = NULL;
  g_autofree char *got = NULL;
  Session session = { 0 };
  Run run = { 0 };
  gboolean right, kept;

  session_init (&session, "reset-locked");
  holder = rescue_store_new (session.path);
  g_assert_true (rescue_store_lock (holder, NULL));

  run_app (session.dir, session.dir, NULL, "--reset", &run);
  kept = progress_restores (session.path, session.flow);
  right = run.status == 1 && count_lines (run.err) == 1 && run.out[0] == '\0';
  got = g_strdup_printf ("exit %d, %u line(s), %s", run.status, count_lines (run.err),
                         kept ? "file kept" : "file gone");

  add_row ("reset: folder locked by an app on another bus", "exit 1, 1 line, file kept", got,
           right && kept ? "yes" : "NO");

  g_assert_true (right);
  g_assert_true (kept);
  run_clear (&run);
  session_clear (&session);
}

/* Fault 7: GApplication took "foo" for a file to open */
static void
test_command_line_extra_argument (void)
{
  g_autofree char *got = NULL;
  Run run = { 0 };
  gboolean right;

  run_app (servers.tmp, servers.tmp, NULL, "foo", &run);
  right = run.status == 2 && count_lines (run.err) == 1 &&
          strstr (run.err, "CRITICAL") == NULL && strstr (run.err, "--help") != NULL;
  got = g_strdup_printf ("exit %d, %s", run.status,
                         strstr (run.err, "CRITICAL") != NULL ? "a CRITICAL" : "a sentence");

  add_row ("command line: extra argument", "exit 2, a sentence", got, right ? "yes" : "NO");
  g_assert_true (right);
  run_clear (&run);
}

/* Fault 8: "Could not delete the saved progress:" twice, and exit 1 with
 * nothing to delete */
static void
test_command_line_state_is_a_file (void)
{
  g_autofree char *file = g_build_filename (servers.tmp, "state-is-a-file", NULL);
  g_autofree char *got = NULL;
  Run run = { 0 };
  gboolean right;

  g_assert_true (g_file_set_contents (file, "", 0, NULL));
  run_app (servers.tmp, file, NULL, "--reset", &run);
  right = run.status == 0 && strstr (run.err, "Could not") == NULL;
  got = g_strdup_printf ("exit %d, %s", run.status,
                         strstr (run.err, "Could not") != NULL ? "an error" : "nothing to delete");

  add_row ("command line: XDG_STATE_HOME is a file", "exit 0, nothing to delete", got,
           right ? "yes" : "NO");
  g_assert_true (right);
  run_clear (&run);
}

/* Fault 9: a relative XDG_STATE_HOME put the progress under the current
 * folder; the spec says to ignore it */
static void
test_command_line_relative_state (void)
{
  g_autofree char *root = g_build_filename (servers.tmp, "relative-state", NULL);
  g_autofree char *home = g_build_filename (root, "home", NULL);
  g_autofree char *cwd = g_build_filename (root, "cwd", NULL);
  g_autofree char *in_home = g_build_filename (home, ".local", "state", "code-rescue", "progress.json", NULL);
  g_autofree char *in_cwd = g_build_filename (cwd, "state", "code-rescue", "progress.json", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *got = NULL;
  Run run = { 0 };
  gboolean right;

  folder = g_path_get_dirname (in_home);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (in_home, "{}", -1, NULL));
  g_clear_pointer (&folder, g_free);
  folder = g_path_get_dirname (in_cwd);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (in_cwd, "{}", -1, NULL));

  run_app (cwd, "state", home, "--reset", &run);
  right = run.status == 0 && !g_file_test (in_home, G_FILE_TEST_EXISTS) &&
          g_file_test (in_cwd, G_FILE_TEST_EXISTS);
  got = g_strdup_printf ("exit %d, %s", run.status,
                         !g_file_test (in_home, G_FILE_TEST_EXISTS) ? "~/.local/state used"
                                                                    : "the current folder used");

  add_row ("command line: relative XDG_STATE_HOME", "exit 0, ~/.local/state used", got,
           right ? "yes" : "NO");
  g_assert_true (right);
  run_clear (&run);
}

/* "support: redirect to http" → "/fault-matrix/support/redirect-to-http" */
static char *
test_path (const char *name)
{
  g_autoptr(GString) path = g_string_new ("/fault-matrix/");
  const char *colon = strchr (name, ':');

  g_string_append_len (path, name, colon - name);
  g_string_append_c (path, '/');
  for (const char *p = colon + 2; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (path, g_ascii_tolower (*p));
      else if (path->str[path->len - 1] != '-' && path->str[path->len - 1] != '/')
        g_string_append_c (path, '-');
    }
  while (path->str[path->len - 1] == '-')
    g_string_truncate (path, path->len - 1);

  return g_string_free (g_steal_pointer (&path), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  servers_start ();

  for (guint i = 0; i < G_N_ELEMENTS (support_cases); i++)
    {
      g_autofree char *path = test_path (support_cases[i].name);

      g_test_add_data_func (path, &support_cases[i], test_support);
    }
  g_test_add_func ("/fault-matrix/support/dns-failure", test_support_dns);
  for (guint i = 0; i < G_N_ELEMENTS (file_cases); i++)
    {
      g_autofree char *path = test_path (file_cases[i].name);

      g_test_add_data_func (path, &file_cases[i], test_file);
    }
  g_test_add_func ("/fault-matrix/file/read-only-location", test_write_read_only);
  g_test_add_func ("/fault-matrix/file/disk-full", test_write_disk_full);
  g_test_add_func ("/fault-matrix/file/corrupt-name-taken", test_aside_name_taken);
  g_test_add_func ("/fault-matrix/file/nowhere-to-set-aside", test_aside_impossible);
  g_test_add_func ("/fault-matrix/file/two-bad-files-in-a-row", test_two_bad_files);
  g_test_add_func ("/fault-matrix/file/folder-owned-by-someone-else", test_foreign_folder);
  g_test_add_func ("/fault-matrix/reset/set-aside-files-and-fifo", test_reset_everything);
  g_test_add_func ("/fault-matrix/support/flood-of-100-continue", test_support_flood);
  g_test_add_func ("/fault-matrix/support/invisible-letters-in-the-email", test_support_invisible_email);
  g_test_add_func ("/fault-matrix/reset/second-app-on-another-bus", test_lock_second_app);
  g_test_add_func ("/fault-matrix/reset/folder-locked-by-an-app-on-another-bus", test_reset_locked);
  g_test_add_func ("/fault-matrix/command-line/extra-argument", test_command_line_extra_argument);
  g_test_add_func ("/fault-matrix/command-line/state-home-is-a-file", test_command_line_state_is_a_file);
  g_test_add_func ("/fault-matrix/command-line/relative-state-home", test_command_line_relative_state);

  status = g_test_run ();

  print_matrix ();
  servers_stop ();
  g_clear_pointer (&rows, g_ptr_array_unref);

  return status;
}
