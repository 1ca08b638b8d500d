/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-context"

#include "config.h"

#include "rescue-context.h"
#include "rescue-countries.h"
#include "rescue-support-message.h"

/*
 * What the pages show, in one place and without GTK: the flow, the sender
 * numbers, the countries and the support request. The application makes
 * one; the window and every page are handed it when they are made, so
 * nothing below the application reaches back up to it.
 *
 * Everything but the flow is made when first asked for: the first frame
 * needs none of it.
 */

struct _RescueContext
{
  GObject               parent_instance;

  GSettings            *settings;
  RescueFlow           *flow;

  RescueShortCodes     *short_codes;
  GListModel           *countries;
  GError               *countries_error;
  RescueSupportRequest *support_request;
  char                 *support_request_uri;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueContext, rescue_context, G_TYPE_OBJECT)

static char *
dup_url_setting (RescueContext *self,
                 const char    *key,
                 const char    *fallback)
{
  g_autofree char *value = NULL;

  if (self->settings != NULL)
    value = g_settings_get_string (self->settings, key);

  /* An empty key means the address built into the app */
  if (value == NULL || *value == '\0')
    return g_strdup (fallback);

  return g_steal_pointer (&value);
}

static void
rescue_context_dispose (GObject *object)
{
  RescueContext *self = (RescueContext *)object;

  g_clear_object (&self->support_request);
  g_clear_pointer (&self->support_request_uri, g_free);
  g_clear_object (&self->short_codes);
  g_clear_object (&self->countries);
  g_clear_error (&self->countries_error);

  G_OBJECT_CLASS (rescue_context_parent_class)->dispose (object);
}

static void
rescue_context_finalize (GObject *object)
{
  RescueContext *self = (RescueContext *)object;

  g_clear_object (&self->flow);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rescue_context_parent_class)->finalize (object);
}

static void
rescue_context_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RescueContext *self = RESCUE_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_context_class_init (RescueContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rescue_context_dispose;
  object_class->finalize = rescue_context_finalize;
  object_class->set_property = rescue_context_set_property;

  /* Where administrators and tests point the app's addresses elsewhere */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rescue_context_init (RescueContext *self)
{
  self->flow = rescue_flow_new ();
}

/**
 * rescue_context_new:
 * @settings: (nullable): the app's settings, for the addresses an
 *   administrator or a test may change; %NULL uses the built-in ones
 */
RescueContext *
rescue_context_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (RESCUE_TYPE_CONTEXT, "settings", settings, NULL);
}

RescueFlow *
rescue_context_get_flow (RescueContext *self)
{
  g_return_val_if_fail (RESCUE_IS_CONTEXT (self), NULL);

  return self->flow;
}

/**
 * rescue_context_get_short_codes:
 *
 * Returns: (transfer none) (nullable): the sender numbers, or %NULL if the
 *   table built into the app could not be read
 */
RescueShortCodes *
rescue_context_get_short_codes (RescueContext *self)
{
  g_return_val_if_fail (RESCUE_IS_CONTEXT (self), NULL);

  if (self->short_codes == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->short_codes = rescue_short_codes_new_from_resource (RESCUE_SHORT_CODES_RESOURCE, &error);
      /* Shipped inside the binary: failing means a broken build */
      if (self->short_codes == NULL)
        g_critical ("Sender numbers: %s", error->message);
    }

  return self->short_codes;
}

/**
 * rescue_context_get_countries:
 * @error: (out) (optional) (transfer none): why the list could not be read
 *
 * Reads every country's name in the person's language, once.
 *
 * Returns: (nullable) (transfer none): the countries, or %NULL
 */
GListModel *
rescue_context_get_countries (RescueContext  *self,
                              const GError  **error)
{
  g_return_val_if_fail (RESCUE_IS_CONTEXT (self), NULL);

  if (self->countries == NULL && self->countries_error == NULL)
    self->countries = rescue_countries_load (NULL, &self->countries_error);

  if (error != NULL)
    *error = self->countries_error;

  return self->countries;
}

/**
 * rescue_context_peek_countries:
 * The countries if they were read already; never reads them.
 *
 * Returns: (nullable) (transfer none): the countries, or %NULL
 */
GListModel *
rescue_context_peek_countries (RescueContext *self)
{
  g_return_val_if_fail (RESCUE_IS_CONTEXT (self), NULL);

  return self->countries;
}

static char *
dup_base_form_uri (RescueContext *self)
{
  return dup_url_setting (self, "support-form-url", SUPPORT_FORM_URL);
}

/**
 * rescue_context_dup_support_form_uri:
 * The address of X's form for the check the person faces: the one below
 * the built-in general form, or below the settings' override.
 *
 * Returns: (transfer full): the address
 */
char *
rescue_context_dup_support_form_uri (RescueContext *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (RESCUE_IS_CONTEXT (self), NULL);

  base = dup_base_form_uri (self);
  return rescue_check_dup_form_uri (rescue_flow_get_check (self->flow), base);
}

/**
 * rescue_context_get_support_request:
 * The reachability check and opener for the current check's form; the
 * general form stands in when that one has moved.
 *
 * Returns: (transfer none): the request
 */
RescueSupportRequest *
rescue_context_get_support_request (RescueContext *self)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (RESCUE_IS_CONTEXT (self), NULL);

  uri = rescue_context_dup_support_form_uri (self);
  if (self->support_request == NULL || g_strcmp0 (uri, self->support_request_uri) != 0)
    {
      g_autofree char *base = dup_base_form_uri (self);

      g_clear_object (&self->support_request);
      self->support_request = rescue_support_request_new (uri, base);
      g_free (self->support_request_uri);
      self->support_request_uri = g_steal_pointer (&uri);
    }

  return self->support_request;
}

/**
 * rescue_context_dup_support_message:
 * @read_countries: whether to read the list of countries if nothing has
 *   yet: not on every keystroke, nor before the first frame
 *
 * The message for X's support, written from the flow as it is now, with
 * the country's name once the list has been read and the numbers X's codes
 * still come from there.
 *
 * Returns: (transfer full): the message
 */
char *
rescue_context_dup_support_message (RescueContext *self,
                                    gboolean       read_countries)
{
  g_autoptr(GStrvBuilder) numbers = g_strv_builder_new ();
  g_autoptr(RescueCountry) country = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_auto(GStrv) number_list = NULL;
  RescueShortCodes *short_codes;
  GListModel *countries;
  const char *code;

  g_return_val_if_fail (RESCUE_IS_CONTEXT (self), NULL);

  code = rescue_flow_get_country (self->flow);
  short_codes = rescue_context_get_short_codes (self);
  if (short_codes != NULL)
    {
      g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (short_codes, code);

      /* A number that is no longer used is not one anybody unblocked */
      for (guint i = 0; i < senders->len; i++)
        {
          RescueSender *sender = g_ptr_array_index (senders, i);

          if (sender->ended == 0)
            g_strv_builder_add (numbers, sender->number);
        }
    }

  countries = read_countries
    ? rescue_context_get_countries (self, NULL)
    : rescue_context_peek_countries (self);
  if (countries != NULL)
    {
      guint position = rescue_countries_find (countries, code);

      if (position != G_MAXUINT)
        country = g_list_model_get_item (countries, position);
    }

  number_list = g_strv_builder_end (numbers);
  return rescue_support_message_compose (self->flow,
                                         country ? rescue_country_get_name (country) : NULL,
                                         (const char * const *) number_list, now);
}
