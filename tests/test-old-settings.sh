#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Settings saved by a Code Rescue that still had the status line (its
# status-url key is gone from the schema) must not get in the way of
# starting: the window still comes up, with nothing warned.
set -u
app=${1:?usage: test-old-settings.sh PATH/TO/code-rescue}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "1..1"

mkdir -p "$tmp/config/glib-2.0/settings" "$tmp/state"
cat > "$tmp/config/glib-2.0/settings/keyfile" <<'KEYFILE'
[io/github/coderescue/CodeRescue]
status-url='https://api.twitterstat.us/api/v2/status.json'
support-form-url=''
window-width=700
KEYFILE

out=$(env GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" \
          G_DEBUG=fatal-warnings CODE_RESCUE_BENCH_EXIT_AFTER_FIRST_FRAME=1 \
          timeout 60 "$app" 2>&1)
status=$?
case "$out" in
  *first-frame-us*)
    if [ $status -eq 0 ]; then
      echo "ok 1 a saved status-url key is ignored"
      exit 0
    fi ;;
esac
echo "not ok 1 start-up with a saved status-url key: exit $status"
echo "$out" | sed 's/^/# /'
exit 1
