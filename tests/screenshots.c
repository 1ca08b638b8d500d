/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-harness.h"

/* Not a test: build-aux/screenshots.sh runs this once per language to draw
 * every page, wide and narrow, light and dark, into
 * OUTPUT_DIR/<page>-<wide|narrow>-<light|dark>.png, and the welcome and
 * unblock pages as the desktop's preferences make them (dark, high
 * contrast, high contrast on dark) into
 * OUTPUT_DIR/<page>-<wide|narrow>-<desktop-dark|high-contrast|high-contrast-dark>.png.
 * With "few" after OUTPUT_DIR, only the welcome and unblock pages, wide
 * and narrow, light: enough to show a language's script and direction.
 * It runs the real
 * application through the UI tests' harness, so nothing leaves the
 * machine and no settings or progress of the person running it are used. */

typedef struct
{
  const char *output_dir;
  const char *width_name;
  const char *style;
  /* only the pages that show what a style does to every kind of widget */
  gboolean    few_pages;
  /* and only light */
  gboolean    light_only;
} Shot;

/* The window as drawn, header bar included (there is no window manager
 * under Xvfb, so no frame and no shadow) */
static void
save_window (UiApp      *ui,
             const char *path)
{
  GtkWidget *window = GTK_WIDGET (ui->window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;

  /* The paintable only holds what is drawn after it exists */
  gtk_widget_queue_draw (window);
  ui_settle (ui);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
  g_print ("%s\n", path);
}

static void
shoot_page (UiApp      *ui,
            RescueStep  step,
            gpointer    data)
{
  Shot *shot = data;
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.png", rescue_step_to_string (step),
                                           shot->width_name, shot->style);
  g_autofree char *path = g_build_filename (shot->output_dir, name, NULL);

  if (shot->few_pages && step != RESCUE_STEP_WELCOME && step != RESCUE_STEP_UNBLOCK)
    return;

  /* The same moment in every run, so a picture only changes when the
   * page does (20 November 2025, 14:03 UTC) */
  if (step == RESCUE_STEP_WAITING_FOR_SUPPORT)
    {
      RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (ui->app));
      g_auto(RescueFlowSnapshot) snapshot = { 0, };
      g_autoptr(GError) error = NULL;

      rescue_flow_get_snapshot (flow, &snapshot);
      snapshot.support_submitted_at = 1763647380;
      g_assert_true (rescue_flow_restore (flow, &snapshot, &error));
      ui_settle (ui);
    }

  save_window (ui, path);
}

static void
shoot_every_page (UiApp    *ui,
                  gpointer  data)
{
  Shot *shot = data;
  RescueFlow *flow = rescue_context_get_flow (rescue_application_get_context (ui->app));

  for (int dark = 0; dark < (shot->light_only ? 1 : 2); dark++)
    {
      g_autoptr(GError) error = NULL;

      shot->style = dark ? "dark" : "light";
      g_object_set (gtk_widget_get_settings (GTK_WIDGET (ui->window)),
                    "gtk-application-prefer-dark-theme", dark,
                    NULL);
      /* each round starts on the welcome page */
      if (rescue_flow_get_step (flow) != RESCUE_STEP_WELCOME)
        g_assert_true (rescue_flow_handle (flow, RESCUE_EVENT_RESTART, &error));
      ui_visit_every_page (ui, shoot_page, shot);
    }
}

/* The desktop's preferences as GNOME's keys hold them (there is no
 * portal on the private bus): the way RescueStyleManager takes them */
static void
shoot_desktop_style (UiApp    *ui,
                     gpointer  data)
{
  ui_visit_every_page (ui, shoot_page, data);
}

static GSettings *
desktop_settings (const char *schema_id)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), schema_id, TRUE);

  if (schema == NULL)
    g_error ("%s is not installed: install gsettings-desktop-schemas", schema_id);

  return g_settings_new (schema_id);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; int width, height; } sizes[] = {
    { "wide", 860, 620 },
    { "narrow", 360, 720 },
  };
  static const struct { const char *name; const char *color_scheme; gboolean high_contrast; } styles[] = {
    { "desktop-dark", "prefer-dark", FALSE },
    { "high-contrast", "default", TRUE },
    { "high-contrast-dark", "prefer-dark", TRUE },
  };
  g_autoptr(GSettings) interface = NULL;
  g_autoptr(GSettings) a11y = NULL;
  gboolean few;

  ui_harness_init (&argc, &argv);
  if (argc != 2 && (argc != 3 || !g_str_equal (argv[2], "few")))
    g_error ("Usage: %s OUTPUT_DIR [few]", argv[0]);
  few = argc == 3;

  /* What GNOME shows by default, so the pictures look like the desktop;
   * no animations, so no picture catches a page fading into the next */
  g_object_set (gtk_settings_get_default (),
                "gtk-font-name", "Cantarell 11",
                "gtk-enable-animations", FALSE,
                NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
      Shot shot = { argv[1], sizes[i].name, "light", few, few };

      g_unlink (ui_harness_state_file ());
      g_settings_set_int (settings, "window-width", sizes[i].width);
      g_settings_set_int (settings, "window-height", sizes[i].height);
      ui_run (shoot_every_page, &shot);
    }

  if (few)
    return 0;

  interface = desktop_settings ("org.gnome.desktop.interface");
  a11y = desktop_settings ("org.gnome.desktop.a11y.interface");
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    for (guint j = 0; j < G_N_ELEMENTS (sizes); j++)
      {
        g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
        Shot shot = { argv[1], sizes[j].name, styles[i].name, TRUE, FALSE };

        g_unlink (ui_harness_state_file ());
        g_settings_set_int (settings, "window-width", sizes[j].width);
        g_settings_set_int (settings, "window-height", sizes[j].height);
        g_settings_set_string (interface, "color-scheme", styles[i].color_scheme);
        g_settings_set_boolean (a11y, "high-contrast", styles[i].high_contrast);
        ui_run (shoot_desktop_style, &shot);
      }

  return 0;
}
