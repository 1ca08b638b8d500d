#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What `meson install` runs after copying the files; nothing with DESTDIR
# set, where the packaging tools do it (dpkg triggers). It writes only
# what the installed app needs, because `ninja uninstall` cannot remove
# what a script wrote, and then fails on every folder still holding it:
#  - the GSettings schema cache: GLib finds no schema without it;
#  - the icon cache only where there is one already, as it would hide the
#    new icons until refreshed; without one, GTK reads the folders;
#  - no desktop database (mimeinfo.cache): it only maps MIME types to
#    apps, and Code Rescue opens none.
set -eu
datadir=${1:?usage: post-install.sh DATADIR}
[ -z "${DESTDIR:-}" ] || exit 0

echo "Compiling the GSettings schemas in $datadir/glib-2.0/schemas"
glib-compile-schemas "$datadir/glib-2.0/schemas"
if [ -f "$datadir/icons/hicolor/icon-theme.cache" ]; then
  echo "Updating the icon cache in $datadir/icons/hicolor"
  gtk4-update-icon-cache -q -t -f "$datadir/icons/hicolor"
fi
