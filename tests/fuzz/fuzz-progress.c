/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-progress"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "rescue-store.h"
#include "rescue-support-request.h"
#include "../snapshot-assert.h"

/*
 * The progress file: rescue_store_deserialize() must refuse anything that
 * is not a reachable state, with a RESCUE_STORE_ERROR; and what it accepts
 * must be a state the flow restores and that saves back to the same state,
 * with a username and email the support page's entries could hold.
 *
 * Then the restore itself, as at start-up: the input is written as the
 * progress file and rescue_store_load() reads it. It restores exactly what
 * deserializing accepted, and anything else is set aside as corrupt,
 * leaving the flow as it was.
 */

static char *folder;
static char *path;
static char *aside;

static void
remove_folder (void)
{
  g_remove (path);
  g_remove (aside);
  g_rmdir (folder);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_init ();

  folder = g_dir_make_tmp ("fuzz-progress-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "progress.json", NULL);
  aside = g_strconcat (path, ".corrupt", NULL);
  atexit (remove_folder);
  return 0;
}

static void
check_restore (const uint8_t            *data,
               size_t                    size,
               const RescueFlowSnapshot *accepted)
{
  g_autoptr(RescueStore) store = rescue_store_new (path);
  g_autoptr(RescueFlow) flow = rescue_flow_new ();
  g_auto(RescueFlowSnapshot) before = { 0 };
  g_auto(RescueFlowSnapshot) after = { 0 };
  g_autoptr(GError) error = NULL;
  RescueStoreLoadResult result;

  g_remove (aside);
  /* No fsync: the disk is not what is under test, and it would slow each run */
  g_assert_true (g_file_set_contents_full (path, (const char *) data, (gssize) size,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));

  /* What was typed before the load finished */
  rescue_flow_set_username (flow, "typed_already");
  rescue_flow_get_snapshot (flow, &before);

  result = rescue_store_load (store, flow, &error);
  rescue_flow_get_snapshot (flow, &after);

  if (accepted != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpint (result, ==, RESCUE_STORE_LOAD_RESTORED);
      assert_same_snapshot (accepted, &after);
      return;
    }

  g_assert_cmpint (result, ==, RESCUE_STORE_LOAD_SET_ASIDE);
  g_assert_true (error != NULL && error->domain == RESCUE_STORE_ERROR);
  fuzz_assert_message (error);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_same_snapshot (&before, &after);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(RescueFlowSnapshot) snapshot = { 0 };
  g_auto(RescueFlowSnapshot) again = { 0 };
  g_autoptr(RescueFlow) flow = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gsize saved_length = 0;

  if (size > G_MAXSSIZE)
    return 0;

  if (!rescue_store_deserialize ((const char *) data, (gssize) size, &snapshot, &error))
    {
      g_assert_true (error->domain == RESCUE_STORE_ERROR);
      fuzz_assert_message (error);
      check_restore (data, size, NULL);
      return 0;
    }
  g_assert_no_error (error);

  /* What was typed goes back into GTK entries, which take only UTF-8, and
   * into Copy Message: no line breaks, nothing invisible, nothing longer
   * than the entries hold */
  g_assert_true (g_utf8_validate (snapshot.username, -1, NULL));
  g_assert_true (g_utf8_validate (snapshot.email, -1, NULL));
  g_assert_true (g_utf8_validate (snapshot.country, -1, NULL));
  g_assert_true (rescue_support_check_saved_username (snapshot.username, NULL));
  g_assert_true (rescue_support_check_saved_email (snapshot.email, NULL));
  check_restore (data, size, &snapshot);

  flow = rescue_flow_new ();
  if (!rescue_flow_restore (flow, &snapshot, &error))
    g_error ("Accepted a state the flow refuses: %s", error->message);

  saved = rescue_store_serialize (flow, &saved_length);
  if (!rescue_store_deserialize (saved, (gssize) saved_length, &again, &error))
    g_error ("Cannot read back what was saved: %s\n%s", error->message, saved);
  assert_same_snapshot (&snapshot, &again);

  return 0;
}
