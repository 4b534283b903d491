"""A cell for a spreadsheet: text that a spreadsheet would run as a formula (starting with = + - @, a tab or
a carriage return) gets a leading apostrophe, so a quotation stays a quotation (CSV injection)."""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
