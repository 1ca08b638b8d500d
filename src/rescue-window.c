/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rescue-done-page.h"
#include "rescue-first-frame.h"
#include "rescue-identify-page.h"
#include "rescue-locked-page.h"
#include "rescue-reset-code-page.h"
#include "rescue-security-key-page.h"
#include "rescue-signed-in-page.h"
#include "rescue-support-page.h"
#include "rescue-unblock-page.h"
#include "rescue-wait-page.h"
#include "rescue-welcome-page.h"
#include "rescue-window-private.h"
#include "rescue-window-size.h"

/* Below this width the sidebar hides and the header says "Step 2 of 4" */
#define NARROW_WIDTH 600
/* The sidebar's least width; its rows may ask for more */
#define SIDEBAR_WIDTH 220

/* The sidebar lists the steps of the person's route: welcome, the steps
 * visited, the route's steps still ahead, and one row for its end, which
 * stands for both ends of the flow (RESCUE_STEP_RESOLVED here). */
#define MAX_ROWS (RESCUE_N_STEPS)

typedef struct
{
  RescueStep  step;
  GtkWidget  *row;
  GtkImage   *icon;
  GtkLabel   *title;
  GtkLabel   *ghost;
  GtkLabel   *state;
} SidebarItem;

struct _RescueWindow
{
  GtkApplicationWindow parent_instance;

  GtkLabel            *subtitle_label;
  GtkRevealer         *banner_revealer;
  GtkLabel            *banner_label;
  GtkWidget           *banner_start_over;
  GtkWidget           *sidebar;
  GtkWidget           *sidebar_separator;
  GtkListBox          *sidebar_list;
  GtkStack            *stack;

  SidebarItem          items[MAX_ROWS];
  guint                n_items;
  GtkWidget           *pages[RESCUE_N_STEPS];

  RescueContext       *context;
  RescueFlow          *flow;
  GSettings           *settings;
  gboolean             narrow;
  guint                narrow_idle_id;
  int                  sidebar_edge;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueWindow, rescue_window, GTK_TYPE_APPLICATION_WINDOW)

static gboolean
is_end (RescueStep step)
{
  return step == RESCUE_STEP_RESOLVED || step == RESCUE_STEP_WAITING_FOR_SUPPORT;
}

static void
add_step (RescueStep *steps,
          guint      *n_steps,
          RescueStep  step)
{
  if (step == RESCUE_STEP_WELCOME || is_end (step))
    return;
  for (guint i = 0; i < *n_steps; i++)
    if (steps[i] == step)
      return;
  steps[(*n_steps)++] = step;
}

/* The rows, in order: welcome, what was visited, what the route has
 * ahead, the end. Changing the answer at welcome changes the route shown. */
static guint
sidebar_steps (RescueWindow *self,
               RescueStep   *steps)
{
  g_auto(RescueFlowSnapshot) snapshot = { 0 };
  const RescueStep *route;
  guint n_route;
  guint n_steps = 0;

  rescue_flow_get_snapshot (self->flow, &snapshot);
  steps[n_steps++] = RESCUE_STEP_WELCOME;
  for (guint i = 0; i < snapshot.n_history; i++)
    add_step (steps, &n_steps, snapshot.history[i]);
  add_step (steps, &n_steps, snapshot.step);
  route = rescue_check_get_route (snapshot.check, &n_route);
  for (guint i = 0; i < n_route; i++)
    add_step (steps, &n_steps, route[i]);
  steps[n_steps++] = RESCUE_STEP_RESOLVED;

  return n_steps;
}

static const char *
step_title (RescueWindow *self,
            RescueStep    step)
{
  static const char *titles[RESCUE_N_STEPS] = {
    [RESCUE_STEP_WELCOME]      = N_("Welcome"),
    /* Translators: the sidebar's step for people who were not sure which check X runs */
    [RESCUE_STEP_IDENTIFY]     = N_("Which Check?"),
    [RESCUE_STEP_RESET_CODE]   = N_("Password Reset Code"),
    [RESCUE_STEP_LOCKED]       = N_("Locked Account"),
    [RESCUE_STEP_WAIT]         = N_("Wait an Hour"),
    [RESCUE_STEP_SECURITY_KEY] = N_("Security Key"),
    [RESCUE_STEP_UNBLOCK]      = N_("Unblock the Sender"),
    [RESCUE_STEP_SIGNED_IN]    = N_("Turn Off 2FA"),
    [RESCUE_STEP_SUPPORT]      = N_("Contact Support"),
    /* Translators: the sidebar's last step, before the flow gets there */
    [RESCUE_STEP_RESOLVED]     = N_("Done"),
  };

  /* The last row is named as its page is, once the flow has got there */
  if (is_end (step))
    switch (rescue_flow_get_step (self->flow))
      {
      case RESCUE_STEP_RESOLVED:
        return _("You’re Back In");
      case RESCUE_STEP_WAITING_FOR_SUPPORT:
        return _("Waiting for X Support");
      default:
        return _(titles[RESCUE_STEP_RESOLVED]);
      }

  return _(titles[step]);
}

static gboolean
row_is_current (RescueWindow *self,
                RescueStep    row_step)
{
  RescueStep step = rescue_flow_get_step (self->flow);

  return row_step == step || (is_end (row_step) && is_end (step));
}

/* What the sidebar says of a row: a state word and an icon */
static void
describe_row (RescueWindow  *self,
              RescueStep     step,
              const char   **state,
              const char   **icon_name)
{
  static const struct {
    const char *state;
    const char *icon_name;
  } outcomes[] = {
    [RESCUE_OUTCOME_PENDING]      = { NULL, NULL },
    /* Translators: state of a fix in the sidebar */
    [RESCUE_OUTCOME_WORKED]       = { N_("Worked"), "emblem-ok-symbolic" },
    /* Translators: state of a fix in the sidebar */
    [RESCUE_OUTCOME_DID_NOT_WORK] = { N_("Didn’t work"), "window-close-symbolic" },
    /* Translators: state of a fix in the sidebar */
    [RESCUE_OUTCOME_SKIPPED]      = { N_("Skipped"), "media-skip-forward-symbolic" },
  };
  RescueOutcome outcome;
  RescueFix fix;

  *state = NULL;
  *icon_name = NULL;

  if (row_is_current (self, step))
    {
      *state = _("Current");
      *icon_name = "go-next-symbolic";
    }
  else if (step == RESCUE_STEP_WELCOME && rescue_flow_get_can_go_back (self->flow))
    {
      /* Translators: state of the Welcome step in the sidebar */
      *state = _("Answered");
      *icon_name = "emblem-ok-symbolic";
    }
  else if (step == RESCUE_STEP_IDENTIFY && rescue_flow_can_go_back_to (self->flow, step))
    {
      /* Translators: state of the "Which Check?" step in the sidebar */
      *state = _("Answered");
      *icon_name = "emblem-ok-symbolic";
    }
  else if (step == RESCUE_STEP_SUPPORT)
    {
      if (rescue_flow_get_outcome (self->flow, RESCUE_FIX_SUPPORT) == RESCUE_OUTCOME_WORKED)
        {
          /* Translators: state of the Contact Support step in the sidebar */
          *state = _("Request sent");
          *icon_name = "mail-send-symbolic";
        }
    }
  else if (rescue_step_get_fix (step, &fix))
    {
      outcome = rescue_flow_get_outcome (self->flow, fix);
      *state = outcomes[outcome].state ? _(outcomes[outcome].state) : NULL;
      *icon_name = outcomes[outcome].icon_name;
    }
}

/* The step a row goes back to; the last row is never gone back to, as the
 * flow ends there */
static gboolean
row_goes_back (RescueWindow *self,
               RescueStep    step)
{
  return !is_end (step) && rescue_flow_can_go_back_to (self->flow, step);
}

static void
add_sidebar_row (RescueWindow *self,
                 SidebarItem  *item)
{
  /* A grid, not a horizontal box: see the note in rescue-window.ui */
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title_cell;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  /* Sized by style.css in em, so it grows with the text */
  item->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_add_css_class (GTK_WIDGET (item->icon), "step-state-icon");
  gtk_widget_set_valign (GTK_WIDGET (item->icon), GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (item->icon), 0, 0, 1, 1);

  /* One line each: the sidebar takes the width its text needs, in bold
   * as the current row shows it, whichever row is current: a bold twin
   * that is never seen, in the same grid cell, holds the width */
  title_cell = gtk_grid_new ();
  item->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (item->title, 0.0);
  gtk_grid_attach (GTK_GRID (title_cell), GTK_WIDGET (item->title), 0, 0, 1, 1);
  item->ghost = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (item->ghost, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (item->ghost), "sidebar-title-ghost");
  gtk_accessible_update_state (GTK_ACCESSIBLE (item->ghost), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_grid_attach (GTK_GRID (title_cell), GTK_WIDGET (item->ghost), 0, 0, 1, 1);
  gtk_box_append (GTK_BOX (labels), title_cell);

  item->state = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (item->state, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (item->state), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (item->state), "dim-label");
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (item->state));
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_grid_attach (GTK_GRID (grid), labels, 1, 0, 1, 1);

  item->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item->row), FALSE);
  gtk_widget_set_focusable (item->row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item->row), grid);
  gtk_list_box_append (self->sidebar_list, item->row);
}

/* The rows follow the route; they are made again only when it changes */
static void
update_sidebar_rows (RescueWindow *self)
{
  RescueStep steps[MAX_ROWS];
  guint n_steps = sidebar_steps (self, steps);
  gboolean same = n_steps == self->n_items;

  for (guint i = 0; same && i < n_steps; i++)
    same = self->items[i].step == steps[i];
  if (same)
    return;

  for (guint i = 0; i < self->n_items; i++)
    gtk_list_box_remove (self->sidebar_list, self->items[i].row);
  self->n_items = n_steps;
  for (guint i = 0; i < n_steps; i++)
    {
      self->items[i].step = steps[i];
      add_sidebar_row (self, &self->items[i]);
    }
}

static void
update_sidebar (RescueWindow *self)
{
  update_sidebar_rows (self);

  for (guint i = 0; i < self->n_items; i++)
    {
      SidebarItem *item = &self->items[i];
      g_autofree char *accessible = NULL;
      const char *state;
      const char *icon_name;
      gboolean goes_back = row_goes_back (self, item->step);

      describe_row (self, item->step, &state, &icon_name);

      gtk_label_set_text (item->title, step_title (self, item->step));
      gtk_label_set_text (item->ghost, step_title (self, item->step));
      gtk_label_set_text (item->state, state ? state : "");
      gtk_widget_set_visible (GTK_WIDGET (item->state), state != NULL);
      gtk_image_set_from_icon_name (item->icon, icon_name);
      if (row_is_current (self, item->step))
        gtk_widget_add_css_class (item->row, "current");
      else
        gtk_widget_remove_css_class (item->row, "current");

      /* Only a row that leads somewhere looks and acts like it does */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item->row), goes_back);
      gtk_widget_set_focusable (item->row, goes_back);

      accessible = state
        /* Translators: a step in the sidebar, as a screen reader says it: "Unblock the Sender: Worked" */
        ? g_strdup_printf (_("%s: %s"), gtk_label_get_text (item->title), state)
        : g_strdup (gtk_label_get_text (item->title));
      gtk_accessible_update_property (GTK_ACCESSIBLE (item->row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
}

static void
update_subtitle (RescueWindow *self)
{
  RescueStep step = rescue_flow_get_step (self->flow);
  g_autofree char *subtitle = NULL;
  guint position = 0;

  for (guint i = 0; i < self->n_items; i++)
    if (row_is_current (self, self->items[i].step))
      position = i;

  /* At the end, named as the sidebar and the page name it */
  if (is_end (step))
    subtitle = g_strdup (step_title (self, step));
  else
    /* Translators: shown in the header when the window is too narrow for the sidebar */
    subtitle = g_strdup_printf (_("Step %u of %u"), position + 1, self->n_items - 1);

  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), self->narrow);
}

static GtkWidget *
create_page (RescueWindow *self,
             RescueStep    step)
{
  static const struct {
    RescueStep  step;
    GType     (*get_type) (void);
  } page_types[] = {
    { RESCUE_STEP_WELCOME,   rescue_welcome_page_get_type },
    { RESCUE_STEP_UNBLOCK,   rescue_unblock_page_get_type },
    { RESCUE_STEP_SIGNED_IN, rescue_signed_in_page_get_type },
    { RESCUE_STEP_SUPPORT,   rescue_support_page_get_type },
    { RESCUE_STEP_IDENTIFY,     rescue_identify_page_get_type },
    { RESCUE_STEP_RESET_CODE,   rescue_reset_code_page_get_type },
    { RESCUE_STEP_LOCKED,       rescue_locked_page_get_type },
    { RESCUE_STEP_WAIT,         rescue_wait_page_get_type },
    { RESCUE_STEP_SECURITY_KEY, rescue_security_key_page_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    if (page_types[i].step == step)
      return g_object_new (page_types[i].get_type (), "context", self->context, NULL);

  return rescue_done_page_new (self->context, step);
}

/* Pages are made when first needed: building and measuring all six would
 * delay the first frame for pages most people never see */
static GtkWidget *
ensure_page (RescueWindow *self,
             RescueStep    step)
{
  GtkWidget *page;

  if (self->pages[step] != NULL)
    return self->pages[step];

  page = create_page (self, step);
  self->pages[step] = page;
  gtk_stack_add_named (self->stack, page, rescue_step_to_string (step));

  return page;
}

static void
update_page (RescueWindow *self,
             gboolean      move_focus)
{
  RescueStep step = rescue_flow_get_step (self->flow);
  GtkWidget *page = ensure_page (self, step);

  gtk_stack_set_visible_child (self->stack, page);
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 rescue_page_get_default_widget (RESCUE_PAGE (page)));

  /* A new page is read from its title */
  if (move_focus)
    rescue_page_focus_heading (RESCUE_PAGE (page));
}

static void
update_actions (RescueWindow *self)
{
  GAction *back = g_action_map_lookup_action (G_ACTION_MAP (self), "back");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (back), rescue_flow_get_can_go_back (self->flow));
}

static void
step_changed_cb (RescueWindow *self)
{
  update_page (self, TRUE);
  update_subtitle (self);
}

static void
flow_changed_cb (RescueWindow *self)
{
  update_sidebar (self);
  /* The route's length may change with the answers */
  update_subtitle (self);
  update_actions (self);
}

static void
set_narrow (RescueWindow *self,
            gboolean      narrow)
{
  self->narrow = narrow;
  gtk_widget_set_visible (self->sidebar, !narrow);
  gtk_widget_set_visible (self->sidebar_separator, !narrow);
  update_subtitle (self);
}

/* Below 600 px the sidebar hides; sooner where the sidebar's text and the
 * widest page need more room side by side (a long translation at large
 * text), or the window could never get narrow enough to lose it */
static gboolean
wants_narrow (RescueWindow *self,
              int           width)
{
  int room = gtk_widget_get_width (gtk_widget_get_parent (GTK_WIDGET (self->stack)));
  int sidebar, stack;

  if (width <= 0)
    return self->narrow;
  if (width < NARROW_WIDTH)
    return TRUE;

  /* the list, not its scrolled window: a hidden widget measures 0 */
  gtk_widget_measure (GTK_WIDGET (self->sidebar_list), GTK_ORIENTATION_HORIZONTAL, -1,
                      &sidebar, NULL, NULL, NULL);
  /* plus what the scrolled window adds around a list wider than it (a
   * long Turkish step name at 1.5× text), learnt while it is shown: one
   * pixel missed here left the window a pixel short of ever narrowing */
  if (gtk_widget_get_visible (self->sidebar))
    {
      int scrolled;

      gtk_widget_measure (self->sidebar, GTK_ORIENTATION_HORIZONTAL, -1,
                          &scrolled, NULL, NULL, NULL);
      self->sidebar_edge = MAX (0, scrolled - sidebar);
    }
  sidebar += self->sidebar_edge;
  gtk_widget_measure (GTK_WIDGET (self->stack), GTK_ORIENTATION_HORIZONTAL, -1,
                      &stack, NULL, NULL, NULL);
  sidebar = MAX (sidebar, SIDEBAR_WIDTH);

  /* with the sidebar shown, the window at its narrowest leaves exactly
   * this room: one pixel less than side by side needs */
  return room < sidebar + 1 + stack + 1;
}

/* A drag narrower than the wide layout's minimum was stopped there, and
 * GTK took that minimum as the size to keep; the surface still has the
 * width asked for. Now that the sidebar is gone, give the window that
 * width, or the first narrowing of a run would end short of it. */
static void
reapply_requested_width (RescueWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  double shadow_x, shadow_y;
  int width, height, requested;

  if (surface == NULL || gtk_window_is_maximized (GTK_WINDOW (self)))
    return;

  /* the default size leaves out the shadow the surface has either side */
  gtk_native_get_surface_transform (GTK_NATIVE (self), &shadow_x, &shadow_y);
  requested = gdk_surface_get_width (surface) - 2 * (int)shadow_x;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (requested > 0 && requested < width)
    gtk_window_set_default_size (GTK_WINDOW (self), requested, height);
}

static gboolean
apply_narrow_cb (gpointer data)
{
  RescueWindow *self = data;
  gboolean was_narrow = self->narrow;

  self->narrow_idle_id = 0;
  set_narrow (self, wants_narrow (self, gtk_widget_get_width (GTK_WIDGET (self))));
  if (self->narrow && !was_narrow)
    reapply_requested_width (self);

  return G_SOURCE_REMOVE;
}

/* Escape goes back, except while typing: in an entry it only leaves the
 * entry, so a hurried Escape never takes the person off the form they are
 * filling in. After the entry had its turn (the bubble phase), so that an
 * open popup of its own closes first. */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  RescueWindow *self = RESCUE_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE) != NULL))
    {
      if (RESCUE_IS_PAGE (page))
        rescue_page_focus_heading (RESCUE_PAGE (page));
      return TRUE;
    }

  return gtk_widget_activate_action (widget, "win.back", NULL);
}

static void
back_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  RescueWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (!rescue_flow_handle (self->flow, RESCUE_EVENT_BACK, &error))
    g_debug ("Back: %s", error->message);
}

/* Built on first use, not by GtkApplication for every new window (as it
 * would from gtk/help-overlay.ui): parsing it was 2% of start-up */
static void
show_help_overlay_activated_cb (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       data)
{
  RescueWindow *self = data;
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/rescue-shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Makes it modal and transient for us, and hides it on close; our
       * action stays, as GTK only adds its own when there is none */
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
notice_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       data)
{
  rescue_window_show_banner (RESCUE_WINDOW (data), g_variant_get_string (parameter, NULL), FALSE);
}

/* The flow judges whether the row's step can be gone back to */
static void
sidebar_row_activated_cb (RescueWindow  *self,
                          GtkListBoxRow *row)
{
  g_autoptr(GError) error = NULL;
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint) index >= self->n_items || !row_goes_back (self, self->items[index].step))
    return;

  if (!rescue_flow_go_back_to (self->flow, self->items[index].step, &error))
    g_debug ("Sidebar: %s", error->message);
}

static void
banner_close_cb (RescueWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static void
rescue_window_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  RescueWindow *self = RESCUE_WINDOW (widget);
  gboolean narrow;

  GTK_WIDGET_CLASS (rescue_window_parent_class)->size_allocate (widget, width, height, baseline);
  narrow = wants_narrow (self, width);

  /* Changing the layout while it is being allocated would recurse */
  if (narrow != self->narrow && self->narrow_idle_id == 0)
    self->narrow_idle_id = g_idle_add (apply_narrow_cb, self);
}

static gboolean
rescue_window_close_request (GtkWindow *window)
{
  RescueWindow *self = RESCUE_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (rescue_window_parent_class)->close_request (window);
}

static gboolean
saved_size (GSettings *settings)
{
  g_autoptr(GVariant) width = g_settings_get_user_value (settings, "window-width");
  g_autoptr(GVariant) height = g_settings_get_user_value (settings, "window-height");

  return width != NULL || height != NULL;
}

static void
rescue_window_constructed (GObject *object)
{
  RescueWindow *self = RESCUE_WINDOW (object);
  int width, height;

  G_OBJECT_CLASS (rescue_window_parent_class)->constructed (object);

  self->flow = g_object_ref (rescue_context_get_flow (self->context));
  g_signal_connect_object (self->flow, "notify::step", G_CALLBACK (step_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flow, "notify", G_CALLBACK (flow_changed_cb), self, G_CONNECT_SWAPPED);

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  /* A size left by the person stays; the first one fits the screen */
  if (!saved_size (self->settings))
    {
      GdkRectangle workarea;

      if (rescue_window_size_workarea (gtk_widget_get_display (GTK_WIDGET (self)), &workarea))
        rescue_window_size_fit (width, height, &workarea, &width, &height);
    }
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Decide before the first allocation: a visible sidebar would keep the
   * window from being as narrow as it was left */
  set_narrow (self, width < NARROW_WIDTH);
  /* The first page is read from its title too; otherwise GTK would focus
   * the first focusable widget, the heading, and select all its text */
  update_page (self, TRUE);
  flow_changed_cb (self);
}

static void
rescue_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RescueWindow *self = RESCUE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_window_dispose (GObject *object)
{
  RescueWindow *self = (RescueWindow *)object;

  if (self->flow != NULL)
    g_signal_handlers_disconnect_by_data (self->flow, self);
  g_clear_handle_id (&self->narrow_idle_id, g_source_remove);
  g_clear_object (&self->flow);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), RESCUE_TYPE_WINDOW);

  G_OBJECT_CLASS (rescue_window_parent_class)->dispose (object);
}

static void
rescue_window_class_init (RescueWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rescue_window_constructed;
  object_class->dispose = rescue_window_dispose;
  object_class->set_property = rescue_window_set_property;
  widget_class->size_allocate = rescue_window_size_allocate;
  window_class->close_request = rescue_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RESCUE_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rescue-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RescueWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RescueWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RescueWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RescueWindow, banner_start_over);
  gtk_widget_class_bind_template_child (widget_class, RescueWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RescueWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, RescueWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, RescueWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, banner_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
}

static void
rescue_window_init (RescueWindow *self)
{
  static const GActionEntry actions[] = {
    { "back", back_activated_cb },
    /* what a page has to tell after the flow moved on from it */
    { "notice", notice_activated_cb, "s" },
    { "show-help-overlay", show_help_overlay_activated_cb },
  };
  GtkEventController *escape;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (BASE_APP_ID);
  rescue_first_frame_watch (GTK_WINDOW (self));
  gtk_widget_set_size_request (self->sidebar, SIDEBAR_WIDTH, -1);

  escape = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (escape, GTK_PHASE_BUBBLE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (escape),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (escape_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), escape);
}

RescueWindow *
rescue_window_new (GtkApplication *application,
                   RescueContext  *context)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RESCUE_IS_CONTEXT (context), NULL);

  return g_object_new (RESCUE_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

void
rescue_window_show_banner (RescueWindow *self,
                           const char   *message,
                           gboolean      offer_start_over)
{
  g_return_if_fail (RESCUE_IS_WINDOW (self));

  gtk_label_set_text (self->banner_label, message ? message : "");
  gtk_widget_set_visible (self->banner_start_over, offer_start_over);
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

GtkWidget *
rescue_window_get_page (RescueWindow *self,
                        RescueStep    step)
{
  g_return_val_if_fail (RESCUE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (step < RESCUE_N_STEPS, NULL);

  return ensure_page (self, step);
}

GtkWidget *
rescue_window_get_visible_page (RescueWindow *self)
{
  g_return_val_if_fail (RESCUE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child (self->stack);
}

gboolean
rescue_window_get_narrow (RescueWindow *self)
{
  g_return_val_if_fail (RESCUE_IS_WINDOW (self), FALSE);

  return self->narrow;
}

/**
 * rescue_window_get_sidebar_state:
 * The state word the sidebar shows for @step's row, or %NULL for none.
 */
const char *
rescue_window_get_sidebar_state (RescueWindow *self,
                                 RescueStep    step)
{
  g_return_val_if_fail (RESCUE_IS_WINDOW (self), NULL);

  for (guint i = 0; i < self->n_items; i++)
    if (self->items[i].step == step || (is_end (step) && is_end (self->items[i].step)))
      return gtk_widget_get_visible (GTK_WIDGET (self->items[i].state))
        ? gtk_label_get_text (self->items[i].state)
        : NULL;

  return NULL;
}
