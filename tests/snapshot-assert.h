/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rescue-flow.h"

/* Field by field, so a failure names the field that differs */
static inline void
assert_same_snapshot (const RescueFlowSnapshot *a,
                      const RescueFlowSnapshot *b)
{
  g_assert_cmpint (a->step, ==, b->step);
  g_assert_cmpuint (a->n_history, ==, b->n_history);
  for (guint i = 0; i < a->n_history; i++)
    g_assert_cmpint (a->history[i], ==, b->history[i]);
  g_assert_cmpint (a->platform, ==, b->platform);
  g_assert_cmpstr (a->country, ==, b->country);
  g_assert_cmpint (a->has_signed_in_device, ==, b->has_signed_in_device);
  for (guint i = 0; i < RESCUE_N_FIXES; i++)
    g_assert_cmpint (a->outcomes[i], ==, b->outcomes[i]);
  g_assert_cmpstr (a->username, ==, b->username);
  g_assert_cmpstr (a->email, ==, b->email);
  g_assert_cmpint (a->support_submitted_at, ==, b->support_submitted_at);
  g_assert_cmpint (a->check, ==, b->check);
  g_assert_cmpint (a->wait_started_at, ==, b->wait_started_at);
}
