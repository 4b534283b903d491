"""Wire copy that writes a double quotation mark as two apostrophes (''...'') gives quotations like curly marks
(issue 12). The text is written for this test."""

from __future__ import annotations

import time

import pytest

from counterpoint.ingest.quotemarks import doubled_apostrophes_as_marks
from counterpoint.ingest.quotes import extract_quotes

TEXT = (
    "The council met on Tuesday to vote on the fare plan.\n\n"
    "''We will not raise fares this year,'' said Mayor Rosa Delgado, who has led the city since 2019.\n\n"
    "''It's a fair question, and I owe you an answer,'' Delgado said of the bus contract.\n\n"
    "Councilman Ivo Brandt called the plan ''a gift to drivers.''\n"
)


def test_doubled_apostrophes_delimit_quotations_and_offsets_still_point_into_the_source() -> None:
    quotes = extract_quotes(TEXT)
    by_start = {q.text.split()[0]: q for q in quotes}
    assert by_start["We"].speaker == "Rosa Delgado"
    assert by_start["We"].text == "We will not raise fares this year"
    assert by_start["It's"].speaker == "Rosa Delgado"
    for quote in quotes:
        assert TEXT[quote.start : quote.end].strip(" ,.") == quote.text.strip(" ,.")


def test_the_marks_keep_the_text_length_and_leave_single_apostrophes_alone() -> None:
    line = "''I can't,'' he said. It's Ann's ''turn.''"
    marked = doubled_apostrophes_as_marks(line)
    assert len(marked) == len(line)
    assert marked == ' "I can\'t,"  he said. It\'s Ann\'s  "turn." '


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        extract_quotes(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.timeout(180)
@pytest.mark.parametrize(
    "unit",
    [
        "''We will go there soon,'' Ann Lee said.\n\nIt is a ''hypothetical question for us all.''\n\n",
        "'''' ''a'' '' ''",  # runs of apostrophes, pairs with nothing between
    ],
)
def test_doubled_marks_and_the_floor_kept_across_paragraphs_stay_linear(unit: str) -> None:
    size = 20_000
    small_text = unit * (size // len(unit))
    large_text = unit * (4 * (size // len(unit)))
    small, large = _seconds(small_text), _seconds(large_text)
    if large >= 8.0 * small + 0.1:
        small, large = min(small, _seconds(small_text)), min(large, _seconds(large_text))
    assert large < 8.0 * small + 0.1, f"{unit!r}: {small:.3f} s, x4 {large:.3f} s"
