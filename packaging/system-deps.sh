#!/bin/sh
# Install the few system libraries Qt needs to run offscreen (and fonts for reports), when missing.
# Debian/Ubuntu only; elsewhere it says what is missing and leaves the rest to the user.
set -eu
missing=""
need() { # need LIBRARY-SONAME DEBIAN-PACKAGE
    if ! ldconfig -p 2>/dev/null | grep -q "$1"; then missing="$missing $2"; fi
}
need libGL.so.1 libgl1
need libEGL.so.1 libegl1
need libfontconfig.so.1 libfontconfig1
need libxkbcommon.so.0 libxkbcommon0
need libglib-2.0.so.0 libglib2.0-0
need libdbus-1.so.3 libdbus-1-3
need libfreetype.so.6 libfreetype6
[ -d /usr/share/fonts/truetype/dejavu ] || missing="$missing fonts-dejavu-core"
[ -n "$missing" ] || exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
elif command -v apt-get >/dev/null 2>&1; then
    echo "Counterpoint needs these system packages:$missing" >&2
    echo "install them with: sudo apt-get install$missing" >&2
    exit 1
else
    echo "warning: could not check system libraries for Qt (missing:$missing); continuing" >&2
fi
