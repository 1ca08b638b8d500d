#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Nothing reaches up: application → window → pages → context → data. The
# window and the pages are handed a RescueContext; none of them includes
# the application's header.
set -u
src=${1:?usage: check-includes.sh SRCDIR}
status=0
for f in "$src"/src/rescue-window.c "$src"/src/rescue-window.h "$src"/src/rescue-window-private.h \
         "$src"/src/pages/*.c "$src"/src/pages/*.h; do
  if grep -q '#include "rescue-application.h"' "$f"; then
    echo "$f includes rescue-application.h"
    status=1
  fi
done
# Below the window, nothing includes GTK: those units are tested without a display
for f in "$src"/src/rescue-context.[ch] "$src"/src/rescue-flow.[ch] "$src"/src/rescue-store.[ch] \
         "$src"/src/rescue-short-codes.[ch] "$src"/src/rescue-support-request.[ch] \
         "$src"/src/rescue-support-message.[ch] "$src"/src/rescue-wait-reminder.[ch]; do
  if grep -Eq '#include <gtk/gtk.h>|#include "rescue-(application|window)' "$f"; then
    echo "$f reaches up into GTK or the window"
    status=1
  fi
done
exit $status
