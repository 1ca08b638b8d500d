/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-page"

#include "config.h"

#include "rescue-page.h"
#include "rescue-application.h"
#include "rescue-button-row.h"
#include "rescue-clamp.h"
#include "rescue-countries.h"
#include "rescue-support-message.h"

/*
 * A page is a view of the flow: it reads it and sends it events. It never
 * decides which page comes next; the flow does, and the window shows it.
 */

typedef struct
{
  RescueFlow *flow;
  GtkWidget  *heading;
  GtkWidget  *default_widget;
} RescuePagePrivate;

enum {
  PROP_0,
  PROP_FLOW,
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
  if (priv->flow != NULL)
    g_signal_handlers_disconnect_by_func (priv->flow, notify_flow_cb, self);
  g_clear_object (&priv->flow);
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
    case PROP_FLOW:
      g_value_set_object (value, rescue_page_get_flow (self));
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

  switch (prop_id)
    {
    case PROP_FLOW:
      rescue_page_set_flow (self, g_value_get_object (value));
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

  object_class->dispose = rescue_page_dispose;
  object_class->get_property = rescue_page_get_property;
  object_class->set_property = rescue_page_set_property;

  properties[PROP_FLOW] =
    g_param_spec_object ("flow", NULL, NULL, RESCUE_TYPE_FLOW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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

RescueFlow *
rescue_page_get_flow (RescuePage *self)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_val_if_fail (RESCUE_IS_PAGE (self), NULL);

  return priv->flow;
}

void
rescue_page_set_flow (RescuePage *self,
                      RescueFlow *flow)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);

  g_return_if_fail (RESCUE_IS_PAGE (self));
  g_return_if_fail (flow == NULL || RESCUE_IS_FLOW (flow));

  if (priv->flow == flow)
    return;

  if (priv->flow != NULL)
    g_signal_handlers_disconnect_by_func (priv->flow, notify_flow_cb, self);

  g_set_object (&priv->flow, flow);

  if (flow != NULL)
    g_signal_connect_object (flow, "notify", G_CALLBACK (notify_flow_cb), self,
                             G_CONNECT_SWAPPED);

  notify_flow_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLOW]);
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
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RESCUE_IS_PAGE (self));

  if (priv->flow == NULL)
    return;

  if (!rescue_flow_handle (priv->flow, event, &error))
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

/**
 * rescue_page_dup_support_message:
 * @read_countries: whether to read the list of countries if nothing has
 *   yet: not on every keystroke, nor before the first frame
 *
 * The message for X's support, written from the flow as it is now, with
 * the country's name (once the application has read the list) and X's
 * numbers there when the page is in the application's window; otherwise
 * the country's code and no number.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL without a flow
 */
char *
rescue_page_dup_support_message (RescuePage *self,
                                 gboolean    read_countries)
{
  RescuePagePrivate *priv = rescue_page_get_instance_private (self);
  g_autoptr(GStrvBuilder) numbers = g_strv_builder_new ();
  g_autoptr(RescueCountry) country = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_auto(GStrv) number_list = NULL;
  GtkRoot *root;
  GtkApplication *app = NULL;

  g_return_val_if_fail (RESCUE_IS_PAGE (self), NULL);

  if (priv->flow == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    app = gtk_window_get_application (GTK_WINDOW (root));

  if (RESCUE_IS_APPLICATION (app))
    {
      RescueShortCodes *short_codes = rescue_application_get_short_codes (RESCUE_APPLICATION (app));
      GListModel *countries = read_countries
        ? rescue_application_get_countries (RESCUE_APPLICATION (app), NULL)
        : rescue_application_peek_countries (RESCUE_APPLICATION (app));
      const char *code = rescue_flow_get_country (priv->flow);

      if (short_codes != NULL)
        {
          g_autoptr(GPtrArray) senders = rescue_short_codes_lookup (short_codes, code);

          /* A number that is no longer used is not one anybody unblocked */
          for (guint i = 0; i < senders->len; i++)
            if (((RescueSender *) g_ptr_array_index (senders, i))->ended == 0)
              g_strv_builder_add (numbers, ((RescueSender *) g_ptr_array_index (senders, i))->number);
        }

      if (countries != NULL)
        {
          guint position = rescue_countries_find (countries, code);

          if (position != G_MAXUINT)
            country = g_list_model_get_item (countries, position);
        }
    }

  number_list = g_strv_builder_end (numbers);
  return rescue_support_message_compose (priv->flow,
                                         country ? rescue_country_get_name (country) : NULL,
                                         (const char * const *) number_list, now);
}
