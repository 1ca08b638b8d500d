/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-service-status"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rescue-enums.h"
#include "rescue-json.h"
#include "rescue-net-policy.h"
#include "rescue-service-status.h"

/*
 * X's Statuspage may be gone, stale or replaced by an HTML page, so every
 * failure ends in the same quiet "can't be read" state: this is a hint on
 * the welcome page, never something to bother the person with. And "none"
 * only means X did not report a problem, not that texts are delivered.
 */

#define READ_CHUNK (64 * 1024)
/* status.json nests three levels; this only guards json-glib's recursion */
#define MAX_DEPTH 64
#define MAX_REDIRECTS 3
/* One line on the welcome page, quoted from a page we do not control */
#define MAX_DESCRIPTION_CHARS 200

typedef struct
{
  RescueServiceStatus *self;  /* NULL once abandoned: then touch nothing */
  GCancellable        *cancellable;
  SoupMessage         *message;
  GInputStream        *stream;
  GByteArray          *body;
  guint                deadline_id;
  GUri                *start;
  guint                redirects;
  gboolean             timed_out;
} Fetch;

struct _RescueServiceStatus
{
  GObject                parent_instance;

  SoupSession           *session;
  char                  *url;
  guint                  timeout;

  Fetch                 *fetch;

  RescueStatusIndicator  indicator;
  char                  *description;
  gint64                 updated_at;
  gboolean               loading;
  char                  *summary;
};

enum {
  PROP_0,
  PROP_INDICATOR,
  PROP_DESCRIPTION,
  PROP_UPDATED_AT,
  PROP_LOADING,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueServiceStatus, rescue_service_status, G_TYPE_OBJECT)

G_DEFINE_QUARK (rescue-status-error-quark, rescue_status_error)

static const struct {
  const char            *name;
  RescueStatusIndicator  indicator;
} indicators[] = {
  { "none", RESCUE_STATUS_NONE },
  { "minor", RESCUE_STATUS_MINOR },
  { "major", RESCUE_STATUS_MAJOR },
  { "critical", RESCUE_STATUS_CRITICAL },
  { "maintenance", RESCUE_STATUS_MAINTENANCE },
};

/* Bidi controls would reorder the text around X's words, our own sentence
 * included (U+202E turns it backwards): X's words are shown as text */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202a && c <= 0x202e) ||   /* embeddings, overrides, pop */
         (c >= 0x2066 && c <= 0x2069) ||   /* isolates */
         c == 0x200e || c == 0x200f ||     /* left-to-right, right-to-left marks */
         c == 0x061c;                      /* Arabic letter mark */
}

/* X's words go into one line of our UI: no line breaks, no essays. */
static char *
tidy_description (const char *text)
{
  /* JSON escapes can still encode lone surrogates */
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) tidy = g_string_new (NULL);
  char *stripped;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_bidi_control (c))
        continue;
      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        c = ' ';
      if (c == ' ' && (tidy->len == 0 || tidy->str[tidy->len - 1] == ' '))
        continue;
      g_string_append_unichar (tidy, c);
    }

  stripped = g_strchomp (tidy->str);
  if (g_utf8_strlen (stripped, -1) > MAX_DESCRIPTION_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (stripped, 0, MAX_DESCRIPTION_CHARS - 1);

      return g_strconcat (g_strchomp (cut), "…", NULL);
    }

  return g_strdup (stripped);
}

static gint64
parse_updated_at (JsonObject *root)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  JsonObject *page = rescue_json_get_object (root, "page");
  JsonNode *node;

  if (page == NULL)
    return 0;

  node = rescue_json_get_value (page, "updated_at", G_TYPE_STRING);
  if (node == NULL)
    return 0;

  when = g_date_time_new_from_iso8601 (json_node_get_string (node), utc);
  if (when == NULL || g_date_time_to_unix (when) < 0)
    return 0;

  return g_date_time_to_unix (when);
}

/**
 * rescue_service_status_parse:
 * @body: the response to `GET /api/v2/status.json`
 * @indicator: (out) (optional): never %RESCUE_STATUS_UNKNOWN on success
 * @description: (out) (optional) (transfer full): X's words on one line,
 *   "" when the page gives none
 * @updated_at: (out) (optional): unix seconds, 0 when missing or unreadable
 *
 * Reads an Atlassian Statuspage v2 status. Anything else fails with
 * %RESCUE_STATUS_ERROR_INVALID (or %RESCUE_STATUS_ERROR_TOO_LARGE): an
 * unknown or missing indicator is not a status. Safe on any input.
 */
gboolean
rescue_service_status_parse (GBytes                 *body,
                             RescueStatusIndicator  *indicator,
                             char                  **description,
                             gint64                 *updated_at,
                             GError                **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  const char *data = NULL;
  const char *why = NULL;
  const char *name;
  gsize length = 0;
  JsonNode *root;
  JsonObject *status;
  JsonNode *node;
  RescueStatusIndicator found = RESCUE_STATUS_UNKNOWN;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (body != NULL)
    data = g_bytes_get_data (body, &length);
  if (data == NULL)
    data = "";

  if (length > RESCUE_STATUS_MAX_BODY)
    {
      g_set_error (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_TOO_LARGE,
                   "The status page is over %d bytes", RESCUE_STATUS_MAX_BODY);
      return FALSE;
    }

  /* Also refuses NUL bytes, and keeps invalid text out of the UI. */
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID,
                           "The status page is not UTF-8 text");
      return FALSE;
    }

  if (!rescue_json_check_outline (data, length, MAX_DEPTH, &why))
    {
      g_set_error (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID,
                   "The status page is not a JSON object: %s", why);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the text, lone surrogates ("\ud800") and all */
      g_autofree char *detail = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID,
                   "The status page is not JSON: %s", detail);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      json_parser_has_assignment (parser, NULL))
    {
      g_set_error_literal (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID,
                           "The status page is not a JSON object");
      return FALSE;
    }

  status = rescue_json_get_object (json_node_get_object (root), "status");
  if (status == NULL)
    {
      g_set_error_literal (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID,
                           "The status page has no “status” object");
      return FALSE;
    }

  node = rescue_json_get_value (status, "indicator", G_TYPE_STRING);
  if (node == NULL)
    {
      g_set_error_literal (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID,
                           "The status has no “indicator” string");
      return FALSE;
    }

  name = json_node_get_string (node);
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    if (g_strcmp0 (name, indicators[i].name) == 0)
      found = indicators[i].indicator;

  if (found == RESCUE_STATUS_UNKNOWN)
    {
      g_autofree char *quoted = g_utf8_make_valid (name, -1);

      g_set_error (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID,
                   "The status has an unknown indicator “%s”", quoted);
      return FALSE;
    }

  /* A missing (or null) description still leaves a usable indicator; a
   * description of another type means this is not what we think it is. */
  node = json_object_get_member (status, "description");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      (!JSON_NODE_HOLDS_VALUE (node) ||
       json_node_get_value_type (node) != G_TYPE_STRING))
    {
      g_set_error_literal (error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_INVALID,
                           "The status “description” is not a string");
      return FALSE;
    }

  if (indicator != NULL)
    *indicator = found;
  if (description != NULL)
    {
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
        *description = tidy_description (json_node_get_string (node));
      else
        *description = g_strdup ("");
    }
  if (updated_at != NULL)
    *updated_at = parse_updated_at (json_node_get_object (root));

  return TRUE;
}

static char *
build_summary (RescueServiceStatus *self)
{
  gboolean has_description = self->description != NULL && self->description[0] != '\0';

  switch (self->indicator)
    {
    case RESCUE_STATUS_NONE:
      /* Translators: X's status page reports no incident. The second
       * sentence matters: that page is about X's developer services, and
       * text messages can fail without it saying so. */
      return g_strdup (_("X’s status page reports no problems. It covers X’s developer services, not text messages, so it says nothing about your codes."));

    case RESCUE_STATUS_MINOR:
    case RESCUE_STATUS_MAJOR:
    case RESCUE_STATUS_CRITICAL:
      if (has_description)
        /* Translators: %s is X's own description of the problem, in
         * English, for example "Partial System Outage" */
        return g_strdup_printf (_("X reports a problem: “%s”. If X’s text messages are failing, waiting may be the fix."),
                                self->description);
      return g_strdup (_("X reports a problem with its service. If X’s text messages are failing, waiting may be the fix."));

    case RESCUE_STATUS_MAINTENANCE:
      if (has_description)
        /* Translators: %s is X's own description of the maintenance, in
         * English */
        return g_strdup_printf (_("X reports maintenance: “%s”. Text messages may be delayed until it is over, so waiting may be the fix."),
                                self->description);
      return g_strdup (_("X reports maintenance on its service. Text messages may be delayed until it is over, so waiting may be the fix."));

    case RESCUE_STATUS_UNKNOWN:
    default:
      /* Nothing readable (yet): a line saying so would tell the person
       * nothing, so there is none */
      return NULL;
    }
}

/* Every change goes through here, so each property notifies once and only
 * when it really changed. */
static void
set_state (RescueServiceStatus   *self,
           RescueStatusIndicator  indicator,
           const char            *description,
           gint64                 updated_at,
           gboolean               loading)
{
  g_autofree char *summary = NULL;

  if (description != NULL && description[0] == '\0')
    description = NULL;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->indicator != indicator)
    {
      self->indicator = indicator;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDICATOR]);
    }

  if (g_strcmp0 (self->description, description) != 0)
    {
      g_free (self->description);
      self->description = g_strdup (description);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
    }

  if (self->updated_at != updated_at)
    {
      self->updated_at = updated_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }

  if (self->loading != loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }

  summary = build_summary (self);
  if (g_strcmp0 (self->summary, summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_steal_pointer (&summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_loading (RescueServiceStatus *self,
             gboolean             loading)
{
  set_state (self, self->indicator, self->description, self->updated_at, loading);
}

static void
fetch_free (Fetch *fetch)
{
  g_clear_handle_id (&fetch->deadline_id, g_source_remove);
  g_clear_object (&fetch->cancellable);
  g_clear_pointer (&fetch->start, g_uri_unref);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_free (fetch);
}

/* The fetch's callbacks still run, but find no one to report to. */
static void
abandon_fetch (RescueServiceStatus *self)
{
  Fetch *fetch = g_steal_pointer (&self->fetch);

  if (fetch == NULL)
    return;

  fetch->self = NULL;
  g_clear_handle_id (&fetch->deadline_id, g_source_remove);
  g_cancellable_cancel (fetch->cancellable);
}

static void
fetch_fail (Fetch        *fetch,
            const GError *error)
{
  RescueServiceStatus *self = fetch->self;

  if (fetch->timed_out)
    g_debug ("%s: no complete answer within %u s", self->url, self->timeout);
  else
    g_debug ("%s: %s", self->url, error->message);

  self->fetch = NULL;
  fetch_free (fetch);
  set_state (self, RESCUE_STATUS_UNKNOWN, NULL, 0, FALSE);
}

static void
fetch_done (Fetch *fetch)
{
  RescueServiceStatus *self = fetch->self;
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  RescueStatusIndicator indicator;
  gint64 updated_at;

  if (!rescue_service_status_parse (body, &indicator, &description, &updated_at, &error))
    {
      fetch_fail (fetch, error);
      return;
    }

  self->fetch = NULL;
  fetch_free (fetch);
  set_state (self, indicator, description, updated_at, FALSE);
}

static void read_next (Fetch *fetch);

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (fetch->self == NULL)
    {
      fetch_free (fetch);
      return;
    }

  if (chunk == NULL)
    {
      fetch_fail (fetch, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      fetch_done (fetch);
      return;
    }

  g_byte_array_append (fetch->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (fetch->body->len > RESCUE_STATUS_MAX_BODY)
    {
      g_set_error (&error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_TOO_LARGE,
                   "The status page is over %d bytes", RESCUE_STATUS_MAX_BODY);
      fetch_fail (fetch, error);
      return;
    }

  read_next (fetch);
}

static void
read_next (Fetch *fetch)
{
  /* One byte past the limit is enough to know it is too big. */
  gsize wanted = MIN (READ_CHUNK, RESCUE_STATUS_MAX_BODY + 1 - fetch->body->len);

  g_input_stream_read_bytes_async (fetch->stream, wanted, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, read_cb, fetch);
}

static void send_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data);

static void
send_request (Fetch *fetch,
              GUri  *uri)
{
  g_clear_object (&fetch->message);
  fetch->message = rescue_net_policy_new_message (uri);
  soup_message_headers_replace (soup_message_get_request_headers (fetch->message),
                                "Accept", "application/json");

  soup_session_send_async (fetch->self->session, fetch->message, G_PRIORITY_DEFAULT,
                           fetch->cancellable, send_cb, fetch);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  SoupMessageHeaders *headers;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);

  if (fetch->self == NULL)
    {
      fetch_free (fetch);
      return;
    }

  if (stream == NULL)
    {
      fetch_fail (fetch, error);
      return;
    }

  status = soup_message_get_status (fetch->message);
  if (rescue_net_policy_is_redirect (status))
    {
      g_autoptr(GUri) next = rescue_net_policy_next_hop (RESCUE_NET_SITE_STATUS, fetch->start,
                                                         fetch->message, &fetch->redirects,
                                                         MAX_REDIRECTS, &error);

      if (next == NULL)
        fetch_fail (fetch, error);
      else
        send_request (fetch, next);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_set_error (&error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_HTTP,
                   "HTTP %u %s", status,
                   soup_message_get_reason_phrase (fetch->message));
      fetch_fail (fetch, error);
      return;
    }

  headers = soup_message_get_response_headers (fetch->message);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > RESCUE_STATUS_MAX_BODY)
    {
      g_set_error (&error, RESCUE_STATUS_ERROR, RESCUE_STATUS_ERROR_TOO_LARGE,
                   "The status page announces %" G_GINT64_FORMAT " bytes",
                   soup_message_headers_get_content_length (headers));
      fetch_fail (fetch, error);
      return;
    }

  fetch->stream = g_steal_pointer (&stream);
  fetch->body = g_byte_array_new ();
  read_next (fetch);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Fetch *fetch = user_data;

  /* libsoup's own timeout is per socket wait; this one is for the whole
   * answer, so a server that trickles bytes cannot hold us forever. */
  fetch->deadline_id = 0;
  fetch->timed_out = TRUE;
  g_cancellable_cancel (fetch->cancellable);

  return G_SOURCE_REMOVE;
}

static void
rescue_service_status_dispose (GObject *object)
{
  RescueServiceStatus *self = (RescueServiceStatus *)object;

  abandon_fetch (self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rescue_service_status_parent_class)->dispose (object);
}

static void
rescue_service_status_finalize (GObject *object)
{
  RescueServiceStatus *self = (RescueServiceStatus *)object;

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (rescue_service_status_parent_class)->finalize (object);
}

static void
rescue_service_status_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RescueServiceStatus *self = RESCUE_SERVICE_STATUS (object);

  switch (prop_id)
    {
    case PROP_INDICATOR:
      g_value_set_enum (value, self->indicator);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_service_status_class_init (RescueServiceStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rescue_service_status_dispose;
  object_class->finalize = rescue_service_status_finalize;
  object_class->get_property = rescue_service_status_get_property;

  properties[PROP_INDICATOR] =
    g_param_spec_enum ("indicator", NULL, NULL,
                       RESCUE_TYPE_STATUS_INDICATOR, RESCUE_STATUS_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rescue_service_status_init (RescueServiceStatus *self)
{
  self->timeout = RESCUE_STATUS_DEFAULT_TIMEOUT;
  self->indicator = RESCUE_STATUS_UNKNOWN;
  self->summary = build_summary (self);
}

/**
 * rescue_service_status_new:
 * @session: the application's session, kept for the object's lifetime
 * @url: the Statuspage `status.json` address
 */
RescueServiceStatus *
rescue_service_status_new (SoupSession *session,
                           const char  *url)
{
  RescueServiceStatus *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (RESCUE_TYPE_SERVICE_STATUS, NULL);
  self->session = g_object_ref (session);
  self->url = g_strdup (url);

  return self;
}

/**
 * rescue_service_status_set_timeout:
 * @seconds: how long a whole fetch may take, from the request to the last
 *   byte; applies from the next refresh
 */
void
rescue_service_status_set_timeout (RescueServiceStatus *self,
                                   guint                seconds)
{
  g_return_if_fail (RESCUE_IS_SERVICE_STATUS (self));
  g_return_if_fail (seconds > 0);

  self->timeout = seconds;
}

/**
 * rescue_service_status_refresh:
 * Fetches the status again, abandoning a fetch in flight. The current
 * values stay until the new answer (or failure) replaces them.
 */
void
rescue_service_status_refresh (RescueServiceStatus *self)
{
  g_autoptr(GUri) uri = NULL;
  Fetch *fetch;

  g_return_if_fail (RESCUE_IS_SERVICE_STATUS (self));

  abandon_fetch (self);

  /* Checked here: libsoup only asserts that an address is usable, and the
   * address comes from a setting that anyone can edit. */
  uri = g_uri_parse (self->url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || !rescue_net_policy_allows (RESCUE_NET_SITE_STATUS, uri))
    {
      g_debug ("“%s” is not an https address of X’s status page", self->url);
      set_state (self, RESCUE_STATUS_UNKNOWN, NULL, 0, FALSE);
      return;
    }

  fetch = g_new0 (Fetch, 1);
  fetch->self = self;
  fetch->cancellable = g_cancellable_new ();
  fetch->start = g_uri_ref (uri);
  fetch->deadline_id = g_timeout_add (self->timeout * 1000, deadline_cb, fetch);
  self->fetch = fetch;

  set_loading (self, TRUE);
  send_request (fetch, uri);
}

/**
 * rescue_service_status_cancel:
 * Stops a fetch in flight; the values from before it stay.
 */
void
rescue_service_status_cancel (RescueServiceStatus *self)
{
  g_return_if_fail (RESCUE_IS_SERVICE_STATUS (self));

  if (self->fetch == NULL)
    return;

  abandon_fetch (self);
  set_loading (self, FALSE);
}

RescueStatusIndicator
rescue_service_status_get_indicator (RescueServiceStatus *self)
{
  g_return_val_if_fail (RESCUE_IS_SERVICE_STATUS (self), RESCUE_STATUS_UNKNOWN);

  return self->indicator;
}

/**
 * rescue_service_status_get_description:
 * Returns: (nullable): X's own words, tidied to one line, or %NULL
 */
const char *
rescue_service_status_get_description (RescueServiceStatus *self)
{
  g_return_val_if_fail (RESCUE_IS_SERVICE_STATUS (self), NULL);

  return self->description;
}

gint64
rescue_service_status_get_updated_at (RescueServiceStatus *self)
{
  g_return_val_if_fail (RESCUE_IS_SERVICE_STATUS (self), 0);

  return self->updated_at;
}

gboolean
rescue_service_status_get_loading (RescueServiceStatus *self)
{
  g_return_val_if_fail (RESCUE_IS_SERVICE_STATUS (self), FALSE);

  return self->loading;
}

/**
 * rescue_service_status_dup_summary:
 * Returns: (transfer full) (nullable): one translated sentence for the
 *   welcome page, or %NULL when there is no readable status to show
 */
char *
rescue_service_status_dup_summary (RescueServiceStatus *self)
{
  g_return_val_if_fail (RESCUE_IS_SERVICE_STATUS (self), NULL);

  return g_strdup (self->summary);
}
