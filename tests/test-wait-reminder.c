/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rescue-flow.h"
#include "rescue-wait-reminder.h"

/* When the reminder for X's hour-long lock is due, without waiting an
 * hour and without timed assertions: a wait that began long ago is due at
 * once, from the main loop; one that just began is not. The application
 * here is never registered, so nothing is sent; "due" says what would be.
 * (test-routes sees the notification itself go out.) */

typedef struct
{
  GApplication       *app;
  RescueFlow         *flow;
  RescueWaitReminder *reminder;
  guint               n_due_notifies;
} Fixture;

static void
due_notify_cb (Fixture *fixture)
{
  fixture->n_due_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->app = g_application_new ("io.github.coderescue.CodeRescue.Test", G_APPLICATION_NON_UNIQUE);
  fixture->flow = rescue_flow_new ();
  fixture->reminder = rescue_wait_reminder_new (fixture->app, fixture->flow);
  fixture->n_due_notifies = 0;
  g_signal_connect_swapped (fixture->reminder, "notify::due", G_CALLBACK (due_notify_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->reminder));
  g_assert_finalize_object (g_steal_pointer (&fixture->flow));
  g_assert_finalize_object (g_steal_pointer (&fixture->app));
}

/* What is ready to run now; nothing that waits for a time to come */
static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* At the wait step, the hour begun @ago seconds ago */
static void
restore_wait (Fixture *fixture,
              gint64   ago)
{
  g_auto(RescueFlowSnapshot) snapshot = { 0 };
  g_autoptr(GError) error = NULL;

  rescue_flow_get_snapshot (fixture->flow, &snapshot);
  snapshot.step = RESCUE_STEP_WAIT;
  snapshot.history[0] = RESCUE_STEP_WELCOME;
  snapshot.n_history = 1;
  memset (snapshot.outcomes, 0, sizeof snapshot.outcomes);
  snapshot.check = RESCUE_CHECK_TOO_MANY_ATTEMPTS;
  snapshot.wait_started_at = g_get_real_time () / G_USEC_PER_SEC - ago;
  g_assert_true (rescue_flow_restore (fixture->flow, &snapshot, &error));
  g_assert_no_error (error);
}

static gboolean
due (Fixture *fixture)
{
  gboolean value;

  g_object_get (fixture->reminder, "due", &value, NULL);
  g_assert_cmpint (value, ==, rescue_wait_reminder_get_due (fixture->reminder));
  return value;
}

static void
test_not_waiting (Fixture       *fixture,
                  gconstpointer  data)
{
  flush ();
  g_assert_false (due (fixture));

  /* another route entirely */
  rescue_flow_set_check (fixture->flow, RESCUE_CHECK_LOCKED);
  g_assert_true (rescue_flow_handle (fixture->flow, RESCUE_EVENT_START, NULL));
  flush ();
  g_assert_false (due (fixture));
  g_assert_cmpuint (fixture->n_due_notifies, ==, 0);
}

static void
test_hour_just_begun (Fixture       *fixture,
                      gconstpointer  data)
{
  rescue_flow_set_check (fixture->flow, RESCUE_CHECK_TOO_MANY_ATTEMPTS);
  g_assert_true (rescue_flow_handle (fixture->flow, RESCUE_EVENT_START, NULL));
  g_assert_cmpint (rescue_flow_get_step (fixture->flow), ==, RESCUE_STEP_WAIT);
  g_assert_cmpint (rescue_flow_get_wait_started_at (fixture->flow), >, 0);
  flush ();
  g_assert_false (due (fixture));
  g_assert_cmpuint (fixture->n_due_notifies, ==, 0);
}

/* Progress restored after the hour: due at once, but from the main loop,
 * once, and no longer after Start Over */
static void
test_hour_over (Fixture       *fixture,
                gconstpointer  data)
{
  restore_wait (fixture, 2 * RESCUE_FLOW_WAIT_SECONDS);
  g_assert_false (due (fixture));
  flush ();
  g_assert_true (due (fixture));
  g_assert_cmpuint (fixture->n_due_notifies, ==, 1);

  /* other changes to the flow do not send it again */
  rescue_flow_set_username (fixture->flow, "jack");
  flush ();
  g_assert_true (due (fixture));
  g_assert_cmpuint (fixture->n_due_notifies, ==, 1);

  g_assert_true (rescue_flow_handle (fixture->flow, RESCUE_EVENT_RESTART, NULL));
  flush ();
  g_assert_false (due (fixture));
  g_assert_cmpuint (fixture->n_due_notifies, ==, 2);
}

/* Saying how the wait ended, or giving another answer, ends the waiting */
static void
test_no_longer_waiting (Fixture       *fixture,
                        gconstpointer  data)
{
  restore_wait (fixture, 2 * RESCUE_FLOW_WAIT_SECONDS);
  flush ();
  g_assert_true (due (fixture));
  g_assert_true (rescue_flow_handle (fixture->flow, RESCUE_EVENT_FIX_WORKED, NULL));
  flush ();
  g_assert_false (due (fixture));

  /* Back to the wait: undecided again, and the hour is still over */
  g_assert_true (rescue_flow_handle (fixture->flow, RESCUE_EVENT_BACK, NULL));
  flush ();
  g_assert_true (due (fixture));

  /* Back to the welcome page: the lock still runs while they look */
  g_assert_true (rescue_flow_handle (fixture->flow, RESCUE_EVENT_BACK, NULL));
  flush ();
  g_assert_true (due (fixture));

  /* another answer there: not waiting */
  rescue_flow_set_check (fixture->flow, RESCUE_CHECK_SECURITY_KEY);
  flush ();
  g_assert_false (due (fixture));
}

/* A wait that began an hour ago to the second, or a little less: the
 * first is due at once, the second not yet */
static void
test_edge (Fixture       *fixture,
           gconstpointer  data)
{
  restore_wait (fixture, RESCUE_FLOW_WAIT_SECONDS);
  flush ();
  g_assert_true (due (fixture));

  g_assert_true (rescue_flow_handle (fixture->flow, RESCUE_EVENT_RESTART, NULL));
  restore_wait (fixture, RESCUE_FLOW_WAIT_SECONDS - 120);
  flush ();
  g_assert_false (due (fixture));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/wait-reminder/not-waiting", test_not_waiting);
  ADD ("/wait-reminder/hour-just-begun", test_hour_just_begun);
  ADD ("/wait-reminder/hour-over", test_hour_over);
  ADD ("/wait-reminder/no-longer-waiting", test_no_longer_waiting);
  ADD ("/wait-reminder/edge", test_edge);
#undef ADD

  return g_test_run ();
}
