/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-countries"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rescue-countries.h"

/* The iso-codes package's own gettext domain holds the country names in
 * every language it ships, so we never translate them ourselves */
#define ISO_3166_DOMAIN "iso_3166-1"
#define ISO_3166_JSON   ISO_CODES_PREFIX "/share/iso-codes/json/iso_3166-1.json"

struct _RescueCountry
{
  GObject  parent_instance;

  char    *code;
  char    *name;
  char    *sort_key;   /* only used while loading */
};

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueCountry, rescue_country, G_TYPE_OBJECT)

static void
rescue_country_finalize (GObject *object)
{
  RescueCountry *self = RESCUE_COUNTRY (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sort_key, g_free);

  G_OBJECT_CLASS (rescue_country_parent_class)->finalize (object);
}

static void
rescue_country_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RescueCountry *self = RESCUE_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_country_class_init (RescueCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rescue_country_finalize;
  object_class->get_property = rescue_country_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rescue_country_init (RescueCountry *self)
{
}

RescueCountry *
rescue_country_new (const char *code,
                    const char *name)
{
  RescueCountry *self;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (RESCUE_TYPE_COUNTRY, NULL);
  self->code = g_strdup (code);
  self->name = g_strdup (name);

  return self;
}

const char *
rescue_country_get_code (RescueCountry *self)
{
  g_return_val_if_fail (RESCUE_IS_COUNTRY (self), NULL);

  return self->code;
}

const char *
rescue_country_get_name (RescueCountry *self)
{
  g_return_val_if_fail (RESCUE_IS_COUNTRY (self), NULL);

  return self->name;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const char *
translate (const char *name)
{
  static gsize bound = 0;

  if (g_once_init_enter (&bound))
    {
      bindtextdomain (ISO_3166_DOMAIN, ISO_CODES_LOCALEDIR);
      bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");
      g_once_init_leave (&bound, 1);
    }

  return dgettext (ISO_3166_DOMAIN, name);
}

static gboolean
set_wrong_shape (GError     **error,
                 const char  *path,
                 const char  *detail)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: the first %s is a file name, the second says what is wrong with it */
               _("The list of countries in “%s” could not be read: %s. Reinstall the iso-codes package."),
               display, detail);
  return FALSE;
}

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  RescueCountry *country_a = *(RescueCountry **) a;
  RescueCountry *country_b = *(RescueCountry **) b;
  int cmp = strcmp (country_a->sort_key, country_b->sort_key);

  /* Two names can collate equal; the code keeps the order stable */
  return cmp != 0 ? cmp : strcmp (country_a->code, country_b->code);
}

static gboolean
is_country_code (const char *code)
{
  return code != NULL &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && code[2] == '\0';
}

GListModel *
rescue_countries_load (const char  *iso_codes_json,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) countries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = NULL;
  const char *path = iso_codes_json != NULL ? iso_codes_json : ISO_3166_JSON;
  JsonNode *root;
  JsonNode *node;
  JsonArray *entries;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_mapped_file (parser, path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_wrong_shape (error, path, _("it does not hold an object"));
      return NULL;
    }

  node = json_object_get_member (json_node_get_object (root), "3166-1");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_wrong_shape (error, path, _("it has no “3166-1” list"));
      return NULL;
    }

  entries = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *element = json_array_get_element (entries, i);
      JsonObject *entry;
      const char *code;
      const char *name;
      const char *common_name;
      RescueCountry *country;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_wrong_shape (error, path, _("an entry is not an object"));
          return NULL;
        }
      entry = json_node_get_object (element);

      code = get_string (entry, "alpha_2");
      name = get_string (entry, "name");
      common_name = get_string (entry, "common_name");
      if (!is_country_code (code) || name == NULL || *name == '\0' ||
          (common_name == NULL && json_object_has_member (entry, "common_name")))
        {
          set_wrong_shape (error, path, _("an entry has no two-letter code or no proper name"));
          return NULL;
        }

      /* As GNOME does: "Bolivia" reads better than "Bolivia, Plurinational State of" */
      if (common_name != NULL && *common_name != '\0')
        name = common_name;

      country = rescue_country_new (code, translate (name));
      country->sort_key = g_utf8_collate_key (country->name, -1);
      g_ptr_array_add (countries, country);
    }

  g_ptr_array_sort (countries, compare_countries);

  store = g_list_store_new (RESCUE_TYPE_COUNTRY);
  for (guint i = 0; i < countries->len; i++)
    g_clear_pointer (&((RescueCountry *) g_ptr_array_index (countries, i))->sort_key, g_free);
  g_list_store_splice (store, 0, 0, countries->pdata, countries->len);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Returns G_MAXUINT (the value of GTK_INVALID_LIST_POSITION) when @code
 * is not in @countries */
guint
rescue_countries_find (GListModel *countries,
                       const char *code)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (countries), G_MAXUINT);

  if (code == NULL)
    return G_MAXUINT;

  n = g_list_model_get_n_items (countries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RescueCountry) country = g_list_model_get_item (countries, i);

      if (g_strcmp0 (rescue_country_get_code (country), code) == 0)
        return i;
    }

  return G_MAXUINT;
}

/* ISO 3166-1 alpha-2, sorted, two letters each, as iso-codes 4.15 (Debian
 * 12) lists them. Checking a restored country against this costs nothing at
 * start-up, where reading and parsing iso-codes' JSON would cost the first
 * frame; /countries/known-codes checks that the two lists agree. */
static const char known_codes[] =
  "ADAEAFAGAIALAMAOAQARASATAUAWAXAZ"
  "BABBBDBEBFBGBHBIBJBLBMBNBOBQBRBS"
  "BTBVBWBYBZCACCCDCFCGCHCICKCLCMCN"
  "COCRCUCVCWCXCYCZDEDJDKDMDODZECEE"
  "EGEHERESETFIFJFKFMFOFRGAGBGDGEGF"
  "GGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHM"
  "HNHRHTHUIDIEILIMINIOIQIRISITJEJM"
  "JOJPKEKGKHKIKMKNKPKRKWKYKZLALBLC"
  "LILKLRLSLTLULVLYMAMCMDMEMFMGMHMK"
  "MLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNA"
  "NCNENFNGNINLNONPNRNUNZOMPAPEPFPG"
  "PHPKPLPMPNPRPSPTPWPYQARERORSRURW"
  "SASBSCSDSESGSHSISJSKSLSMSNSOSRSS"
  "STSVSXSYSZTCTDTFTGTHTJTKTLTMTNTO"
  "TRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI"
  "VNVUWFWSYEYTZAZMZW";

gboolean
rescue_countries_is_known_code (const char *code)
{
  gsize low = 0;
  gsize high = (sizeof known_codes - 1) / 2;

  if (code == NULL || strlen (code) != 2)
    return FALSE;

  while (low < high)
    {
      gsize middle = (low + high) / 2;
      int order = strncmp (code, known_codes + 2 * middle, 2);

      if (order == 0)
        return TRUE;
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }

  return FALSE;
}

/* The territory of a locale name ("de_AT.UTF-8" and "sr_RS@latin" give
 * "AT" and "RS"), or NULL for one without ("C.UTF-8", "de") */
static char *
locale_territory (const char *locale)
{
  const char *underscore;

  if (locale == NULL)
    return NULL;

  underscore = strchr (locale, '_');
  if (underscore == NULL ||
      !g_ascii_isalpha (underscore[1]) || !g_ascii_isalpha (underscore[2]) ||
      !(underscore[3] == '\0' || underscore[3] == '.' || underscore[3] == '@'))
    return NULL;

  return g_ascii_strup (underscore + 1, 2);
}

/**
 * rescue_countries_default_code:
 * @environment: (nullable): the environment to read, as g_get_environ()
 *   gives it; %NULL reads this process's
 *
 * Where the person's phone number most likely comes from: their region
 * settings, not their language. The telephone and address settings say
 * it best, then the general ones. `LANGUAGE` is left out on purpose: it
 * lists the languages someone reads (`LANGUAGE=en` with
 * `LANG=en_GB.UTF-8` is someone in Britain who reads English).
 *
 * Returns: (transfer full): an upper-case two-letter code; "US" when no
 *   setting names a territory
 */
char *
rescue_countries_default_code (const char * const *environment)
{
  static const char * const variables[] = {
    "LC_TELEPHONE", "LC_ADDRESS", "LC_ALL", "LC_MESSAGES", "LANG",
  };
  g_auto(GStrv) own = NULL;

  if (environment == NULL)
    environment = (const char * const *) (own = g_get_environ ());

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      char *territory = locale_territory (g_environ_getenv ((char **) environment, variables[i]));

      /* A made-up territory ("xx_ZZ") would be saved, then refused as
       * corrupt at the next start */
      if (territory != NULL && rescue_countries_is_known_code (territory))
        return territory;
      g_free (territory);
    }

  return g_strdup ("US");
}
