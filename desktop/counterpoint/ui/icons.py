"""The toolbar's icons: SVG files shipped in resources/icons, one drawing per theme (NAME-light.svg,
NAME-dark.svg), each in the colours of that theme's toolbar."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon


def icon_path(name: str, *, dark: bool) -> str:
    """The file of an icon for the light or the dark theme."""
    folder = resources.files("counterpoint.resources") / "icons"
    return str(folder / f"{name}-{'dark' if dark else 'light'}.svg")


@cache
def themed_icon(name: str, *, dark: bool) -> QIcon:
    path = icon_path(name, dark=dark)
    if not Path(path).is_file():  # a row naming an icon that was not drawn: say so, not a blank button
        raise FileNotFoundError(path)
    return QIcon(path)
