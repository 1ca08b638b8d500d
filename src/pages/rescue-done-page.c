/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-done-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-done-page.h"
#include "rescue-enums.h"
#include "rescue-steps.h"
#include "rescue-support-request.h"
#include "rescue-text.h"

/* The two ends of the flow: back in, or waiting for X support */

struct _RescueDonePage
{
  RescuePage   parent_instance;

  GtkImage    *icon;
  GtkLabel    *summary;
  RescueSteps *next_steps;
  GtkLabel    *undo_label;
  GtkButton   *copy_button;
  GtkButton   *start_over_button;
  GtkLabel    *copied_label;

  RescueStep   step;
};

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueDonePage, rescue_done_page, RESCUE_TYPE_PAGE)

static void
update_waiting (RescueDonePage *self,
                RescueFlow     *flow)
{
  g_autofree char *sent = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *inbox = NULL;
  const char *email = rescue_flow_get_email (flow);
  gint64 sent_at = rescue_flow_get_support_submitted_at (flow);

  if (sent_at > 0 && (sent = rescue_format_date_time (sent_at)) != NULL)
    summary = g_strdup_printf (_("You opened X’s support form on %s. Your account is not gone: it is waiting for you."), sent);
  else
    summary = g_strdup (_("You opened X’s support form. Your account is not gone: it is waiting for you."));
  gtk_label_set_text (self->summary, summary);

  rescue_steps_clear (self->next_steps);
  /* what to do and to know while waiting, not steps in an order */
  rescue_steps_set_numbered (self->next_steps, FALSE);
  rescue_steps_append (self->next_steps, _("If X’s form did not take your details, paste the message Code Rescue copied for you with Ctrl+V, or copy it again below. Then submit the form."));
  rescue_steps_append (self->next_steps, _("Support can take a few days to answer, because it gets many requests. You don’t need to send the form again."));
  if (email != NULL && *email != '\0')
    {
      g_autofree char *isolated = rescue_isolate (email);
      g_autofree char *escaped = g_markup_escape_text (isolated, -1);
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
      GtkLabel *label;

      /* isolated, so that the address keeps its order in a right-to-left
       * sentence */
      inbox = g_strdup_printf (_("Watch the inbox of <b>%s</b>, and its spam folder: that is where X answers."), escaped);
      label = rescue_steps_append (self->next_steps, inbox);
      /* an address is one long word: let it break anywhere, but without a
       * hyphen that a person would copy as part of it */
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
      gtk_label_set_attributes (label, attributes);
    }
  else
    rescue_steps_append (self->next_steps, _("Watch the inbox of the email address on your X account, and its spam folder: that is where X answers."));
}

static void
update_resolved (RescueDonePage *self,
                 RescueFlow     *flow)
{
  /* A click on It Worked by mistake is one Back away from undone */
  gtk_widget_set_visible (GTK_WIDGET (self->undo_label),
                          flow != NULL && rescue_flow_get_can_go_back (flow));
}

static void
fill_resolved (RescueDonePage *self)
{
  gtk_label_set_text (self->summary, _("Glad it worked. So this doesn’t happen again, set up a way in that needs no text message."));

  rescue_steps_clear (self->next_steps);
  rescue_steps_append (self->next_steps, _("In X, open <b>Settings and privacy</b> › <b>Security and account access</b> › <b>Security</b> › <b>Two-factor authentication</b>."));
  rescue_steps_append (self->next_steps, _("Turn on <b>Authentication app</b>: its codes need no text message."));
  rescue_steps_append (self->next_steps, _("Under <b>Backup codes</b>, write down the code and keep it somewhere safe."));
}

static void
copy_clicked_cb (RescueDonePage *self)
{
  g_autofree char *message = NULL;

  message = rescue_context_dup_support_message (rescue_page_get_context (RESCUE_PAGE (self)), TRUE);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), message);
  gtk_widget_set_visible (GTK_WIDGET (self->copied_label), TRUE);
}

static void
rescue_done_page_flow_changed (RescuePage *page)
{
  RescueDonePage *self = RESCUE_DONE_PAGE (page);
  RescueFlow *flow = rescue_page_get_flow (page);

  if (flow == NULL)
    return;

  /* "Copied" belongs to this visit of the page only */
  if (rescue_flow_get_step (flow) != self->step)
    gtk_widget_set_visible (GTK_WIDGET (self->copied_label), FALSE);

  if (self->step == RESCUE_STEP_WAITING_FOR_SUPPORT)
    update_waiting (self, flow);
  else
    update_resolved (self, flow);
}

static void
rescue_done_page_constructed (GObject *object)
{
  RescueDonePage *self = (RescueDonePage *)object;
  gboolean waiting = self->step == RESCUE_STEP_WAITING_FOR_SUPPORT;

  G_OBJECT_CLASS (rescue_done_page_parent_class)->constructed (object);

  rescue_page_set_icon_name (RESCUE_PAGE (self), waiting ? "mail-unread-symbolic" : "emblem-ok-symbolic");
  rescue_page_set_title (RESCUE_PAGE (self), waiting ? _("Waiting for X Support") : _("You’re Back In"));
  gtk_widget_set_visible (GTK_WIDGET (self->copy_button), waiting);
  /* Enter does what helps next, and never forgets progress: Start Over
   * asks first, but is not even offered to a stray Enter */
  rescue_page_set_default_widget (RESCUE_PAGE (self), waiting ? GTK_WIDGET (self->copy_button) : NULL);

  /* The waiting page's text follows the flow: flow_changed wrote it */
  if (!waiting)
    fill_resolved (self);
}

static void
rescue_done_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RescueDonePage *self = RESCUE_DONE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_enum (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_done_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RescueDonePage *self = RESCUE_DONE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STEP:
      self->step = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_done_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RESCUE_TYPE_DONE_PAGE);

  G_OBJECT_CLASS (rescue_done_page_parent_class)->dispose (object);
}

static void
rescue_done_page_class_init (RescueDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RescuePageClass *page_class = RESCUE_PAGE_CLASS (klass);

  object_class->constructed = rescue_done_page_constructed;
  object_class->dispose = rescue_done_page_dispose;
  object_class->get_property = rescue_done_page_get_property;
  object_class->set_property = rescue_done_page_set_property;
  page_class->flow_changed = rescue_done_page_flow_changed;

  properties[PROP_STEP] =
    g_param_spec_enum ("step", NULL, NULL,
                       RESCUE_TYPE_STEP, RESCUE_STEP_RESOLVED,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RESCUE_TYPE_STEPS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/rescue-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RescueDonePage, summary);
  gtk_widget_class_bind_template_child (widget_class, RescueDonePage, next_steps);
  gtk_widget_class_bind_template_child (widget_class, RescueDonePage, undo_label);
  gtk_widget_class_bind_template_child (widget_class, RescueDonePage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, RescueDonePage, start_over_button);
  gtk_widget_class_bind_template_child (widget_class, RescueDonePage, copied_label);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
}

static void
rescue_done_page_init (RescueDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: "It Worked" is the button on the fix pages, "Back" the
   * arrow button in the header */
  gtk_label_set_text (self->undo_label, _("Pressed “It Worked” by mistake? Back (Alt+Left) returns to the fix you were on, and it counts as not tried yet."));
}

GtkWidget *
rescue_done_page_new (RescueContext *context,
                      RescueStep     step)
{
  g_return_val_if_fail (RESCUE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (step == RESCUE_STEP_RESOLVED ||
                        step == RESCUE_STEP_WAITING_FOR_SUPPORT, NULL);

  return g_object_new (RESCUE_TYPE_DONE_PAGE, "context", context, "step", step, NULL);
}
