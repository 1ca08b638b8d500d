#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's test command: installs what is missing, builds, and runs the
# whole test suite headless (its own Xvfb and D-Bus session). Exits with the
# suite's status. Extra arguments go to `meson test`.
#
# BUILD_DIR (default build) picks the build tree and MESON_SETUP_ARGS adds
# options to `meson setup`, so CI can run the same suite in a sanitizer
# build: BUILD_DIR=build-asan MESON_SETUP_ARGS="-Db_sanitize=address,undefined
# -Db_lundef=false" bash build-aux/test.sh --setup asan --suite logic
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
read -r -a setup_args <<< "${MESON_SETUP_ARGS:-}"

bash build-aux/install-deps.sh

if [ -d "$build_dir" ] && [ -f "$build_dir/build.ninja" ]; then
  meson setup --reconfigure --werror "${setup_args[@]}" "$build_dir"
else
  meson setup --werror "${setup_args[@]}" "$build_dir"
fi
meson compile -C "$build_dir"

# One X server and one session bus around the whole run, as GTK's CI does.
exec dbus-run-session -- \
  xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
  meson test -C "$build_dir" --print-errorlogs "$@"
