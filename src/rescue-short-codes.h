/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RESCUE_SENDER_SHORT_CODE,
  RESCUE_SENDER_LONG_CODE,
} RescueSenderKind;

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
/* Countries with at least one known number */
guint             rescue_short_codes_get_n_countries   (RescueShortCodes  *self);

G_END_DECLS
