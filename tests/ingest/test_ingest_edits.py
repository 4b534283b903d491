"""The corrections a user makes in the preview, on the words and offsets of the document."""

from __future__ import annotations

from datetime import date

import pytest

from counterpoint.ingest import extract_quotes
from counterpoint.ingest.edits import correct, merge_quotes, split_quote

WRAPPED = (
    'Some economists disagreed. "The Fed is behind the curve again," said\n'
    'Priya Menon, chief economist at Harbor Capital. "By the\n'
    'time they move, the slowdown will already be here."\n\n'
    "The bank did not respond.\n"
)


def test_split_and_merge_round_trip_on_wrapped_text() -> None:
    (quote,) = extract_quotes(WRAPPED)
    assert (
        quote.text
        == "The Fed is behind the curve again … By the time they move, the slowdown will already be here."
    )
    left, right = split_quote(WRAPPED, quote, quote.text.index("time they"))
    assert left.text == "The Fed is behind the curve again … By the"
    assert right.text == "time they move, the slowdown will already be here."
    assert WRAPPED[right.start : right.end] == right.text
    assert merge_quotes(WRAPPED, right, left).parts == quote.parts


def test_split_needs_words_on_both_sides() -> None:
    (quote,) = extract_quotes(WRAPPED)
    with pytest.raises(ValueError):
        split_quote(WRAPPED, quote, 0)
    with pytest.raises(ValueError):
        split_quote(WRAPPED, quote, len(quote.text))


def test_correct_names_the_speaker_with_certainty() -> None:
    (quote,) = extract_quotes(WRAPPED)
    fixed = correct(quote, speaker="  Priya   Menon ", role="", said_on=date(2024, 1, 31))
    assert (fixed.speaker, fixed.role, fixed.said_on, fixed.confidence) == (
        "Priya Menon",
        None,
        date(2024, 1, 31),
        1.0,
    )
    assert correct(fixed, clear_date=True).said_on is None
