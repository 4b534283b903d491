"""The reference article: every quotation the issue names is found and attributed, the page noise is not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from counterpoint.ingest import Quote, extract_quotes, load_document


@pytest.fixture
def quotes(reference_path: Path) -> list[Quote]:
    document = load_document(reference_path)
    return extract_quotes(document.text, published=date(2017, 8, 1))


def _quote(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, f"{words!r} in {[q.text for q in quotes]}"
    return found[0]


@pytest.mark.parametrize(
    ("words", "speaker", "role"),
    [
        ("When you see these thugs", "Donald Trump", "President"),
        ("Please don't be too nice.", "Donald Trump", "President"),
        ("Community-based policing was a big part", "Jeff Sessions", "Attorney General"),
        ("making sure we’re doing it in a lawful way", "Jeff Sessions", "Attorney General"),
        ("hold any officer responsible who violates the law", "Jeff Sessions", "Attorney General"),
        ("proven constitutional techniques and procedures", "Jeff Sessions", "Attorney General"),
        ("condoned police misconduct", "Chuck Rosenberg", "Drug Enforcement Administration Acting Director"),
        (
            "we have an obligation to speak out",
            "Chuck Rosenberg",
            "Drug Enforcement Administration Acting Director",
        ),
        ("We must always be vigilant", "Perry Tarrant", "NOBLE President"),
        ("Wasn't a directive, it was a joke", "Sarah Huckabee Sanders", "Press Secretary"),
    ],
)
def test_each_named_quotation_is_found_and_attributed(
    quotes: list[Quote], words: str, speaker: str, role: str
) -> None:
    quote = _quote(quotes, words)
    assert quote.speaker == speaker
    assert quote.role is not None and role in quote.role
    assert 0.0 < quote.confidence <= 1.0


def test_spans_point_at_the_quoted_words(reference_path: Path, quotes: list[Quote]) -> None:
    text = load_document(reference_path).text
    for quote in quotes:
        assert text[quote.start : quote.end].startswith(quote.text[:20])
        for start, end in quote.parts:
            assert text[start:end] in quote.text
            assert text[start] not in "\"“”'‘’" and text[end - 1] not in '"“”‘'
        if quote.attribution:
            start, end = quote.attribution
            assert (quote.speaker is not None and quote.speaker.split()[-1] in text[start:end]) or len(
                text[start:end]
            ) <= 4  # a pronoun: "he added"


def test_page_noise_and_scare_quotes_are_not_statements(quotes: list[Quote]) -> None:
    texts = " | ".join(q.text for q in quotes)
    assert "IE 11" not in texts
    assert "video has expired" not in texts
    assert all(
        q.text.strip(".,'‘’\" ").lower() not in ("too nice", "lawful", "irresponsible") for q in quotes
    )
    assert len(quotes) == 10


def test_dates_come_from_the_text(quotes: list[Quote]) -> None:
    assert _quote(quotes, "When you see these thugs").said_on == date(2017, 7, 28)  # "last Friday"
    assert _quote(quotes, "condoned police misconduct").said_on == date(2017, 7, 29)  # the email, "Saturday"
    assert _quote(quotes, "We must always be vigilant").said_on == date(
        2017, 7, 31
    )  # "In a statement Monday"
    assert _quote(quotes, "it was a joke").said_on == date(2017, 8, 1)  # "Tuesday"
    assert _quote(quotes, "We must always be vigilant").occasion == "in a statement"


def test_the_document_reads_its_headline_and_date(reference_path: Path) -> None:
    document = load_document(reference_path)
    assert document.title == "After Trump's Use of Force Quip, Sessions Tells Police to Be 'Lawful'"
    assert document.format == "text"
    assert document.published == date(2017, 8, 1)
    assert len(document.sha256) == 64
