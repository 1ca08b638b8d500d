/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-browser"

#include "config.h"

#include "rescue-browser.h"

/*
 * Opens an address in the person's web browser: the one way the app does,
 * for X's forms and settings and for the sources of its advice. A failure
 * comes back as it is (usually G_IO_ERROR_NOT_SUPPORTED: nothing handles
 * https links), for the caller to offer the address to copy.
 */

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
rescue_browser_open_async (const char          *uri,
                           GAppLaunchContext   *context,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (uri != NULL);
  g_return_if_fail (context == NULL || G_IS_APP_LAUNCH_CONTEXT (context));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rescue_browser_open_async);
  g_app_info_launch_default_for_uri_async (uri, context, cancellable,
                                           launched_cb, g_steal_pointer (&task));
}

gboolean
rescue_browser_open_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rescue_browser_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
