/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-support-request"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rescue-browser.h"
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

  GNetworkMonitor *monitor;       /* NULL: the default one */
  char            *form_uri;
  char            *fallback_uri;
  guint            timeout;       /* seconds, 0 for none */

  GPtrArray       *in_flight;     /* of GCancellable, one per check */
};

G_DEFINE_FINAL_TYPE (RescueSupportRequest, rescue_support_request, G_TYPE_OBJECT)

G_DEFINE_QUARK (rescue-support-error-quark, rescue_support_error)

/*
 * A hostile server (or a TLS proxy the system trusts) can keep libsoup busy
 * without ever returning to the main loop: a flood of "100 Continue" is read
 * in a loop. So each check runs in a thread of its own, with its own main
 * context and its own SoupSession (libsoup wants a session used from the
 * thread that made it), and the caller never waits for it: the deadline and
 * Cancel complete the caller's task on the caller's context, whatever the
 * socket does; the thread is told to stop, and ends when its socket lets
 * it. It is a plain thread rather than GTask's pool, which GIO's own file
 * operations share: a thread stuck on a hostile socket must not hold up
 * saving the progress.
 */

typedef struct _Call Call;

/* What a check's caller and its thread share. The inputs are set before the
 * thread starts and never change; the outcome is written by the thread
 * before it hands it over, and read on the caller's thread after. */
typedef struct
{
  gatomicrefcount   ref;
  GMainContext     *caller_context;
  GCancellable     *cancellable;   /* ours: caller, deadline and dispose */
  guint             timeout;       /* seconds, 0 for none */
  char             *username;
  char             *email;
  GUri             *start;
  char             *fallback;      /* prefilled */

  RescueFormAnswer  answer;
  char             *uri;
  GError           *error;

  Call             *call;          /* on the caller's thread only; NULL once done */
} Shared;

/* The caller's side of one check, on the caller's thread only. It
 * deliberately holds no reference on the request, so that dropping the
 * request cancels the check (see dispose). */
struct _Call
{
  Shared              *shared;
  GWeakRef             self;
  GAsyncReadyCallback  callback;
  gpointer             user_data;

  GCancellable        *caller_cancellable;
  gulong               caller_handler;
  GSource             *deadline;
  GSource             *cancelled;
};

/* The thread's side, on the worker thread only */
typedef struct
{
  Shared       *shared;
  GMainContext *context;
  SoupSession  *session;
  GCancellable *cancellable;   /* ours, and the worker's own deadline */
  gulong        handler;
  gboolean      timed_out;
  gboolean      done;
  GUri         *current;
  guint         hops;
  SoupMessage  *msg;
} Worker;

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

static Shared *
shared_ref (Shared *shared)
{
  g_atomic_ref_count_inc (&shared->ref);
  return shared;
}

/* Any thread */
static void
shared_unref (Shared *shared)
{
  if (!g_atomic_ref_count_dec (&shared->ref))
    return;

  g_main_context_unref (shared->caller_context);
  g_object_unref (shared->cancellable);
  g_free (shared->username);
  g_free (shared->email);
  g_clear_pointer (&shared->start, g_uri_unref);
  g_free (shared->fallback);
  g_free (shared->uri);
  g_clear_error (&shared->error);
  g_free (shared);
}

static void
destroy_source (GSource **source)
{
  if (*source == NULL)
    return;

  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
call_free (Call *call)
{
  if (call->caller_handler != 0)
    g_cancellable_disconnect (call->caller_cancellable, call->caller_handler);
  destroy_source (&call->deadline);
  destroy_source (&call->cancelled);
  g_weak_ref_clear (&call->self);
  g_clear_object (&call->caller_cancellable);
  call->shared->call = NULL;
  shared_unref (call->shared);
  g_free (call);
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
  return rescue_net_policy_allows (uri);
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

/* The caller's thread. Pushes the caller's context while the task is made,
 * so that the result is handed back there even when this runs from a
 * context the caller iterates without making it the thread default. */
static void
call_complete (Call             *call,
               gboolean          dispatching,
               RescueFormAnswer  answer,
               char             *uri,
               GError           *error)
{
  g_autoptr(RescueSupportRequest) self = g_weak_ref_get (&call->self);
  g_autoptr(GTask) task = NULL;

  if (self != NULL && self->in_flight != NULL)
    g_ptr_array_remove (self->in_flight, call->shared->cancellable);

  /* The task is only made now, so that it holds the request only while it
   * reports; if the request is gone, the source object is NULL */
  if (dispatching)
    g_main_context_push_thread_default (call->shared->caller_context);
  task = g_task_new (self, call->caller_cancellable, call->callback, call->user_data);
  if (dispatching)
    g_main_context_pop_thread_default (call->shared->caller_context);
  g_task_set_source_tag (task, rescue_support_request_check_async);

  /* Tell the thread to stop, whatever the reason we are done */
  g_cancellable_cancel (call->shared->cancellable);

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

  call_free (call);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Call *call = user_data;

  /* The source is done once this returns */
  g_clear_pointer (&call->deadline, g_source_unref);
  call_complete (call, TRUE, RESCUE_FORM_ANSWER_OK, NULL,
                 network_error (RESCUE_SUPPORT_ERROR_TIMEOUT));
  return G_SOURCE_REMOVE;
}

/* Cancel from the caller, or the request disposed */
static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  Call *call = user_data;

  g_clear_pointer (&call->cancelled, g_source_unref);
  call_complete (call, TRUE, RESCUE_FORM_ANSWER_OK, NULL,
                 g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                      "Operation was cancelled"));
  return G_SOURCE_REMOVE;
}

/* Back on the caller's thread with the worker's outcome, unless the
 * deadline or Cancel already answered */
static gboolean
deliver_cb (gpointer user_data)
{
  Shared *shared = user_data;

  if (shared->call != NULL)
    call_complete (shared->call, TRUE, shared->answer,
                   g_steal_pointer (&shared->uri),
                   g_steal_pointer (&shared->error));
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

/* The worker's thread, from here to worker_thread () */
static void
worker_complete (Worker           *worker,
                 RescueFormAnswer  answer,
                 char             *uri,
                 GError           *error)
{
  worker->shared->answer = answer;
  worker->shared->uri = uri;
  worker->shared->error = error;
  worker->done = TRUE;
}

static void
worker_fail (Worker *worker,
             GError *error)
{
  worker_complete (worker, RESCUE_FORM_ANSWER_OK, NULL, error);
}

static gboolean
worker_deadline_cb (gpointer user_data)
{
  Worker *worker = user_data;

  worker->timed_out = TRUE;
  g_cancellable_cancel (worker->cancellable);
  return G_SOURCE_REMOVE;
}

static gboolean
stop_worker_idle_cb (gpointer user_data)
{
  Worker *worker = user_data;

  if (worker->cancellable != NULL)
    g_cancellable_cancel (worker->cancellable);
  return G_SOURCE_REMOVE;
}

/* Runs in the thread that cancels, usually the caller's: the session's
 * own cancellable is only cancelled in the worker's thread, as libsoup
 * wants everything about a session done from the thread that made it */
static void
stop_worker_cb (GCancellable *shared,
                Worker       *worker)
{
  g_autoptr(GSource) stop = g_idle_source_new ();

  g_source_set_priority (stop, G_PRIORITY_HIGH);
  g_source_set_callback (stop, stop_worker_idle_cb, worker, NULL);
  g_source_set_static_name (stop, "[rescue] support check stop");
  g_source_attach (stop, worker->context);
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

static void send_hop (Worker *worker);

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Worker *worker = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (stream == NULL)
    {
      g_debug ("%s did not answer: %s", g_uri_get_host (worker->current), error->message);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && worker->timed_out)
        worker_fail (worker, network_error (RESCUE_SUPPORT_ERROR_TIMEOUT));
      else
        worker_fail (worker, rescue_support_error_from_network (error));
      return;
    }

  status = soup_message_get_status (worker->msg);
  discard_body (stream);

  g_debug ("%s answered %u", g_uri_get_host (worker->current), status);

  if (rescue_net_policy_is_redirect (status))
    {
      g_autoptr(GError) hop_error = NULL;
      g_autoptr(GUri) next = rescue_net_policy_next_hop (worker->shared->start,
                                                         worker->msg, &worker->hops,
                                                         RESCUE_SUPPORT_MAX_REDIRECTS,
                                                         &hop_error);

      if (next != NULL)
        {
          g_clear_pointer (&worker->current, g_uri_unref);
          worker->current = g_steal_pointer (&next);
          send_hop (worker);
          return;
        }

      g_debug ("Not followed: %s", hop_error->message);
      if (g_error_matches (hop_error, RESCUE_NET_POLICY_ERROR, RESCUE_NET_POLICY_ERROR_REFUSED))
        {
          worker_fail (worker,
                      g_error_new_literal (RESCUE_SUPPORT_ERROR,
                                           RESCUE_SUPPORT_ERROR_REDIRECT_REFUSED,
                                           _("X’s help site sent the request on to an address that is not safe to open. Try again later, or copy the link and open it yourself.")));
          return;
        }
      if (g_error_matches (hop_error, RESCUE_NET_POLICY_ERROR, RESCUE_NET_POLICY_ERROR_TOO_MANY_REDIRECTS))
        {
          worker_fail (worker,
                      g_error_new_literal (RESCUE_SUPPORT_ERROR,
                                           RESCUE_SUPPORT_ERROR_TOO_MANY_REDIRECTS,
                                           _("X’s help site kept sending the request from one address to another. Try again later.")));
          return;
        }
      /* No Location: an answer like any other */
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    worker_complete (worker, RESCUE_FORM_ANSWER_OK,
                    uri_with_details (worker->current, worker->shared->username, worker->shared->email),
                    NULL);
  else if ((status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE) &&
           worker->shared->fallback != NULL)
    worker_complete (worker, RESCUE_FORM_ANSWER_MOVED,
                    g_strdup (worker->shared->fallback), NULL);
  else if (status >= 500 && status <= 599)
    worker_complete (worker, RESCUE_FORM_ANSWER_SERVER_TROUBLE,
                    uri_with_details (worker->current, worker->shared->username, worker->shared->email),
                    NULL);
  else
    worker_complete (worker, RESCUE_FORM_ANSWER_OTHER,
                    uri_with_details (worker->current, worker->shared->username, worker->shared->email),
                    NULL);
}

static void
send_hop (Worker *worker)
{
  g_clear_object (&worker->msg);
  worker->msg = rescue_net_policy_new_message (worker->current);
  soup_message_headers_replace (soup_message_get_request_headers (worker->msg),
                                "User-Agent", USER_AGENT);

  soup_session_send_async (worker->session, worker->msg, G_PRIORITY_DEFAULT,
                           worker->cancellable, sent_cb, worker);
}

static gpointer
worker_thread (gpointer data)
{
  Shared *shared = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) deadline = NULL;
  g_autoptr(GSource) deliver = NULL;
  Worker worker = { 0 };

  g_main_context_push_thread_default (context);

  worker.shared = shared;
  /* The user agent and the system's proxy, as the application's own
   * session has */
  worker.session = soup_session_new_with_options ("user-agent", USER_AGENT, NULL);
  worker.cancellable = g_cancellable_new ();
  worker.context = context;
  worker.handler = g_cancellable_connect (shared->cancellable, G_CALLBACK (stop_worker_cb),
                                          &worker, NULL);
  worker.current = g_uri_ref (shared->start);

  /* The caller keeps the deadline too; this one ends the thread on time
   * when the caller's context is no longer run */
  if (shared->timeout > 0)
    {
      deadline = g_timeout_source_new_seconds (shared->timeout);
      g_source_set_callback (deadline, worker_deadline_cb, &worker, NULL);
      g_source_set_static_name (deadline, "[rescue] support check deadline (worker)");
      g_source_attach (deadline, context);
    }

  send_hop (&worker);
  while (!worker.done)
    g_main_context_iteration (context, TRUE);

  if (deadline != NULL)
    g_source_destroy (deadline);
  /* Waits for a stop_worker_cb () running in another thread: none can
   * attach a source for this context after it */
  g_cancellable_disconnect (shared->cancellable, worker.handler);
  g_clear_object (&worker.msg);
  soup_session_abort (worker.session);
  g_clear_object (&worker.session);
  g_clear_pointer (&worker.current, g_uri_unref);
  g_clear_object (&worker.cancellable);
  /* What the session left to clean up runs here, not in a context nobody
   * iterates */
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);

  deliver = g_idle_source_new ();
  g_source_set_priority (deliver, G_PRIORITY_DEFAULT);
  g_source_set_callback (deliver, deliver_cb, shared, (GDestroyNotify) shared_unref);
  g_source_set_static_name (deliver, "[rescue] support check result");
  g_source_attach (deliver, shared->caller_context);

  return NULL;
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
 * @form_uri: (nullable): the form for the person's check; NULL or "" for
 *   the build default
 * @fallback_uri: (nullable): the general account-access form, opened when
 *   @form_uri has moved; NULL or "" for the build default. When it is
 *   @form_uri itself, a 404 is opened as it is
 *
 * Each check makes its own SoupSession, in its own thread.
 */
RescueSupportRequest *
rescue_support_request_new (const char *form_uri,
                            const char *fallback_uri)
{
  RescueSupportRequest *self;

  self = g_object_new (RESCUE_TYPE_SUPPORT_REQUEST, NULL);
  self->form_uri = g_strdup (form_uri != NULL && form_uri[0] != '\0'
                             ? form_uri : SUPPORT_FORM_URL);
  self->fallback_uri = g_strdup (fallback_uri != NULL && fallback_uri[0] != '\0'
                                 ? fallback_uri : SUPPORT_FORM_URL);
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
 * Validates the details, then checks, in a thread of its own, that the
 * prefilled form answers, following at most %RESCUE_SUPPORT_MAX_REDIRECTS
 * redirects, each of them checked. The result comes back on the
 * thread-default main context of the caller. When the timeout passes, or
 * @cancellable is cancelled, or @self is disposed, the check completes at
 * once (%RESCUE_SUPPORT_ERROR_TIMEOUT, %G_IO_ERROR_CANCELLED), whatever
 * the network does; the thread stops when its socket lets it, and nothing
 * ever waits for it.
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
  g_autoptr(GThread) thread = NULL;
  GNetworkMonitor *monitor;
  Shared *shared;
  Call *call;

  g_return_if_fail (RESCUE_IS_SUPPORT_REQUEST (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (email != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  shared = g_new0 (Shared, 1);
  g_atomic_ref_count_init (&shared->ref);
  shared->caller_context = g_main_context_ref_thread_default ();
  shared->cancellable = g_cancellable_new ();
  shared->timeout = self->timeout;

  call = g_new0 (Call, 1);
  call->shared = shared;
  shared->call = call;
  g_weak_ref_init (&call->self, self);
  call->callback = callback;
  call->user_data = user_data;
  call->caller_cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (self->in_flight != NULL)
    g_ptr_array_add (self->in_flight, g_object_ref (shared->cancellable));

  if (!rescue_support_validate_username (username, &shared->username, &error) ||
      !rescue_support_validate_email (email, &shared->email, &error))
    {
      call_complete (call, FALSE, RESCUE_FORM_ANSWER_OK, NULL, g_steal_pointer (&error));
      return;
    }

  form = rescue_support_build_form_uri (self->form_uri, shared->username, shared->email, &error);
  /* With no other form to turn to, a 404 is an answer like any other */
  if (form != NULL && g_strcmp0 (self->form_uri, self->fallback_uri) != 0)
    shared->fallback = rescue_support_build_form_uri (self->fallback_uri, shared->username,
                                                      shared->email, &error);
  if (error != NULL)
    {
      call_complete (call, FALSE, RESCUE_FORM_ANSWER_OK, NULL, g_steal_pointer (&error));
      return;
    }
  shared->start = g_uri_parse (form, SOUP_HTTP_URI_FLAGS, NULL);
  g_assert (shared->start != NULL);

  monitor = self->monitor != NULL ? self->monitor : g_network_monitor_get_default ();
  if (!g_network_monitor_get_network_available (monitor))
    {
      call_complete (call, FALSE, RESCUE_FORM_ANSWER_OK, NULL,
                     g_error_new_literal (RESCUE_SUPPORT_ERROR, RESCUE_SUPPORT_ERROR_OFFLINE,
                                          _("This computer is not connected to the internet. Connect to a network, then try again.")));
      return;
    }

  if (cancellable != NULL)
    call->caller_handler = g_cancellable_connect (cancellable,
                                                  G_CALLBACK (caller_cancelled_cb),
                                                  g_object_ref (shared->cancellable),
                                                  g_object_unref);

  /* Cancel, and dispose, answer from here, not from the thread, which may
   * be stuck on its socket */
  call->cancelled = g_cancellable_source_new (shared->cancellable);
  g_source_set_callback (call->cancelled, G_SOURCE_FUNC (cancelled_cb), call, NULL);
  g_source_set_static_name (call->cancelled, "[rescue] support check cancelled");
  g_source_attach (call->cancelled, shared->caller_context);

  /* The deadline bounds the whole check, redirects included, and is kept
   * here for the same reason */
  if (self->timeout > 0)
    {
      call->deadline = g_timeout_source_new (self->timeout * 1000);
      g_source_set_callback (call->deadline, deadline_cb, call, NULL);
      g_source_set_static_name (call->deadline, "[rescue] support form deadline");
      g_source_attach (call->deadline, shared->caller_context);
    }

  thread = g_thread_try_new ("rescue-support", worker_thread, shared_ref (shared), &error);
  if (thread == NULL)
    {
      g_debug ("No thread for the check: %s", error->message);
      shared_unref (shared);
      call_complete (call, FALSE, RESCUE_FORM_ANSWER_OK, NULL,
                     network_error (RESCUE_SUPPORT_ERROR_NETWORK));
      return;
    }
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

  if (rescue_browser_open_finish (result, &error))
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

  rescue_browser_open_async (uri, context, cancellable, launched_cb, g_steal_pointer (&task));
}

gboolean
rescue_support_request_open_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rescue_support_request_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
