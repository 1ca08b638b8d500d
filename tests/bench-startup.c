/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "test-net.h"

/*
 * How much heavier Code Rescue starts than GTK itself: the time from
 * process start to the first frame of the main window, and the peak
 * resident memory (to the first frame, and to one second after it), for
 * the real code-rescue and for bench-bare-window (a GtkApplicationWindow of
 * the same size with a header bar and one label), alternating, each run a
 * fresh process with an empty state folder. Both print the monotonic time of
 * their first frame when CODE_RESCUE_BENCH_EXIT_AFTER_FIRST_FRAME=1 and
 * quit; the peak RSS comes from wait4().
 *
 *   bench-startup CODE_RESCUE BARE_WINDOW [RUNS]
 *
 * Needs a display and a session bus: `bash build-aux/test.sh --benchmark -v`
 * runs it under Xvfb and dbus-run-session. It reports; it never fails on a
 * missed target.
 */

#define TIME_TARGET   1.15
#define MEMORY_TARGET 1.10
#define RUN_DEADLINE_MS (60 * 1000)

typedef struct
{
  const char *name;
  const char *path;
  GArray     *times_ms;    /* double */
  GArray     *rss_kib;     /* double */
  GArray     *second_kib;  /* double: peak RSS in the second after the first frame */
} Subject;

static char *state_root;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static double
minimum (GArray *values)
{
  double min = G_MAXDOUBLE;

  for (guint i = 0; i < values->len; i++)
    min = MIN (min, g_array_index (values, double, i));
  return min;
}

static double
maximum (GArray *values)
{
  double max = 0;

  for (guint i = 0; i < values->len; i++)
    max = MAX (max, g_array_index (values, double, i));
  return max;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

/* GSettings' memory backend cannot be given values from outside, and the
 * form's address must point here: the keyfile backend reads this file */
static void
write_settings (const char *config_home,
                guint16     port)
{
  g_autofree char *folder = g_build_filename (config_home, "glib-2.0", "settings", NULL);
  g_autofree char *path = g_build_filename (folder, "keyfile", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  contents = g_strdup_printf ("[io/github/coderescue/CodeRescue]\n"
                              "support-form-url='http://127.0.0.1:%u/form'\n",
                              port);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* How long a run goes on after its first frame, for the first-second
 * memory: the countries and what lies below the welcome page's fold
 * come after the first frame */
#define LINGER_MS "1000"

static char **
child_environment (gboolean linger)
{
  char **env = g_get_environ ();
  g_autofree char *state = g_build_filename (state_root, "state", NULL);
  g_autofree char *config = g_build_filename (state_root, "config", NULL);
  g_autofree char *cache = g_build_filename (state_root, "cache", NULL);

  env = g_environ_setenv (env, "XDG_STATE_HOME", state, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "GDK_BACKEND", "x11", TRUE);
  /* Both alike: no accessibility bus to start, no GVfs to ask */
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "GIO_USE_VFS", "local", TRUE);
  env = g_environ_setenv (env, "CODE_RESCUE_BENCH_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  if (linger)
    env = g_environ_setenv (env, "CODE_RESCUE_BENCH_LINGER_MS", LINGER_MS, TRUE);
  else
    env = g_environ_unsetenv (env, "CODE_RESCUE_BENCH_LINGER_MS");
  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_unsetenv (env, "G_SLICE");
  env = g_environ_unsetenv (env, "MALLOC_PERTURB_");

  return env;
}

/* Returns FALSE when the run did not report a first frame */
static gboolean
run_once (Subject  *subject,
          gboolean  linger,
          double   *time_ms,
          double   *rss_kib)
{
  g_auto(GStrv) env = child_environment (linger);
  g_autofree char *state = g_build_filename (state_root, "state", NULL);
  g_autoptr(GString) output = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { subject->path, NULL };
  const char *line;
  struct rusage usage;
  gint64 started, first_frame = -1;
  GPid pid;
  int out_fd, status;

  /* Every run starts as a first launch: no saved progress */
  remove_tree (state);

  started = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env,
                                 G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("Could not start %s: %s\n", subject->path, error->message);
      return FALSE;
    }

  for (;;)
    {
      struct pollfd fds = { .fd = out_fd, .events = POLLIN };
      char buffer[256];
      ssize_t n;
      int ready = poll (&fds, 1, RUN_DEADLINE_MS);

      if (ready <= 0)
        {
          g_printerr ("%s did not finish within %d s\n", subject->name, RUN_DEADLINE_MS / 1000);
          kill (pid, SIGKILL);
          break;
        }
      n = read (out_fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (output, buffer, n);
    }
  close (out_fd);

  while (wait4 (pid, &status, 0, &usage) < 0)
    {
      if (errno != EINTR)
        {
          g_printerr ("wait4: %s\n", g_strerror (errno));
          return FALSE;
        }
    }

  line = strstr (output->str, "first-frame-us ");
  if (line != NULL)
    first_frame = g_ascii_strtoll (line + strlen ("first-frame-us "), NULL, 10);

  if (first_frame <= started || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s: no first frame reported (exit status %d, output “%s”)\n",
                  subject->name, status, output->str);
      return FALSE;
    }

  *time_ms = (first_frame - started) / 1000.0;
  /* Linux reports kilobytes */
  *rss_kib = usage.ru_maxrss;
  return TRUE;
}

static void
report (Subject *app,
        Subject *bare)
{
  double app_time = median (app->times_ms), bare_time = median (bare->times_ms);
  double app_rss = median (app->rss_kib), bare_rss = median (bare->rss_kib);
  double time_ratio = app_time / bare_time;
  double rss_ratio = app_rss / bare_rss;
  double second_ratio = median (app->second_kib) / median (bare->second_kib);
  Subject *subjects[] = { app, bare };

  g_print ("\n%-12s %6s %12s %12s %12s %14s %14s\n",
           "", "runs", "median ms", "min ms", "max ms", "median RSS MiB", "1st second MiB");
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    g_print ("%-12s %6u %12.1f %12.1f %12.1f %14.1f %14.1f\n",
             subjects[i]->name, subjects[i]->times_ms->len,
             median (subjects[i]->times_ms), minimum (subjects[i]->times_ms),
             maximum (subjects[i]->times_ms), median (subjects[i]->rss_kib) / 1024.0,
             median (subjects[i]->second_kib) / 1024.0);

  g_print ("\nStart-up to first frame, Code Rescue / bare: %.3f (target <= %.2f): %s\n",
           time_ratio, TIME_TARGET, time_ratio <= TIME_TARGET ? "met" : "MISSED");
  g_print ("Peak RSS, Code Rescue / bare:               %.3f (target <= %.2f): %s\n",
           rss_ratio, MEMORY_TARGET, rss_ratio <= MEMORY_TARGET ? "met" : "MISSED");
  g_print ("Peak RSS to 1 s after it, Code Rescue / bare: %.3f (target <= %.2f): %s\n",
           second_ratio, MEMORY_TARGET, second_ratio <= MEMORY_TARGET ? "met" : "MISSED");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  Subject app = { "Code Rescue", NULL, NULL, NULL };
  Subject bare = { "bare window", NULL, NULL, NULL };
  guint runs = 10;

  if (argc < 3)
    {
      g_printerr ("Usage: %s CODE_RESCUE BARE_WINDOW [RUNS]\n", argv[0]);
      return 2;
    }
  app.path = argv[1];
  bare.path = argv[2];
  if (argc > 3)
    runs = MAX (1, (guint) g_ascii_strtoull (argv[3], NULL, 10));

  if (g_getenv ("DISPLAY") == NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_print ("SKIP: needs an X display and a session bus; run it with "
               "`bash build-aux/test.sh --benchmark -v`\n");
      return 77;
    }

  state_root = g_dir_make_tmp ("bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (state_root, "config", NULL);
  /* A port nothing listens on, so the status request fails at once and
   * nothing leaves the machine */
  write_settings (config, test_net_closed_port ());

  app.times_ms = g_array_new (FALSE, FALSE, sizeof (double));
  app.rss_kib = g_array_new (FALSE, FALSE, sizeof (double));
  app.second_kib = g_array_new (FALSE, FALSE, sizeof (double));
  bare.second_kib = g_array_new (FALSE, FALSE, sizeof (double));
  bare.times_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bare.rss_kib = g_array_new (FALSE, FALSE, sizeof (double));

  g_print ("Code Rescue: %s\nbare window: %s\n%u runs each, alternating, after one warm-up run each\n",
           app.path, bare.path, runs);

  /* Warm-up: the first start of anything pays for the disk cache */
  for (guint i = 0; i < 2; i++)
    {
      double t, r;

      run_once (i == 0 ? &app : &bare, FALSE, &t, &r);
    }

  for (guint i = 0; i < runs; i++)
    {
      /* ABBA, so that neither always follows the other */
      Subject *order[] = { i % 2 == 0 ? &app : &bare, i % 2 == 0 ? &bare : &app };

      for (guint j = 0; j < G_N_ELEMENTS (order); j++)
        {
          double t, r;

          double second;

          if (!run_once (order[j], FALSE, &t, &r) ||
              !run_once (order[j], TRUE, &(double) { 0 }, &second))
            continue;
          g_array_append_val (order[j]->times_ms, t);
          g_array_append_val (order[j]->rss_kib, r);
          g_array_append_val (order[j]->second_kib, second);
          g_print ("run %2u  %-12s %8.1f ms %8.1f MiB %8.1f MiB in the first second\n",
                   i + 1, order[j]->name, t, r / 1024.0, second / 1024.0);
        }
    }

  remove_tree (state_root);
  g_free (state_root);

  if (app.times_ms->len == 0 || bare.times_ms->len == 0)
    {
      g_printerr ("No complete runs to compare\n");
      return 1;
    }

  report (&app, &bare);

  g_array_unref (app.times_ms);
  g_array_unref (app.rss_kib);
  g_array_unref (bare.times_ms);
  g_array_unref (bare.rss_kib);
  g_array_unref (app.second_kib);
  g_array_unref (bare.second_kib);

  return 0;
}
