/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "rescue-countries.h"
#include "rescue-flow.h"

/* The German run happens in a child process of this same program, because
 * gettext reads LANGUAGE and the locale once per process in practice */
#define CHILD_ENV      "RESCUE_TEST_COUNTRIES_CHILD"
#define GERMAN_CATALOG ISO_CODES_LOCALEDIR "/de/LC_MESSAGES/iso_3166-1.mo"

static GListModel *
load_installed (void)
{
  g_autoptr(GError) error = NULL;
  GListModel *countries = rescue_countries_load (NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (countries);
  g_assert_true (g_list_model_get_item_type (countries) == RESCUE_TYPE_COUNTRY);

  return countries;
}

static const char *
name_of (GListModel *countries,
         const char *code)
{
  guint position = rescue_countries_find (countries, code);
  g_autoptr(RescueCountry) country = NULL;

  g_assert_cmpuint (position, !=, G_MAXUINT);
  country = g_list_model_get_item (countries, position);
  g_assert_cmpstr (rescue_country_get_code (country), ==, code);

  /* The model keeps the country alive */
  return rescue_country_get_name (country);
}

static void
assert_sorted_and_unique (GListModel *countries)
{
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (countries);
  g_autofree char *previous_key = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RescueCountry) country = g_list_model_get_item (countries, i);
      const char *code = rescue_country_get_code (country);
      const char *name = rescue_country_get_name (country);
      g_autofree char *key = NULL;

      g_assert_nonnull (code);
      g_assert_cmpuint (strlen (code), ==, 2);
      g_assert_true (g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]));
      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "");
      g_assert_true (g_utf8_validate (name, -1, NULL));
      g_assert_true (g_hash_table_add (codes, g_strdup (code)));

      key = g_utf8_collate_key (name, -1);
      if (previous_key != NULL)
        g_assert_cmpint (strcmp (previous_key, key), <=, 0);
      g_free (previous_key);
      previous_key = g_steal_pointer (&key);
    }
}

static void
test_installed_file (void)
{
  g_autoptr(GListModel) countries = load_installed ();

  g_assert_cmpuint (g_list_model_get_n_items (countries), >=, 249);
  assert_sorted_and_unique (countries);
}

static void
test_english_names (void)
{
  g_autoptr(GListModel) countries = load_installed ();

  g_assert_cmpstr (name_of (countries, "US"), ==, "United States");
  g_assert_cmpstr (name_of (countries, "DE"), ==, "Germany");
  g_assert_cmpstr (name_of (countries, "GB"), ==, "United Kingdom");
  /* common_name wins over the formal name */
  g_assert_cmpstr (name_of (countries, "TW"), ==, "Taiwan");
  g_assert_cmpstr (name_of (countries, "BO"), ==, "Bolivia");
}

static void
test_find (void)
{
  g_autoptr(GListModel) countries = load_installed ();
  const char *absent[] = { "ZZ", "us", "", "USA", "U" };
  guint position;
  g_autoptr(RescueCountry) item = NULL;

  position = rescue_countries_find (countries, "US");
  g_assert_cmpuint (position, <, g_list_model_get_n_items (countries));
  item = g_list_model_get_item (countries, position);
  g_assert_cmpstr (rescue_country_get_code (item), ==, "US");

  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    g_assert_cmpuint (rescue_countries_find (countries, absent[i]), ==, G_MAXUINT);
  g_assert_cmpuint (rescue_countries_find (countries, NULL), ==, G_MAXUINT);
}

static void
test_find_in_own_model (void)
{
  g_autoptr(GListStore) store = g_list_store_new (RESCUE_TYPE_COUNTRY);
  g_autoptr(RescueCountry) first = rescue_country_new ("FR", "France");
  g_autoptr(RescueCountry) second = rescue_country_new ("KE", "Kenya");

  g_assert_cmpuint (rescue_countries_find (G_LIST_MODEL (store), "FR"), ==, G_MAXUINT);
  g_list_store_append (store, first);
  g_list_store_append (store, second);
  g_assert_cmpuint (rescue_countries_find (G_LIST_MODEL (store), "FR"), ==, 0);
  g_assert_cmpuint (rescue_countries_find (G_LIST_MODEL (store), "KE"), ==, 1);
  g_assert_cmpuint (rescue_countries_find (G_LIST_MODEL (store), "DE"), ==, G_MAXUINT);
}

static void
test_properties (void)
{
  g_autoptr(RescueCountry) country = rescue_country_new ("KE", "Kenya");
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  GParamSpec *pspec;

  g_object_get (country, "code", &code, "name", &name, NULL);
  g_assert_cmpstr (code, ==, "KE");
  g_assert_cmpstr (name, ==, "Kenya");

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (country), "code");
  g_assert_nonnull (pspec);
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (country), "name");
  g_assert_nonnull (pspec);
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);
}

/* Runs in the child only, under LANGUAGE=de LC_ALL=C.UTF-8 */
static void
test_german_child (void)
{
  g_autoptr(GListModel) countries = load_installed ();

  g_assert_cmpuint (g_list_model_get_n_items (countries), >=, 249);
  g_assert_cmpstr (name_of (countries, "DE"), ==, "Deutschland");
  g_assert_cmpstr (name_of (countries, "US"), ==, "Vereinigte Staaten");
  g_assert_cmpstr (name_of (countries, "AT"), ==, "Österreich");
  /* The German for the common name, not for "Bolivia, Plurinational State of" */
  g_assert_cmpstr (name_of (countries, "BO"), ==, "Bolivien");
  assert_sorted_and_unique (countries);
}

static void
test_german (void)
{
  g_autofree char *self = g_test_build_filename (G_TEST_BUILT, "test-countries", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  if (!g_file_test (GERMAN_CATALOG, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The German iso-codes catalog " GERMAN_CATALOG " is not installed");
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "de", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, CHILD_ENV, "german", TRUE);

  child = g_subprocess_launcher_spawn (launcher, &error, self, "--tap", "-p", "/countries/german-child", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    g_error ("The German run failed:\n%s", output);
  /* A child that registered nothing would also exit with 0 */
  g_assert_nonnull (strstr (output, "ok 1 /countries/german-child"));
}

typedef struct
{
  char *dir;
} TempDir;

static void
temp_dir_set_up (TempDir       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-countries-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
temp_dir_tear_down (TempDir       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

static char *
write_file (TempDir    *fixture,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->dir, "iso_3166-1.json", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_missing_file (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) countries = rescue_countries_load (path, &error);

  g_assert_null (countries);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* The real file cut in half, as a broken package update might leave it */
static void
test_truncated_copy (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autofree char *installed = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) countries = NULL;
  gsize length;

  g_file_get_contents (ISO_CODES_PREFIX "/share/iso-codes/json/iso_3166-1.json", &installed, &length, &error);
  g_assert_no_error (error);
  path = write_file (fixture, installed, length / 2);

  countries = rescue_countries_load (path, &error);
  g_assert_null (countries);
  g_assert_nonnull (error);
  g_assert_true (error->domain == JSON_PARSER_ERROR);
}

static void
test_wrong_shapes (TempDir       *fixture,
                   gconstpointer  data)
{
  static const char * const shapes[] = {
    "",
    "  \n",
    "[]",
    "null",
    "{}",
    "{\"3166-1\": {}}",
    "{\"3166-1\": \"US\"}",
    "{\"3166-1\": [1]}",
    "{\"3166-1\": [[]]}",
    "{\"3166-1\": [{\"name\": \"Nowhere\"}]}",
    "{\"3166-1\": [{\"alpha_2\": \"XX\"}]}",
    "{\"3166-1\": [{\"alpha_2\": \"XX\", \"name\": \"\"}]}",
    "{\"3166-1\": [{\"alpha_2\": 12, \"name\": \"Nowhere\"}]}",
    "{\"3166-1\": [{\"alpha_2\": \"xx\", \"name\": \"Nowhere\"}]}",
    "{\"3166-1\": [{\"alpha_2\": \"XXX\", \"name\": \"Nowhere\"}]}",
    "{\"3166-1\": [{\"alpha_2\": \"XX\", \"name\": [\"Nowhere\"]}]}",
    "{\"3166-1\": [{\"alpha_2\": \"XX\", \"name\": \"Nowhere\", \"common_name\": 3}]}",
    "{\"3166-1\": [{\"alpha_2\": \"XX\", \"name\": \"Nowhere\", \"common_name\": null}]}",
    "{\"3166-1\": [{\"alpha_2\": \"XX\", \"name\": \"Nowhere\"}, {\"alpha_2\": \"YY\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *path = write_file (fixture, shapes[i], -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) countries = rescue_countries_load (path, &error);

      g_assert_null (countries);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      /* The message says which file, so a person can act on it */
      g_assert_nonnull (strstr (error->message, fixture->dir));
    }
}

static void
test_own_file (TempDir       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = write_file (fixture,
    "{\"3166-1\": ["
    "  {\"alpha_2\": \"XB\", \"name\": \"Beta\", \"alpha_3\": \"XBB\", \"numeric\": \"901\"},"
    "  {\"alpha_2\": \"XA\", \"name\": \"Zulu, Republic of\", \"common_name\": \"Alpha\"},"
    "  {\"alpha_2\": \"XC\", \"name\": \"Charlie\", \"common_name\": \"\"},"
    "  {\"alpha_2\": \"XD\", \"name\": \"Beta\"}"
    "]}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) countries = rescue_countries_load (path, &error);
  const char *expected_codes[] = { "XA", "XB", "XD", "XC" };
  const char *expected_names[] = { "Alpha", "Beta", "Beta", "Charlie" };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, G_N_ELEMENTS (expected_codes));
  for (guint i = 0; i < G_N_ELEMENTS (expected_codes); i++)
    {
      g_autoptr(RescueCountry) country = g_list_model_get_item (countries, i);

      g_assert_cmpstr (rescue_country_get_code (country), ==, expected_codes[i]);
      g_assert_cmpstr (rescue_country_get_name (country), ==, expected_names[i]);
    }
}

/* The default country comes from the region settings, never from the
 * list of languages a person reads */
static void
test_default_code (void)
{
  static const struct {
    const char *environment[6];
    const char *expected;
  } cases[] = {
    /* someone in Britain who reads English */
    { { "LANGUAGE=en", "LANG=en_GB.UTF-8" }, "GB" },
    /* LANGUAGE alone says nothing about where one lives */
    { { "LANGUAGE=de_AT:de" }, "US" },
    { { NULL }, "US" },
    { { "LC_TELEPHONE=de_DE.UTF-8", "LC_ADDRESS=fr_FR.UTF-8", "LC_ALL=es_ES.UTF-8", "LANG=en_US.UTF-8" }, "DE" },
    { { "LC_ADDRESS=fr_CA.UTF-8", "LC_ALL=es_MX.UTF-8", "LC_MESSAGES=pt_BR.UTF-8", "LANG=en_US.UTF-8" }, "CA" },
    { { "LC_ALL=es_MX.UTF-8", "LC_MESSAGES=pt_BR.UTF-8", "LANG=en_US.UTF-8" }, "MX" },
    { { "LC_MESSAGES=pt_BR.UTF-8", "LANG=en_US.UTF-8" }, "BR" },
    { { "LANG=hi_IN" }, "IN" },
    /* the markets of issue #22, as their desktops set LANG */
    { { "LANG=ja_JP.UTF-8" }, "JP" },
    { { "LANG=id_ID.UTF-8" }, "ID" },
    { { "LANG=tr_TR.UTF-8" }, "TR" },
    { { "LANG=ar_SA.UTF-8" }, "SA" },
    { { "LANG=ar_EG.UTF-8" }, "EG" },
    { { "LANGUAGE=ar", "LANG=ar_AE.UTF-8" }, "AE" },
    /* a setting without a territory is passed over */
    { { "LC_TELEPHONE=C", "LC_ALL=C.UTF-8", "LANG=sv_SE.UTF-8" }, "SE" },
    { { "LC_ALL=POSIX", "LC_MESSAGES=de", "LANG=en" }, "US" },
    { { "LC_TELEPHONE=", "LANG=en_KE.UTF-8" }, "KE" },
    /* modifiers and lower case */
    { { "LANG=sr_RS@latin" }, "RS" },
    { { "LANG=en_gb.utf8" }, "GB" },
    /* not locale names */
    { { "LC_TELEPHONE=en_GBR.UTF-8", "LC_ADDRESS=_", "LC_ALL=x_1Y", "LANG=en_NG.UTF-8" }, "NG" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = rescue_countries_default_code (cases[i].environment);

      g_test_message ("case %u", i);
      g_assert_cmpstr (code, ==, cases[i].expected);
    }
}

/* The flow starts with that country, read from this process's own
 * environment */
static void
test_default_code_environment (void)
{
  g_autofree char *code = NULL;
  g_autoptr(RescueFlow) flow = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LANG", "en_GB.UTF-8", TRUE);
  g_unsetenv ("LC_TELEPHONE");
  g_unsetenv ("LC_ADDRESS");
  g_unsetenv ("LC_MESSAGES");
  /* the tests run with LC_ALL=C.UTF-8, which names no territory */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  code = rescue_countries_default_code (NULL);
  g_assert_cmpstr (code, ==, "GB");

  flow = rescue_flow_new ();
  g_assert_cmpstr (rescue_flow_get_country (flow), ==, "GB");

  g_setenv ("LC_TELEPHONE", "en_IE.UTF-8", TRUE);
  g_clear_object (&flow);
  flow = rescue_flow_new ();
  g_assert_cmpstr (rescue_flow_get_country (flow), ==, "IE");
  g_unsetenv ("LC_TELEPHONE");
}

/* The compact list the flow checks restored progress against agrees with
 * the installed iso-codes, both ways */
static void
test_known_codes (void)
{
  g_autoptr(GListModel) countries = load_installed ();
  guint n = g_list_model_get_n_items (countries);
  guint n_known = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RescueCountry) country = g_list_model_get_item (countries, i);

      g_assert_true (rescue_countries_is_known_code (rescue_country_get_code (country)));
    }

  for (char a = 'A'; a <= 'Z'; a++)
    for (char b = 'A'; b <= 'Z'; b++)
      {
        char code[3] = { a, b, '\0' };

        if (rescue_countries_is_known_code (code))
          {
            g_assert_cmpuint (rescue_countries_find (countries, code), !=, G_MAXUINT);
            n_known++;
          }
      }
  g_assert_cmpuint (n_known, ==, n);

  g_assert_false (rescue_countries_is_known_code ("ZZ"));
  g_assert_false (rescue_countries_is_known_code ("UK"));
  g_assert_false (rescue_countries_is_known_code ("us"));
  g_assert_false (rescue_countries_is_known_code ("USA"));
  g_assert_false (rescue_countries_is_known_code (""));
  g_assert_false (rescue_countries_is_known_code (NULL));
  g_assert_true (rescue_countries_is_known_code ("AD"));
  g_assert_true (rescue_countries_is_known_code ("ZW"));

  /* a made-up territory in the locale is passed over, not saved */
  {
    const char *environment[] = { "LC_TELEPHONE=xx_ZZ.UTF-8", "LANG=de_AT.UTF-8", NULL };
    g_autofree char *code = rescue_countries_default_code (environment);

    g_assert_cmpstr (code, ==, "AT");
  }
}

int
main (int   argc,
      char *argv[])
{
  gboolean child = g_strcmp0 (g_getenv (CHILD_ENV), "german") == 0;

  /* The English expectations must not depend on the caller's language */
  if (!child)
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (child)
    {
      g_test_add_func ("/countries/german-child", test_german_child);
      return g_test_run ();
    }

  g_test_add_func ("/countries/installed", test_installed_file);
  g_test_add_func ("/countries/english-names", test_english_names);
  g_test_add_func ("/countries/find", test_find);
  g_test_add_func ("/countries/known-codes", test_known_codes);
  g_test_add_func ("/countries/find-in-own-model", test_find_in_own_model);
  g_test_add_func ("/countries/properties", test_properties);
  g_test_add_func ("/countries/german", test_german);
  g_test_add_func ("/countries/default/region-rules", test_default_code);
  g_test_add_func ("/countries/default/environment", test_default_code_environment);
  g_test_add ("/countries/errors/missing-file", TempDir, NULL,
              temp_dir_set_up, test_missing_file, temp_dir_tear_down);
  g_test_add ("/countries/errors/truncated-copy", TempDir, NULL,
              temp_dir_set_up, test_truncated_copy, temp_dir_tear_down);
  g_test_add ("/countries/errors/wrong-shapes", TempDir, NULL,
              temp_dir_set_up, test_wrong_shapes, temp_dir_tear_down);
  g_test_add ("/countries/own-file", TempDir, NULL,
              temp_dir_set_up, test_own_file, temp_dir_tear_down);

  return g_test_run ();
}
