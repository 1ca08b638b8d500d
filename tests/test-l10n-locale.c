/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rescue-steps-private.h"
#include "rescue-text.h"
#include "ui-harness.h"

/* A person in Japan: LANG=ja_JP.UTF-8 and nothing else, in a real locale
 * (LOCPATH points at the one the build generates, tests/locale), so the
 * app's own locale handling runs: setlocale, gettext from LANG, and the
 * country guessed from it. Unlike test-l10n, no LANGUAGE and no LC_ALL. */

static RescueFlow *
flow_of (UiApp *ui)
{
  return rescue_context_get_flow (rescue_application_get_context (ui->app));
}

static gboolean
is_japanese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    switch (g_unichar_get_script (g_utf8_get_char (p)))
      {
      case G_UNICODE_SCRIPT_HIRAGANA:
      case G_UNICODE_SCRIPT_KATAKANA:
      case G_UNICODE_SCRIPT_HAN:
        return TRUE;
      default:
        break;
      }

  return FALSE;
}

static void
test_locale (UiApp    *ui,
             gpointer  data)
{
  g_assert_null (g_getenv ("LANGUAGE"));
  g_assert_null (g_getenv ("LC_ALL"));
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "ja_JP.UTF-8");
  /* the country comes from LANG, and the window's title is Japanese */
  g_assert_cmpstr (rescue_flow_get_country (flow_of (ui)), ==, "JP");
  g_assert_true (is_japanese (gtk_window_get_title (GTK_WINDOW (ui->window))) ||
                 g_str_equal (gtk_window_get_title (GTK_WINDOW (ui->window)), _("Code Rescue")));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (ui->window)), ==, GTK_TEXT_DIR_LTR);
}

/* Every page's title, shown in its header, is in Japanese */
static void
assert_page_japanese (UiApp      *ui,
                      RescueStep  step,
                      gpointer    data)
{
  GtkWidget *page = rescue_window_get_visible_page (ui->window);
  g_autofree char *title = NULL;
  GtkWidget *label;

  g_object_get (page, "title", &title, NULL);
  g_test_message ("%s: %s", rescue_step_to_string (step), title);
  g_assert_true (is_japanese (title));
  label = ui_find_label (page, title);
  g_assert_nonnull (label);
  g_assert_true (ui_widget_shown (label));
  (*(guint *) data)++;
}

static void
test_every_page_japanese (UiApp    *ui,
                          gpointer  data)
{
  guint n_pages = 0;

  ui_visit_every_page (ui, assert_page_japanese, &n_pages);
  g_assert_cmpuint (n_pages, >=, 11);
}

/* The sender box for Japan, in Japanese: changing numbers, and the
 * SoftBank filter's path */
static void
test_sender_box_japan (UiApp    *ui,
                       gpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  rescue_flow_set_check (flow_of (ui), RESCUE_CHECK_TWO_FACTOR);
  g_assert_true (rescue_flow_handle (flow_of (ui), RESCUE_EVENT_START, &error));
  g_assert_no_error (error);
  ui_flush ();
  page = rescue_window_get_visible_page (ui->window);

  g_assert_true (ui_widget_shown (ui_find_label (page, _("No fixed number to unblock"))));
  g_assert_true (ui_widget_shown (ui_find_label_containing (page, "My SoftBank › 迷惑メール対策 › 海外SMS")));
  g_assert_true (ui_widget_shown (ui_find_label_containing (page, _("In this country X’s codes come from changing numbers, often from abroad, not from one fixed number. Unblock any sender named “X” or “Twitter” and any unknown international number, and make sure your carrier lets international text messages through."))));
}

/* What the sender box says for the other markets of issue #22: a name
 * or random ID in Turkey, 89887 (historic) in Indonesia, and no number
 * known in Saudi Arabia, Egypt and the Emirates */
static void
test_sender_box_markets (UiApp    *ui,
                         gpointer  data)
{
  static const char * const unknown[] = { "SA", "EG", "AE" };
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  rescue_flow_set_check (flow_of (ui), RESCUE_CHECK_TWO_FACTOR);
  g_assert_true (rescue_flow_handle (flow_of (ui), RESCUE_EVENT_START, &error));
  g_assert_no_error (error);
  ui_flush ();
  page = rescue_window_get_visible_page (ui->window);

  rescue_flow_set_country (flow_of (ui), "TR");
  ui_flush ();
  g_assert_true (ui_widget_shown (ui_find_label (page, _("No fixed number to unblock"))));
  g_assert_true (ui_widget_shown (ui_find_label_containing (page, _("In this country carriers replace the sender of X’s codes with a name or a random number, so there is no one number to unblock. Unblock any sender named “X” or “Twitter” and any unknown number, and make sure your carrier lets international text messages through."))));
  g_assert_null (ui_find_label_containing (page, "SoftBank"));

  rescue_flow_set_country (flow_of (ui), "ID");
  ui_flush ();
  g_assert_true (ui_widget_shown (ui_find_label (page, g_dngettext (GETTEXT_PACKAGE, "X’s codes may come from this number", "X’s codes may come from these numbers", 1))));
  g_assert_true (ui_widget_shown (ui_find_label (page, RESCUE_FSI "89887" RESCUE_PDI)));
  g_assert_true (ui_widget_shown (ui_find_label_containing (page, _("X publishes no current list of the numbers it texts from: look for any number you don’t recognise in the block list too."))));

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_test_message ("%s", unknown[i]);
      rescue_flow_set_country (flow_of (ui), unknown[i]);
      ui_flush ();
      g_assert_true (ui_widget_shown (ui_find_label (page, _("No number is known for your country"))));
      g_assert_true (ui_widget_shown (ui_find_label_containing (page, _("Code Rescue knows no sender number for this country. Unblock any sender named “X” or “Twitter” and any unknown international number, and make sure your carrier lets international text messages through."))));
    }
}

int
main (int   argc,
      char *argv[])
{
  /* only LANG, as a Japanese desktop sets it: meson cannot unset what
   * the developer's shell exports */
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LC_TELEPHONE");
  g_unsetenv ("LC_ADDRESS");
  ui_harness_init (&argc, &argv);

  g_test_add_data_func ("/l10n-locale/locale", test_locale, ui_run_wide);
  g_test_add_data_func ("/l10n-locale/every-page-japanese", test_every_page_japanese, ui_run_wide);
  g_test_add_data_func ("/l10n-locale/sender-box-japan", test_sender_box_japan, ui_run_wide);
  g_test_add_data_func ("/l10n-locale/sender-box-markets", test_sender_box_markets, ui_run_wide);

  return g_test_run ();
}
