/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-style-manager"

#include "config.h"

#include "rescue-style-manager.h"

/* The desktop's light/dark and contrast preferences, applied to GTK's own
 * themes: what libadwaita's AdwStyleManager does, written small, since the
 * app keeps plain GTK 4.
 *
 * The Settings portal is asked first (it is what sandboxed apps and every
 * desktop get); GNOME's own keys serve where no portal answers. Until the
 * portal has answered, GNOME's keys are the guess: on GNOME they hold the
 * same values, so the first frame is already right there. */

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS_INTERFACE "org.freedesktop.portal.Settings"
#define APPEARANCE_NAMESPACE "org.freedesktop.appearance"
/* An answer after this is still used; the first frame never waits for it */
#define PORTAL_TIMEOUT_MS 3000

typedef enum
{
  PREF_COLOR_SCHEME,
  PREF_CONTRAST,
  N_PREFS
} Pref;

typedef struct
{
  const char *portal_key;
  const char *schema_id;
  const char *settings_key;
} PrefSource;

static const PrefSource sources[N_PREFS] = {
  /* portal: 0 no preference, 1 prefer dark, 2 prefer light */
  [PREF_COLOR_SCHEME] = { "color-scheme", "org.gnome.desktop.interface", "color-scheme" },
  /* portal: 0 no preference, 1 high contrast */
  [PREF_CONTRAST] = { "contrast", "org.gnome.desktop.a11y.interface", "high-contrast" },
};

struct _RescueStyleManager
{
  GObject          parent_instance;

  GDBusConnection *bus;
  GCancellable    *cancellable;
  guint            setting_changed_id;
  GSettings       *settings[N_PREFS];
  /* once the portal answered for a preference, it alone counts */
  gboolean         from_portal[N_PREFS];
  gboolean         portal_on[N_PREFS];

  gboolean         dark;
  gboolean         high_contrast;

  /* what GtkSettings held before, given back when we no longer need it */
  gboolean         prefer_dark_before;
  gboolean         theme_replaced;
  char            *theme_before;
};

enum {
  PROP_0,
  PROP_DARK,
  PROP_HIGH_CONTRAST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueStyleManager, rescue_style_manager, G_TYPE_OBJECT)

static gboolean
settings_on (RescueStyleManager *self,
             Pref                pref)
{
  if (self->settings[pref] == NULL)
    return FALSE;

  if (pref == PREF_COLOR_SCHEME)
    {
      g_autofree char *scheme = g_settings_get_string (self->settings[pref], sources[pref].settings_key);

      return g_strcmp0 (scheme, "prefer-dark") == 0;
    }

  return g_settings_get_boolean (self->settings[pref], sources[pref].settings_key);
}

static gboolean
pref_on (RescueStyleManager *self,
         Pref                pref)
{
  if (self->from_portal[pref])
    return self->portal_on[pref];

  return settings_on (self, pref);
}

static void
apply (RescueStyleManager *self)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  gboolean dark = pref_on (self, PREF_COLOR_SCHEME);
  gboolean high_contrast = pref_on (self, PREF_CONTRAST);
  gboolean prefer_dark;

  if (gtk_settings == NULL)
    return;

  /* Setting either property reloads the theme: only on a change */
  g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &prefer_dark, NULL);
  if (prefer_dark != dark)
    g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", dark, NULL);

  if (high_contrast)
    {
      const char *theme = dark ? "HighContrastInverse" : "HighContrast";
      g_autofree char *current = NULL;

      if (!self->theme_replaced)
        {
          g_clear_pointer (&self->theme_before, g_free);
          g_object_get (gtk_settings, "gtk-theme-name", &self->theme_before, NULL);
          self->theme_replaced = TRUE;
        }
      g_object_get (gtk_settings, "gtk-theme-name", &current, NULL);
      if (g_strcmp0 (current, theme) != 0)
        g_object_set (gtk_settings, "gtk-theme-name", theme, NULL);
    }
  else if (self->theme_replaced)
    {
      g_object_set (gtk_settings, "gtk-theme-name", self->theme_before, NULL);
      g_clear_pointer (&self->theme_before, g_free);
      self->theme_replaced = FALSE;
    }

  if (self->dark != dark)
    {
      self->dark = dark;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
    }
  if (self->high_contrast != high_contrast)
    {
      self->high_contrast = high_contrast;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_CONTRAST]);
    }
}

static gboolean
pref_for_portal_key (const char *key,
                     Pref       *pref)
{
  for (Pref p = 0; p < N_PREFS; p++)
    if (g_strcmp0 (key, sources[p].portal_key) == 0)
      {
        *pref = p;
        return TRUE;
      }

  return FALSE;
}

/* Read wraps the value in one more variant than SettingChanged does (the
 * newer ReadOne does not, but Debian 12's portal only has Read), so take
 * off as many layers as there are */
static void
take_portal_value (RescueStyleManager *self,
                   Pref                pref,
                   GVariant           *value)
{
  g_autoptr(GVariant) inner = g_variant_ref (value);

  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *child = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = child;
    }

  if (!g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32))
    {
      g_debug ("Portal %s is a %s, not a number: ignored",
               sources[pref].portal_key, g_variant_get_type_string (inner));
      return;
    }

  self->from_portal[pref] = TRUE;
  self->portal_on[pref] = g_variant_get_uint32 (inner) == 1;
  apply (self);
}

static void
setting_changed_cb (GDBusConnection *bus,
                    const char      *sender,
                    const char      *object_path,
                    const char      *interface,
                    const char      *signal,
                    GVariant        *parameters,
                    gpointer         data)
{
  g_autoptr(RescueStyleManager) self = g_weak_ref_get (data);
  const char *namespace, *key;
  g_autoptr(GVariant) value = NULL;
  Pref pref;

  if (self == NULL || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;

  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_strcmp0 (namespace, APPEARANCE_NAMESPACE) == 0 && pref_for_portal_key (key, &pref))
    take_portal_value (self, pref, value);
}

typedef struct
{
  RescueStyleManager *self;
  Pref                pref;
} ReadData;

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autofree ReadData *read = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  /* Cancelled in dispose: self is gone, and the answer comes back as
   * cancelled even when it had already arrived */
  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (reply == NULL)
    {
      /* No portal, or one that does not know the key: GNOME's keys stay */
      g_debug ("Portal %s not read: %s", sources[read->pref].portal_key, error->message);
      return;
    }

  g_variant_get (reply, "(v)", &value);
  take_portal_value (read->self, read->pref, value);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
read_portal (RescueStyleManager *self)
{
  /* GLib 2.74 may still deliver a signal queued before the unsubscribe
   * in dispose: hence a weak reference, not self */
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  /* Subscribe first, so that a change between the read and its answer
   * is not missed */
  self->setting_changed_id =
    g_dbus_connection_signal_subscribe (self->bus, PORTAL_BUS_NAME, PORTAL_SETTINGS_INTERFACE,
                                        "SettingChanged", PORTAL_OBJECT_PATH, APPEARANCE_NAMESPACE,
                                        G_DBUS_SIGNAL_FLAGS_NONE, setting_changed_cb,
                                        weak, weak_ref_free);

  for (Pref pref = 0; pref < N_PREFS; pref++)
    {
      ReadData *read = g_new0 (ReadData, 1);

      read->self = self;
      read->pref = pref;
      g_dbus_connection_call (self->bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                              PORTAL_SETTINGS_INTERFACE, "Read",
                              g_variant_new ("(ss)", APPEARANCE_NAMESPACE, sources[pref].portal_key),
                              G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, PORTAL_TIMEOUT_MS,
                              self->cancellable, read_done_cb, read);
    }
}

static void
settings_changed_cb (RescueStyleManager *self)
{
  apply (self);
}

/* Only where the schema and its key are installed: looking up a missing
 * schema with g_settings_new() would end the app */
static GSettings *
settings_new_if_installed (const char *schema_id,
                           const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, schema_id, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static void
rescue_style_manager_dispose (GObject *object)
{
  RescueStyleManager *self = (RescueStyleManager *)object;
  GtkSettings *gtk_settings = gtk_settings_get_default ();

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->setting_changed_id != 0)
    g_dbus_connection_signal_unsubscribe (self->bus, self->setting_changed_id);
  self->setting_changed_id = 0;
  g_clear_object (&self->bus);
  for (Pref pref = 0; pref < N_PREFS; pref++)
    {
      if (self->settings[pref] != NULL)
        g_signal_handlers_disconnect_by_data (self->settings[pref], self);
      g_clear_object (&self->settings[pref]);
    }

  /* Leave GTK as it was found: the display outlives the application */
  if (gtk_settings != NULL && self->dark != self->prefer_dark_before)
    g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", self->prefer_dark_before, NULL);
  self->dark = self->prefer_dark_before;
  if (gtk_settings != NULL && self->theme_replaced)
    g_object_set (gtk_settings, "gtk-theme-name", self->theme_before, NULL);
  self->theme_replaced = FALSE;
  g_clear_pointer (&self->theme_before, g_free);

  G_OBJECT_CLASS (rescue_style_manager_parent_class)->dispose (object);
}

static void
rescue_style_manager_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RescueStyleManager *self = RESCUE_STYLE_MANAGER (object);

  switch (prop_id)
    {
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_style_manager_class_init (RescueStyleManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rescue_style_manager_dispose;
  object_class->get_property = rescue_style_manager_get_property;

  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rescue_style_manager_init (RescueStyleManager *self)
{
}

/**
 * rescue_style_manager_new:
 * @bus: (nullable): the session bus, where the Settings portal is
 *
 * Follows the desktop's dark and high-contrast preferences from now on,
 * unless GTK_THEME is set: then the person chose a theme, and it wins.
 */
RescueStyleManager *
rescue_style_manager_new (GDBusConnection *bus)
{
  RescueStyleManager *self;
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  const char *gtk_theme = g_getenv ("GTK_THEME");

  g_return_val_if_fail (bus == NULL || G_IS_DBUS_CONNECTION (bus), NULL);

  self = g_object_new (RESCUE_TYPE_STYLE_MANAGER, NULL);

  if ((gtk_theme != NULL && *gtk_theme != '\0') || gtk_settings == NULL)
    return self;

  g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &self->prefer_dark_before, NULL);
  self->dark = self->prefer_dark_before;

  for (Pref pref = 0; pref < N_PREFS; pref++)
    {
      g_autofree char *signal = g_strconcat ("changed::", sources[pref].settings_key, NULL);

      self->settings[pref] = settings_new_if_installed (sources[pref].schema_id, sources[pref].settings_key);
      if (self->settings[pref] != NULL)
        g_signal_connect_swapped (self->settings[pref], signal, G_CALLBACK (settings_changed_cb), self);
    }
  apply (self);

  if (bus != NULL)
    {
      self->bus = g_object_ref (bus);
      self->cancellable = g_cancellable_new ();
      read_portal (self);
    }

  return self;
}

gboolean
rescue_style_manager_get_dark (RescueStyleManager *self)
{
  g_return_val_if_fail (RESCUE_IS_STYLE_MANAGER (self), FALSE);

  return self->dark;
}

gboolean
rescue_style_manager_get_high_contrast (RescueStyleManager *self)
{
  g_return_val_if_fail (RESCUE_IS_STYLE_MANAGER (self), FALSE);

  return self->high_contrast;
}
