#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's run command: installs what is missing, builds, and starts
# Code Rescue from the build tree. Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}

# Also brings at-spi2-core, the accessibility bus GTK looks for at each
# start: installed, not silenced, so that a screen reader can use the app
# (install-deps.sh says more)
bash build-aux/install-deps.sh

if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir"
fi
meson compile -C "$build_dir"

exec meson devenv -C "$build_dir" ./src/code-rescue "$@"
