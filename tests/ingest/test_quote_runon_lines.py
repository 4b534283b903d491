"""Copy that writes a quotation of several paragraphs one paragraph a line, each opening with a curly mark and
only the last closed, inside a text whose other paragraphs are separated by blank lines (issue 12). The text is
written for this test."""

from __future__ import annotations

import time

import pytest

from counterpoint.ingest.quotes import extract_quotes

TEXT = (
    "Prime Minister Ana Kovac survived a vote of no confidence on Friday.\n\n"
    "Speaking after the vote, Kovac said the opposition should put the country first.\n"
    "“Our government has a good record and the support of parliament to continue,” Kovac said after the sitting.\n"
    "“We are building roads, we are opening schools and we are hiring nurses.\n"
    "“It is clear that we will go to the election as a government that delivered.\n"
    "“There is no room for the games we have seen in recent weeks.”\n\n"
    "The opposition did not comment.\n"
)


def test_each_line_opening_with_a_curly_mark_after_a_full_stop_is_a_paragraph_of_the_quotation() -> None:
    quotes = extract_quotes(TEXT)
    for words in ("We are building roads", "It is clear that", "There is no room"):
        found = [q for q in quotes if words in q.text]
        assert found, [q.text for q in quotes]
        assert all(q.speaker == "Ana Kovac" for q in found)


@pytest.mark.timeout(180)
@pytest.mark.parametrize("unit", ["It is.\n“We go on and on.\n", ".  \n  “a", "“.\n“\n"])
def test_line_paragraphs_stay_linear(unit: str) -> None:
    def seconds(text: str) -> float:
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            extract_quotes("Ann Lee spoke.\n\n" + text)
            best = min(best, time.perf_counter() - start)
        return best

    small_text = unit * (20_000 // len(unit))
    large_text = unit * (4 * (20_000 // len(unit)))
    small, large = seconds(small_text), seconds(large_text)
    if large >= 8.0 * small + 0.1:
        small, large = min(small, seconds(small_text)), min(large, seconds(large_text))
    assert large < 8.0 * small + 0.1, f"{unit!r}: {small:.3f} s, x4 {large:.3f} s"
