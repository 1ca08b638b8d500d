/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-button-row"

#include "config.h"

#include "rescue-button-row.h"

/*
 * A page's buttons. Where they fit side by side, they sit at the end of
 * the row at their natural widths, the suggested one last (right, or left
 * in right-to-left languages), whatever order they were added in. Where
 * they do not, or the column is phone-narrow, they stack one per line at
 * the full width, the suggested one on top: never a lone button stranded
 * at the start of a second line, and never a button at half the width.
 * Their labels wrap, so even a long translation at large text leaves the
 * page as narrow as a 360 px window.
 *
 * With :choices, the buttons are alternatives of equal weight (toggle
 * buttons for one question): side by side they share the whole width
 * equally, stacked they keep their order.
 */

#define SPACING 12
#define CHOICES_SPACING 6
/* Below this, even buttons that would fit side by side stack: a column
 * this narrow is a phone's, where full-width buttons are easier to hit */
#define STACK_BELOW 400

struct _RescueButtonRow
{
  GtkWidget parent_instance;

  gboolean  stacked;
  gboolean  choices;
};

enum {
  PROP_0,
  PROP_STACKED,
  PROP_CHOICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rescue_button_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RescueButtonRow, rescue_button_row, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, rescue_button_row_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static int
spacing (RescueButtonRow *self)
{
  return self->choices ? CHOICES_SPACING : SPACING;
}

/* The visible children in row order: the suggested action last, unless
 * they are choices, which keep theirs */
static GPtrArray *
ordered_children (RescueButtonRow *self)
{
  GPtrArray *children = g_ptr_array_new ();

  for (int suggested = 0; suggested < 2; suggested++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (gtk_widget_should_layout (child) &&
          (self->choices ? !suggested : gtk_widget_has_css_class (child, "suggested-action") == suggested))
        g_ptr_array_add (children, child);

  return children;
}

static int
natural_width (GtkWidget *child)
{
  int natural;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static int
row_natural_width (RescueButtonRow *self,
                   GPtrArray       *children)
{
  int total = 0;
  int widest = 0;

  for (guint i = 0; i < children->len; i++)
    {
      int natural = natural_width (g_ptr_array_index (children, i));

      total += natural;
      widest = MAX (widest, natural);
    }

  if (self->choices)
    total = widest * children->len;

  return total + spacing (self) * MAX ((int)children->len - 1, 0);
}

static gboolean
stacks_at (RescueButtonRow *self,
           GPtrArray       *children,
           int              width)
{
  if (width < 0)
    return FALSE;

  if (!self->choices && width < STACK_BELOW)
    return TRUE;

  return width < row_natural_width (self, children);
}

/* The width child @i gets side by side in @width; choices share it to
 * the pixel, the first ones taking what division leaves over */
static int
cell_width (RescueButtonRow *self,
            GPtrArray       *children,
            guint            i,
            int              width)
{
  if (self->choices)
    {
      int n = children->len;
      int available = MAX (width - spacing (self) * (n - 1), 0);

      return available / n + ((int)i < available % n ? 1 : 0);
    }

  return natural_width (g_ptr_array_index (children, i));
}

static void
rescue_button_row_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RescueButtonRow *self = RESCUE_BUTTON_ROW (widget);
  g_autoptr(GPtrArray) children = ordered_children (self);
  gboolean stacked = orientation == GTK_ORIENTATION_VERTICAL && stacks_at (self, children, for_size);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* They can always stack: the widest one decides */
      for (guint i = 0; i < children->len; i++)
        {
          int child_min;

          gtk_widget_measure (g_ptr_array_index (children, i), orientation, -1, &child_min, NULL, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
        }
      *natural = MAX (*minimum, row_natural_width (self, children));
      return;
    }

  for (guint i = 0; i < children->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (children, i);
      int child_for_size = -1;
      int child_min, child_nat;

      if (stacked)
        child_for_size = for_size;
      else if (for_size >= 0)
        child_for_size = cell_width (self, children, i, for_size);

      gtk_widget_measure (child, orientation, child_for_size, &child_min, &child_nat, NULL, NULL);

      if (stacked)
        {
          *minimum += child_min + (i > 0 ? spacing (self) : 0);
          *natural += child_nat + (i > 0 ? spacing (self) : 0);
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
}

static void
rescue_button_row_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  RescueButtonRow *self = RESCUE_BUTTON_ROW (widget);
  g_autoptr(GPtrArray) children = ordered_children (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  if (self->stacked != stacks_at (self, children, width))
    {
      self->stacked = !self->stacked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
    }

  if (self->stacked)
    {
      int y = 0;

      for (guint n = 0; n < children->len; n++)
        {
          /* The suggested button on top, where the eye lands first;
           * choices in their order */
          GtkWidget *child = g_ptr_array_index (children, self->choices ? n : children->len - 1 - n);
          int child_height;

          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
          y += child_height + spacing (self);
        }
      return;
    }

  /* From the end of the row backwards: the suggested button at the end */
  {
    int end = width;

    for (guint i = children->len; i-- > 0;)
      {
        GtkWidget *child = g_ptr_array_index (children, i);
        int child_width = cell_width (self, children, i, width);

        end -= child_width;
        gtk_widget_size_allocate (child,
                                  &(GtkAllocation) { rtl ? width - end - child_width : end, 0, child_width, height },
                                  -1);
        end -= spacing (self);
      }
  }
}

static GtkSizeRequestMode
rescue_button_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rescue_button_row_buildable_add_child (GtkBuildable *buildable,
                                       GtkBuilder   *builder,
                                       GObject      *child,
                                       const char   *type)
{
  if (GTK_IS_WIDGET (child))
    rescue_button_row_append (RESCUE_BUTTON_ROW (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
rescue_button_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = rescue_button_row_buildable_add_child;
}

static void
rescue_button_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rescue_button_row_parent_class)->dispose (object);
}

static void
rescue_button_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RescueButtonRow *self = RESCUE_BUTTON_ROW (object);

  switch (prop_id)
    {
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;
    case PROP_CHOICES:
      g_value_set_boolean (value, self->choices);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_button_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RescueButtonRow *self = RESCUE_BUTTON_ROW (object);

  switch (prop_id)
    {
    case PROP_CHOICES:
      if (self->choices != g_value_get_boolean (value))
        {
          self->choices = g_value_get_boolean (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_button_row_class_init (RescueButtonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rescue_button_row_dispose;
  object_class->get_property = rescue_button_row_get_property;
  object_class->set_property = rescue_button_row_set_property;

  /**
   * RescueButtonRow:stacked:
   * Whether the buttons are one per line, as last laid out: what a
   * caption under them follows (centred under stacked buttons, at the end
   * under a row)
   */
  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RescueButtonRow:choices:
   * The buttons are alternatives of equal weight: equal widths across the
   * row, and their own order when stacked
   */
  properties[PROP_CHOICES] =
    g_param_spec_boolean ("choices", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = rescue_button_row_measure;
  widget_class->size_allocate = rescue_button_row_size_allocate;
  widget_class->get_request_mode = rescue_button_row_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "buttonrow");
}

static void
rescue_button_row_init (RescueButtonRow *self)
{
}

GtkWidget *
rescue_button_row_new (void)
{
  return g_object_new (RESCUE_TYPE_BUTTON_ROW, NULL);
}

/**
 * rescue_button_row_append:
 * Adds @button at the end. A label it shows wraps, centred, breaking a
 * word only when the word alone is wider than the column.
 */
void
rescue_button_row_append (RescueButtonRow *self,
                          GtkWidget       *button)
{
  GtkWidget *label;

  g_return_if_fail (RESCUE_IS_BUTTON_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (button));

  gtk_widget_set_parent (button, GTK_WIDGET (self));
  /* Which button is suggested decides where it goes, and may change */
  g_signal_connect_object (button, "notify::css-classes",
                           G_CALLBACK (gtk_widget_queue_allocate), self,
                           G_CONNECT_SWAPPED);

  label = GTK_IS_BUTTON (button) ? gtk_button_get_child (GTK_BUTTON (button)) : NULL;
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
    }
}

/**
 * rescue_button_row_get_stacked:
 * Whether the buttons are one per line, as last laid out.
 */
gboolean
rescue_button_row_get_stacked (RescueButtonRow *self)
{
  g_return_val_if_fail (RESCUE_IS_BUTTON_ROW (self), FALSE);

  return self->stacked;
}
