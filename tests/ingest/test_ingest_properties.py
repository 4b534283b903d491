"""Whatever text comes in, the extractor returns quotations that point into it, and never fails."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from counterpoint.ingest import extract_quotes, join_parts

PIECES = st.sampled_from(
    [
        '"', "“", "”", "'", "‘", "’", ",", ".", "?", "!", ":", " ", " ", " ", "\n", "\n\n", "said", "says",
        "told", "according to", "he", "she", "it", "they", "the", "a", "Mr.", "Dr.", "Senator", "Jane",
        "Doe", "Smith", "of", "and", "U.S.", "Tuesday", "last Friday", "We", "will", "not", "go", "—", "(",
        ")", "54", "R-S.C.", "de", "Vries", "O'Neill", "🇺🇸", "é", "\t",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=80).map("".join), st.booleans())
def test_quotations_always_point_into_the_text(text: str, dated: bool) -> None:
    quotes = extract_quotes(text, published=date(2024, 3, 5) if dated else None)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.parts[0][0] == quote.start and quote.parts[-1][1] == quote.end
        assert all(s < e for s, e in quote.parts)
        assert quote.text == join_parts(text, quote.parts)
        assert 0.0 <= quote.confidence <= 1.0
        assert quote.speaker is None or quote.speaker.strip() == quote.speaker != ""
        if quote.attribution:
            assert 0 <= quote.attribution[0] <= quote.attribution[1] <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_is_handled(text: str) -> None:
    for quote in extract_quotes(text):
        assert text[quote.start : quote.end]
