/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-sources-box"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-browser.h"
#include "rescue-enums.h"
#include "rescue-sources.h"
#include "rescue-sources-box.h"

/* The "Sources" part at the end of a fix page: where its advice comes
 * from, each name a link that opens in the browser, and the day the
 * project last checked them. */

struct _RescueSourcesBox
{
  GtkWidget  parent_instance;

  RescueStep step;
  GtkLabel  *error_label;
};

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueSourcesBox, rescue_sources_box, GTK_TYPE_WIDGET)

static GtkWidget *
label_new (const char        *css_class,
           GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", role, NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(RescueSourcesBox) self = data;
  g_autoptr(GError) error = NULL;

  if (rescue_browser_open_finish (result, &error))
    return;

  g_debug ("Opening a source: %s", error->message);
  if (self->error_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Our own launcher rather than GtkLabel's: it says so when no browser
 * opens, instead of only logging it */
static gboolean
activate_link_cb (RescueSourcesBox *self,
                  const char       *uri)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  rescue_browser_open_async (uri, context, NULL, launched_cb, g_object_ref (self));

  return TRUE;
}

static void
populate (RescueSourcesBox *self)
{
  g_autoptr(GDateTime) checked = rescue_sources_get_last_checked ();
  g_autofree char *date = rescue_format_date (checked);
  g_autofree char *checked_text = NULL;
  const RescueSource *sources;
  guint n_sources;
  GtkWidget *heading;
  GtkWidget *label;

  heading = label_new ("heading", GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_label_set_text (GTK_LABEL (heading), _("Sources"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_set_parent (heading, GTK_WIDGET (self));

  sources = rescue_sources_get_for_step (self->step, &n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *name = g_markup_escape_text (_(sources[i].name), -1);
      g_autofree char *uri = g_markup_escape_text (sources[i].uri, -1);
      g_autofree char *markup = g_strdup_printf ("<a href=\"%s\">%s</a>", uri, name);
      GtkWidget *address;

      label = label_new ("source-name", GTK_ACCESSIBLE_ROLE_LABEL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      g_signal_connect_object (label, "activate-link", G_CALLBACK (activate_link_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_set_parent (label, GTK_WIDGET (self));

      address = label_new ("caption", GTK_ACCESSIBLE_ROLE_LABEL);
      gtk_widget_add_css_class (address, "dim-label");
      gtk_label_set_text (GTK_LABEL (address), sources[i].uri);
      /* Alone on its line, an address already reads left to right in
       * every language: Pango takes the line's direction from its first
       * letter, the "h" of https. Neither isolates, which would be copied
       * with it into a browser, nor a left-to-right widget, which would
       * pull it away from the name it belongs to in a right-to-left
       * window: test-rtl checks it reads left to right there. */
      gtk_label_set_selectable (GTK_LABEL (address), TRUE);
      gtk_widget_set_margin_bottom (address, 6);
      gtk_widget_set_parent (address, GTK_WIDGET (self));
    }

  label = label_new ("caption", GTK_ACCESSIBLE_ROLE_LABEL);
  /* Translators: %s is a date as ISO 8601 writes it (2026-12-06), the
   * day the project last checked that these web pages still say what
   * the advice says */
  checked_text = g_strdup_printf (_("Last checked: %s"), date);
  gtk_label_set_text (GTK_LABEL (label), checked_text);
  gtk_widget_set_parent (label, GTK_WIDGET (self));

  label = label_new ("error", GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_label_set_text (GTK_LABEL (label), _("No web browser could be opened. Select the address below the name and copy it into a browser."));
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  self->error_label = GTK_LABEL (label);
}

static void
rescue_sources_box_constructed (GObject *object)
{
  G_OBJECT_CLASS (rescue_sources_box_parent_class)->constructed (object);

  populate (RESCUE_SOURCES_BOX (object));
}

static void
rescue_sources_box_dispose (GObject *object)
{
  RescueSourcesBox *self = RESCUE_SOURCES_BOX (object);
  GtkWidget *child;

  self->error_label = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rescue_sources_box_parent_class)->dispose (object);
}

static void
rescue_sources_box_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RescueSourcesBox *self = RESCUE_SOURCES_BOX (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_enum (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_sources_box_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RescueSourcesBox *self = RESCUE_SOURCES_BOX (object);

  switch (prop_id)
    {
    case PROP_STEP:
      self->step = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_sources_box_class_init (RescueSourcesBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rescue_sources_box_constructed;
  object_class->dispose = rescue_sources_box_dispose;
  object_class->get_property = rescue_sources_box_get_property;
  object_class->set_property = rescue_sources_box_set_property;

  properties[PROP_STEP] =
    g_param_spec_enum ("step", NULL, NULL, RESCUE_TYPE_STEP, RESCUE_STEP_UNBLOCK,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sources");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rescue_sources_box_init (RescueSourcesBox *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
}

GtkWidget *
rescue_sources_box_new (RescueStep step)
{
  return g_object_new (RESCUE_TYPE_SOURCES_BOX, "step", step, NULL);
}

RescueStep
rescue_sources_box_get_step (RescueSourcesBox *self)
{
  g_return_val_if_fail (RESCUE_IS_SOURCES_BOX (self), RESCUE_STEP_UNBLOCK);

  return self->step;
}
