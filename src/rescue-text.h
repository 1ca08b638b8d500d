/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bidi isolates a value is wrapped in when it is put into a sentence */
#define RESCUE_FSI "\u2068"
#define RESCUE_PDI "\u2069"

char *rescue_isolate        (const char *text);
void  rescue_append_isolated (GString    *string,
                              const char *text);
char *rescue_join_sentences (const char *first,
                             const char *second);
void  rescue_append_sentence (GString    *paragraph,
                              const char *sentence);
char *rescue_format_date_time (gint64     unix_time);

G_END_DECLS
