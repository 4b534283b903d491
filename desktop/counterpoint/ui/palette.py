"""Colours that carry meaning in the workspace: contrast kinds, word diff, verdicts; light and dark sets.

The colours are data (resources/ui/kinds.toml); this module reads them once and picks the set that matches
a widget's palette, so the views follow the main window's theme without knowing about it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from PySide6.QtGui import QColor, QPalette

from counterpoint.store.model import Verdict


@dataclass(frozen=True)
class Swatch:
    """A highlight colour: `fill` behind the words, `line` for the underline, the legend and connectors."""

    fill: str
    line: str
    label: str
    about: str = ""  # what the kind means, for the legend's tooltip

    @property
    def fill_colour(self) -> QColor:
        return QColor(self.fill)

    @property
    def line_colour(self) -> QColor:
        return QColor(self.line)


@dataclass(frozen=True)
class UiPalette:
    dark: bool
    kinds: dict[str, Swatch]
    diff: dict[str, Swatch]
    verdicts: dict[str, str]
    common_line: str
    selection_fill: str
    selection_line: str
    row_band: str
    aligned_band: str
    gutter: str
    connector_default: str
    search_mark: str

    def kind(self, kind: str) -> Swatch:
        """The swatch of a contrast kind; an unknown kind (a newer engine) gets the neutral connector grey."""
        found = self.kinds.get(kind)
        if found is not None:
            return found
        return Swatch(self.row_band, self.connector_default, kind.replace("_", " ").capitalize())

    def verdict_colour(self, verdict: Verdict | str | None) -> QColor:
        if verdict is None:
            return QColor(self.connector_default)
        return QColor(self.verdicts.get(str(verdict), self.connector_default))


def _swatches(table: dict[str, Any]) -> dict[str, Swatch]:
    return {
        name: Swatch(v["fill"], v["line"], v.get("label", name.capitalize()), v.get("about", ""))
        for name, v in table.items()
    }


@cache
def load_palette(dark: bool) -> UiPalette:
    """The light or dark colour set from resources/ui/kinds.toml (read once; the data never changes)."""
    raw = (resources.files("counterpoint.resources") / "ui" / "kinds.toml").read_text("utf-8")
    data = tomllib.loads(raw)["dark" if dark else "light"]
    return UiPalette(
        dark=dark,
        kinds=_swatches(data["kinds"]),
        diff=_swatches(data["diff"]),
        verdicts=dict(data["verdicts"]),
        common_line=data["common_line"],
        selection_fill=data["selection_fill"],
        selection_line=data["selection_line"],
        row_band=data["row_band"],
        aligned_band=data["aligned_band"],
        gutter=data["gutter"],
        connector_default=data["connector_default"],
        search_mark=data["search_mark"],
    )


def is_dark(palette: QPalette) -> bool:
    """Whether a widget palette is a dark theme: its base (text background) is darker than its text."""
    return (
        palette.color(QPalette.ColorRole.Base).lightnessF()
        < palette.color(QPalette.ColorRole.Text).lightnessF()
    )


def palette_for(palette: QPalette) -> UiPalette:
    return load_palette(is_dark(palette))


def readable_text_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on a chip of this colour."""
    r, g, b = colour.redF(), colour.greenF(), colour.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#111111") if luminance > 0.55 else QColor("#ffffff")
