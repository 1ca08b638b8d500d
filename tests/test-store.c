/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rescue-enums.h"
#include "rescue-store.h"
#include "snapshot-assert.h"

/* Counts what the store logs, so tests can tell how often it wrote and
 * that a failure is reported exactly once. */
static guint n_saves;
static guint n_messages;

static void
count_log_cb (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  if ((level & G_LOG_LEVEL_DEBUG) && g_str_has_prefix (message, "Saved progress"))
    n_saves++;
  if (level & G_LOG_LEVEL_MESSAGE)
    n_messages++;
}

static void
remove_tree (const char *path)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return;

  if (S_ISDIR (info.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }

  g_assert_cmpint (g_remove (path), ==, 0);
}

typedef struct
{
  char *dir;
  char *path;
  char *aside;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "progress.json", NULL);
  fixture->aside = g_build_filename (fixture->dir, "progress.json.corrupt", NULL);
  n_saves = 0;
  n_messages = 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->aside);
}

static void
handle_ok (RescueFlow  *flow,
           RescueEvent  event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rescue_flow_handle (flow, event, &error));
  g_assert_no_error (error);
}

static void
assert_same_flow (RescueFlow *a,
                  RescueFlow *b)
{
  g_auto(RescueFlowSnapshot) sa = { 0 };
  g_auto(RescueFlowSnapshot) sb = { 0 };

  rescue_flow_get_snapshot (a, &sa);
  rescue_flow_get_snapshot (b, &sb);
  assert_same_snapshot (&sa, &sb);
}

static void
write_file (const char *path,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mode & 0777;
}

/* A flow somewhere in the middle, with every kind of detail filled in */
static RescueFlow *
busy_flow (void)
{
  RescueFlow *flow = rescue_flow_new ();

  rescue_flow_set_platform (flow, RESCUE_PLATFORM_ANDROID);
  rescue_flow_set_country (flow, "GB");
  rescue_flow_set_has_signed_in_device (flow, TRUE);
  handle_ok (flow, RESCUE_EVENT_START);
  handle_ok (flow, RESCUE_EVENT_FIX_FAILED);
  rescue_flow_set_username (flow, "Zoë_ünïcødé");
  rescue_flow_set_email (flow, "zoë+tag@exämple.org");
  return flow;
}

static void
assert_file_holds (const char *path,
                   RescueFlow *expected)
{
  g_autoptr(RescueStore) store = rescue_store_new (path);
  g_autoptr(RescueFlow) loaded = rescue_flow_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rescue_store_load (store, loaded, &error), ==,
                   RESCUE_STORE_LOAD_RESTORED);
  g_assert_no_error (error);
  assert_same_flow (expected, loaded);
}

static void
test_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (),
                                                "code-rescue", "progress.json",
                                                NULL);
  g_autofree char *path = rescue_store_default_path ();
  g_autoptr(RescueStore) store = rescue_store_new (NULL);

  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpstr (rescue_store_get_path (store), ==, expected);
}

static void
test_format (void)
{
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *history = NULL;
  g_autofree char *outcomes = NULL;
  JsonObject *root;
  gsize length = 0;

  data = rescue_store_serialize (flow, &length);
  g_assert_cmpuint (length, ==, strlen (data));
  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "step"), ==, "signed-in");
  history = json_to_string (json_object_get_member (root, "history"), FALSE);
  g_assert_cmpstr (history, ==, "[\"welcome\",\"unblock\"]");
  g_assert_cmpstr (json_object_get_string_member (root, "platform"), ==, "android");
  g_assert_cmpstr (json_object_get_string_member (root, "country"), ==, "GB");
  g_assert_true (json_object_get_boolean_member (root, "has-signed-in-device"));
  outcomes = json_to_string (json_object_get_member (root, "outcomes"), FALSE);
  g_assert_cmpstr (outcomes, ==,
                   "{\"unblock\":\"did-not-work\",\"signed-in\":\"pending\",\"support\":\"pending\","
                   "\"reset-code\":\"pending\",\"locked\":\"pending\",\"wait\":\"pending\","
                   "\"security-key\":\"pending\"}");
  g_assert_cmpstr (json_object_get_string_member (root, "check"), ==, "two-factor");
  g_assert_true (json_object_get_null_member (root, "wait-started-at"));
  g_assert_cmpstr (json_object_get_string_member (root, "username"), ==, "Zoë_ünïcødé");
  g_assert_cmpstr (json_object_get_string_member (root, "email"), ==, "zoë+tag@exämple.org");
  g_assert_true (json_object_get_null_member (root, "support-submitted-at"));
}

static void
test_format_submitted_at (void)
{
  g_autoptr(RescueFlow) flow = rescue_flow_new ();
  g_auto(RescueFlowSnapshot) snapshot = { 0 };
  g_auto(RescueFlowSnapshot) back = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  rescue_flow_get_snapshot (flow, &snapshot);
  snapshot.support_submitted_at = 1700000000;
  g_assert_true (rescue_flow_restore (flow, &snapshot, &error));
  g_assert_no_error (error);

  data = rescue_store_serialize (flow, NULL);
  g_assert_nonnull (strstr (data, "\"2023-11-14T22:13:20Z\""));

  g_assert_true (rescue_store_deserialize (data, -1, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back.support_submitted_at, ==, 1700000000);

  /* Another offset for the same moment is the same moment */
  g_clear_pointer (&data, g_free);
  rescue_flow_snapshot_clear (&back);
  data = rescue_store_serialize (flow, NULL);
  {
    g_autoptr(GString) shifted = g_string_new (data);
    g_string_replace (shifted, "2023-11-14T22:13:20Z", "2023-11-15T00:13:20+02:00", 1);
    g_assert_true (rescue_store_deserialize (shifted->str, shifted->len, &back, &error));
    g_assert_no_error (error);
    g_assert_cmpint (back.support_submitted_at, ==, 1700000000);
  }
}

/* Every step, platform and outcome the flow can be in, through memory and
 * through the file */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  /* -1 ends a path; events a path cannot take without a device are skipped */
  static const int paths[][6] = {
    { -1 },
    { RESCUE_EVENT_START, -1 },
    { RESCUE_EVENT_START, RESCUE_EVENT_FIX_WORKED, -1 },
    { RESCUE_EVENT_START, RESCUE_EVENT_FIX_FAILED, -1 },
    { RESCUE_EVENT_START, RESCUE_EVENT_SKIP, RESCUE_EVENT_FIX_WORKED, -1 },
    { RESCUE_EVENT_START, RESCUE_EVENT_FIX_FAILED, RESCUE_EVENT_SKIP, -1 },
    { RESCUE_EVENT_START, RESCUE_EVENT_SKIP, RESCUE_EVENT_FIX_FAILED,
      RESCUE_EVENT_SUPPORT_SUBMITTED, -1 },
    { RESCUE_EVENT_START, RESCUE_EVENT_FIX_FAILED, RESCUE_EVENT_FIX_FAILED,
      RESCUE_EVENT_BACK, -1 },
    { RESCUE_EVENT_START, RESCUE_EVENT_FIX_FAILED, RESCUE_EVENT_SHOW_SIGNED_IN,
      RESCUE_EVENT_FIX_FAILED, -1 },
  };
  static const RescuePlatform platforms[] = {
    RESCUE_PLATFORM_IPHONE, RESCUE_PLATFORM_ANDROID, RESCUE_PLATFORM_OTHER,
  };
  static const char *countries[] = { "US", "KE", "DE" };
  g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
  gboolean seen_step[RESCUE_N_STEPS] = { FALSE };
  gboolean seen_outcome[RESCUE_OUTCOME_SKIPPED + 1] = { FALSE };

  /* Every route; the platform and country vary along, which is enough
   * for them and keeps the number of files written down */
  for (guint n = 0; n < RESCUE_N_CHECKS * G_N_ELEMENTS (paths); n++)
    for (int device = 0; device <= 1; device++)
      {
        RescueCheck check = n / G_N_ELEMENTS (paths);
        guint p = n % G_N_ELEMENTS (paths);
        guint pl = n % G_N_ELEMENTS (platforms);
        g_autoptr(RescueFlow) flow = rescue_flow_new ();
        g_autoptr(RescueFlow) loaded = rescue_flow_new ();
        g_auto(RescueFlowSnapshot) original = { 0 };
        g_auto(RescueFlowSnapshot) parsed = { 0 };
        g_autoptr(GError) error = NULL;
        g_autofree char *text = NULL;
        g_autofree char *name = g_strdup_printf ("näme_%u%u%d 🚀", p, pl, device);
        gsize length = 0;

        rescue_flow_set_platform (flow, platforms[pl]);
        rescue_flow_set_country (flow, countries[pl]);
        rescue_flow_set_has_signed_in_device (flow, device);
        rescue_flow_set_check (flow, check);
        rescue_flow_set_username (flow, name);
        rescue_flow_set_email (flow, "\"quoted\"\\back/line@例え.jp");
        for (guint e = 0; paths[p][e] != -1; e++)
          if (rescue_flow_can_handle (flow, paths[p][e]))
            handle_ok (flow, paths[p][e]);
        rescue_flow_get_snapshot (flow, &original);

        seen_step[original.step] = TRUE;
        for (guint i = 0; i < RESCUE_N_FIXES; i++)
          seen_outcome[original.outcomes[i]] = TRUE;

        text = rescue_store_serialize (flow, &length);
        g_assert_true (rescue_store_deserialize (text, length, &parsed, &error));
        g_assert_no_error (error);
        assert_same_snapshot (&original, &parsed);

        g_assert_true (rescue_store_save (store, flow, &error));
        g_assert_no_error (error);
        g_assert_cmpint (rescue_store_load (store, loaded, &error), ==,
                         RESCUE_STORE_LOAD_RESTORED);
        g_assert_no_error (error);
        assert_same_flow (flow, loaded);
      }

  /* The paths above must really cover everything, or the test proves less
   * than it claims */
  for (guint i = 0; i < RESCUE_N_STEPS; i++)
    g_assert_true (seen_step[i]);
  for (guint i = 0; i <= RESCUE_OUTCOME_SKIPPED; i++)
    g_assert_true (seen_outcome[i]);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autoptr(RescueFlow) reference = busy_flow ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rescue_store_load (store, flow, &error), ==, RESCUE_STORE_LOAD_FRESH);
  g_assert_no_error (error);
  assert_same_flow (flow, reference);
  g_assert_false (g_file_test (fixture->aside, G_FILE_TEST_EXISTS));
}

/* Writes @bad, with an older .corrupt next to it, and checks that loading
 * sets it aside, replaces the old one and leaves the flow alone. */
static void
check_set_aside (Fixture    *fixture,
                 const char *bad,
                 gssize      bad_length,
                 int         code)
{
  g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autoptr(RescueFlow) reference = busy_flow ();
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  gsize aside_length = 0;

  if (bad_length < 0)
    bad_length = strlen (bad);

  write_file (fixture->aside, "an older bad file", -1);
  write_file (fixture->path, bad, bad_length);

  g_assert_cmpint (rescue_store_load (store, flow, &error), ==,
                   RESCUE_STORE_LOAD_SET_ASIDE);
  g_assert_error (error, RESCUE_STORE_ERROR, code);
  g_assert_nonnull (error->message);

  assert_same_flow (flow, reference);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  aside = read_file (fixture->aside, &aside_length);
  g_assert_cmpmem (aside, aside_length, bad, bad_length);

  /* Set aside means the next start is fresh and silent */
  g_clear_error (&error);
  g_assert_cmpint (rescue_store_load (store, flow, &error), ==, RESCUE_STORE_LOAD_FRESH);
  g_assert_no_error (error);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct {
    const char *data;
    int         code;
  } cases[] = {
    { "", RESCUE_STORE_ERROR_CORRUPT },
    { "   \n\t  \r\n", RESCUE_STORE_ERROR_CORRUPT },
    { "{\"version\": 1, \"step\": \"unbl", RESCUE_STORE_ERROR_CORRUPT },
    { "[1] [2]", RESCUE_STORE_ERROR_CORRUPT },
    { "{\"version\":1}{\"x\":2}", RESCUE_STORE_ERROR_CORRUPT },
    { "this is not JSON at all", RESCUE_STORE_ERROR_CORRUPT },
    { "[]", RESCUE_STORE_ERROR_CORRUPT },
    { "null", RESCUE_STORE_ERROR_CORRUPT },
    { "42", RESCUE_STORE_ERROR_CORRUPT },
    { "\"progress\"", RESCUE_STORE_ERROR_CORRUPT },
    { "{}", RESCUE_STORE_ERROR_CORRUPT },
    { "{'version': 1}", RESCUE_STORE_ERROR_CORRUPT },
    { "var progress = {\"version\": 1}", RESCUE_STORE_ERROR_CORRUPT },
    { "{\"version\": \"1\"}", RESCUE_STORE_ERROR_CORRUPT },
    { "{\"version\": 1.0}", RESCUE_STORE_ERROR_CORRUPT },
    { "{\"version\": 0}", RESCUE_STORE_ERROR_CORRUPT },
    { "{\"version\": -3}", RESCUE_STORE_ERROR_CORRUPT },
    { "{\"version\": 2}", RESCUE_STORE_ERROR_FUTURE_VERSION },
    { "{\"version\": 2, \"step\": \"moon\", \"anything\": [1, 2]}", RESCUE_STORE_ERROR_FUTURE_VERSION },
    { "{\"version\": 9223372036854775807}", RESCUE_STORE_ERROR_FUTURE_VERSION },
    { "\xff\xfe{\"version\": 1}", RESCUE_STORE_ERROR_CORRUPT },
    { "{\"version\": 1,}", RESCUE_STORE_ERROR_CORRUPT },
    { "<html><body>Oops</body></html>", RESCUE_STORE_ERROR_CORRUPT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = g_strescape (cases[i].data, NULL);

      g_test_message ("bad file %u: %s", i, escaped);
      check_set_aside (fixture, cases[i].data, -1, cases[i].code);
    }

  /* A NUL byte in the middle, and nesting deep enough to hurt a
   * recursive parser */
  check_set_aside (fixture, "{\"version\": 1\0}", 15, RESCUE_STORE_ERROR_CORRUPT);
  {
    g_autoptr(GString) deep = g_string_new ("{\"version\": 1, \"x\": ");
    for (guint i = 0; i < 5000; i++)
      g_string_append_c (deep, '[');
    check_set_aside (fixture, deep->str, deep->len, RESCUE_STORE_ERROR_CORRUPT);
  }
}

/* Starts from a real file and damages one member at a time */
static char *
mutate (const char *valid,
        const char *member,
        const char *inner,
        const char *replacement)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_true (json_parser_load_from_data (parser, valid, -1, NULL));
  root = json_parser_steal_root (parser);
  object = json_node_get_object (root);
  if (inner != NULL)
    object = json_object_get_object_member (object, inner);

  if (replacement == NULL)
    json_object_remove_member (object, member);
  else
    json_object_set_member (object, member, json_from_string (replacement, NULL));

  return json_to_string (root, TRUE);
}

static void
test_wrong_members (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    const char *member;
    const char *inner;
    const char *wrong[8];
  } cases[] = {
    { "version", NULL, { "\"1\"", "true", "null", "[]", "{}", "1.5" } },
    { "step", NULL, { "3", "true", "null", "[]", "{}", "\"flying\"", "\"SIGNED-IN\"", "\"welcome\"" } },
    { "history", NULL, { "\"welcome\"", "3", "true", "null", "{}", "[1]", "[\"welcome\", \"nowhere\"]", "[\"unblock\"]" } },
    { "platform", NULL, { "1", "true", "null", "[]", "{}", "\"windows-phone\"" } },
    { "country", NULL, { "44", "true", "null", "[]", "{}", "\"gb\"", "\"GBR\"" } },
    { "has-signed-in-device", NULL, { "1", "\"true\"", "null", "[]", "{}" } },
    { "outcomes", NULL, { "1", "\"pending\"", "true", "null", "[]", "{}" } },
    { "unblock", "outcomes", { "1", "true", "null", "[]", "{}", "\"maybe\"" } },
    { "signed-in", "outcomes", { "2", "false", "null", "[]", "{}", "\"WORKED\"" } },
    { "support", "outcomes", { "0", "true", "null", "[\"pending\"]", "{}", "\"\"" } },
    { "username", NULL, { "7", "true", "null", "[]", "{}" } },
    { "email", NULL, { "7", "false", "null", "[\"a@b.c\"]", "{}" } },
    { "support-submitted-at", NULL, { "1700000000", "true", "[]", "{}", "\"yesterday\"", "\"\"", "\"1969-07-20T20:17:00Z\"" } },
  };
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autofree char *valid = rescue_store_serialize (flow, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *missing = mutate (valid, cases[i].member, cases[i].inner, NULL);

      g_test_message ("missing %s", cases[i].member);
      check_set_aside (fixture, missing, -1, RESCUE_STORE_ERROR_CORRUPT);

      for (guint j = 0; j < G_N_ELEMENTS (cases[i].wrong) && cases[i].wrong[j]; j++)
        {
          g_autofree char *bad = mutate (valid, cases[i].member, cases[i].inner,
                                         cases[i].wrong[j]);

          g_test_message ("%s: %s", cases[i].member, cases[i].wrong[j]);
          check_set_aside (fixture, bad, -1, RESCUE_STORE_ERROR_CORRUPT);
        }
    }

  /* A string cut short by \u0000 would not be what was typed */
  {
    g_autoptr(GString) bad = g_string_new (valid);

    /* by hand: json-glib itself would already cut it when re-parsing */
    g_assert_cmpuint (g_string_replace (bad, "Zoë_ünïcødé", "abc\\u0000def", 1), ==, 1);
    check_set_aside (fixture, bad->str, bad->len, RESCUE_STORE_ERROR_CORRUPT);
  }

  /* Unknown extra members are harmless and ignored */
  {
    g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
    g_autoptr(RescueFlow) loaded = rescue_flow_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *extra = mutate (valid, "comment", NULL, "{\"a\": [1, 2]}");

    write_file (fixture->path, extra, -1);
    g_assert_cmpint (rescue_store_load (store, loaded, &error), ==,
                     RESCUE_STORE_LOAD_RESTORED);
    g_assert_no_error (error);
    assert_same_flow (flow, loaded);
  }
}

static void
test_truncated_everywhere (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RescueFlow) flow = busy_flow ();
  gsize length = 0;
  g_autofree char *valid = rescue_store_serialize (flow, &length);

  /* Any prefix of a real file, however it was cut, is refused */
  for (gsize cut = 0; cut < length; cut++)
    {
      g_auto(RescueFlowSnapshot) snapshot = { 0 };
      g_autoptr(GError) error = NULL;

      g_assert_false (rescue_store_deserialize (valid, cut, &snapshot, &error));
      g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT);
      g_assert_null (snapshot.username);
    }

  check_set_aside (fixture, valid, length / 2, RESCUE_STORE_ERROR_CORRUPT);

  /* and so is a whole file with anything after it, which json-glib alone
   * would accept */
  {
    static const char *tails[] = { "{\"x\": 2}", "[1]", " 3", "x", "}", "\n\"more\"\n" };

    for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
      {
        g_autofree char *longer = g_strconcat (valid, tails[i], NULL);

        check_set_aside (fixture, longer, -1, RESCUE_STORE_ERROR_CORRUPT);
      }
  }

  /* Trailing whitespace, as an editor might leave, is fine */
  {
    g_auto(RescueFlowSnapshot) snapshot = { 0 };
    g_autoptr(GError) error = NULL;
    g_autofree char *spaced = g_strconcat (valid, "\n\n  \t", NULL);

    g_assert_true (rescue_store_deserialize (spaced, -1, &snapshot, &error));
    g_assert_no_error (error);
  }
}

static void
test_invalid_state (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autofree char *valid = rescue_store_serialize (flow, NULL);
  g_autofree char *welcome_with_history = mutate (valid, "step", NULL, "\"welcome\"");
  g_autofree char *long_history = NULL;
  g_autoptr(GString) steps = g_string_new ("[\"welcome\"");

  g_autofree char *unknown_check = mutate (valid, "check", NULL, "\"premium\"");
  g_autofree char *unknown_country = mutate (valid, "country", NULL, "\"ZZ\"");
  g_autofree char *at_unblock = mutate (valid, "step", NULL, "\"unblock\"");
  g_autofree char *impossible = mutate (at_unblock, "history", NULL, "[\"welcome\", \"resolved\", \"waiting-for-support\"]");

  check_set_aside (fixture, welcome_with_history, -1, RESCUE_STORE_ERROR_CORRUPT);
  /* an answer this version does not know, a country the list does not
   * have, a way here no events make: each is damage, set aside */
  check_set_aside (fixture, unknown_check, -1, RESCUE_STORE_ERROR_CORRUPT);
  check_set_aside (fixture, unknown_country, -1, RESCUE_STORE_ERROR_CORRUPT);
  check_set_aside (fixture, impossible, -1, RESCUE_STORE_ERROR_CORRUPT);

  for (guint i = 0; i < RESCUE_FLOW_MAX_HISTORY; i++)
    g_string_append (steps, ", \"unblock\"");
  g_string_append (steps, "]");
  long_history = mutate (valid, "history", NULL, steps->str);
  check_set_aside (fixture, long_history, -1, RESCUE_STORE_ERROR_CORRUPT);
}

static void
test_unreadable_directory (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autoptr(RescueFlow) reference = busy_flow ();
  g_autoptr(GError) error = NULL;

  /* Unlike a 0000 file, a folder cannot be read even by root */
  write_file (fixture->aside, "an older bad file", -1);
  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);

  g_assert_cmpint (rescue_store_load (store, flow, &error), ==,
                   RESCUE_STORE_LOAD_SET_ASIDE);
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNREADABLE);
  assert_same_flow (flow, reference);

  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fixture->aside, G_FILE_TEST_IS_DIR));

  /* and the path is free again for saving */
  g_clear_error (&error);
  g_assert_true (rescue_store_save (store, flow, &error));
  g_assert_no_error (error);
}

static void
test_unreadable_mode (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RescueStore) store = NULL;
  g_autoptr(RescueFlow) flow = NULL;
  g_autoptr(RescueFlow) reference = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *valid = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root reads a 0000 file anyway; /store/unreadable/directory covers unreadable files");
      return;
    }

  store = rescue_store_new (fixture->path);
  flow = busy_flow ();
  reference = busy_flow ();
  valid = rescue_store_serialize (flow, NULL);
  write_file (fixture->aside, "an older bad file", -1);
  write_file (fixture->path, valid, -1);
  g_assert_cmpint (g_chmod (fixture->path, 0), ==, 0);

  g_assert_cmpint (rescue_store_load (store, flow, &error), ==,
                   RESCUE_STORE_LOAD_SET_ASIDE);
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_UNREADABLE);
  assert_same_flow (flow, reference);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_chmod (fixture->aside, 0600), ==, 0);
  aside = read_file (fixture->aside, NULL);
  g_assert_cmpstr (aside, ==, valid);
}

/* A non-empty folder in the way of progress.json.corrupt (which stops a
 * rename even for root) moves up to .corrupt.1 with what it holds; the
 * bad file takes its place. */
static void
test_aside_name_taken (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autoptr(RescueFlow) reference = busy_flow ();
  g_autoptr(GError) error = NULL;
  g_autofree char *inside = g_build_filename (fixture->aside, "keep", NULL);
  g_autofree char *moved = g_build_filename (fixture->dir, "progress.json.corrupt.1", "keep", NULL);
  g_autofree char *aside = NULL;

  g_assert_cmpint (g_mkdir (fixture->aside, 0700), ==, 0);
  write_file (inside, "x", -1);
  write_file (fixture->path, "{\"version\": 1", -1);

  g_assert_cmpint (rescue_store_load (store, flow, &error), ==,
                   RESCUE_STORE_LOAD_SET_ASIDE);
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT);
  assert_same_flow (flow, reference);

  aside = read_file (fixture->aside, NULL);
  g_assert_cmpstr (aside, ==, "{\"version\": 1");
  g_assert_true (g_file_test (moved, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* When the bad file cannot be moved (every set-aside name is a non-empty
 * folder, which stops root too), it is left where it is, loading still
 * starts fresh, saying why once, and nothing is ever saved over it. */
static void
test_cannot_set_aside (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autoptr(RescueFlow) reference = busy_flow ();
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  guint handler = g_log_set_handler ("rescue-store", G_LOG_LEVEL_MASK,
                                     count_log_cb, NULL);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = i == 0 ? g_strdup (fixture->aside)
                                     : g_strdup_printf ("%s.%u", fixture->aside, i);
      g_autofree char *inside = g_build_filename (name, "keep", NULL);

      g_assert_cmpint (g_mkdir (name, 0700), ==, 0);
      write_file (inside, "x", -1);
    }
  write_file (fixture->path, "{\"version\": 1", -1);

  g_assert_cmpint (rescue_store_load (store, flow, &error), ==,
                   RESCUE_STORE_LOAD_LEFT_ALONE);
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT);
  assert_same_flow (flow, reference);
  g_assert_cmpuint (n_messages, ==, 1);

  /* The file might be a newer version's progress: saving must not replace it */
  g_clear_error (&error);
  g_assert_false (rescue_store_save (store, flow, &error));
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE);
  left = read_file (fixture->path, NULL);
  g_assert_cmpstr (left, ==, "{\"version\": 1");

  /* Once deleted (Start Over from --reset), saving works again */
  g_clear_error (&error);
  g_assert_false (rescue_store_delete (store, &error));   /* the full folders stay */
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_true (rescue_store_save (store, flow, &error));
  g_assert_no_error (error);
  assert_file_holds (fixture->path, flow);

  g_log_remove_handler ("rescue-store", handler);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RescueStore) store = NULL;
  g_autoptr(RescueFlow) flow = NULL;
  g_autoptr(RescueFlow) reference = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into a 0500 folder anyway; /store/unreadable/cannot-set-aside and /store/save/write-error cover it");
      return;
    }

  store = rescue_store_new (fixture->path);
  flow = busy_flow ();
  reference = busy_flow ();
  write_file (fixture->path, "not json", -1);
  g_assert_cmpint (g_chmod (fixture->dir, 0500), ==, 0);

  g_assert_cmpint (rescue_store_load (store, flow, &error), ==,
                   RESCUE_STORE_LOAD_LEFT_ALONE);
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT);
  assert_same_flow (flow, reference);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (rescue_store_save (store, flow, &error));
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE);

  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *fresh_folder = g_build_filename (fixture->dir, "a", "b", NULL);
  g_autofree char *fresh_path = g_build_filename (fresh_folder, "progress.json", NULL);
  g_autofree char *old_folder = g_build_filename (fixture->dir, "old", NULL);
  g_autofree char *old_path = g_build_filename (old_folder, "progress.json", NULL);
  g_autoptr(RescueStore) fresh = rescue_store_new (fresh_path);
  g_autoptr(RescueStore) old = rescue_store_new (old_path);
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autoptr(GError) error = NULL;
  mode_t saved_umask = umask (022);

  g_assert_true (rescue_store_save (fresh, flow, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (fresh_folder), ==, 0700);
  g_assert_cmpuint (file_mode (fresh_path), ==, 0600);

  g_assert_cmpint (g_mkdir (old_folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (old_folder, 0755), ==, 0);
  /* An earlier file with loose permissions is replaced by a private one */
  write_file (old_path, "{}", -1);
  g_assert_cmpint (g_chmod (old_path, 0644), ==, 0);
  g_assert_true (rescue_store_save (old, flow, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (old_folder), ==, 0700);
  g_assert_cmpuint (file_mode (old_path), ==, 0600);

  umask (saved_umask);
}

static void
test_write_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *afile = g_build_filename (fixture->dir, "afile", NULL);
  g_autofree char *path = g_build_filename (afile, "progress.json", NULL);
  g_autoptr(RescueStore) store = rescue_store_new (path);
  g_autoptr(RescueStore) into_folder = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autoptr(GError) error = NULL;

  write_file (afile, "in the way", -1);
  g_assert_false (rescue_store_save (store, flow, &error));
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE);
  g_clear_error (&error);

  /* A folder where the file should be cannot be replaced by the file */
  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  g_assert_false (rescue_store_save (into_folder, flow, &error));
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rescue_store_save (store, flow, &error));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_true (rescue_store_delete (store, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_true (rescue_store_delete (store, &error));
  g_assert_no_error (error);

  /* A folder is not ours to delete */
  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  {
    g_autofree char *inside = g_build_filename (fixture->path, "x", NULL);
    write_file (inside, "x", -1);
  }
  g_assert_false (rescue_store_delete (store, &error));
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_WRITE);
}

static void
flush_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Saves are written from a thread: wait until the file is up to date */
static void
flush_store (RescueStore *store)
{
  flush_main_context ();
  while (rescue_store_get_busy (store))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_watch_coalesces (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) flow = busy_flow ();
  guint handler = g_log_set_handler ("rescue-store", G_LOG_LEVEL_MASK,
                                     count_log_cb, NULL);

  rescue_store_watch (store, flow);
  flush_store (store);
  g_assert_cmpuint (n_saves, ==, 0);

  /* Back from fix 2 changes the step, both outcomes and can-go-back */
  handle_ok (flow, RESCUE_EVENT_BACK);
  rescue_flow_set_email (flow, "new@example.org");
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  flush_store (store);
  g_assert_cmpuint (n_saves, ==, 1);
  assert_file_holds (fixture->path, flow);

  /* Each later change is saved too, without being asked */
  handle_ok (flow, RESCUE_EVENT_SKIP);
  flush_store (store);
  g_assert_cmpuint (n_saves, ==, 2);
  assert_file_holds (fixture->path, flow);

  /* Watching the same flow again changes nothing */
  rescue_store_watch (store, flow);
  rescue_flow_set_username (flow, "again");
  flush_store (store);
  g_assert_cmpuint (n_saves, ==, 3);
  g_assert_cmpuint (n_messages, ==, 0);

  g_log_remove_handler ("rescue-store", handler);
}

static void
test_watch_many_changes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) flow = rescue_flow_new ();

  rescue_flow_set_has_signed_in_device (flow, TRUE);
  rescue_store_watch (store, flow);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("user_%u", i);

      rescue_flow_set_username (flow, name);
      switch (i % 4)
        {
        case 0:
          rescue_flow_handle (flow, RESCUE_EVENT_START, NULL);
          break;
        case 1:
          rescue_flow_handle (flow, RESCUE_EVENT_FIX_FAILED, NULL);
          break;
        case 2:
          rescue_flow_set_platform (flow, i % 3);
          rescue_flow_handle (flow, RESCUE_EVENT_SKIP, NULL);
          break;
        default:
          rescue_flow_handle (flow, RESCUE_EVENT_RESTART, NULL);
          break;
        }

      /* Let some of the saves run between changes, others pile up */
      if (i % 7 == 0)
        g_main_context_iteration (NULL, FALSE);
    }
  rescue_flow_handle (flow, RESCUE_EVENT_START, NULL);
  rescue_flow_set_email (flow, "last@example.org");

  flush_store (store);
  g_assert_cmpstr (rescue_flow_get_username (flow), ==, "user_199");
  assert_file_holds (fixture->path, flow);
}

static void
test_watch_dispose_flushes (Fixture       *fixture,
                            gconstpointer  data)
{
  RescueStore *store = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) flow = busy_flow ();

  rescue_store_watch (store, flow);
  rescue_flow_set_username (flow, "typed_just_before_quit");
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (store);
  assert_file_holds (fixture->path, flow);

  /* and it no longer listens */
  g_assert_cmpint (g_remove (fixture->path), ==, 0);
  rescue_flow_set_username (flow, "after");
  flush_main_context ();
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_watch_switch_flow (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) first = busy_flow ();
  g_autoptr(RescueFlow) second = rescue_flow_new ();

  rescue_store_watch (store, first);
  rescue_flow_set_username (first, "pending");
  /* A pending change of the old flow is written before switching */
  rescue_store_watch (store, second);
  assert_file_holds (fixture->path, first);

  rescue_flow_set_username (first, "ignored");
  rescue_flow_set_username (second, "followed");
  flush_store (store);
  assert_file_holds (fixture->path, second);
}

static void
test_watch_failure_logged_once (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *afile = g_build_filename (fixture->dir, "afile", NULL);
  g_autofree char *path = g_build_filename (afile, "progress.json", NULL);
  g_autoptr(RescueStore) store = rescue_store_new (path);
  g_autoptr(RescueFlow) flow = busy_flow ();
  guint handler = g_log_set_handler ("rescue-store", G_LOG_LEVEL_MASK,
                                     count_log_cb, NULL);

  write_file (afile, "in the way", -1);
  rescue_store_watch (store, flow);

  rescue_flow_set_username (flow, "one");
  flush_store (store);
  g_assert_cmpuint (n_messages, ==, 1);

  rescue_flow_set_username (flow, "two");
  flush_store (store);
  rescue_flow_set_username (flow, "three");
  g_assert_cmpuint (n_messages, ==, 1);

  /* Once saving works again, a later failure is news again */
  g_assert_cmpint (g_remove (afile), ==, 0);
  flush_store (store);
  g_assert_cmpuint (n_saves, ==, 1);
  assert_file_holds (path, flow);

  remove_tree (afile);
  write_file (afile, "in the way again", -1);
  rescue_flow_set_username (flow, "four");
  flush_store (store);
  g_assert_cmpuint (n_messages, ==, 2);

  g_clear_object (&store);
  g_log_remove_handler ("rescue-store", handler);
}

/* The entries save what is typed as it is typed: an unfinished or wrong
 * value comes back as it was, for the page to say what is wrong with it */
static void
test_unfinished_details (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char *typed[][2] = {
    { "ali", "@" }, { "@", "ali" }, { "jack dorsey", "a b@c" },
    { "typed_far_too_long_for_x", "zoë@exämple" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(RescueStore) store = rescue_store_new (fixture->path);
      g_autoptr(RescueFlow) flow = busy_flow ();
      g_autoptr(GError) error = NULL;

      rescue_flow_set_username (flow, typed[i][0]);
      rescue_flow_set_email (flow, typed[i][1]);
      g_assert_true (rescue_store_save (store, flow, &error));
      g_assert_no_error (error);
      assert_file_holds (fixture->path, flow);
    }
}

/* One writer: the lock is taken once per store, refused to a second one
 * while held, and given up with the store */
static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  RescueStore *first = rescue_store_new (fixture->path);
  g_autoptr(RescueStore) second = rescue_store_new (fixture->path);
  g_autoptr(RescueFlow) flow = busy_flow ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rescue_store_lock (first, &error));
  g_assert_no_error (error);
  g_assert_true (rescue_store_lock (first, &error));
  g_assert_true (rescue_store_save (first, flow, &error));
  g_assert_no_error (error);

  g_assert_false (rescue_store_lock (second, &error));
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (rescue_store_save (second, flow, &error));
  g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_finalize_object (first);
  g_assert_true (rescue_store_lock (second, &error));
  g_assert_no_error (error);
  g_assert_true (rescue_store_save (second, flow, &error));
  g_assert_no_error (error);
  assert_file_holds (fixture->path, flow);
}

static void
add (const char *name,
     void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

/* A progress file from before the routes has no check, no wait and three
 * fixes */
static void
test_format_routes (void)
{
  g_autoptr(RescueFlow) flow = rescue_flow_new ();
  g_autoptr(RescueFlow) waiting = rescue_flow_new ();
  static const struct { const char *member; const char *value; } refused[] = {
    { "check", "\"premium\"" },
    { "check", "3" },
    { "check", "null" },
    { "wait-started-at", "5" },
    { "wait-started-at", "\"yesterday\"" },
  };

  rescue_flow_set_has_signed_in_device (flow, TRUE);
  g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_START, NULL));
  g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_FIX_FAILED, NULL));

  /* the old shape restores to two-factor, nothing waited for */
  {
    g_autofree char *valid = rescue_store_serialize (flow, NULL);
    g_autofree char *no_check = mutate (valid, "check", NULL, NULL);
    g_autofree char *old = NULL;
    g_autoptr(JsonNode) root = NULL;
    JsonObject *outcomes;
    g_auto(RescueFlowSnapshot) snapshot = { 0 };
    g_autoptr(GError) error = NULL;

    root = json_from_string (no_check, NULL);
    json_object_remove_member (json_node_get_object (root), "wait-started-at");
    outcomes = json_object_get_object_member (json_node_get_object (root), "outcomes");
    json_object_remove_member (outcomes, "reset-code");
    json_object_remove_member (outcomes, "locked");
    json_object_remove_member (outcomes, "wait");
    json_object_remove_member (outcomes, "security-key");
    old = json_to_string (root, TRUE);

    g_assert_true (rescue_store_deserialize (old, -1, &snapshot, &error));
    g_assert_no_error (error);
    g_assert_cmpint (snapshot.check, ==, RESCUE_CHECK_TWO_FACTOR);
    g_assert_cmpint (snapshot.wait_started_at, ==, 0);
    g_assert_cmpint (snapshot.step, ==, RESCUE_STEP_SIGNED_IN);
    g_assert_cmpint (snapshot.outcomes[RESCUE_FIX_LOCKED], ==, RESCUE_OUTCOME_PENDING);
  }

  /* but an old fix missing is damage, as before */
  {
    g_autofree char *text = rescue_store_serialize (flow, NULL);
    g_autoptr(JsonNode) root = json_from_string (text, NULL);
    g_autofree char *bad = NULL;
    g_auto(RescueFlowSnapshot) snapshot = { 0 };
    g_autoptr(GError) error = NULL;

    json_object_remove_member (json_object_get_object_member (json_node_get_object (root), "outcomes"), "unblock");
    bad = json_to_string (root, TRUE);
    g_assert_false (rescue_store_deserialize (bad, -1, &snapshot, &error));
    g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT);
  }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *valid = rescue_store_serialize (flow, NULL);
      g_autofree char *bad = mutate (valid, refused[i].member, NULL, refused[i].value);
      g_auto(RescueFlowSnapshot) snapshot = { 0 };
      g_autoptr(GError) error = NULL;

      g_assert_false (rescue_store_deserialize (bad, -1, &snapshot, &error));
      g_assert_error (error, RESCUE_STORE_ERROR, RESCUE_STORE_ERROR_CORRUPT);
    }

  /* the wait's start is kept as a time, like the support request's */
  rescue_flow_set_check (waiting, RESCUE_CHECK_TOO_MANY_ATTEMPTS);
  g_assert_true (rescue_flow_handle (waiting, RESCUE_EVENT_START, NULL));
  {
    g_autofree char *text = rescue_store_serialize (waiting, NULL);
    g_autoptr(JsonNode) root = json_from_string (text, NULL);
    JsonObject *object = json_node_get_object (root);
    g_autoptr(GDateTime) when = NULL;
    g_auto(RescueFlowSnapshot) snapshot = { 0 };

    g_assert_cmpstr (json_object_get_string_member (object, "check"), ==, "too-many-attempts");
    when = g_date_time_new_from_iso8601 (json_object_get_string_member (object, "wait-started-at"), NULL);
    g_assert_nonnull (when);
    g_assert_cmpint (g_date_time_to_unix (when), ==, rescue_flow_get_wait_started_at (waiting));
    g_assert_true (rescue_store_deserialize (text, -1, &snapshot, NULL));
    g_assert_cmpint (snapshot.wait_started_at, ==, rescue_flow_get_wait_started_at (waiting));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/default-path", test_default_path);
  g_test_add_func ("/store/format", test_format);
  g_test_add_func ("/store/format/routes", test_format_routes);
  g_test_add_func ("/store/format/submitted-at", test_format_submitted_at);
  add ("/store/round-trip", test_round_trip);
  add ("/store/load/missing", test_missing);
  add ("/store/load/unfinished-details", test_unfinished_details);
  add ("/store/lock", test_lock);
  add ("/store/load/bad-files", test_bad_files);
  add ("/store/load/wrong-members", test_wrong_members);
  add ("/store/load/truncated", test_truncated_everywhere);
  add ("/store/load/invalid-state", test_invalid_state);
  add ("/store/unreadable/directory", test_unreadable_directory);
  add ("/store/unreadable/mode-0000", test_unreadable_mode);
  add ("/store/unreadable/aside-name-taken", test_aside_name_taken);
  add ("/store/unreadable/cannot-set-aside", test_cannot_set_aside);
  add ("/store/unreadable/read-only-folder", test_read_only_folder);
  add ("/store/save/permissions", test_permissions);
  add ("/store/save/write-error", test_write_error);
  add ("/store/delete", test_delete);
  add ("/store/watch/coalesces", test_watch_coalesces);
  add ("/store/watch/many-changes", test_watch_many_changes);
  add ("/store/watch/dispose-flushes", test_watch_dispose_flushes);
  add ("/store/watch/switch-flow", test_watch_switch_flow);
  add ("/store/watch/failure-logged-once", test_watch_failure_logged_once);

  return g_test_run ();
}
