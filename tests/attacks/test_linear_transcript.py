"""The transcript reader is linear in its input: adversarial runs of the delimiters it knows (labels, colons,
brackets, timestamps, capitals, blank lines) four times as long take four times as long, not sixteen."""

from __future__ import annotations

import pytest
from hypothesis import given
from test_linear import _SETTINGS, _CountingText, _seconds, assert_linear, units

from counterpoint.ingest import document_from_text
from counterpoint.ingest.proposals import propose_statements
from counterpoint.ingest.transcript import transcript_statements

pytestmark = pytest.mark.timeout(180)

TRANSCRIPT = ["A:", "MR. A: ", "Q  ", "Q: ", "(", ")", "[", "]", "(Laughter.) ", "[00:12:31]", "12:31:05 ", ":",
              " ", "  ", "\n", "\n\n", ". ", "AB ", "Ab ", "The CHAIRMAN. ", "Mr. A. ", ", ", "X (1:2", "12\n",
              "SEN. A B (D-CA): ", "Hon A B ", "'s "]  # fmt: skip


@_SETTINGS
@given(units(TRANSCRIPT))
def test_transcript_reading_is_linear(unit: str) -> None:
    assert_linear(transcript_statements, "", unit, 15_000)


@pytest.mark.parametrize(
    "unit",
    ["A: a\n", "Q  a\n", "MR. A: a. B: b  C: c\n", "AAAAAAAAAA BBBBBBBBBB CCCCCCCCCC ", " " * 50 + "A: ",
     "(" * 20, "[a] " * 5, "The CHAIRMAN. a\n", "Aa Bb Cc Dd Ee ", "A:\n\n"],
)  # fmt: skip
def test_the_whole_import_proposal_is_linear_on_label_runs(unit: str) -> None:
    assert_linear(lambda text: propose_statements(document_from_text(text)), "Title\n\n", unit, 15_000)


def test_many_capitals_labels_on_one_line_are_linear() -> None:
    assert_linear(transcript_statements, "", "AB CD: words. ", 15_000)


def _distinct_labels(count: int) -> str:
    """`count` turns, each under a different surname label of six capitals, many one letter apart."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    names = (
        "K" + "".join(letters[(n // 26**k) % 26] for k in range(4)) + "Z" for n in range(count)
    )  # KAAAAZ, KBAAAZ, …: the cast's typo check compares each new surname with the declared ones
    return "".join(f"{name}: Words of the turn.\n\n" for name in names)


def test_many_distinct_labels_one_letter_apart_are_linear() -> None:
    small = _seconds(transcript_statements, _distinct_labels(1500))
    large = _seconds(transcript_statements, _distinct_labels(6000))
    if large >= 8.0 * small + 0.1:
        small = min(small, _seconds(transcript_statements, _distinct_labels(1500)))
        large = min(large, _seconds(transcript_statements, _distinct_labels(6000)))
    assert large < 8.0 * small + 0.1, f"{small:.3f} s, x4 {large:.3f} s"


@pytest.mark.parametrize("unit", ["A: a\n", "Q  a\n", "The CHAIRMAN. a\n", "MR. A: a. B: b  C: c\n"])
def test_transcript_reading_copies_a_bounded_part_of_the_text_per_turn(unit: str) -> None:
    # each turn looked for a blank line in a copy of the whole text before it: 12,000 turns copied 3.6 x 10^8
    # characters (quadratic, too cheap per copy for the timing checks to see at these sizes)
    text = unit * (60_000 // len(unit))
    _CountingText.copied = 0
    transcript_statements(_CountingText(text))
    assert _CountingText.copied < 20 * len(text), _CountingText.copied
