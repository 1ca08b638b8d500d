/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RescueStep:
 * Where the person is in the wizard.
 */
typedef enum
{
  RESCUE_STEP_WELCOME,
  RESCUE_STEP_UNBLOCK,
  RESCUE_STEP_SIGNED_IN,
  RESCUE_STEP_SUPPORT,
  RESCUE_STEP_RESOLVED,
  RESCUE_STEP_WAITING_FOR_SUPPORT,
} RescueStep;

#define RESCUE_N_STEPS (RESCUE_STEP_WAITING_FOR_SUPPORT + 1)

typedef enum
{
  RESCUE_EVENT_START,
  RESCUE_EVENT_FIX_WORKED,
  RESCUE_EVENT_FIX_FAILED,
  RESCUE_EVENT_SKIP,
  RESCUE_EVENT_BACK,
  RESCUE_EVENT_SUPPORT_SUBMITTED,
  RESCUE_EVENT_RESTART,
} RescueEvent;

#define RESCUE_N_EVENTS (RESCUE_EVENT_RESTART + 1)

typedef enum
{
  RESCUE_PLATFORM_IPHONE,
  RESCUE_PLATFORM_ANDROID,
  RESCUE_PLATFORM_OTHER,
} RescuePlatform;

typedef enum
{
  RESCUE_OUTCOME_PENDING,
  RESCUE_OUTCOME_WORKED,
  RESCUE_OUTCOME_DID_NOT_WORK,
  RESCUE_OUTCOME_SKIPPED,
} RescueOutcome;

/* The three fixes, in the order they are tried */
typedef enum
{
  RESCUE_FIX_UNBLOCK,
  RESCUE_FIX_SIGNED_IN,
  RESCUE_FIX_SUPPORT,
} RescueFix;

#define RESCUE_N_FIXES (RESCUE_FIX_SUPPORT + 1)

#define RESCUE_FLOW_ERROR (rescue_flow_error_quark ())

/**
 * RescueFlowError:
 * @RESCUE_FLOW_ERROR_INVALID_EVENT: the event is not allowed at the current step
 * @RESCUE_FLOW_ERROR_INVALID_SNAPSHOT: a snapshot does not describe a reachable state
 */
typedef enum
{
  RESCUE_FLOW_ERROR_INVALID_EVENT,
  RESCUE_FLOW_ERROR_INVALID_SNAPSHOT,
} RescueFlowError;

GQuark rescue_flow_error_quark (void);

/* Everything the flow knows, as plain data: what the progress file stores. */
#define RESCUE_FLOW_MAX_HISTORY 16

typedef struct
{
  RescueStep      step;
  RescueStep      history[RESCUE_FLOW_MAX_HISTORY];
  guint           n_history;
  RescuePlatform  platform;
  char           *country;
  gboolean        has_signed_in_device;
  RescueOutcome   outcomes[RESCUE_N_FIXES];
  char           *username;
  char           *email;
  /* Unix time in seconds; 0 when support was not contacted */
  gint64          support_submitted_at;
} RescueFlowSnapshot;

void rescue_flow_snapshot_clear (RescueFlowSnapshot *snapshot);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RescueFlowSnapshot, rescue_flow_snapshot_clear)

#define RESCUE_TYPE_FLOW (rescue_flow_get_type ())
G_DECLARE_FINAL_TYPE (RescueFlow, rescue_flow, RESCUE, FLOW, GObject)

RescueFlow     *rescue_flow_new                      (void);

gboolean        rescue_flow_handle                   (RescueFlow      *self,
                                                      RescueEvent      event,
                                                      GError         **error);
gboolean        rescue_flow_can_handle               (RescueFlow      *self,
                                                      RescueEvent      event);

RescueStep      rescue_flow_get_step                 (RescueFlow      *self);
gboolean        rescue_flow_get_can_go_back          (RescueFlow      *self);
RescueStep      rescue_flow_get_previous_step        (RescueFlow      *self);
gboolean        rescue_flow_can_go_back_to           (RescueFlow      *self,
                                                      RescueStep       step);
gboolean        rescue_flow_go_back_to               (RescueFlow      *self,
                                                      RescueStep       step,
                                                      GError         **error);

RescuePlatform  rescue_flow_get_platform             (RescueFlow      *self);
void            rescue_flow_set_platform             (RescueFlow      *self,
                                                      RescuePlatform   platform);
const char     *rescue_flow_get_country              (RescueFlow      *self);
void            rescue_flow_set_country              (RescueFlow      *self,
                                                      const char      *country);
gboolean        rescue_flow_get_has_signed_in_device (RescueFlow      *self);
void            rescue_flow_set_has_signed_in_device (RescueFlow      *self,
                                                      gboolean         has_device);

RescueOutcome   rescue_flow_get_outcome              (RescueFlow      *self,
                                                      RescueFix        fix);

const char     *rescue_flow_get_username             (RescueFlow      *self);
void            rescue_flow_set_username             (RescueFlow      *self,
                                                      const char      *username);
const char     *rescue_flow_get_email                (RescueFlow      *self);
void            rescue_flow_set_email                (RescueFlow      *self,
                                                      const char      *email);
gint64          rescue_flow_get_support_submitted_at (RescueFlow      *self);

void            rescue_flow_clear_support_details    (RescueFlow      *self);

void            rescue_flow_get_snapshot             (RescueFlow         *self,
                                                      RescueFlowSnapshot *snapshot);
gboolean        rescue_flow_restore                  (RescueFlow               *self,
                                                      const RescueFlowSnapshot *snapshot,
                                                      GError                  **error);

const char     *rescue_step_to_string                (RescueStep       step);
gboolean        rescue_step_from_string              (const char      *nick,
                                                      RescueStep      *step);

G_END_DECLS
