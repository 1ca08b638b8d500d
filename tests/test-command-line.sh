#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# code-rescue --version and --reset, as a person would run them.
set -u
app=${1:?usage: test-command-line.sh PATH/TO/code-rescue VERSION}
version=${2:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/state"
echo "1..3"

out=$("$app" --version)
if [ "$out" = "code-rescue $version" ]; then echo "ok 1 --version"; else echo "not ok 1 --version: $out"; fi

mkdir -p "$tmp/state/code-rescue"
echo '{"version":1}' > "$tmp/state/code-rescue/progress.json"
out=$("$app" --reset)
if [ $? -eq 0 ] && [ ! -e "$tmp/state/code-rescue/progress.json" ] && [ -n "$out" ]; then
  echo "ok 2 --reset deletes the progress and says so"
else
  echo "not ok 2 --reset: $out"
fi

out=$("$app" --reset)
if [ $? -eq 0 ]; then echo "ok 3 --reset with nothing saved"; else echo "not ok 3 --reset twice: $out"; fi
