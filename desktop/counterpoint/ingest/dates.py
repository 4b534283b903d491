"""Dates as news writing gives them: ISO stamps in metadata, "August 1, 2017", and weekdays relative to the
publication date ("Tuesday", "last Friday")."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_WORD = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
    r"Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
_MDY = re.compile(rf"\b({_MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_WORD})(?:,?\s+(\d{{4}}))?\b")
_RELATIVE = re.compile(
    r"\b(?:(last|this|next|on|earlier\s+this|late|early)\s+)?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(yesterday|today)\b",
    re.IGNORECASE,
)


def parse_date_string(value: str) -> date | None:
    """A date from a metadata value: ISO 8601 (with or without time) or a written date with a year."""
    value = value.strip()
    match = _ISO.search(value)
    if match:
        return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    found = find_dates(value, None)
    return found[0][2] if found else None


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")[:3]]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, published: date | None) -> list[tuple[int, int, date]]:
    """Every date the text gives, as (start, end, date); weekdays and relative words need `published`."""
    found: list[tuple[int, int, date]] = []
    taken: list[tuple[int, int]] = []
    year_default = published.year if published else None
    for pattern, order in ((_MDY, "mdy"), (_DMY, "dmy")):
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if order == "mdy":
                month, day, year = _month(match[1]), int(match[2]), match[3]
            else:
                day, month, year = int(match[1]), _month(match[2]), match[3]
            if year is None and year_default is None:
                continue
            y = int(year) if year else year_default
            assert y is not None
            found_date = _safe_date(y, month, day)
            if found_date is None:
                continue
            if year is None and published and found_date > published + timedelta(days=31):
                found_date = _safe_date(y - 1, month, day) or found_date
            found.append((match.start(), match.end(), found_date))
            taken.append((match.start(), match.end()))
    for match in _ISO.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        iso = _safe_date(int(match[1]), int(match[2]), int(match[3]))
        if iso:
            found.append((match.start(), match.end(), iso))
            taken.append((match.start(), match.end()))
    if published is not None:
        for match in _RELATIVE.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            relative = _relative_date(match, published)
            if relative:
                found.append((match.start(), match.end(), relative))
    found.sort()
    return found


def _relative_date(match: re.Match[str], published: date) -> date | None:
    if match[3]:
        return published - timedelta(days=1) if match[3].lower() == "yesterday" else published
    weekday = _WEEKDAYS.index(match[2].lower())
    if not match[2][0].isupper():
        return None
    modifier = (match[1] or "").lower()
    back = (published.weekday() - weekday) % 7
    if modifier == "next":
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if modifier == "last" and back == 0:
        back = 7
    # News uses a bare weekday for the past week, "last Friday" for the same or the previous one.
    return published - timedelta(days=back)


def now_utc() -> datetime:
    from datetime import UTC

    return datetime.now(UTC)
