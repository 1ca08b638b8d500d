#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The screenshots build-aux/screenshots.sh draws are all there, and the
# AppStream metainfo and the README show only screenshots that exist: at
# least three in the metainfo, each with a caption.
set -eu
src=$1
meta="$src/data/io.github.coderescue.CodeRescue.metainfo.xml.in"
status=0

fail () {
  echo "$1" >&2
  status=1
}

for lang in en de; do
  for page in welcome unblock signed-in support resolved waiting-for-support; do
    for size in wide narrow; do
      for style in light dark; do
        f="data/screenshots/$lang/$page-$size-$style.png"
        [ -s "$src/$f" ] || fail "missing $f: run build-aux/screenshots.sh"
      done
    done
  done
  # as the desktop's preferences draw them (RescueStyleManager)
  for page in welcome unblock; do
    for size in wide narrow; do
      for style in desktop-dark high-contrast high-contrast-dark; do
        f="data/screenshots/$lang/$page-$size-$style.png"
        [ -s "$src/$f" ] || fail "missing $f: run build-aux/screenshots.sh"
      done
    done
  done
done

# Japanese's script and Arabic's mirrored window
for lang in ja ar; do
  for page in welcome unblock; do
    for size in wide narrow; do
      f="data/screenshots/$lang/$page-$size-light.png"
      [ -s "$src/$f" ] || fail "missing $f: run build-aux/screenshots.sh"
    done
  done
done

shots=$(grep -c '<screenshot[ >]' "$meta" || true)
captions=$(grep -c '<caption>' "$meta" || true)
[ "$shots" -ge 3 ] || fail "the metainfo lists $shots screenshots, fewer than 3"
[ "$captions" -eq "$shots" ] || fail "$shots screenshots but $captions captions in the metainfo"

for f in $(sed -n 's|.*<image>https://raw.githubusercontent.com/[^/]*/[^/]*/main/\(.*\)</image>.*|\1|p' "$meta") \
         $(sed -n 's|.*](\(data/screenshots/[^)]*\)).*|\1|p' "$src/README.md"); do
  [ -s "$src/$f" ] || fail "$f is shown but does not exist"
done

exit $status
