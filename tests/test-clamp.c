/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "rescue-clamp.h"

/* A clamp around a long wrapping label, not in any window: measuring and
 * allocating need a display but no toplevel. */
static GtkWidget *
new_clamp (int maximum_width_chars)
{
  GtkWidget *label = gtk_label_new ("Code Rescue walks you through the fixes that work, one at a time, "
                                    "and remembers how far you got. Every fix has its own page.");
  GtkWidget *clamp = rescue_clamp_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  rescue_clamp_set_child (RESCUE_CLAMP (clamp), label);
  rescue_clamp_set_maximum_width_chars (RESCUE_CLAMP (clamp), maximum_width_chars);

  return g_object_ref_sink (clamp);
}

static int
natural_width (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, natural);
  return natural;
}

static void
test_maximum_width (void)
{
  g_autoptr(GtkWidget) unlimited = new_clamp (-1);
  g_autoptr(GtkWidget) limited = new_clamp (20);
  g_autoptr(GtkWidget) wider = new_clamp (40);
  GtkWidget *label = rescue_clamp_get_child (RESCUE_CLAMP (unlimited));
  int label_natural = natural_width (label);

  /* Without a limit the clamp is as wide as its child wants */
  g_assert_cmpint (natural_width (unlimited), ==, label_natural);
  /* With one, narrower, and twice the characters about twice as wide */
  g_assert_cmpint (natural_width (limited), <, label_natural);
  g_assert_cmpint (natural_width (limited), >, 0);
  g_assert_cmpint (ABS (natural_width (wider) - 2 * natural_width (limited)), <=, 2);

  rescue_clamp_set_maximum_width_chars (RESCUE_CLAMP (limited), -1);
  g_assert_cmpint (natural_width (limited), ==, label_natural);
}

static void
test_allocation (void)
{
  g_autoptr(GtkWidget) clamp = new_clamp (20);
  GtkWidget *label = rescue_clamp_get_child (RESCUE_CLAMP (clamp));
  int column = natural_width (clamp);
  int minimum, natural, height;
  graphene_rect_t bounds;

  /* Wide: the column keeps its width, in the middle */
  gtk_widget_measure (clamp, GTK_ORIENTATION_VERTICAL, column + 200, &minimum, &natural, NULL, NULL);
  height = natural;
  gtk_widget_size_allocate (clamp, &(GtkAllocation) { 0, 0, column + 200, height }, -1);
  g_assert_true (gtk_widget_compute_bounds (label, clamp, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, 100);
  g_assert_cmpfloat (bounds.size.width, ==, column);
  g_assert_cmpfloat (bounds.size.height, ==, height);

  /* Narrow: the column takes what there is, and grows taller for it */
  gtk_widget_measure (clamp, GTK_ORIENTATION_VERTICAL, column / 2, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, >, height);
  gtk_widget_size_allocate (clamp, &(GtkAllocation) { 0, 0, column / 2, natural }, -1);
  g_assert_true (gtk_widget_compute_bounds (label, clamp, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, 0);
  g_assert_cmpfloat (bounds.size.width, ==, column / 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clamp/maximum-width", test_maximum_width);
  g_test_add_func ("/clamp/allocation", test_allocation);

  return g_test_run ();
}
