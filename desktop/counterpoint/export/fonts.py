"""The report's DejaVu faces ship in counterpoint.resources/fonts and are registered with Qt at start-up, so a
PDF embeds the same fonts on every machine, whatever fonts the system has (or lacks)."""

from __future__ import annotations

import functools
import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication

log = logging.getLogger(__name__)

FONT_FILES = ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


@functools.cache  # Qt keeps application fonts for the life of the process: once is enough
def register_fonts() -> tuple[str, ...]:
    """Add the bundled faces to Qt's font database; return the families they provide.

    Needs a QGuiApplication (Qt's font database belongs to it)."""
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        raise RuntimeError("register_fonts() needs a QGuiApplication")
    folder = resources.files("counterpoint.resources") / "fonts"
    families: list[str] = []
    for name in FONT_FILES:
        data = (folder / name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id < 0:
            log.warning("Qt could not load the bundled font %s", name)
            continue
        families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families)
    return tuple(families)
