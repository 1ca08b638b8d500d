#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what building, running and testing Code Rescue needs on Debian 12.
# Only missing packages are installed; safe to run again.
set -euo pipefail

packages=(
  build-essential meson ninja-build pkgconf gettext
  libgtk-4-dev libgtk-4-bin libsoup-3.0-dev libjson-glib-dev glib-networking
  iso-codes desktop-file-utils appstream gsettings-desktop-schemas
  xvfb xauth dbus-daemon dbus-x11
  librsvg2-common adwaita-icon-theme hicolor-icon-theme
  fonts-cantarell fonts-dejavu-core fonts-lohit-deva libgl1-mesa-dri
  # Japanese and Arabic text as people see it (debian/control recommends
  # them): test-l10n measures the pages in these fonts, and CJK glyphs
  # make the content column about 70 px narrower than DejaVu's fallback
  fonts-noto-cjk fonts-noto-ui-core
  # localedef and the ja_JP source, for the locale test-l10n-locale
  # generates in the build tree
  locales
  clang libclang-rt-14-dev
  imagemagick x11-apps xdotool
  # GTK talks to screen readers over the accessibility bus, which this
  # package starts; every desktop has it, but a minimal system does not,
  # and then GTK warns at each start that the bus cannot be reached.
  # Installed rather than silenced (GTK_A11Y=none) so that a person
  # trying the app from the build tree with a screen reader can use it.
  at-spi2-core
)

# --package: also what build-aux/build-deb.sh and the packaging checks in
# .ci/run need (their build dependencies come from debian/control)
if [ "${1:-}" = "--package" ]; then
  # tests/test-installed.sh reads the window through the accessibility
  # bus (at-spi2-core, above) with python3-gi
  packages+=(dpkg-dev debhelper lintian flatpak-builder python3-gi)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  # Say what to do rather than fail on "sudo: command not found"
  if ! command -v sudo > /dev/null; then
    echo "There is no sudo here: run this again as root (su -c build-aux/install-deps.sh), or as root install: ${missing[*]}" >&2
    exit 1
  fi
  sudo="sudo"
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
