/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-clamp"

#include "config.h"

#include "rescue-clamp.h"

#include <pango/pangocairo.h>

/*
 * Centres its child at the child's natural width, or narrower when the
 * space is narrower: what `halign = center` does, without its cost. GTK
 * 4.8 allocates a height-for-width widget that is not FILL-aligned by
 * asking for its width at the given height, which makes every wrapping
 * label below search for its width one line layout at a time (half of
 * all start-up work on the welcome page). Here the child is always
 * measured width first and allocated with FILL.
 *
 * It also keeps lines readable on a wide window: the column is at most
 * maximum-width-chars characters of the page's font wide. One limit here,
 * rather than max-width-chars on each label: a label with it asks Pango for
 * font metrics (shaping a sample sentence) every time it is measured.
 */
struct _RescueClamp
{
  GtkWidget             parent_instance;

  GtkWidget            *child;
  int                   maximum_width_chars;

  /* The width of maximum_width_chars for this font and resolution */
  PangoFontDescription *measured_font;
  double                measured_resolution;
  int                   maximum_width;
};

enum {
  PROP_0,
  PROP_CHILD,
  PROP_MAXIMUM_WIDTH_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueClamp, rescue_clamp, GTK_TYPE_WIDGET)

static int
maximum_width (RescueClamp *self)
{
  PangoContext *context;
  const PangoFontDescription *font;
  double resolution;

  if (self->maximum_width_chars < 0)
    return G_MAXINT;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font = pango_context_get_font_description (context);
  resolution = pango_cairo_context_get_resolution (context);
  if (self->measured_font == NULL ||
      !pango_font_description_equal (font, self->measured_font) ||
      resolution != self->measured_resolution)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      /* As GtkLabel counts characters for max-width-chars */
      int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                            pango_font_metrics_get_approximate_digit_width (metrics));

      pango_font_metrics_unref (metrics);

      g_clear_pointer (&self->measured_font, pango_font_description_free);
      self->measured_font = pango_font_description_copy (font);
      self->measured_resolution = resolution;
      self->maximum_width = PANGO_PIXELS_CEIL (char_width * self->maximum_width_chars);
    }

  return self->maximum_width;
}

/* The child's width range, its natural width kept within the limit */
static void
measure_child_width (RescueClamp *self,
                     int         *minimum,
                     int         *natural)
{
  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, minimum, natural, NULL, NULL);
  *natural = MAX (*minimum, MIN (*natural, maximum_width (self)));
}

static int
child_width_for (RescueClamp *self,
                 int          available)
{
  int minimum, natural;

  measure_child_width (self, &minimum, &natural);
  if (available < 0)
    return natural;
  return MAX (minimum, MIN (available, natural));
}

static void
rescue_clamp_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  RescueClamp *self = RESCUE_CLAMP (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  /* The width never depends on the height: the child is height-for-width */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    measure_child_width (self, minimum, natural);
  else
    gtk_widget_measure (self->child, orientation,
                        for_size < 0 ? -1 : child_width_for (self, for_size),
                        minimum, natural, NULL, NULL);
}

static void
rescue_clamp_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  RescueClamp *self = RESCUE_CLAMP (widget);
  int child_width;

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  child_width = child_width_for (self, width);
  gtk_widget_size_allocate (self->child,
                            &(GtkAllocation) { (width - child_width) / 2, 0, child_width, height },
                            -1);
}

static GtkSizeRequestMode
rescue_clamp_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rescue_clamp_dispose (GObject *object)
{
  RescueClamp *self = RESCUE_CLAMP (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (rescue_clamp_parent_class)->dispose (object);
}

static void
rescue_clamp_finalize (GObject *object)
{
  RescueClamp *self = RESCUE_CLAMP (object);

  g_clear_pointer (&self->measured_font, pango_font_description_free);

  G_OBJECT_CLASS (rescue_clamp_parent_class)->finalize (object);
}

static void
rescue_clamp_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RescueClamp *self = RESCUE_CLAMP (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_MAXIMUM_WIDTH_CHARS:
      g_value_set_int (value, self->maximum_width_chars);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_clamp_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RescueClamp *self = RESCUE_CLAMP (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      rescue_clamp_set_child (self, g_value_get_object (value));
      break;
    case PROP_MAXIMUM_WIDTH_CHARS:
      rescue_clamp_set_maximum_width_chars (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_clamp_class_init (RescueClampClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rescue_clamp_dispose;
  object_class->finalize = rescue_clamp_finalize;
  object_class->get_property = rescue_clamp_get_property;
  object_class->set_property = rescue_clamp_set_property;

  widget_class->measure = rescue_clamp_measure;
  widget_class->size_allocate = rescue_clamp_size_allocate;
  widget_class->get_request_mode = rescue_clamp_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MAXIMUM_WIDTH_CHARS] =
    g_param_spec_int ("maximum-width-chars", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rescue_clamp_init (RescueClamp *self)
{
  self->maximum_width_chars = -1;
}

GtkWidget *
rescue_clamp_new (void)
{
  return g_object_new (RESCUE_TYPE_CLAMP, NULL);
}

GtkWidget *
rescue_clamp_get_child (RescueClamp *self)
{
  g_return_val_if_fail (RESCUE_IS_CLAMP (self), NULL);

  return self->child;
}

void
rescue_clamp_set_child (RescueClamp *self,
                        GtkWidget   *child)
{
  g_return_if_fail (RESCUE_IS_CLAMP (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

int
rescue_clamp_get_maximum_width_chars (RescueClamp *self)
{
  g_return_val_if_fail (RESCUE_IS_CLAMP (self), -1);

  return self->maximum_width_chars;
}

void
rescue_clamp_set_maximum_width_chars (RescueClamp *self,
                                      int          n_chars)
{
  g_return_if_fail (RESCUE_IS_CLAMP (self));
  g_return_if_fail (n_chars >= -1);

  if (self->maximum_width_chars == n_chars)
    return;

  self->maximum_width_chars = n_chars;
  g_clear_pointer (&self->measured_font, pango_font_description_free);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM_WIDTH_CHARS]);
}
