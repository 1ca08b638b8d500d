/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RESCUE_SENDER_SHORT_CODE,
  RESCUE_SENDER_LONG_CODE,
} RescueSenderKind;

/**
 * RescueSenderAdvice:
 * @RESCUE_SENDER_ADVICE_UNKNOWN: nothing is known for the country: the
 *   lookup is empty, and the app says so plainly
 * @RESCUE_SENDER_ADVICE_FIXED_NUMBER: the codes come from the numbers listed
 * @RESCUE_SENDER_ADVICE_CHANGING_NUMBERS: the codes come from changing,
 *   often overseas numbers, or show a sender name (Japan)
 * @RESCUE_SENDER_ADVICE_SENDER_NAME: carriers replace the sender with a
 *   generic name, a header or a random ID (the Philippines, Turkey, India)
 *
 * What to tell a person about who sends X's codes in their country.
 */
typedef enum
{
  RESCUE_SENDER_ADVICE_UNKNOWN,
  RESCUE_SENDER_ADVICE_FIXED_NUMBER,
  RESCUE_SENDER_ADVICE_CHANGING_NUMBERS,
  RESCUE_SENDER_ADVICE_SENDER_NAME,
} RescueSenderAdvice;

/* How sure the sources are, strongest first */
typedef enum
{
  RESCUE_CONFIDENCE_OFFICIAL,
  RESCUE_CONFIDENCE_CARRIER,
  RESCUE_CONFIDENCE_PRESS,
  RESCUE_CONFIDENCE_THIRD_PARTY,
} RescueConfidence;

typedef struct
{
  char             *number;     /* "40404", "+49 17 6888 50505" */
  RescueSenderKind  kind;
  char            **carriers;   /* NULL-terminated; empty = all carriers */
  RescueConfidence  confidence;
  char             *source;     /* URL */
  gboolean          historic;   /* the source is old or uncertain: "may come from" */
  guint             year;       /* when the source said so; 0 = undated */
  guint             ended;      /* the year the number stopped; 0 = not known to */
} RescueSender;

#define RESCUE_TYPE_SENDER (rescue_sender_get_type ())
GType         rescue_sender_get_type (void) G_GNUC_CONST;
RescueSender *rescue_sender_copy     (const RescueSender *sender);
void          rescue_sender_free     (RescueSender       *sender);
char         *rescue_sender_describe (const RescueSender *sender);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RescueSender, rescue_sender_free)

#define RESCUE_SHORT_CODES_ERROR (rescue_short_codes_error_quark ())

typedef enum
{
  RESCUE_SHORT_CODES_ERROR_INVALID,
} RescueShortCodesError;

GQuark rescue_short_codes_error_quark (void);

#define RESCUE_SHORT_CODES_RESOURCE "/io/github/coderescue/CodeRescue/short-codes.json"

#define RESCUE_TYPE_SHORT_CODES (rescue_short_codes_get_type ())
G_DECLARE_FINAL_TYPE (RescueShortCodes, rescue_short_codes, RESCUE, SHORT_CODES, GObject)

RescueShortCodes *rescue_short_codes_new_from_bytes    (GBytes            *json,
                                                        GError           **error);
/* path NULL means RESCUE_SHORT_CODES_RESOURCE */
RescueShortCodes *rescue_short_codes_new_from_resource (const char        *path,
                                                        GError           **error);
/* (transfer container) (element-type RescueSender): empty when no number is known */
GPtrArray        *rescue_short_codes_lookup            (RescueShortCodes  *self,
                                                        const char        *country);
RescueSenderAdvice rescue_short_codes_get_advice        (RescueShortCodes  *self,
                                                         const char        *country);
/* The web address the advice for @country rests on, or NULL when it rests
 * on the numbers' own sources (or nothing is known) */
const char       *rescue_short_codes_get_advice_source (RescueShortCodes  *self,
                                                        const char        *country);
/* (transfer full): sentences the sender box can show for @advice in
 * @country (which may add what is known of that country alone) */
char             *rescue_sender_advice_describe        (RescueSenderAdvice advice,
                                                        const char        *country);
/* Countries with at least one known number */
guint             rescue_short_codes_get_n_countries   (RescueShortCodes  *self);

G_END_DECLS
