/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <libsoup/soup.h>

#include "rescue-application.h"
#include "rescue-window-private.h"

G_BEGIN_DECLS

/* What every UI test needs: a private state/config tree, a fake browser,
 * a local "X" server, and the real application with its real window. */

typedef struct
{
  RescueApplication *app;
  RescueWindow      *window;
} UiApp;

void        ui_harness_init        (int          *argc,
                                    char       ***argv);
const char *ui_harness_state_file  (void);
const char *ui_harness_browser_log (void);
char       *ui_harness_read_browser_log (void);
char       *ui_harness_wait_for_browser (void);
void        ui_harness_forget_browser   (void);

SoupServer *ui_server_new          (char        **base_uri);

typedef void (*UiBody) (UiApp *ui, gpointer data);

void        ui_run                 (UiBody        body,
                                    gpointer      data);
void        ui_run_fresh           (UiBody        body,
                                    const char   *support_form_url);
void        ui_run_sized           (UiBody        body,
                                    int           width);
void        ui_run_wide            (gconstpointer body);
void        ui_run_narrow          (gconstpointer body);

gboolean    ui_wait_until          (gboolean    (*condition) (gpointer),
                                    gpointer      data,
                                    guint         timeout_ms);
void        ui_flush               (void);

GtkWidget  *ui_find_button         (GtkWidget    *root,
                                    const char   *label);
GtkWidget  *ui_find_label          (GtkWidget    *root,
                                    const char   *text);
GtkWidget  *ui_find_label_containing (GtkWidget  *root,
                                      const char *part);
GtkWidget  *ui_find_type           (GtkWidget    *root,
                                    GType         type,
                                    guint         nth);
gboolean    ui_widget_shown        (GtkWidget    *widget);
void        ui_click               (GtkWidget    *root,
                                    const char   *label);
RescueStep  ui_visible_step        (UiApp        *ui);
/* Whether @step has a page: every step has one now; kept so that a step
 * added later can be passed over until its page exists */
gboolean    ui_step_has_page       (RescueStep    step);
GtkWidget  *ui_page                (UiApp        *ui,
                                    RescueStep    step);
void        ui_set_platform        (UiApp        *ui,
                                    const char   *label);
void        ui_set_country         (UiApp        *ui,
                                    const char   *code);
void        ui_set_signed_in       (UiApp        *ui,
                                    gboolean      signed_in);
char       *ui_read_clipboard      (GtkWidget    *widget);
void        ui_xdotool             (GtkWindow    *window,
                                    const char   *first,
                                    ...) G_GNUC_NULL_TERMINATED;
GtkWidget  *ui_find_start_over_dialog (void);
void        ui_answer_start_over   (gboolean      confirm);
void        ui_settle              (UiApp        *ui);
void        ui_press_enter         (UiApp        *ui);

typedef void (*UiPageFunc) (UiApp *ui, RescueStep step, gpointer data);

void        ui_visit_every_page    (UiApp        *ui,
                                    UiPageFunc    func,
                                    gpointer      data);

G_END_DECLS
