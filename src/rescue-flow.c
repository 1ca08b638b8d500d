/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rescue-flow"

#include "config.h"

#include <string.h>

#include "rescue-countries.h"
#include "rescue-enums.h"
#include "rescue-flow.h"

/*
 * The flow is data: one table says, for every step and event, where the
 * person goes next and what that says about the fix they were on.
 */

typedef enum
{
  MOVE_REFUSE = 0,
  MOVE_TO,          /* go to .target */
  MOVE_ROUTE_START, /* the first step of the current check's route */
  MOVE_NEXT_FIX,    /* the next step of the route that applies to this person */
  MOVE_BACK,        /* the previous step actually visited */
  MOVE_RESTART,     /* welcome, outcomes cleared, answers kept */
} MoveKind;

typedef struct
{
  MoveKind      kind;
  RescueStep    target;
  RescueOutcome record;   /* outcome given to the current step's fix */
} Transition;

/* What every fix step allows, whichever route it is on */
#define FIX_STEP_TRANSITIONS \
    [RESCUE_EVENT_FIX_WORKED] = { MOVE_TO, RESCUE_STEP_RESOLVED, RESCUE_OUTCOME_WORKED }, \
    [RESCUE_EVENT_FIX_FAILED] = { MOVE_NEXT_FIX, 0, RESCUE_OUTCOME_DID_NOT_WORK }, \
    [RESCUE_EVENT_SKIP]       = { MOVE_NEXT_FIX, 0, RESCUE_OUTCOME_SKIPPED }, \
    [RESCUE_EVENT_BACK]       = { MOVE_BACK }, \
    [RESCUE_EVENT_RESTART]    = { MOVE_RESTART }

static const Transition transitions[RESCUE_N_STEPS][RESCUE_N_EVENTS] = {
  [RESCUE_STEP_WELCOME] = {
    [RESCUE_EVENT_START]   = { MOVE_ROUTE_START },
    [RESCUE_EVENT_RESTART] = { MOVE_RESTART },
  },
  [RESCUE_STEP_IDENTIFY] = {
    [RESCUE_EVENT_START]   = { MOVE_ROUTE_START },
    [RESCUE_EVENT_BACK]    = { MOVE_BACK },
    [RESCUE_EVENT_RESTART] = { MOVE_RESTART },
  },
  [RESCUE_STEP_UNBLOCK] = {
    FIX_STEP_TRANSITIONS,
    /* Leaving fix 1 for the backup-code steps is not saying it failed */
    [RESCUE_EVENT_SHOW_SIGNED_IN] = { MOVE_TO, RESCUE_STEP_SIGNED_IN, RESCUE_OUTCOME_SKIPPED },
  },
  [RESCUE_STEP_SIGNED_IN]    = { FIX_STEP_TRANSITIONS },
  [RESCUE_STEP_RESET_CODE]   = { FIX_STEP_TRANSITIONS },
  [RESCUE_STEP_LOCKED]       = { FIX_STEP_TRANSITIONS },
  [RESCUE_STEP_WAIT]         = { FIX_STEP_TRANSITIONS },
  [RESCUE_STEP_SECURITY_KEY] = { FIX_STEP_TRANSITIONS },
  [RESCUE_STEP_SUPPORT] = {
    [RESCUE_EVENT_SUPPORT_SUBMITTED] = { MOVE_TO, RESCUE_STEP_WAITING_FOR_SUPPORT, RESCUE_OUTCOME_WORKED },
    [RESCUE_EVENT_SHOW_SIGNED_IN]    = { MOVE_TO, RESCUE_STEP_SIGNED_IN, RESCUE_OUTCOME_PENDING },
    [RESCUE_EVENT_BACK]              = { MOVE_BACK },
    [RESCUE_EVENT_RESTART]           = { MOVE_RESTART },
  },
  [RESCUE_STEP_RESOLVED] = {
    [RESCUE_EVENT_BACK]    = { MOVE_BACK },
    [RESCUE_EVENT_RESTART] = { MOVE_RESTART },
  },
  [RESCUE_STEP_WAITING_FOR_SUPPORT] = {
    [RESCUE_EVENT_BACK]    = { MOVE_BACK },
    [RESCUE_EVENT_RESTART] = { MOVE_RESTART },
  },
};

/* The routes, as data: what the sidebar lists and where FIX_FAILED / SKIP
 * lead. Every route but not-sure ends at SUPPORT; the steps they share come
 * in the same order in each, so a change of check mid-way never leads back. */
#define MAX_ROUTE 3

typedef struct
{
  RescueStep steps[MAX_ROUTE];
  guint      n_steps;
} Route;

static const Route routes[RESCUE_N_CHECKS] = {
  [RESCUE_CHECK_TWO_FACTOR] = {
    { RESCUE_STEP_UNBLOCK, RESCUE_STEP_SIGNED_IN, RESCUE_STEP_SUPPORT }, 3 },
  [RESCUE_CHECK_PASSWORD_RESET] = {
    { RESCUE_STEP_RESET_CODE, RESCUE_STEP_UNBLOCK, RESCUE_STEP_SUPPORT }, 3 },
  [RESCUE_CHECK_LOCKED] = {
    { RESCUE_STEP_LOCKED, RESCUE_STEP_UNBLOCK, RESCUE_STEP_SUPPORT }, 3 },
  [RESCUE_CHECK_TOO_MANY_ATTEMPTS] = {
    { RESCUE_STEP_WAIT, RESCUE_STEP_SUPPORT }, 2 },
  [RESCUE_CHECK_SECURITY_KEY] = {
    { RESCUE_STEP_SECURITY_KEY, RESCUE_STEP_SUPPORT }, 2 },
  [RESCUE_CHECK_NOT_SURE] = {
    { RESCUE_STEP_IDENTIFY }, 1 },
};

/* Where FIX_FAILED / SKIP lead from @step on @check's route.
 * @skipped_signed_in is set when SIGNED_IN was passed over for want of a
 * signed-in device. */
static RescueStep
route_next (RescueCheck  check,
            RescueStep   step,
            gboolean     has_signed_in_device,
            gboolean    *skipped_signed_in)
{
  const Route *route = &routes[check];

  *skipped_signed_in = FALSE;

  for (guint i = 0; i + 1 < route->n_steps; i++)
    if (route->steps[i] == step)
      {
        RescueStep next = route->steps[i + 1];

        /* With no signed-in device there is nothing to try at fix 2 */
        if (next == RESCUE_STEP_SIGNED_IN && !has_signed_in_device && i + 2 < route->n_steps)
          {
            *skipped_signed_in = TRUE;
            next = route->steps[i + 2];
          }

        return next;
      }

  return RESCUE_STEP_SUPPORT;
}

struct _RescueFlow
{
  GObject         parent_instance;

  RescueStep      step;
  GArray         *history;    /* of RescueStep, oldest first */

  RescuePlatform  platform;
  char           *country;
  gboolean        has_signed_in_device;
  RescueOutcome   outcomes[RESCUE_N_FIXES];

  char           *username;
  char           *email;
  gint64          support_submitted_at;

  RescueCheck     check;
  gint64          wait_started_at;
};

enum {
  PROP_0,
  PROP_STEP,
  PROP_CAN_GO_BACK,
  PROP_PLATFORM,
  PROP_COUNTRY,
  PROP_HAS_SIGNED_IN_DEVICE,
  PROP_UNBLOCK_OUTCOME,
  PROP_SIGNED_IN_OUTCOME,
  PROP_SUPPORT_OUTCOME,
  PROP_USERNAME,
  PROP_EMAIL,
  PROP_SUPPORT_SUBMITTED_AT,
  PROP_CHECK,
  PROP_RESET_CODE_OUTCOME,
  PROP_LOCKED_OUTCOME,
  PROP_WAIT_OUTCOME,
  PROP_SECURITY_KEY_OUTCOME,
  PROP_WAIT_STARTED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueFlow, rescue_flow, G_TYPE_OBJECT)

G_DEFINE_QUARK (rescue-flow-error-quark, rescue_flow_error)

static const int outcome_props[RESCUE_N_FIXES] = {
  [RESCUE_FIX_UNBLOCK]   = PROP_UNBLOCK_OUTCOME,
  [RESCUE_FIX_SIGNED_IN] = PROP_SIGNED_IN_OUTCOME,
  [RESCUE_FIX_SUPPORT]   = PROP_SUPPORT_OUTCOME,
  [RESCUE_FIX_RESET_CODE]   = PROP_RESET_CODE_OUTCOME,
  [RESCUE_FIX_LOCKED]       = PROP_LOCKED_OUTCOME,
  [RESCUE_FIX_WAIT]         = PROP_WAIT_OUTCOME,
  [RESCUE_FIX_SECURITY_KEY] = PROP_SECURITY_KEY_OUTCOME,
};

/* Each fix's step, the other way round from fix_for_step() */
static const RescueStep fix_steps[RESCUE_N_FIXES] = {
  [RESCUE_FIX_UNBLOCK]      = RESCUE_STEP_UNBLOCK,
  [RESCUE_FIX_SIGNED_IN]    = RESCUE_STEP_SIGNED_IN,
  [RESCUE_FIX_SUPPORT]      = RESCUE_STEP_SUPPORT,
  [RESCUE_FIX_RESET_CODE]   = RESCUE_STEP_RESET_CODE,
  [RESCUE_FIX_LOCKED]       = RESCUE_STEP_LOCKED,
  [RESCUE_FIX_WAIT]         = RESCUE_STEP_WAIT,
  [RESCUE_FIX_SECURITY_KEY] = RESCUE_STEP_SECURITY_KEY,
};

static gboolean
fix_for_step (RescueStep  step,
              RescueFix  *fix)
{
  switch (step)
    {
    case RESCUE_STEP_UNBLOCK:
      *fix = RESCUE_FIX_UNBLOCK;
      return TRUE;
    case RESCUE_STEP_SIGNED_IN:
      *fix = RESCUE_FIX_SIGNED_IN;
      return TRUE;
    case RESCUE_STEP_SUPPORT:
      *fix = RESCUE_FIX_SUPPORT;
      return TRUE;
    case RESCUE_STEP_RESET_CODE:
      *fix = RESCUE_FIX_RESET_CODE;
      return TRUE;
    case RESCUE_STEP_LOCKED:
      *fix = RESCUE_FIX_LOCKED;
      return TRUE;
    case RESCUE_STEP_WAIT:
      *fix = RESCUE_FIX_WAIT;
      return TRUE;
    case RESCUE_STEP_SECURITY_KEY:
      *fix = RESCUE_FIX_SECURITY_KEY;
      return TRUE;
    case RESCUE_STEP_WELCOME:
    case RESCUE_STEP_IDENTIFY:
    case RESCUE_STEP_RESOLVED:
    case RESCUE_STEP_WAITING_FOR_SUPPORT:
    default:
      return FALSE;
    }
}

static void
set_outcome (RescueFlow    *self,
             RescueFix      fix,
             RescueOutcome  outcome)
{
  if (self->outcomes[fix] == outcome)
    return;

  self->outcomes[fix] = outcome;
  g_object_notify_by_pspec (G_OBJECT (self), properties[outcome_props[fix]]);
}

static void
set_step (RescueFlow *self,
          RescueStep  step)
{
  if (self->step == step)
    return;

  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static void
set_submitted_at (RescueFlow *self,
                  gint64      when)
{
  if (self->support_submitted_at == when)
    return;

  self->support_submitted_at = when;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPPORT_SUBMITTED_AT]);
}

static void
set_wait_started_at (RescueFlow *self,
                     gint64      when)
{
  if (self->wait_started_at == when)
    return;

  self->wait_started_at = when;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAIT_STARTED_AT]);
}

static gboolean
history_contains (GArray     *history,
                  RescueStep  step)
{
  for (guint i = 0; i < history->len; i++)
    if (g_array_index (history, RescueStep, i) == step)
      return TRUE;

  return FALSE;
}

static void
go_forward (RescueFlow *self,
            RescueStep  target)
{
  RescueFix fix;

  g_array_append_val (self->history, self->step);

  /* A fix one arrives at is undecided, even fix 2 passed over before and
   * now shown anyway */
  if (fix_for_step (target, &fix))
    set_outcome (self, fix, RESCUE_OUTCOME_PENDING);

  /* The hour counts from when the person first said so, not from each
   * visit: going back and forth must not restart it */
  if (target == RESCUE_STEP_WAIT && self->wait_started_at == 0)
    set_wait_started_at (self, g_get_real_time () / G_USEC_PER_SEC);

  set_step (self, target);
}

static void
go_back (RescueFlow *self)
{
  RescueStep previous = g_array_index (self->history, RescueStep, self->history->len - 1);

  g_array_set_size (self->history, self->history->len - 1);

  /* Returning to a fix means trying it again, and a fix that is no longer
   * in the history was not tried on the way here: both are undecided once
   * more. Fix 2 passed over for want of a device stays skipped as long as
   * fix 1, which passed it over, is still behind. */
  for (guint fix = 0; fix < RESCUE_N_FIXES; fix++)
    {
      RescueStep step = fix_steps[fix];
      gboolean keep;

      if (step == previous)
        keep = FALSE;
      else if (history_contains (self->history, step))
        keep = TRUE;
      else
        keep = fix == RESCUE_FIX_SIGNED_IN &&
               history_contains (self->history, RESCUE_STEP_UNBLOCK);

      if (!keep)
        set_outcome (self, fix, RESCUE_OUTCOME_PENDING);
    }

  set_step (self, previous);
}

static void
restart (RescueFlow *self)
{
  g_array_set_size (self->history, 0);
  for (guint i = 0; i < RESCUE_N_FIXES; i++)
    set_outcome (self, i, RESCUE_OUTCOME_PENDING);
  set_submitted_at (self, 0);
  set_wait_started_at (self, 0);
  set_step (self, RESCUE_STEP_WELCOME);
}

static RescueStep
next_fix_after (RescueFlow *self,
                RescueStep  step)
{
  gboolean skipped_signed_in;
  RescueStep next = route_next (self->check, step, self->has_signed_in_device,
                                &skipped_signed_in);

  if (skipped_signed_in)
    set_outcome (self, RESCUE_FIX_SIGNED_IN, RESCUE_OUTCOME_SKIPPED);

  return next;
}

/* g_set_str() is GLib 2.76; we target 2.74 */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
string_is_country_code (const char *country)
{
  return country != NULL &&
         strlen (country) == 2 &&
         g_ascii_isupper (country[0]) &&
         g_ascii_isupper (country[1]);
}

static void
rescue_flow_finalize (GObject *object)
{
  RescueFlow *self = (RescueFlow *)object;

  g_clear_pointer (&self->history, g_array_unref);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (rescue_flow_parent_class)->finalize (object);
}

static void
rescue_flow_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RescueFlow *self = RESCUE_FLOW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_enum (value, self->step);
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, rescue_flow_get_can_go_back (self));
      break;
    case PROP_PLATFORM:
      g_value_set_enum (value, self->platform);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_HAS_SIGNED_IN_DEVICE:
      g_value_set_boolean (value, self->has_signed_in_device);
      break;
    case PROP_UNBLOCK_OUTCOME:
      g_value_set_enum (value, self->outcomes[RESCUE_FIX_UNBLOCK]);
      break;
    case PROP_SIGNED_IN_OUTCOME:
      g_value_set_enum (value, self->outcomes[RESCUE_FIX_SIGNED_IN]);
      break;
    case PROP_SUPPORT_OUTCOME:
      g_value_set_enum (value, self->outcomes[RESCUE_FIX_SUPPORT]);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_SUPPORT_SUBMITTED_AT:
      g_value_set_int64 (value, self->support_submitted_at);
      break;
    case PROP_CHECK:
      g_value_set_enum (value, self->check);
      break;
    case PROP_RESET_CODE_OUTCOME:
      g_value_set_enum (value, self->outcomes[RESCUE_FIX_RESET_CODE]);
      break;
    case PROP_LOCKED_OUTCOME:
      g_value_set_enum (value, self->outcomes[RESCUE_FIX_LOCKED]);
      break;
    case PROP_WAIT_OUTCOME:
      g_value_set_enum (value, self->outcomes[RESCUE_FIX_WAIT]);
      break;
    case PROP_SECURITY_KEY_OUTCOME:
      g_value_set_enum (value, self->outcomes[RESCUE_FIX_SECURITY_KEY]);
      break;
    case PROP_WAIT_STARTED_AT:
      g_value_set_int64 (value, self->wait_started_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_flow_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RescueFlow *self = RESCUE_FLOW (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      rescue_flow_set_platform (self, g_value_get_enum (value));
      break;
    case PROP_COUNTRY:
      rescue_flow_set_country (self, g_value_get_string (value));
      break;
    case PROP_HAS_SIGNED_IN_DEVICE:
      rescue_flow_set_has_signed_in_device (self, g_value_get_boolean (value));
      break;
    case PROP_USERNAME:
      rescue_flow_set_username (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      rescue_flow_set_email (self, g_value_get_string (value));
      break;
    case PROP_CHECK:
      rescue_flow_set_check (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rescue_flow_class_init (RescueFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rescue_flow_finalize;
  object_class->get_property = rescue_flow_get_property;
  object_class->set_property = rescue_flow_set_property;

  properties[PROP_STEP] =
    g_param_spec_enum ("step", NULL, NULL,
                       RESCUE_TYPE_STEP, RESCUE_STEP_WELCOME,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLATFORM] =
    g_param_spec_enum ("platform", NULL, NULL,
                       RESCUE_TYPE_PLATFORM, RESCUE_PLATFORM_IPHONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, "US",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SIGNED_IN_DEVICE] =
    g_param_spec_boolean ("has-signed-in-device", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNBLOCK_OUTCOME] =
    g_param_spec_enum ("unblock-outcome", NULL, NULL,
                       RESCUE_TYPE_OUTCOME, RESCUE_OUTCOME_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNED_IN_OUTCOME] =
    g_param_spec_enum ("signed-in-outcome", NULL, NULL,
                       RESCUE_TYPE_OUTCOME, RESCUE_OUTCOME_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUPPORT_OUTCOME] =
    g_param_spec_enum ("support-outcome", NULL, NULL,
                       RESCUE_TYPE_OUTCOME, RESCUE_OUTCOME_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUPPORT_SUBMITTED_AT] =
    g_param_spec_int64 ("support-submitted-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Two-factor is the default: a progress file from before the routes
   * existed restores to the only route it knew */
  properties[PROP_CHECK] =
    g_param_spec_enum ("check", NULL, NULL,
                       RESCUE_TYPE_CHECK, RESCUE_CHECK_TWO_FACTOR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESET_CODE_OUTCOME] =
    g_param_spec_enum ("reset-code-outcome", NULL, NULL,
                       RESCUE_TYPE_OUTCOME, RESCUE_OUTCOME_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED_OUTCOME] =
    g_param_spec_enum ("locked-outcome", NULL, NULL,
                       RESCUE_TYPE_OUTCOME, RESCUE_OUTCOME_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WAIT_OUTCOME] =
    g_param_spec_enum ("wait-outcome", NULL, NULL,
                       RESCUE_TYPE_OUTCOME, RESCUE_OUTCOME_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECURITY_KEY_OUTCOME] =
    g_param_spec_enum ("security-key-outcome", NULL, NULL,
                       RESCUE_TYPE_OUTCOME, RESCUE_OUTCOME_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WAIT_STARTED_AT] =
    g_param_spec_int64 ("wait-started-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rescue_flow_init (RescueFlow *self)
{
  self->step = RESCUE_STEP_WELCOME;
  self->history = g_array_new (FALSE, FALSE, sizeof (RescueStep));
  self->platform = RESCUE_PLATFORM_IPHONE;
  self->country = rescue_countries_default_code (NULL);
  self->username = g_strdup ("");
  self->email = g_strdup ("");
}

RescueFlow *
rescue_flow_new (void)
{
  return g_object_new (RESCUE_TYPE_FLOW, NULL);
}

/**
 * rescue_flow_can_handle:
 * Whether @event is allowed at the current step; what a button's
 * sensitivity follows.
 */
gboolean
rescue_flow_can_handle (RescueFlow  *self,
                        RescueEvent  event)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), FALSE);

  if ((guint)event >= RESCUE_N_EVENTS)
    return FALSE;

  switch (transitions[self->step][event].kind)
    {
    case MOVE_BACK:
      return self->history->len > 0;
    case MOVE_ROUTE_START:
      /* At identify the person must choose first */
      return !(self->step == RESCUE_STEP_IDENTIFY && self->check == RESCUE_CHECK_NOT_SURE);
    case MOVE_TO:
      /* Fix 2 is offered once; a second time would only go round in circles */
      if (event == RESCUE_EVENT_SHOW_SIGNED_IN)
        return !history_contains (self->history, RESCUE_STEP_SIGNED_IN);
      return TRUE;
    case MOVE_NEXT_FIX:
    case MOVE_RESTART:
      return TRUE;
    case MOVE_REFUSE:
    default:
      return FALSE;
    }
}

/**
 * rescue_flow_handle:
 * The one way the flow moves. An event the table does not allow at the
 * current step fails with %RESCUE_FLOW_ERROR_INVALID_EVENT and changes
 * nothing.
 */
gboolean
rescue_flow_handle (RescueFlow   *self,
                    RescueEvent   event,
                    GError      **error)
{
  const Transition *transition;
  gboolean could_go_back;
  RescueFix fix;

  g_return_val_if_fail (RESCUE_IS_FLOW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rescue_flow_can_handle (self, event))
    {
      g_autoptr(GEnumClass) events = g_type_class_ref (RESCUE_TYPE_EVENT);
      GEnumValue *value = g_enum_get_value (events, event);

      g_set_error (error, RESCUE_FLOW_ERROR, RESCUE_FLOW_ERROR_INVALID_EVENT,
                   "Event “%s” is not allowed at step “%s”",
                   value ? value->value_nick : "unknown",
                   rescue_step_to_string (self->step));
      return FALSE;
    }

  transition = &transitions[self->step][event];
  could_go_back = rescue_flow_get_can_go_back (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (fix_for_step (self->step, &fix) && transition->record != RESCUE_OUTCOME_PENDING)
    set_outcome (self, fix, transition->record);

  if (event == RESCUE_EVENT_SUPPORT_SUBMITTED)
    set_submitted_at (self, g_get_real_time () / G_USEC_PER_SEC);

  switch (transition->kind)
    {
    case MOVE_TO:
      go_forward (self, transition->target);
      break;
    case MOVE_ROUTE_START:
      go_forward (self, routes[self->check].steps[0]);
      break;
    case MOVE_NEXT_FIX:
      go_forward (self, next_fix_after (self, self->step));
      break;
    case MOVE_BACK:
      go_back (self);
      break;
    case MOVE_RESTART:
      restart (self);
      break;
    case MOVE_REFUSE:
    default:
      g_assert_not_reached ();
    }

  if (could_go_back != rescue_flow_get_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);

  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/**
 * rescue_flow_can_go_back_to:
 * Whether @step is one the person has visited before the current one, so
 * that going back to it is a run of Back events.
 */
gboolean
rescue_flow_can_go_back_to (RescueFlow *self,
                            RescueStep  step)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), FALSE);

  if (step == self->step)
    return FALSE;

  for (guint i = 0; i < self->history->len; i++)
    if (g_array_index (self->history, RescueStep, i) == step)
      return TRUE;

  return FALSE;
}

/**
 * rescue_flow_go_back_to:
 * Goes back to @step, visited earlier, as that many Back events in one
 * change: each fix passed on the way is undecided again. Any other step
 * fails with %RESCUE_FLOW_ERROR_INVALID_EVENT and changes nothing.
 */
gboolean
rescue_flow_go_back_to (RescueFlow  *self,
                        RescueStep   step,
                        GError     **error)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rescue_flow_can_go_back_to (self, step))
    {
      g_set_error (error, RESCUE_FLOW_ERROR, RESCUE_FLOW_ERROR_INVALID_EVENT,
                   "Step “%s” was not visited before step “%s”",
                   rescue_step_to_string (step), rescue_step_to_string (self->step));
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  while (self->step != step)
    if (!rescue_flow_handle (self, RESCUE_EVENT_BACK, error))
      break;
  g_object_thaw_notify (G_OBJECT (self));

  return self->step == step;
}

RescueStep
rescue_flow_get_step (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), RESCUE_STEP_WELCOME);

  return self->step;
}

gboolean
rescue_flow_get_can_go_back (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), FALSE);

  return self->history->len > 0;
}

/**
 * rescue_flow_get_previous_step:
 * Where Back leads; %RESCUE_STEP_WELCOME when there is no way back.
 */
RescueStep
rescue_flow_get_previous_step (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), RESCUE_STEP_WELCOME);

  if (self->history->len == 0)
    return RESCUE_STEP_WELCOME;

  return g_array_index (self->history, RescueStep, self->history->len - 1);
}

RescuePlatform
rescue_flow_get_platform (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), RESCUE_PLATFORM_IPHONE);

  return self->platform;
}

void
rescue_flow_set_platform (RescueFlow     *self,
                          RescuePlatform  platform)
{
  g_return_if_fail (RESCUE_IS_FLOW (self));
  g_return_if_fail (platform <= RESCUE_PLATFORM_OTHER);

  if (self->platform == platform)
    return;

  self->platform = platform;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLATFORM]);
}

const char *
rescue_flow_get_country (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), NULL);

  return self->country;
}

/**
 * rescue_flow_set_country:
 * @country: an ISO 3166-1 alpha-2 code, upper case
 */
void
rescue_flow_set_country (RescueFlow *self,
                         const char *country)
{
  g_return_if_fail (RESCUE_IS_FLOW (self));
  g_return_if_fail (string_is_country_code (country));

  if (replace_string (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

gboolean
rescue_flow_get_has_signed_in_device (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), FALSE);

  return self->has_signed_in_device;
}

void
rescue_flow_set_has_signed_in_device (RescueFlow *self,
                                      gboolean    has_device)
{
  g_return_if_fail (RESCUE_IS_FLOW (self));

  has_device = !!has_device;
  if (self->has_signed_in_device == has_device)
    return;

  self->has_signed_in_device = has_device;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SIGNED_IN_DEVICE]);
}

RescueOutcome
rescue_flow_get_outcome (RescueFlow *self,
                         RescueFix   fix)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), RESCUE_OUTCOME_PENDING);
  g_return_val_if_fail (fix < RESCUE_N_FIXES, RESCUE_OUTCOME_PENDING);

  return self->outcomes[fix];
}

const char *
rescue_flow_get_username (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), NULL);

  return self->username;
}

/**
 * rescue_flow_set_username:
 * The username exactly as typed: validating it is the support request's job.
 */
void
rescue_flow_set_username (RescueFlow *self,
                          const char *username)
{
  g_return_if_fail (RESCUE_IS_FLOW (self));

  if (replace_string (&self->username, username ? username : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
}

const char *
rescue_flow_get_email (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), NULL);

  return self->email;
}

void
rescue_flow_set_email (RescueFlow *self,
                       const char *email)
{
  g_return_if_fail (RESCUE_IS_FLOW (self));

  if (replace_string (&self->email, email ? email : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

gint64
rescue_flow_get_support_submitted_at (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), 0);

  return self->support_submitted_at;
}

gint64
rescue_flow_get_wait_started_at (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), 0);

  return self->wait_started_at;
}

/**
 * rescue_flow_get_wait_ends_at:
 * When X's temporary lock should be over: an hour after the person said
 * they were waiting (x-2fa-facts.md §7.1). 0 when the wait has not started.
 */
gint64
rescue_flow_get_wait_ends_at (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), 0);

  if (self->wait_started_at == 0)
    return 0;

  return self->wait_started_at + RESCUE_FLOW_WAIT_SECONDS;
}

RescueCheck
rescue_flow_get_check (RescueFlow *self)
{
  g_return_val_if_fail (RESCUE_IS_FLOW (self), RESCUE_CHECK_TWO_FACTOR);

  return self->check;
}

/**
 * rescue_flow_set_check:
 * The person's answer to "what is X asking for?". At WELCOME or IDENTIFY it
 * picks the route START follows; anywhere else it changes only where
 * FIX_FAILED and SKIP lead next (see the header's notes on routes).
 */
void
rescue_flow_set_check (RescueFlow  *self,
                       RescueCheck  check)
{
  g_return_if_fail (RESCUE_IS_FLOW (self));
  g_return_if_fail ((guint)check < RESCUE_N_CHECKS);

  if (self->check == check)
    return;

  self->check = check;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK]);
}

void
rescue_flow_clear_support_details (RescueFlow *self)
{
  g_return_if_fail (RESCUE_IS_FLOW (self));

  g_object_freeze_notify (G_OBJECT (self));
  rescue_flow_set_username (self, "");
  rescue_flow_set_email (self, "");
  g_object_thaw_notify (G_OBJECT (self));
}

void
rescue_flow_snapshot_clear (RescueFlowSnapshot *snapshot)
{
  g_clear_pointer (&snapshot->country, g_free);
  g_clear_pointer (&snapshot->username, g_free);
  g_clear_pointer (&snapshot->email, g_free);
}

/**
 * rescue_flow_get_snapshot:
 * @snapshot: (out caller-allocates): filled with copies; clear it with
 *   rescue_flow_snapshot_clear()
 */
void
rescue_flow_get_snapshot (RescueFlow         *self,
                          RescueFlowSnapshot *snapshot)
{
  g_return_if_fail (RESCUE_IS_FLOW (self));
  g_return_if_fail (snapshot != NULL);

  memset (snapshot, 0, sizeof *snapshot);
  snapshot->step = self->step;
  snapshot->n_history = MIN (self->history->len, RESCUE_FLOW_MAX_HISTORY);
  for (guint i = 0; i < snapshot->n_history; i++)
    snapshot->history[i] = g_array_index (self->history, RescueStep, i);
  snapshot->platform = self->platform;
  snapshot->country = g_strdup (self->country);
  snapshot->has_signed_in_device = self->has_signed_in_device;
  memcpy (snapshot->outcomes, self->outcomes, sizeof self->outcomes);
  snapshot->username = g_strdup (self->username);
  snapshot->email = g_strdup (self->email);
  snapshot->support_submitted_at = self->support_submitted_at;
  snapshot->check = self->check;
  snapshot->wait_started_at = self->wait_started_at;
}

/* 2006-01-01T00:00:00Z: nothing X did can be older than X */
#define EARLIEST_TIME G_GINT64_CONSTANT (1136073600)
/* Clocks differ a little between machines, and after a time zone change */
#define CLOCK_SKEW    (5 * 60)

static gboolean
time_is_plausible (gint64 when)
{
  return when == 0 ||
         (when >= EARLIEST_TIME &&
          when <= g_get_real_time () / G_USEC_PER_SEC + CLOCK_SKEW);
}

/* Whether some event at @from could lead forward to @to, under any check
 * the person may have chosen by then: the check can change on the way, so
 * each route is tried. Replaying the history through this refuses any
 * sequence of steps the transition table cannot make. */
static gboolean
can_move (RescueStep from,
          RescueStep to,
          gboolean   signed_in_visited)
{
  for (guint event = 0; event < RESCUE_N_EVENTS; event++)
    {
      const Transition *transition = &transitions[from][event];

      switch (transition->kind)
        {
        case MOVE_TO:
          if (transition->target == to &&
              !(event == RESCUE_EVENT_SHOW_SIGNED_IN && signed_in_visited))
            return TRUE;
          break;

        case MOVE_ROUTE_START:
          for (guint check = 0; check < RESCUE_N_CHECKS; check++)
            if (routes[check].steps[0] == to &&
                !(from == RESCUE_STEP_IDENTIFY && check == RESCUE_CHECK_NOT_SURE))
              return TRUE;
          break;

        case MOVE_NEXT_FIX:
          for (guint check = 0; check < RESCUE_N_CHECKS; check++)
            for (guint device = 0; device < 2; device++)
              {
                gboolean skipped;

                if (route_next (check, from, device, &skipped) == to)
                  return TRUE;
              }
          break;

        case MOVE_REFUSE:
        case MOVE_BACK:
        case MOVE_RESTART:
        default:
          break;
        }
    }

  return FALSE;
}

static gboolean
path_contains (const RescueStep *path,
               guint             n_path,
               RescueStep        step)
{
  for (guint i = 0; i < n_path; i++)
    if (path[i] == step)
      return TRUE;

  return FALSE;
}

/* The outcomes a real run leaves: a fix left forward has its answer (It
 * Worked only when it led to the end), the current fix is undecided, and a
 * fix never on the way is undecided too, but for fix 2 passed over after
 * fix 1 */
static gboolean
outcomes_are_valid (const RescueFlowSnapshot *snapshot,
                    const RescueStep         *path,
                    guint                     n_path,
                    const char              **why)
{
  gboolean seen[RESCUE_N_FIXES] = { FALSE, };

  for (guint i = 0; i + 1 < n_path; i++)
    {
      RescueOutcome outcome;
      RescueFix fix;

      if (!fix_for_step (path[i], &fix))
        continue;

      seen[fix] = TRUE;
      outcome = snapshot->outcomes[fix];

      /* Support's outcome is its submission, checked below; leaving it
       * for fix 2 says nothing about it */
      if (fix == RESCUE_FIX_SUPPORT)
        continue;

      if (path[i + 1] == RESCUE_STEP_RESOLVED
          ? outcome != RESCUE_OUTCOME_WORKED
          : outcome != RESCUE_OUTCOME_DID_NOT_WORK && outcome != RESCUE_OUTCOME_SKIPPED)
        return (*why = "a fix’s outcome does not match where it led", FALSE);
    }

  for (guint fix = 0; fix < RESCUE_N_FIXES; fix++)
    {
      RescueOutcome outcome = snapshot->outcomes[fix];

      if (fix == RESCUE_FIX_SUPPORT)
        {
          if ((outcome == RESCUE_OUTCOME_WORKED) !=
              (snapshot->step == RESCUE_STEP_WAITING_FOR_SUPPORT))
            return (*why = "support’s outcome does not match the step", FALSE);
          if (outcome != RESCUE_OUTCOME_WORKED && outcome != RESCUE_OUTCOME_PENDING)
            return (*why = "support has an outcome it cannot have", FALSE);
          continue;
        }

      if (seen[fix])
        continue;

      if (fix == RESCUE_FIX_SIGNED_IN && outcome == RESCUE_OUTCOME_SKIPPED &&
          fix_steps[fix] != snapshot->step &&
          path_contains (path, n_path - 1, RESCUE_STEP_UNBLOCK))
        continue;

      if (outcome != RESCUE_OUTCOME_PENDING)
        return (*why = "a fix that was not left has an outcome", FALSE);
    }

  return TRUE;
}

static gboolean
snapshot_is_valid (const RescueFlowSnapshot *snapshot,
                   const char              **why)
{
  RescueStep path[RESCUE_FLOW_MAX_HISTORY + 1];
  guint n_path;
  guint signed_in_visits = 0;

  if ((guint)snapshot->step >= RESCUE_N_STEPS)
    return (*why = "unknown step", FALSE);
  if (snapshot->n_history > RESCUE_FLOW_MAX_HISTORY)
    return (*why = "history too long", FALSE);
  if ((snapshot->step == RESCUE_STEP_WELCOME) != (snapshot->n_history == 0))
    return (*why = "history does not match the step", FALSE);
  if (snapshot->n_history > 0 && snapshot->history[0] != RESCUE_STEP_WELCOME)
    return (*why = "history does not start at welcome", FALSE);
  for (guint i = 0; i < snapshot->n_history; i++)
    if ((guint)snapshot->history[i] >= RESCUE_N_STEPS)
      return (*why = "unknown step in history", FALSE);
  if ((guint)snapshot->platform > RESCUE_PLATFORM_OTHER)
    return (*why = "unknown platform", FALSE);
  if ((guint)snapshot->check >= RESCUE_N_CHECKS)
    return (*why = "unknown check", FALSE);
  /* A code the country list does not have would show another country in
   * the drop-down than the one the advice is for */
  if (!string_is_country_code (snapshot->country) ||
      !rescue_countries_is_known_code (snapshot->country))
    return (*why = "not a known country code", FALSE);
  for (guint i = 0; i < RESCUE_N_FIXES; i++)
    if ((guint)snapshot->outcomes[i] > RESCUE_OUTCOME_SKIPPED)
      return (*why = "unknown outcome", FALSE);
  if (!time_is_plausible (snapshot->support_submitted_at))
    return (*why = "support submission time in the future or before 2006", FALSE);
  if (!time_is_plausible (snapshot->wait_started_at))
    return (*why = "wait start time in the future or before 2006", FALSE);

  /* Replay the way here through the transition table */
  memcpy (path, snapshot->history, snapshot->n_history * sizeof (RescueStep));
  path[snapshot->n_history] = snapshot->step;
  n_path = snapshot->n_history + 1;

  for (guint i = 0; i + 1 < n_path; i++)
    {
      if (!can_move (path[i], path[i + 1], signed_in_visits > 0))
        return (*why = "no event leads along the history", FALSE);
      if (path[i + 1] == RESCUE_STEP_SIGNED_IN)
        signed_in_visits++;
    }

  if (!outcomes_are_valid (snapshot, path, n_path, why))
    return FALSE;

  if (snapshot->step == RESCUE_STEP_WAITING_FOR_SUPPORT && snapshot->support_submitted_at == 0)
    return (*why = "waiting for support that was never contacted", FALSE);
  if (path_contains (path, n_path, RESCUE_STEP_WAIT) && snapshot->wait_started_at == 0)
    return (*why = "waiting with no start time", FALSE);

  return TRUE;
}

/**
 * rescue_flow_restore:
 * Puts the flow in the state @snapshot describes, as one change. A snapshot
 * that no sequence of events could produce fails with
 * %RESCUE_FLOW_ERROR_INVALID_SNAPSHOT and changes nothing.
 */
gboolean
rescue_flow_restore (RescueFlow                *self,
                     const RescueFlowSnapshot  *snapshot,
                     GError                   **error)
{
  const char *why = NULL;
  gboolean could_go_back;

  g_return_val_if_fail (RESCUE_IS_FLOW (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!snapshot_is_valid (snapshot, &why))
    {
      g_set_error (error, RESCUE_FLOW_ERROR, RESCUE_FLOW_ERROR_INVALID_SNAPSHOT,
                   "Saved progress is not a valid state: %s", why);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));

  could_go_back = rescue_flow_get_can_go_back (self);
  g_array_set_size (self->history, 0);
  g_array_append_vals (self->history, snapshot->history, snapshot->n_history);
  if (could_go_back != rescue_flow_get_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);

  rescue_flow_set_platform (self, snapshot->platform);
  rescue_flow_set_country (self, snapshot->country);
  rescue_flow_set_has_signed_in_device (self, snapshot->has_signed_in_device);
  for (guint i = 0; i < RESCUE_N_FIXES; i++)
    set_outcome (self, i, snapshot->outcomes[i]);
  rescue_flow_set_username (self, snapshot->username);
  rescue_flow_set_email (self, snapshot->email);
  set_submitted_at (self, snapshot->support_submitted_at);
  rescue_flow_set_check (self, snapshot->check);
  set_wait_started_at (self, snapshot->wait_started_at);
  set_step (self, snapshot->step);

  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/**
 * rescue_step_get_fix:
 * @fix: (out): the fix tried at @step
 *
 * Returns: whether @step is a fix, with an outcome
 */
gboolean
rescue_step_get_fix (RescueStep  step,
                     RescueFix  *fix)
{
  g_return_val_if_fail (fix != NULL, FALSE);

  return fix_for_step (step, fix);
}

const char *
rescue_step_to_string (RescueStep step)
{
  g_autoptr(GEnumClass) steps = g_type_class_ref (RESCUE_TYPE_STEP);
  GEnumValue *value = g_enum_get_value (steps, step);

  /* Nicks are static strings owned by the enum's type, which is never freed */
  return value ? value->value_nick : NULL;
}

gboolean
rescue_step_from_string (const char *nick,
                         RescueStep *step)
{
  g_autoptr(GEnumClass) steps = g_type_class_ref (RESCUE_TYPE_STEP);
  GEnumValue *value;

  if (nick == NULL)
    return FALSE;

  value = g_enum_get_value_by_nick (steps, nick);
  if (value == NULL)
    return FALSE;

  *step = value->value;
  return TRUE;
}

/**
 * rescue_check_get_route:
 * @n_steps: (out): how many steps the route has
 *
 * The steps the sidebar lists for @check, in order, not counting WELCOME
 * and the end step; not-sure has only IDENTIFY, after which the person
 * picks one of the others.
 *
 * Returns: (array length=n_steps) (transfer none): static data
 */
const RescueStep *
rescue_check_get_route (RescueCheck  check,
                        guint       *n_steps)
{
  g_return_val_if_fail (n_steps != NULL, NULL);

  if ((guint)check >= RESCUE_N_CHECKS)
    {
      *n_steps = 0;
      g_return_val_if_reached (NULL);
    }

  *n_steps = routes[check].n_steps;
  return routes[check].steps;
}

/* Below X's general regain-access form (x-2fa-facts.md §3.6, §7.3). Only
 * the forgot-password form is known to exist; no source was found for a
 * two-factor one ("…/2fa-problem"), so the other checks use the general
 * form, where the person picks their problem. */
static const char * const form_paths[RESCUE_N_CHECKS] = {
  [RESCUE_CHECK_PASSWORD_RESET] = "/forgot-password",
};

/**
 * rescue_check_dup_form_uri:
 * @base_uri: the general regain-access form, as configured (the
 *   support-form-url setting, or a loopback server in tests)
 *
 * X's support form for @check: @base_uri with the route's own path
 * appended, before any query. A form that turns out to be gone (404 or
 * 410) falls back to the general one, which is @base_uri itself.
 *
 * Returns: (transfer full) (nullable): the address, or %NULL when
 *   @base_uri is not an absolute URI
 */
char *
rescue_check_dup_form_uri (RescueCheck  check,
                           const char  *base_uri)
{
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *form_path = NULL;
  const char *suffix;
  gsize length;

  g_return_val_if_fail ((guint)check < RESCUE_N_CHECKS, NULL);
  g_return_val_if_fail (base_uri != NULL, NULL);

  base = g_uri_parse (base_uri, G_URI_FLAGS_ENCODED, NULL);
  if (base == NULL)
    return NULL;

  suffix = form_paths[check];
  if (suffix == NULL)
    return g_uri_to_string (base);

  /* "…/regain-access/" and "…/regain-access" are the same form */
  path = g_strdup (g_uri_get_path (base));
  length = strlen (path);
  while (length > 0 && path[length - 1] == '/')
    path[--length] = '\0';
  form_path = g_strconcat (path, suffix, NULL);

  uri = g_uri_build (g_uri_get_flags (base),
                     g_uri_get_scheme (base),
                     g_uri_get_userinfo (base),
                     g_uri_get_host (base),
                     g_uri_get_port (base),
                     form_path,
                     g_uri_get_query (base),
                     g_uri_get_fragment (base));
  return g_uri_to_string (uri);
}
