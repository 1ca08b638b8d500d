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
  MOVE_NEXT_FIX,    /* the next fix that applies to this person */
  MOVE_BACK,        /* the previous step actually visited */
  MOVE_RESTART,     /* welcome, outcomes cleared, answers kept */
} MoveKind;

typedef struct
{
  MoveKind      kind;
  RescueStep    target;
  RescueOutcome record;   /* outcome given to the current step's fix */
} Transition;

static const Transition transitions[RESCUE_N_STEPS][RESCUE_N_EVENTS] = {
  [RESCUE_STEP_WELCOME] = {
    [RESCUE_EVENT_START]   = { MOVE_TO, RESCUE_STEP_UNBLOCK, RESCUE_OUTCOME_PENDING },
    [RESCUE_EVENT_RESTART] = { MOVE_RESTART },
  },
  [RESCUE_STEP_UNBLOCK] = {
    [RESCUE_EVENT_FIX_WORKED] = { MOVE_TO, RESCUE_STEP_RESOLVED, RESCUE_OUTCOME_WORKED },
    [RESCUE_EVENT_FIX_FAILED] = { MOVE_NEXT_FIX, 0, RESCUE_OUTCOME_DID_NOT_WORK },
    [RESCUE_EVENT_SKIP]       = { MOVE_NEXT_FIX, 0, RESCUE_OUTCOME_SKIPPED },
    [RESCUE_EVENT_BACK]       = { MOVE_BACK },
    [RESCUE_EVENT_RESTART]    = { MOVE_RESTART },
  },
  [RESCUE_STEP_SIGNED_IN] = {
    [RESCUE_EVENT_FIX_WORKED] = { MOVE_TO, RESCUE_STEP_RESOLVED, RESCUE_OUTCOME_WORKED },
    [RESCUE_EVENT_FIX_FAILED] = { MOVE_NEXT_FIX, 0, RESCUE_OUTCOME_DID_NOT_WORK },
    [RESCUE_EVENT_SKIP]       = { MOVE_NEXT_FIX, 0, RESCUE_OUTCOME_SKIPPED },
    [RESCUE_EVENT_BACK]       = { MOVE_BACK },
    [RESCUE_EVENT_RESTART]    = { MOVE_RESTART },
  },
  [RESCUE_STEP_SUPPORT] = {
    [RESCUE_EVENT_SUPPORT_SUBMITTED] = { MOVE_TO, RESCUE_STEP_WAITING_FOR_SUPPORT, RESCUE_OUTCOME_WORKED },
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RescueFlow, rescue_flow, G_TYPE_OBJECT)

G_DEFINE_QUARK (rescue-flow-error-quark, rescue_flow_error)

static const int outcome_props[RESCUE_N_FIXES] = {
  [RESCUE_FIX_UNBLOCK]   = PROP_UNBLOCK_OUTCOME,
  [RESCUE_FIX_SIGNED_IN] = PROP_SIGNED_IN_OUTCOME,
  [RESCUE_FIX_SUPPORT]   = PROP_SUPPORT_OUTCOME,
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
    case RESCUE_STEP_WELCOME:
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
go_forward (RescueFlow *self,
            RescueStep  target)
{
  g_array_append_val (self->history, self->step);
  set_step (self, target);
}

static void
go_back (RescueFlow *self)
{
  RescueStep previous = g_array_index (self->history, RescueStep, self->history->len - 1);
  RescueFix fix;

  g_array_set_size (self->history, self->history->len - 1);

  /* Returning to a fix means trying it again: it and every fix after it
   * are undecided once more. */
  if (fix_for_step (previous, &fix))
    for (guint i = fix; i < RESCUE_N_FIXES; i++)
      set_outcome (self, i, RESCUE_OUTCOME_PENDING);

  set_step (self, previous);
}

static void
restart (RescueFlow *self)
{
  g_array_set_size (self->history, 0);
  for (guint i = 0; i < RESCUE_N_FIXES; i++)
    set_outcome (self, i, RESCUE_OUTCOME_PENDING);
  set_submitted_at (self, 0);
  set_step (self, RESCUE_STEP_WELCOME);
}

static RescueStep
next_fix_after (RescueFlow *self,
                RescueStep  step)
{
  if (step == RESCUE_STEP_UNBLOCK && self->has_signed_in_device)
    return RESCUE_STEP_SIGNED_IN;

  /* With no signed-in device there is nothing to try at fix 2 */
  if (step == RESCUE_STEP_UNBLOCK)
    set_outcome (self, RESCUE_FIX_SIGNED_IN, RESCUE_OUTCOME_SKIPPED);

  return RESCUE_STEP_SUPPORT;
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

  if (transitions[self->step][event].kind == MOVE_BACK)
    return self->history->len > 0;

  return transitions[self->step][event].kind != MOVE_REFUSE;
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
}

static gboolean
snapshot_is_valid (const RescueFlowSnapshot *snapshot,
                   const char              **why)
{
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
  if (!string_is_country_code (snapshot->country))
    return (*why = "not a country code", FALSE);
  for (guint i = 0; i < RESCUE_N_FIXES; i++)
    if ((guint)snapshot->outcomes[i] > RESCUE_OUTCOME_SKIPPED)
      return (*why = "unknown outcome", FALSE);
  if (snapshot->support_submitted_at < 0)
    return (*why = "negative time", FALSE);

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
  set_step (self, snapshot->step);

  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
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
