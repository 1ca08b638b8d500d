/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rescue-flow.h"

G_BEGIN_DECLS

#define RESCUE_STORE_VERSION 1

#define RESCUE_STORE_ERROR (rescue_store_error_quark ())

/**
 * RescueStoreError:
 * @RESCUE_STORE_ERROR_CORRUPT: empty, truncated, not JSON or the wrong shape
 * @RESCUE_STORE_ERROR_FUTURE_VERSION: written by a newer Code Rescue
 * @RESCUE_STORE_ERROR_UNREADABLE: the file exists but cannot be read
 * @RESCUE_STORE_ERROR_WRITE: the progress could not be saved (or deleted)
 * @RESCUE_STORE_ERROR_UNSAFE_FOLDER: the folder belongs to someone else or
 *   cannot be made private
 * @RESCUE_STORE_ERROR_LOCKED: another Code Rescue holds the folder's lock
 */
typedef enum
{
  RESCUE_STORE_ERROR_CORRUPT,
  RESCUE_STORE_ERROR_FUTURE_VERSION,
  RESCUE_STORE_ERROR_UNREADABLE,
  RESCUE_STORE_ERROR_WRITE,
  RESCUE_STORE_ERROR_UNSAFE_FOLDER,
  RESCUE_STORE_ERROR_LOCKED,
} RescueStoreError;

GQuark rescue_store_error_quark (void);

typedef enum
{
  RESCUE_STORE_LOAD_FRESH,      /* no file: nothing to say */
  RESCUE_STORE_LOAD_RESTORED,   /* progress restored: "Welcome back" */
  RESCUE_STORE_LOAD_SET_ASIDE,  /* bad file moved to progress.json.corrupt; error says why */
  RESCUE_STORE_LOAD_LEFT_ALONE, /* bad file could not be moved: left as it is and
                                 * never written over; nothing is saved */
  RESCUE_STORE_LOAD_UNSAFE_FOLDER, /* the folder is not private to this user:
                                    * nothing read or saved there */
  RESCUE_STORE_LOAD_LOCKED,     /* another Code Rescue holds the lock: nothing
                                 * read or saved; see rescue_store_lock() */
} RescueStoreLoadResult;

#define RESCUE_TYPE_STORE (rescue_store_get_type ())
G_DECLARE_FINAL_TYPE (RescueStore, rescue_store, RESCUE, STORE, GObject)

char                 *rescue_store_default_path (void);
RescueStore          *rescue_store_new          (const char   *path);
const char           *rescue_store_get_path     (RescueStore  *self);
gboolean              rescue_store_lock         (RescueStore  *self,
                                                 GError      **error);

RescueStoreLoadResult rescue_store_load         (RescueStore  *self,
                                                 RescueFlow   *flow,
                                                 GError      **error);
gboolean              rescue_store_save         (RescueStore  *self,
                                                 RescueFlow   *flow,
                                                 GError      **error);
void                  rescue_store_watch        (RescueStore  *self,
                                                 RescueFlow   *flow);
void                  rescue_store_flush        (RescueStore  *self);
gboolean              rescue_store_get_busy     (RescueStore  *self);
gboolean              rescue_store_delete       (RescueStore  *self,
                                                 GError      **error);

char                 *rescue_store_serialize    (RescueFlow   *flow,
                                                 gsize        *length);
gboolean              rescue_store_deserialize  (const char   *data,
                                                 gssize        length,
                                                 RescueFlowSnapshot *snapshot,
                                                 GError      **error);

G_END_DECLS
