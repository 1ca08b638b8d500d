/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-short-codes"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rescue-json.h"
#include "rescue-short-codes.h"
#include "rescue-text.h"

/*
 * The file is our own data, but it is edited by hand: every member is
 * checked by type before it is read, because json-glib's typed getters
 * emit CRITICALs on a mismatch and return 0 rather than failing.
 */

#define SUPPORTED_VERSION 1

struct _RescueShortCodes
{
  GObject     parent_instance;

  GHashTable *countries;   /* "GB" → GPtrArray of RescueSender, file order */
  GHashTable *advice;      /* "JP" → Advice, for countries the file says more of */
};

typedef struct
{
  RescueSenderAdvice kind;
  char              *source;
} Advice;

static void
advice_free (Advice *advice)
{
  g_free (advice->source);
  g_free (advice);
}

G_DEFINE_FINAL_TYPE (RescueShortCodes, rescue_short_codes, G_TYPE_OBJECT)
G_DEFINE_QUARK (rescue-short-codes-error-quark, rescue_short_codes_error)

/* The table is five levels deep; anything much deeper is not ours */
#define MAX_DEPTH 16
G_DEFINE_BOXED_TYPE (RescueSender, rescue_sender, rescue_sender_copy, rescue_sender_free)

static const char * const kind_names[] = {
  [RESCUE_SENDER_SHORT_CODE] = "short-code",
  [RESCUE_SENDER_LONG_CODE]  = "long-code",
};

static const char * const confidence_names[] = {
  [RESCUE_CONFIDENCE_OFFICIAL]    = "official",
  [RESCUE_CONFIDENCE_CARRIER]     = "carrier",
  [RESCUE_CONFIDENCE_PRESS]       = "press",
  [RESCUE_CONFIDENCE_THIRD_PARTY] = "third-party",
};

/* "unknown" is what a country without an entry gets; the file never says it */
static const char * const advice_names[] = {
  [RESCUE_SENDER_ADVICE_UNKNOWN]          = NULL,
  [RESCUE_SENDER_ADVICE_FIXED_NUMBER]     = "fixed-number",
  [RESCUE_SENDER_ADVICE_CHANGING_NUMBERS] = "changing-numbers",
  [RESCUE_SENDER_ADVICE_SENDER_NAME]      = "sender-name",
};

static const char * const advice_members[] = {
  "kind", "confidence", "source", "year", "note",
};

static const char * const sender_members[] = {
  "number", "kind", "carriers", "confidence", "source", "historic", "year", "ended", "note",
};

static gboolean G_GNUC_PRINTF (2, 3)
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *raw = NULL;
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  raw = g_strdup_vprintf (format, args);
  va_end (args);
  /* The detail may quote the file, and json-glib decodes a lone surrogate
   * escape ("\ud800") into bytes that are not UTF-8 */
  detail = g_utf8_make_valid (raw, -1);

  g_set_error (error, RESCUE_SHORT_CODES_ERROR, RESCUE_SHORT_CODES_ERROR_INVALID,
               /* Translators: %s says what is wrong, e.g. "“kind” of the 2nd number for GB is not known" */
               _("The list of sender numbers is damaged: %s. Reinstall Code Rescue or report the problem to its developers."),
               detail);
  return FALSE;
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == type;
}

static gboolean
is_country_code (const char *code)
{
  return code != NULL &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && code[2] == '\0';
}

/* Short codes are digits only; long codes are international numbers
 * written as "+49 17 6888 50505", so people can compare them by eye */
static gboolean
is_valid_number (const char       *number,
                 RescueSenderKind  kind)
{
  const char *p = number;
  guint digits = 0;

  if (kind == RESCUE_SENDER_LONG_CODE)
    {
      if (*p != '+')
        return FALSE;
      p++;
    }

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!(kind == RESCUE_SENDER_LONG_CODE && *p == ' ' && g_ascii_isdigit (p[-1])))
        return FALSE;
    }

  return digits > 0 && p[-1] != ' ';
}

static gboolean
parse_enum (const char         *value,
            const char * const *names,
            guint               n_names,
            guint              *out)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (value, names[i]) == 0)
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_known_sender_member (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sender_members); i++)
    if (g_str_equal (name, sender_members[i]))
      return TRUE;
  return FALSE;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  /* json-glib decodes a lone surrogate escape into bytes that are not
   * UTF-8; such text is as unusable as a missing one */
  if (!node_holds (node, G_TYPE_STRING) ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return NULL;
  return json_node_get_string (node);
}

/* An optional year: absent is 0; anything but a plausible year is an
 * editing mistake */
static gboolean
parse_year (JsonObject *object,
            const char *member_name,
            guint      *year)
{
  JsonNode *member = json_object_get_member (object, member_name);

  *year = 0;
  if (member == NULL)
    return TRUE;
  if (!node_holds (member, G_TYPE_INT64) ||
      json_node_get_int (member) < 2000 || json_node_get_int (member) > 2100)
    return FALSE;

  *year = (guint) json_node_get_int (member);
  return TRUE;
}

static RescueSender *
parse_sender (JsonNode    *node,
              const char  *country,
              guint        position,
              GError     **error)
{
  g_autoptr(RescueSender) sender = g_new0 (RescueSender, 1);
  g_autoptr(GList) members = NULL;
  g_autoptr(GStrvBuilder) carriers = g_strv_builder_new ();
  JsonObject *object;
  JsonNode *member;
  JsonArray *array;
  const char *value;
  guint n;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %u is a position in a list (1, 2, …), %s a country code like "GB" */
      set_invalid (error, _("number %u for %s is not an object"), position, country);
      return NULL;
    }
  object = json_node_get_object (node);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!is_known_sender_member (l->data))
        {
          /* Translators: the first %s is a JSON member name, %u a position, the last %s a country code */
          set_invalid (error, _("“%s” of number %u for %s is not known"),
                       (const char *) l->data, position, country);
          return NULL;
        }
    }

  value = get_string (object, "kind");
  if (value == NULL ||
      !parse_enum (value, kind_names, G_N_ELEMENTS (kind_names), &n))
    {
      set_invalid (error, _("“kind” of number %u for %s is not “short-code” or “long-code”"),
                   position, country);
      return NULL;
    }
  sender->kind = n;

  value = get_string (object, "number");
  if (value == NULL || !is_valid_number (value, sender->kind))
    {
      set_invalid (error, _("“number” %u for %s is missing or not a phone number of its kind"),
                   position, country);
      return NULL;
    }
  sender->number = g_strdup (value);

  member = json_object_get_member (object, "carriers");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      set_invalid (error, _("“carriers” of number %u for %s is not a list"), position, country);
      return NULL;
    }
  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *carrier = json_array_get_element (array, i);

      if (!node_holds (carrier, G_TYPE_STRING) || *json_node_get_string (carrier) == '\0' ||
          !g_utf8_validate (json_node_get_string (carrier), -1, NULL))
        {
          set_invalid (error, _("a carrier of number %u for %s is not a name"), position, country);
          return NULL;
        }
      g_strv_builder_add (carriers, json_node_get_string (carrier));
    }
  sender->carriers = g_strv_builder_end (carriers);

  value = get_string (object, "confidence");
  if (value == NULL ||
      !parse_enum (value, confidence_names, G_N_ELEMENTS (confidence_names), &n))
    {
      set_invalid (error, _("“confidence” of number %u for %s is not “official”, “carrier”, “press” or “third-party”"),
                   position, country);
      return NULL;
    }
  sender->confidence = n;

  value = get_string (object, "source");
  if (value == NULL ||
      !(g_str_has_prefix (value, "https://") || g_str_has_prefix (value, "http://")))
    {
      set_invalid (error, _("“source” of number %u for %s is not a web address"), position, country);
      return NULL;
    }
  sender->source = g_strdup (value);

  member = json_object_get_member (object, "historic");
  if (!node_holds (member, G_TYPE_BOOLEAN))
    {
      set_invalid (error, _("“historic” of number %u for %s is not true or false"), position, country);
      return NULL;
    }
  sender->historic = json_node_get_boolean (member);

  if (!parse_year (object, "year", &sender->year))
    {
      /* Translators: %u is a position in a list (1, 2, …), %s a country code like "GB" */
      set_invalid (error, _("“year” of number %u for %s is not a year"), position, country);
      return NULL;
    }
  if (!parse_year (object, "ended", &sender->ended))
    {
      /* Translators: %u is a position in a list (1, 2, …), %s a country code like "GB" */
      set_invalid (error, _("“ended” of number %u for %s is not a year"), position, country);
      return NULL;
    }

  member = json_object_get_member (object, "note");
  if (member != NULL && !node_holds (member, G_TYPE_STRING))
    {
      set_invalid (error, _("“note” of number %u for %s is not text"), position, country);
      return NULL;
    }

  return g_steal_pointer (&sender);
}

static GPtrArray *
parse_country (const char  *country,
               JsonNode    *node,
               GError     **error)
{
  g_autoptr(GPtrArray) senders = g_ptr_array_new_with_free_func ((GDestroyNotify) rescue_sender_free);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      /* Translators: %s is a country code like "GB" */
      set_invalid (error, _("the numbers for %s are not a list"), country);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      RescueSender *sender = parse_sender (json_array_get_element (array, i), country, i + 1, error);

      if (sender == NULL)
        return NULL;

      /* The UI lists every number once; a repeat is an editing mistake */
      for (guint j = 0; j < senders->len; j++)
        {
          RescueSender *other = g_ptr_array_index (senders, j);

          if (g_str_equal (other->number, sender->number))
            {
              /* Translators: the first %s is a phone number, the second a country code */
              set_invalid (error, _("%s is listed twice for %s"), sender->number, country);
              rescue_sender_free (sender);
              return NULL;
            }
        }

      g_ptr_array_add (senders, sender);
    }

  return g_steal_pointer (&senders);
}

static gboolean
parse_advice (RescueShortCodes  *self,
              JsonNode          *node,
              GError           **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *entries;

  /* Files from before the advice kinds have none: every country then
   * follows its numbers */
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, _("“advice” is not an object"));
  entries = json_node_get_object (node);

  members = json_object_get_members (entries);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *country = l->data;
      JsonNode *entry_node = json_object_get_member (entries, country);
      g_autoptr(GList) entry_members = NULL;
      GPtrArray *senders;
      JsonObject *entry;
      const char *value;
      Advice *advice;
      guint kind;
      guint n;
      guint year;

      if (!is_country_code (country))
        /* Translators: %s is what the file has instead of a country code */
        return set_invalid (error, _("“%s” is not a two-letter upper-case country code"), country);
      if (!JSON_NODE_HOLDS_OBJECT (entry_node))
        /* Translators: %s is a country code like "JP" */
        return set_invalid (error, _("the advice for %s is not an object"), country);
      entry = json_node_get_object (entry_node);

      entry_members = json_object_get_members (entry);
      for (GList *m = entry_members; m != NULL; m = m->next)
        {
          gboolean known = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (advice_members); i++)
            known |= g_str_equal (m->data, advice_members[i]);
          if (!known)
            /* Translators: the first %s is a JSON member name, the second a country code */
            return set_invalid (error, _("“%s” of the advice for %s is not known"),
                                (const char *) m->data, country);
        }

      value = get_string (entry, "kind");
      if (value == NULL || !parse_enum (value, advice_names, G_N_ELEMENTS (advice_names), &kind))
        /* Translators: %s is a country code; the quoted words are kept as they are */
        return set_invalid (error, _("“kind” of the advice for %s is not “fixed-number”, “changing-numbers” or “sender-name”"),
                            country);

      /* "Unblock this number" needs a number, with its own source */
      senders = g_hash_table_lookup (self->countries, country);
      if (kind == RESCUE_SENDER_ADVICE_FIXED_NUMBER && (senders == NULL || senders->len == 0))
        /* Translators: %s is a country code */
        return set_invalid (error, _("the advice for %s is a fixed number, but no number is listed"), country);

      value = get_string (entry, "confidence");
      if (value == NULL ||
          !parse_enum (value, confidence_names, G_N_ELEMENTS (confidence_names), &n))
        /* Translators: %s is a country code; the quoted words are kept as they are */
        return set_invalid (error, _("“confidence” of the advice for %s is not “official”, “carrier”, “press” or “third-party”"),
                            country);

      /* Rule of the facts file: what has no source is left out */
      value = get_string (entry, "source");
      if (value == NULL ||
          !(g_str_has_prefix (value, "https://") || g_str_has_prefix (value, "http://")))
        /* Translators: %s is a country code */
        return set_invalid (error, _("“source” of the advice for %s is not a web address"), country);

      if (!parse_year (entry, "year", &year))
        /* Translators: %s is a country code */
        return set_invalid (error, _("“year” of the advice for %s is not a year"), country);

      if (json_object_has_member (entry, "note") && get_string (entry, "note") == NULL)
        /* Translators: %s is a country code */
        return set_invalid (error, _("“note” of the advice for %s is not text"), country);

      advice = g_new0 (Advice, 1);
      advice->kind = kind;
      advice->source = g_strdup (value);
      g_hash_table_replace (self->advice, g_strdup (country), advice);
    }

  return TRUE;
}

static gboolean
rescue_short_codes_parse (RescueShortCodes  *self,
                          JsonNode          *root,
                          GError           **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonObject *countries;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return set_invalid (error, _("the file does not hold an object"));
  object = json_node_get_object (root);

  node = json_object_get_member (object, "version");
  if (!node_holds (node, G_TYPE_INT64))
    return set_invalid (error, _("“version” is missing or not a whole number"));
  if (json_node_get_int (node) != SUPPORTED_VERSION)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      /* Translators: %s is a version number; a newer Code Rescue may read it */
      return set_invalid (error, _("version %s is not supported"), version);
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_str_equal (l->data, "version") && !g_str_equal (l->data, "countries") &&
          !g_str_equal (l->data, "advice"))
        /* Translators: %s is a JSON member name */
        return set_invalid (error, _("“%s” is not known"), (const char *) l->data);
    }
  g_clear_pointer (&members, g_list_free);

  node = json_object_get_member (object, "countries");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, _("“countries” is missing or not an object"));
  countries = json_node_get_object (node);

  members = json_object_get_members (countries);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *country = l->data;
      GPtrArray *senders;

      if (!is_country_code (country))
        /* Translators: %s is what the file has instead of a country code */
        return set_invalid (error, _("“%s” is not a two-letter upper-case country code"), country);

      senders = parse_country (country, json_object_get_member (countries, country), error);
      if (senders == NULL)
        return FALSE;

      g_hash_table_replace (self->countries, g_strdup (country), senders);
    }

  return parse_advice (self, json_object_get_member (object, "advice"), error);
}

static void
rescue_short_codes_finalize (GObject *object)
{
  RescueShortCodes *self = RESCUE_SHORT_CODES (object);

  g_clear_pointer (&self->countries, g_hash_table_unref);
  g_clear_pointer (&self->advice, g_hash_table_unref);

  G_OBJECT_CLASS (rescue_short_codes_parent_class)->finalize (object);
}

static void
rescue_short_codes_class_init (RescueShortCodesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rescue_short_codes_finalize;
}

static void
rescue_short_codes_init (RescueShortCodes *self)
{
  self->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  self->advice = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) advice_free);
}

RescueSender *
rescue_sender_copy (const RescueSender *sender)
{
  RescueSender *copy;

  g_return_val_if_fail (sender != NULL, NULL);

  copy = g_new0 (RescueSender, 1);
  copy->number = g_strdup (sender->number);
  copy->kind = sender->kind;
  copy->carriers = g_strdupv (sender->carriers);
  copy->confidence = sender->confidence;
  copy->source = g_strdup (sender->source);
  copy->historic = sender->historic;
  copy->year = sender->year;
  copy->ended = sender->ended;

  return copy;
}

void
rescue_sender_free (RescueSender *sender)
{
  if (sender == NULL)
    return;

  g_free (sender->number);
  g_strfreev (sender->carriers);
  g_free (sender->source);
  g_free (sender);
}

static char *
describe_source (const RescueSender *sender)
{
  switch (sender->confidence)
    {
    case RESCUE_CONFIDENCE_OFFICIAL:
      if (sender->year == 0)
        return g_strdup (_("From X’s own help pages"));
      /* Translators: how a sender number is known; %u is the year of the source */
      return g_strdup_printf (_("From X’s own help pages, %u"), sender->year);
    case RESCUE_CONFIDENCE_CARRIER:
      if (sender->year == 0)
        return g_strdup (_("From a mobile carrier’s own pages"));
      /* Translators: how a sender number is known; %u is the year of the source */
      return g_strdup_printf (_("From a mobile carrier’s own pages, %u"), sender->year);
    case RESCUE_CONFIDENCE_PRESS:
      if (sender->year == 0)
        return g_strdup (_("From the press"));
      /* Translators: how a sender number is known; %u is the year of the source */
      return g_strdup_printf (_("From the press, %u"), sender->year);
    case RESCUE_CONFIDENCE_THIRD_PARTY:
    default:
      if (sender->year == 0)
        return g_strdup (_("From a third-party website"));
      /* Translators: how a sender number is known; %u is the year of the source */
      return g_strdup_printf (_("From a third-party website, %u"), sender->year);
    }
}

/**
 * rescue_sender_describe:
 * How the number is known and how old that is, as the sender box says it:
 * "From X’s own help pages, 2017", or "Ended in 2018. From the press, 2018"
 * for a number that is no longer used.
 *
 * Returns: (transfer full): one translated line
 */
char *
rescue_sender_describe (const RescueSender *sender)
{
  g_autofree char *source = NULL;

  g_return_val_if_fail (sender != NULL, NULL);

  source = describe_source (sender);
  if (sender->ended == 0)
    return g_steal_pointer (&source);

  /* Translators: %u is the year a sender number stopped being used, %s
   * how that is known, e.g. "From the press, 2018" */
  return g_strdup_printf (_("Ended in %u. %s"), sender->ended, source);
}

RescueShortCodes *
rescue_short_codes_new_from_bytes (GBytes  *json,
                                   GError **error)
{
  g_autoptr(RescueShortCodes) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *why = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (json, &size);
  if (data == NULL || size > G_MAXSSIZE)
    {
      data = "";
      size = 0;
    }

  /* Before json-glib sees it: json-glib recurses without limit, and keeps
   * the first of several concatenated values, dropping the rest silently
   * (a bad merge would hide half the list) */
  if (!g_utf8_validate_len (data, size, NULL) ||
      !rescue_json_check_outline (data, size, MAX_DEPTH, &why))
    {
      g_debug ("Sender numbers: %s", why ? why : "not UTF-8");
      set_invalid (error, _("the file does not hold exactly one object"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &parse_error))
    {
      set_invalid (error, "%s", parse_error->message);
      return NULL;
    }

  self = g_object_new (RESCUE_TYPE_SHORT_CODES, NULL);
  if (!rescue_short_codes_parse (self, json_parser_get_root (parser), error))
    return NULL;

  return g_steal_pointer (&self);
}

RescueShortCodes *
rescue_short_codes_new_from_resource (const char  *path,
                                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path == NULL)
    path = RESCUE_SHORT_CODES_RESOURCE;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return rescue_short_codes_new_from_bytes (bytes, error);
}

GPtrArray *
rescue_short_codes_lookup (RescueShortCodes *self,
                           const char       *country)
{
  GPtrArray *senders;
  GPtrArray *result;

  g_return_val_if_fail (RESCUE_IS_SHORT_CODES (self), NULL);

  if (country == NULL)
    return g_ptr_array_new ();

  senders = g_hash_table_lookup (self->countries, country);
  if (senders == NULL)
    return g_ptr_array_new ();

  result = g_ptr_array_sized_new (senders->len);
  for (guint i = 0; i < senders->len; i++)
    g_ptr_array_add (result, g_ptr_array_index (senders, i));

  return result;
}

/**
 * rescue_short_codes_get_advice:
 * What to tell the person about who sends X's codes in @country: what the
 * file says, else a fixed number when numbers are listed, else
 * %RESCUE_SENDER_ADVICE_UNKNOWN (and the lookup is empty).
 */
RescueSenderAdvice
rescue_short_codes_get_advice (RescueShortCodes *self,
                               const char       *country)
{
  Advice *advice;
  GPtrArray *senders;

  g_return_val_if_fail (RESCUE_IS_SHORT_CODES (self), RESCUE_SENDER_ADVICE_UNKNOWN);

  if (country == NULL)
    return RESCUE_SENDER_ADVICE_UNKNOWN;

  advice = g_hash_table_lookup (self->advice, country);
  if (advice != NULL)
    return advice->kind;

  senders = g_hash_table_lookup (self->countries, country);
  if (senders != NULL && senders->len > 0)
    return RESCUE_SENDER_ADVICE_FIXED_NUMBER;

  return RESCUE_SENDER_ADVICE_UNKNOWN;
}

const char *
rescue_short_codes_get_advice_source (RescueShortCodes *self,
                                      const char       *country)
{
  Advice *advice;

  g_return_val_if_fail (RESCUE_IS_SHORT_CODES (self), NULL);

  advice = country != NULL ? g_hash_table_lookup (self->advice, country) : NULL;
  return advice != NULL ? advice->source : NULL;
}

/* What is known of one country alone, beyond its kind (x-2fa-facts.md §7.6) */
static const struct
{
  const char *country;
  const char *sentence;
} country_notes[] = {
  /* Translators: keep the Japanese names as they are: they are the labels
   * the person sees in Japanese on the carrier's pages */
  { "JP", N_("The sender usually shows as “Twitter”. The cause Japanese guides name most is the carrier’s filter for international text messages (海外SMS / 国際SMS). On many SoftBank lines it is on by default: turn it off in My SoftBank › 迷惑メール対策 › 海外SMS.") },
};

/**
 * rescue_sender_advice_describe:
 * Returns: (transfer full): sentences for the sender box, translated
 */
char *
rescue_sender_advice_describe (RescueSenderAdvice  advice,
                               const char         *country)
{
  const char *sentence = NULL;

  switch (advice)
    {
    case RESCUE_SENDER_ADVICE_FIXED_NUMBER:
      sentence = _("X’s codes may come from the number below. Make sure it is not blocked.");
      break;
    case RESCUE_SENDER_ADVICE_CHANGING_NUMBERS:
      sentence = _("In this country X’s codes come from changing numbers, often from abroad, not from one fixed number. Unblock any sender named “X” or “Twitter” and any unknown international number, and make sure your carrier lets international text messages through.");
      break;
    case RESCUE_SENDER_ADVICE_SENDER_NAME:
      sentence = _("In this country carriers replace the sender of X’s codes with a name or a random number, so there is no one number to unblock. Unblock any sender named “X” or “Twitter” and any unknown number, and make sure your carrier lets international text messages through.");
      break;
    case RESCUE_SENDER_ADVICE_UNKNOWN:
    default:
      sentence = _("Code Rescue knows no sender number for this country. Unblock any sender named “X” or “Twitter” and any unknown international number, and make sure your carrier lets international text messages through.");
      break;
    }

  for (guint i = 0; country != NULL && i < G_N_ELEMENTS (country_notes); i++)
    if (g_str_equal (country, country_notes[i].country))
      return rescue_join_sentences (sentence, _(country_notes[i].sentence));

  return g_strdup (sentence);
}

guint
rescue_short_codes_get_n_countries (RescueShortCodes *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (RESCUE_IS_SHORT_CODES (self), 0);

  g_hash_table_iter_init (&iter, self->countries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((GPtrArray *) value)->len > 0)
      n++;

  return n;
}
