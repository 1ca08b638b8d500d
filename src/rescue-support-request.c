/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-support-request"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rescue-net-policy.h"
#include "rescue-support-request.h"

#define USERNAME_MAX RESCUE_SUPPORT_USERNAME_MAX
#define EMAIL_MAX RESCUE_SUPPORT_EMAIL_MAX
#define USER_AGENT "Code Rescue/" PACKAGE_VERSION

/*
 * The support request is the last resort of someone locked out of their
 * account, so it checks everything it sends and every hop it follows: the
 * details typed, the form address (X's own https hosts only), each redirect,
 * and what the network said, turned into a sentence that person can act on.
 */

struct _RescueSupportRequest
{
  GObject          parent_instance;

  SoupSession     *session;
  GNetworkMonitor *monitor;       /* NULL: the default one */
  char            *form_uri;
  char            *fallback_uri;
  guint            timeout;       /* seconds, 0 for none */

  GPtrArray       *in_flight;     /* of GCancellable, one per check */
};

G_DEFINE_FINAL_TYPE (RescueSupportRequest, rescue_support_request, G_TYPE_OBJECT)

G_DEFINE_QUARK (rescue-support-error-quark, rescue_support_error)

/* One reachability check. It deliberately holds no reference on the
 * request, so that dropping the request cancels the check (see dispose). */
typedef struct
{
  GWeakRef             self;
  SoupSession         *session;
  GAsyncReadyCallback  callback;
  gpointer             user_data;

  GCancellable        *caller_cancellable;
  gulong               caller_handler;
  GCancellable        *cancellable;   /* ours: caller, deadline and dispose */
  GSource             *deadline;
  gboolean             timed_out;

  char                *username;
  char                *email;
  GUri                *start;
  GUri                *current;
  char                *fallback;      /* prefilled */
  guint                hops;
  SoupMessage         *msg;
} Check;

typedef struct
{
  RescueFormAnswer  answer;
  char             *uri;
} CheckResult;

static void
check_result_free (CheckResult *result)
{
  g_free (result->uri);
  g_free (result);
}

static void
check_free (Check *check)
{
  if (check->caller_handler != 0)
    g_cancellable_disconnect (check->caller_cancellable, check->caller_handler);
  if (check->deadline != NULL)
    {
      g_source_destroy (check->deadline);
      g_source_unref (check->deadline);
    }
  g_weak_ref_clear (&check->self);
  g_clear_object (&check->session);
  g_clear_object (&check->caller_cancellable);
  g_clear_object (&check->cancellable);
  g_clear_pointer (&check->username, g_free);
  g_clear_pointer (&check->email, g_free);
  g_clear_pointer (&check->start, g_uri_unref);
  g_clear_pointer (&check->current, g_uri_unref);
  g_clear_pointer (&check->fallback, g_free);
  g_clear_object (&check->msg);
  g_free (check);
}

static gboolean
is_username_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

gboolean
rescue_support_validate_username (const char  *typed,
                                  char       **normalized,
                                  GError     **error)
{
  g_autofree char *name = NULL;
  const char *p;
  gsize len;

  g_return_val_if_fail (typed != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_strstrip (g_strdup (typed));
  /* People copy their handle as shown on X, with the @ */
  if (name[0] == '@')
    memmove (name, name + 1, strlen (name));

  if (name[0] == '\0')
    {
      g_set_error_literal (error, RESCUE_SUPPORT_ERROR,
                           RESCUE_SUPPORT_ERROR_INVALID_USERNAME,
                           _("Enter your X username, the name after the @ on your profile."));
      return FALSE;
    }

  for (p = name; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (is_username_char (*p))
        continue;

      if (c == ' ' || c == '\t')
        g_set_error_literal (error, RESCUE_SUPPORT_ERROR,
                             RESCUE_SUPPORT_ERROR_INVALID_USERNAME,
                             _("An X username cannot contain spaces. Use only letters, digits and underscores."));
      else if (c < 0x20 || c == 0x7f)
        g_set_error_literal (error, RESCUE_SUPPORT_ERROR,
                             RESCUE_SUPPORT_ERROR_INVALID_USERNAME,
                             _("An X username cannot contain line breaks or other invisible characters. Type it again using only letters, digits and underscores."));
      else if (c >= 0x80)
        g_set_error_literal (error, RESCUE_SUPPORT_ERROR,
                             RESCUE_SUPPORT_ERROR_INVALID_USERNAME,
                             _("An X username can only use the letters A to Z without accents, digits and underscores."));
      else
        g_set_error (error, RESCUE_SUPPORT_ERROR,
                     RESCUE_SUPPORT_ERROR_INVALID_USERNAME,
                     /* Translators: %c is a punctuation character such as & or # */
                     _("An X username cannot contain “%c”. Use only letters, digits and underscores."),
                     *p);
      return FALSE;
    }

  len = strlen (name);
  if (len > USERNAME_MAX)
    {
      g_set_error (error, RESCUE_SUPPORT_ERROR,
                   RESCUE_SUPPORT_ERROR_INVALID_USERNAME,
                   ngettext ("An X username has at most %d character; check that you typed only your username.",
                             "An X username has at most %d characters; check that you typed only your username.",
                             USERNAME_MAX),
                   USERNAME_MAX);
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&name);
  return TRUE;
}

/* Unicode's Default_Ignorable_Code_Point set is mostly format characters
 * (G_UNICODE_FORMAT: soft hyphen, zero-width and bidi controls, word
 * joiners, tags) or unassigned ones, which GLib's tables already tell.
 * These are the rest: letters and marks that draw nothing, and letters
 * that look blank though they are not ignorable (U+2800). */
static gboolean
is_blank_letter (gunichar c)
{
  return c == 0x034f ||                  /* combining grapheme joiner */
         c == 0x115f || c == 0x1160 ||   /* Hangul choseong/jungseong fillers */
         c == 0x17b4 || c == 0x17b5 ||   /* Khmer inherent vowels */
         (c >= 0x180b && c <= 0x180f) || /* Mongolian variation selectors */
         c == 0x2800 ||                  /* braille blank */
         c == 0x3164 ||                  /* Hangul filler */
         (c >= 0xfe00 && c <= 0xfe0f) || /* variation selectors */
         c == 0xffa0 ||                  /* halfwidth Hangul filler */
         (c >= 0xe0000 && c <= 0xe0fff); /* tags and variation selectors supplement */
}

static gboolean
is_invisible_char (gunichar c)
{
  if (is_blank_letter (c))
    return TRUE;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
email_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, RESCUE_SUPPORT_ERROR,
                       RESCUE_SUPPORT_ERROR_INVALID_EMAIL, message);
  return FALSE;
}

static gboolean
is_valid_domain (const char *domain)
{
  g_auto(GStrv) labels = NULL;

  if (strchr (domain, '.') == NULL)
    return FALSE;

  labels = g_strsplit (domain, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      if (labels[i][0] == '\0')
        return FALSE;
    }
  return TRUE;
}

gboolean
rescue_support_validate_email (const char  *typed,
                               char       **normalized,
                               GError     **error)
{
  g_autofree char *email = NULL;
  const char *at = NULL;
  const char *p;

  g_return_val_if_fail (typed != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  email = g_strstrip (g_strdup (typed));

  if (email[0] == '\0')
    return email_error (error, _("Enter the email address of your X account."));

  if (!g_utf8_validate (email, -1, NULL))
    return email_error (error, _("The email address contains characters that cannot be read. Type it again."));

  if (strlen (email) > EMAIL_MAX)
    return email_error (error, _("An email address can be at most 254 bytes long (letters outside A to Z count as more than one). Check that you typed only your email address."));

  for (p = email; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        return email_error (error, _("An email address cannot contain spaces or line breaks. Remove them, then try again."));
      if (is_invisible_char (c))
        return email_error (error, _("The email address contains invisible control characters. Type it again instead of pasting it."));
      if (c == '@')
        {
          if (at != NULL)
            return email_error (error, _("An email address contains only one @. Check the address and remove the extra one."));
          at = p;
        }
    }

  if (at == NULL)
    return email_error (error, _("An email address needs an @, as in name@example.com."));
  if (at == email)
    return email_error (error, _("An email address needs a name before the @, as in name@example.com."));
  if (!is_valid_domain (at + 1))
    return email_error (error, _("The part after the @ must be a domain such as example.com. Check the address for a missing or extra dot."));

  if (normalized != NULL)
    *normalized = g_steal_pointer (&email);
  return TRUE;
}

/* Saved details come back from a file that anyone with the account's
 * rights can edit. The entries save what is typed as it is typed, so a
 * value that is merely unfinished or wrong ("ali", "@", a name that is too
 * long for X) is kept, and the page says what is wrong with it, as it did
 * before the restart. What no one can type into them is refused: more
 * characters than they hold, or characters that hide or reorder text
 * (line breaks would also go verbatim into Copy Message). The length is
 * looked at first, and only as far as the cap, so that a huge value costs
 * nothing. */
static gboolean
check_saved (const char  *saved,
             glong        max_chars,
             int          code,
             const char  *what,
             GError     **error)
{
  /* No character takes more than 4 bytes in UTF-8 */
  gsize max_bytes = 4 * (gsize) max_chars;
  gsize length = strnlen (saved, max_bytes + 1);

  if (length > max_bytes ||
      (g_utf8_validate_len (saved, length, NULL) &&
       g_utf8_strlen (saved, length) > max_chars))
    {
      g_set_error (error, RESCUE_SUPPORT_ERROR, code,
                   "The saved %s is longer than the %ld characters its entry holds",
                   what, max_chars);
      return FALSE;
    }

  if (!g_utf8_validate_len (saved, length, NULL))
    {
      g_set_error (error, RESCUE_SUPPORT_ERROR, code,
                   "The saved %s is not valid text", what);
      return FALSE;
    }

  for (const char *p = saved; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible_char (c))
        {
          g_set_error (error, RESCUE_SUPPORT_ERROR, code,
                       "The saved %s holds U+%04X, a line break or an invisible character",
                       what, c);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * rescue_support_check_saved_username:
 * @saved: a username restored from saved progress
 *
 * Whether the support page's entry could hold @saved as typed: empty,
 * unfinished and invalid names pass (the page shows the validator's
 * error); one longer than the entry holds
 * (%RESCUE_SUPPORT_USERNAME_ENTRY_MAX characters), or holding a line
 * break, a control, bidi or invisible character, fails with
 * %RESCUE_SUPPORT_ERROR_INVALID_USERNAME and an English message for logs.
 * The cost never grows past the cap.
 */
gboolean
rescue_support_check_saved_username (const char  *saved,
                                     GError     **error)
{
  g_return_val_if_fail (saved != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_saved (saved, RESCUE_SUPPORT_USERNAME_ENTRY_MAX,
                      RESCUE_SUPPORT_ERROR_INVALID_USERNAME, "username", error);
}

/**
 * rescue_support_check_saved_email:
 * @saved: an email address restored from saved progress
 *
 * As rescue_support_check_saved_username(), for the email address: at
 * most %RESCUE_SUPPORT_EMAIL_ENTRY_MAX characters, otherwise
 * %RESCUE_SUPPORT_ERROR_INVALID_EMAIL.
 */
gboolean
rescue_support_check_saved_email (const char  *saved,
                                  GError     **error)
{
  g_return_val_if_fail (saved != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_saved (saved, RESCUE_SUPPORT_EMAIL_ENTRY_MAX,
                      RESCUE_SUPPORT_ERROR_INVALID_EMAIL, "email address", error);
}

static gboolean
guri_is_allowed (GUri *uri)
{
  return rescue_net_policy_allows (RESCUE_NET_SITE_HELP, uri);
}

gboolean
rescue_support_uri_is_allowed (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;

  if (uri == NULL)
    return FALSE;

  /* Parse as libsoup will, so that both agree on the host */
  parsed = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL);
  return parsed != NULL && guri_is_allowed (parsed);
}

static GError *
unsafe_url_error (void)
{
  return g_error_new_literal (RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_UNSAFE_URL,
                              _("The support form address is not a secure address on X’s website. Reset the support form setting to its default, then try again."));
}

static char *
build_from_guri (GUri       *base,
                 const char *username,
                 const char *email)
{
  g_autofree char *encoded = soup_form_encode ("username", username,
                                               "email", email,
                                               NULL);
  g_autofree char *query = NULL;
  const char *old_query = g_uri_get_query (base);
  g_autoptr(GUri) built = NULL;

  if (old_query != NULL && old_query[0] != '\0')
    query = g_strconcat (old_query, "&", encoded, NULL);
  else
    query = g_steal_pointer (&encoded);

  /* The base was parsed with encoded parts, so they go back unchanged and
   * the query, already form-encoded, is not encoded twice */
  built = g_uri_build (g_uri_get_flags (base) | G_URI_FLAGS_ENCODED_QUERY,
                       g_uri_get_scheme (base),
                       g_uri_get_userinfo (base),
                       g_uri_get_host (base),
                       g_uri_get_port (base),
                       g_uri_get_path (base),
                       query,
                       g_uri_get_fragment (base));
  return g_uri_to_string (built);
}

char *
rescue_support_build_form_uri (const char  *base_uri,
                               const char  *username,
                               const char  *email,
                               GError     **error)
{
  g_autoptr(GUri) base = NULL;

  g_return_val_if_fail (base_uri != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (email != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  base = g_uri_parse (base_uri, SOUP_HTTP_URI_FLAGS, NULL);
  if (base == NULL || !guri_is_allowed (base))
    {
      g_propagate_error (error, unsafe_url_error ());
      return NULL;
    }

  return build_from_guri (base, username, email);
}

static GError *
network_error (RescueSupportError code)
{
  const char *message;

  switch ((int) code)
    {
    case RESCUE_SUPPORT_ERROR_DNS:
      message = _("The address of X’s help site could not be found. Check your internet connection, then try again.");
      break;
    case RESCUE_SUPPORT_ERROR_REFUSED:
      message = _("X’s help site refused the connection. Wait a few minutes, then try again.");
      break;
    case RESCUE_SUPPORT_ERROR_TIMEOUT:
      message = _("X’s help site did not answer in time. Check your internet connection, then try again.");
      break;
    case RESCUE_SUPPORT_ERROR_TLS:
      message = _("A secure connection to X’s help site could not be made. Check that your computer’s date and time are correct, then try again.");
      break;
    default:
      code = RESCUE_SUPPORT_ERROR_NETWORK;
      message = _("X’s help site could not be reached. Check your internet connection, then try again.");
      break;
    }

  return g_error_new_literal (RESCUE_SUPPORT_ERROR, code, message);
}

/**
 * rescue_support_error_from_network:
 * @error: an error from GIO, GnuTLS or libsoup
 *
 * Returns: (transfer full): a %RESCUE_SUPPORT_ERROR saying what to do, or a
 *   copy of @error when it is %G_IO_ERROR_CANCELLED or already one of ours
 */
GError *
rescue_support_error_from_network (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == RESCUE_SUPPORT_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_RESOLVER_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    return network_error (RESCUE_SUPPORT_ERROR_DNS);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return network_error (RESCUE_SUPPORT_ERROR_REFUSED);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return network_error (RESCUE_SUPPORT_ERROR_TIMEOUT);
  if (error->domain == G_TLS_ERROR)
    return network_error (RESCUE_SUPPORT_ERROR_TLS);

  return network_error (RESCUE_SUPPORT_ERROR_NETWORK);
}

static void
check_complete (Check            *check,
                RescueFormAnswer  answer,
                char             *uri,
                GError           *error)
{
  g_autoptr(RescueSupportRequest) self = g_weak_ref_get (&check->self);
  g_autoptr(GTask) task = NULL;

  if (self != NULL && self->in_flight != NULL)
    g_ptr_array_remove (self->in_flight, check->cancellable);

  /* The task is only made now, so that it holds the request only while it
   * reports; if the request is gone, the source object is NULL */
  task = g_task_new (self, check->caller_cancellable, check->callback, check->user_data);
  g_task_set_source_tag (task, rescue_support_request_check_async);

  if (error != NULL)
    {
      g_free (uri);
      g_task_return_error (task, error);
    }
  else
    {
      CheckResult *result = g_new0 (CheckResult, 1);

      result->answer = answer;
      result->uri = uri;
      g_task_return_pointer (task, result, (GDestroyNotify) check_result_free);
    }

  check_free (check);
}

static void
check_fail (Check  *check,
            GError *error)
{
  check_complete (check, RESCUE_FORM_ANSWER_OK, NULL, error);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Check *check = user_data;

  check->timed_out = TRUE;
  g_cancellable_cancel (check->cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static void
discard_body (GInputStream *stream)
{
  g_autoptr(GCancellable) abandon = g_cancellable_new ();

  /* Only the status matters. Closing with a cancelled cancellable drops the
   * connection instead of reading the rest of a body of any size. */
  g_cancellable_cancel (abandon);
  g_input_stream_close (stream, abandon, NULL);
}

/* A redirect may drop the query; the person's details must still arrive */
static char *
uri_with_details (GUri       *uri,
                  const char *username,
                  const char *email)
{
  const char *query = g_uri_get_query (uri);

  if (query != NULL)
    {
      g_autoptr(GHashTable) params = g_uri_parse_params (query, -1, "&",
                                                         G_URI_PARAMS_WWW_FORM,
                                                         NULL);

      if (params != NULL &&
          g_strcmp0 (g_hash_table_lookup (params, "username"), username) == 0 &&
          g_strcmp0 (g_hash_table_lookup (params, "email"), email) == 0)
        return g_uri_to_string (uri);
    }

  return build_from_guri (uri, username, email);
}

static void send_hop (Check *check);

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Check *check = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && check->timed_out)
        check_fail (check, network_error (RESCUE_SUPPORT_ERROR_TIMEOUT));
      else
        check_fail (check, rescue_support_error_from_network (error));
      return;
    }

  status = soup_message_get_status (check->msg);
  discard_body (stream);

  g_debug ("%s answered %u", g_uri_get_host (check->current), status);

  if (rescue_net_policy_is_redirect (status))
    {
      g_autoptr(GError) hop_error = NULL;
      g_autoptr(GUri) next = rescue_net_policy_next_hop (RESCUE_NET_SITE_HELP, check->start,
                                                         check->msg, &check->hops,
                                                         RESCUE_SUPPORT_MAX_REDIRECTS,
                                                         &hop_error);

      if (next != NULL)
        {
          g_clear_pointer (&check->current, g_uri_unref);
          check->current = g_steal_pointer (&next);
          send_hop (check);
          return;
        }

      g_debug ("Not followed: %s", hop_error->message);
      if (g_error_matches (hop_error, RESCUE_NET_POLICY_ERROR, RESCUE_NET_POLICY_ERROR_REFUSED))
        {
          check_fail (check,
                      g_error_new_literal (RESCUE_SUPPORT_ERROR,
                                           RESCUE_SUPPORT_ERROR_REDIRECT_REFUSED,
                                           _("X’s help site sent the request on to an address that is not safe to open. Try again later, or copy the link and open it yourself.")));
          return;
        }
      if (g_error_matches (hop_error, RESCUE_NET_POLICY_ERROR, RESCUE_NET_POLICY_ERROR_TOO_MANY_REDIRECTS))
        {
          check_fail (check,
                      g_error_new_literal (RESCUE_SUPPORT_ERROR,
                                           RESCUE_SUPPORT_ERROR_TOO_MANY_REDIRECTS,
                                           _("X’s help site kept sending the request from one address to another. Try again later.")));
          return;
        }
      /* No Location: an answer like any other */
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    check_complete (check, RESCUE_FORM_ANSWER_OK,
                    uri_with_details (check->current, check->username, check->email),
                    NULL);
  else if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    check_complete (check, RESCUE_FORM_ANSWER_MOVED,
                    g_steal_pointer (&check->fallback), NULL);
  else if (status >= 500 && status <= 599)
    check_complete (check, RESCUE_FORM_ANSWER_SERVER_TROUBLE,
                    uri_with_details (check->current, check->username, check->email),
                    NULL);
  else
    check_complete (check, RESCUE_FORM_ANSWER_OTHER,
                    uri_with_details (check->current, check->username, check->email),
                    NULL);
}

static void
send_hop (Check *check)
{
  g_clear_object (&check->msg);
  check->msg = rescue_net_policy_new_message (check->current);
  soup_message_headers_replace (soup_message_get_request_headers (check->msg),
                                "User-Agent", USER_AGENT);

  soup_session_send_async (check->session, check->msg, G_PRIORITY_DEFAULT,
                           check->cancellable, sent_cb, check);
}

static void
rescue_support_request_dispose (GObject *object)
{
  RescueSupportRequest *self = RESCUE_SUPPORT_REQUEST (object);

  /* A page going away must not leave a request running in its name */
  if (self->in_flight != NULL)
    {
      g_autoptr(GPtrArray) in_flight = g_steal_pointer (&self->in_flight);

      for (guint i = 0; i < in_flight->len; i++)
        g_cancellable_cancel (g_ptr_array_index (in_flight, i));
    }

  g_clear_object (&self->session);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (rescue_support_request_parent_class)->dispose (object);
}

static void
rescue_support_request_finalize (GObject *object)
{
  RescueSupportRequest *self = RESCUE_SUPPORT_REQUEST (object);

  g_free (self->form_uri);
  g_free (self->fallback_uri);

  G_OBJECT_CLASS (rescue_support_request_parent_class)->finalize (object);
}

static void
rescue_support_request_class_init (RescueSupportRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rescue_support_request_dispose;
  object_class->finalize = rescue_support_request_finalize;
}

static void
rescue_support_request_init (RescueSupportRequest *self)
{
  self->timeout = RESCUE_SUPPORT_DEFAULT_TIMEOUT;
  self->in_flight = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * rescue_support_request_new:
 * @session: (nullable): the application's session; NULL for a private one
 * @form_uri: (nullable): the 2FA form; NULL or "" for the build default
 * @fallback_uri: (nullable): the general account-access form, opened when
 *   the 2FA form has moved; NULL or "" for the build default
 */
RescueSupportRequest *
rescue_support_request_new (SoupSession *session,
                            const char  *form_uri,
                            const char  *fallback_uri)
{
  RescueSupportRequest *self;

  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);

  self = g_object_new (RESCUE_TYPE_SUPPORT_REQUEST, NULL);
  self->session = session != NULL ? g_object_ref (session) : soup_session_new ();
  self->form_uri = g_strdup (form_uri != NULL && form_uri[0] != '\0'
                             ? form_uri : SUPPORT_FORM_URL);
  self->fallback_uri = g_strdup (fallback_uri != NULL && fallback_uri[0] != '\0'
                                 ? fallback_uri : FALLBACK_FORM_URL);
  return self;
}

/**
 * rescue_support_request_set_timeout:
 * @seconds: the deadline for the whole check, redirects included; 0 for none
 */
void
rescue_support_request_set_timeout (RescueSupportRequest *self,
                                    guint                 seconds)
{
  g_return_if_fail (RESCUE_IS_SUPPORT_REQUEST (self));

  self->timeout = seconds;
}

/**
 * rescue_support_request_set_network_monitor:
 * @monitor: (nullable): the monitor to ask; NULL for the default one
 */
void
rescue_support_request_set_network_monitor (RescueSupportRequest *self,
                                            GNetworkMonitor      *monitor)
{
  g_return_if_fail (RESCUE_IS_SUPPORT_REQUEST (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  g_set_object (&self->monitor, monitor);
}

/**
 * rescue_support_request_check_async:
 * @username: the username as typed
 * @email: the email address as typed
 *
 * Validates the details, then checks that the prefilled form answers,
 * following at most %RESCUE_SUPPORT_MAX_REDIRECTS redirects, each of them
 * checked. Disposing @self cancels the check.
 */
void
rescue_support_request_check_async (RescueSupportRequest *self,
                                    const char           *username,
                                    const char           *email,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *form = NULL;
  GNetworkMonitor *monitor;
  Check *check;

  g_return_if_fail (RESCUE_IS_SUPPORT_REQUEST (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (email != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  check = g_new0 (Check, 1);
  g_weak_ref_init (&check->self, self);
  check->session = g_object_ref (self->session);
  check->callback = callback;
  check->user_data = user_data;
  check->caller_cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  check->cancellable = g_cancellable_new ();
  if (self->in_flight != NULL)
    g_ptr_array_add (self->in_flight, g_object_ref (check->cancellable));

  if (!rescue_support_validate_username (username, &check->username, &error) ||
      !rescue_support_validate_email (email, &check->email, &error))
    {
      check_fail (check, g_steal_pointer (&error));
      return;
    }

  form = rescue_support_build_form_uri (self->form_uri, check->username, check->email, &error);
  if (form != NULL)
    check->fallback = rescue_support_build_form_uri (self->fallback_uri, check->username,
                                                     check->email, &error);
  if (error != NULL)
    {
      check_fail (check, g_steal_pointer (&error));
      return;
    }
  check->start = g_uri_parse (form, SOUP_HTTP_URI_FLAGS, NULL);
  g_assert (check->start != NULL);
  check->current = g_uri_ref (check->start);

  monitor = self->monitor != NULL ? self->monitor : g_network_monitor_get_default ();
  if (!g_network_monitor_get_network_available (monitor))
    {
      check_fail (check,
                  g_error_new_literal (RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_OFFLINE,
                                       _("This computer is not connected to the internet. Connect to a network, then try again.")));
      return;
    }

  if (cancellable != NULL)
    check->caller_handler = g_cancellable_connect (cancellable,
                                                   G_CALLBACK (caller_cancelled_cb),
                                                   g_object_ref (check->cancellable),
                                                   g_object_unref);

  /* SoupSession:timeout belongs to the whole application and only bounds
   * each socket wait; a deadline bounds the check, redirects included */
  if (self->timeout > 0)
    {
      check->deadline = g_timeout_source_new (self->timeout * 1000);
      g_source_set_callback (check->deadline, deadline_cb, check, NULL);
      g_source_set_static_name (check->deadline, "[rescue] support form deadline");
      g_source_attach (check->deadline, g_main_context_get_thread_default ());
    }

  send_hop (check);
}

/**
 * rescue_support_request_check_finish:
 * @self: (nullable): the request; NULL when it was disposed during the
 *   check (the error is then %G_IO_ERROR_CANCELLED)
 * @answer: (out): what the form's site answered
 * @uri_to_open: (out): the prefilled address to open in the browser
 */
gboolean
rescue_support_request_check_finish (RescueSupportRequest  *self,
                                     GAsyncResult          *result,
                                     RescueFormAnswer      *answer,
                                     char                 **uri_to_open,
                                     GError               **error)
{
  CheckResult *check_result;

  g_return_val_if_fail (self == NULL || RESCUE_IS_SUPPORT_REQUEST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rescue_support_request_check_async, FALSE);

  check_result = g_task_propagate_pointer (G_TASK (result), error);
  if (check_result == NULL)
    return FALSE;

  if (answer != NULL)
    *answer = check_result->answer;
  if (uri_to_open != NULL)
    *uri_to_open = g_steal_pointer (&check_result->uri);
  check_result_free (check_result);
  return TRUE;
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Usually nothing handles https links (NOT_SUPPORTED, NOT_FOUND, FAILED);
   * whatever the reason, the way out is the same: copy the link */
  g_debug ("Could not open the form: %s", error->message);
  g_task_return_new_error (task, RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_NO_BROWSER,
                           _("No web browser could open the support form. Copy the link and open it in a browser yourself."));
}

void
rescue_support_request_open_async (const char          *uri,
                                   GAppLaunchContext   *context,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (uri != NULL);
  g_return_if_fail (context == NULL || G_IS_APP_LAUNCH_CONTEXT (context));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rescue_support_request_open_async);

  if (!rescue_support_uri_is_allowed (uri))
    {
      g_task_return_error (task, unsafe_url_error ());
      return;
    }

  g_app_info_launch_default_for_uri_async (uri, context, cancellable,
                                           launched_cb, g_steal_pointer (&task));
}

gboolean
rescue_support_request_open_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rescue_support_request_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
