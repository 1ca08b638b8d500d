/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     rescue_browser_open_async  (const char          *uri,
                                     GAppLaunchContext   *context,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean rescue_browser_open_finish (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
