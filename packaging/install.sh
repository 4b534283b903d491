#!/bin/sh
# Install the standalone bundle for the current user as a desktop application, or remove it again:
#   sh packaging/install.sh install dist/counterpoint      (what `make install` runs)
#   sh packaging/install.sh uninstall                      (what `make uninstall` runs)
# The app goes to ~/.local/lib/counterpoint with a launcher in ~/.local/bin; the desktop entry, icons,
# the project file's MIME type and the AppStream metainfo go under $XDG_DATA_HOME (~/.local/share).
# PREFIX (default ~/.local) moves all of it. Nothing outside those folders is touched.
set -eu
APP_ID=io.github.counterpoint.Counterpoint
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
DATA=${XDG_DATA_HOME:-$PREFIX/share}
BINDIR=$PREFIX/bin
LIBDIR=$PREFIX/lib/counterpoint
LAUNCHER=$BINDIR/counterpoint
ICON_SIZES="16 24 32 48 64 128 256"

refresh() { # rebuild the caches desktops read, with whichever tools this system has
    if ! [ -d "$DATA/mime/packages" ]; then
        :
    elif command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$DATA/mime"
    else
        echo "note: update-mime-database not found (shared-mime-info): .counterpoint files are not typed yet" >&2
    fi
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA/applications" ]; then
        update-desktop-database -q "$DATA/applications"
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" || true
    fi
}

install_app() {
    bundle=$1
    if [ ! -x "$bundle/counterpoint" ]; then
        echo "no bundle at $bundle (make bundle builds it)" >&2
        exit 1
    fi
    rm -rf "$LIBDIR"
    mkdir -p "$LIBDIR" "$BINDIR" "$DATA/applications" "$DATA/mime/packages" "$DATA/metainfo" \
        "$DATA/icons/hicolor/scalable/apps"
    cp -R "$bundle/." "$LIBDIR/"
    printf '#!/bin/sh\nexec "%s/counterpoint" "$@"\n' "$LIBDIR" >"$LAUNCHER"
    chmod 755 "$LAUNCHER"
    # The launcher by its full path: a desktop session's PATH often lacks ~/.local/bin.
    sed "s|^Exec=counterpoint |Exec=\"$LAUNCHER\" |" "$HERE/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop"
    cp "$HERE/$APP_ID.mime.xml" "$DATA/mime/packages/$APP_ID.xml"
    cp "$HERE/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
    cp "$HERE/$APP_ID.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $ICON_SIZES; do
        mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
        cp "$HERE/icons/${size}x${size}/$APP_ID.png" "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    refresh
    echo "installed Counterpoint: $LAUNCHER, and its menu entry in $DATA/applications"
}

uninstall_app() {
    rm -rf "$LIBDIR"
    rm -f "$LAUNCHER" "$DATA/applications/$APP_ID.desktop" "$DATA/mime/packages/$APP_ID.xml" \
        "$DATA/metainfo/$APP_ID.metainfo.xml" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $ICON_SIZES; do
        rm -f "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    refresh
    echo "removed Counterpoint from $PREFIX (project files and settings are left alone)"
}

case "${1:-}" in
install) install_app "${2:-$HERE/../dist/counterpoint}" ;;
uninstall) uninstall_app ;;
*)
    echo "usage: sh packaging/install.sh install [BUNDLE] | uninstall" >&2
    exit 2
    ;;
esac
