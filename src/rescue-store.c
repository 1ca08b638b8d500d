/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rescue-enums.h"
#include "rescue-json.h"
#include "rescue-store.h"

/*
 * The progress file holds an email address, so it lives in a 0700 folder
 * with mode 0600, and is replaced atomically so that a crash mid-write
 * leaves the previous version, never half a file.
 *
 * Reading it is strict: the file is ours, so anything we would not have
 * written is treated as damage and set aside rather than half-trusted.
 */

/* Ours is a few hundred bytes; anything much bigger is not ours. */
#define MAX_FILE_SIZE (64 * 1024)
/* Ours nests two levels; this only guards json-glib's recursive parser. */
#define MAX_DEPTH 16

struct _RescueStore
{
  GObject     parent_instance;

  char       *path;

  RescueFlow *watched;
  gulong      notify_id;
  guint       save_idle_id;
  gboolean    failure_logged;

  /* Writing syncs the disk, which can take a while: watched changes are
   * written from a thread, one write at a time, and the newest state
   * always wins. Each state gets a number; a write of an older one than
   * the file already holds is skipped. */
  GMutex      write_lock;
  guint64     written_seq;   /* under write_lock */
  guint64     queued_seq;
  gboolean    writing;
  GBytes     *waiting;       /* the newest state, while a write runs */
  guint64     waiting_seq;
};

G_DEFINE_FINAL_TYPE (RescueStore, rescue_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (rescue-store-error-quark, rescue_store_error)

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value_by_nick (klass, nick);

  if (found == NULL)
    return FALSE;

  *value = found->value;
  return TRUE;
}

static const char *
enum_to_nick (GType type,
              int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* Nicks belong to the registered type, which lives as long as the process */
  return found ? found->value_nick : NULL;
}

static gboolean
read_string (JsonObject  *root,
             const char  *name,
             char       **out,
             GError     **error)
{
  JsonNode *node = rescue_json_get_value (root, name, G_TYPE_STRING);

  if (node == NULL)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "“%s” is missing or not a string", name);
      return FALSE;
    }

  /* json-glib decodes a lone surrogate escape ("\ud800") into bytes that
   * are not UTF-8, which GTK's entries would refuse */
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "“%s” is not valid text", name);
      return FALSE;
    }

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_enum (JsonObject  *object,
           const char  *name,
           GType        type,
           int         *out,
           GError     **error)
{
  JsonNode *node = rescue_json_get_value (object, name, G_TYPE_STRING);

  if (node == NULL)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "“%s” is missing or not a string", name);
      return FALSE;
    }

  if (!enum_from_nick (type, json_node_get_string (node), out))
    {
      g_autofree char *value = g_utf8_make_valid (json_node_get_string (node), -1);

      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "“%s” has an unknown value “%s”", name, value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_history (JsonObject          *root,
              RescueFlowSnapshot  *snapshot,
              GError             **error)
{
  JsonNode *node = json_object_get_member (root, "history");
  JsonArray *array;
  guint length;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                           "“history” is missing or not an array");
      return FALSE;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (length > RESCUE_FLOW_MAX_HISTORY)
    {
      g_set_error_literal (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                           "“history” is too long");
      return FALSE;
    }

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING ||
          !rescue_step_from_string (json_node_get_string (element),
                                    &snapshot->history[i]))
        {
          g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                       "“history” item %u is not a step", i);
          return FALSE;
        }
    }

  snapshot->n_history = length;
  return TRUE;
}

static gboolean
read_outcomes (JsonObject          *root,
               RescueFlowSnapshot  *snapshot,
               GError             **error)
{
  JsonNode *node = json_object_get_member (root, "outcomes");
  JsonObject *outcomes;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                           "“outcomes” is missing or not an object");
      return FALSE;
    }

  outcomes = json_node_get_object (node);
  for (guint fix = 0; fix < RESCUE_N_FIXES; fix++)
    {
      int outcome;

      if (!read_enum (outcomes, enum_to_nick (RESCUE_TYPE_FIX, fix),
                      RESCUE_TYPE_OUTCOME, &outcome, error))
        return FALSE;
      snapshot->outcomes[fix] = outcome;
    }

  return TRUE;
}

static gboolean
read_submitted_at (JsonObject          *root,
                   RescueFlowSnapshot  *snapshot,
                   GError             **error)
{
  JsonNode *node = json_object_get_member (root, "support-submitted-at");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    {
      snapshot->support_submitted_at = 0;
      return TRUE;
    }

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error_literal (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                           "“support-submitted-at” is missing or neither null nor a string");
      return FALSE;
    }

  when = g_date_time_new_from_iso8601 (json_node_get_string (node), utc);
  if (when == NULL)
    {
      g_set_error_literal (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                           "“support-submitted-at” is not an ISO 8601 time");
      return FALSE;
    }

  snapshot->support_submitted_at = g_date_time_to_unix (when);
  return TRUE;
}

static gboolean
read_snapshot (JsonObject          *root,
               RescueFlowSnapshot  *snapshot,
               GError             **error)
{
  JsonNode *version = rescue_json_get_value (root, "version", G_TYPE_INT64);
  JsonNode *has_device;
  int value;

  /* The version comes first: a newer file may have any other shape. */
  if (version == NULL)
    {
      g_set_error_literal (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                           "“version” is missing or not an integer");
      return FALSE;
    }
  if (json_node_get_int (version) > RESCUE_STORE_VERSION)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_FUTURE_VERSION,
                   "The file has version %" G_GINT64_FORMAT
                   " but this Code Rescue reads up to version %d",
                   json_node_get_int (version), RESCUE_STORE_VERSION);
      return FALSE;
    }
  if (json_node_get_int (version) < 1)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "“version” %" G_GINT64_FORMAT " does not exist",
                   json_node_get_int (version));
      return FALSE;
    }

  if (!read_enum (root, "step", RESCUE_TYPE_STEP, &value, error))
    return FALSE;
  snapshot->step = value;

  if (!read_history (root, snapshot, error))
    return FALSE;

  if (!read_enum (root, "platform", RESCUE_TYPE_PLATFORM, &value, error))
    return FALSE;
  snapshot->platform = value;

  if (!read_string (root, "country", &snapshot->country, error))
    return FALSE;

  has_device = rescue_json_get_value (root, "has-signed-in-device", G_TYPE_BOOLEAN);
  if (has_device == NULL)
    {
      g_set_error_literal (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                           "“has-signed-in-device” is missing or not a boolean");
      return FALSE;
    }
  snapshot->has_signed_in_device = json_node_get_boolean (has_device);

  return read_outcomes (root, snapshot, error) &&
         read_string (root, "username", &snapshot->username, error) &&
         read_string (root, "email", &snapshot->email, error) &&
         read_submitted_at (root, snapshot, error);
}

static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  GStatBuf info;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE,
                   "Could not create the folder %s: %s",
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  /* An older folder may have been made with the umask's 0755. The file is
   * 0600 anyway, so failing to tighten the folder is not worth failing on. */
  if (g_stat (folder, &info) == 0 && (info.st_mode & 0077) != 0 &&
      g_chmod (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_debug ("Could not make %s private: %s", folder, g_strerror (saved_errno));
    }

  return TRUE;
}

/* Replaces any previous .corrupt, which may be of another kind (a folder
 * that was in the way, say), so a plain rename can fail where a removal
 * first succeeds. */
static void
set_aside (const char *path)
{
  g_autofree char *aside = g_strconcat (path, ".corrupt", NULL);
  int saved_errno;

  if (g_rename (path, aside) == 0)
    return;

  g_remove (aside);
  if (g_rename (path, aside) == 0)
    return;

  saved_errno = errno;
  g_message ("Could not move the unusable progress file %s aside: %s",
             path, g_strerror (saved_errno));
}

static gboolean
write_file (RescueStore  *self,
            GBytes       *data,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *contents = g_bytes_get_data (data, &length);

  if (!ensure_folder (self->path, error))
    return FALSE;

  if (!g_file_set_contents_full (self->path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE,
                   "Could not save progress: %s", local_error->message);
      return FALSE;
    }

  g_debug ("Saved progress to %s", self->path);
  return TRUE;
}

/* Writes @data unless a newer state is already on disk. Any thread. */
static gboolean
write_numbered (RescueStore  *self,
                GBytes       *data,
                guint64       seq,
                GError      **error)
{
  gboolean written = TRUE;

  g_mutex_lock (&self->write_lock);
  if (seq > self->written_seq)
    {
      self->written_seq = seq;
      written = write_file (self, data, error);
    }
  g_mutex_unlock (&self->write_lock);

  return written;
}

static GBytes *
serialize_bytes (RescueFlow *flow)
{
  gsize length = 0;
  char *data = rescue_store_serialize (flow, &length);

  return g_bytes_new_take (data, length);
}

static void
report_save (RescueStore  *self,
             const GError *error)
{
  if (error == NULL)
    {
      self->failure_logged = FALSE;
      return;
    }

  /* Saving is a convenience: say it once, then keep helping the person. */
  if (!self->failure_logged)
    g_message ("Progress will not survive a restart: %s", error->message);
  self->failure_logged = TRUE;
}

typedef struct
{
  GBytes  *data;
  guint64  seq;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_bytes_unref (job->data);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (write_numbered (source, job->data, job->seq, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_write (RescueStore *self,
                         GBytes      *data,
                         guint64      seq);

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  RescueStore *self = RESCUE_STORE (source);
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  g_task_propagate_boolean (G_TASK (result), &error);
  report_save (self, error);

  if (self->waiting != NULL)
    {
      g_autoptr(GBytes) next = g_steal_pointer (&self->waiting);

      start_write (self, next, self->waiting_seq);
    }
}

static void
start_write (RescueStore *self,
             GBytes      *data,
             guint64      seq)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, write_done_cb, NULL);
  WriteJob *job = g_new0 (WriteJob, 1);

  job->data = g_bytes_ref (data);
  job->seq = seq;
  g_task_set_task_data (task, job, (GDestroyNotify)write_job_free);
  g_task_set_source_tag (task, start_write);

  self->writing = TRUE;
  g_task_run_in_thread (task, write_thread);
}

static void
save_watched (RescueStore *self)
{
  g_autoptr(GBytes) data = serialize_bytes (self->watched);
  guint64 seq = ++self->queued_seq;

  if (self->writing)
    {
      g_clear_pointer (&self->waiting, g_bytes_unref);
      self->waiting = g_steal_pointer (&data);
      self->waiting_seq = seq;
      return;
    }

  start_write (self, data, seq);
}

static gboolean
save_idle_cb (gpointer user_data)
{
  RescueStore *self = user_data;

  self->save_idle_id = 0;
  save_watched (self);

  return G_SOURCE_REMOVE;
}

static void
flow_notify_cb (RescueStore *self,
                GParamSpec  *pspec,
                RescueFlow  *flow)
{
  /* One event changes several properties; write once for all of them. */
  if (self->save_idle_id == 0)
    self->save_idle_id = g_idle_add (save_idle_cb, self);
}

static void
stop_watching (RescueStore *self)
{
  if (self->save_idle_id != 0 || self->waiting != NULL)
    rescue_store_flush (self);

  if (self->watched != NULL)
    g_clear_signal_handler (&self->notify_id, self->watched);
  g_clear_object (&self->watched);
}

static void
rescue_store_dispose (GObject *object)
{
  RescueStore *self = (RescueStore *)object;

  /* Flushes: quitting right after a change must not lose it. */
  stop_watching (self);

  G_OBJECT_CLASS (rescue_store_parent_class)->dispose (object);
}

static void
rescue_store_finalize (GObject *object)
{
  RescueStore *self = (RescueStore *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->waiting, g_bytes_unref);
  g_mutex_clear (&self->write_lock);

  G_OBJECT_CLASS (rescue_store_parent_class)->finalize (object);
}

static void
rescue_store_class_init (RescueStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rescue_store_dispose;
  object_class->finalize = rescue_store_finalize;
}

static void
rescue_store_init (RescueStore *self)
{
  g_mutex_init (&self->write_lock);
}

/**
 * rescue_store_default_path:
 * Returns: (transfer full): `$XDG_STATE_HOME/code-rescue/progress.json`
 */
char *
rescue_store_default_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "code-rescue",
                           "progress.json", NULL);
}

/**
 * rescue_store_new:
 * @path: (nullable): where to keep the progress; %NULL for the default
 */
RescueStore *
rescue_store_new (const char *path)
{
  RescueStore *self = g_object_new (RESCUE_TYPE_STORE, NULL);

  self->path = path ? g_strdup (path) : rescue_store_default_path ();

  return self;
}

const char *
rescue_store_get_path (RescueStore *self)
{
  g_return_val_if_fail (RESCUE_IS_STORE (self), NULL);

  return self->path;
}

/**
 * rescue_store_serialize:
 * Returns: (transfer full): the progress file's contents for @flow
 */
char *
rescue_store_serialize (RescueFlow *flow,
                        gsize      *length)
{
  g_auto(RescueFlowSnapshot) snapshot = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RESCUE_IS_FLOW (flow), NULL);

  rescue_flow_get_snapshot (flow, &snapshot);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RESCUE_STORE_VERSION);

  json_builder_set_member_name (builder, "step");
  json_builder_add_string_value (builder, rescue_step_to_string (snapshot.step));

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < snapshot.n_history; i++)
    json_builder_add_string_value (builder, rescue_step_to_string (snapshot.history[i]));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "platform");
  json_builder_add_string_value (builder, enum_to_nick (RESCUE_TYPE_PLATFORM, snapshot.platform));

  json_builder_set_member_name (builder, "country");
  json_builder_add_string_value (builder, snapshot.country);

  json_builder_set_member_name (builder, "has-signed-in-device");
  json_builder_add_boolean_value (builder, snapshot.has_signed_in_device);

  json_builder_set_member_name (builder, "outcomes");
  json_builder_begin_object (builder);
  for (guint fix = 0; fix < RESCUE_N_FIXES; fix++)
    {
      json_builder_set_member_name (builder, enum_to_nick (RESCUE_TYPE_FIX, fix));
      json_builder_add_string_value (builder, enum_to_nick (RESCUE_TYPE_OUTCOME, snapshot.outcomes[fix]));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, snapshot.username);

  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, snapshot.email);

  json_builder_set_member_name (builder, "support-submitted-at");
  if (snapshot.support_submitted_at > 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (snapshot.support_submitted_at);
      g_autofree char *text = when ? g_date_time_format_iso8601 (when) : NULL;

      if (text != NULL)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, length);
}

/**
 * rescue_store_deserialize:
 * @length: the length of @data, or -1 if it is nul-terminated
 * @snapshot: (out caller-allocates): the saved state; clear it with
 *   rescue_flow_snapshot_clear(), also on failure
 *
 * Only a state that RescueFlow itself would accept is returned.
 */
gboolean
rescue_store_deserialize (const char          *data,
                          gssize               length,
                          RescueFlowSnapshot  *snapshot,
                          GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RescueFlow) scratch = NULL;
  const char *why = NULL;
  JsonNode *root;
  gsize size;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (snapshot, 0, sizeof *snapshot);

  if (data == NULL)
    data = "";
  size = length < 0 ? strlen (data) : (gsize) length;

  if (size > MAX_FILE_SIZE)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "The file is too big (%" G_GSIZE_FORMAT " bytes)", size);
      return FALSE;
    }

  /* Also rejects NUL bytes, which would cut strings short. */
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error_literal (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                           "The file is not UTF-8 text");
      return FALSE;
    }

  if (!rescue_json_check_outline (data, size, MAX_DEPTH, &why))
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "The file is not a JSON object: %s", why);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      /* json-glib quotes the text, lone surrogates and all */
      g_autofree char *detail = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "The file is not JSON: %s", detail);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      json_parser_has_assignment (parser, NULL))
    {
      g_set_error_literal (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                           "The file does not hold a JSON object");
      return FALSE;
    }

  if (!read_snapshot (json_node_get_object (root), snapshot, error))
    {
      rescue_flow_snapshot_clear (snapshot);
      return FALSE;
    }

  /* The flow knows which states are reachable; ask it rather than repeat it. */
  scratch = rescue_flow_new ();
  if (!rescue_flow_restore (scratch, snapshot, &local_error))
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "The file describes an impossible state: %s",
                   local_error->message);
      rescue_flow_snapshot_clear (snapshot);
      return FALSE;
    }

  return TRUE;
}

/**
 * rescue_store_load:
 *
 * A missing file gives %RESCUE_STORE_LOAD_FRESH. A file that cannot be used
 * is moved to `progress.json.corrupt` (so it neither blocks the next start
 * nor is lost), @error says why, and the result is
 * %RESCUE_STORE_LOAD_SET_ASIDE. @flow changes only when the result is
 * %RESCUE_STORE_LOAD_RESTORED.
 */
RescueStoreLoadResult
rescue_store_load (RescueStore  *self,
                   RescueFlow   *flow,
                   GError      **error)
{
  g_auto(RescueFlowSnapshot) snapshot = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (RESCUE_IS_STORE (self), RESCUE_STORE_LOAD_FRESH);
  g_return_val_if_fail (RESCUE_IS_FLOW (flow), RESCUE_STORE_LOAD_FRESH);
  g_return_val_if_fail (error == NULL || *error == NULL, RESCUE_STORE_LOAD_FRESH);

  if (!g_file_get_contents (self->path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return RESCUE_STORE_LOAD_FRESH;

      set_aside (self->path);
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNREADABLE,
                   "The saved progress could not be read: %s",
                   local_error->message);
      return RESCUE_STORE_LOAD_SET_ASIDE;
    }

  if (!rescue_store_deserialize (contents, length, &snapshot, error) ||
      !rescue_flow_restore (flow, &snapshot, error))
    {
      set_aside (self->path);
      return RESCUE_STORE_LOAD_SET_ASIDE;
    }

  return RESCUE_STORE_LOAD_RESTORED;
}

/**
 * rescue_store_save:
 * Writes @flow's state now, atomically, with mode 0600.
 */
gboolean
rescue_store_save (RescueStore  *self,
                   RescueFlow   *flow,
                   GError      **error)
{
  g_autoptr(GBytes) data = NULL;

  g_return_val_if_fail (RESCUE_IS_STORE (self), FALSE);
  g_return_val_if_fail (RESCUE_IS_FLOW (flow), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = serialize_bytes (flow);
  return write_numbered (self, data, ++self->queued_seq, error);
}

/**
 * rescue_store_flush:
 * Writes the watched flow's newest state now if a change is still on its
 * way, after any write still running; for quitting, when the main loop
 * will not run again.
 */
void
rescue_store_flush (RescueStore *self)
{
  g_autoptr(GError) error = NULL;

  gboolean pending;

  g_return_if_fail (RESCUE_IS_STORE (self));

  pending = self->save_idle_id != 0 || self->waiting != NULL;
  g_clear_handle_id (&self->save_idle_id, g_source_remove);
  g_clear_pointer (&self->waiting, g_bytes_unref);

  /* Let the running write report back, so no task outlives us */
  while (self->writing)
    g_main_context_iteration (NULL, TRUE);

  if (!pending || self->watched == NULL)
    return;

  rescue_store_save (self, self->watched, &error);
  report_save (self, error);
}

/**
 * rescue_store_get_busy:
 * Whether a change is still on its way to the file.
 */
gboolean
rescue_store_get_busy (RescueStore *self)
{
  g_return_val_if_fail (RESCUE_IS_STORE (self), FALSE);

  return self->save_idle_id != 0 || self->writing || self->waiting != NULL;
}

/**
 * rescue_store_watch:
 * Saves @flow after every change, once per burst of changes, from an idle
 * on the main context. Failures are logged once, not reported: the person
 * can go on without saved progress. Disposing the store writes a pending
 * change before it stops watching.
 */
void
rescue_store_watch (RescueStore *self,
                    RescueFlow  *flow)
{
  g_return_if_fail (RESCUE_IS_STORE (self));
  g_return_if_fail (RESCUE_IS_FLOW (flow));

  if (self->watched == flow)
    return;

  stop_watching (self);

  self->watched = g_object_ref (flow);
  self->notify_id = g_signal_connect_object (flow, "notify",
                                             G_CALLBACK (flow_notify_cb), self,
                                             G_CONNECT_SWAPPED);
}

/**
 * rescue_store_delete:
 * Removes the saved progress; a missing file is not an error. A flow being
 * watched is saved again at its next change.
 */
gboolean
rescue_store_delete (RescueStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (RESCUE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A save still waiting would bring the file straight back; one already
   * running is let finish first */
  g_clear_handle_id (&self->save_idle_id, g_source_remove);
  g_clear_pointer (&self->waiting, g_bytes_unref);
  while (self->writing)
    g_main_context_iteration (NULL, TRUE);

  if (g_remove (self->path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE,
                   "Could not delete the saved progress %s: %s",
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
