/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

/*
 * What every fuzz target shares. The units under test promise to answer
 * any input with a GError, never a CRITICAL or a warning (json-glib's typed
 * getters emit CRITICALs on a type mismatch; a unit that lets one through
 * has a bug), so both end the run as a crash that libFuzzer keeps.
 */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static inline void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* No translations: the messages are only checked for being there */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("GIO_USE_VFS", "local", TRUE);
}

/* A person reads the message: it must be a sentence, not nothing */
static inline void
fuzz_assert_message (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 0);
}
