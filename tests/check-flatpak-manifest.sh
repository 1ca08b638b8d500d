#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Flatpak manifest parses (flatpak-builder --show-manifest) and builds
# what it should: this app, on the GNOME runtime, from a meson module that
# is this source tree, with only the permissions Code Rescue needs. No
# runtime can be fetched here, so this is as far as a check can go.
set -u
top=${1:?usage: check-flatpak-manifest.sh SOURCE_ROOT APP_ID}
app_id=${2:?}
manifest=$top/build-aux/flatpak/$app_id.json

# flatpak-builder keeps its state (.flatpak-builder/) in the folder it runs
# in: a scratch one, not the source tree
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
shown=$(cd "$scratch" && flatpak-builder --show-manifest "$manifest") \
  || { echo "flatpak-builder cannot read $manifest"; exit 1; }

printf '%s' "$shown" | python3 -c '
import json, os, sys
top, manifest, app_id = sys.argv[1:4]
m = json.load(sys.stdin)
problems = []
def expect(what, got, want):
    if got != want:
        problems.append("%s is %r, not %r" % (what, got, want))
expect("id", m.get("id", m.get("app-id")), app_id)
expect("runtime", m.get("runtime"), "org.gnome.Platform")
expect("sdk", m.get("sdk"), "org.gnome.Sdk")
expect("command", m.get("command"), "code-rescue")
if not str(m.get("runtime-version", "")).isdigit():
    problems.append("runtime-version %r is not a stable GNOME release" % m.get("runtime-version"))
expect("finish-args", sorted(m.get("finish-args", [])),
       sorted(["--share=network", "--share=ipc", "--socket=wayland",
               "--socket=fallback-x11", "--device=dri"]))
app = m.get("modules", [{}])[-1]
expect("the last module", app.get("name"), "code-rescue")
expect("its build system", app.get("buildsystem"), "meson")
dirs = [s for s in app.get("sources", []) if s.get("type") == "dir"]
here = [os.path.realpath(os.path.join(os.path.dirname(manifest), s.get("path", "")))
        for s in dirs]
expect("its source", here, [os.path.realpath(top)])
for p in problems:
    print(p)
if problems:
    sys.exit(1)
print("%s: %s on %s//%s, built with meson from %s" % (
    os.path.basename(manifest), app_id, m["runtime"], m["runtime-version"], top))
' "$top" "$manifest" "$app_id"
