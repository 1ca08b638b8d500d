/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-choice"

#include "config.h"

#include "rescue-choice.h"

/*
 * One answer among several: a radio button, the words beside it and a dim
 * line under them that says more; a click on the words picks it too.
 *
 * The words sit in a grid beside the button, not in it: GtkCheckButton
 * lays its child out in a horizontal box, which makes every wrapping label
 * in it search for its width line by line (+160 M instructions before the
 * welcome page's first frame, for its six choices).
 */

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             GtkCheckButton  *button)
{
  gtk_check_button_set_active (button, TRUE);
}

/**
 * rescue_choice_new:
 * @group: (nullable): a choice's button to share a group with
 *
 * Returns: (transfer floating): the choice; its button is
 *   rescue_choice_get_button()
 */
GtkWidget *
rescue_choice_new (const char     *title,
                   const char     *caption,
                   GtkCheckButton *group)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "check-choice");

  gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  /* The words are not the button's child, so they are its name here */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption,
                                  -1);
  gtk_grid_attach (GTK_GRID (grid), button, 0, 0, 1, 2);

  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_grid_attach (GTK_GRID (grid), title_label, 1, 0, 1, 1);

  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0.0);
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), caption_label, 1, 1, 1, 1);

  g_signal_connect_object (click, "released", G_CALLBACK (released_cb), button, 0);
  gtk_widget_add_controller (grid, GTK_EVENT_CONTROLLER (click));
  g_object_set_data (G_OBJECT (grid), "rescue-choice-button", button);

  return grid;
}

/**
 * rescue_choice_get_button:
 *
 * Returns: (transfer none): the radio button of @choice
 */
GtkCheckButton *
rescue_choice_get_button (GtkWidget *choice)
{
  g_return_val_if_fail (GTK_IS_GRID (choice), NULL);

  return g_object_get_data (G_OBJECT (choice), "rescue-choice-button");
}
