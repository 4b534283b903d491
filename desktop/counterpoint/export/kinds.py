"""Colours and names of the engine's contrast kinds, as the reports print them.

The app's theme (resources/ui/kinds.toml) wins when it exists; the table here keeps exports working
without it. Export code never imports the ui package.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

KINDS = ("negation", "antonym", "polarity", "modality", "factuality", "quantity", "framing")

DEFAULT_COLOURS = {
    "negation": "#c0392b",
    "antonym": "#8e44ad",
    "polarity": "#d35400",
    "modality": "#2471a3",
    "factuality": "#b7950b",
    "quantity": "#1e8449",
    "framing": "#c2185b",
}

DESCRIPTIONS = {
    "negation": "asserted on one side, denied on the other",
    "antonym": "words of opposite meaning",
    "polarity": "opposite evaluation of the same thing",
    "modality": "obligation, permission or certainty differ",
    "factuality": "a claim against a denial",
    "quantity": "numbers, amounts or dates differ",
    "framing": "loaded words for the same thing",
}

FALLBACK_COLOUR = "#7f8c8d"
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


@cache
def _theme() -> dict[str, Any]:
    """The light theme's table from resources/ui/kinds.toml, or {} when it is missing or unreadable."""
    try:
        text = (resources.files("counterpoint.resources") / "ui" / "kinds.toml").read_text("utf-8")
        data: dict[str, Any] = tomllib.loads(text)
    except (OSError, ModuleNotFoundError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    light = data.get("light", {})
    return light if isinstance(light, dict) else {}


@cache
def _kind_swatches() -> dict[str, tuple[str, str]]:
    """(line, fill) per kind: the app's colours where the theme gives them, so report and app agree."""
    table = _theme().get("kinds", {})
    swatches = {kind: (colour, tint(colour)) for kind, colour in DEFAULT_COLOURS.items()}
    if isinstance(table, dict):
        for kind, entry in table.items():
            if isinstance(entry, dict):
                line, fill = entry.get("line"), entry.get("fill")
                if isinstance(line, str) and _HEX.fullmatch(line):
                    fill = fill if isinstance(fill, str) and _HEX.fullmatch(fill) else tint(line)
                    swatches[str(kind)] = (line.lower(), fill.lower())
    return swatches


def kind_colour(kind: str | None) -> str:
    """The kind's strong colour (swatches, underlines)."""
    return _kind_swatches().get(kind or "", (FALLBACK_COLOUR, ""))[0]


def kind_fill(kind: str | None) -> str:
    """The light colour behind highlighted words of this kind."""
    return _kind_swatches().get(kind or "", ("", tint(FALLBACK_COLOUR)))[1]


def _kind_entry(kind: str | None) -> dict[str, Any]:
    table = _theme().get("kinds", {})
    entry = table.get(kind or "") if isinstance(table, dict) else None
    return entry if isinstance(entry, dict) else {}


def kind_label(kind: str | None) -> str:
    label = _kind_entry(kind).get("label")
    return label if isinstance(label, str) and label else (kind or "contrast").replace("_", " ").capitalize()


def kind_description(kind: str | None) -> str:
    """What a kind of contrast means, in the app's words (kinds.toml `about`) when it has them."""
    about = _kind_entry(kind).get("about")
    return about if isinstance(about, str) and about else DESCRIPTIONS.get(kind or "", "")


def tint(colour: str, strength: float = 0.28) -> str:
    """A light version of `colour` for a highlight behind text: readable in print and in greyscale."""
    if not _HEX.fullmatch(colour):
        colour = FALLBACK_COLOUR
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * strength) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def safe_colour(colour: str | None) -> str:
    """A tag's colour as #rrggbb; anything else (it comes from the project file) becomes neutral grey."""
    return colour.lower() if colour and _HEX.fullmatch(colour) else FALLBACK_COLOUR


def verdict_colour(verdict: str, default: str) -> str:
    """A verdict's colour from the app's theme, so the report's badges match the app's."""
    value = _theme().get("verdicts", {}).get(verdict)
    return value.lower() if isinstance(value, str) and _HEX.fullmatch(value) else default
