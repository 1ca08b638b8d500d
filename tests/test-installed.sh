#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Code Rescue as a person gets it: installed, and started the way the
# desktop starts it. Under its own Xvfb and session bus, in German:
#  - the installed desktop file and metainfo pass their validators;
#  - launched as the menu does (gtk4-launch: the desktop file found by its
#    ID, then D-Bus activation through the installed service file), a
#    window titled "Code Rescue" appears;
#  - its translations load: the window's accessible text is in German;
#  - `gio launch` on the desktop file (its Exec line) and the D-Bus
#    Activate call reach the running one; --reset does too;
#  - after it quits, the D-Bus Activate call alone starts it again, and so
#    does `gio launch`.
#
#   test-installed.sh deb build-deb/code-rescue_*.deb
#       installs the package with the README's own apt-get line, as
#       written (it works as root and with sudo), runs the
#       checks, purges it and checks that nothing of it is left but the
#       user's own state. The package is purged however the test ends.
#   test-installed.sh prefix [BUILD_DIR]
#       `meson install` into a temporary prefix, without root, and runs
#       the checks with XDG_DATA_DIRS pointing there (BUILD_DIR defaults
#       to build-install).
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD

app_id=io.github.coderescue.CodeRescue
object_path=/io/github/coderescue/CodeRescue
fail () { echo "FAIL: $*" >&2; exit 1; }

# Waits up to 60 s for a command to succeed: a deadline for a hang, not
# a timing assertion
wait_for () {
  local i=0
  until "$@" > /dev/null 2>&1; do
    i=$((i + 1))
    [ $i -lt 300 ] || return 1
    sleep 0.2
  done
}

name_owner_pid () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetConnectionUnixProcessID "$app_id" \
    | sed -n 's/^(uint32 \([0-9]*\),)$/\1/p'
}

running () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$app_id" | grep -q true
}

windows () {
  xdotool search --onlyvisible --name '^Code Rescue$' 2> /dev/null | wc -l
}

window_shown () {
  [ "$(windows)" -ge 1 ]
}

activate () {
  gdbus call --session --dest "$app_id" --object-path "$object_path" \
    --method org.freedesktop.Application.Activate '{}' > /dev/null
}

quit_app () {
  gdbus call --session --dest "$app_id" --object-path "$object_path" \
    --method org.freedesktop.Application.ActivateAction quit '[]' '{}' > /dev/null
  wait_for sh -c "! gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus --method org.freedesktop.DBus.NameHasOwner $app_id | grep -q true" \
    || fail "Code Rescue did not quit"
}

# The process that owns the app's name was started by the bus from the
# installed service file, not from the desktop file's Exec line
check_dbus_activated () {
  local prefix=$1 pid
  pid=$(name_owner_pid)
  [ -n "$pid" ] || fail "nothing owns $app_id"
  [ "$(readlink "/proc/$pid/exe")" = "$prefix/bin/code-rescue" ] \
    || fail "$app_id is owned by $(readlink "/proc/$pid/exe"), not $prefix/bin/code-rescue"
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- '--gapplication-service' \
    || fail "not started by D-Bus activation: $(tr '\0' ' ' < "/proc/$pid/cmdline")"
  echo "$pid"
}

# Runs inside the private Xvfb and session bus, with LANGUAGE=de
session_checks () {
  local prefix=$1
  local desktop=$prefix/share/applications/$app_id.desktop
  local service=$prefix/share/dbus-1/services/$app_id.service
  local metainfo=$prefix/share/metainfo/$app_id.metainfo.xml
  local pid german names

  "$top/tests/check-desktop-file.sh" desktop-file-validate "$desktop" \
    || fail "desktop-file-validate $desktop: an error or a hint"
  appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate $metainfo"
  grep -qx 'DBusActivatable=true' "$desktop" || fail "$desktop is not DBusActivatable"
  grep -qx "Exec=$prefix/bin/code-rescue" "$desktop" || fail "$desktop does not run $prefix/bin/code-rescue"
  grep -qx "Name=$app_id" "$service" || fail "$service names no $app_id"
  grep -qx "Exec=$prefix/bin/code-rescue --gapplication-service" "$service" \
    || fail "$service does not start $prefix/bin/code-rescue --gapplication-service"
  echo "ok - installed desktop file, metainfo and D-Bus service file"

  running && fail "Code Rescue is already running on a brand-new bus"
  # As the menu does: find the app by its ID in XDG_DATA_DIRS and, as its
  # desktop file is DBusActivatable, ask the bus to start it
  gtk4-launch "$app_id"
  wait_for window_shown || fail "no window titled \"Code Rescue\" after gtk4-launch $app_id"
  pid=$(check_dbus_activated "$prefix")
  echo "ok - gtk4-launch $app_id: a window titled \"Code Rescue\", started by D-Bus activation"

  # Translations: the German for a label of the window, from the installed
  # catalogue, must be what the window's accessibility tree shows
  german=$(TEXTDOMAINDIR=$prefix/share/locale gettext code-rescue "Main Menu")
  [ "$german" != "Main Menu" ] || fail "no German catalogue in $prefix/share/locale"
  wait_for sh -c "'$top/tests/a11y-names.py' | grep -qxF '$german'" \
    || fail "the window does not show \"$german\"; it shows: $("$top/tests/a11y-names.py" | head -20 | tr '\n' '|')"
  "$prefix/bin/code-rescue" --help \
    | grep -qF "$(TEXTDOMAINDIR=$prefix/share/locale gettext code-rescue "Delete the saved progress and quit")" \
    || fail "--help is not in German"
  echo "ok - translations load: the window shows \"$german\""

  # gio launch reads the file itself and runs its Exec line, which hands
  # over to the running Code Rescue
  gio launch "$desktop"
  activate
  wait_for window_shown
  [ "$(windows)" -eq 1 ] || fail "a second launch opened $(windows) windows"
  [ "$(name_owner_pid)" = "$pid" ] || fail "a second launch started a second Code Rescue"
  echo "ok - gio launch and the D-Bus Activate call reach the running Code Rescue"

  "$prefix/bin/code-rescue" --reset > /dev/null || fail "--reset with Code Rescue open"
  kill -0 "$pid" || fail "--reset ended the running Code Rescue"
  echo "ok - --reset reaches the running Code Rescue"

  quit_app
  activate
  wait_for window_shown || fail "no window after the D-Bus Activate call"
  check_dbus_activated "$prefix" > /dev/null
  echo "ok - the D-Bus Activate call starts Code Rescue"
  quit_app

  gio launch "$desktop"
  wait_for window_shown || fail "no window titled \"Code Rescue\" after gio launch $desktop"
  echo "ok - gio launch $desktop starts Code Rescue"
  quit_app
}

# Runs session_checks in a fresh home, Xvfb and session bus. The bus reads
# its service folders from XDG_DATA_DIRS when it starts, so that is set
# first; DISPLAY is set before the bus starts so that what it starts can
# draw.
run_session () {
  local prefix=$1 home
  home=$(mktemp -d)
  mkdir -m 0700 "$home/run"
  env -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u LC_MESSAGES -u LANG \
    HOME="$home" XDG_RUNTIME_DIR="$home/run" \
    XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    XDG_STATE_HOME="$home/.local/state" XDG_CACHE_HOME="$home/.cache" \
    XDG_DATA_DIRS="${XDG_DATA_DIRS_FOR_TEST:-/usr/local/share:/usr/share}" \
    LC_ALL=C.UTF-8 LANGUAGE=de GDK_BACKEND=x11 \
    xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
    dbus-run-session -- "$0" --session "$prefix"
  session_home=$home
}

if [ "${1:-}" = "--session" ]; then
  session_checks "$2"
  exit 0
fi

mode=${1:?usage: test-installed.sh deb FILE.deb | prefix [BUILD_DIR]}
case "$mode" in
  deb)
    deb=$(realpath "${2:?usage: test-installed.sh deb FILE.deb}")
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    apt_get () {
      DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 -y -q "$@"
    }
    dpkg-query -W -f='${Status}' code-rescue 2> /dev/null | grep -q 'ok installed' \
      && fail "code-rescue is already installed; this test would remove it"
    # What the package could leave behind; /usr/local is not the package's
    ours_outside_home () {
      find /usr /etc /var/lib/dpkg/info -path /usr/local -prune -o \
        \( -iname '*coderescue*' -o -name '*code-rescue*' \) -print 2> /dev/null || true
    }
    [ -z "$(ours_outside_home)" ] || fail "already there before the install: $(ours_outside_home)"
    # Other people's tests run on this machine: never leave it installed
    trap 'apt_get purge code-rescue > /dev/null 2>&1 || true' EXIT
    # The README's lines, run as written: what a person types, as root or
    # with sudo. Only what a terminal would add comes from here: "y" to
    # apt's question, and patience with another apt holding the lock.
    readme_install=$(sed -n '/^### Debian 12 package/,/^### /p' README.md \
                     | grep -m1 -E '^[^`]*apt-get install \./build-deb/' || true)
    readme_purge=$(sed -n '/^### Debian 12 package/,/^### /p' README.md \
                   | grep -o -m1 '`[^`]*apt-get purge code-rescue`' | tr -d '`' || true)
    [ -n "$readme_install" ] || fail "no apt-get install line in the README's Install block"
    [ -n "$readme_purge" ] || fail "no apt-get purge line in the README's Install block"
    [ "$(realpath -m "$top/${readme_install##* }")" = "$deb" ] \
      || fail "the README installs ${readme_install##* }, but the package built is $deb: update the README"
    apt_conf=$(mktemp)
    echo 'DPkg::Lock::Timeout "600";' > "$apt_conf"
    readme_run () {
      echo "# as the README says: $1"
      (cd "$top" && printf 'y\n' | APT_CONFIG=$apt_conf DEBIAN_FRONTEND=noninteractive bash -c "$1")
    }
    readme_run "$readme_install"
    files=$(dpkg -L code-rescue)
    run_session /usr
    readme_run "$readme_purge"
    rm -f "$apt_conf"
    trap - EXIT

    if dpkg-query -W -f='${Status}' code-rescue 2> /dev/null | grep -q installed; then
      fail "code-rescue is still known to dpkg after the purge"
    fi
    for f in $files; do
      if [ -e "$f" ] && [ ! -d "$f" ]; then fail "left after the purge: $f"; fi
    done
    left=$(ours_outside_home)
    [ -z "$left" ] || fail "left after the purge: $left"
    if gsettings list-schemas | grep -qx "$app_id"; then
      fail "the GSettings schema is still compiled in after the purge"
    fi
    # The user's own state is theirs to keep: a purge never reaches into a home
    echo "# left in the test user's home: $(cd "$session_home" && find .config .local -type f 2> /dev/null | tr '\n' ' ')"
    rm -rf "$session_home"
    echo "ok - purged: nothing of code-rescue is left outside the user's home"
    ;;
  prefix)
    build_dir=${2:-build-install}
    prefix=$(mktemp -d)/prefix
    if [ -f "$build_dir/build.ninja" ]; then
      meson configure "$build_dir" -Dprefix="$prefix"
    else
      meson setup "$build_dir" --prefix="$prefix"
    fi
    meson install -C "$build_dir"
    XDG_DATA_DIRS_FOR_TEST="$prefix/share:/usr/local/share:/usr/share" run_session "$prefix"
    rm -rf "$session_home" "$(dirname "$prefix")"
    ;;
  *)
    fail "unknown mode $mode"
    ;;
esac
