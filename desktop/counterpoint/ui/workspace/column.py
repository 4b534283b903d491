"""A statement's text in the workspace: one read-only column laid out on the shared rows, with the
offset conversions (code points in the statement, UTF-16 positions in the document) and the geometry the
connectors and the overview are drawn from."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QMenu, QTextEdit, QToolTip

from counterpoint.ui.palette import UiPalette
from counterpoint.ui.workspace.look import DOCUMENT_MARGIN, LINE_HEIGHT, ROW_GAP, content_height
from counterpoint.ui.workspace_model import Highlight, Row, Segment, Span, Utf16Map, segments, snap_to_words


class ColumnHost(Protocol):
    """What a column asks the workspace it sits in."""

    colours: UiPalette

    def tooltip_at(self, column: int, offset: int | None) -> str: ...
    def annotation_at(self, column: int, offset: int | None) -> int | None: ...
    def activate_annotation(self, annotation_id: int) -> None: ...
    def current_suggestion(self) -> object | None: ...
    def accept_current_suggestion(self) -> None: ...
    def actions(self) -> list[QAction]: ...
    def extend_menu(self, menu: QMenu, column: int, offset: int | None) -> None: ...
    def place_tooltip(self, column: int, offset: int | None, cursor: QPoint) -> None: ...


class ColumnText(QTextEdit):
    """One statement's text, laid out on the workspace's shared rows.

    What the user does in it goes out as signals; what it shows about highlights and annotations (tooltips,
    the context menu, Enter on a suggestion) it asks its host, the workspace.
    """

    clicked = Signal(int, object)  # column, statement offset or None: a click, or the caret moved
    picked = Signal(int, object)  # column, (start, end): a passage selected
    hovered = Signal(int, object)  # column, offset or None (the mouse left)
    resized = Signal()
    zoom_requested = Signal(int)  # steps

    def __init__(self, host: ColumnHost, column: int) -> None:
        super().__init__()
        self.host = host
        self.loaded_rows = 0
        self._pending: list[Highlight] = []
        self._colours: UiPalette | None = None
        self._block_format = QTextBlockFormat()
        self.column = column
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabChangesFocus(True)  # read-only: Tab goes on to the next column
        # Statements dragged from the library are dropped on the workspace, not into a column's text.
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.viewport().setMouseTracking(True)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.text = ""
        self.map = Utf16Map("")
        self.segments: list[Segment] = []
        self._segment_starts: list[int] = []
        self.segment_row: list[int] = []
        self.row_segment: list[int | None] = []
        self.highlights: list[Highlight] = []
        self.rows: list[Row] = []
        self._row_tops: list[float] = []
        self.selectionChanged.connect(self._selection_changed)
        # A keyboard user reaches a suggestion by moving the caret into it; Enter then accepts it.
        self.cursorPositionChanged.connect(self._caret_moved)

    # -- content ------------------------------------------------------------------------------

    def begin(self, text: str, pieces: list[Segment], units: Utf16Map, rows: list[Row], font: QFont) -> None:
        """Start showing a statement on `rows`: an empty document that `append_rows` fills."""
        self.text = text
        self.map = units
        self.segments = pieces
        self._segment_starts = [s.start for s in self.segments]
        self.rows = rows
        self.row_segment = [row.cells[self.column] for row in rows]
        self.segment_row = [0] * len(self.segments)
        for r, k in enumerate(self.row_segment):
            if k is not None:
                self.segment_row[k] = r
        self.loaded_rows = 0
        self._row_tops = []
        self._pending = []  # highlights whose rows are not in the document yet
        doc = QTextDocument(self)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        # Lines break between words only: a word is never cut in two (the column's minimum width is
        # made to hold the statement's words).
        option = doc.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        doc.setDefaultTextOption(option)
        doc.setUndoRedoEnabled(False)
        self._block_format = QTextBlockFormat()
        self._block_format.setLineHeight(
            LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        self._block_format.setTopMargin(0)
        self._block_format.setBottomMargin(ROW_GAP)
        QTextCursor(doc).setBlockFormat(self._block_format)
        self.setDocument(doc)

    def load(self, text: str, sentences: Sequence[Span], rows: list[Row], font: QFont) -> None:
        """Show a whole statement at once (a short one; a long one is appended a slice at a time)."""
        self.begin(text, segments(text, sentences), Utf16Map(text), rows, font)
        self.append_rows(len(rows))

    def append_rows(self, end: int) -> None:
        """Put rows up to `end` into the document, with the highlights that fall in them."""
        start = self.loaded_rows
        if end <= start:
            return
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        for r in range(start, end):
            if r:
                cursor.insertBlock(self._block_format)
            k = self.row_segment[r]
            if k is not None:
                cursor.insertText(self.segments[k].display)
        cursor.endEditBlock()
        if start == 0:
            # The view's own caret sat where the first rows went in and moved along with them: back to
            # the top, quietly (it is not the user moving it).
            blocked = self.blockSignals(True)
            self.setTextCursor(QTextCursor(self.document()))
            self.blockSignals(blocked)
        self.loaded_rows = end
        if self._pending:
            # Kept in the order of the rows they end in: the ones ready now are at the front.
            ready = 0
            while ready < len(self._pending) and self.is_loaded(self._pending[ready].end - 1):
                ready += 1
            if ready:
                self._format(self._pending[:ready])
                del self._pending[:ready]

    def is_loaded(self, offset: int) -> bool:
        """Whether the row showing a statement offset is in the document yet."""
        return self.row_of_offset(offset) < self.loaded_rows

    def row_of_offset(self, offset: int) -> int:
        """The row that shows (or will show) a statement offset."""
        if not self.segments:
            return 0
        return self.segment_row[max(0, bisect_right(self._segment_starts, offset) - 1)]

    def is_complete(self) -> bool:
        return self.loaded_rows >= len(self.rows)

    def apply_highlights(self, highlights: list[Highlight], colours: UiPalette) -> None:
        """Colour the highlights (those in rows not loaded yet when their rows come)."""
        self.highlights = highlights
        self._colours = colours
        now = [h for h in highlights if self.is_loaded(h.end - 1)]
        later = [h for h in highlights if not self.is_loaded(h.end - 1)]
        self._pending = sorted(later, key=lambda h: self.row_of_offset(h.end - 1))
        self._format(now)

    def _format(self, highlights: list[Highlight]) -> None:
        colours = self._colours
        assert colours is not None, "apply_highlights sets the palette first"
        order = {"common": 0, "move": 1, "delete": 2, "insert": 2, "contrast": 3}
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for h in sorted(highlights, key=lambda h: order.get(h.category, 4)):
            fmt = QTextCharFormat()
            if h.category == "common":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(colours.common_line))
            else:
                swatch = colours.kind(h.kind) if h.category == "contrast" else colours.diff[h.category]
                fmt.setBackground(swatch.fill_colour)
                fmt.setUnderlineStyle(
                    QTextCharFormat.UnderlineStyle.DashUnderline
                    if h.category == "move"
                    else QTextCharFormat.UnderlineStyle.SingleUnderline
                )
                fmt.setUnderlineColor(swatch.line_colour)
                if h.category == "delete":
                    fmt.setFontStrikeOut(True)
            self.select_into(cursor, h.start, h.end)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    # -- offsets ------------------------------------------------------------------------------

    def doc_position(self, offset: int) -> int:
        """The document position (UTF-16, across rows) of a code point offset in the statement."""
        if not self.segments:
            return 0
        k = max(0, bisect_right(self._segment_starts, offset) - 1)
        segment = self.segments[k]
        offset = min(max(offset, segment.start), segment.end)
        if self.segment_row[k] >= self.loaded_rows:
            return self.document().characterCount() - 1  # not laid out yet: the end of what is
        block = self.document().findBlockByNumber(self.segment_row[k])
        return block.position() + self.map.to_utf16(offset) - self.map.to_utf16(segment.start)

    def text_offset(self, position: int) -> int:
        """The code point offset in the statement of a document position."""
        block = self.document().findBlock(position)
        row = max(0, block.blockNumber())
        k = self.row_segment[row] if row < len(self.row_segment) else None
        if k is None:
            later = [s for s in self.row_segment[row:] if s is not None]
            return self.segments[later[0]].start if later else len(self.text)
        segment = self.segments[k]
        units = self.map.to_utf16(segment.start) + position - block.position()
        return min(self.map.to_code_points(units), segment.end)

    def select_into(self, cursor: QTextCursor, start: int, end: int) -> None:
        cursor.setPosition(self.doc_position(start))
        cursor.setPosition(self.doc_position(end), QTextCursor.MoveMode.KeepAnchor)

    def select_span(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        self.select_into(cursor, start, end)
        self.setTextCursor(cursor)

    def selected_span(self) -> Span | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.text_offset(cursor.selectionStart()), self.text_offset(cursor.selectionEnd())
        # Whole words, without the whitespace a double-click or a sloppy drag picks up.
        return snap_to_words(self.text, start, end)

    def _caret_moved(self) -> None:
        if self.highlights:
            self.clicked.emit(self.column, self.text_offset(self.textCursor().position()))

    def _selection_changed(self) -> None:
        span = self.selected_span()
        if span is not None:
            self.picked.emit(self.column, span)

    # -- geometry -----------------------------------------------------------------------------

    def scroll_offset(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """The line boxes a span covers, in viewport coordinates."""
        doc = self.document()
        layout = doc.documentLayout()
        first, last = self.doc_position(start), self.doc_position(end)
        rects: list[QRectF] = []
        block = doc.findBlock(first)
        offset = self.scroll_offset()
        while block.isValid() and block.position() <= last:
            text_layout = block.layout()
            base = block.position()
            frame = layout.blockBoundingRect(block)
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                line_start = base + line.textStart()
                line_end = line_start + line.textLength()
                lo, hi = max(first, line_start), min(last, line_end)
                if lo >= hi:
                    continue
                x1 = float(line.cursorToX(lo - base)[0])  # type: ignore[index]
                x2 = float(line.cursorToX(hi - base)[0])  # type: ignore[index]
                rects.append(
                    QRectF(frame.x() + x1, frame.y() + line.y(), max(2.0, x2 - x1), line.height()).translated(
                        -offset
                    )
                )
            block = block.next()
        return rects

    def cache_row_tops(self, start: int = 0) -> None:
        """Remember where each row starts (document coordinates) for painting, from row `start` on; rows
        are padded alike in every column, so these are the workspace's row positions."""
        doc = self.document()
        layout = doc.documentLayout()
        tops = self._row_tops[:start]
        block = doc.findBlockByNumber(start)
        last = block
        while block.isValid():
            tops.append(layout.blockBoundingRect(block).y())
            last = block
            block = block.next()
        if tops and last.isValid():
            tops.append(tops[-1] + content_height(last) + last.blockFormat().bottomMargin())
        self._row_tops = tops

    def visible_rows(self, top: float, bottom: float) -> range:
        """Rows that overlap the viewport band [top, bottom] (viewport coordinates)."""
        tops = self._row_tops
        if len(tops) < 2:
            return range(0)
        offset = self.scroll_offset().y() - ROW_GAP / 2
        first = max(0, bisect_right(tops, top + offset) - 1)
        last = min(len(tops) - 1, bisect_right(tops, bottom + offset))
        return range(first, last)

    def row_rect(self, row: int) -> QRectF:
        """A row's band in viewport coordinates, from half a gap above its text to half a gap above the next."""
        tops = self._row_tops
        if row + 1 >= len(tops):
            return QRectF()
        y = tops[row] - ROW_GAP / 2 - self.scroll_offset().y()
        return QRectF(0, y, self.viewport().width(), tops[row + 1] - tops[row])

    def offset_at(self, point: QPoint) -> int | None:
        """The statement offset under a viewport point, or None when the point is not on text."""
        doc_point = QPointF(point) + self.scroll_offset()
        position = self.document().documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return None
        return self.text_offset(position)

    def highlights_at(self, offset: int | None) -> list[Highlight]:
        if offset is None:
            return []
        return [h for h in self.highlights if h.start <= offset < h.end]

    # -- painting and events ------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = self.host.colours
        painter = QPainter(self.viewport())
        band = QColor(colours.aligned_band)
        rule = self.palette().color(QPalette.ColorRole.Mid)
        rule.setAlphaF(0.35)
        clip = QRectF(event.rect())
        for r in self.visible_rows(clip.top(), clip.bottom()):
            row = self.rows[r]
            rect = self.row_rect(r)
            if self.column in row.aligned:
                painter.fillRect(rect, band)
            if r:  # a hairline between rows (a filled pixel row: far cheaper to draw than a line)
                painter.fillRect(QRectF(rect.left(), int(rect.top()), rect.width(), 1), rule)
        painter.end()
        super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            point = event.pos()  # type: ignore[attr-defined]
            offset = self.offset_at(point)
            tip = self.host.tooltip_at(self.column, offset)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())  # type: ignore[attr-defined]
                self.host.place_tooltip(self.column, offset, event.globalPos())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.Leave:
            self.hovered.emit(self.column, None)
        return super().viewportEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # QTextEdit would zoom this column alone and break the shared rows; zoom them all.
            self.zoom_requested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not event.buttons():
            self.hovered.emit(self.column, self.offset_at(event.position().toPoint()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        span = self.selected_span()
        if span is not None and event.button() == Qt.MouseButton.LeftButton:
            # Show the words that will be tagged: the drag's ends, grown to whole words.
            cursor = self.textCursor()
            if (self.text_offset(cursor.selectionStart()), self.text_offset(cursor.selectionEnd())) != span:
                self.select_span(*span)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self.offset_at(event.position().toPoint())
            self.clicked.emit(self.column, offset)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        offset = self.offset_at(event.position().toPoint())
        annotation_id = self.host.annotation_at(self.column, offset)
        if annotation_id is not None:
            self.host.activate_annotation(annotation_id)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.host.current_suggestion():
            self.host.accept_current_suggestion()
            return
        # The actions' shortcuts only fire in the active window; a key sent straight to the column (an
        # accessibility tool, a test) gets the same behaviour here.
        pressed = QKeySequence(event.keyCombination())
        for act in self.host.actions():
            if act.isEnabled() and act.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                act.trigger()
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        self.host.extend_menu(menu, self.column, self.offset_at(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def row_tops(self) -> list[float]:
        """Where each row starts (document coordinates), and where the last one ends."""
        return self._row_tops
