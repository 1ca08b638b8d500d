/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define RESCUE_SUPPORT_ERROR (rescue_support_error_quark ())

/**
 * RescueSupportError:
 * @RESCUE_SUPPORT_ERROR_INVALID_USERNAME: not 1–15 letters, digits or underscores
 * @RESCUE_SUPPORT_ERROR_INVALID_EMAIL: not an email address
 * @RESCUE_SUPPORT_ERROR_UNSAFE_URL: the form URL is not https on X's hosts
 *   (or http on loopback)
 * @RESCUE_SUPPORT_ERROR_OFFLINE: GNetworkMonitor says there is no network
 * @RESCUE_SUPPORT_ERROR_DNS: the host name could not be resolved
 * @RESCUE_SUPPORT_ERROR_REFUSED: the connection was refused
 * @RESCUE_SUPPORT_ERROR_TIMEOUT: no answer within the timeout
 * @RESCUE_SUPPORT_ERROR_TLS: the secure connection failed
 * @RESCUE_SUPPORT_ERROR_REDIRECT_REFUSED: a redirect to http or to another host
 * @RESCUE_SUPPORT_ERROR_TOO_MANY_REDIRECTS: more than 5 redirects
 * @RESCUE_SUPPORT_ERROR_NETWORK: any other network failure
 * @RESCUE_SUPPORT_ERROR_NO_BROWSER: nothing can open web links
 */
typedef enum
{
  RESCUE_SUPPORT_ERROR_INVALID_USERNAME,
  RESCUE_SUPPORT_ERROR_INVALID_EMAIL,
  RESCUE_SUPPORT_ERROR_UNSAFE_URL,
  RESCUE_SUPPORT_ERROR_OFFLINE,
  RESCUE_SUPPORT_ERROR_DNS,
  RESCUE_SUPPORT_ERROR_REFUSED,
  RESCUE_SUPPORT_ERROR_TIMEOUT,
  RESCUE_SUPPORT_ERROR_TLS,
  RESCUE_SUPPORT_ERROR_REDIRECT_REFUSED,
  RESCUE_SUPPORT_ERROR_TOO_MANY_REDIRECTS,
  RESCUE_SUPPORT_ERROR_NETWORK,
  RESCUE_SUPPORT_ERROR_NO_BROWSER,
} RescueSupportError;

GQuark rescue_support_error_quark (void);

/**
 * RescueFormAnswer:
 * What the reachability check learnt about the form.
 * @RESCUE_FORM_ANSWER_OK: 2xx, open it
 * @RESCUE_FORM_ANSWER_MOVED: 404/410: the general account-access form is used instead
 * @RESCUE_FORM_ANSWER_SERVER_TROUBLE: 5xx: opened anyway, X's help site has trouble
 * @RESCUE_FORM_ANSWER_OTHER: another HTTP status (403, 429…): opened anyway
 */
typedef enum
{
  RESCUE_FORM_ANSWER_OK,
  RESCUE_FORM_ANSWER_MOVED,
  RESCUE_FORM_ANSWER_SERVER_TROUBLE,
  RESCUE_FORM_ANSWER_OTHER,
} RescueFormAnswer;

#define RESCUE_SUPPORT_MAX_REDIRECTS 5
#define RESCUE_SUPPORT_MAX_BODY (1024 * 1024)
#define RESCUE_SUPPORT_DEFAULT_TIMEOUT 15
#define RESCUE_SUPPORT_USERNAME_MAX 15   /* characters */
#define RESCUE_SUPPORT_EMAIL_MAX 254     /* bytes */
/* The support page's entries hold at most this many characters (their
 * max-length in rescue-support-page.ui) */
#define RESCUE_SUPPORT_USERNAME_ENTRY_MAX 256
#define RESCUE_SUPPORT_EMAIL_ENTRY_MAX 512

gboolean  rescue_support_validate_username (const char  *typed,
                                            char       **normalized,
                                            GError     **error);
gboolean  rescue_support_validate_email    (const char  *typed,
                                            char       **normalized,
                                            GError     **error);
gboolean  rescue_support_check_saved_username (const char  *saved,
                                               GError     **error);
gboolean  rescue_support_check_saved_email    (const char  *saved,
                                               GError     **error);
gboolean  rescue_support_uri_is_allowed    (const char  *uri);
char     *rescue_support_build_form_uri    (const char  *base_uri,
                                            const char  *username,
                                            const char  *email,
                                            GError     **error);
GError   *rescue_support_error_from_network (const GError *error);

#define RESCUE_TYPE_SUPPORT_REQUEST (rescue_support_request_get_type ())
G_DECLARE_FINAL_TYPE (RescueSupportRequest, rescue_support_request, RESCUE, SUPPORT_REQUEST, GObject)

RescueSupportRequest *rescue_support_request_new          (const char           *form_uri,
                                                           const char           *fallback_uri);
void                  rescue_support_request_set_timeout  (RescueSupportRequest *self,
                                                           guint                 seconds);
void                  rescue_support_request_set_network_monitor (RescueSupportRequest *self,
                                                                  GNetworkMonitor      *monitor);
void                  rescue_support_request_check_async  (RescueSupportRequest *self,
                                                           const char           *username,
                                                           const char           *email,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean              rescue_support_request_check_finish (RescueSupportRequest *self,
                                                           GAsyncResult         *result,
                                                           RescueFormAnswer     *answer,
                                                           char                **uri_to_open,
                                                           GError              **error);
void                  rescue_support_request_open_async   (const char           *uri,
                                                           GAppLaunchContext    *context,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean              rescue_support_request_open_finish  (GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
