#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# desktop-file-validate, failing on hints too: it exits 0 on a hint, and a
# hint such as "more than one main category" means the app is listed
# twice in some menus.
set -u
validate=${1:?usage: check-desktop-file.sh DESKTOP-FILE-VALIDATE FILE}
file=${2:?usage: check-desktop-file.sh DESKTOP-FILE-VALIDATE FILE}
out=$("$validate" "$file" 2>&1)
status=$?
[ -z "$out" ] || echo "$out"
[ $status -eq 0 ] && [ -z "$out" ]
