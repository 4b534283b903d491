"""Shared rows on screen: every row padded to the height of its tallest cell, so that sentences aligned
across columns start on one line; a long comparison is filled and padded a slice of rows at a time, so
the window paints its first screen at once and never stops answering."""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtGui import QTextCursor

from counterpoint.ui.workspace.column import ColumnText
from counterpoint.ui.workspace.look import ROW_GAP, content_height

SLICE_SECONDS = 0.012  # the GUI thread's share of one turn of the event loop while a long text is laid out
BATCH_ROWS = 8  # rows filled and padded between two looks at the clock


def set_text_width(columns: Sequence[ColumnText]) -> bool:
    """Give each document its column's width; say whether any changed (every row then lays out again)."""
    changed = False
    for column in columns:
        width = max(40, column.viewport().width())
        if column.document().textWidth() != width:
            column.document().setTextWidth(width)
            changed = True
    return changed


def pad_rows(columns: Sequence[ColumnText], start: int, end: int) -> None:
    """Pad rows [start, end) (in the documents already) to the height of their tallest cell.

    The padding is each block's bottom margin (top margins stay 0: Qt collapses adjacent margins and
    ignores the first block's top margin, so bottom margins alone add up predictably).
    """
    if end <= start:
        return
    docs = [c.document() for c in columns]
    heights = [0.0] * (end - start)
    natural: list[list[float]] = []
    for doc in docs:
        own = []
        doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(end - 1))  # lays the rows out
        block = doc.findBlockByNumber(start)
        for r in range(end - start):
            h = content_height(block)
            own.append(h)
            heights[r] = max(heights[r], h)
            block = block.next()
        natural.append(own)
    for column, doc, own in zip(columns, docs, natural, strict=True):
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()  # one layout pass for all the rows, not one per row
        block = doc.findBlockByNumber(start)
        for r in range(end - start):
            bottom = ROW_GAP + heights[r] - own[r]
            fmt = block.blockFormat()
            if abs(fmt.bottomMargin() - bottom) > 0.25:
                fmt.setBottomMargin(bottom)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
            block = block.next()
        cursor.endEditBlock()
        column.cache_row_tops(start)


class RowFiller:
    """Fills the columns with their rows and pads them, from a frontier down, in slices of time.

    `padded` rows are in every document and aligned; `step` moves the frontier on for one slice (or to
    the end when `budget` is None) and says whether there is more to do.
    """

    def __init__(self, columns: Sequence[ColumnText], rows: int) -> None:
        self.columns = list(columns)
        self.rows = rows
        self.padded = 0
        self.last_start = 0  # the first row the last step padded

    def restart(self, force: bool = False) -> None:
        """Pad every row again, from the top, if the width changed (or `force`: the font did)."""
        if set_text_width(self.columns) or force:
            self.padded = 0

    def done(self) -> bool:
        return self.padded >= self.rows

    def step(self, budget: float | None = SLICE_SECONDS) -> bool:
        if not self.columns:
            self.padded = self.rows
            return False
        if self.padded == 0:
            set_text_width(self.columns)
        self.last_start = self.padded
        deadline = None if budget is None else time.perf_counter() + budget
        while self.padded < self.rows:
            end = self.rows if deadline is None else min(self.rows, self.padded + BATCH_ROWS)
            for column in self.columns:
                column.append_rows(end)
            pad_rows(self.columns, self.padded, end)
            self.padded = end
            if deadline is not None and time.perf_counter() >= deadline:
                break
        return not self.done()
