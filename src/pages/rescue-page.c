/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-page"

#include "config.h"

#include "rescue-page.h"
#include "rescue-button-row.h"
#include "rescue-clamp.h"

/*
 * A page is a view of the flow: it reads it and sends it events. It never
 * decides which page comes next; the flow does, and the window shows it.
 * What it shows comes from the context it is made with.
 */

typedef struct
{
  RescueContext *context;
  GtkWidget     *heading;
  GtkWidget     *default_widget;
} RescuePagePrivate;

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RescuePage, rescue_page, GTK_TYPE_WIDGET)

static void
notify_flow_cb (RescuePage *self)
{
  RescuePageClass *klass = RESCUE_PAGE_GET_CLASS (self);

  if (klass->flow_changed != NULL)
    klass->flow_changed (self);
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
  priv->heading = NULL;
  priv->default_widget = NULL;

  G_OBJECT_CLASS (rescue_page_parent_class)->dispose (object);
}

static void
rescue_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RescuePage *self = RESCUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, rescue_page_get_context (self));
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
rescue_page_class_init (RescuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rescue_page_constructed;
  object_class->dispose = rescue_page_dispose;
  object_class->get_property = rescue_page_get_property;
  object_class->set_property = rescue_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RESCUE_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* Every page's template centres its content in one, and ends with
   * its buttons in a row */
  g_type_ensure (RESCUE_TYPE_CLAMP);
  g_type_ensure (RESCUE_TYPE_BUTTON_ROW);
}

static void
rescue_page_init (RescuePage *self)
{
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

void
rescue_page_set_heading (RescuePage *self,
                         GtkWidget  *heading)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_if_fail (RESCUE_IS_PAGE (self));

  priv->heading = heading;
  if (GTK_IS_LABEL (heading))
    g_signal_connect (heading, "notify::has-focus", G_CALLBACK (heading_focus_cb), NULL);
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

  g_return_val_if_fail (RESCUE_IS_PAGE (self), FALSE);

  if (priv->heading == NULL || !gtk_widget_grab_focus (priv->heading))
    return FALSE;

  /* Focus selects a label's text; a heading should only be read */
  if (GTK_IS_LABEL (priv->heading))
    gtk_label_select_region (GTK_LABEL (priv->heading), 0, 0);

  return TRUE;
}

/**
 * rescue_page_set_default_widget:
 * The page's primary button: what Enter presses while the page is shown.
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
