#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders a symbolic SVG to the .symbolic.png GTK recolours without librsvg,
# so that showing the icon does not load the SVG loader at start-up.
#   encode-symbolic-icon.sh ENCODER INPUT.svg SIZE OUTPUT.symbolic.png
set -euo pipefail

encoder=$1 input=$2 size=$3 output=$4
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

"$encoder" -o "$workdir" "$input" "${size}x${size}"
mv "$workdir/$(basename "$input" .svg).symbolic.png" "$output"
