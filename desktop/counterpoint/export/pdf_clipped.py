"""Text that Qt's PDF writer puts outside the clip in force: invisible on the page, yet copied, searched and
read aloud (pdftotext and screen readers ignore clipping).

Qt's rich-text layout hands the painter lines that belong to another page: the line before a table cell's
page break is drawn again at the top of the next page, behind the body's clip. `drop_clipped_text` removes
each text object (BT ... ET) whose glyphs all lie wholly above or below the clip, from a content stream as
Qt writes it (numbers, names, hex strings and dash arrays; one font and one text matrix per text object,
then a Td and a Tj per glyph). It jumps from one operator that matters (q, Q, cm, a clip, BT) to the next,
so a page costs a few milliseconds; a stream it cannot follow is returned unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

# The operators that change where text objects land and what clips them: q, Q, cm, W, W*; and BT. (The
# stream is searched with a newline before it, so each operator has whitespace on both sides.)
_MATTERS = re.compile(rb"\s(q|Q|cm|W\*?|BT)(?=\s)")
_ET = re.compile(rb"\sET(?=\s)")
_PATH = {b"m", b"l", b"re", b"c", b"v", b"y", b"h"}
_PAINT = {b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*", b"n"}
# Qt moves glyph by glyph along the line ("x 0 Td"): the moves' vertical parts.
_MOVES = re.compile(rb" (-?[0-9.]+) Td\s")
_OTHER_TEXT_OPERATORS = (b"TD", b"T*", b"Ts", b"'", b'"', b"Do")


class _Unfollowable(Exception):
    pass


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix that applies `first`, then `then` (PDF's row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _y(m: Matrix, x: float, y: float) -> float:
    return m[1] * x + m[3] * y + m[5]


def _floats(tokens: list[bytes]) -> list[float]:
    try:
        return [float(t) for t in tokens]
    except ValueError:
        raise _Unfollowable from None


def _last_numbers(content: bytes, end: int, count: int) -> list[float]:
    """The `count` operands just before position `end` (an operator's start)."""
    tokens = content[max(0, end - 40 * count) : end].split()[-count:]
    if len(tokens) != count:
        raise _Unfollowable
    return _floats(tokens)


def _path_ys(segment: bytes, ctm: Matrix) -> list[float]:
    """The vertical coordinates (page space) of the path built in `segment`, after its last painting."""
    tokens = segment.split()
    ys: list[float] = []
    operands: list[bytes] = []
    for token in tokens:
        if token[:1] in b"0123456789-.":
            operands.append(token)
            continue
        if token in _PAINT:
            ys = []
        elif token in _PATH:
            values = _floats(operands)
            if token == b"re" and len(values) == 4:
                x, y, w, h = values
                ys += [_y(ctm, x, y), _y(ctm, x + w, y + h)]
            else:
                ys += [_y(ctm, values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]
        operands = []
    return ys


def text_extent(body: bytes, ctm: Matrix) -> tuple[float, float] | None:
    """The vertical range (page space) the glyphs of one text object can reach; None when it shows none."""
    body = body + b"\n"
    if b"Tj" not in body and b"TJ" not in body:
        return None
    font = body.find(b" Tf")
    matrix = body.find(b" Tm")
    if (
        font < 0
        or matrix < 0
        or body.find(b" Tf", font + 3) >= 0
        or body.find(b" Tm", matrix + 3) >= 0
        or any(op in body for op in _OTHER_TEXT_OPERATORS)
    ):
        raise _Unfollowable
    size = _last_numbers(body, font, 1)[0]
    a, b, c, d, e, f = _last_numbers(body, matrix, 6)
    if b != 0 or c != 0 or d == 0:
        raise _Unfollowable  # rotated or skewed text: the report has none
    # Where glyphs are shown: after each move, and at the text matrix itself if a glyph comes first.
    first_move, first_glyph = (
        body.find(b" Td"),
        min(i for i in (body.find(b"Tj"), body.find(b"TJ")) if i >= 0),
    )
    offset = 0.0
    low = high = offset if first_move < 0 or first_glyph < first_move else None
    for move in _MOVES.findall(body):
        if move != b"0" or low is None:
            offset += float(move)
            low = offset if low is None else min(low, offset)
            high = offset if high is None else max(high, offset)
    if low is None or high is None:
        raise _Unfollowable
    placed = multiply((a, b, c, d, e, f), ctm)
    # A glyph reaches from a little below its baseline to about its size above it (text space).
    ys = [_y(placed, 0, shift + glyph) for shift in (low, high) for glyph in (-0.3 * size, size)]
    return min(ys), max(ys)


def _text_objects_outside_clip(content: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of each text object drawn wholly outside the clip in force."""
    ctm = IDENTITY
    clip: tuple[float, float] | None = None  # the clip's vertical range, page space
    stack: list[tuple[Matrix, tuple[float, float] | None]] = []
    previous = 0  # where the last operator that matters ended: a clip path is built after it
    at = 0
    while True:
        match = _MATTERS.search(content, at)
        if match is None:
            break
        op = match.group(1)
        start, at = match.start(), match.end()
        if op == b"q":
            stack.append((ctm, clip))
        elif op == b"Q":
            if not stack:
                raise _Unfollowable
            ctm, clip = stack.pop()
        elif op == b"cm":
            a, b, c, d, e, f = _last_numbers(content, start, 6)
            ctm = multiply((a, b, c, d, e, f), ctm)
        elif op in (b"W", b"W*"):
            ys = _path_ys(content[previous:start], ctm)
            if ys:
                low, high = min(ys), max(ys)
                clip = (low, high) if clip is None else (max(low, clip[0]), min(high, clip[1]))
        else:  # BT
            end = _ET.search(content, at)
            if end is None:
                raise _Unfollowable
            extent = text_extent(content[at : end.start()], ctm)
            at = end.end()
            start += 1  # after the whitespace before BT
            if extent is not None and clip is not None and (extent[1] <= clip[0] or extent[0] >= clip[1]):
                yield start, at
        previous = at


def drop_clipped_text(content: bytes) -> tuple[bytes, int]:
    """The content stream without the text objects drawn wholly outside their clip, and how many went."""
    if b"(" in content or b"%" in content:
        return content, 0  # a literal string or a comment: not Qt's output, and it could hide "ET"
    padded = b"\n" + content + b"\n"
    try:
        hidden = [(start - 1, end - 1) for start, end in _text_objects_outside_clip(padded)]
    except _Unfollowable:
        return content, 0
    if not hidden:
        return content, 0
    kept = []
    at = 0
    for start, end in hidden:
        kept.append(content[at:start])
        at = end
    kept.append(content[at:])
    return b"".join(kept), len(hidden)
