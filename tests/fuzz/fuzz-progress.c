/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-progress"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rescue-store.h"
#include "../snapshot-assert.h"

/*
 * The progress file: rescue_store_deserialize() must refuse anything that
 * is not a reachable state, with a RESCUE_STORE_ERROR; and what it accepts
 * must be a state the flow restores and that saves back to the same state.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
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
      return 0;
    }
  g_assert_no_error (error);

  /* What was typed goes back into GTK entries, which take only UTF-8 */
  g_assert_true (g_utf8_validate (snapshot.username, -1, NULL));
  g_assert_true (g_utf8_validate (snapshot.email, -1, NULL));
  g_assert_true (g_utf8_validate (snapshot.country, -1, NULL));

  flow = rescue_flow_new ();
  if (!rescue_flow_restore (flow, &snapshot, &error))
    g_error ("Accepted a state the flow refuses: %s", error->message);

  saved = rescue_store_serialize (flow, &saved_length);
  if (!rescue_store_deserialize (saved, (gssize) saved_length, &again, &error))
    g_error ("Cannot read back what was saved: %s\n%s", error->message, saved);
  assert_same_snapshot (&snapshot, &again);

  return 0;
}
