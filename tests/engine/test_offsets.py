"""Code points against UTF-16 units: the engine's spans, translated for Qt's text cursors."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counterpoint.engine.offsets import Utf16Offsets


def test_astral_characters_take_two_units() -> None:
    text = "a😀b𝄞c"
    off = Utf16Offsets(text)
    assert [off.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert off.span_to_utf16((1, 4)) == (1, 6)
    assert off.from_utf16(2) == 1, "the middle of a surrogate pair maps to its character"


@given(st.text(max_size=40))
def test_round_trip(text: str) -> None:
    off = Utf16Offsets(text)
    for i in range(len(text) + 1):
        unit = off.to_utf16(i)
        assert unit == len(text[:i].encode("utf-16-le")) // 2
        assert off.from_utf16(unit) == i
