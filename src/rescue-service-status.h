/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * RescueStatusIndicator:
 * @RESCUE_STATUS_UNKNOWN: not fetched yet, or the status page could not be read
 * @RESCUE_STATUS_NONE: X reports no problem (never proof that SMS works)
 */
typedef enum
{
  RESCUE_STATUS_UNKNOWN,
  RESCUE_STATUS_NONE,
  RESCUE_STATUS_MINOR,
  RESCUE_STATUS_MAJOR,
  RESCUE_STATUS_CRITICAL,
  RESCUE_STATUS_MAINTENANCE,
} RescueStatusIndicator;

#define RESCUE_STATUS_ERROR (rescue_status_error_quark ())

typedef enum
{
  RESCUE_STATUS_ERROR_INVALID,   /* not Statuspage v2 JSON */
  RESCUE_STATUS_ERROR_HTTP,      /* an HTTP error status */
  RESCUE_STATUS_ERROR_TOO_LARGE, /* over RESCUE_STATUS_MAX_BODY */
} RescueStatusError;

GQuark rescue_status_error_quark (void);

#define RESCUE_STATUS_MAX_BODY (1024 * 1024)
#define RESCUE_STATUS_DEFAULT_TIMEOUT 10

gboolean rescue_service_status_parse (GBytes                 *body,
                                      RescueStatusIndicator  *indicator,
                                      char                  **description,
                                      gint64                 *updated_at,
                                      GError                **error);

#define RESCUE_TYPE_SERVICE_STATUS (rescue_service_status_get_type ())
G_DECLARE_FINAL_TYPE (RescueServiceStatus, rescue_service_status, RESCUE, SERVICE_STATUS, GObject)

/* Properties (all read-only, notify on change): "indicator"
 * (RescueStatusIndicator), "description" (X's own words or NULL),
 * "updated-at" (gint64 unix seconds, 0 unknown), "loading" (gboolean),
 * "summary" (one translated sentence for the welcome page, or NULL when
 * no readable status has come: nothing is shown then). */
RescueServiceStatus   *rescue_service_status_new             (SoupSession         *session,
                                                              const char          *url);
void                   rescue_service_status_set_timeout     (RescueServiceStatus *self,
                                                              guint                seconds);
void                   rescue_service_status_refresh         (RescueServiceStatus *self);
void                   rescue_service_status_cancel          (RescueServiceStatus *self);
RescueStatusIndicator  rescue_service_status_get_indicator   (RescueServiceStatus *self);
const char            *rescue_service_status_get_description (RescueServiceStatus *self);
gint64                 rescue_service_status_get_updated_at  (RescueServiceStatus *self);
gboolean               rescue_service_status_get_loading     (RescueServiceStatus *self);
char                  *rescue_service_status_dup_summary     (RescueServiceStatus *self);

G_END_DECLS
