"""'"…," the Prime Minister said': a capitalised title after "the" is the person named before with that title,
not an institution called "Prime Minister" (issue 12). The text is written for this test."""

from __future__ import annotations

import time

import pytest

from counterpoint.ingest.quotes import extract_quotes


def test_the_capitalised_title_refers_back_to_the_person_named_with_it() -> None:
    text = (
        "Prime Minister Ana Kovac survived a vote of no confidence in parliament on Friday.\n\n"
        "Opposition leader Marko Buric said the vote was a stunt.\n\n"
        '"Our government has the clear support of parliament to continue this work," the Prime Minister said.\n'
    )
    quotes = [q for q in extract_quotes(text) if q.text.startswith("Our government")]
    assert [q.speaker for q in quotes] == ["Ana Kovac"]


def test_a_capitalised_institution_after_the_is_still_the_institution() -> None:
    text = '"The rate will stay where it is for now," the Federal Reserve said on Wednesday.\n'
    assert [q.speaker for q in extract_quotes(text)] == ["Federal Reserve"]


@pytest.mark.timeout(180)
def test_title_references_stay_linear() -> None:
    unit = 'Prime Minister Ana Kovac spoke. "We will go there soon," the Prime Minister said. '
    small_text = unit * (20_000 // len(unit))
    large_text = unit * (4 * (20_000 // len(unit)))

    def seconds(text: str) -> float:
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            extract_quotes(text)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = seconds(small_text), seconds(large_text)
    if large >= 8.0 * small + 0.1:
        small, large = min(small, seconds(small_text)), min(large, seconds(large_text))
    assert large < 8.0 * small + 0.1, f"{small:.3f} s, x4 {large:.3f} s"
