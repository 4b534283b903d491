"""Where a PDF page draws: each text run and each painted path, in points from the page's top."""

from __future__ import annotations

from dataclasses import dataclass

from pypdf import PageObject


@dataclass(frozen=True)
class Mark:
    kind: str  # "text" or "path"
    top: float  # points from the page's top
    bottom: float
    text: str = ""


def _apply(m, x, y):
    a, b, c, d, e, f = (float(v) for v in m)
    return a * x + c * y + e, b * x + d * y + f


def page_marks(page: PageObject) -> list[Mark]:
    height = float(page.mediabox.height)
    marks: list[Mark] = []
    path: list[float] = []

    def operand(op: bytes, args: list, cm: list, tm: list) -> None:
        if op == b"re":
            x, y, w, h = (float(v) for v in args)
            path.extend(_apply(cm, px, py)[1] for px, py in ((x, y), (x + w, y + h)))
        elif op in (b"m", b"l"):
            path.append(_apply(cm, float(args[0]), float(args[1]))[1])
        elif op == b"c":
            path.extend(_apply(cm, float(args[i]), float(args[i + 1]))[1] for i in (0, 2, 4))
        elif op in (b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"):
            if path:
                marks.append(Mark("path", height - max(path), height - min(path)))
            path.clear()
        elif op == b"n":
            path.clear()  # a clipping path, not painted

    def text(t: str, cm: list, tm: list, font: object, size: float) -> None:
        if not t.strip():
            return
        # the text matrix times the current matrix: where the run's baseline starts
        _x, y = _apply(cm, float(tm[4]), float(tm[5]))
        marks.append(Mark("text", height - y, height - y, t))

    page.extract_text(visitor_operand_before=operand, visitor_text=text)
    return marks
