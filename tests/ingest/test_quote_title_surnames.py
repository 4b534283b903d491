"""A surname that is also a title word ("Bishop", "Judge") is a surname after a title and a first name ("Governor
Ann Bishop"), and a title before it later ("Gov. Bishop") names the same person (issue 12). Written for this test."""

from __future__ import annotations

from counterpoint.ingest.quotes import extract_quotes

TEXT = (
    'Governor Ann Bishop said "we will not require the vaccine for state workers at all."\n\n'
    '"We will not require it at this time, and hopefully never," Gov. Bishop said on Tuesday.\n\n'
    '"We will follow the governor on this," Deputy Health Minister Tom Reyes said.\n'
)


def test_a_surname_that_is_a_title_word_names_the_person() -> None:
    assert [q.speaker for q in extract_quotes(TEXT)] == ["Ann Bishop", "Ann Bishop", "Tom Reyes"]


def test_a_department_between_titles_is_no_first_name() -> None:
    text = '"We will not require it at this time, and hopefully never," said Deputy Health Minister.\n'
    assert [q.speaker for q in extract_quotes(text)] != ["Health Minister"]
