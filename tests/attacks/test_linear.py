"""Every parsing stage of an import is linear in its input: adversarial repeats of each delimiter the parsers
know (unclosed links, emphasis, tags, comments, scripts, nested containers, quotation marks, full stops, name
connectors) cost four times as much at four times the size, not sixteen times. Ratios of the same stage on
the same machine, so a loaded machine slows both sides alike."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterpoint.ingest import extract_quotes
from counterpoint.ingest.html import html_to_article
from counterpoint.ingest.plaintext import markdown_to_text

pytestmark = pytest.mark.timeout(120)

MARKDOWN = ["[", "]", "(", ")", "![", "](", "*", "**", "_", "__", "#", "# ", "<", "<a ", ">", "`", "```", "~~~",
            "=", "-", ":", "\n", " ", "a", "[a", "*a ", "[a](", "]: "]  # fmt: skip
HTML = ["<", "</", "<!--", "-->", "<script", '<script type="application/ld+json">', "</script>", "<a ", "<a",
        "<body>", "&", "&#", "&#x", '"', "'", "=", ">", '<meta content="', "<!", "<?", "<![CDATA[", "<title>",
        "<p>", "a", " ", "\n", "<style>", "<article>", "<main>", "<div>", "<section>", "<ul>", "<dl>", "<pre>",
        "<blockquote>", "</div>", "</p>", "<li>", "<b>", "<i>", "<table>", "<td>", "<select>", "<textarea>"]  # fmt: skip
QUOTES = ['"', "“", "”", "'", "‘", "’", "«", "»", "„", "‹", "›", " ", "a", "A", "Aa ", "Bb ", ".", ",", "?", "!",
          "…", ")", "said", "said ", "\n", "\n\n", "—", ":", "the ", "that ", "and ", "of ", "who ", '"a ',
          "Mr. ", "U.S. ", "he "]  # fmt: skip


def _seconds(stage: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        stage(text)
        best = min(best, time.perf_counter() - start)
    return best


def assert_linear(stage: Callable[[str], object], prefix: str, unit: str, size: int) -> None:
    """`stage` on `size` characters of `unit` repeated, then on four times as many: a linear stage takes
    about four times as long, a quadratic one sixteen; failing needs over eight, seen twice."""
    repeat = max(1, size // len(unit))
    small = _seconds(stage, prefix + unit * repeat)
    large = _seconds(stage, prefix + unit * (4 * repeat))
    if large >= 8.0 * small + 0.1:
        # one more look before failing: a collection or another process on a 2-core machine can stretch
        # one timing by half; a quadratic stage takes sixteen times as long every time
        small = min(small, _seconds(stage, prefix + unit * repeat))
        large = min(large, _seconds(stage, prefix + unit * (4 * repeat)))
    # Below 100 ms at four times the size there is nothing to measure.
    assert large < 8.0 * small + 0.1, f"{unit!r}×{repeat}: {small:.3f} s, ×4 {large:.3f} s"


_SETTINGS = settings(
    max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)


def units(delimiters: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(delimiters), min_size=1, max_size=3).map("".join)


@_SETTINGS
@given(units(MARKDOWN))
def test_markdown_is_linear(unit: str) -> None:
    assert_linear(markdown_to_text, "", unit, 30_000)


@_SETTINGS
@given(units(HTML))
def test_html_is_linear(unit: str) -> None:
    assert_linear(html_to_article, "<html><body>", unit, 20_000)


@_SETTINGS
@given(units(QUOTES))
def test_quote_extraction_is_linear(unit: str) -> None:
    assert_linear(extract_quotes, "", unit, 6_000)


@pytest.mark.parametrize("unit", QUOTES)
def test_quote_extraction_is_linear_on_each_delimiter(unit: str) -> None:
    assert_linear(extract_quotes, "", unit, 5_000)


@pytest.mark.parametrize("unit", [d for d in HTML if d.startswith("<") and d[1:2].isalpha()])
def test_html_is_linear_on_each_tag(unit: str) -> None:
    assert_linear(html_to_article, "<html><body>", unit, 20_000)


@pytest.mark.parametrize(
    ("stage", "prefix", "unit", "size"),
    [  # the cases measured by hand or found by the tests above, each once
        (markdown_to_text, "", "[a", 20_000),
        (markdown_to_text, "", "*a ", 20_000),
        (html_to_article, "<html><body>", "<script", 20_000),
        (html_to_article, "<html><head>", "<!--a", 20_000),
        (html_to_article, "<html><head>", "<a ", 20_000),
        # nested unclosed containers: the sanitiser's tree builder walked every open element per tag
        (html_to_article, "<html><body>", "<article>", 30_000),
        (html_to_article, "<html><body>", "<article>a", 30_000),
        (html_to_article, "<html><body>", "<div><ul>", 30_000),
        (extract_quotes, "", '"a ', 10_000),
        # a surname alone was looked up by rescanning the text before it, each time (found in review)
        (
            extract_quotes,
            '"Viktor Halden spoke," said Ann Lee. ',
            "Halden said so. Filler words go here. ",
            20_000,
        ),
        # a run of full stops was read to its end from every stop in it
        (extract_quotes, "", ".", 3_000),
        (extract_quotes, "", "?!", 3_000),
        # every name of a run-on sentence looked back over the whole sentence for a "that"
        (extract_quotes, "", "Aa Bb said ", 8_000),
        # a name phrase "of Bb of Bb …" had no bound (recursion error past a thousand)
        (extract_quotes, '"We will do it," said Ann ', "of Bb ", 6_000),
    ],
)
def test_the_measured_cases_are_linear(
    stage: Callable[[str], object], prefix: str, unit: str, size: int
) -> None:
    assert_linear(stage, prefix, unit, size)


def test_a_name_phrase_thousands_of_words_long_is_read_without_a_recursion_error() -> None:
    text = '"We will do it all again," said Ann ' + "of Bb " * 5000 + ".\n"
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["We will do it all again"]


def test_nesting_is_bounded_but_a_real_page_is_untouched() -> None:
    from counterpoint.ingest.html import MAX_NESTING, _bounded_nesting

    page = "<html><body>" + "<div>" * 100 + "<p>Words</p>" + "</div>" * 100 + "</body></html>"
    assert _bounded_nesting(page) == page
    deep = "<html><body>" + "<article><p>x</p>" * (3 * MAX_NESTING) + "</article>" * (3 * MAX_NESTING)
    bounded = _bounded_nesting(deep)
    assert bounded.count("<article>") == MAX_NESTING
    assert bounded.count("</article>") == MAX_NESTING
    assert bounded.count("<p>x</p>") == 3 * MAX_NESTING  # the words are all there
    assert html_to_article(deep).text.split() == ["x"] * (3 * MAX_NESTING)


class _CountingText(str):
    """The masked text, counting the characters every slice of it copies."""

    copied = 0

    def __getitem__(self, key: object) -> str:  # type: ignore[override]
        piece = str.__getitem__(self, key)  # type: ignore[index]
        if isinstance(key, slice):
            _CountingText.copied += len(piece)
        return piece


@pytest.mark.parametrize("unit", ['"a ', "“a” ", '"a," he said, "b" ', "„!", '‘!"'])
def test_quote_extraction_copies_a_bounded_part_of_the_text_per_quotation(unit: str) -> None:
    # Quadratic copying is too cheap per copy for the timing checks to see below a megabyte: the text before
    # each quotation was sliced from its sentence's start (one sentence of 30,000 quotations copied 10^9
    # characters), the text after each closing mark to its paragraph's end ("„!" x 60,000: 3.6 x 10^9).
    from counterpoint.ingest.quotes.pipeline import _Extractor

    text = unit * (120_000 // len(unit))
    _CountingText.copied = 0
    extractor = _Extractor(_CountingText(text), None)
    extractor.masked = _CountingText(extractor.masked)
    extractor.run()
    assert _CountingText.copied < 200 * len(text), _CountingText.copied
