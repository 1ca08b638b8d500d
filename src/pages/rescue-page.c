/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-page"

#include "config.h"

#include "rescue-page.h"
#include "rescue-clamp.h"
#include "rescue-page-header.h"

/*
 * A page is a view of the flow: it reads it and sends it events. It never
 * decides which page comes next; the flow does, and the window shows it.
 * What it shows comes from the context it is made with.
 *
 * Every page has the same frame, made here: a header (icon, title, one
 * sentence), the page's own content in a scrolled column, and its
 * decisions in a bar below that never scrolls away. A page's template
 * adds its content as plain children, its buttons as <child type="action">
 * and a line under them as <child type="action-note">.
 */

#define MAXIMUM_WIDTH_CHARS 80

typedef struct
{
  RescueContext    *context;
  RescuePageHeader *header;
  GtkBox           *content;
  GtkBox           *actions;
  RescueButtonRow  *action_row;
  GtkWidget        *default_widget;
  GPtrArray        *bound_buttons;   /* each with its event as "rescue-event" */
} RescuePagePrivate;

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ICON_NAME,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rescue_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (RescuePage, rescue_page, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (RescuePage)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, rescue_page_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
notify_flow_cb (RescuePage *self)
{
  RescuePageClass *klass = RESCUE_PAGE_GET_CLASS (self);
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);
  RescueFlow *flow = rescue_page_get_flow (self);

  /* A button is sensitive exactly when the flow takes its event */
  for (guint i = 0; i < priv->bound_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (priv->bound_buttons, i);
      RescueEvent event = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "rescue-event"));

      gtk_widget_set_sensitive (button, flow != NULL && rescue_flow_can_handle (flow, event));
    }

  if (klass->flow_changed != NULL)
    klass->flow_changed (self);
}

static void
bound_button_clicked_cb (GtkWidget  *button,
                         RescuePage *self)
{
  rescue_page_send (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "rescue-event")));
}

static gboolean
deselect_heading_cb (gpointer data)
{
  GtkLabel *heading = data;

  if (gtk_widget_has_focus (GTK_WIDGET (heading)))
    gtk_label_select_region (heading, 0, 0);

  return G_SOURCE_REMOVE;
}

/* A label selects all its text when Tab brings focus to it, just after
 * taking focus; a heading should only be read, not shown highlighted. The
 * idle runs before the next event, so a drag still selects. */
static void
heading_focus_cb (GtkLabel *heading)
{
  if (gtk_widget_has_focus (GTK_WIDGET (heading)))
    g_idle_add_full (G_PRIORITY_HIGH, deselect_heading_cb, g_object_ref (heading), g_object_unref);
}

static void
rescue_page_buildable_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  RescuePage *self = RESCUE_PAGE (buildable);
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  if (!GTK_IS_WIDGET (child) || priv->content == NULL)
    parent_buildable_iface->add_child (buildable, builder, child, type);
  else if (g_strcmp0 (type, "action") == 0)
    rescue_button_row_append (priv->action_row, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "action-note") == 0)
    gtk_box_append (priv->actions, GTK_WIDGET (child));
  else
    gtk_box_append (priv->content, GTK_WIDGET (child));
}

static void
rescue_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = rescue_page_buildable_add_child;
}

/* Subclasses chain up first: their view is computed from the flow here,
 * once, and again whenever it changes */
static void
rescue_page_constructed (GObject *object)
{
  RescuePage *self = RESCUE_PAGE (object);
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  G_OBJECT_CLASS (rescue_page_parent_class)->constructed (object);

  g_assert (RESCUE_IS_CONTEXT (priv->context));
  g_signal_connect_object (rescue_context_get_flow (priv->context), "notify",
                           G_CALLBACK (notify_flow_cb), self, G_CONNECT_SWAPPED);
  notify_flow_cb (self);
}

static void
rescue_page_dispose (GObject *object)
{
  RescuePage *self = (RescuePage *)object;
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  /* The flow outlives its pages: no more updates into torn-down widgets */
  if (priv->context != NULL)
    g_signal_handlers_disconnect_by_func (rescue_context_get_flow (priv->context), notify_flow_cb, self);
  g_clear_object (&priv->context);
  g_ptr_array_set_size (priv->bound_buttons, 0);
  priv->header = NULL;
  priv->content = NULL;
  priv->actions = NULL;
  priv->action_row = NULL;
  priv->default_widget = NULL;

  G_OBJECT_CLASS (rescue_page_parent_class)->dispose (object);
}

static void
rescue_page_finalize (GObject *object)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (RESCUE_PAGE (object));

  g_clear_pointer (&priv->bound_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (rescue_page_parent_class)->finalize (object);
}

static void
rescue_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RescuePage *self = RESCUE_PAGE (object);
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    case PROP_ICON_NAME:
    case PROP_TITLE:
    case PROP_DESCRIPTION:
      g_object_get_property (G_OBJECT (priv->header), pspec->name, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RescuePage *self = RESCUE_PAGE (object);
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;
    case PROP_ICON_NAME:
      rescue_page_set_icon_name (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      rescue_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      rescue_page_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_page_class_init (RescuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rescue_page_constructed;
  object_class->dispose = rescue_page_dispose;
  object_class->finalize = rescue_page_finalize;
  object_class->get_property = rescue_page_get_property;
  object_class->set_property = rescue_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RESCUE_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
rescue_page_init (RescuePage *self)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = rescue_clamp_new ();
  GtkWidget *bar = rescue_clamp_new ();
  g_autoptr(GtkSizeGroup) column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  priv->bound_buttons = g_ptr_array_new ();

  priv->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_margin_top (GTK_WIDGET (priv->content), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (priv->content), 36);
  gtk_widget_set_margin_start (GTK_WIDGET (priv->content), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (priv->content), 18);
  gtk_widget_add_css_class (GTK_WIDGET (priv->content), "page-content");

  priv->header = g_object_new (RESCUE_TYPE_PAGE_HEADER, NULL);
  gtk_box_append (priv->content, GTK_WIDGET (priv->header));
  g_signal_connect (rescue_page_header_get_heading (priv->header), "notify::has-focus",
                    G_CALLBACK (heading_focus_cb), NULL);

  rescue_clamp_set_maximum_width_chars (RESCUE_CLAMP (clamp), MAXIMUM_WIDTH_CHARS);
  rescue_clamp_set_child (RESCUE_CLAMP (clamp), GTK_WIDGET (priv->content));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));

  /* The decisions: always in view, whatever the page's length */
  priv->actions = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_margin_top (GTK_WIDGET (priv->actions), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (priv->actions), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (priv->actions), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (priv->actions), 18);
  priv->action_row = RESCUE_BUTTON_ROW (rescue_button_row_new ());
  gtk_widget_add_css_class (GTK_WIDGET (priv->action_row), "page-actions");
  gtk_box_append (priv->actions, GTK_WIDGET (priv->action_row));

  /* The buttons end where the text ends, in one column with it */
  gtk_size_group_add_widget (column, GTK_WIDGET (priv->content));
  gtk_size_group_add_widget (column, GTK_WIDGET (priv->actions));
  rescue_clamp_set_maximum_width_chars (RESCUE_CLAMP (bar), MAXIMUM_WIDTH_CHARS);
  rescue_clamp_set_child (RESCUE_CLAMP (bar), GTK_WIDGET (priv->actions));
  gtk_widget_add_css_class (bar, "page-action-bar");
  gtk_widget_set_parent (bar, GTK_WIDGET (self));
}

RescueContext *
rescue_page_get_context (RescuePage *self)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_val_if_fail (RESCUE_IS_PAGE (self), NULL);

  return priv->context;
}

RescueFlow *
rescue_page_get_flow (RescuePage *self)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_val_if_fail (RESCUE_IS_PAGE (self), NULL);

  return priv->context ? rescue_context_get_flow (priv->context) : NULL;
}

/**
 * rescue_page_send:
 * Sends @event to the flow. Buttons are only sensitive when the flow can
 * take their event, so a refusal here is a bug worth a warning.
 */
void
rescue_page_send (RescuePage  *self,
                  RescueEvent  event)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RESCUE_IS_PAGE (self));

  if (!rescue_flow_handle (rescue_page_get_flow (self), event, &error))
    g_warning ("%s", error->message);
}

/**
 * rescue_page_bind_event:
 * @button: a button of the page, usually one of its decisions
 *
 * Clicking @button sends @event to the flow, and @button is sensitive
 * exactly when the flow can take @event: what every decision on every page
 * does, in one place.
 */
void
rescue_page_bind_event (RescuePage  *self,
                        GtkWidget   *button,
                        RescueEvent  event)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_if_fail (RESCUE_IS_PAGE (self));
  g_return_if_fail (GTK_IS_BUTTON (button));

  g_object_set_data (G_OBJECT (button), "rescue-event", GINT_TO_POINTER (event));
  g_signal_connect_object (button, "clicked", G_CALLBACK (bound_button_clicked_cb), self, 0);
  g_ptr_array_add (priv->bound_buttons, button);
}

void
rescue_page_set_icon_name (RescuePage *self,
                           const char *icon_name)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_if_fail (RESCUE_IS_PAGE (self));

  rescue_page_header_set_icon_name (priv->header, icon_name);
}

void
rescue_page_set_title (RescuePage *self,
                       const char *title)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_if_fail (RESCUE_IS_PAGE (self));

  rescue_page_header_set_title (priv->header, title);
}

void
rescue_page_set_description (RescuePage *self,
                             const char *description)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_if_fail (RESCUE_IS_PAGE (self));

  rescue_page_header_set_description (priv->header, description);
}

/**
 * rescue_page_focus_heading:
 * Moves keyboard focus to the page's title, so a screen reader reads the
 * new page from its start.
 */
gboolean
rescue_page_focus_heading (RescuePage *self)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);
  GtkWidget *heading;

  g_return_val_if_fail (RESCUE_IS_PAGE (self), FALSE);

  heading = rescue_page_header_get_heading (priv->header);
  if (!gtk_widget_grab_focus (heading))
    return FALSE;

  /* Focus selects a label's text; a heading should only be read */
  gtk_label_select_region (GTK_LABEL (heading), 0, 0);

  return TRUE;
}

/**
 * rescue_page_set_default_widget:
 * The page's primary button: what Enter presses while the page is shown.
 * A page that asks for one of two outcomes has none, so that a hurried
 * Enter never answers for the person.
 */
void
rescue_page_set_default_widget (RescuePage *self,
                                GtkWidget  *widget)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_if_fail (RESCUE_IS_PAGE (self));

  priv->default_widget = widget;
}

GtkWidget *
rescue_page_get_default_widget (RescuePage *self)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_val_if_fail (RESCUE_IS_PAGE (self), NULL);

  return priv->default_widget;
}

/**
 * rescue_page_get_action_row:
 * The row of the page's decisions, in the bar at the bottom.
 *
 * Returns: (transfer none): the row
 */
RescueButtonRow *
rescue_page_get_action_row (RescuePage *self)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_val_if_fail (RESCUE_IS_PAGE (self), NULL);

  return priv->action_row;
}
