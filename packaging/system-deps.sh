#!/bin/sh
# The system packages Counterpoint needs, checked and, as root on Debian/Ubuntu, installed when missing;
# otherwise it names them. The Makefile runs it before making the virtual environment.
#   sh packaging/system-deps.sh            make, venv for $PYTHON, what Qt needs offscreen and on screen
#   sh packaging/system-deps.sh --bundle   also binutils, which PyInstaller uses (make bundle)
#   sh packaging/system-deps.sh --test     also the tools the packaging tests run (make test, CI)
set -eu
PYTHON=${PYTHON:-python3}
mode=${1:-}
required=""  # without these neither make run nor make test can work
onscreen=""  # Qt's X11 platform (xcb): the window on a desktop; offscreen rendering works without them
tools=""     # for building the bundle and for the packaging tests

has_lib() { ldconfig -p 2>/dev/null | grep -q "[[:space:]]$1 "; }
lib() { # lib LIST SONAME DEBIAN-PACKAGE
    if ! has_lib "$2"; then eval "$1=\"\$$1 $3\""; fi
}
tool() { # tool LIST COMMAND DEBIAN-PACKAGE
    if ! command -v "$2" >/dev/null 2>&1; then eval "$1=\"\$$1 $3\""; fi
}

tool required make make
if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    # Debian splits venv's ensurepip out of the interpreter: python3-venv for the default python3.
    version=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo 3)
    default=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo none)
    if [ "$version" = "$default" ] || [ "$version" = 3 ]; then required="$required python3-venv"; else required="$required python$version-venv"; fi
fi
# What Qt's offscreen platform and PDF export load.
lib required libGL.so.1 libgl1
lib required libEGL.so.1 libegl1
lib required libfontconfig.so.1 libfontconfig1
lib required libfreetype.so.6 libfreetype6
lib required libxkbcommon.so.0 libxkbcommon0
lib required libglib-2.0.so.0 libglib2.0-0
lib required libdbus-1.so.3 libdbus-1-3
# A font for the interface (reports use the DejaVu faces shipped in resources/fonts).
[ -n "$(ls /usr/share/fonts 2>/dev/null)" ] || required="$required fonts-dejavu-core"
# What the xcb platform plugin links (Qt 6.5 and later need libxcb-cursor0).
lib onscreen libxcb.so.1 libxcb1
lib onscreen libX11-xcb.so.1 libx11-xcb1
lib onscreen libxcb-cursor.so.0 libxcb-cursor0
lib onscreen libxcb-icccm.so.4 libxcb-icccm4
lib onscreen libxcb-image.so.0 libxcb-image0
lib onscreen libxcb-keysyms.so.1 libxcb-keysyms1
lib onscreen libxcb-randr.so.0 libxcb-randr0
lib onscreen libxcb-render-util.so.0 libxcb-render-util0
lib onscreen libxcb-shape.so.0 libxcb-shape0
lib onscreen libxcb-sync.so.1 libxcb-sync1
lib onscreen libxcb-xfixes.so.0 libxcb-xfixes0
lib onscreen libxcb-xkb.so.1 libxcb-xkb1
lib onscreen libxkbcommon-x11.so.0 libxkbcommon-x11-0
case "$mode" in
--bundle | --test)
    tool tools objdump binutils # PyInstaller reads and strips the libraries it bundles
    ;;
esac
if [ "$mode" = --test ]; then
    tool tools desktop-file-validate desktop-file-utils
    tool tools appstreamcli appstream
    tool tools update-mime-database shared-mime-info
    tool tools xdg-mime xdg-utils
fi

missing="$required$onscreen$tools"
[ -n "$missing" ] || exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
    exit 0
fi
how="your package manager's packages for (Debian names):"
if command -v apt-get >/dev/null 2>&1; then how="sudo apt-get install"; fi
if [ -n "$onscreen" ]; then
    echo "note: the app's window needs these system libraries to open on an X11 desktop:$onscreen" >&2
    echo "      ($how$onscreen)" >&2
fi
if [ -n "$tools" ]; then
    echo "note: the packaging tests skip without:$tools ($how$tools)" >&2
fi
if [ -n "$required" ]; then
    echo "Counterpoint needs these system packages:$required" >&2
    echo "install them: $how$required" >&2
    if command -v apt-get >/dev/null 2>&1; then exit 1; fi
    echo "warning: not a Debian-like system, so the names above may differ; continuing" >&2
fi
