"""Issue 12, points 2 and 3: a statement is dated when its words were said and placed where the text says,
and its text holds only the speaker's words."""

from __future__ import annotations

import re
from datetime import date

from counterpoint.ingest import Quote, extract_quotes
from counterpoint.ingest.quotes import ELLIPSIS, omissions


def _one(text: str, published: date | None = None) -> Quote:
    (quote,) = extract_quotes(text, published=published)
    return quote


def test_the_date_of_the_address_not_of_the_later_vote() -> None:
    quote = _one(
        'Mayor Dana Whitfield promised "no new burdens on working families" at her March 7 address, '
        "but the council voted for the levy on March 13.",
        published=date(2026, 3, 14),
    )
    assert quote.said_on == date(2026, 3, 7)
    assert quote.occasion == "at her March 7 address"


def test_a_weekday_resolves_against_the_article_date_not_the_dateline() -> None:
    text = (
        "March 20, 2026 (Wire) - City news\n\n"
        'On Thursday Mayor Dana Whitfield told reporters outside City Hall that "the levy is off the table '
        'for this year."'
    )
    quote = _one(text, published=date(2026, 3, 20))  # a Friday
    assert quote.said_on == date(2026, 3, 19)
    assert quote.occasion == "told reporters outside City Hall"


def test_the_date_after_the_occasion_is_the_occasions() -> None:
    quote = _one(
        "In an agency-wide email sent Saturday and reported Tuesday, Director Ana Ruiz said the remarks "
        '"undermine everything we teach our officers."',
        published=date(2017, 8, 1),  # a Tuesday
    )
    assert quote.said_on == date(2017, 7, 29)
    assert quote.occasion == "in an agency-wide email"


def test_no_occasion_in_the_text_leaves_it_empty() -> None:
    quote = _one('"We will keep the libraries open all summer," said Mayor Dana Whitfield.')
    assert quote.occasion is None
    assert quote.said_on is None


def test_via_a_named_medium_is_the_occasion() -> None:
    quote = _one('"The decision is mine and mine alone to make," Governor Ray Okafor said via Twitter.')
    assert quote.occasion == "via Twitter"


def test_the_lede_takes_the_occasion_the_next_paragraph_names() -> None:
    text = (
        'Governor Ray Okafor on Saturday said he would rely on "facts and common sense" to reopen schools.\n\n'
        'In a radio interview, the governor said: "It is the hardest decision I have had to make in office."\n'
    )
    quotes = extract_quotes(text)
    assert [q.occasion for q in quotes] == ["in a radio interview", "in a radio interview"]


def test_two_parts_cut_by_the_attribution_are_joined_with_an_ellipsis_not_a_comma() -> None:
    text = '"When you see them thrown in, rough," Trump said. "I said, \'Please don\'t be too nice.\'"'
    quote = _one(text)
    assert quote.text == "When you see them thrown in, rough … I said, 'Please don't be too nice.'"
    assert omissions(quote) == 1
    # every other character of the statement is in the source, in order, and nothing is added
    for piece in quote.text.split(ELLIPSIS):
        assert piece in text


def test_a_quotation_over_two_paragraphs_is_joined_without_an_ellipsis() -> None:
    text = (
        'Ms. Amara Diallo said: "The plan keeps every branch open.\n\n'
        '"It also adds evening hours in the three busiest ones."\n'
    )
    quote = _one(text)
    assert ELLIPSIS not in quote.text and omissions(quote) == 0
    assert re.search(r"open\.\n\nIt also", quote.text)
