"""Shared rows on screen: every row padded to the height of its tallest cell, so that sentences aligned
across columns start on one line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextCursor

from counterpoint.ui.workspace.column import ColumnText
from counterpoint.ui.workspace.look import ROW_GAP, content_height


def pad_rows(columns: Sequence[ColumnText], rows: int) -> None:
    """Pad every row to the height of its tallest cell.

    The padding is each block's bottom margin (top margins stay 0: Qt collapses adjacent margins and
    ignores the first block's top margin, so bottom margins alone add up predictably).
    """
    docs = [c.document() for c in columns]
    for column, doc in zip(columns, docs, strict=True):
        doc.setTextWidth(max(40, column.viewport().width()))
    heights = [0.0] * rows
    natural: list[list[float]] = []
    for doc in docs:
        own = []
        block = doc.begin()
        doc.documentLayout().blockBoundingRect(doc.lastBlock())  # lays the whole document out
        for r in range(rows):
            h = content_height(block)
            own.append(h)
            heights[r] = max(heights[r], h)
            block = block.next()
        natural.append(own)
    for column, doc, own in zip(columns, docs, natural, strict=True):
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()  # one layout pass for all the rows, not one per row
        block = doc.begin()
        for r in range(rows):
            bottom = ROW_GAP + heights[r] - own[r]
            fmt = block.blockFormat()
            if abs(fmt.bottomMargin() - bottom) > 0.25:
                fmt.setBottomMargin(bottom)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
            block = block.next()
        cursor.endEditBlock()
        column.cache_row_tops()
