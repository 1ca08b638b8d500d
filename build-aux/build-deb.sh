#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from this tree: installs the packaging tools
# and the build dependencies that are missing, builds a copy of the tree
# with `dpkg-buildpackage -b -us -uc`, leaves the .deb in build-deb/ and
# runs lintian on it (errors fail the build). Prints the .deb's path last.
# DEB_BUILD_OPTIONS is passed on (nocheck skips the logic tests).
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
out=$top/build-deb

bash build-aux/install-deps.sh --package

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
if ! dpkg-checkbuilddeps debian/control 2> /dev/null; then
  if [ -n "$sudo" ] && ! command -v sudo > /dev/null; then
    echo "Build dependencies are missing (see above). Run this script as root once (su -c build-aux/build-deb.sh), or install sudo." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get build-dep -y -q --no-install-recommends "$top"
fi

# The changelog names the version the package gets: it must be this one
meson_version=$(sed -n "s/^  version: '\(.*\)',$/\1/p" meson.build)
deb_version=$(dpkg-parsechangelog -l debian/changelog -S Version)
if [ "${deb_version%-*}" != "$meson_version" ]; then
  echo "debian/changelog is at $deb_version but meson.build at $meson_version:" \
       "add a changelog entry (dch -v $meson_version)" >&2
  exit 1
fi

# dpkg-buildpackage builds in the source tree and writes next to it, so
# build a copy of the files git knows (committed or not, never ignored
# ones) inside build-deb/, and the .deb lands in build-deb/ too
rm -rf "$out"
src=$out/code-rescue-$deb_version
mkdir -p "$src"
if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf - | tar -xf - -C "$src"
else
  tar --exclude='./build*' --exclude='./_build' -cf - . | tar -xf - -C "$src"
fi
# build-aux is the one build* folder the copy needs
[ -d "$src/build-aux" ] || cp -a build-aux "$src/"

(cd "$src" && dpkg-buildpackage -b -us -uc)

deb=$(ls "$out"/code-rescue_"$deb_version"_*.deb)
rm -rf "$src"

# Errors fail; warnings are printed (README lists the ones left and why)
lintian --fail-on error --display-level '>=warning' "$deb"

echo "$deb"
