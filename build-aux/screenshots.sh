#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Draws every page of Code Rescue, wide (860 × 620) and narrow (360 × 720),
# light and dark, in English and German, into
# data/screenshots/<language>/<page>-<wide|narrow>-<light|dark>.png, and
# the welcome and unblock pages as the desktop's dark and high-contrast
# preferences make them, as <page>-<wide|narrow>-<desktop-dark|high-contrast|
# high-contrast-dark>.png (set in GNOME's keys, which the app reads where no
# portal answers, as on the private bus here).
# The README and the AppStream metainfo show some of them. Runs unattended
# under its own Xvfb and D-Bus session, and only on this machine: the app
# talks to a stand-in for X's site on 127.0.0.1 (tests/screenshots.c).
#
# Japanese and Arabic get only the welcome and unblock pages, wide and
# narrow, light: enough to show their script and Arabic's mirrored window.
#
# BUILD_DIR (default build) picks the build tree; LANGUAGES (default
# "en de ja ar") the languages.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
read -r -a languages <<< "${LANGUAGES:-en de ja ar}"

bash build-aux/install-deps.sh

if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir"
fi
# the translations and the program that draws the pages
meson compile -C "$build_dir"
meson compile -C "$build_dir" screenshots

for lang in "${languages[@]}"; do
  case $lang in
    en|de) few=() ;;
    *) few=(few) ;;
  esac
  out="data/screenshots/$lang"
  mkdir -p "$out"
  rm -f "$out"/*.png
  # The same environment as the UI tests (tests/meson.build): memory
  # settings, no proxy look-up, X11 and the cairo renderer; and one time
  # zone, so the times shown are the same on every machine
  env GSETTINGS_BACKEND=memory \
      GSETTINGS_SCHEMA_DIR="$PWD/$build_dir/data" \
      GIO_USE_PROXY_RESOLVER=dummy \
      GIO_USE_VFS=local \
      GDK_BACKEND=x11 \
      GSK_RENDERER=cairo \
      GTK_A11Y=test \
      LC_ALL=C.UTF-8 \
      LANGUAGE="$lang" \
      TZ=UTC \
    dbus-run-session -- \
    xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
    "$build_dir/tests/screenshots" "$out" "${few[@]}" > /dev/null
  echo "$(find "$out" -name '*.png' | wc -l) screenshots in $out"
done
