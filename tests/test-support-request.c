/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rescue-enums.h"
#include "rescue-support-request.h"
#include "test-net.h"

#define HUGE_BODY (10 * 1024 * 1024)

/* ---- Validation table -------------------------------------------------- */

typedef enum { USERNAME, EMAIL } Field;

typedef struct
{
  Field       field;
  char       *input;
  const char *normalized;   /* NULL: refused */
  const char *in_message;   /* NULL, or a piece the error message must hold */
} Case;

static void
case_free (Case *c)
{
  g_free (c->input);
  g_free (c);
}

static void
add_case (GPtrArray  *cases,
          Field       field,
          char       *input,
          const char *normalized,
          const char *in_message)
{
  Case *c = g_new0 (Case, 1);

  c->field = field;
  c->input = input;
  c->normalized = normalized;
  c->in_message = in_message;
  g_ptr_array_add (cases, c);
}

#define U_OK(in, out)    add_case (cases, USERNAME, g_strdup (in), out, NULL)
#define U_BAD(in, piece) add_case (cases, USERNAME, g_strdup (in), NULL, piece)
#define E_OK(in, out)    add_case (cases, EMAIL, g_strdup (in), out, NULL)
#define E_BAD(in, piece) add_case (cases, EMAIL, g_strdup (in), NULL, piece)

static char *email_254;

static GPtrArray *
validation_cases (void)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  g_autofree char *local_242 = g_strnfill (254 - strlen ("@example.com"), 'a');
  g_autofree char *local_243 = g_strnfill (255 - strlen ("@example.com"), 'a');
  g_autofree char *ten_kb = g_strnfill (10 * 1024, 'a');

  g_clear_pointer (&email_254, g_free);
  email_254 = g_strconcat (local_242, "@example.com", NULL);

  U_OK ("jack", "jack");
  U_OK ("@jack", "jack");
  U_OK ("  @jack  ", "jack");
  U_OK ("\tjack\n", "jack");
  U_OK ("jack\r\n", "jack");
  U_OK ("Jack_Dorsey_123", "Jack_Dorsey_123");     /* 15 */
  U_OK ("@Jack_Dorsey_123", "Jack_Dorsey_123");
  U_OK ("x", "x");
  U_OK ("_", "_");
  U_OK ("0123456789", "0123456789");
  U_BAD ("", "Enter");
  U_BAD ("   ", "Enter");
  U_BAD ("@", "Enter");
  U_BAD ("@@jack", "“@”");
  U_BAD ("Jack_Dorsey_1234", "15");                 /* 16 */
  U_BAD ("jack dorsey", "spaces");
  U_BAD ("@ jack", "spaces");
  U_BAD ("jöhn", "accents");
  U_BAD ("ｊａｃｋ", "accents");                     /* fullwidth */
  U_BAD ("jack\xc2\xa0", "accents");                /* no-break space */
  U_BAD ("ja\r\nck", "line breaks");
  U_BAD ("jack\x01", "invisible");
  U_BAD ("jack\xe2\x80\xae", "accents");            /* U+202E RTL override */
  U_BAD ("\xff\xfejack", "accents");                /* invalid UTF-8 */
  U_BAD ("ja&ck", "“&”");
  U_BAD ("ja#ck", "“#”");
  U_BAD ("ja%ck", "“%”");
  U_BAD ("ja?ck", "“?”");
  U_BAD ("ja=ck", "“=”");
  U_BAD ("ja+ck", "“+”");
  U_BAD ("ja/ck", "“/”");
  U_BAD ("ja.ck", "“.”");
  U_BAD ("ja-ck", "“-”");
  U_BAD ("jack@example.com", "“@”");
  add_case (cases, USERNAME, g_strdup (ten_kb), NULL, "15");

  E_OK ("a@b.c", "a@b.c");
  E_OK ("a+b@example.org", "a+b@example.org");
  E_OK ("jack@example.com", "jack@example.com");
  E_OK ("  jack@example.com \n", "jack@example.com");
  E_OK ("a@b.com\t", "a@b.com");
  E_OK ("first.last@mail.example.co.uk", "first.last@mail.example.co.uk");
  E_OK ("jöhn@exämple.de", "jöhn@exämple.de");
  E_OK ("a&b@example.com", "a&b@example.com");
  E_OK ("a#b%c?d=e/f@example.com", "a#b%c?d=e/f@example.com");
  E_OK ("o'brien@example.ie", "o'brien@example.ie");
  E_OK ("%41@example.com", "%41@example.com");
  add_case (cases, EMAIL, g_strdup (email_254), email_254, NULL);
  E_BAD ("", "Enter");
  E_BAD (" \t ", "Enter");
  E_BAD ("@", "name before");
  E_BAD ("a@b", "domain");
  E_BAD ("a@@b.com", "only one @");
  E_BAD ("@example.com", "name before");
  E_BAD ("a@.com", "domain");
  E_BAD ("a@com.", "domain");
  E_BAD ("a@b..com", "domain");
  E_BAD ("a@b.c.", "domain");
  E_BAD ("jack", "needs an @");
  E_BAD ("jack.example.com", "needs an @");
  E_BAD ("jack @example.com", "spaces");
  E_BAD ("jack@exa mple.com", "spaces");
  E_BAD ("jack@example.com\r\nBcc: x@example.net", "spaces");
  E_BAD ("jack\x01@example.com", "control");
  E_BAD ("jack\x7f@example.com", "control");
  E_BAD ("jack\xe2\x80\xae@example.com", "control");     /* U+202E */
  E_BAD ("jack\xe2\x80\x8b@example.com", "control");     /* zero-width space */
  E_BAD ("jack\xff@example.com", "cannot be read");       /* invalid UTF-8 */
  E_BAD ("jack\xc3@example.com", "cannot be read");       /* truncated sequence */
  add_case (cases, EMAIL, g_strconcat (local_243, "@example.com", NULL), NULL, "254");
  add_case (cases, EMAIL, g_strconcat (ten_kb, "@example.com", NULL), NULL, "254");

  return cases;
}

static void
assert_sentence (const GError *error)
{
  gsize len = strlen (error->message);

  g_assert_cmpuint (len, >, 20);
  g_assert_true (g_ascii_isupper (error->message[0]));
  g_assert_cmpint (error->message[len - 1], ==, '.');
}

static void
test_validation_table (void)
{
  g_autoptr(GPtrArray) cases = validation_cases ();
  guint valid = 0;

  g_assert_cmpuint (cases->len, >=, 40);

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean ok;

      g_test_message ("case %u: %.40s", i, c->input);
      if (c->field == USERNAME)
        ok = rescue_support_validate_username (c->input, &normalized, &error);
      else
        ok = rescue_support_validate_email (c->input, &normalized, &error);

      if (c->normalized != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (normalized, ==, c->normalized);
          valid++;
        }
      else
        {
          g_assert_false (ok);
          g_assert_null (normalized);
          g_assert_error (error, RESCUE_SUPPORT_ERROR,
                          (int) (c->field == USERNAME ? RESCUE_SUPPORT_ERROR_INVALID_USERNAME
                                                      : RESCUE_SUPPORT_ERROR_INVALID_EMAIL));
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          assert_sentence (error);
          g_assert_nonnull (strstr (error->message, c->in_message));
        }
    }

  g_assert_cmpuint (valid, >=, 20);
  g_assert_cmpuint (strlen (email_254), ==, 254);
}

/* Default_Ignorable_Code_Point and the blank-looking letters: GLib's
 * tables classify some (format characters), the rest are listed */
static void
test_validation_invisible_letters (void)
{
  static const gunichar invisible[] = {
    0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180b, 0x180e,
    0x180f, 0x200b, 0x200d, 0x200e, 0x202e, 0x2060, 0x2066, 0x2800, 0x3164,
    0xfe00, 0xfe0f, 0xfeff, 0xffa0, 0x1d173, 0xe0001, 0xe0041, 0xe0100,
  };

  for (guint i = 0; i < G_N_ELEMENTS (invisible); i++)
    {
      char letter[8] = { 0 };
      g_autofree char *email = NULL;
      g_autoptr(GError) error = NULL;

      g_unichar_to_utf8 (invisible[i], letter);
      email = g_strconcat ("jack", letter, "@example.org", NULL);
      g_test_message ("U+%04X", invisible[i]);
      g_assert_false (rescue_support_validate_email (email, NULL, &error));
      g_assert_error (error, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_INVALID_EMAIL);
    }

  /* Letters with marks, and other scripts, stay */
  g_assert_true (rescue_support_validate_email ("ze\xcc\x81@example.org", NULL, NULL));
  g_assert_true (rescue_support_validate_email ("\xe4\xbe\x8b@\xe4\xbe\x8b\xe3\x81\x88.jp", NULL, NULL));
}

/* What a restored username or email may hold: anything the entries can
 * hold as typed, unfinished or not; never more than they hold, nor a
 * character that hides or reorders text */
static void
test_saved_details (void)
{
  static const struct { const char *text; gboolean ok; } usernames[] = {
    { "", TRUE }, { "ali", TRUE }, { "@", TRUE }, { "  @jack ", TRUE },
    { "ali ce", TRUE }, { "al&ce", TRUE }, { "zoë", TRUE },
    { "typed_just_before_quit", TRUE },
    { "alice\n\nPlease also reset the email", FALSE }, { "jack\r", FALSE },
    { "jack\t", FALSE }, { "\xe2\x80\xae" "jack", FALSE }, { "ja\xe2\x80\x8b" "ck", FALSE },
    { "jack\xe3\x85\xa4", FALSE }, { "\xed\xa0\x80", FALSE },
  };
  static const struct { const char *text; gboolean ok; } emails[] = {
    { "", TRUE }, { "@", TRUE }, { "ali", TRUE }, { "a b@c.com", TRUE },
    { "zoë+tag@exämple.org", TRUE },
    { "\xe2\x80\xae" "moc.live@rekcatta", FALSE }, { "a@b.com\nBcc: x@y.z", FALSE },
    { "\xe3\x85\xa4@example.org", FALSE }, { "a\xe2\x81\xa6@b.com", FALSE },
  };
  g_autofree char *longest_name = g_strnfill (RESCUE_SUPPORT_USERNAME_ENTRY_MAX, 'a');
  g_autofree char *too_long_name = g_strnfill (RESCUE_SUPPORT_USERNAME_ENTRY_MAX + 1, 'a');
  g_autofree char *huge_name = g_strnfill (60000, 'a');
  g_autofree char *too_long_email = g_strnfill (RESCUE_SUPPORT_EMAIL_ENTRY_MAX + 1, 'e');
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (usernames); i++)
    {
      g_autoptr(GError) local_error = NULL;

      g_test_message ("username %u", i);
      g_assert_cmpint (rescue_support_check_saved_username (usernames[i].text, &local_error), ==,
                       usernames[i].ok);
      if (!usernames[i].ok)
        g_assert_error (local_error, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_INVALID_USERNAME);
    }
  for (guint i = 0; i < G_N_ELEMENTS (emails); i++)
    {
      g_autoptr(GError) local_error = NULL;

      g_test_message ("email %u", i);
      g_assert_cmpint (rescue_support_check_saved_email (emails[i].text, &local_error), ==,
                       emails[i].ok);
      if (!emails[i].ok)
        g_assert_error (local_error, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_INVALID_EMAIL);
    }

  /* The caps count characters, as the entries do */
  g_assert_true (rescue_support_check_saved_username (longest_name, NULL));
  g_assert_false (rescue_support_check_saved_username (too_long_name, NULL));
  g_assert_false (rescue_support_check_saved_username (huge_name, &error));
  g_assert_error (error, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_INVALID_USERNAME);
  g_assert_false (rescue_support_check_saved_email (too_long_email, NULL));
  for (guint i = 0; i < RESCUE_SUPPORT_USERNAME_ENTRY_MAX; i++)
    g_string_append (wide, "ë");
  g_assert_true (rescue_support_check_saved_username (wide->str, NULL));
  g_string_append (wide, "ë");
  g_assert_false (rescue_support_check_saved_username (wide->str, NULL));
}

/* The normalized value may be discarded */
static void
test_validation_null_out (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rescue_support_validate_username ("@jack", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rescue_support_validate_email ("a@b.c", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rescue_support_validate_email ("a@b", NULL, NULL));
  g_assert_false (rescue_support_validate_username ("", NULL, NULL));
}

/* ---- Allowed URIs ------------------------------------------------------ */

static void
test_uri_allowed (void)
{
  static const struct { const char *uri; gboolean allowed; } cases[] = {
    { "https://x.com/", TRUE },
    { "https://help.x.com/en/forms/account-access/regain-access", TRUE },
    { "https://twitter.com/", TRUE },
    { "https://help.twitter.com/en/forms/x?lang=en#top", TRUE },
    { "https://HELP.X.COM/forms", TRUE },
    { "HTTPS://help.x.com/forms", TRUE },
    { "https://x.com:443/", TRUE },
    { "https://a.b.twitter.com/", TRUE },
    { "http://127.0.0.1:8080/form", TRUE },
    { "http://127.5.6.7/", TRUE },
    { "https://127.0.0.1/", TRUE },
    { "http://localhost:1234/form", TRUE },
    { "http://LOCALHOST/", TRUE },
    { "http://[::1]:8080/form", TRUE },
    { "http://x.com/", FALSE },
    { "http://help.twitter.com/en/forms", FALSE },
    { "https://evilx.com/", FALSE },
    { "https://eviltwitter.com/", FALSE },
    { "https://x.com.evil.net/", FALSE },
    { "https://help.x.com.evil.net/", FALSE },
    { "https://x.com@evil.net/", FALSE },
    { "https://evil.net@x.com/", FALSE },
    { "https://user:pass@help.x.com/", FALSE },
    { "https://x.com%40evil.net/", FALSE },
    { "https://x.co/", FALSE },
    { "https://x.com.", FALSE },
    { "https://.x.com/", FALSE },
    { "https://a..x.com/", FALSE },
    { "https://x.com:8443/", FALSE },
    { "ftp://x.com/", FALSE },
    { "file:///etc/passwd", FALSE },
    { "javascript:alert(1)", FALSE },
    { "x.com", FALSE },
    { "//x.com/", FALSE },
    { "", FALSE },
    { "http://10.0.0.1/", FALSE },
    { "http://192.168.1.1/", FALSE },
    { "http://localhost.evil.net/", FALSE },
    { "http://127.0.0.1.evil.net/", FALSE },
    { "http://[::2]/", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].uri);
      g_assert_cmpint (rescue_support_uri_is_allowed (cases[i].uri), ==, cases[i].allowed);
    }
  g_assert_false (rescue_support_uri_is_allowed (NULL));
}

/* ---- Building the form URI --------------------------------------------- */

static GHashTable *
query_of (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL);

  g_assert_nonnull (parsed);
  g_assert_nonnull (g_uri_get_query (parsed));
  return g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
}

static void
test_build_keeps_query (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GHashTable) params = NULL;

  uri = rescue_support_build_form_uri ("https://help.x.com/en/forms/2fa?lang=en&x=%2F#top",
                                       "jack_99", "a+b&c=d@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uri, ==,
                   "https://help.x.com/en/forms/2fa?lang=en&x=%2F"
                   "&username=jack_99&email=a%2Bb%26c%3Dd%40example.org#top");

  params = query_of (uri);
  g_assert_cmpuint (g_hash_table_size (params), ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (params, "lang"), ==, "en");
  g_assert_cmpstr (g_hash_table_lookup (params, "x"), ==, "/");
  g_assert_cmpstr (g_hash_table_lookup (params, "email"), ==, "a+b&c=d@example.org");
  g_clear_pointer (&uri, g_free);

  uri = rescue_support_build_form_uri ("http://127.0.0.1:1234/form", "jack", "j ö@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uri, ==, "http://127.0.0.1:1234/form?username=jack&email=j+%C3%B6%40example.com");
}

static void
test_build_refuses_unsafe (void)
{
  static const char * const bases[] = {
    "http://help.x.com/form", "https://evilx.com/", "https://x.com@evil.net/", "not a uri",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = rescue_support_build_form_uri (bases[i], "jack", "a@b.c", &error);

      g_assert_null (uri);
      g_assert_error (error, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_UNSAFE_URL);
      assert_sentence (error);
    }
}

/* ---- Error mapping ------------------------------------------------------ */

static void
test_error_mapping (void)
{
  static const struct { const char *domain; int code; RescueSupportError expected; } cases[] = {
    { "resolver", G_RESOLVER_ERROR_NOT_FOUND, RESCUE_SUPPORT_ERROR_DNS },
    { "resolver", G_RESOLVER_ERROR_TEMPORARY_FAILURE, RESCUE_SUPPORT_ERROR_DNS },
    { "io", G_IO_ERROR_HOST_NOT_FOUND, RESCUE_SUPPORT_ERROR_DNS },
    { "io", G_IO_ERROR_CONNECTION_REFUSED, RESCUE_SUPPORT_ERROR_REFUSED },
    { "io", G_IO_ERROR_TIMED_OUT, RESCUE_SUPPORT_ERROR_TIMEOUT },
    { "tls", G_TLS_ERROR_BAD_CERTIFICATE, RESCUE_SUPPORT_ERROR_TLS },
    { "tls", G_TLS_ERROR_HANDSHAKE, RESCUE_SUPPORT_ERROR_TLS },
    { "tls", G_TLS_ERROR_NOT_TLS, RESCUE_SUPPORT_ERROR_TLS },
    { "io", G_IO_ERROR_NETWORK_UNREACHABLE, RESCUE_SUPPORT_ERROR_NETWORK },
    { "io", G_IO_ERROR_BROKEN_PIPE, RESCUE_SUPPORT_ERROR_NETWORK },
    { "io", G_IO_ERROR_CONNECTION_CLOSED, RESCUE_SUPPORT_ERROR_NETWORK },
    { "soup", SOUP_SESSION_ERROR_PARSING, RESCUE_SUPPORT_ERROR_NETWORK },
  };
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GQuark domain = g_str_equal (cases[i].domain, "resolver") ? G_RESOLVER_ERROR
                    : g_str_equal (cases[i].domain, "io") ? G_IO_ERROR
                    : g_str_equal (cases[i].domain, "tls") ? G_TLS_ERROR
                    : SOUP_SESSION_ERROR;
      g_autoptr(GError) raw = g_error_new_literal (domain, cases[i].code, "raw technical text");
      g_autoptr(GError) mapped = rescue_support_error_from_network (raw);

      g_assert_error (mapped, RESCUE_SUPPORT_ERROR, (int) cases[i].expected);
      g_assert_null (strstr (mapped->message, "raw technical text"));
      assert_sentence (mapped);
      g_assert_nonnull (strstr (mapped->message, "try again"));
      g_hash_table_add (messages, g_strdup_printf ("%d", cases[i].expected));
    }
  g_assert_cmpuint (g_hash_table_size (messages), ==, 5);

  {
    g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
    g_autoptr(GError) mapped = rescue_support_error_from_network (cancelled);

    g_assert_error (mapped, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpstr (mapped->message, ==, "Operation was cancelled");
  }
}

/* ---- A local server ----------------------------------------------------- */

typedef struct
{
  SoupServer      *server;
  char            *base;        /* http://127.0.0.1:PORT */
  GNetworkMonitor *online;
  guint            requests;
  char            *last_path;
  char            *last_query;
  char            *last_user_agent;
  GCancellable    *cancel_on_request;
  gsize            huge_written;
  gboolean         huge_finished;
} Fixture;

static void
huge_wrote_cb (SoupServerMessage *msg,
               guint              chunk_size,
               Fixture           *fixture)
{
  fixture->huge_written += chunk_size;
}

static void
huge_finished_cb (SoupServerMessage *msg,
                  Fixture           *fixture)
{
  fixture->huge_finished = TRUE;
}

static void
redirect (SoupServerMessage *msg,
          guint              status,
          const char        *location)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Location", location);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);

  fixture->requests++;
  g_free (fixture->last_path);
  fixture->last_path = g_strdup (path);
  g_free (fixture->last_query);
  fixture->last_query = g_strdup (g_uri_get_query (uri));
  g_free (fixture->last_user_agent);
  fixture->last_user_agent = g_strdup (soup_message_headers_get_one (request_headers, "User-Agent"));

  if (fixture->cancel_on_request != NULL)
    g_cancellable_cancel (fixture->cancel_on_request);

  if (g_str_equal (path, "/form") || g_str_equal (path, "/new-form") ||
      g_str_equal (path, "/fallback") || g_str_equal (path, "/hops/0"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<p>form</p>", strlen ("<p>form</p>"));
    }
  else if (g_str_equal (path, "/moved-permanently"))
    redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/new-form");
  else if (g_str_equal (path, "/redirect-keeps-query"))
    {
      g_autofree char *location = g_strconcat ("new-form?", g_uri_get_query (uri), NULL);

      redirect (msg, SOUP_STATUS_FOUND, location);
    }
  else if (g_str_equal (path, "/to-http"))
    redirect (msg, SOUP_STATUS_FOUND, "http://example.com/form");
  else if (g_str_equal (path, "/to-evil"))
    redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, "https://evil.example.net/");
  else if (g_str_equal (path, "/to-userinfo"))
    redirect (msg, SOUP_STATUS_FOUND, "https://x.com@evil.example.net/");
  else if (g_str_equal (path, "/loop"))
    redirect (msg, SOUP_STATUS_FOUND, "/loop");
  else if (g_str_has_prefix (path, "/hops/"))
    {
      guint64 n = g_ascii_strtoull (path + strlen ("/hops/"), NULL, 10);
      g_autofree char *location = g_strdup_printf ("/hops/%" G_GUINT64_FORMAT, n - 1);

      redirect (msg, SOUP_STATUS_PERMANENT_REDIRECT, location);
    }
  else if (g_str_equal (path, "/redirect-no-location"))
    soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
  else if (g_str_equal (path, "/gone-404"))
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
  else if (g_str_equal (path, "/gone-410"))
    soup_server_message_set_status (msg, SOUP_STATUS_GONE, NULL);
  else if (g_str_equal (path, "/error-500"))
    soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else if (g_str_equal (path, "/error-503"))
    soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
  else if (g_str_equal (path, "/busy-429"))
    soup_server_message_set_status (msg, 429, NULL);
  else if (g_str_equal (path, "/forbidden-403"))
    soup_server_message_set_status (msg, SOUP_STATUS_FORBIDDEN, NULL);
  else if (g_str_equal (path, "/never"))
    soup_server_message_pause (msg);
  else if (g_str_equal (path, "/huge"))
    {
      char *body = g_malloc (HUGE_BODY);

      memset (body, 'x', HUGE_BODY);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, body, HUGE_BODY);
      g_signal_connect (msg, "wrote-body-data", G_CALLBACK (huge_wrote_cb), fixture);
      g_signal_connect (msg, "finished", G_CALLBACK (huge_finished_cb), fixture);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_IMPLEMENTED, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GUri) base = NULL;

  fixture->server = test_net_server_new (server_cb, fixture, 0, &base);
  /* Without the trailing "/": the tests append paths that start with one */
  fixture->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (base));

  fixture->online = test_net_fake_monitor_new (TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->online);
  g_clear_pointer (&fixture->base, g_free);
  g_clear_pointer (&fixture->last_path, g_free);
  g_clear_pointer (&fixture->last_query, g_free);
  g_clear_pointer (&fixture->last_user_agent, g_free);
  while (g_main_context_iteration (NULL, FALSE));
}

static char *
server_uri (Fixture    *fixture,
            const char *path)
{
  return g_strconcat (fixture->base, path, NULL);
}

static RescueSupportRequest *
request_for (Fixture    *fixture,
             const char *path)
{
  g_autofree char *form = server_uri (fixture, path);
  g_autofree char *fallback = server_uri (fixture, "/fallback?lang=en");
  RescueSupportRequest *request = rescue_support_request_new (form, fallback);

  rescue_support_request_set_network_monitor (request, fixture->online);
  return request;
}

typedef struct
{
  gboolean          done;
  gboolean          ok;
  gboolean          source_was_null;
  RescueFormAnswer  answer;
  char             *uri;
  GError           *error;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->uri, g_free);
  g_clear_error (&outcome->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outcome, outcome_clear)

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->source_was_null = source == NULL;
  outcome->ok = rescue_support_request_check_finish (RESCUE_SUPPORT_REQUEST (source), result,
                                                     &outcome->answer, &outcome->uri,
                                                     &outcome->error);
  outcome->done = TRUE;
}

static void
wait_for (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static void
run_check (RescueSupportRequest *request,
           const char           *username,
           const char           *email,
           GCancellable         *cancellable,
           Outcome              *outcome)
{
  rescue_support_request_check_async (request, username, email, cancellable,
                                      check_done_cb, outcome);
  /* Never synchronously, so that a caller can always finish setting up */
  g_assert_false (outcome->done);
  wait_for (&outcome->done);
  g_assert_true (outcome->ok == (outcome->error == NULL));
  g_assert_true (outcome->ok == (outcome->uri != NULL));
}

static void
assert_details (const char *uri_or_query,
                gboolean    is_query,
                const char *username,
                const char *email)
{
  g_autoptr(GHashTable) params = NULL;

  if (is_query)
    params = g_uri_parse_params (uri_or_query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  else
    params = query_of (uri_or_query);
  g_assert_nonnull (params);
  g_assert_cmpstr (g_hash_table_lookup (params, "username"), ==, username);
  g_assert_cmpstr (g_hash_table_lookup (params, "email"), ==, email);
}

static void
assert_fails_with (Outcome *outcome,
                   int      code)
{
  g_assert_false (outcome->ok);
  g_assert_error (outcome->error, RESCUE_SUPPORT_ERROR, code);
  assert_sentence (outcome->error);
}

/* What arrives at the server is exactly what was typed, minus the @ and the
 * surrounding spaces */
static void
test_check_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = validation_cases ();
  g_autoptr(RescueSupportRequest) request = request_for (fixture, "/form");
  guint checked = 0;

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      g_auto(Outcome) outcome = { 0 };
      const char *typed_username = c->field == USERNAME ? c->input : "@jack";
      const char *typed_email = c->field == EMAIL ? c->input : "jack@example.com";
      const char *username = c->field == USERNAME ? c->normalized : "jack";
      const char *email = c->field == EMAIL ? c->normalized : "jack@example.com";
      guint before = fixture->requests;

      if (c->normalized == NULL)
        continue;

      run_check (request, typed_username, typed_email, NULL, &outcome);
      g_assert_no_error (outcome.error);
      g_assert_cmpint (outcome.answer, ==, RESCUE_FORM_ANSWER_OK);
      g_assert_cmpuint (fixture->requests, ==, before + 1);
      g_assert_cmpstr (fixture->last_path, ==, "/form");
      assert_details (fixture->last_query, TRUE, username, email);
      assert_details (outcome.uri, FALSE, username, email);
      g_assert_true (g_str_has_prefix (outcome.uri, fixture->base));
      checked++;
    }

  g_assert_cmpuint (checked, >=, 20);
  g_assert_cmpstr (fixture->last_user_agent, ==, "Code Rescue/" PACKAGE_VERSION);
}

static void
test_check_ok (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RescueSupportRequest) request = request_for (fixture, "/form?lang=en");
  g_auto(Outcome) outcome = { 0 };
  g_autofree char *expected = NULL;

  run_check (request, " @jack_99 ", "a+b@example.org", NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_false (outcome.source_was_null);
  g_assert_cmpint (outcome.answer, ==, RESCUE_FORM_ANSWER_OK);
  expected = g_strconcat (fixture->base, "/form?lang=en&username=jack_99&email=a%2Bb%40example.org", NULL);
  g_assert_cmpstr (outcome.uri, ==, expected);
  g_assert_cmpuint (fixture->requests, ==, 1);
}

static void
test_check_redirect (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const paths[] = { "/moved-permanently", "/redirect-keeps-query" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(RescueSupportRequest) request = request_for (fixture, paths[i]);
      g_auto(Outcome) outcome = { 0 };
      g_autofree char *expected = NULL;

      fixture->requests = 0;
      run_check (request, "jack", "a&b@example.com", NULL, &outcome);
      g_assert_no_error (outcome.error);
      g_assert_cmpint (outcome.answer, ==, RESCUE_FORM_ANSWER_OK);
      /* The query is there exactly once, whether the redirect kept it or not */
      expected = g_strconcat (fixture->base, "/new-form?username=jack&email=a%26b%40example.com", NULL);
      g_assert_cmpstr (outcome.uri, ==, expected);
      g_assert_cmpuint (fixture->requests, ==, 2);
      g_assert_cmpstr (fixture->last_path, ==, "/new-form");
    }
}

static void
test_check_redirect_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const paths[] = { "/to-http", "/to-evil", "/to-userinfo" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(RescueSupportRequest) request = request_for (fixture, paths[i]);
      g_auto(Outcome) outcome = { 0 };

      /* Connecting to these hosts would end in a DNS or network error
       * instead: the refusal comes before any connection */
      run_check (request, "jack", "a@b.com", NULL, &outcome);
      assert_fails_with (&outcome, RESCUE_SUPPORT_ERROR_REDIRECT_REFUSED);
    }
}

static void
test_check_redirect_hops (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RescueSupportRequest) five = request_for (fixture, "/hops/5");
  g_autoptr(RescueSupportRequest) six = request_for (fixture, "/hops/6");
  g_autoptr(RescueSupportRequest) loop = request_for (fixture, "/loop");
  g_auto(Outcome) outcome_five = { 0 };
  g_auto(Outcome) outcome_six = { 0 };
  g_auto(Outcome) outcome_loop = { 0 };

  run_check (five, "jack", "a@b.com", NULL, &outcome_five);
  g_assert_no_error (outcome_five.error);
  g_assert_cmpint (outcome_five.answer, ==, RESCUE_FORM_ANSWER_OK);
  g_assert_true (g_str_has_prefix (outcome_five.uri, fixture->base));
  g_assert_nonnull (strstr (outcome_five.uri, "/hops/0?username=jack&email=a%40b.com"));
  g_assert_cmpuint (fixture->requests, ==, 6);

  fixture->requests = 0;
  run_check (six, "jack", "a@b.com", NULL, &outcome_six);
  assert_fails_with (&outcome_six, RESCUE_SUPPORT_ERROR_TOO_MANY_REDIRECTS);
  g_assert_cmpuint (fixture->requests, ==, RESCUE_SUPPORT_MAX_REDIRECTS + 1);

  fixture->requests = 0;
  run_check (loop, "jack", "a@b.com", NULL, &outcome_loop);
  assert_fails_with (&outcome_loop, RESCUE_SUPPORT_ERROR_TOO_MANY_REDIRECTS);
  g_assert_cmpuint (fixture->requests, ==, RESCUE_SUPPORT_MAX_REDIRECTS + 1);
}

static void
test_check_statuses (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct { const char *path; RescueFormAnswer answer; gboolean fallback; } cases[] = {
    { "/gone-404", RESCUE_FORM_ANSWER_MOVED, TRUE },
    { "/gone-410", RESCUE_FORM_ANSWER_MOVED, TRUE },
    { "/error-500", RESCUE_FORM_ANSWER_SERVER_TROUBLE, FALSE },
    { "/error-503", RESCUE_FORM_ANSWER_SERVER_TROUBLE, FALSE },
    { "/busy-429", RESCUE_FORM_ANSWER_OTHER, FALSE },
    { "/forbidden-403", RESCUE_FORM_ANSWER_OTHER, FALSE },
    { "/redirect-no-location", RESCUE_FORM_ANSWER_OTHER, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RescueSupportRequest) request = request_for (fixture, cases[i].path);
      g_auto(Outcome) outcome = { 0 };
      g_autofree char *expected = NULL;

      g_test_message ("%s", cases[i].path);
      fixture->requests = 0;
      run_check (request, "@jack", "jack@example.com", NULL, &outcome);
      g_assert_no_error (outcome.error);
      g_assert_cmpint (outcome.answer, ==, cases[i].answer);
      expected = g_strconcat (fixture->base,
                              cases[i].fallback ? "/fallback?lang=en&" : cases[i].path,
                              cases[i].fallback ? "" : "?",
                              "username=jack&email=jack%40example.com", NULL);
      g_assert_cmpstr (outcome.uri, ==, expected);
      /* The fallback is opened, not fetched */
      g_assert_cmpuint (fixture->requests, ==, 1);
    }
}

static void
test_check_timeout (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RescueSupportRequest) request = request_for (fixture, "/never");
  g_auto(Outcome) outcome = { 0 };

  rescue_support_request_set_timeout (request, 1);
  run_check (request, "jack", "a@b.com", NULL, &outcome);
  assert_fails_with (&outcome, RESCUE_SUPPORT_ERROR_TIMEOUT);
  g_assert_cmpuint (fixture->requests, ==, 1);
}

static void
test_check_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RescueSupportRequest) request = NULL;
  g_autofree char *form = NULL;
  g_auto(Outcome) outcome = { 0 };

  /* Refused: nothing listens on that port */
  form = g_strdup_printf ("http://127.0.0.1:%u/form", test_net_closed_port ());
  request = rescue_support_request_new (form, form);
  rescue_support_request_set_network_monitor (request, fixture->online);
  run_check (request, "jack", "a@b.com", NULL, &outcome);
  assert_fails_with (&outcome, RESCUE_SUPPORT_ERROR_REFUSED);
}

static void
test_check_huge_body (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RescueSupportRequest) request = request_for (fixture, "/huge");
  g_auto(Outcome) outcome = { 0 };

  run_check (request, "jack", "a@b.com", NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.answer, ==, RESCUE_FORM_ANSWER_OK);

  /* The client hung up: the server stops writing without having sent it all */
  wait_for (&fixture->huge_finished);
  g_test_message ("server wrote %" G_GSIZE_FORMAT " bytes", fixture->huge_written);
  g_assert_cmpuint (fixture->huge_written, <, HUGE_BODY);
}

static void
test_check_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RescueSupportRequest) request = request_for (fixture, "/never");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Outcome) outcome = { 0 };

  fixture->cancel_on_request = cancellable;
  run_check (request, "jack", "a@b.com", cancellable, &outcome);
  fixture->cancel_on_request = NULL;
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->requests, ==, 1);
}

static void
test_check_dispose_cancels (Fixture       *fixture,
                            gconstpointer  data)
{
  RescueSupportRequest *request = request_for (fixture, "/never");
  g_auto(Outcome) outcome = { 0 };

  g_object_add_weak_pointer (G_OBJECT (request), (gpointer *) &request);
  rescue_support_request_check_async (request, "jack", "a@b.com", NULL, check_done_cb, &outcome);
  while (fixture->requests == 0)
    g_main_context_iteration (NULL, TRUE);

  /* The check holds no reference: dropping the request ends it */
  g_object_unref (request);
  g_assert_null (request);
  wait_for (&outcome.done);
  g_assert_true (outcome.source_was_null);
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  Outcome       outcome;
  GMainContext *context;    /* expected: the caller's thread default */
  GThread      *thread;
  gboolean      right_place;
} Placed;

static void
placed_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Placed *placed = user_data;

  placed->right_place = g_main_context_get_thread_default () == placed->context &&
                        g_main_context_is_owner (placed->context) &&
                        g_thread_self () == placed->thread;
  check_done_cb (source, result, &placed->outcome);
}

/* The check runs in a thread of its own, but its result comes back on the
 * thread-default context of the caller, on the caller's thread */
static void
test_check_result_on_caller_context (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(RescueSupportRequest) request = request_for (fixture, "/form");
  g_autoptr(GMainContext) context = g_main_context_new ();
  Placed placed = { { 0 }, context, g_thread_self (), FALSE };

  g_main_context_push_thread_default (context);
  rescue_support_request_check_async (request, "jack", "a@b.com", NULL, placed_done_cb, &placed);
  g_main_context_pop_thread_default (context);

  /* The server answers from the global default context */
  while (!placed.outcome.done)
    {
      gboolean busy = g_main_context_iteration (NULL, FALSE);

      busy |= g_main_context_iteration (context, FALSE);
      if (!busy)
        g_usleep (1000);
    }

  g_assert_true (placed.right_place);
  g_assert_no_error (placed.outcome.error);
  g_assert_cmpint (placed.outcome.answer, ==, RESCUE_FORM_ANSWER_OK);
  outcome_clear (&placed.outcome);
}

/* The deadline and Cancel are kept on the caller's side: they answer even
 * when the thread is not heard from (here the server never answers, and
 * its main context is not even run while the caller waits) */
static void
test_check_deadline_on_caller_side (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(RescueSupportRequest) request = request_for (fixture, "/never");
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Outcome) timed_out = { 0 };
  g_auto(Outcome) cancelled = { 0 };

  g_main_context_push_thread_default (context);
  rescue_support_request_set_timeout (request, 1);
  rescue_support_request_check_async (request, "jack", "a@b.com", NULL, check_done_cb, &timed_out);
  rescue_support_request_set_timeout (request, 0);
  rescue_support_request_check_async (request, "jack", "a@b.com", cancellable, check_done_cb, &cancelled);
  g_cancellable_cancel (cancellable);
  while (!timed_out.done || !cancelled.done)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  assert_fails_with (&timed_out, RESCUE_SUPPORT_ERROR_TIMEOUT);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_check_offline (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RescueSupportRequest) request = request_for (fixture, "/form");
  g_autoptr(GNetworkMonitor) offline = test_net_fake_monitor_new (FALSE);
  g_auto(Outcome) outcome = { 0 };

  rescue_support_request_set_network_monitor (request, offline);
  run_check (request, "jack", "a@b.com", NULL, &outcome);
  assert_fails_with (&outcome, RESCUE_SUPPORT_ERROR_OFFLINE);
  g_assert_cmpuint (fixture->requests, ==, 0);
}

static void
test_check_invalid_details (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RescueSupportRequest) request = request_for (fixture, "/form");
  g_auto(Outcome) bad_username = { 0 };
  g_auto(Outcome) bad_email = { 0 };

  run_check (request, "jack dorsey", "a@b.com", NULL, &bad_username);
  assert_fails_with (&bad_username, RESCUE_SUPPORT_ERROR_INVALID_USERNAME);
  run_check (request, "jack", "a@b", NULL, &bad_email);
  assert_fails_with (&bad_email, RESCUE_SUPPORT_ERROR_INVALID_EMAIL);
  g_assert_cmpuint (fixture->requests, ==, 0);
}

static void
test_check_unsafe_form (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *local = server_uri (fixture, "/form");
  static const char *unsafe[] = { "http://help.x.com/form", "https://evilx.com/form" };

  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    {
      g_autoptr(RescueSupportRequest) as_form = rescue_support_request_new (unsafe[i], local);
      g_autoptr(RescueSupportRequest) as_fallback = rescue_support_request_new (local, unsafe[i]);
      g_auto(Outcome) outcome_form = { 0 };
      g_auto(Outcome) outcome_fallback = { 0 };

      rescue_support_request_set_network_monitor (as_form, fixture->online);
      rescue_support_request_set_network_monitor (as_fallback, fixture->online);
      run_check (as_form, "jack", "a@b.com", NULL, &outcome_form);
      assert_fails_with (&outcome_form, RESCUE_SUPPORT_ERROR_UNSAFE_URL);
      run_check (as_fallback, "jack", "a@b.com", NULL, &outcome_fallback);
      assert_fails_with (&outcome_fallback, RESCUE_SUPPORT_ERROR_UNSAFE_URL);
    }
  g_assert_cmpuint (fixture->requests, ==, 0);
}

/* ---- Opening the browser ------------------------------------------------ */

static char *xdg_root;

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/* Set before anything in GIO reads the desktop files, which it does once */
static void
set_up_xdg (gboolean with_browser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *data_dirs = NULL;
  g_autofree char *config_dirs = NULL;

  xdg_root = g_dir_make_tmp ("rescue-support-XXXXXX", &error);
  g_assert_no_error (error);

  data_home = g_build_filename (xdg_root, "data", NULL);
  config_home = g_build_filename (xdg_root, "config", NULL);
  data_dirs = g_build_filename (xdg_root, "data-dirs", NULL);
  config_dirs = g_build_filename (xdg_root, "config-dirs", NULL);
  g_mkdir_with_parents (data_home, 0700);
  g_mkdir_with_parents (config_home, 0700);
  g_mkdir_with_parents (data_dirs, 0700);
  g_mkdir_with_parents (config_dirs, 0700);

  if (with_browser)
    {
      g_autofree char *script = g_build_filename (xdg_root, "fake-browser", NULL);
      g_autofree char *received = g_build_filename (xdg_root, "received", NULL);
      g_autofree char *desktop = g_build_filename (data_home, "applications",
                                                   "rescue-fake-browser.desktop", NULL);
      g_autofree char *mimeapps = g_build_filename (config_home, "mimeapps.list", NULL);
      g_autofree char *script_text = NULL;
      g_autofree char *desktop_text = NULL;

      /* Written then renamed, so the test never reads half a URL */
      script_text = g_strdup_printf ("#!/bin/sh\n"
                                     "printf '%%s' \"$1\" > '%s.tmp' && mv '%s.tmp' '%s'\n",
                                     received, received, received);
      desktop_text = g_strdup_printf ("[Desktop Entry]\n"
                                      "Type=Application\n"
                                      "Name=Fake Browser\n"
                                      "Exec=%s %%u\n"
                                      "NoDisplay=true\n"
                                      "MimeType=x-scheme-handler/http;x-scheme-handler/https;\n",
                                      script);
      write_file (script, script_text, 0700);
      write_file (desktop, desktop_text, 0600);
      write_file (mimeapps,
                  "[Default Applications]\n"
                  "x-scheme-handler/https=rescue-fake-browser.desktop\n"
                  "x-scheme-handler/http=rescue-fake-browser.desktop\n",
                  0600);
    }

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", config_dirs, TRUE);
  g_unsetenv ("XDG_CURRENT_DESKTOP");
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} OpenOutcome;

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenOutcome *outcome = user_data;

  outcome->ok = rescue_support_request_open_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
open_and_wait (const char  *uri,
               OpenOutcome *outcome)
{
  rescue_support_request_open_async (uri, NULL, NULL, open_done_cb, outcome);
  wait_for (&outcome->done);
  g_assert_true (outcome->ok == (outcome->error == NULL));
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
test_open_browser (void)
{
  g_autofree char *received = g_build_filename (xdg_root, "received", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  OpenOutcome unsafe = { 0 };
  OpenOutcome outcome = { 0 };
  guint tick;

  uri = rescue_support_build_form_uri ("https://help.x.com/en/forms/2fa-problem?lang=en",
                                       "jack_99", "a+b&c=d ö@example.org", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (uri, "&email=a%2Bb%26c%3Dd+%C3%B6%40example.org"));

  open_and_wait ("https://evil.example.net/", &unsafe);
  g_assert_error (unsafe.error, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_UNSAFE_URL);
  g_clear_error (&unsafe.error);

  open_and_wait (uri, &outcome);
  g_assert_no_error (outcome.error);

  /* The browser runs on its own; wait for it to have written */
  tick = g_timeout_add (20, tick_cb, NULL);
  while (!g_file_test (received, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  g_file_get_contents (received, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, uri);
}

static void
test_open_no_browser (void)
{
  OpenOutcome outcome = { 0 };

  if (!g_test_subprocess ())
    {
      /* A fresh process, whose GIO has never seen the fake browser */
      g_setenv ("RESCUE_TEST_NO_BROWSER", "1", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("RESCUE_TEST_NO_BROWSER");
      g_test_trap_assert_passed ();
      return;
    }

  open_and_wait ("https://help.x.com/en/forms/2fa-problem?username=jack&email=a%40b.com", &outcome);
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_NO_BROWSER);
  assert_sentence (outcome.error);
  g_assert_nonnull (strstr (outcome.error->message, "Copy the link"));
  g_clear_error (&outcome.error);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  setlocale (LC_ALL, "");
  set_up_xdg (g_getenv ("RESCUE_TEST_NO_BROWSER") == NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/support/validation/table", test_validation_table);
  g_test_add_func ("/support/validation/null-out", test_validation_null_out);
  g_test_add_func ("/support/validation/invisible-letters", test_validation_invisible_letters);
  g_test_add_func ("/support/validation/saved-details", test_saved_details);
  g_test_add_func ("/support/uri/allowed", test_uri_allowed);
  g_test_add_func ("/support/uri/build-keeps-query", test_build_keeps_query);
  g_test_add_func ("/support/uri/build-refuses-unsafe", test_build_refuses_unsafe);
  g_test_add_func ("/support/error-mapping", test_error_mapping);

#define ADD_SERVER_TEST(path, func) \
  g_test_add ("/support/check/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_SERVER_TEST ("round-trip", test_check_round_trip);
  ADD_SERVER_TEST ("ok", test_check_ok);
  ADD_SERVER_TEST ("redirect", test_check_redirect);
  ADD_SERVER_TEST ("redirect-refused", test_check_redirect_refused);
  ADD_SERVER_TEST ("redirect-hops", test_check_redirect_hops);
  ADD_SERVER_TEST ("statuses", test_check_statuses);
  ADD_SERVER_TEST ("timeout", test_check_timeout);
  ADD_SERVER_TEST ("refused", test_check_refused);
  ADD_SERVER_TEST ("huge-body", test_check_huge_body);
  ADD_SERVER_TEST ("cancelled", test_check_cancelled);
  ADD_SERVER_TEST ("dispose-cancels", test_check_dispose_cancels);
  ADD_SERVER_TEST ("result-on-caller-context", test_check_result_on_caller_context);
  ADD_SERVER_TEST ("deadline-on-caller-side", test_check_deadline_on_caller_side);
  ADD_SERVER_TEST ("offline", test_check_offline);
  ADD_SERVER_TEST ("invalid-details", test_check_invalid_details);
  ADD_SERVER_TEST ("unsafe-form", test_check_unsafe_form);

  g_test_add_func ("/support/open/browser", test_open_browser);
  g_test_add_func ("/support/open/no-browser", test_open_no_browser);

  ret = g_test_run ();

  remove_tree (xdg_root);
  g_clear_pointer (&xdg_root, g_free);
  g_clear_pointer (&email_254, g_free);
  return ret;
}
