/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-page-header"

#include "config.h"

#include "rescue-page-header.h"

/*
 * The top of every page: a large symbolic icon, the title as a focusable
 * heading (a new page is read from it), and one dim sentence, hidden when
 * there is none.
 */

struct _RescuePageHeader
{
  GtkWidget  parent_instance;

  GtkImage  *icon;
  GtkLabel  *heading;
  GtkLabel  *description;
};

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescuePageHeader, rescue_page_header, GTK_TYPE_WIDGET)

static void
rescue_page_header_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RESCUE_TYPE_PAGE_HEADER);

  G_OBJECT_CLASS (rescue_page_header_parent_class)->dispose (object);
}

static void
rescue_page_header_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RescuePageHeader *self = RESCUE_PAGE_HEADER (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, gtk_image_get_icon_name (self->icon));
      break;
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_text (self->heading));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, gtk_label_get_text (self->description));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_page_header_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RescuePageHeader *self = RESCUE_PAGE_HEADER (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      rescue_page_header_set_icon_name (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      rescue_page_header_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      rescue_page_header_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_page_header_class_init (RescuePageHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rescue_page_header_dispose;
  object_class->get_property = rescue_page_header_get_property;
  object_class->set_property = rescue_page_header_set_property;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rescue-page-header.ui");
  gtk_widget_class_bind_template_child (widget_class, RescuePageHeader, icon);
  gtk_widget_class_bind_template_child (widget_class, RescuePageHeader, heading);
  gtk_widget_class_bind_template_child (widget_class, RescuePageHeader, description);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "page-header");
}

static void
rescue_page_header_init (RescuePageHeader *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A column on the page's 6 px grid */
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
}

void
rescue_page_header_set_icon_name (RescuePageHeader *self,
                                  const char       *icon_name)
{
  g_return_if_fail (RESCUE_IS_PAGE_HEADER (self));

  if (g_strcmp0 (gtk_image_get_icon_name (self->icon), icon_name) == 0)
    return;

  gtk_image_set_from_icon_name (self->icon, icon_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

void
rescue_page_header_set_title (RescuePageHeader *self,
                              const char       *title)
{
  g_return_if_fail (RESCUE_IS_PAGE_HEADER (self));

  if (g_strcmp0 (gtk_label_get_text (self->heading), title ? title : "") == 0)
    return;

  gtk_label_set_text (self->heading, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
rescue_page_header_set_description (RescuePageHeader *self,
                                    const char       *description)
{
  g_return_if_fail (RESCUE_IS_PAGE_HEADER (self));

  if (g_strcmp0 (gtk_label_get_text (self->description), description ? description : "") == 0)
    return;

  gtk_label_set_text (self->description, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description), description != NULL && *description != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * rescue_page_header_get_heading:
 * The title label: what a new page moves keyboard focus to.
 *
 * Returns: (transfer none): the heading
 */
GtkWidget *
rescue_page_header_get_heading (RescuePageHeader *self)
{
  g_return_val_if_fail (RESCUE_IS_PAGE_HEADER (self), NULL);

  return GTK_WIDGET (self->heading);
}
