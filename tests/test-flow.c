/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "rescue-enums.h"
#include "rescue-flow.h"
#include "rescue-store.h"
#include "snapshot-assert.h"

#define W   RESCUE_STEP_WELCOME
#define U   RESCUE_STEP_UNBLOCK
#define S   RESCUE_STEP_SIGNED_IN
#define SUP RESCUE_STEP_SUPPORT
#define R   RESCUE_STEP_RESOLVED
#define WT  RESCUE_STEP_WAITING_FOR_SUPPORT
#define ID  RESCUE_STEP_IDENTIFY
#define RC  RESCUE_STEP_RESET_CODE
#define LK  RESCUE_STEP_LOCKED
#define WA  RESCUE_STEP_WAIT
#define SK  RESCUE_STEP_SECURITY_KEY
#define NO  -1

/* The product's flow, written out independently of the implementation:
 * where each event leads from each step, reached by the shortest path,
 * with and without a signed-in device. NO means refused. */
/* The two-factor route; the other routes' steps are checked by
 * /flow/routes/table */
static const int expected_with_device[RESCUE_N_STEPS][RESCUE_N_EVENTS] = {
  /*          start fix-worked fix-failed skip back submitted restart show-signed-in */
  [W]   = {   U,    NO,        NO,        NO,  NO,  NO,       W,      NO },
  [U]   = {   NO,   R,         S,         S,   W,   NO,       W,      S },
  [S]   = {   NO,   R,         SUP,       SUP, U,   NO,       W,      NO },
  /* fix 2 was visited: Back, not show-signed-in, returns there */
  [SUP] = {   NO,   NO,        NO,        NO,  S,   WT,       W,      NO },
  [R]   = {   NO,   NO,        NO,        NO,  U,   NO,       W,      NO },
  [WT]  = {   NO,   NO,        NO,        NO,  SUP, NO,       W,      NO },
};

static const int expected_without_device[RESCUE_N_STEPS][RESCUE_N_EVENTS] = {
  [W]   = {   U,    NO,        NO,        NO,  NO,  NO,       W,      NO },
  [U]   = {   NO,   R,         SUP,       SUP, W,   NO,       W,      S },
  [S]   = {   NO,   NO,        NO,        NO,  NO,  NO,       NO,     NO }, /* not on the shortest path */
  [SUP] = {   NO,   NO,        NO,        NO,  U,   WT,       W,      S },
  [R]   = {   NO,   NO,        NO,        NO,  U,   NO,       W,      NO },
  [WT]  = {   NO,   NO,        NO,        NO,  SUP, NO,       W,      NO },
};

static gboolean
is_two_factor_step (RescueStep step)
{
  return step == W || step == U || step == S || step == SUP || step == R || step == WT;
}

static void
handle_ok (RescueFlow  *flow,
           RescueEvent  event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rescue_flow_handle (flow, event, &error));
  g_assert_no_error (error);
}

/* Drives a fresh flow to @step along the shortest path */
static RescueFlow *
flow_at (RescueStep step,
         gboolean   has_device)
{
  RescueFlow *flow = rescue_flow_new ();
  static const struct { RescueStep step; RescueCheck check; } first_steps[] = {
    { ID, RESCUE_CHECK_NOT_SURE },
    { RC, RESCUE_CHECK_PASSWORD_RESET },
    { LK, RESCUE_CHECK_LOCKED },
    { WA, RESCUE_CHECK_TOO_MANY_ATTEMPTS },
    { SK, RESCUE_CHECK_SECURITY_KEY },
  };

  rescue_flow_set_has_signed_in_device (flow, has_device);
  if (step == W)
    return flow;
  for (guint i = 0; i < G_N_ELEMENTS (first_steps); i++)
    if (first_steps[i].step == step)
      {
        rescue_flow_set_check (flow, first_steps[i].check);
        handle_ok (flow, RESCUE_EVENT_START);
        g_assert_cmpint (rescue_flow_get_step (flow), ==, step);
        return flow;
      }
  handle_ok (flow, RESCUE_EVENT_START);
  if (step == U)
    return flow;
  if (step == R)
    {
      handle_ok (flow, RESCUE_EVENT_FIX_WORKED);
      return flow;
    }
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  if (step == S)
    {
      g_assert_true (has_device);
      return flow;
    }
  if (has_device)
    handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  if (step == SUP)
    return flow;
  handle_ok (flow, RESCUE_EVENT_SUPPORT_SUBMITTED);
  g_assert_cmpint (step, ==, WT);
  return flow;
}

static void
check_table (const int table[RESCUE_N_STEPS][RESCUE_N_EVENTS],
             gboolean  has_device)
{
  for (guint step = 0; step < RESCUE_N_STEPS; step++)
    {
      if ((!has_device && step == S) || !is_two_factor_step (step))
        continue;

      for (guint event = 0; event < RESCUE_N_EVENTS; event++)
        {
          g_autoptr(RescueFlow) flow = flow_at (step, has_device);
          g_autoptr(GError) error = NULL;
          gboolean handled;

          g_assert_cmpint (rescue_flow_can_handle (flow, event), ==, table[step][event] != NO);
          handled = rescue_flow_handle (flow, event, &error);

          if (table[step][event] == NO)
            {
              g_assert_false (handled);
              g_assert_error (error, RESCUE_FLOW_ERROR, RESCUE_FLOW_ERROR_INVALID_EVENT);
              g_assert_cmpint (rescue_flow_get_step (flow), ==, step);
            }
          else
            {
              g_assert_no_error (error);
              g_assert_true (handled);
              g_assert_cmpint (rescue_flow_get_step (flow), ==, table[step][event]);
            }
        }
    }
}

static void
test_table_with_device (void)
{
  check_table (expected_with_device, TRUE);
}

static void
test_table_without_device (void)
{
  check_table (expected_without_device, FALSE);
}

static void
test_unknown_event_refused (void)
{
  g_autoptr(RescueFlow) flow = rescue_flow_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (rescue_flow_handle (flow, RESCUE_N_EVENTS + 3, &error));
  g_assert_error (error, RESCUE_FLOW_ERROR, RESCUE_FLOW_ERROR_INVALID_EVENT);
}

static void
test_path_worked_at_fix1 (void)
{
  g_autoptr(RescueFlow) flow = flow_at (U, TRUE);

  handle_ok (flow, RESCUE_EVENT_FIX_WORKED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, R);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_UNBLOCK), ==, RESCUE_OUTCOME_WORKED);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_PENDING);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SUPPORT), ==, RESCUE_OUTCOME_PENDING);
}

static void
test_path_through_to_support (void)
{
  g_autoptr(RescueFlow) flow = flow_at (U, TRUE);
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, S);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_UNBLOCK), ==, RESCUE_OUTCOME_DID_NOT_WORK);
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, SUP);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_DID_NOT_WORK);
  g_assert_cmpint (rescue_flow_get_support_submitted_at (flow), ==, 0);
  handle_ok (flow, RESCUE_EVENT_SUPPORT_SUBMITTED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, WT);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SUPPORT), ==, RESCUE_OUTCOME_WORKED);
  g_assert_cmpint (rescue_flow_get_support_submitted_at (flow), >=, before);
  g_assert_cmpint (rescue_flow_get_support_submitted_at (flow), <=, g_get_real_time () / G_USEC_PER_SEC);
}

static void
test_path_no_signed_in_device (void)
{
  g_autoptr(RescueFlow) flow = flow_at (U, FALSE);

  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, SUP);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_UNBLOCK), ==, RESCUE_OUTCOME_DID_NOT_WORK);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_SKIPPED);
}

static void
test_path_skip_fix2 (void)
{
  g_autoptr(RescueFlow) flow = flow_at (S, TRUE);

  handle_ok (flow, RESCUE_EVENT_SKIP);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, SUP);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_SKIPPED);
}

static void
test_back_after_skip (void)
{
  g_autoptr(RescueFlow) flow = flow_at (U, FALSE);

  /* Fix 2 was skipped automatically: Back from support returns to fix 1,
   * the step actually visited, and both fixes are undecided again. */
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_previous_step (flow), ==, U);
  handle_ok (flow, RESCUE_EVENT_BACK);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, U);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_UNBLOCK), ==, RESCUE_OUTCOME_PENDING);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_PENDING);
  handle_ok (flow, RESCUE_EVENT_BACK);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, W);
  g_assert_false (rescue_flow_get_can_go_back (flow));
}

static void
test_back_after_manual_skip (void)
{
  g_autoptr(RescueFlow) flow = flow_at (S, TRUE);

  handle_ok (flow, RESCUE_EVENT_SKIP);
  handle_ok (flow, RESCUE_EVENT_BACK);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, S);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_PENDING);
  /* fix 1 stays decided: it came before */
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_UNBLOCK), ==, RESCUE_OUTCOME_DID_NOT_WORK);
}

/* It Worked by mistake: Back undoes it */
static void
test_back_undoes_worked (void)
{
  g_autoptr(RescueFlow) flow = flow_at (S, TRUE);

  handle_ok (flow, RESCUE_EVENT_FIX_WORKED);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_WORKED);
  handle_ok (flow, RESCUE_EVENT_BACK);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, S);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_PENDING);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_UNBLOCK), ==, RESCUE_OUTCOME_DID_NOT_WORK);
}

static void
step_notified_cb (guint *count)
{
  (*count)++;
}

/* The sidebar's way back: only to steps visited, as a run of Backs */
static void
test_go_back_to (void)
{
  g_autoptr(RescueFlow) flow = flow_at (SUP, TRUE);
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_assert_true (rescue_flow_can_go_back_to (flow, W));
  g_assert_true (rescue_flow_can_go_back_to (flow, U));
  g_assert_true (rescue_flow_can_go_back_to (flow, S));
  g_assert_false (rescue_flow_can_go_back_to (flow, SUP));
  g_assert_false (rescue_flow_can_go_back_to (flow, R));
  g_assert_false (rescue_flow_can_go_back_to (flow, WT));

  g_assert_false (rescue_flow_go_back_to (flow, WT, &error));
  g_assert_error (error, RESCUE_FLOW_ERROR, RESCUE_FLOW_ERROR_INVALID_EVENT);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, SUP);

  g_signal_connect_swapped (flow, "notify::step", G_CALLBACK (step_notified_cb), &notified);
  g_assert_true (rescue_flow_go_back_to (flow, U, NULL));
  g_assert_cmpint (rescue_flow_get_step (flow), ==, U);
  /* one change, not one per step passed */
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_UNBLOCK), ==, RESCUE_OUTCOME_PENDING);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_PENDING);
  g_assert_cmpint (rescue_flow_get_previous_step (flow), ==, W);
  g_assert_false (rescue_flow_can_go_back_to (flow, S));
}

static void
test_restart_keeps_answers (void)
{
  g_autoptr(RescueFlow) flow = rescue_flow_new ();

  rescue_flow_set_platform (flow, RESCUE_PLATFORM_ANDROID);
  rescue_flow_set_country (flow, "GB");
  rescue_flow_set_has_signed_in_device (flow, TRUE);
  rescue_flow_set_username (flow, "jack");
  handle_ok (flow, RESCUE_EVENT_START);
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  handle_ok (flow, RESCUE_EVENT_SUPPORT_SUBMITTED);

  handle_ok (flow, RESCUE_EVENT_RESTART);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, W);
  g_assert_false (rescue_flow_get_can_go_back (flow));
  for (guint i = 0; i < RESCUE_N_FIXES; i++)
    g_assert_cmpint (rescue_flow_get_outcome (flow, i), ==, RESCUE_OUTCOME_PENDING);
  g_assert_cmpint (rescue_flow_get_support_submitted_at (flow), ==, 0);
  g_assert_cmpint (rescue_flow_get_platform (flow), ==, RESCUE_PLATFORM_ANDROID);
  g_assert_cmpstr (rescue_flow_get_country (flow), ==, "GB");
  g_assert_true (rescue_flow_get_has_signed_in_device (flow));
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "jack");

  rescue_flow_clear_support_details (flow);
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "");
  g_assert_cmpstr (rescue_flow_get_email (flow), ==, "");
}

typedef struct
{
  GHashTable *counts;
} NotifyLog;

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 NotifyLog  *log)
{
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_insert (log->counts, (gpointer)name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name)) + 1));
}

static guint
notify_count (NotifyLog  *log,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static void
test_notify_counts (void)
{
  g_autoptr(RescueFlow) flow = rescue_flow_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  NotifyLog log = { counts };

  rescue_flow_set_has_signed_in_device (flow, FALSE);
  g_signal_connect (flow, "notify", G_CALLBACK (count_notify_cb), &log);

  handle_ok (flow, RESCUE_EVENT_START);
  g_assert_cmpuint (notify_count (&log, "step"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "can-go-back"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2);

  g_hash_table_remove_all (counts);
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpuint (notify_count (&log, "step"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "unblock-outcome"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "signed-in-outcome"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "can-go-back"), ==, 0);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 3);

  /* setting a value it already has is not a change */
  g_hash_table_remove_all (counts);
  rescue_flow_set_has_signed_in_device (flow, FALSE);
  rescue_flow_set_platform (flow, rescue_flow_get_platform (flow));
  rescue_flow_set_username (flow, "");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  rescue_flow_set_username (flow, "a");
  rescue_flow_set_username (flow, "a");
  g_assert_cmpuint (notify_count (&log, "username"), ==, 1);

  /* a refused event notifies nothing */
  g_hash_table_remove_all (counts);
  g_assert_false (rescue_flow_handle (flow, RESCUE_EVENT_START, NULL));
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  /* restart from support: step, two outcomes, can-go-back */
  handle_ok (flow, RESCUE_EVENT_RESTART);
  g_assert_cmpuint (notify_count (&log, "step"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "unblock-outcome"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "signed-in-outcome"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "can-go-back"), ==, 1);

  /* restart at a fresh welcome changes nothing */
  g_hash_table_remove_all (counts);
  handle_ok (flow, RESCUE_EVENT_RESTART);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
}

static void
assert_same_state (RescueFlow *a,
                   RescueFlow *b)
{
  g_auto(RescueFlowSnapshot) sa = { 0 };
  g_auto(RescueFlowSnapshot) sb = { 0 };

  rescue_flow_get_snapshot (a, &sa);
  rescue_flow_get_snapshot (b, &sb);
  assert_same_snapshot (&sa, &sb);
}

static void
test_refused_event_leaves_state (void)
{
  for (guint step = 0; step < RESCUE_N_STEPS; step++)
    for (guint event = 0; event < RESCUE_N_EVENTS; event++)
      {
        g_autoptr(RescueFlow) flow = flow_at (step, TRUE);
        g_autoptr(RescueFlow) reference = rescue_flow_new ();
        g_auto(RescueFlowSnapshot) before = { 0 };

        if (rescue_flow_can_handle (flow, event))
          continue;
        /* The state as it was, times included: a second may pass while
         * the next flow is made, and that is no change */
        rescue_flow_get_snapshot (flow, &before);
        g_assert_true (rescue_flow_restore (reference, &before, NULL));
        g_assert_false (rescue_flow_handle (flow, event, NULL));
        assert_same_state (flow, reference);
      }
}

static void
test_snapshot_round_trip (void)
{
  g_autoptr(RescueFlow) flow = flow_at (WT, TRUE);
  g_autoptr(RescueFlow) copy = rescue_flow_new ();
  g_auto(RescueFlowSnapshot) snapshot = { 0 };
  g_autoptr(GError) error = NULL;

  rescue_flow_set_platform (flow, RESCUE_PLATFORM_OTHER);
  rescue_flow_set_country (flow, "KE");
  rescue_flow_set_username (flow, "someone_1");
  rescue_flow_set_email (flow, "a+b@example.org");
  rescue_flow_get_snapshot (flow, &snapshot);

  g_assert_true (rescue_flow_restore (copy, &snapshot, &error));
  g_assert_no_error (error);
  assert_same_state (flow, copy);

  /* and it goes on from there exactly like the original */
  handle_ok (copy, RESCUE_EVENT_BACK);
  g_assert_cmpint (rescue_flow_get_step (copy), ==, SUP);
  handle_ok (copy, RESCUE_EVENT_BACK);
  g_assert_cmpint (rescue_flow_get_step (copy), ==, S);
}

static void
test_snapshot_invalid (void)
{
  g_autoptr(RescueFlow) flow = flow_at (S, TRUE);
  g_autoptr(RescueFlow) reference = flow_at (S, TRUE);
  RescueFlowSnapshot bad;
  g_autoptr(GError) error = NULL;
  char country_lower[] = "us";
  char country_long[] = "USA";


#define CHECK_BAD(mutation) \
  G_STMT_START { \
    rescue_flow_get_snapshot (reference, &bad); \
    mutation; \
    g_assert_false (rescue_flow_restore (flow, &bad, &error)); \
    g_assert_error (error, RESCUE_FLOW_ERROR, RESCUE_FLOW_ERROR_INVALID_SNAPSHOT); \
    g_clear_error (&error); \
    assert_same_state (flow, reference); \
    rescue_flow_snapshot_clear (&bad); \
  } G_STMT_END

  CHECK_BAD (bad.step = 42);
  CHECK_BAD (bad.step = W);
  CHECK_BAD (bad.n_history = 0);
  CHECK_BAD (bad.n_history = RESCUE_FLOW_MAX_HISTORY + 1);
  CHECK_BAD (bad.history[0] = U);
  CHECK_BAD (bad.history[1] = 99);
  CHECK_BAD (bad.platform = 7);
  CHECK_BAD (bad.outcomes[1] = 9);
  CHECK_BAD (bad.support_submitted_at = -5);
  CHECK_BAD (g_free (bad.country); bad.country = g_strdup (country_lower));
  CHECK_BAD (g_free (bad.country); bad.country = g_strdup (country_long));
  CHECK_BAD (g_free (bad.country); bad.country = NULL);
#undef CHECK_BAD
}

/* The routes, written out independently of the table in rescue-flow.c */
static const struct
{
  RescueCheck check;
  const char *nick;
  int         steps[4];   /* NO ends */
} expected_routes[] = {
  { RESCUE_CHECK_TWO_FACTOR,        "two-factor",        { U, S, SUP, NO } },
  { RESCUE_CHECK_PASSWORD_RESET,    "password-reset",    { RC, U, SUP, NO } },
  { RESCUE_CHECK_LOCKED,            "locked",            { LK, U, SUP, NO } },
  { RESCUE_CHECK_TOO_MANY_ATTEMPTS, "too-many-attempts", { WA, SUP, NO } },
  { RESCUE_CHECK_SECURITY_KEY,      "security-key",      { SK, SUP, NO } },
  { RESCUE_CHECK_NOT_SURE,          "not-sure",          { ID, NO } },
};

static void
test_routes_accessor (void)
{
  g_autoptr(GEnumClass) checks = g_type_class_ref (RESCUE_TYPE_CHECK);

  g_assert_cmpuint (G_N_ELEMENTS (expected_routes), ==, RESCUE_N_CHECKS);
  for (guint i = 0; i < G_N_ELEMENTS (expected_routes); i++)
    {
      guint n_steps = 99;
      const RescueStep *route = rescue_check_get_route (expected_routes[i].check, &n_steps);
      guint n_expected = 0;

      while (expected_routes[i].steps[n_expected] != NO)
        n_expected++;
      g_assert_cmpuint (n_steps, ==, n_expected);
      for (guint j = 0; j < n_steps; j++)
        g_assert_cmpint (route[j], ==, expected_routes[i].steps[j]);
      g_assert_cmpstr (g_enum_get_value (checks, expected_routes[i].check)->value_nick, ==,
                       expected_routes[i].nick);
    }

  /* old progress files restore to the only route they knew */
  {
    g_autoptr(RescueFlow) flow = rescue_flow_new ();
    g_assert_cmpint (rescue_flow_get_check (flow), ==, RESCUE_CHECK_TWO_FACTOR);
  }
}

/* Every route, every answer: Start, then Still No Code on each step, to
 * support and the support request; and It Worked on each fix */
static void
test_routes_walk (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_routes); i++)
    for (int device = 0; device <= 1; device++)
      {
        RescueCheck check = expected_routes[i].check;
        g_autoptr(RescueFlow) flow = rescue_flow_new ();

        if (check == RESCUE_CHECK_NOT_SURE)
          continue;

        rescue_flow_set_has_signed_in_device (flow, device);
        rescue_flow_set_check (flow, check);
        handle_ok (flow, RESCUE_EVENT_START);

        for (guint j = 0; expected_routes[i].steps[j] != NO; j++)
          {
            RescueStep step = expected_routes[i].steps[j];

            if (step == S && !device)
              {
                g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==,
                                 RESCUE_OUTCOME_SKIPPED);
                continue;
              }
            g_assert_cmpint (rescue_flow_get_step (flow), ==, step);

            if (step == SUP)
              {
                handle_ok (flow, RESCUE_EVENT_SUPPORT_SUBMITTED);
                g_assert_cmpint (rescue_flow_get_step (flow), ==, WT);
                break;
              }

            /* It Worked, tried on a copy, ends the flow here */
            {
              g_autoptr(RescueFlow) copy = rescue_flow_new ();
              g_auto(RescueFlowSnapshot) snapshot = { 0 };
              RescueFix fix;

              rescue_flow_get_snapshot (flow, &snapshot);
              g_assert_true (rescue_flow_restore (copy, &snapshot, NULL));
              handle_ok (copy, RESCUE_EVENT_FIX_WORKED);
              g_assert_cmpint (rescue_flow_get_step (copy), ==, R);
              for (fix = 0; fix < RESCUE_N_FIXES; fix++)
                if (rescue_flow_get_outcome (copy, fix) == RESCUE_OUTCOME_WORKED)
                  break;
              g_assert_cmpuint (fix, <, RESCUE_N_FIXES);
            }

            handle_ok (flow, j % 2 ? RESCUE_EVENT_SKIP : RESCUE_EVENT_FIX_FAILED);
          }
        g_assert_cmpint (rescue_flow_get_step (flow), ==, WT);

        /* the fixes of the other routes were never touched */
        for (guint fix = 0; fix < RESCUE_N_FIXES; fix++)
          {
            gboolean on_route = FALSE;

            for (guint j = 0; expected_routes[i].steps[j] != NO; j++)
              {
                on_route |= (fix == RESCUE_FIX_UNBLOCK && expected_routes[i].steps[j] == U) ||
                            (fix == RESCUE_FIX_SIGNED_IN && expected_routes[i].steps[j] == S) ||
                            (fix == RESCUE_FIX_SUPPORT && expected_routes[i].steps[j] == SUP) ||
                            (fix == RESCUE_FIX_RESET_CODE && expected_routes[i].steps[j] == RC) ||
                            (fix == RESCUE_FIX_LOCKED && expected_routes[i].steps[j] == LK) ||
                            (fix == RESCUE_FIX_WAIT && expected_routes[i].steps[j] == WA) ||
                            (fix == RESCUE_FIX_SECURITY_KEY && expected_routes[i].steps[j] == SK);
              }
            if (!on_route)
              g_assert_cmpint (rescue_flow_get_outcome (flow, fix), ==, RESCUE_OUTCOME_PENDING);
            else
              g_assert_cmpint (rescue_flow_get_outcome (flow, fix), !=, RESCUE_OUTCOME_PENDING);
          }
      }
}

static void
test_routes_identify (void)
{
  g_autoptr(RescueFlow) flow = rescue_flow_new ();
  g_autoptr(GError) error = NULL;

  rescue_flow_set_check (flow, RESCUE_CHECK_NOT_SURE);
  handle_ok (flow, RESCUE_EVENT_START);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, ID);

  /* Start greys out until the person has chosen */
  g_assert_false (rescue_flow_can_handle (flow, RESCUE_EVENT_START));
  g_assert_false (rescue_flow_handle (flow, RESCUE_EVENT_START, &error));
  g_assert_error (error, RESCUE_FLOW_ERROR, RESCUE_FLOW_ERROR_INVALID_EVENT);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, ID);
  g_assert_false (rescue_flow_can_handle (flow, RESCUE_EVENT_FIX_FAILED));

  rescue_flow_set_check (flow, RESCUE_CHECK_LOCKED);
  g_assert_true (rescue_flow_can_handle (flow, RESCUE_EVENT_START));
  handle_ok (flow, RESCUE_EVENT_START);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, LK);
  g_assert_cmpint (rescue_flow_get_previous_step (flow), ==, ID);

  /* choose again */
  handle_ok (flow, RESCUE_EVENT_BACK);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, ID);
  rescue_flow_set_check (flow, RESCUE_CHECK_SECURITY_KEY);
  handle_ok (flow, RESCUE_EVENT_START);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, SK);
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, SUP);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SECURITY_KEY), ==, RESCUE_OUTCOME_DID_NOT_WORK);
  g_assert_true (rescue_flow_go_back_to (flow, ID, NULL));
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SECURITY_KEY), ==, RESCUE_OUTCOME_PENDING);
  handle_ok (flow, RESCUE_EVENT_BACK);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, W);
}

/* Back to welcome, another answer, Start: a new route, and what still
 * applies is kept */
static void
test_routes_change_answer (void)
{
  g_autoptr(RescueFlow) flow = rescue_flow_new ();
  gint64 wait_started;

  rescue_flow_set_platform (flow, RESCUE_PLATFORM_ANDROID);
  rescue_flow_set_country (flow, "JP");
  rescue_flow_set_has_signed_in_device (flow, TRUE);
  rescue_flow_set_username (flow, "jack");
  rescue_flow_set_email (flow, "jack@example.org");

  rescue_flow_set_check (flow, RESCUE_CHECK_TOO_MANY_ATTEMPTS);
  handle_ok (flow, RESCUE_EVENT_START);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, WA);
  wait_started = rescue_flow_get_wait_started_at (flow);
  g_assert_cmpint (wait_started, >, 0);
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, SUP);

  g_assert_true (rescue_flow_go_back_to (flow, W, NULL));
  rescue_flow_set_check (flow, RESCUE_CHECK_PASSWORD_RESET);
  handle_ok (flow, RESCUE_EVENT_START);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, RC);
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, U);

  /* the wait is not on this route: undecided, but its start is kept */
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_WAIT), ==, RESCUE_OUTCOME_PENDING);
  g_assert_cmpint (rescue_flow_get_wait_started_at (flow), ==, wait_started);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_RESET_CODE), ==, RESCUE_OUTCOME_DID_NOT_WORK);
  g_assert_cmpint (rescue_flow_get_platform (flow), ==, RESCUE_PLATFORM_ANDROID);
  g_assert_cmpstr (rescue_flow_get_country (flow), ==, "JP");
  g_assert_true (rescue_flow_get_has_signed_in_device (flow));
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "jack");
  g_assert_cmpstr (rescue_flow_get_email (flow), ==, "jack@example.org");

  /* on the password-reset route fix 2 is not offered after fix 1 */
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, SUP);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_PENDING);

  /* and back to two-factor, the first route */
  g_assert_true (rescue_flow_go_back_to (flow, W, NULL));
  for (guint fix = 0; fix < RESCUE_N_FIXES; fix++)
    g_assert_cmpint (rescue_flow_get_outcome (flow, fix), ==, RESCUE_OUTCOME_PENDING);
  rescue_flow_set_check (flow, RESCUE_CHECK_TWO_FACTOR);
  handle_ok (flow, RESCUE_EVENT_START);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, U);
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, S);
}

/* A change of answer away from welcome changes only where the next
 * Still No Code leads */
static void
test_routes_change_mid_route (void)
{
  g_autoptr(RescueFlow) flow = flow_at (U, TRUE);
  g_autoptr(RescueFlow) reset = rescue_flow_new ();
  g_autoptr(RescueFlow) back = rescue_flow_new ();

  rescue_flow_set_check (flow, RESCUE_CHECK_LOCKED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, U);
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, SUP);

  /* reset-code is not on the two-factor route: straight to support */
  rescue_flow_set_check (reset, RESCUE_CHECK_PASSWORD_RESET);
  handle_ok (reset, RESCUE_EVENT_START);
  rescue_flow_set_check (reset, RESCUE_CHECK_TWO_FACTOR);
  handle_ok (reset, RESCUE_EVENT_SKIP);
  g_assert_cmpint (rescue_flow_get_step (reset), ==, SUP);

  /* unblock is on two-factor's route: fix 2 comes next */
  rescue_flow_set_has_signed_in_device (back, TRUE);
  rescue_flow_set_check (back, RESCUE_CHECK_LOCKED);
  handle_ok (back, RESCUE_EVENT_START);
  handle_ok (back, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (back), ==, U);
  rescue_flow_set_check (back, RESCUE_CHECK_TWO_FACTOR);
  handle_ok (back, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (back), ==, S);
}

/* Issue #20: "not signed in anywhere" still reaches the backup-code steps */
static void
test_show_signed_in (void)
{
  g_autoptr(RescueFlow) flow = flow_at (SUP, FALSE);
  g_autoptr(RescueFlow) from_unblock = flow_at (U, FALSE);

  g_assert_true (rescue_flow_can_handle (flow, RESCUE_EVENT_SHOW_SIGNED_IN));
  handle_ok (flow, RESCUE_EVENT_SHOW_SIGNED_IN);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, S);
  g_assert_cmpint (rescue_flow_get_previous_step (flow), ==, SUP);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SUPPORT), ==, RESCUE_OUTCOME_PENDING);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_PENDING);

  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, SUP);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_DID_NOT_WORK);
  /* once: from here Back leads there */
  g_assert_false (rescue_flow_can_handle (flow, RESCUE_EVENT_SHOW_SIGNED_IN));
  handle_ok (flow, RESCUE_EVENT_BACK);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, S);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_SIGNED_IN), ==, RESCUE_OUTCOME_PENDING);
  handle_ok (flow, RESCUE_EVENT_FIX_WORKED);
  g_assert_cmpint (rescue_flow_get_step (flow), ==, R);

  handle_ok (from_unblock, RESCUE_EVENT_SHOW_SIGNED_IN);
  g_assert_cmpint (rescue_flow_get_step (from_unblock), ==, S);
  g_assert_cmpint (rescue_flow_get_outcome (from_unblock, RESCUE_FIX_UNBLOCK), ==, RESCUE_OUTCOME_SKIPPED);
}

static void
test_wait_time (void)
{
  g_autoptr(RescueFlow) flow = rescue_flow_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  NotifyLog log = { counts };
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 started;

  g_assert_cmpint (rescue_flow_get_wait_started_at (flow), ==, 0);
  g_assert_cmpint (rescue_flow_get_wait_ends_at (flow), ==, 0);
  g_signal_connect (flow, "notify", G_CALLBACK (count_notify_cb), &log);

  rescue_flow_set_check (flow, RESCUE_CHECK_TOO_MANY_ATTEMPTS);
  g_assert_cmpuint (notify_count (&log, "check"), ==, 1);
  rescue_flow_set_check (flow, RESCUE_CHECK_TOO_MANY_ATTEMPTS);
  g_assert_cmpuint (notify_count (&log, "check"), ==, 1);

  handle_ok (flow, RESCUE_EVENT_START);
  g_assert_cmpuint (notify_count (&log, "wait-started-at"), ==, 1);
  started = rescue_flow_get_wait_started_at (flow);
  g_assert_cmpint (started, >=, before);
  g_assert_cmpint (started, <=, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_cmpint (rescue_flow_get_wait_ends_at (flow), ==, started + 3600);

  /* the hour counts from when the person first said so */
  handle_ok (flow, RESCUE_EVENT_BACK);
  handle_ok (flow, RESCUE_EVENT_START);
  g_assert_cmpuint (notify_count (&log, "wait-started-at"), ==, 1);
  g_assert_cmpint (rescue_flow_get_wait_started_at (flow), ==, started);

  handle_ok (flow, RESCUE_EVENT_FIX_WORKED);
  g_assert_cmpint (rescue_flow_get_outcome (flow, RESCUE_FIX_WAIT), ==, RESCUE_OUTCOME_WORKED);
  g_assert_cmpuint (notify_count (&log, "wait-outcome"), ==, 1);

  handle_ok (flow, RESCUE_EVENT_RESTART);
  g_assert_cmpint (rescue_flow_get_wait_started_at (flow), ==, 0);
  g_assert_cmpint (rescue_flow_get_wait_ends_at (flow), ==, 0);
  g_assert_cmpuint (notify_count (&log, "wait-started-at"), ==, 2);
}

/* Through the progress file and back, at every step of every route */
static void
test_routes_save_restore (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_routes); i++)
    {
      g_autoptr(RescueFlow) flow = rescue_flow_new ();

      rescue_flow_set_has_signed_in_device (flow, i % 2);
      rescue_flow_set_check (flow, expected_routes[i].check);
      rescue_flow_set_country (flow, "ID");

      for (guint j = 0; j < 5; j++)
        {
          g_autoptr(RescueFlow) copy = rescue_flow_new ();
          g_auto(RescueFlowSnapshot) snapshot = { 0 };
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          gsize length = 0;

          text = rescue_store_serialize (flow, &length);
          g_assert_true (rescue_store_deserialize (text, length, &snapshot, &error));
          g_assert_no_error (error);
          g_assert_true (rescue_flow_restore (copy, &snapshot, &error));
          g_assert_no_error (error);
          assert_same_state (flow, copy);
          g_assert_cmpint (rescue_flow_get_check (copy), ==, expected_routes[i].check);

          if (rescue_flow_can_handle (flow, RESCUE_EVENT_START))
            handle_ok (flow, RESCUE_EVENT_START);
          else if (rescue_flow_can_handle (flow, RESCUE_EVENT_FIX_FAILED))
            handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
          else if (rescue_flow_can_handle (flow, RESCUE_EVENT_SUPPORT_SUBMITTED))
            handle_ok (flow, RESCUE_EVENT_SUPPORT_SUBMITTED);
        }
    }
}

/* Issue #21: every snapshot a real run can make restores. Random runs,
 * with the answers changed where the pages change them (welcome and
 * identify) and now and then elsewhere through the API. */
static void
test_snapshot_random_runs (void)
{
  guint n_steps_seen = 0;
  gboolean seen[RESCUE_N_STEPS] = { FALSE, };

  for (guint run = 0; run < 400; run++)
    {
      g_autoptr(RescueFlow) flow = rescue_flow_new ();

      for (guint move = 0; move < 40; move++)
        {
          g_autoptr(RescueFlow) copy = rescue_flow_new ();
          g_auto(RescueFlowSnapshot) snapshot = { 0 };
          g_autoptr(GError) error = NULL;
          RescueStep step = rescue_flow_get_step (flow);
          guint what = g_test_rand_int_range (0, 10);

          if ((step == W || step == ID) && what < 3)
            rescue_flow_set_check (flow, g_test_rand_int_range (0, RESCUE_N_CHECKS));
          else if (step == W && what == 3)
            rescue_flow_set_has_signed_in_device (flow, g_test_rand_bit ());
          else if (what == 4 && g_test_rand_int_range (0, 4) == 0)
            rescue_flow_set_check (flow, g_test_rand_int_range (0, RESCUE_N_CHECKS));
          else
            rescue_flow_handle (flow, g_test_rand_int_range (0, RESCUE_N_EVENTS), NULL);

          if (!seen[rescue_flow_get_step (flow)])
            n_steps_seen++;
          seen[rescue_flow_get_step (flow)] = TRUE;

          rescue_flow_get_snapshot (flow, &snapshot);
          g_assert_cmpuint (snapshot.n_history, <=, RESCUE_FLOW_MAX_HISTORY);
          if (!rescue_flow_restore (copy, &snapshot, &error))
            g_error ("run %u, move %u: %s", run, move, error->message);
          assert_same_state (flow, copy);
        }
    }

  /* or the runs proved less than they claim */
  g_assert_cmpuint (n_steps_seen, ==, RESCUE_N_STEPS);
}

static void
test_snapshot_impossible (void)
{
  g_autoptr(RescueFlow) flow = flow_at (SUP, TRUE);
  g_autoptr(RescueFlow) reference = flow_at (SUP, TRUE);
  g_autoptr(RescueFlow) waiting = flow_at (WT, TRUE);
  g_autoptr(RescueFlow) at_wait = flow_at (WA, TRUE);
  RescueFlowSnapshot bad;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

#define CHECK_BAD_FROM(from, mutation) \
  G_STMT_START { \
    rescue_flow_get_snapshot (from, &bad); \
    mutation; \
    g_assert_false (rescue_flow_restore (flow, &bad, &error)); \
    g_assert_error (error, RESCUE_FLOW_ERROR, RESCUE_FLOW_ERROR_INVALID_SNAPSHOT); \
    g_clear_error (&error); \
    assert_same_state (flow, reference); \
    rescue_flow_snapshot_clear (&bad); \
  } G_STMT_END

  /* the sanity of the test: unchanged, each of them restores */
  rescue_flow_get_snapshot (waiting, &bad);
  g_assert_true (rescue_flow_restore (flow, &bad, NULL));
  rescue_flow_snapshot_clear (&bad);
  rescue_flow_get_snapshot (at_wait, &bad);
  g_assert_true (rescue_flow_restore (flow, &bad, NULL));
  rescue_flow_snapshot_clear (&bad);
  rescue_flow_get_snapshot (reference, &bad);
  g_assert_true (rescue_flow_restore (flow, &bad, NULL));
  rescue_flow_snapshot_clear (&bad);

  /* Issue #21's example, at step unblock */
  CHECK_BAD_FROM (reference, bad.step = U; bad.n_history = 3;
                  bad.history[0] = W; bad.history[1] = R; bad.history[2] = WT);
  CHECK_BAD_FROM (reference, bad.check = RESCUE_N_CHECKS);
  CHECK_BAD_FROM (reference, bad.check = -1);
  /* a step no route leads to from the one before */
  CHECK_BAD_FROM (reference, bad.history[1] = WA);
  CHECK_BAD_FROM (reference, bad.history[1] = ID; bad.history[2] = U);
  CHECK_BAD_FROM (reference, bad.step = RC);
  CHECK_BAD_FROM (reference, bad.step = W; bad.n_history = 0; bad.outcomes[RESCUE_FIX_UNBLOCK] = RESCUE_OUTCOME_PENDING;
                  bad.outcomes[RESCUE_FIX_SIGNED_IN] = RESCUE_OUTCOME_DID_NOT_WORK);
  /* outcomes that do not match the way here */
  CHECK_BAD_FROM (reference, bad.outcomes[RESCUE_FIX_UNBLOCK] = RESCUE_OUTCOME_PENDING);
  CHECK_BAD_FROM (reference, bad.outcomes[RESCUE_FIX_UNBLOCK] = RESCUE_OUTCOME_WORKED);
  CHECK_BAD_FROM (reference, bad.outcomes[RESCUE_FIX_LOCKED] = RESCUE_OUTCOME_SKIPPED);
  CHECK_BAD_FROM (reference, bad.outcomes[RESCUE_FIX_SUPPORT] = RESCUE_OUTCOME_WORKED);
  CHECK_BAD_FROM (waiting, bad.support_submitted_at = 0);
  CHECK_BAD_FROM (waiting, bad.outcomes[RESCUE_FIX_SUPPORT] = RESCUE_OUTCOME_PENDING);
  CHECK_BAD_FROM (at_wait, bad.wait_started_at = 0);
  /* times in the future, or before X existed */
  CHECK_BAD_FROM (waiting, bad.support_submitted_at = 253402300799); /* 9999-12-31 */
  CHECK_BAD_FROM (waiting, bad.support_submitted_at = now + 3600);
  CHECK_BAD_FROM (waiting, bad.support_submitted_at = 946684800);   /* 2000-01-01 */
  CHECK_BAD_FROM (at_wait, bad.wait_started_at = 253402300799);
  CHECK_BAD_FROM (at_wait, bad.wait_started_at = 1136073599);       /* 2005-12-31T23:59:59 */
  CHECK_BAD_FROM (at_wait, bad.wait_started_at = -1);
  /* a country the list does not have */
  CHECK_BAD_FROM (reference, g_free (bad.country); bad.country = g_strdup ("ZZ"));
  CHECK_BAD_FROM (reference, g_free (bad.country); bad.country = g_strdup ("UK"));
#undef CHECK_BAD_FROM

  /* a little clock skew is not an attack */
  rescue_flow_get_snapshot (waiting, &bad);
  bad.support_submitted_at = now + 60;
  g_assert_true (rescue_flow_restore (flow, &bad, NULL));
  rescue_flow_snapshot_clear (&bad);
  /* the first second of 2006 is fine */
  rescue_flow_get_snapshot (at_wait, &bad);
  bad.wait_started_at = 1136073600;
  g_assert_true (rescue_flow_restore (flow, &bad, NULL));
  rescue_flow_snapshot_clear (&bad);
}

static void
test_form_uri (void)
{
  static const struct { RescueCheck check; const char *base; const char *expected; } cases[] = {
    { RESCUE_CHECK_PASSWORD_RESET, "https://help.x.com/en/forms/account-access/regain-access",
      "https://help.x.com/en/forms/account-access/regain-access/forgot-password" },
    { RESCUE_CHECK_PASSWORD_RESET, "https://help.x.com/en/forms/account-access/regain-access/",
      "https://help.x.com/en/forms/account-access/regain-access/forgot-password" },
    { RESCUE_CHECK_PASSWORD_RESET, "http://127.0.0.1:4242/form?x=1",
      "http://127.0.0.1:4242/form/forgot-password?x=1" },
    { RESCUE_CHECK_TWO_FACTOR, "https://help.x.com/en/forms/account-access/regain-access",
      "https://help.x.com/en/forms/account-access/regain-access" },
    { RESCUE_CHECK_LOCKED, "http://127.0.0.1:4242/form", "http://127.0.0.1:4242/form" },
    { RESCUE_CHECK_TOO_MANY_ATTEMPTS, "http://127.0.0.1:4242/form", "http://127.0.0.1:4242/form" },
    { RESCUE_CHECK_SECURITY_KEY, "http://127.0.0.1:4242/form", "http://127.0.0.1:4242/form" },
    { RESCUE_CHECK_NOT_SURE, "http://127.0.0.1:4242/form", "http://127.0.0.1:4242/form" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uri = rescue_check_dup_form_uri (cases[i].check, cases[i].base);

      g_assert_cmpstr (uri, ==, cases[i].expected);
    }

  g_assert_null (rescue_check_dup_form_uri (RESCUE_CHECK_PASSWORD_RESET, "not a uri"));
  {
    g_autofree char *uri = rescue_check_dup_form_uri (RESCUE_CHECK_PASSWORD_RESET, SUPPORT_FORM_URL);
    g_assert_cmpstr (uri, ==, "https://help.x.com/en/forms/account-access/regain-access/forgot-password");
  }
}

static void
test_step_names (void)
{
  RescueStep step;

  g_assert_cmpstr (rescue_step_to_string (RESCUE_STEP_SIGNED_IN), ==, "signed-in");
  g_assert_cmpstr (rescue_step_to_string (RESCUE_STEP_WAITING_FOR_SUPPORT), ==, "waiting-for-support");
  g_assert_true (rescue_step_from_string ("support", &step));
  g_assert_cmpint (step, ==, SUP);
  g_assert_false (rescue_step_from_string ("nowhere", &step));
  g_assert_false (rescue_step_from_string (NULL, &step));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flow/table/with-device", test_table_with_device);
  g_test_add_func ("/flow/table/without-device", test_table_without_device);
  g_test_add_func ("/flow/table/unknown-event", test_unknown_event_refused);
  g_test_add_func ("/flow/path/worked-at-fix1", test_path_worked_at_fix1);
  g_test_add_func ("/flow/path/through-to-support", test_path_through_to_support);
  g_test_add_func ("/flow/path/no-signed-in-device", test_path_no_signed_in_device);
  g_test_add_func ("/flow/path/skip-fix2", test_path_skip_fix2);
  g_test_add_func ("/flow/back-after-skip", test_back_after_skip);
  g_test_add_func ("/flow/back-after-manual-skip", test_back_after_manual_skip);
  g_test_add_func ("/flow/back-undoes-worked", test_back_undoes_worked);
  g_test_add_func ("/flow/go-back-to", test_go_back_to);
  g_test_add_func ("/flow/restart-keeps-answers", test_restart_keeps_answers);
  g_test_add_func ("/flow/notify-counts", test_notify_counts);
  g_test_add_func ("/flow/refused-event-leaves-state", test_refused_event_leaves_state);
  g_test_add_func ("/flow/snapshot/round-trip", test_snapshot_round_trip);
  g_test_add_func ("/flow/snapshot/invalid", test_snapshot_invalid);
  g_test_add_func ("/flow/step-names", test_step_names);
  g_test_add_func ("/flow/routes/accessor", test_routes_accessor);
  g_test_add_func ("/flow/routes/walk", test_routes_walk);
  g_test_add_func ("/flow/routes/identify", test_routes_identify);
  g_test_add_func ("/flow/routes/change-answer", test_routes_change_answer);
  g_test_add_func ("/flow/routes/change-mid-route", test_routes_change_mid_route);
  g_test_add_func ("/flow/routes/save-restore", test_routes_save_restore);
  g_test_add_func ("/flow/routes/form-uri", test_form_uri);
  g_test_add_func ("/flow/show-signed-in", test_show_signed_in);
  g_test_add_func ("/flow/wait-time", test_wait_time);
  g_test_add_func ("/flow/snapshot/random-runs", test_snapshot_random_runs);
  g_test_add_func ("/flow/snapshot/impossible", test_snapshot_impossible);

  return g_test_run ();
}
