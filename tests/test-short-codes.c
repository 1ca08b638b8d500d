/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "rescue-short-codes.h"

#define SENDER_GB "{\"number\": \"86444\", \"kind\": \"short-code\", \"carriers\": [\"O2\"], " \
                  "\"confidence\": \"carrier\", \"source\": \"https://example.org/o2\", \"historic\": false}"

static GBytes *
read_data_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "short-codes.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static RescueShortCodes *
load_data_file (void)
{
  g_autoptr(GBytes) bytes = read_data_file ();
  g_autoptr(GError) error = NULL;
  RescueShortCodes *codes;

  codes = rescue_short_codes_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (RESCUE_IS_SHORT_CODES (codes));

  return codes;
}

static RescueShortCodes *
load_string (const char  *json,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return rescue_short_codes_new_from_bytes (bytes, error);
}

/* A file holding one country with the given senders (a JSON array body) */
static char *
file_with_senders (const char *country,
                   const char *senders)
{
  return g_strdup_printf ("{\"version\": 1, \"countries\": {\"%s\": [%s]}}", country, senders);
}

/* SENDER_GB with one member replaced (value NULL removes it) */
static char *
sender_with (const char *member,
             const char *value)
{
  g_autoptr(JsonNode) node = json_from_string (SENDER_GB, NULL);
  JsonObject *object = json_node_get_object (node);

  g_assert_nonnull (node);
  json_object_remove_member (object, member);
  if (value != NULL)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *replacement = json_from_string (value, &error);

      g_assert_no_error (error);
      json_object_set_member (object, member, replacement);
    }

  return json_to_string (node, FALSE);
}

static const char *
expect_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

/* Reads the data file a second, independent way and checks that every
 * entry in it came through the loader unchanged and in order */
static void
test_real_file_every_entry (void)
{
  static const char * const kinds[] = { "short-code", "long-code" };
  static const char * const confidences[] = { "official", "carrier", "press", "third-party" };
  g_autoptr(RescueShortCodes) codes = load_data_file ();
  g_autoptr(GBytes) bytes = read_data_file ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *countries;
  guint n_with_numbers = 0;
  guint n_entries = 0;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  countries = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "countries");
  names = json_object_get_members (countries);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonArray *entries = json_object_get_array_member (countries, l->data);
      g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (codes, l->data);

      g_assert_cmpuint (senders->len, ==, json_array_get_length (entries));
      if (senders->len > 0)
        n_with_numbers++;

      for (guint i = 0; i < senders->len; i++)
        {
          RescueSender *sender = g_ptr_array_index (senders, i);
          JsonObject *entry = json_array_get_object_element (entries, i);
          JsonArray *carriers = json_object_get_array_member (entry, "carriers");

          g_assert_cmpstr (sender->number, ==, expect_string (entry, "number"));
          g_assert_cmpstr (kinds[sender->kind], ==, expect_string (entry, "kind"));
          g_assert_cmpstr (confidences[sender->confidence], ==, expect_string (entry, "confidence"));
          g_assert_cmpstr (sender->source, ==, expect_string (entry, "source"));
          g_assert_true (g_str_has_prefix (sender->source, "http"));
          g_assert_cmpint (sender->historic, ==, json_object_get_boolean_member (entry, "historic"));
          g_assert_nonnull (sender->carriers);
          g_assert_cmpuint (g_strv_length (sender->carriers), ==, json_array_get_length (carriers));
          for (guint j = 0; j < json_array_get_length (carriers); j++)
            g_assert_cmpstr (sender->carriers[j], ==, json_array_get_string_element (carriers, j));
          n_entries++;
        }
    }

  g_assert_cmpuint (rescue_short_codes_get_n_countries (codes), ==, n_with_numbers);
  /* Every country the reference lists */
  g_assert_cmpuint (n_with_numbers, >=, 9);
  g_assert_cmpuint (n_entries, >=, 13);
}

static void
assert_has_number (RescueShortCodes *codes,
                   const char       *country,
                   const char       *number)
{
  g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (codes, country);

  for (guint i = 0; i < senders->len; i++)
    if (g_str_equal (((RescueSender *) g_ptr_array_index (senders, i))->number, number))
      return;

  g_error ("%s has no sender %s", country, number);
}

static void
test_real_file_reference_countries (void)
{
  g_autoptr(RescueShortCodes) codes = load_data_file ();

  assert_has_number (codes, "US", "40404");
  assert_has_number (codes, "CA", "21212");
  assert_has_number (codes, "GB", "86444");
  assert_has_number (codes, "DE", "+49 17 6888 50505");
  assert_has_number (codes, "SE", "+46 737 494222");
  assert_has_number (codes, "IN", "53000");
  assert_has_number (codes, "KE", "40404");
  assert_has_number (codes, "NG", "40404");
  assert_has_number (codes, "NG", "20644");
  assert_has_number (codes, "MG", "40404");
  assert_has_number (codes, "FJ", "40404");
  assert_has_number (codes, "MY", "28933");
}

static void
test_real_file_us (void)
{
  g_autoptr(RescueShortCodes) codes = load_data_file ();
  g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (codes, "US");
  RescueSender *first;

  g_assert_cmpuint (senders->len, >=, 1);
  first = g_ptr_array_index (senders, 0);
  g_assert_cmpstr (first->number, ==, "40404");
  g_assert_cmpint (first->kind, ==, RESCUE_SENDER_SHORT_CODE);
  g_assert_cmpint (first->confidence, ==, RESCUE_CONFIDENCE_OFFICIAL);
  /* All carriers */
  g_assert_cmpuint (g_strv_length (first->carriers), ==, 0);
}

static void
test_real_file_gb (void)
{
  g_autoptr(RescueShortCodes) codes = load_data_file ();
  g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (codes, "GB");
  RescueSender *sender;

  /* +44 7624 800379 is a number people send to (X's SMS fees page), not
   * one X's codes come from */
  g_assert_cmpuint (senders->len, ==, 1);

  sender = g_ptr_array_index (senders, 0);
  g_assert_cmpstr (sender->number, ==, "86444");
  g_assert_cmpint (sender->kind, ==, RESCUE_SENDER_SHORT_CODE);
  g_assert_true (g_strv_contains ((const char * const *) sender->carriers, "Vodafone"));
  g_assert_true (g_strv_contains ((const char * const *) sender->carriers, "O2"));
}

static RescueSender *
find_sender (GPtrArray  *senders,
             const char *number)
{
  for (guint i = 0; i < senders->len; i++)
    if (g_str_equal (((RescueSender *) g_ptr_array_index (senders, i))->number, number))
      return g_ptr_array_index (senders, i);

  g_error ("no sender %s", number);
}

static void
test_real_file_historic (void)
{
  g_autoptr(RescueShortCodes) codes = load_data_file ();
  g_autoptr(GPtrArray) kenya = rescue_short_codes_lookup (codes, "KE");
  g_autoptr(GPtrArray) india = rescue_short_codes_lookup (codes, "IN");
  static const char * const long_numbers[][2] = {
    { "DE", "+49 17 6888 50505" },
    { "SE", "+46 737 494222" },
  };
  RescueSender *sender;

  /* Safaricom ended its Twitter service in 2018 */
  sender = find_sender (kenya, "8988");
  g_assert_true (sender->historic);
  g_assert_cmpuint (sender->ended, ==, 2018);
  /* Airtel's 40404 is not known to have ended */
  g_assert_cmpuint (find_sender (kenya, "40404")->ended, ==, 0);

  sender = find_sender (india, "5566511");
  g_assert_true (sender->historic);
  g_assert_cmpuint (sender->year, ==, 2009);

  /* The 2009 long numbers, marked as historic */
  for (guint i = 0; i < G_N_ELEMENTS (long_numbers); i++)
    {
      g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (codes, long_numbers[i][0]);

      g_assert_cmpuint (senders->len, ==, 1);
      sender = g_ptr_array_index (senders, 0);
      g_assert_cmpstr (sender->number, ==, long_numbers[i][1]);
      g_assert_cmpint (sender->kind, ==, RESCUE_SENDER_LONG_CODE);
      g_assert_cmpint (sender->confidence, ==, RESCUE_CONFIDENCE_THIRD_PARTY);
      g_assert_true (sender->historic);
      g_assert_cmpuint (sender->year, ==, 2009);
    }
}

/* Nothing in the table is a number people only send to */
static void
test_real_file_no_send_only_numbers (void)
{
  g_autoptr(RescueShortCodes) codes = load_data_file ();
  static const char * const countries[] = { "GB", "US", "DE", "SE", "IN", "KE" };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (codes, countries[i]);

      for (guint j = 0; j < senders->len; j++)
        {
          const char *number = ((RescueSender *) g_ptr_array_index (senders, j))->number;

          g_assert_cmpstr (number, !=, "+44 7624 800379");
          g_assert_cmpstr (number, !=, "+44 7624 801423");
        }
    }
}

/* The sender box says how a number is known and how old that is */
static void
test_describe (void)
{
  static const struct {
    RescueConfidence  confidence;
    guint             year;
    guint             ended;
    const char       *expected;
  } cases[] = {
    { RESCUE_CONFIDENCE_OFFICIAL, 2017, 0, "From X’s own help pages, 2017" },
    { RESCUE_CONFIDENCE_OFFICIAL, 0, 0, "From X’s own help pages" },
    { RESCUE_CONFIDENCE_CARRIER, 2009, 0, "From a mobile carrier’s own pages, 2009" },
    { RESCUE_CONFIDENCE_CARRIER, 0, 0, "From a mobile carrier’s own pages" },
    { RESCUE_CONFIDENCE_PRESS, 2019, 0, "From the press, 2019" },
    { RESCUE_CONFIDENCE_PRESS, 0, 0, "From the press" },
    { RESCUE_CONFIDENCE_THIRD_PARTY, 2011, 0, "From a third-party website, 2011" },
    { RESCUE_CONFIDENCE_THIRD_PARTY, 0, 0, "From a third-party website" },
    { RESCUE_CONFIDENCE_PRESS, 2018, 2018, "Ended in 2018. From the press, 2018" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RescueSender sender = {
        .number = (char *) "40404",
        .confidence = cases[i].confidence,
        .source = (char *) "https://example.org/",
        .historic = TRUE,
        .year = cases[i].year,
        .ended = cases[i].ended,
      };
      g_autofree char *text = rescue_sender_describe (&sender);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* What the shipped table makes the box say for a few countries */
static void
test_describe_real_file (void)
{
  g_autoptr(RescueShortCodes) codes = load_data_file ();
  g_autoptr(GPtrArray) us = rescue_short_codes_lookup (codes, "US");
  g_autoptr(GPtrArray) gb = rescue_short_codes_lookup (codes, "GB");
  g_autoptr(GPtrArray) ke = rescue_short_codes_lookup (codes, "KE");
  g_autoptr(GPtrArray) my = rescue_short_codes_lookup (codes, "MY");
  g_autofree char *us_text = rescue_sender_describe (find_sender (us, "40404"));
  g_autofree char *gb_text = rescue_sender_describe (find_sender (gb, "86444"));
  g_autofree char *ke_text = rescue_sender_describe (find_sender (ke, "8988"));
  g_autofree char *my_text = rescue_sender_describe (find_sender (my, "28933"));

  g_assert_cmpstr (us_text, ==, "From X’s own help pages, 2017");
  g_assert_cmpstr (gb_text, ==, "From a mobile carrier’s own pages, 2009");
  g_assert_cmpstr (ke_text, ==, "Ended in 2018. From the press, 2018");
  g_assert_cmpstr (my_text, ==, "From the press, 2019");
}

static void
test_unlisted (void)
{
  g_autoptr(RescueShortCodes) codes = load_data_file ();
  const char *countries[] = { "FR", "", "us", "Us", "USA", "U", "ZZ" };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (codes, countries[i]);

      g_assert_nonnull (senders);
      g_assert_cmpuint (senders->len, ==, 0);
    }

  {
    g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (codes, NULL);

    g_assert_nonnull (senders);
    g_assert_cmpuint (senders->len, ==, 0);
  }
}

/* The array is the caller's; the senders stay the object's */
static void
test_lookup_transfer (void)
{
  g_autoptr(RescueShortCodes) codes = load_data_file ();
  GPtrArray *first = rescue_short_codes_lookup (codes, "IN");
  g_autoptr(GPtrArray) second = NULL;

  g_ptr_array_remove_index (first, 0);
  g_ptr_array_unref (first);

  second = rescue_short_codes_lookup (codes, "IN");
  g_assert_cmpuint (second->len, ==, 2);
  g_assert_cmpstr (((RescueSender *) g_ptr_array_index (second, 0))->number, ==, "53000");
}

static void
test_order_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = file_with_senders ("XK",
    "{\"number\": \"300\", \"kind\": \"short-code\", \"carriers\": [], \"confidence\": \"press\", \"source\": \"https://example.org/3\", \"historic\": true},"
    "{\"number\": \"100\", \"kind\": \"short-code\", \"carriers\": [], \"confidence\": \"official\", \"source\": \"https://example.org/1\", \"historic\": false, \"note\": \"first\"},"
    "{\"number\": \"+1 200\", \"kind\": \"long-code\", \"carriers\": [\"A\", \"B\"], \"confidence\": \"third-party\", \"source\": \"http://example.org/2\", \"historic\": false}");
  g_autoptr(RescueShortCodes) codes = load_string (json, &error);
  g_autoptr(GPtrArray) senders = NULL;
  RescueSender *sender;

  g_assert_no_error (error);
  senders = rescue_short_codes_lookup (codes, "XK");
  g_assert_cmpuint (senders->len, ==, 3);
  g_assert_cmpstr (((RescueSender *) g_ptr_array_index (senders, 0))->number, ==, "300");
  g_assert_cmpstr (((RescueSender *) g_ptr_array_index (senders, 1))->number, ==, "100");

  sender = g_ptr_array_index (senders, 2);
  g_assert_cmpstr (sender->number, ==, "+1 200");
  g_assert_cmpint (sender->kind, ==, RESCUE_SENDER_LONG_CODE);
  g_assert_cmpint (sender->confidence, ==, RESCUE_CONFIDENCE_THIRD_PARTY);
  g_assert_cmpstr (sender->carriers[0], ==, "A");
  g_assert_cmpstr (sender->carriers[1], ==, "B");
  g_assert_null (sender->carriers[2]);
  g_assert_false (sender->historic);
  g_assert_cmpuint (rescue_short_codes_get_n_countries (codes), ==, 1);
}

/* An empty list means "no known number", the same answer as an unlisted country */
static void
test_empty_country_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RescueShortCodes) codes =
    load_string ("{\"version\": 1, \"countries\": {\"FR\": [], \"GB\": [" SENDER_GB "]}}", &error);
  g_autoptr(GPtrArray) france = NULL;
  g_autoptr(GPtrArray) britain = NULL;

  g_assert_no_error (error);
  france = rescue_short_codes_lookup (codes, "FR");
  britain = rescue_short_codes_lookup (codes, "GB");
  g_assert_nonnull (france);
  g_assert_cmpuint (france->len, ==, 0);
  g_assert_cmpuint (britain->len, ==, 1);
  g_assert_cmpuint (rescue_short_codes_get_n_countries (codes), ==, 1);
}

static void
test_no_countries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RescueShortCodes) codes = load_string ("{\"version\": 1, \"countries\": {}}", &error);
  g_autoptr(GPtrArray) senders = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (rescue_short_codes_get_n_countries (codes), ==, 0);
  senders = rescue_short_codes_lookup (codes, "US");
  g_assert_cmpuint (senders->len, ==, 0);
}

static void
assert_invalid (const char *json,
                const char *expected_in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RescueShortCodes) codes = NULL;

  codes = load_string (json, &error);
  g_assert_null (codes);
  g_assert_error (error, RESCUE_SHORT_CODES_ERROR, RESCUE_SHORT_CODES_ERROR_INVALID);
  if (strstr (error->message, expected_in_message) == NULL)
    g_error ("For %s: “%s” does not mention “%s”", json, error->message, expected_in_message);
}

/* json-glib recurses once per level: 200 000 levels would exhaust the
 * stack if the loader let it parse them */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new ("{\"version\": 1, \"countries\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RescueShortCodes) codes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  bytes = g_bytes_new (json->str, json->len);
  codes = rescue_short_codes_new_from_bytes (bytes, &error);
  g_assert_null (codes);
  g_assert_error (error, RESCUE_SHORT_CODES_ERROR, RESCUE_SHORT_CODES_ERROR_INVALID);
}

/* json-glib decodes a lone surrogate escape into bytes that are not UTF-8:
 * such a name must be refused, not shown (found by fuzz-short-codes) */
static void
test_lone_surrogate (void)
{
  static const char *files[] = {
    "{\"version\": 1, \"countries\": {\"GB\": [{\"number\": \"86444\", \"kind\": \"short-code\","
    " \"carriers\": [\"O\\ud8002\"], \"confidence\": \"carrier\", \"source\": \"https://example.org/\","
    " \"historic\": false}]}}",
    "{\"version\": 1, \"countries\": {\"GB\": [{\"number\": \"86444\", \"kind\": \"short-code\","
    " \"carriers\": [], \"confidence\": \"carrier\", \"source\": \"https://example.org/\\udc00x\","
    " \"historic\": false}]}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (files[i], strlen (files[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(RescueShortCodes) codes = rescue_short_codes_new_from_bytes (bytes, &error);

      g_assert_null (codes);
      g_assert_error (error, RESCUE_SHORT_CODES_ERROR, RESCUE_SHORT_CODES_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_invalid_files (void)
{
  static const struct {
    const char *json;
    const char *mentions;
  } cases[] = {
    { "", "object" },
    { "   \n\t ", "object" },
    { "not json", "object" },
    { "{\"version\": 1, \"countries\": {}", "exactly one" },
    { "{\"version\": 1, \"countries\": {},}", "Parse error" },
    { "[]", "object" },
    { "null", "object" },
    { "40404", "object" },
    { "\"40404\"", "object" },
    { "{\"version\": 1, \"countries\": {}} {\"version\": 1, \"countries\": {}}", "exactly one" },
    { "{\"version\": 1, \"countries\": {}}[1]", "exactly one" },
    { "{\"version\": 1, \"countries\": {}} 2", "exactly one" },
    { "{\"countries\": {}}", "version" },
    { "{\"version\": 2, \"countries\": {}}", "version 2" },
    { "{\"version\": 0, \"countries\": {}}", "version 0" },
    { "{\"version\": \"1\", \"countries\": {}}", "version" },
    { "{\"version\": 1.0, \"countries\": {}}", "version" },
    { "{\"version\": null, \"countries\": {}}", "version" },
    { "{\"version\": 1}", "countries" },
    { "{\"version\": 1, \"countries\": []}", "countries" },
    { "{\"version\": 1, \"countries\": {}, \"extra\": 1}", "extra" },
    { "{\"version\": 1, \"countries\": {\"us\": []}}", "“us”" },
    { "{\"version\": 1, \"countries\": {\"USA\": []}}", "“USA”" },
    { "{\"version\": 1, \"countries\": {\"U1\": []}}", "“U1”" },
    { "{\"version\": 1, \"countries\": {\"\": []}}", "“”" },
    { "{\"version\": 1, \"countries\": {\"ÜS\": []}}", "“ÜS”" },
    { "{\"version\": 1, \"countries\": {\"GB\": {}}}", "not a list" },
    { "{\"version\": 1, \"countries\": {\"GB\": null}}", "not a list" },
    { "{\"version\": 1, \"countries\": {\"GB\": [\"86444\"]}}", "not an object" },
    { "{\"version\": 1, \"countries\": {\"GB\": [[]]}}", "not an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_invalid (cases[i].json, cases[i].mentions);
}

static void
test_invalid_senders (void)
{
  static const struct {
    const char *member;
    const char *value;   /* NULL: left out */
    const char *mentions;
  } cases[] = {
    { "number", NULL, "“number”" },
    { "number", "86444", "“number”" },
    { "number", "null", "“number”" },
    { "number", "\"\"", "“number”" },
    { "number", "\"4O4O4\"", "“number”" },
    { "number", "\"+44 86444\"", "“number”" },   /* a short code has no country prefix */
    { "number", "[\"86444\"]", "“number”" },
    { "kind", NULL, "“kind”" },
    { "kind", "1", "“kind”" },
    { "kind", "\"shortcode\"", "“kind”" },
    { "kind", "{}", "“kind”" },
    { "carriers", NULL, "“carriers”" },
    { "carriers", "\"O2\"", "“carriers”" },
    { "carriers", "{}", "“carriers”" },
    { "carriers", "[1]", "carrier" },
    { "carriers", "[\"\"]", "carrier" },
    { "carriers", "[[\"O2\"]]", "carrier" },
    { "confidence", NULL, "“confidence”" },
    { "confidence", "\"rumour\"", "“confidence”" },
    { "confidence", "\"Official\"", "“confidence”" },
    { "confidence", "0", "“confidence”" },
    { "source", NULL, "“source”" },
    { "source", "\"\"", "“source”" },
    { "source", "\"example.org\"", "“source”" },
    { "source", "42", "“source”" },
    { "historic", NULL, "“historic”" },
    { "historic", "\"yes\"", "“historic”" },
    { "historic", "1", "“historic”" },
    { "historic", "null", "“historic”" },
    { "year", "\"2009\"", "“year”" },
    { "year", "1999", "“year”" },
    { "year", "2009.5", "“year”" },
    { "ended", "true", "“ended”" },
    { "ended", "3000", "“ended”" },
    { "note", "3", "“note”" },
    { "note", "[\"a\"]", "“note”" },
    { "carrier", "[\"O2\"]", "“carrier”" },   /* a typo of "carriers" */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sender = sender_with (cases[i].member, cases[i].value);
      g_autofree char *json = file_with_senders ("GB", sender);

      assert_invalid (json, cases[i].mentions);
      /* Every message names the country and the entry */
      assert_invalid (json, "GB");
    }
}

static void
test_invalid_long_codes (void)
{
  static const char * const numbers[] = {
    "\"447624800379\"", "\"+\"", "\"+44  7624\"", "\"+44 7624 \"", "\"+44-7624\"", "\"+ 44\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *long_code = sender_with ("kind", "\"long-code\"");
      g_autoptr(JsonNode) node = json_from_string (long_code, NULL);
      g_autofree char *sender = NULL;
      g_autofree char *json = NULL;

      json_object_set_member (json_node_get_object (node), "number", json_from_string (numbers[i], NULL));
      sender = json_to_string (node, FALSE);
      json = file_with_senders ("GB", sender);
      assert_invalid (json, "“number”");
    }
}

static void
test_duplicate_number (void)
{
  g_autofree char *json = file_with_senders ("GB", SENDER_GB ", " SENDER_GB);

  assert_invalid (json, "86444 is listed twice for GB");
}

/* The second sender is broken: nothing of the first may leak or survive */
static void
test_error_after_valid_entries (void)
{
  g_autofree char *broken = sender_with ("kind", "\"pager\"");
  g_autofree char *senders = g_strconcat (SENDER_GB ", ", broken, NULL);
  g_autofree char *json = g_strdup_printf ("{\"version\": 1, \"countries\": {\"US\": [], \"GB\": [%s]}}", senders);

  assert_invalid (json, "number 2 for GB");
}

static void
test_missing_resource (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RescueShortCodes) codes = NULL;

  codes = rescue_short_codes_new_from_resource ("/io/github/coderescue/CodeRescue/no-such-file.json", &error);
  g_assert_null (codes);
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

static void
test_sender_copy (void)
{
  g_autoptr(RescueShortCodes) codes = load_data_file ();
  g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (codes, "GB");
  RescueSender *original = g_ptr_array_index (senders, 0);
  g_autoptr(RescueSender) copy = rescue_sender_copy (original);
  RescueSender *boxed;

  g_assert_true (copy != original);
  g_assert_cmpstr (copy->number, ==, original->number);
  g_assert_true (copy->number != original->number);
  g_assert_cmpint (copy->kind, ==, original->kind);
  g_assert_cmpint (copy->confidence, ==, original->confidence);
  g_assert_cmpint (copy->historic, ==, original->historic);
  g_assert_cmpuint (copy->year, ==, original->year);
  g_assert_cmpuint (copy->year, ==, 2009);
  g_assert_cmpuint (copy->ended, ==, original->ended);
  g_assert_cmpstr (copy->source, ==, original->source);
  g_assert_true (copy->carriers != original->carriers);
  g_assert_true (g_strv_equal ((const char * const *) copy->carriers,
                               (const char * const *) original->carriers));

  /* The copy outlives its source */
  g_clear_pointer (&senders, g_ptr_array_unref);
  g_clear_object (&codes);
  g_assert_cmpstr (copy->number, ==, "86444");

  g_assert_true (G_TYPE_IS_BOXED (RESCUE_TYPE_SENDER));
  boxed = g_boxed_copy (RESCUE_TYPE_SENDER, copy);
  g_assert_cmpstr (boxed->number, ==, "86444");
  g_assert_cmpstr (boxed->carriers[0], ==, "Vodafone");
  g_boxed_free (RESCUE_TYPE_SENDER, boxed);

  rescue_sender_free (NULL);
}

static void
test_sender_copy_empty_carriers (void)
{
  RescueSender sender = {
    .number = (char *) "40404",
    .kind = RESCUE_SENDER_SHORT_CODE,
    .carriers = (char *[]) { NULL },
    .confidence = RESCUE_CONFIDENCE_OFFICIAL,
    .source = (char *) "https://example.org/",
    .historic = TRUE,
  };
  g_autoptr(RescueSender) copy = rescue_sender_copy (&sender);

  g_assert_nonnull (copy->carriers);
  g_assert_null (copy->carriers[0]);
  g_assert_true (copy->historic);
}

/* Issue #18: countries with no fixed sender */
static void
test_real_file_advice (void)
{
  g_autoptr(RescueShortCodes) codes = load_data_file ();
  static const struct { const char *country; RescueSenderAdvice advice; guint n_numbers; } cases[] = {
    { "US", RESCUE_SENDER_ADVICE_FIXED_NUMBER, 1 },
    { "GB", RESCUE_SENDER_ADVICE_FIXED_NUMBER, 1 },
    { "ID", RESCUE_SENDER_ADVICE_FIXED_NUMBER, 1 },
    { "JP", RESCUE_SENDER_ADVICE_CHANGING_NUMBERS, 0 },
    { "PH", RESCUE_SENDER_ADVICE_SENDER_NAME, 0 },
    { "TR", RESCUE_SENDER_ADVICE_SENDER_NAME, 0 },
    { "IN", RESCUE_SENDER_ADVICE_SENDER_NAME, 2 },
    { "FR", RESCUE_SENDER_ADVICE_UNKNOWN, 0 },
    { "ZZ", RESCUE_SENDER_ADVICE_UNKNOWN, 0 },
  };
  g_autoptr(GHashTable) sentences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (codes, cases[i].country);
      const char *source = rescue_short_codes_get_advice_source (codes, cases[i].country);
      g_autofree char *sentence = NULL;

      g_assert_cmpint (rescue_short_codes_get_advice (codes, cases[i].country), ==, cases[i].advice);
      g_assert_cmpuint (senders->len, ==, cases[i].n_numbers);

      /* a kind the file states rests on a source of its own */
      if (cases[i].advice == RESCUE_SENDER_ADVICE_CHANGING_NUMBERS ||
          cases[i].advice == RESCUE_SENDER_ADVICE_SENDER_NAME)
        g_assert_true (g_str_has_prefix (source, "https://"));
      else
        g_assert_null (source);

      sentence = rescue_sender_advice_describe (cases[i].advice, cases[i].country);
      g_assert_cmpuint (strlen (sentence), >, 20);
      g_hash_table_add (sentences, g_steal_pointer (&sentence));
    }

  /* Indonesia: the one historic find, 2013 */
  {
    g_autoptr(GPtrArray) indonesia = rescue_short_codes_lookup (codes, "ID");
    RescueSender *sender = g_ptr_array_index (indonesia, 0);

    g_assert_cmpstr (sender->number, ==, "89887");
    g_assert_true (sender->historic);
    g_assert_cmpuint (sender->year, ==, 2013);
    g_assert_cmpint (sender->confidence, ==, RESCUE_CONFIDENCE_PRESS);
  }

  /* each kind reads differently, and Japan says more than its kind */
  {
    g_autofree char *jp = rescue_sender_advice_describe (RESCUE_SENDER_ADVICE_CHANGING_NUMBERS, "JP");
    g_autofree char *other = rescue_sender_advice_describe (RESCUE_SENDER_ADVICE_CHANGING_NUMBERS, "KR");

    g_assert_nonnull (strstr (jp, "海外SMS"));
    g_assert_nonnull (strstr (jp, "My SoftBank › 迷惑メール対策 › 海外SMS"));
    g_assert_null (strstr (other, "SoftBank"));
    g_assert_true (g_str_has_prefix (jp, other));
  }
  /* one sentence per kind: US, GB and ID say the same, so do FR and ZZ,
   * and PH, TR and IN */
  g_assert_cmpuint (g_hash_table_size (sentences), ==, 4);
}

static void
test_invalid_advice (void)
{
  static const struct {
    const char *advice;   /* the "advice" member's value */
    const char *mentions;
  } cases[] = {
    { "[]", "“advice”" },
    { "{\"JP\": []}", "JP" },
    { "{\"jp\": {\"kind\": \"changing-numbers\", \"confidence\": \"press\", \"source\": \"https://a.example/\"}}", "“jp”" },
    { "{\"JP\": {\"kind\": \"changing\", \"confidence\": \"press\", \"source\": \"https://a.example/\"}}", "“kind”" },
    { "{\"JP\": {\"kind\": \"unknown\", \"confidence\": \"press\", \"source\": \"https://a.example/\"}}", "“kind”" },
    { "{\"JP\": {\"confidence\": \"press\", \"source\": \"https://a.example/\"}}", "“kind”" },
    { "{\"JP\": {\"kind\": 2, \"confidence\": \"press\", \"source\": \"https://a.example/\"}}", "“kind”" },
    /* a fixed number needs a number */
    { "{\"JP\": {\"kind\": \"fixed-number\", \"confidence\": \"press\", \"source\": \"https://a.example/\"}}", "no number" },
    { "{\"JP\": {\"kind\": \"sender-name\", \"source\": \"https://a.example/\"}}", "“confidence”" },
    { "{\"JP\": {\"kind\": \"sender-name\", \"confidence\": \"rumour\", \"source\": \"https://a.example/\"}}", "“confidence”" },
    /* what has no source is left out */
    { "{\"JP\": {\"kind\": \"sender-name\", \"confidence\": \"press\"}}", "“source”" },
    { "{\"JP\": {\"kind\": \"sender-name\", \"confidence\": \"press\", \"source\": \"a.example\"}}", "“source”" },
    { "{\"JP\": {\"kind\": \"sender-name\", \"confidence\": \"press\", \"source\": \"https://a.example/\", \"year\": 1990}}", "“year”" },
    { "{\"JP\": {\"kind\": \"sender-name\", \"confidence\": \"press\", \"source\": \"https://a.example/\", \"note\": 1}}", "“note”" },
    { "{\"JP\": {\"kind\": \"sender-name\", \"confidence\": \"press\", \"source\": \"https://a.example/\", \"numbers\": []}}", "“numbers”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"version\": 1, \"countries\": {\"GB\": [%s]}, \"advice\": %s}",
                                               SENDER_GB, cases[i].advice);

      assert_invalid (json, cases[i].mentions);
    }

  /* and the same shapes, right, load: the cases above fail for their reason */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RescueShortCodes) codes = NULL;
    g_autofree char *json = g_strdup_printf ("{\"version\": 1, \"countries\": {\"GB\": [%s]}, \"advice\": "
                                             "{\"JP\": {\"kind\": \"sender-name\", \"confidence\": \"press\", "
                                             "\"source\": \"https://a.example/\", \"year\": 2024, \"note\": \"n\"},"
                                             " \"GB\": {\"kind\": \"fixed-number\", \"confidence\": \"carrier\", "
                                             "\"source\": \"https://b.example/\"}}}",
                                             SENDER_GB);

    codes = load_string (json, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rescue_short_codes_get_advice (codes, "JP"), ==, RESCUE_SENDER_ADVICE_SENDER_NAME);
    g_assert_cmpint (rescue_short_codes_get_advice (codes, "GB"), ==, RESCUE_SENDER_ADVICE_FIXED_NUMBER);
    g_assert_cmpstr (rescue_short_codes_get_advice_source (codes, "GB"), ==, "https://b.example/");
    g_assert_cmpint (rescue_short_codes_get_advice (codes, "US"), ==, RESCUE_SENDER_ADVICE_UNKNOWN);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/short-codes/real-file/every-entry", test_real_file_every_entry);
  g_test_add_func ("/short-codes/real-file/advice", test_real_file_advice);
  g_test_add_func ("/short-codes/invalid/advice", test_invalid_advice);
  g_test_add_func ("/short-codes/real-file/reference-countries", test_real_file_reference_countries);
  g_test_add_func ("/short-codes/real-file/us", test_real_file_us);
  g_test_add_func ("/short-codes/real-file/gb", test_real_file_gb);
  g_test_add_func ("/short-codes/real-file/historic", test_real_file_historic);
  g_test_add_func ("/short-codes/real-file/no-send-only-numbers", test_real_file_no_send_only_numbers);
  g_test_add_func ("/short-codes/describe/confidence", test_describe);
  g_test_add_func ("/short-codes/describe/real-file", test_describe_real_file);
  g_test_add_func ("/short-codes/lookup/unlisted", test_unlisted);
  g_test_add_func ("/short-codes/lookup/transfer", test_lookup_transfer);
  g_test_add_func ("/short-codes/lookup/order", test_order_kept);
  g_test_add_func ("/short-codes/lookup/empty-list", test_empty_country_list);
  g_test_add_func ("/short-codes/lookup/no-countries", test_no_countries);
  g_test_add_func ("/short-codes/invalid/files", test_invalid_files);
  g_test_add_func ("/short-codes/invalid/deep-nesting", test_deep_nesting);
  g_test_add_func ("/short-codes/invalid/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/short-codes/invalid/senders", test_invalid_senders);
  g_test_add_func ("/short-codes/invalid/long-codes", test_invalid_long_codes);
  g_test_add_func ("/short-codes/invalid/duplicate", test_duplicate_number);
  g_test_add_func ("/short-codes/invalid/after-valid-entries", test_error_after_valid_entries);
  g_test_add_func ("/short-codes/resource/missing", test_missing_resource);
  g_test_add_func ("/short-codes/sender/copy", test_sender_copy);
  g_test_add_func ("/short-codes/sender/copy-empty-carriers", test_sender_copy_empty_carriers);

  return g_test_run ();
}
