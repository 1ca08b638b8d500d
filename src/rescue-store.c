/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rescue-enums.h"
#include "rescue-json.h"
#include "rescue-store.h"
#include "rescue-support-request.h"

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
/* progress.json.corrupt, .corrupt.1 and .corrupt.2 */
#define N_ASIDE 3

struct _RescueStore
{
  GObject     parent_instance;

  char       *path;

  RescueFlow *watched;
  gulong      notify_id;
  guint       save_idle_id;
  gboolean    failure_logged;
  /* A bad file that could not be set aside: never written over */
  char       *left_alone;

  /* One writer per folder: the running app holds an flock on the lock
   * file, which the kernel drops if it dies. A store that found the lock
   * held reads, writes and deletes nothing. */
  int         lock_fd;
  gboolean    locked_out;    /* under write_lock */

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

/* The username and email go back into the support page's entries, into
 * Copy Message and into the form's address: they are checked as typed
 * text is, and checked before they are copied, so that an over-long one
 * costs nothing */
static gboolean
read_detail (JsonObject  *root,
             const char  *name,
             gboolean   (*check) (const char *saved, GError **error),
             char       **out,
             GError     **error)
{
  JsonNode *node = rescue_json_get_value (root, name, G_TYPE_STRING);
  g_autoptr(GError) check_error = NULL;

  if (node == NULL)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "“%s” is missing or not a string", name);
      return FALSE;
    }

  if (!check (json_node_get_string (node), &check_error))
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "“%s” could not have been typed: %s", name, check_error->message);
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

      /* Files from before the routes have only the first three fixes */
      if (fix >= RESCUE_FIX_RESET_CODE &&
          !json_object_has_member (outcomes, enum_to_nick (RESCUE_TYPE_FIX, fix)))
        {
          snapshot->outcomes[fix] = RESCUE_OUTCOME_PENDING;
          continue;
        }

      if (!read_enum (outcomes, enum_to_nick (RESCUE_TYPE_FIX, fix),
                      RESCUE_TYPE_OUTCOME, &outcome, error))
        return FALSE;
      snapshot->outcomes[fix] = outcome;
    }

  return TRUE;
}

/* A time is an ISO 8601 string, or null for none (0). @required: a file
 * without the member is corrupt; otherwise it counts as none. */
static gboolean
read_time (JsonObject  *root,
           const char  *name,
           gboolean     required,
           gint64      *unix_time,
           GError     **error)
{
  JsonNode *node = json_object_get_member (root, name);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;

  *unix_time = 0;
  if ((node == NULL && !required) || (node != NULL && JSON_NODE_HOLDS_NULL (node)))
    return TRUE;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "“%s” is missing or neither null nor a string", name);
      return FALSE;
    }

  when = g_date_time_new_from_iso8601 (json_node_get_string (node), utc);
  if (when == NULL)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "“%s” is not an ISO 8601 time", name);
      return FALSE;
    }

  *unix_time = g_date_time_to_unix (when);
  return TRUE;
}

/* The check and the wait came with the routes: a file without them is
 * from before, when two-factor was the only route and nobody waited */
static gboolean
read_route (JsonObject          *root,
            RescueFlowSnapshot  *snapshot,
            GError             **error)
{
  int check = RESCUE_CHECK_TWO_FACTOR;

  if (json_object_has_member (root, "check") &&
      !read_enum (root, "check", RESCUE_TYPE_CHECK, &check, error))
    return FALSE;
  snapshot->check = check;

  return read_time (root, "wait-started-at", FALSE, &snapshot->wait_started_at, error);
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
         read_detail (root, "username", rescue_support_check_saved_username,
                      &snapshot->username, error) &&
         read_detail (root, "email", rescue_support_check_saved_email,
                      &snapshot->email, error) &&
         read_time (root, "support-submitted-at", TRUE, &snapshot->support_submitted_at, error) &&
         read_route (root, snapshot, error);
}

/* The folder holds the person's username and email: it must be theirs,
 * and no one else's to read. A folder that belongs to someone else could
 * be read, or swapped, behind their back. */
static gboolean
check_folder (const char  *folder,
              GError     **error)
{
  GStatBuf info;

  if (g_stat (folder, &info) != 0)
    {
      int saved_errno = errno;

      /* Made, private, at the first save */
      if (saved_errno == ENOENT)
        return TRUE;

      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNSAFE_FOLDER,
                   "Could not look at the folder %s: %s",
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISDIR (info.st_mode))
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNSAFE_FOLDER,
                   "%s is not a folder", folder);
      return FALSE;
    }

  if (info.st_uid != geteuid ())
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNSAFE_FOLDER,
                   "The folder %s belongs to someone else (user %u)",
                   folder, (guint) info.st_uid);
      return FALSE;
    }

  /* An older folder may have been made with the umask's 0755 */
  if ((info.st_mode & 0077) != 0 && g_chmod (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNSAFE_FOLDER,
                   "The folder %s could not be made private: %s",
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE,
                   "Could not create the folder %s: %s",
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  return check_folder (folder, error);
}

static char *
aside_path (const char *path,
            guint       generation)
{
  if (generation == 0)
    return g_strconcat (path, ".corrupt", NULL);

  return g_strdup_printf ("%s.corrupt.%u", path, generation);
}

static gboolean
name_taken (const char *path)
{
  GStatBuf info;

  return g_lstat (path, &info) == 0 || errno != ENOENT;
}

/* Moves @path to progress.json.corrupt. The bad file may be a newer
 * version's progress, so nothing set aside before is replaced: the older
 * ones move up to .corrupt.1 and .corrupt.2, and only the oldest is
 * dropped. Whatever cannot be moved stays where it is. */
static gboolean
set_aside (const char  *path,
           GError     **error)
{
  g_autofree char *oldest = aside_path (path, N_ASIDE - 1);
  g_autofree char *aside = aside_path (path, 0);
  int saved_errno;

  if (name_taken (oldest) && g_remove (oldest) != 0)
    g_debug ("Could not drop the oldest set-aside file %s: %s",
             oldest, g_strerror (errno));

  for (guint generation = N_ASIDE - 1; generation > 0; generation--)
    {
      g_autofree char *from = aside_path (path, generation - 1);
      g_autofree char *to = aside_path (path, generation);

      if (name_taken (from) && !name_taken (to) && g_rename (from, to) != 0)
        g_debug ("Could not move %s to %s: %s", from, to, g_strerror (errno));
    }

  if (name_taken (aside))
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE,
                   "%s is taken and could not be moved", aside);
      return FALSE;
    }

  if (g_rename (path, aside) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE,
               "%s could not be moved to %s: %s",
               path, aside, g_strerror (saved_errno));
  return FALSE;
}

/* Reads the progress file without ever waiting or reading more than a
 * progress file can hold: whatever is at the path may be a FIFO, a link to
 * /dev/zero or a huge sparse file, and start-up must not hang on it. */
static char *
read_progress (const char  *path,
               gsize       *length,
               GError     **error)
{
  g_autofree char *contents = NULL;
  struct stat info;
  gsize total = 0;
  int saved_errno;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT)
        g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "No saved progress");
      else if (saved_errno == ELOOP)
        g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNREADABLE,
                     "%s is a link, not a file", path);
      else
        g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNREADABLE,
                     "%s could not be opened: %s", path, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNREADABLE,
                   "%s is not a regular file", path);
      g_close (fd, NULL);
      return NULL;
    }

  if (info.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "The file is too big (%" G_GINT64_FORMAT " bytes)",
                   (gint64) info.st_size);
      g_close (fd, NULL);
      return NULL;
    }

  /* The size can change while we read: one byte past the limit tells */
  contents = g_malloc (MAX_FILE_SIZE + 2);
  while (total <= MAX_FILE_SIZE)
    {
      gssize got = read (fd, contents + total, MAX_FILE_SIZE + 1 - total);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          saved_errno = errno;
          g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNREADABLE,
                       "%s could not be read: %s", path, g_strerror (saved_errno));
          g_close (fd, NULL);
          return NULL;
        }
      if (got == 0)
        break;
      total += got;
    }
  g_close (fd, NULL);

  if (total > MAX_FILE_SIZE)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT,
                   "The file is too big (over %d bytes)", MAX_FILE_SIZE);
      return NULL;
    }

  contents[total] = '\0';
  *length = total;
  return g_steal_pointer (&contents);
}

static gboolean
write_file (RescueStore  *self,
            GBytes       *data,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *contents = g_bytes_get_data (data, &length);

  if (self->locked_out)
    {
      g_set_error_literal (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_LOCKED,
                           "Another Code Rescue is saving the progress in this folder");
      return FALSE;
    }

  if (self->left_alone != NULL)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE,
                   "Progress is not saved over %s, which could not be read or moved aside",
                   self->left_alone);
      return FALSE;
    }

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
  g_clear_pointer (&self->left_alone, g_free);
  g_clear_pointer (&self->waiting, g_bytes_unref);
  g_mutex_clear (&self->write_lock);
  /* Releases the lock */
  if (self->lock_fd >= 0)
    g_close (self->lock_fd, NULL);

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
  self->lock_fd = -1;
}

/**
 * rescue_store_default_path:
 * Returns: (transfer full): `$XDG_STATE_HOME/code-rescue/progress.json`,
 *   or `~/.local/state/code-rescue/progress.json` when `$XDG_STATE_HOME` is
 *   unset, empty or relative
 */
char *
rescue_store_default_path (void)
{
  const char *state = g_get_user_state_dir ();

  /* The XDG spec says to ignore a relative value; GLib 2.74 takes it as
   * is, and the progress would follow the current folder */
  if (!g_path_is_absolute (state))
    return g_build_filename (g_get_home_dir (), ".local", "state", "code-rescue",
                             "progress.json", NULL);

  return g_build_filename (state, "code-rescue", "progress.json", NULL);
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
 * rescue_store_lock:
 *
 * Takes the lock of the progress folder (an flock on `lock` next to the
 * progress file, made 0600 in the private folder, which is made if
 * needed), held until @self is finalized or the process ends, however it
 * ends. Taking it again is a no-op.
 *
 * When another Code Rescue holds it, this fails with
 * %RESCUE_STORE_ERROR_LOCKED and @self stays locked out:
 * rescue_store_load() reads nothing (%RESCUE_STORE_LOAD_LOCKED), nothing
 * is saved, and rescue_store_delete() deletes nothing. Other failures
 * (an unsafe folder, a read-only disk) leave @self as it was: loading and
 * saving then say what is wrong themselves.
 */
gboolean
rescue_store_lock (RescueStore  *self,
                   GError      **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *lock_path = NULL;
  int saved_errno;
  int fd;

  g_return_val_if_fail (RESCUE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->lock_fd >= 0)
    return TRUE;

  if (!ensure_folder (self->path, error))
    return FALSE;

  folder = g_path_get_dirname (self->path);
  lock_path = g_build_filename (folder, "lock", NULL);
  fd = g_open (lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE,
                   "Could not open the lock file %s: %s",
                   lock_path, g_strerror (saved_errno));
      return FALSE;
    }

  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      saved_errno = errno;
      if (saved_errno == EINTR)
        continue;

      g_close (fd, NULL);
      if (saved_errno == EWOULDBLOCK)
        {
          g_mutex_lock (&self->write_lock);
          self->locked_out = TRUE;
          g_mutex_unlock (&self->write_lock);
          g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_LOCKED,
                       "Another Code Rescue holds %s", lock_path);
        }
      else
        g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE,
                     "Could not lock %s: %s", lock_path, g_strerror (saved_errno));
      return FALSE;
    }

  g_mutex_lock (&self->write_lock);
  self->locked_out = FALSE;
  g_mutex_unlock (&self->write_lock);
  self->lock_fd = fd;
  return TRUE;
}

/* A time as ISO 8601 in UTC, or null for none (0) */
static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       unix_time)
{
  g_autoptr(GDateTime) when = unix_time > 0 ? g_date_time_new_from_unix_utc (unix_time) : NULL;
  g_autofree char *text = when ? g_date_time_format_iso8601 (when) : NULL;

  json_builder_set_member_name (builder, name);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
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

  add_time (builder, "support-submitted-at", snapshot.support_submitted_at);

  json_builder_set_member_name (builder, "check");
  json_builder_add_string_value (builder, enum_to_nick (RESCUE_TYPE_CHECK, snapshot.check));

  add_time (builder, "wait-started-at", snapshot.wait_started_at);

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

static void
set_left_alone (RescueStore *self,
                const char  *path)
{
  g_mutex_lock (&self->write_lock);
  g_free (self->left_alone);
  self->left_alone = g_strdup (path);
  g_mutex_unlock (&self->write_lock);
}

/* @error says why the file is bad; this adds what became of it */
static RescueStoreLoadResult
put_aside (RescueStore  *self,
           GError      **error)
{
  g_autoptr(GError) move_error = NULL;

  if (set_aside (self->path, &move_error))
    return RESCUE_STORE_LOAD_SET_ASIDE;

  g_message ("Could not move the unusable progress file aside: %s", move_error->message);
  set_left_alone (self, self->path);
  if (error != NULL && *error != NULL)
    g_prefix_error (error, "Left as it is (%s): ", move_error->message);
  return RESCUE_STORE_LOAD_LEFT_ALONE;
}

/**
 * rescue_store_load:
 *
 * A missing file gives %RESCUE_STORE_LOAD_FRESH. A file that cannot be used
 * (not JSON, not ours, not a regular file, too big) is moved to
 * `progress.json.corrupt`, the older set-aside files moving up to
 * `.corrupt.1` and `.corrupt.2` (so it neither blocks the next start nor
 * is lost), @error says why, and the result is
 * %RESCUE_STORE_LOAD_SET_ASIDE. When it cannot be moved, it is left as it
 * is, never written over, and the result is %RESCUE_STORE_LOAD_LEFT_ALONE.
 * A folder that is not private to this user is neither read nor written:
 * %RESCUE_STORE_LOAD_UNSAFE_FOLDER. @flow changes only when the result is
 * %RESCUE_STORE_LOAD_RESTORED. Never blocks: a FIFO or a device at the
 * path is not opened for reading.
 */
RescueStoreLoadResult
rescue_store_load (RescueStore  *self,
                   RescueFlow   *flow,
                   GError      **error)
{
  g_auto(RescueFlowSnapshot) snapshot = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *folder = NULL;
  gsize length = 0;

  g_return_val_if_fail (RESCUE_IS_STORE (self), RESCUE_STORE_LOAD_FRESH);
  g_return_val_if_fail (RESCUE_IS_FLOW (flow), RESCUE_STORE_LOAD_FRESH);
  g_return_val_if_fail (error == NULL || *error == NULL, RESCUE_STORE_LOAD_FRESH);

  if (self->locked_out)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_LOCKED,
                   "Another Code Rescue holds the progress in %s", self->path);
      return RESCUE_STORE_LOAD_LOCKED;
    }

  folder = g_path_get_dirname (self->path);
  if (!check_folder (folder, error))
    return RESCUE_STORE_LOAD_UNSAFE_FOLDER;

  contents = read_progress (self->path, &length, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return RESCUE_STORE_LOAD_FRESH;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return put_aside (self, error);
    }

  if (!rescue_store_deserialize (contents, length, &snapshot, error) ||
      !rescue_flow_restore (flow, &snapshot, error))
    return put_aside (self, error);

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
 * Removes the saved progress and every file kept beside it (the set-aside
 * files, a temporary file a crash left behind); a missing file is not an
 * error, nor is a file where the folder would be. A flow being watched is
 * saved again at its next change. Fails, naming what is left, when
 * anything could not be removed. A store locked out by
 * rescue_store_lock() removes nothing: it succeeds only when nothing is
 * there, and otherwise fails with %RESCUE_STORE_ERROR_LOCKED.
 */
gboolean
rescue_store_delete (RescueStore  *self,
                     GError      **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GString) left = NULL;
  g_autoptr(GError) dir_error = NULL;
  const char *name;

  g_return_val_if_fail (RESCUE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A save still waiting would bring the file straight back; one already
   * running is let finish first */
  g_clear_handle_id (&self->save_idle_id, g_source_remove);
  g_clear_pointer (&self->waiting, g_bytes_unref);
  while (self->writing)
    g_main_context_iteration (NULL, TRUE);

  folder = g_path_get_dirname (self->path);
  base = g_path_get_basename (self->path);
  dir = g_dir_open (folder, 0, &dir_error);
  if (dir == NULL)
    {
      /* No folder, or a file where the folder would be: nothing was saved */
      if (g_error_matches (dir_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
          g_error_matches (dir_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        {
          set_left_alone (self, NULL);
          return TRUE;
        }

      /* Callers add what failed: say only why */
      g_set_error_literal (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE,
                           dir_error->message);
      return FALSE;
    }

  /* Everything named after the progress file is ours: progress.json,
   * progress.json.corrupt[.N] and g_file_set_contents()'s progress.json.XXXXXX */
  left = g_string_new (NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;

      if (!g_str_equal (name, base) &&
          !(g_str_has_prefix (name, base) && name[strlen (base)] == '.'))
        continue;

      child = g_build_filename (folder, name, NULL);
      /* The files belong to the app holding the lock: only say they are there */
      if (self->locked_out)
        g_string_append_printf (left, "%s%s", left->len > 0 ? ", " : "", child);
      /* remove () also takes an empty folder; a full one is not ours */
      else if (g_remove (child) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_string_append_printf (left, "%s%s (%s)", left->len > 0 ? ", " : "",
                                  child, g_strerror (saved_errno));
        }
    }

  /* Nothing left to write over */
  if (!name_taken (self->path))
    set_left_alone (self, NULL);

  if (left->len > 0 && self->locked_out)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_LOCKED,
                   "another Code Rescue holds %s", left->str);
      return FALSE;
    }
  if (left->len > 0)
    {
      g_set_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE,
                   "%s could not be removed", left->str);
      return FALSE;
    }

  return TRUE;
}
