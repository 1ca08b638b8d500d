/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RescueCheck:
 * @RESCUE_CHECK_TWO_FACTOR: a sign-in code texted to the phone: SMS
 *   two-factor, which needs X Premium since 20 March 2023
 * @RESCUE_CHECK_PASSWORD_RESET: a code to reset the password
 * @RESCUE_CHECK_LOCKED: "Your account has been locked", or a request to
 *   verify the phone
 * @RESCUE_CHECK_TOO_MANY_ATTEMPTS: a temporary lock after failed sign-ins
 * @RESCUE_CHECK_SECURITY_KEY: a security key or passkey that no longer works
 * @RESCUE_CHECK_NOT_SURE: the person does not know yet; the identify step
 *   helps them choose
 *
 * Which check X is running: the first answer, and what picks the route.
 */
typedef enum
{
  RESCUE_CHECK_TWO_FACTOR,
  RESCUE_CHECK_PASSWORD_RESET,
  RESCUE_CHECK_LOCKED,
  RESCUE_CHECK_TOO_MANY_ATTEMPTS,
  RESCUE_CHECK_SECURITY_KEY,
  RESCUE_CHECK_NOT_SURE,
} RescueCheck;

#define RESCUE_N_CHECKS (RESCUE_CHECK_NOT_SURE + 1)

/**
 * RescueStep:
 * Where the person is in the wizard. The first four keep the values they
 * had before the routes existed; the end steps stay last.
 */
typedef enum
{
  RESCUE_STEP_WELCOME,
  RESCUE_STEP_UNBLOCK,
  RESCUE_STEP_SIGNED_IN,
  RESCUE_STEP_SUPPORT,
  RESCUE_STEP_IDENTIFY,
  RESCUE_STEP_RESET_CODE,
  RESCUE_STEP_LOCKED,
  RESCUE_STEP_WAIT,
  RESCUE_STEP_SECURITY_KEY,
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
  RESCUE_EVENT_SHOW_SIGNED_IN,
} RescueEvent;

#define RESCUE_N_EVENTS (RESCUE_EVENT_SHOW_SIGNED_IN + 1)

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

/* The steps that have an outcome. Which are tried, and in which order,
 * is the route's business (rescue_check_get_route()); the values of the
 * first three are kept from before the routes existed. */
typedef enum
{
  RESCUE_FIX_UNBLOCK,
  RESCUE_FIX_SIGNED_IN,
  RESCUE_FIX_SUPPORT,
  RESCUE_FIX_RESET_CODE,
  RESCUE_FIX_LOCKED,
  RESCUE_FIX_WAIT,
  RESCUE_FIX_SECURITY_KEY,
} RescueFix;

#define RESCUE_N_FIXES (RESCUE_FIX_SECURITY_KEY + 1)

/* X's temporary lock after failed sign-ins lasts about an hour and ends by
 * itself (x-2fa-facts.md §7.1) */
#define RESCUE_FLOW_WAIT_SECONDS 3600

/*
 * Routes. Each check has a route: the steps the sidebar lists for it, in
 * order, not counting WELCOME and the end step (rescue_check_get_route()).
 *
 * - START at WELCOME goes to the first step of the current check's route;
 *   for RESCUE_CHECK_NOT_SURE that is IDENTIFY. There the page calls
 *   rescue_flow_set_check() with the person's choice and sends START, which
 *   goes to that route's first step. START at IDENTIFY is refused while the
 *   check is still not-sure.
 * - FIX_WORKED on any fix goes to RESOLVED. FIX_FAILED and SKIP go to the
 *   step after the current one in the current check's route, or to SUPPORT
 *   when the current step is not on that route. SIGNED_IN is passed over
 *   (outcome SKIPPED) when has-signed-in-device is FALSE.
 * - SHOW_SIGNED_IN, at UNBLOCK or SUPPORT, goes to SIGNED_IN even without a
 *   signed-in device (its backup-code and authenticator steps still apply).
 *   It is allowed once: not when SIGNED_IN is already in the history.
 * - SUPPORT_SUBMITTED at SUPPORT goes to WAITING_FOR_SUPPORT; BACK goes to
 *   the previous step actually visited; RESTART goes to WELCOME from
 *   anywhere and clears the outcomes, the submission time and the wait's
 *   start.
 *
 * Changing the answer: going back to WELCOME or IDENTIFY (Back, or
 * rescue_flow_go_back_to()), then rescue_flow_set_check() and START,
 * re-routes. What still applies is kept: the phone, the country, the device
 * answer, the username and email, and the wait's start time. Going back
 * makes every fix that is no longer in the history pending again, so the
 * fixes of the new route start undecided.
 *
 * rescue_flow_set_check() at any other step changes only where FIX_FAILED
 * and SKIP lead next: the step after the current one in the new check's
 * route, or SUPPORT when the current step is not on it.
 */

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
  RescueCheck     check;
  /* Unix time in seconds; 0 when the wait has not started */
  gint64          wait_started_at;
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

RescueCheck     rescue_flow_get_check                (RescueFlow      *self);
void            rescue_flow_set_check                (RescueFlow      *self,
                                                      RescueCheck      check);

RescueOutcome   rescue_flow_get_outcome              (RescueFlow      *self,
                                                      RescueFix        fix);

const char     *rescue_flow_get_username             (RescueFlow      *self);
void            rescue_flow_set_username             (RescueFlow      *self,
                                                      const char      *username);
const char     *rescue_flow_get_email                (RescueFlow      *self);
void            rescue_flow_set_email                (RescueFlow      *self,
                                                      const char      *email);
gint64          rescue_flow_get_support_submitted_at (RescueFlow      *self);
gint64          rescue_flow_get_wait_started_at      (RescueFlow      *self);
gint64          rescue_flow_get_wait_ends_at         (RescueFlow      *self);

void            rescue_flow_clear_support_details    (RescueFlow      *self);

void            rescue_flow_get_snapshot             (RescueFlow         *self,
                                                      RescueFlowSnapshot *snapshot);
gboolean        rescue_flow_restore                  (RescueFlow               *self,
                                                      const RescueFlowSnapshot *snapshot,
                                                      GError                  **error);

const RescueStep *rescue_check_get_route           (RescueCheck      check,
                                                      guint           *n_steps);
char           *rescue_check_dup_form_uri            (RescueCheck      check,
                                                      const char      *base_uri);

gboolean        rescue_step_get_fix                  (RescueStep       step,
                                                      RescueFix       *fix);
const char     *rescue_step_to_string                (RescueStep       step);
gboolean        rescue_step_from_string              (const char      *nick,
                                                      RescueStep      *step);

G_END_DECLS
