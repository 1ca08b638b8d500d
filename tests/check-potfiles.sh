#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a file with a translatable string is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
# Binary files (-I) are passed over: a PNG can hold the bytes "_(".
set -u
top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top" || exit 2

status=0
for f in $(grep -rlIE '(^|[^A-Za-z_])(_|N_|C_|ngettext|g_dngettext)\(|translatable="yes"' src data \
             | grep -vE '\.(po|pot)$' | sort); do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done
for f in $(grep -vE '^(#|$)' po/POTFILES.in); do
  if [ ! -f "$f" ]; then
    echo "in po/POTFILES.in but missing: $f"
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/POTFILES.in lists every file with translatable strings"
exit $status
