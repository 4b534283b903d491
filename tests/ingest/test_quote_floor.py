"""The last speaker quoted keeps the floor in the next paragraph when it opens with the sentence holding an
unattributed quotation and no one else is named before it (issue 12). The texts are written for this test."""

from __future__ import annotations

from counterpoint.ingest.quotes import extract_quotes


def _speaker(text: str, words: str) -> str | None:
    found = [q for q in extract_quotes(text) if q.text.startswith(words)]
    assert len(found) == 1, [q.text for q in extract_quotes(text)]
    return found[0].speaker


def test_a_quotation_inside_the_next_paragraphs_first_sentence_is_the_last_speakers() -> None:
    text = (
        "Asked about the new toll, Mayor Rosa Delgado gave no clear answer.\n\n"
        'That is "something we have never studied in any detail," Delgado said.\n\n'
        'It is a "hypothetical question that I cannot answer while the talks go on."\n'
    )
    assert _speaker(text, "hypothetical question") == "Rosa Delgado"


def test_someone_else_named_before_the_quotation_takes_the_floor_away() -> None:
    text = (
        "Asked about the new toll, Mayor Rosa Delgado gave no clear answer.\n\n"
        'That is "something we have never studied in any detail," Delgado said.\n\n'
        'Councilman Ivo Brandt called it a "hypothetical question that nobody can answer right now."\n'
    )
    assert _speaker(text, "hypothetical question") != "Rosa Delgado"
