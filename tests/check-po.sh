#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A translation passes msgfmt --check and is complete: nothing fuzzy,
# nothing untranslated.
set -u
po=${1:?usage: check-po.sh FILE.po}
out=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
status=$?
echo "$out"
[ $status -eq 0 ] || exit 1
case "$out" in
  *fuzzy*|*untranslated*) echo "incomplete: $po"; exit 1 ;;
esac
exit 0
