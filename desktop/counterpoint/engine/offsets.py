"""Convert the engine's offsets (code points) to and from UTF-16 code units, which Qt's cursors count."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


class Utf16Offsets:
    """Offset conversion for one text; astral characters (emoji, some CJK) take two UTF-16 units."""

    def __init__(self, text: str) -> None:
        # code-point indices of characters outside the Basic Multilingual Plane, in order
        self._astral: Sequence[int] = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # their positions in UTF-16 units
        self._astral_units = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)

    def from_utf16(self, unit: int) -> int:
        """The code-point index of a UTF-16 position (the middle of a surrogate pair maps to its start)."""
        n = bisect.bisect_right(self._astral_units, unit - 1)
        index = unit - n
        if n and self._astral_units[n - 1] == unit - 1:
            index = self._astral[n - 1]
        return index

    def span_to_utf16(self, span: tuple[int, int]) -> tuple[int, int]:
        return self.to_utf16(span[0]), self.to_utf16(span[1])

    def span_from_utf16(self, span: tuple[int, int]) -> tuple[int, int]:
        return self.from_utf16(span[0]), self.from_utf16(span[1])
