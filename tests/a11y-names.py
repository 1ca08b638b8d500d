#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints the accessible name of every object that the applications on the
accessibility bus show, one a line: what a screen reader would read out.

Only needs GLib's D-Bus bindings (python3-gi, for Debian's own python3), not the AT-SPI client
library. Exits 1 when no application is registered yet."""
import sys

from gi.repository import Gio, GLib

ACCESSIBLE = "org.a11y.atspi.Accessible"


def call(bus, name, path, iface, method, args, reply):
    return bus.call_sync(name, path, iface, method, args,
                         GLib.VariantType(reply), Gio.DBusCallFlags.NONE,
                         5000, None).unpack()


def walk(bus, name, path, depth, names):
    if depth > 60:
        return
    try:
        (label,) = call(bus, name, path, "org.freedesktop.DBus.Properties",
                        "Get", GLib.Variant("(ss)", (ACCESSIBLE, "Name")), "(v)")
        (children,) = call(bus, name, path, ACCESSIBLE, "GetChildren", None, "(a(so))")
    except GLib.Error:
        return  # gone while we looked
    if label:
        names.append(label)
    for child_name, child_path in children:
        walk(bus, child_name, child_path, depth + 1, names)


def main():
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    (address,) = call(session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                      "GetAddress", None, "(s)")
    bus = Gio.DBusConnection.new_for_address_sync(
        address,
        Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
        | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
        None, None)
    (apps,) = call(bus, "org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root",
                   ACCESSIBLE, "GetChildren", None, "(a(so))")
    names = []
    for app_name, app_path in apps:
        walk(bus, app_name, app_path, 0, names)
    for n in names:
        print(n)
    return 0 if apps else 1


if __name__ == "__main__":
    sys.exit(main())
