/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-link-button"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-browser.h"
#include "rescue-link-button.h"

/*
 * A button that opens one of X's pages in the browser ("Open X's
 * Two-Factor Settings"). When no browser opens, it says so and offers the
 * address, to copy with one click, as the support page does for its form.
 */

struct _RescueLinkButton
{
  GtkWidget     parent_instance;

  GtkButton    *button;
  GtkWidget    *fallback;
  GtkLabel     *address;
  GtkLabel     *copied;

  char         *uri;
  GCancellable *cancellable;
};

enum {
  PROP_0,
  PROP_LABEL,
  PROP_URI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueLinkButton, rescue_link_button, GTK_TYPE_WIDGET)

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(RescueLinkButton) self = data;
  g_autoptr(GError) error = NULL;

  if (rescue_browser_open_finish (result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->fallback == NULL)
    return;

  g_debug ("Opening %s: %s", self->uri, error->message);
  gtk_widget_set_visible (self->fallback, TRUE);
}

/* A long label ("Open X's Security Key Settings") at 1.5× text is wider
 * than a 360 px window: the button's own label wraps instead */
static void
set_label_wraps (RescueLinkButton *self)
{
  GtkWidget *label = gtk_button_get_child (self->button);

  if (!GTK_IS_LABEL (label))
    return;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
}

static void
clicked_cb (RescueLinkButton *self)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  if (self->uri == NULL)
    return;

  gtk_widget_set_visible (self->fallback, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->copied), FALSE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  rescue_browser_open_async (self->uri, context, self->cancellable, opened_cb, g_object_ref (self));
}

static void
copy_clicked_cb (RescueLinkButton *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->uri);
  gtk_widget_set_visible (GTK_WIDGET (self->copied), TRUE);
}

static void
rescue_link_button_dispose (GObject *object)
{
  RescueLinkButton *self = RESCUE_LINK_BUTTON (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->button = NULL;
  self->fallback = NULL;
  self->address = NULL;
  self->copied = NULL;

  G_OBJECT_CLASS (rescue_link_button_parent_class)->dispose (object);
}

static void
rescue_link_button_finalize (GObject *object)
{
  RescueLinkButton *self = RESCUE_LINK_BUTTON (object);

  g_clear_pointer (&self->uri, g_free);

  G_OBJECT_CLASS (rescue_link_button_parent_class)->finalize (object);
}

static void
rescue_link_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RescueLinkButton *self = RESCUE_LINK_BUTTON (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, gtk_button_get_label (self->button));
      break;
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_link_button_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RescueLinkButton *self = RESCUE_LINK_BUTTON (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      gtk_button_set_label (self->button, g_value_get_string (value));
      set_label_wraps (self);
      break;
    case PROP_URI:
      g_free (self->uri);
      self->uri = g_value_dup_string (value);
      gtk_label_set_text (self->address, self->uri ? self->uri : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_link_button_class_init (RescueLinkButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rescue_link_button_dispose;
  object_class->finalize = rescue_link_button_finalize;
  object_class->get_property = rescue_link_button_get_property;
  object_class->set_property = rescue_link_button_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "link-button");
}

static void
rescue_link_button_init (RescueLinkButton *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  g_autoptr(PangoAttrList) no_hyphens = pango_attr_list_new ();
  GtkWidget *box;
  GtkWidget *explanation;
  GtkWidget *copy;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (self->button, TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->button), GTK_ALIGN_START);
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (clicked_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_visible (box, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("No web browser could open the page"), -1);
  self->fallback = box;

  explanation = gtk_label_new (_("No web browser could open the page. Copy its address and open it in a browser yourself:"));
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_xalign (GTK_LABEL (explanation), 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (explanation), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (explanation)), -1);
  gtk_box_append (GTK_BOX (box), explanation);

  /* An address copied by eye must not gain a hyphen where it wraps */
  pango_attr_list_insert (no_hyphens, pango_attr_insert_hyphens_new (FALSE));
  self->address = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_selectable (self->address, TRUE);
  gtk_label_set_wrap (self->address, TRUE);
  gtk_label_set_wrap_mode (self->address, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->address, 0.0);
  gtk_label_set_attributes (self->address, no_hyphens);
  gtk_widget_add_css_class (GTK_WIDGET (self->address), "monospace");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->address));

  copy = gtk_button_new_with_mnemonic (_("Copy _Address"));
  gtk_widget_set_halign (copy, GTK_ALIGN_START);
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), copy);

  self->copied = GTK_LABEL (gtk_label_new (_("The address is on your clipboard.")));
  gtk_label_set_wrap (self->copied, TRUE);
  gtk_label_set_xalign (self->copied, 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copied), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->copied), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->copied), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->copied), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->copied));

  gtk_widget_set_parent (box, GTK_WIDGET (self));
}

GtkWidget *
rescue_link_button_new (const char *label,
                        const char *uri)
{
  return g_object_new (RESCUE_TYPE_LINK_BUTTON, "label", label, "uri", uri, NULL);
}

const char *
rescue_link_button_get_uri (RescueLinkButton *self)
{
  g_return_val_if_fail (RESCUE_IS_LINK_BUTTON (self), NULL);

  return self->uri;
}
