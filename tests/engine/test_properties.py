"""Any input: no exception, every span non-empty, in range, and slicing to its own text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterpoint.engine import MAX_CHARS, Analysis, InputTooLarge, analyse, contrast

WORDS = [
    "not",
    "never",
    "no",
    "will",
    "might",
    "must",
    "may",
    "could",
    "rough",
    "careful",
    "lawful",
    "nice",
    "crime",
    "rose",
    "fell",
    "increase",
    "cut",
    "thugs",
    "suspects",
    "joke",
    "false",
    "every",
    "some",
    "many",
    "12",
    "1,140",
    "schools",
    "jobs",
    "police",
    "please",
    "don't",
    "can't",
    "said",
    "say",
    "the",
    "a",
    "and",
    "but",
    ".",
    ",",
    "?",
    "!",
    "…",
    "—",
    "'",
    '"',
    "(",
    ")",
    "é",
    "😀",
    "ש",
    "م",
    "中文",
    "é",
    "\x00",
    "\n",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
)


def check_spans(result: Analysis) -> None:
    n = len(result.texts)
    for p in result.pairs:
        assert 0 <= p.left < p.right < n
        for span, text in ((p.a, result.texts[p.left]), (p.b, result.texts[p.right])):
            s, e = span
            assert 0 <= s < e <= len(text)
            assert text[s:e].strip(), "a highlight is never blank"
        assert 0.0 <= p.score <= 1.0 and p.reason
    for sents, text in zip(result.sentences, result.texts, strict=True):
        for s, e in sents:
            assert 0 <= s < e <= len(text)
    for al in result.alignments:
        assert 0 <= al.a[0] < al.a[1] <= len(result.texts[al.left])
        assert 0 <= al.b[0] < al.b[1] <= len(result.texts[al.right])
    for cg in result.common:
        assert cg.a[0] < cg.a[1] and cg.b[0] < cg.b[1]
    for (left, right), ops in result.versions.items():
        for op in ops:
            assert 0 <= op.a[0] <= op.a[1] <= len(result.texts[left])
            assert 0 <= op.b[0] <= op.b[1] <= len(result.texts[right])


@settings(max_examples=150, deadline=None)
@given(texts, texts)
def test_any_two_texts(a: str, b: str) -> None:
    check_spans(analyse([a, b]))


@settings(max_examples=30, deadline=None)
@given(st.lists(texts, min_size=2, max_size=4))
def test_any_number_of_texts(many: list[str]) -> None:
    result = analyse(many)
    check_spans(result)
    assert len(result.sentences) == len(many)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t  ",
        "\x00\x00 not \x00 true \x00",
        "Der Präsident sagte — 大統領は言った — الرئيس قال. Crime rose.",
        "We will not 😀 raise taxes 🇬🇧. Taxes will rise 👍🏽.",
        "Cafe\u0301 owners said prices fell\u0301. Z\u0351\u0352a\u0353l\u0354g\u0355o will rise.",
        "הממשלה לא אמרה זאת. The government did not say that.",
        "word " * 20_000,
    ],
)
def test_bad_input_gives_valid_offsets(text: str) -> None:
    other = "The government said that. Taxes will rise. Crime fell."
    check_spans(analyse([text, other]))
    check_spans(analyse([other, text]))


def test_a_huge_text_is_refused_with_a_clear_message() -> None:
    huge = "x" * (MAX_CHARS + 1)
    with pytest.raises(InputTooLarge, match="characters"):
        contrast(huge, "short")
    assert issubclass(InputTooLarge, ValueError)


def test_five_megabytes_without_punctuation_is_refused_not_hung() -> None:
    with pytest.raises(InputTooLarge):
        analyse(["a" * 5_000_000, "b"])


def test_a_single_string_is_not_a_sequence_of_texts() -> None:
    with pytest.raises(TypeError):
        analyse("two words")


def test_output_is_the_same_in_every_process() -> None:
    import subprocess
    import sys

    code = (
        "import json, counterpoint.engine as e\n"
        "a = 'Crime rose. The thugs were rough. We will not cut taxes. Every school gets money.'\n"
        "b = 'Crime fell. Suspects were treated lawfully. Taxes may be cut. On average schools get money.'\n"
        "print(json.dumps([p.__dict__ for p in e.contrast(a, b)]))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and "[]" not in outputs
