#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# code-rescue --version and --reset, as a person would run them.
set -u
app=${1:?usage: test-command-line.sh PATH/TO/code-rescue VERSION}
version=${2:?}
tmp=$(mktemp -d)
pid=
holder=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$holder" ] && kill "$holder" 2>/dev/null; rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/state"
progress="$tmp/state/code-rescue/progress.json"
echo "1..12"

save_progress () {
  mkdir -p "$tmp/state/code-rescue"
  echo '{"version":1,"step":"unblock","history":["welcome"],"platform":"android","country":"GB","has-signed-in-device":true,"outcomes":{"unblock":"pending","signed-in":"pending","support":"pending"},"username":"jack","email":"jack@example.org","support-submitted-at":null}' > "$progress"
}

out=$("$app" --version)
if [ "$out" = "code-rescue $version" ]; then echo "ok 1 --version"; else echo "not ok 1 --version: $out"; fi

save_progress
out=$("$app" --reset)
if [ $? -eq 0 ] && [ ! -e "$progress" ] && [ -n "$out" ]; then
  echo "ok 2 --reset deletes the progress and says so"
else
  echo "not ok 2 --reset: $out"
fi

out=$("$app" --reset)
if [ $? -eq 0 ]; then echo "ok 3 --reset with nothing saved"; else echo "not ok 3 --reset twice: $out"; fi

# From a terminal with no display
save_progress
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$app" --reset 2>&1)
if [ $? -eq 0 ] && [ ! -e "$progress" ]; then
  echo "ok 4 --reset without a display"
else
  echo "not ok 4 --reset without a display: $out"
fi

# With Code Rescue open: it must forget too, or its next save would bring
# everything back
save_progress
"$app" > "$tmp/app.log" 2>&1 &
pid=$!
i=0
while [ $i -lt 50 ] && ! gdbus introspect --session --dest io.github.coderescue.CodeRescue \
        --object-path /io/github/coderescue/CodeRescue > /dev/null 2>&1; do
  sleep 0.1; i=$((i + 1))
done
out=$(env -u DISPLAY "$app" --reset 2>&1)
status=$?
sleep 1
# a change in the running window would now save a fresh start, not "jack"
if [ $status -eq 0 ] && [ ! -e "$progress" ] && kill -0 "$pid" 2>/dev/null; then
  echo "ok 5 --reset reaches the running Code Rescue"
else
  echo "not ok 5 --reset with Code Rescue open: $out $(cat "$tmp/app.log")"
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
pid=
if [ -e "$progress" ] && grep -q jack "$progress"; then
  echo "# the running Code Rescue wrote the old progress back"
  exit 1
fi

wait_for_app () {
  i=0
  while [ $i -lt 100 ] && ! gdbus call --session --dest org.freedesktop.DBus \
          --object-path /org/freedesktop/DBus --method org.freedesktop.DBus.NameHasOwner \
          io.github.coderescue.CodeRescue 2>/dev/null | grep -q true; do
    sleep 0.1; i=$((i + 1))
  done
  # Answers on the bus only once its main loop runs: a start-up that hangs
  # (reading a FIFO, say) holds the name but never answers
  gdbus call --session --dest io.github.coderescue.CodeRescue \
    --object-path /io/github/coderescue/CodeRescue \
    --method org.gtk.Actions.List --timeout 30 > /dev/null 2>&1
}

stop_app () {
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  pid=
}

# Holds the folder's lock as a Code Rescue on another bus would: the
# process that holds it is the one killed (no child keeps the lock, or
# meson's output pipe, open)
hold_lock () {
  ( exec 9> "$tmp/state/code-rescue/lock"; flock 9; exec sleep 60 ) > /dev/null 2>&1 &
  holder=$!
}

release_lock () {
  kill "$holder" 2>/dev/null
  wait "$holder" 2>/dev/null || :
}

# Every file Code Rescue keeps: the set-aside ones hold the email too
save_progress
cp "$progress" "$progress.corrupt"
cp "$progress" "$progress.corrupt.1"
out=$("$app" --reset 2>&1)
status=$?
# The lock holds nothing: it stays, so that one app keeps the folder
left=$(ls -A "$tmp/state/code-rescue" | grep -vx lock)
if [ $status -eq 0 ] && [ -z "$left" ]; then
  echo "ok 6 --reset deletes the set-aside files too"
else
  echo "not ok 6 --reset left $left: $out"
fi

# A FIFO where the progress should be: start-up neither waits on it nor
# reads it; it is set aside, and --reset removes it
rm -rf "$tmp/state/code-rescue"
mkdir -p "$tmp/state/code-rescue"
mkfifo "$progress"
"$app" > "$tmp/app.log" 2>&1 &
pid=$!
if wait_for_app && [ -p "$progress.corrupt" ] && [ ! -e "$progress" ]; then
  out=$(env -u DISPLAY "$app" --reset 2>&1)
  status=$?
  left=$(ls -A "$tmp/state/code-rescue" | grep -vx lock)
  if [ $status -eq 0 ] && [ -z "$left" ]; then
    echo "ok 7 a FIFO is set aside at start-up and removed by --reset"
  else
    echo "not ok 7 --reset after a FIFO ($status) left $left: $out"
  fi
else
  echo "not ok 7 start-up with a FIFO at progress.json: $(cat "$tmp/app.log")"
fi
stop_app

# --reset reports what really happened: what cannot be deleted (a full
# folder in the way, which stops root too) makes it fail, even when the
# open Code Rescue was asked first
save_progress
"$app" > "$tmp/app.log" 2>&1 &
pid=$!
wait_for_app
mkdir -p "$progress.corrupt/kept"
out=$(env -u DISPLAY "$app" --reset 2>&1)
status=$?
if [ $status -ne 0 ] && [ ! -e "$progress" ] && echo "$out" | grep -q "progress.json.corrupt"; then
  echo "ok 8 --reset fails and says what is left"
else
  echo "not ok 8 --reset with an undeletable file exited $status: $out"
fi
stop_app

# The folder locked by a Code Rescue this session's bus cannot reach (here
# flock(1) stands in for it): it would write everything back, so --reset
# deletes nothing and says so
save_progress
hold_lock
i=0
while [ $i -lt 50 ] && flock -n "$tmp/state/code-rescue/lock" true; do
  sleep 0.1; i=$((i + 1))
done
out=$(env -u DISPLAY "$app" --reset 2>&1)
status=$?
release_lock
if [ $status -eq 1 ] && [ -e "$progress" ] && [ "$(echo "$out" | wc -l)" -eq 1 ]; then
  echo "ok 9 --reset against a locked folder deletes nothing and says so once"
else
  echo "not ok 9 --reset against a locked folder exited $status: $out"
fi

out=$(env -u DISPLAY "$app" foo 2>&1)
status=$?
if [ $status -eq 2 ] && [ -n "$out" ] && ! echo "$out" | grep -q CRITICAL; then
  echo "ok 10 an extra argument gives a usage sentence"
else
  echo "not ok 10 code-rescue foo exited $status: $out"
fi

touch "$tmp/a-file"
out=$(XDG_STATE_HOME="$tmp/a-file" env -u DISPLAY "$app" --reset 2>&1)
status=$?
if [ $status -eq 0 ] && ! echo "$out" | grep -q "Could not"; then
  echo "ok 11 --reset with XDG_STATE_HOME set to a file: nothing to delete"
else
  echo "not ok 11 --reset with XDG_STATE_HOME set to a file exited $status: $out"
fi

# A second Code Rescue, on another session bus (so not reached as the
# running one), while the first holds the folder's lock (flock(1) stands in
# for it): it opens, reads and saves nothing, and says why
rm -rf "$tmp/state/code-rescue"
save_progress
before=$(cat "$progress")
hold_lock
i=0
while [ $i -lt 50 ] && flock -n "$tmp/state/code-rescue/lock" true; do
  sleep 0.1; i=$((i + 1))
done
G_MESSAGES_DEBUG= "$app" > "$tmp/app.log" 2>&1 &
pid=$!
if wait_for_app && [ "$(cat "$progress")" = "$before" ] && [ ! -e "$progress.corrupt" ] &&
   grep -q "Another Code Rescue holds" "$tmp/app.log"; then
  echo "ok 12 a second app finds the folder locked and leaves the progress alone"
else
  echo "not ok 12 a second app with the folder locked: $(cat "$tmp/app.log")"
fi
stop_app
release_lock
