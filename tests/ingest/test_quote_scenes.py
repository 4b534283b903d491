"""Issue 12, classes of misses on real news copy: a quotation cut off by the end of a stored page, occasions
carried through the scene that named them, speakers named by a title alone. Every sentence here is written
for the test."""

from __future__ import annotations

from counterpoint.ingest import Quote, extract_quotes


def _quotes(text: str) -> list[Quote]:
    return extract_quotes(text)


def test_a_straight_quotation_cut_by_the_end_of_the_page_is_found() -> None:
    text = (
        "Councillor Ada Mbeki spoke to residents on Monday.\n\n"
        '"The bridge will be rebuilt before the winter, whatever the cost to the'
    )
    (quote,) = _quotes(text)
    assert quote.text.startswith("The bridge will be rebuilt before the winter")
    assert quote.speaker == "Ada Mbeki"


def test_a_straight_mark_after_a_number_at_the_end_is_not_a_quotation() -> None:
    text = 'Councillor Ada Mbeki said the pipe was 12" wide and would be replaced by a wider one next'
    assert _quotes(text) == []
