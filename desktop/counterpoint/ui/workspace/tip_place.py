"""Where a highlight's tooltip goes: next to the mouse, but never over the passage it is about nor over
its counterpart in another column (the reader compares the two while the tip is up)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize

GAP = 6


def place_tip(size: QSize, cursor: QPoint, line: QRect, avoid: Sequence[QRect], screen: QRect) -> QPoint:
    """The top-left corner for a tip of `size`: below or above the hovered line (`line`), right or left
    of the mouse, the first place on `screen` that covers none of `avoid`; failing that, the one that
    covers least of them."""
    w, h = size.width(), size.height()
    below, above = line.bottom() + GAP, line.top() - GAP - h
    right, left = cursor.x() + 2, cursor.x() - w - 2
    candidates = [QPoint(x, y) for y in (below, above) for x in (right, left)]
    # Further away as a last resort: below or above every span to avoid.
    if avoid:
        lowest = max(r.bottom() for r in avoid) + GAP
        highest = min(r.top() for r in avoid) - GAP - h
        candidates += [
            QPoint(right, lowest),
            QPoint(left, lowest),
            QPoint(right, highest),
            QPoint(left, highest),
        ]

    def clamp(p: QPoint) -> QPoint:
        x = max(screen.left(), min(p.x(), screen.right() - w + 1))
        y = max(screen.top(), min(p.y(), screen.bottom() - h + 1))
        return QPoint(x, y)

    def covered(p: QPoint) -> int:
        tip = QRect(p, size)
        return sum(
            tip.intersected(r).width() * tip.intersected(r).height() for r in avoid if tip.intersects(r)
        )

    placed = [clamp(p) for p in candidates]
    for p in placed:
        if covered(p) == 0:
            return p
    return min(placed, key=covered)
