/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ui-harness.h"

/* The app follows the desktop's style: dark and high contrast from the
 * Settings portal (a stand-in owned on the test's private session bus),
 * from GNOME's keys where no portal answers, and never over GTK_THEME.
 *
 * The stand-in owns its name only inside the test that needs it, on a
 * connection of its own, and gives it back before the test ends: the
 * other tests on the same bus, run after this one, see no portal. */

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS_INTERFACE "org.freedesktop.portal.Settings"
#define APPEARANCE "org.freedesktop.appearance"

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Settings'>"
  "    <method name='Read'>"
  "      <arg type='s' name='namespace' direction='in'/>"
  "      <arg type='s' name='key' direction='in'/>"
  "      <arg type='v' name='value' direction='out'/>"
  "    </method>"
  "    <signal name='SettingChanged'>"
  "      <arg type='s' name='namespace'/>"
  "      <arg type='s' name='key'/>"
  "      <arg type='v' name='value'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

typedef struct
{
  GDBusConnection *bus;
  guint            object_id;
  guint            name_id;
  gboolean         owned;
  guint            color_scheme;
  guint            contrast;
  /* xdg-desktop-portal up to 1.16 wraps Read's value in a second variant */
  gboolean         nested;
  guint            reads;
} Portal;

static Portal portal;

static void
portal_method_cb (GDBusConnection       *bus,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface,
                  const char            *method,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               data)
{
  const char *namespace, *key;
  GVariant *value;

  g_variant_get (parameters, "(&s&s)", &namespace, &key);
  portal.reads++;
  if (g_strcmp0 (namespace, APPEARANCE) == 0 && g_strcmp0 (key, "color-scheme") == 0)
    value = g_variant_new_uint32 (portal.color_scheme);
  else if (g_strcmp0 (namespace, APPEARANCE) == 0 && g_strcmp0 (key, "contrast") == 0)
    value = g_variant_new_uint32 (portal.contrast);
  else
    {
      g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.portal.Error.NotFound",
                                                  "Requested setting not found");
      return;
    }

  if (portal.nested)
    value = g_variant_new_variant (value);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(v)", value));
}

static void
name_acquired_cb (GDBusConnection *bus,
                  const char      *name,
                  gpointer         data)
{
  portal.owned = TRUE;
}

static gboolean
portal_owned (gpointer data)
{
  return portal.owned;
}

static void
portal_start (guint    color_scheme,
              guint    contrast,
              gboolean nested)
{
  static const GDBusInterfaceVTable vtable = { portal_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  portal = (Portal) { NULL, 0, 0, FALSE, color_scheme, contrast, nested, 0 };
  portal.bus = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  portal.object_id = g_dbus_connection_register_object (portal.bus, PORTAL_OBJECT_PATH,
                                                        info->interfaces[0], &vtable,
                                                        NULL, NULL, &error);
  g_assert_no_error (error);
  portal.name_id = g_bus_own_name_on_connection (portal.bus, PORTAL_BUS_NAME,
                                                 G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                                 name_acquired_cb, NULL, NULL, NULL);
  g_assert_true (ui_wait_until (portal_owned, NULL, 5000));
}

static void
portal_stop (void)
{
  g_autoptr(GError) error = NULL;

  g_bus_unown_name (portal.name_id);
  g_dbus_connection_unregister_object (portal.bus, portal.object_id);
  /* Closing gives the name back at once, before the next test starts */
  g_dbus_connection_close_sync (portal.bus, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&portal.bus);
}

static void
portal_change (const char *key,
               guint       value)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (portal.bus, NULL, PORTAL_OBJECT_PATH, PORTAL_SETTINGS_INTERFACE,
                                 "SettingChanged",
                                 g_variant_new ("(ssv)", APPEARANCE, key, g_variant_new_uint32 (value)),
                                 &error);
  g_assert_no_error (error);
}

static gboolean
prefers_dark (gpointer data)
{
  gboolean dark;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &dark, NULL);
  return dark == GPOINTER_TO_INT (data);
}

static char *
theme_name (void)
{
  char *name = NULL;

  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &name, NULL);
  return name;
}

static gboolean
theme_is (gpointer data)
{
  g_autofree char *name = theme_name ();

  return g_strcmp0 (name, data) == 0;
}

/* The style as drawn: light text on dark, or dark text on light */
typedef struct
{
  UiApp    *ui;
  gboolean  light_text;
} TextColor;

static gboolean
text_is_light (gpointer data)
{
  TextColor *check = data;
  GtkWidget *label = ui_find_type (GTK_WIDGET (check->ui->window), GTK_TYPE_LABEL, 0);
  GdkRGBA color;

  g_assert_nonnull (label);
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &color);
  return (color.red + color.green + color.blue > 1.5) == check->light_text;
}

static gboolean
wait_for_text (UiApp    *ui,
               gboolean  light_text)
{
  TextColor check = { ui, light_text };

  ui_flush ();
  return ui_wait_until (text_is_light, &check, 5000);
}

static gboolean
portal_read_twice (gpointer data)
{
  return portal.reads >= 2;
}

static void
follow_portal (UiApp    *ui,
               gpointer  data)
{
  g_autofree char *theme_before = NULL;

  /* Read said "dark" */
  g_assert_true (ui_wait_until (portal_read_twice, NULL, 5000));
  g_assert_true (ui_wait_until (prefers_dark, GINT_TO_POINTER (TRUE), 5000));
  g_assert_true (wait_for_text (ui, TRUE));
  theme_before = theme_name ();
  g_assert_cmpstr (theme_before, !=, "HighContrast");
  g_assert_cmpstr (theme_before, !=, "HighContrastInverse");

  /* and then, live: high contrast on a dark desktop */
  portal_change ("contrast", 1);
  g_assert_true (ui_wait_until (theme_is, "HighContrastInverse", 5000));
  g_assert_true (wait_for_text (ui, TRUE));

  /* light again, still high contrast */
  portal_change ("color-scheme", 0);
  g_assert_true (ui_wait_until (prefers_dark, GINT_TO_POINTER (FALSE), 5000));
  g_assert_true (ui_wait_until (theme_is, "HighContrast", 5000));
  g_assert_true (wait_for_text (ui, FALSE));

  /* "prefer light" is light too */
  portal_change ("color-scheme", 2);
  portal_change ("contrast", 0);
  g_assert_true (ui_wait_until (theme_is, theme_before, 5000));
  g_assert_true (prefers_dark (GINT_TO_POINTER (FALSE)));
  g_assert_true (wait_for_text (ui, FALSE));

  portal_change ("color-scheme", 1);
  g_assert_true (ui_wait_until (prefers_dark, GINT_TO_POINTER (TRUE), 5000));
}

static void
test_portal (gconstpointer data)
{
  gboolean nested = GPOINTER_TO_INT (data);

  portal_start (1, 0, nested);
  ui_run (follow_portal, NULL);
  portal_stop ();

  /* The app left GTK as it found it */
  g_assert_true (prefers_dark (GINT_TO_POINTER (FALSE)));
}

static void
high_contrast_from_start (UiApp    *ui,
                          gpointer  data)
{
  g_assert_true (ui_wait_until (theme_is, "HighContrast", 5000));
  g_assert_true (prefers_dark (GINT_TO_POINTER (FALSE)));
}

static void
test_portal_high_contrast (void)
{
  g_autofree char *theme_before = theme_name ();

  portal_start (0, 1, TRUE);
  ui_run (high_contrast_from_start, NULL);
  portal_stop ();
  g_assert_true (theme_is (theme_before));
}

static GSettings *
settings_if_installed (const char *schema_id,
                       const char *key)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), schema_id, TRUE);

  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;

  return g_settings_new (schema_id);
}

typedef struct
{
  GSettings *interface;
  GSettings *a11y;
} Keys;

static void
follow_settings (UiApp    *ui,
                 gpointer  data)
{
  Keys *keys = data;

  g_assert_true (ui_wait_until (prefers_dark, GINT_TO_POINTER (TRUE), 5000));
  g_assert_true (wait_for_text (ui, TRUE));

  g_settings_set_string (keys->interface, "color-scheme", "default");
  g_assert_true (ui_wait_until (prefers_dark, GINT_TO_POINTER (FALSE), 5000));
  g_assert_true (wait_for_text (ui, FALSE));

  g_settings_set_boolean (keys->a11y, "high-contrast", TRUE);
  g_assert_true (ui_wait_until (theme_is, "HighContrast", 5000));
  g_settings_set_boolean (keys->a11y, "high-contrast", FALSE);
  g_assert_false (theme_is ("HighContrast"));
}

/* No portal on the bus: GNOME's own keys (the memory backend here) */
static void
test_settings_fallback (void)
{
  Keys keys = {
    settings_if_installed ("org.gnome.desktop.interface", "color-scheme"),
    settings_if_installed ("org.gnome.desktop.a11y.interface", "high-contrast"),
  };

  if (keys.interface == NULL || keys.a11y == NULL)
    {
      g_test_skip ("gsettings-desktop-schemas 42 or later is not installed");
      g_clear_object (&keys.interface);
      g_clear_object (&keys.a11y);
      return;
    }

  g_settings_set_string (keys.interface, "color-scheme", "prefer-dark");
  ui_run (follow_settings, &keys);
  g_settings_reset (keys.interface, "color-scheme");
  g_settings_reset (keys.a11y, "high-contrast");
  g_clear_object (&keys.interface);
  g_clear_object (&keys.a11y);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static void
stays_light (UiApp    *ui,
             gpointer  data)
{
  /* time enough for an answer and a change to arrive, if asked */
  portal_change ("contrast", 1);
  g_assert_false (ui_wait_until (never, NULL, 500));
  g_assert_cmpuint (portal.reads, ==, 0);
  g_assert_true (prefers_dark (GINT_TO_POINTER (FALSE)));
  g_assert_false (theme_is ("HighContrast"));
  g_assert_false (theme_is ("HighContrastInverse"));
  g_assert_true (wait_for_text (ui, FALSE));
}

/* The person chose a theme: that wins over every preference */
static void
test_gtk_theme_wins (void)
{
  g_setenv ("GTK_THEME", "Adwaita", TRUE);
  portal_start (1, 0, TRUE);
  ui_run (stays_light, NULL);
  portal_stop ();
  g_unsetenv ("GTK_THEME");
}

int
main (int   argc,
      char *argv[])
{
  ui_harness_init (&argc, &argv);

  g_test_add_data_func ("/style/portal", GINT_TO_POINTER (FALSE), test_portal);
  g_test_add_data_func ("/style/portal-nested-read", GINT_TO_POINTER (TRUE), test_portal);
  g_test_add_func ("/style/portal-high-contrast", test_portal_high_contrast);
  g_test_add_func ("/style/settings-fallback", test_settings_fallback);
  g_test_add_func ("/style/gtk-theme-wins", test_gtk_theme_wins);

  return g_test_run ();
}
