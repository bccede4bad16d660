#!/bin/sh
# Runs a notification test on a private D-Bus session bus of its own:
#   run-on-session-bus.sh --mock TEST [ARGS]   with python-dbusmock's notification daemon
#   run-on-session-bus.sh --none TEST [ARGS]   with no notification service at all
# Exits 77 (CTest: skipped) only when dbus-run-session itself is missing.
set -eu

mode="$1"
shift
if [ "${RAPPORT_ON_PRIVATE_BUS:-}" != 1 ]; then
    if ! command -v dbus-run-session >/dev/null 2>&1; then
        echo "SKIP: dbus-run-session is missing; install Debian's dbus package to test notifications"
        exit 77
    fi
    RAPPORT_ON_PRIVATE_BUS=1 exec dbus-run-session -- "$0" "$mode" "$@"
fi

case "$mode" in
    --mock)
        log="$(mktemp)"
        /usr/bin/python3 -m dbusmock --template notification_daemon >"$log" 2>&1 &
        mock=$!
        trap 'kill "$mock" 2>/dev/null || true; rm -f "$log"' EXIT
        tries=0
        until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null | grep -q true; do
            tries=$((tries + 1))
            if [ "$tries" -gt 200 ] || ! kill -0 "$mock" 2>/dev/null; then
                echo "The mock notification server (python3-dbusmock) did not start:" >&2
                cat "$log" >&2
                exit 1
            fi
            sleep 0.05
        done
        RAPPORT_TEST_NOTIFICATION_SERVICE=1 "$@"
        ;;
    --none)
        RAPPORT_TEST_NOTIFICATION_SERVICE=0 "$@"
        ;;
    *)
        echo "usage: $0 --mock|--none TEST [ARGS]" >&2
        exit 2
        ;;
esac
