"""Corrections a user makes to the quotations found: merge two into one, split one in two, name the speaker."""

from __future__ import annotations

import dataclasses
from datetime import date

from counterpoint.ingest.quotes import Quote, Span, join_parts, part_separator


def merge_quotes(text: str, first: Quote, second: Quote) -> Quote:
    """One quotation from two (in document order); the first one's speaker, role and date are kept."""
    if second.start < first.start:
        first, second = second, first
    parts: list[Span] = []
    for start, end in sorted({*first.parts, *second.parts}):
        if parts and not text[parts[-1][1] : start].strip():
            parts[-1] = (parts[-1][0], end)  # two halves of an earlier split become one part again
        else:
            parts.append((start, end))
    return dataclasses.replace(
        first,
        start=parts[0][0],
        end=parts[-1][1],
        parts=tuple(parts),
        text=join_parts(text, parts),
        confidence=min(first.confidence, second.confidence),
        said_on=first.said_on or second.said_on,
        occasion=first.occasion or second.occasion,
    )


def split_quote(text: str, quote: Quote, at: int) -> tuple[Quote, Quote]:
    """Two quotations from one, cut at `at`, an index into quote.text; both keep the speaker.

    Raises ValueError when the cut leaves no words on one side.
    """
    # Map positions in quote.text back to the document through the parts and the separators join_parts adds.
    pieces: list[tuple[int, Span]] = []  # (offset of the part in quote.text, part span in the document)
    offset = 0
    previous_end: int | None = None
    for start, end in quote.parts:
        if previous_end is not None:
            offset += len(part_separator(text[previous_end:start]))
        pieces.append((offset, (start, end)))
        offset += end - start
        previous_end = end
    if not 0 < at < offset:
        raise ValueError("split inside the quotation")
    left: list[Span] = []
    right: list[Span] = []
    for part_offset, (start, end) in pieces:
        cut = start + (at - part_offset)
        if cut <= start:
            right.append((start, end))
        elif cut >= end:
            left.append((start, end))
        else:
            left.append((start, cut))
            right.append((cut, end))
    left = [_trim(text, span) for span in left]
    right = [_trim(text, span) for span in right]
    left = [s for s in left if s[0] < s[1]]
    right = [s for s in right if s[0] < s[1]]
    if not left or not right:
        raise ValueError("a split must leave words on both sides")
    return _with_parts(text, quote, tuple(left)), _with_parts(text, quote, tuple(right))


def correct(
    quote: Quote,
    *,
    speaker: str | None = None,
    role: str | None = None,
    said_on: date | None = None,
    clear_date: bool = False,
) -> Quote:
    """The quotation with what the user set; a speaker the user names is certain (confidence 1)."""
    changes: dict[str, object] = {}
    if speaker is not None:
        changes["speaker"] = " ".join(speaker.split()) or None
        changes["confidence"] = 1.0 if changes["speaker"] else 0.0
    if role is not None:
        changes["role"] = " ".join(role.split()) or None
    if said_on is not None or clear_date:
        changes["said_on"] = said_on
    return dataclasses.replace(quote, **changes)  # type: ignore[arg-type]


def _trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _with_parts(text: str, quote: Quote, parts: tuple[Span, ...]) -> Quote:
    return dataclasses.replace(
        quote, start=parts[0][0], end=parts[-1][1], parts=parts, text=join_parts(text, parts)
    )
