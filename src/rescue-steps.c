/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-steps"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-steps-private.h"

/* Instructions, one per row: wrapping text whose menu paths are in bold,
 * after a marker. Steps done in order get a round number badge; a list
 * whose items are not done one after the other (reasons, alternatives,
 * things to know) gets a bullet, so that a number always means "then". */

struct _RescueSteps
{
  GtkWidget parent_instance;
  guint     n_steps;
  gboolean  numbered;
};

enum {
  PROP_0,
  PROP_NUMBERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueSteps, rescue_steps, GTK_TYPE_WIDGET)

/* Room for the marker before the text; logical margins, so right-to-left
 * works too */
#define BADGE_ROOM 42
#define BULLET_ROOM 24

static void
style_row (RescueSteps *self,
           GtkWidget   *row,
           guint        number)
{
  GtkWidget *label = gtk_overlay_get_child (GTK_OVERLAY (row));
  GtkWidget *marker = gtk_widget_get_last_child (row);

  if (self->numbered)
    {
      g_autofree char *text = g_strdup_printf ("%u", number);

      gtk_label_set_text (GTK_LABEL (marker), text);
      gtk_widget_remove_css_class (marker, "step-bullet");
      gtk_widget_add_css_class (marker, "step-number");
      gtk_widget_set_margin_start (label, BADGE_ROOM);
    }
  else
    {
      /* A symbol, not a word: hidden from screen readers like the numbers */
      gtk_label_set_text (GTK_LABEL (marker), "•");
      gtk_widget_remove_css_class (marker, "step-number");
      gtk_widget_add_css_class (marker, "step-bullet");
      gtk_widget_set_margin_start (label, BULLET_ROOM);
    }
}

static GtkWidget *
nth_row (RescueSteps *self,
         guint        position)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self));

  for (guint i = 0; row != NULL && i < position; i++)
    row = gtk_widget_get_next_sibling (row);

  return row;
}

static void
rescue_steps_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RescueSteps *self = RESCUE_STEPS (object);

  switch (prop_id)
    {
    case PROP_NUMBERED:
      g_value_set_boolean (value, self->numbered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_steps_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RescueSteps *self = RESCUE_STEPS (object);

  switch (prop_id)
    {
    case PROP_NUMBERED:
      rescue_steps_set_numbered (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_steps_dispose (GObject *object)
{
  rescue_steps_clear (RESCUE_STEPS (object));

  G_OBJECT_CLASS (rescue_steps_parent_class)->dispose (object);
}

static void
rescue_steps_class_init (RescueStepsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rescue_steps_dispose;
  object_class->get_property = rescue_steps_get_property;
  object_class->set_property = rescue_steps_set_property;

  /**
   * RescueSteps:numbered:
   * Whether the items are steps done in order (number badges) or not
   * (bullets)
   */
  properties[PROP_NUMBERED] =
    g_param_spec_boolean ("numbered", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "steps");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
rescue_steps_init (RescueSteps *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  self->numbered = TRUE;
  gtk_widget_add_css_class (GTK_WIDGET (self), "numbered");
}

GtkWidget *
rescue_steps_new (void)
{
  return g_object_new (RESCUE_TYPE_STEPS, NULL);
}

void
rescue_steps_clear (RescueSteps *self)
{
  GtkWidget *child;

  g_return_if_fail (RESCUE_IS_STEPS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->n_steps = 0;
}

/**
 * rescue_steps_append:
 * Returns: (transfer none): the step's text, for a caller that must wrap
 *   it differently (text someone typed may have no spaces to break at)
 */
GtkLabel *
rescue_steps_append (RescueSteps *self,
                     const char  *markup)
{
  GtkWidget *row;
  GtkWidget *badge;
  GtkWidget *label;

  g_return_val_if_fail (RESCUE_IS_STEPS (self), NULL);
  g_return_val_if_fail (markup != NULL, NULL);

  self->n_steps++;

  /* The badge floats over the text's margin. In a horizontal box, a
   * wrapping label is measured again for every width the box tries, which
   * made the first frame several times slower. */
  row = g_object_new (GTK_TYPE_OVERLAY,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                      NULL);
  gtk_widget_add_css_class (row, "step");

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* A long compound word (German has many) may break rather than widen
   * the page past a narrow window */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "step-text");
  gtk_overlay_set_child (GTK_OVERLAY (row), label);

  badge = gtk_label_new (NULL);
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  /* The number is read as part of the list item's position */
  gtk_accessible_update_state (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_overlay_add_overlay (GTK_OVERLAY (row), badge);
  style_row (self, row, self->n_steps);

  gtk_widget_set_parent (row, GTK_WIDGET (self));

  return GTK_LABEL (label);
}

guint
rescue_steps_get_n_steps (RescueSteps *self)
{
  g_return_val_if_fail (RESCUE_IS_STEPS (self), 0);

  return self->n_steps;
}

gboolean
rescue_steps_get_numbered (RescueSteps *self)
{
  g_return_val_if_fail (RESCUE_IS_STEPS (self), FALSE);

  return self->numbered;
}

void
rescue_steps_set_numbered (RescueSteps *self,
                           gboolean     numbered)
{
  guint number = 0;

  g_return_if_fail (RESCUE_IS_STEPS (self));

  numbered = !!numbered;
  if (self->numbered == numbered)
    return;

  self->numbered = numbered;
  if (numbered)
    gtk_widget_add_css_class (GTK_WIDGET (self), "numbered");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "numbered");
  /* Reasons and alternatives read as one list, steps one at a time */
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              numbered ? 12 : 6);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    style_row (self, row, ++number);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBERED]);
}

/**
 * rescue_steps_get_marker:
 * What stands before step @position (from 0): its number, or a bullet;
 * for tests.
 */
const char *
rescue_steps_get_marker (RescueSteps *self,
                         guint        position)
{
  GtkWidget *row;

  g_return_val_if_fail (RESCUE_IS_STEPS (self), NULL);

  row = nth_row (self, position);
  return row ? gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (row))) : NULL;
}

/**
 * rescue_steps_get_text:
 * The plain text of step @position (from 0), without markup; for tests and
 * for reading a page back.
 */
const char *
rescue_steps_get_text (RescueSteps *self,
                       guint        position)
{
  GtkWidget *row;

  g_return_val_if_fail (RESCUE_IS_STEPS (self), NULL);

  row = nth_row (self, position);
  return row ? gtk_label_get_text (GTK_LABEL (gtk_overlay_get_child (GTK_OVERLAY (row)))) : NULL;
}

/**
 * rescue_steps_new_backup_code:
 * How to sign in with a backup code: offered on every page where the phone
 * is the problem, whether or not another device is signed in.
 */
GtkWidget *
rescue_steps_new_backup_code (void)
{
  RescueSteps *self = g_object_new (RESCUE_TYPE_STEPS, NULL);

  gtk_widget_add_css_class (GTK_WIDGET (self), "backup-code-steps");
  rescue_steps_append (self, _("On X’s sign-in screen, enter your username and password as usual."));
  rescue_steps_append (self, _("When X asks for the code from your text message, choose the option to use a backup code instead. X may call it another verification method."));
  rescue_steps_append (self, _("Type the backup code you saved when you turned on two-factor authentication."));
  rescue_steps_append (self, _("Once you are in, update your phone number or switch to an authentication app in <b>Security</b> › <b>Two-factor authentication</b>, and note the new code under <b>Backup codes</b>."));

  return GTK_WIDGET (self);
}
