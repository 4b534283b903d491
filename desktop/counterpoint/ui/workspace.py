"""The comparison workspace: statements side by side on shared rows, with contrasts, diffs and annotations.

Each statement is a read-only text column; sentences the engine aligned sit on the same row (the rows are
padded to equal heights), so one scroll position fits every column. Highlights are character formats;
annotations are drawn on a transparent layer above the columns as connectors, the way Meld links its
panes. The widget never writes to the project: it reports what the user asked for through signals.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLineF, QObject, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QScrollBar,
    QSizePolicy,
    QTextEdit,
    QToolBar,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from counterpoint.store.model import Annotation, Statement, Tag, TargetSpec
from counterpoint.ui.palette import UiPalette, palette_for, readable_text_on
from counterpoint.ui.plain import tip
from counterpoint.ui.workspace_model import (
    AnalysisLike,
    Highlight,
    Row,
    Segment,
    Span,
    Utf16Map,
    build_rows,
    collect_highlights,
    segments,
    sentence_index,
    shorten,
    split_sentences,
)

COLUMN_LETTERS = "ABCD"
RELATION_MARKS = {"contradicts": "≠", "walks_back": "↩", "clarifies": "≈", "consistent_with": "="}
MAX_COLUMNS = 4
GUTTER = 52
ROW_GAP = 14
LINE_HEIGHT = 135  # per cent of the font's line height: quotations are read closely
DOCUMENT_MARGIN = 14
# A column is never narrower than twelve average characters of the reading font (and than the longest word
# of its statement, up to eighteen): narrower, words broke mid-word ("Com / munit / y-"). When the columns do
# not fit at that width they scroll sideways; the main window first folds its side panels away.
MIN_COLUMN_CHARS = 12
MAX_WORD_CHARS = 18
READING_FONTS = ["Source Serif 4", "Source Serif Pro", "Charter", "Georgia", "DejaVu Serif", "serif"]


@dataclass(frozen=True)
class Connector:
    """An annotation as drawn: its spans (column, start, end) and its colour. One span: a marker only."""

    annotation_id: int
    ends: tuple[tuple[int, int, int], ...]
    colour: str
    anchored: bool
    mark: str = (
        ""  # the relation's sign, shown on the link: ≠ contradicts, ↩ walks back, ≈ clarifies, = agrees
    )

    @property
    def is_link(self) -> bool:
        return len({column for column, _, _ in self.ends}) > 1


def _content_height(block: QTextBlock) -> float:
    """A block's height without its margins, as the document layout stacks it (proportional spacing)."""
    layout = block.layout()
    if layout.lineCount() == 0:
        return 0.0
    first, last = layout.lineAt(0), layout.lineAt(layout.lineCount() - 1)
    return last.y() - first.y() + last.height() * LINE_HEIGHT / 100


def _reading_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setFamilies(READING_FONTS)
    font.setPointSizeF(max(base.pointSizeF(), 9.0) * 1.2)
    return font


class _ColumnText(QTextEdit):
    """One statement's text, laid out on the workspace's shared rows."""

    def __init__(self, workspace: ComparisonWorkspace, column: int) -> None:
        super().__init__()
        self.workspace = workspace
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

    def load(self, text: str, sentences: Sequence[Span], rows: list[Row], font: QFont) -> None:
        self.text = text
        self.map = Utf16Map(text)
        self.segments = segments(text, sentences)
        self._segment_starts = [s.start for s in self.segments]
        self.rows = rows
        self.row_segment = [row.cells[self.column] for row in rows]
        self.segment_row = [0] * len(self.segments)
        doc = QTextDocument(self)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        # Lines break between words only: a word is never cut in two (the column's minimum width is
        # made to hold the statement's words).
        option = doc.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        doc.setDefaultTextOption(option)
        doc.setUndoRedoEnabled(False)
        cursor = QTextCursor(doc)
        block_format = QTextBlockFormat()
        block_format.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block_format.setTopMargin(0)
        block_format.setBottomMargin(ROW_GAP)
        for r, k in enumerate(self.row_segment):
            if r:
                cursor.insertBlock(block_format)
            else:
                cursor.setBlockFormat(block_format)
            if k is not None:
                self.segment_row[k] = r
                cursor.insertText(self.segments[k].display)
        self.setDocument(doc)

    def apply_highlights(self, highlights: list[Highlight], colours: UiPalette) -> None:
        self.highlights = highlights
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
            self._select(cursor, h.start, h.end)
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

    def _select(self, cursor: QTextCursor, start: int, end: int) -> None:
        cursor.setPosition(self.doc_position(start))
        cursor.setPosition(self.doc_position(end), QTextCursor.MoveMode.KeepAnchor)

    def select_span(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        self._select(cursor, start, end)
        self.setTextCursor(cursor)

    def selected_span(self) -> Span | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.text_offset(cursor.selectionStart()), self.text_offset(cursor.selectionEnd())
        # Trim the whitespace a double-click or a sloppy drag picks up.
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def _caret_moved(self) -> None:
        if self.highlights:
            self.workspace._clicked(self.column, self.text_offset(self.textCursor().position()))

    def _selection_changed(self) -> None:
        span = self.selected_span()
        if span is not None:
            self.workspace._picked(self.column, span)

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

    def cache_row_tops(self) -> None:
        """Remember where each row starts (document coordinates) for painting; rows are padded alike in
        every column, so these are the workspace's row positions."""
        doc = self.document()
        layout = doc.documentLayout()
        tops = []
        block = doc.begin()
        while block.isValid():
            tops.append(layout.blockBoundingRect(block).y())
            last = block
            block = block.next()
        if tops:
            tops.append(tops[-1] + _content_height(last) + last.blockFormat().bottomMargin())
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
        colours = self.workspace.colours
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
            if r:
                painter.setPen(QPen(rule, 1))
                painter.drawLine(rect.topLeft(), rect.topRight())
        painter.end()
        super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.workspace._schedule_relayout()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            point = event.pos()  # type: ignore[attr-defined]
            tip = self.workspace.tooltip_at(self.column, self.offset_at(point))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.Leave:
            self.workspace._hover(self.column, None)
        return super().viewportEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # QTextEdit would zoom this column alone and break the shared rows; zoom them all.
            self.workspace.zoom(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not event.buttons():
            self.workspace._hover(self.column, self.offset_at(event.position().toPoint()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self.offset_at(event.position().toPoint())
            self.workspace._clicked(self.column, offset)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        offset = self.offset_at(event.position().toPoint())
        annotation_id = self.workspace._annotation_at(self.column, offset)
        if annotation_id is not None:
            self.workspace.annotation_activated.emit(annotation_id)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.workspace.current_suggestion():
            self.workspace.accept_current_suggestion()
            return
        # The actions' shortcuts only fire in the active window; a key sent straight to the column (an
        # accessibility tool, a test) gets the same behaviour here.
        pressed = QKeySequence(event.keyCombination())
        for act in self.workspace.actions():
            if act.isEnabled() and act.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                act.trigger()
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        self.workspace._extend_menu(menu, self.column, self.offset_at(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()


class _ClampedLabel(QLabel):
    """Text wrapped to at most `max_lines` lines, the last one elided; the whole text is its tooltip.

    A column is narrow on a laptop: a long occasion or source wrapped in full would push the statement
    itself half off the screen. Its height follows the width (height-for-width), so the grid gives it
    exactly the lines it shows.
    """

    def __init__(self, text: str, max_lines: int, name: str) -> None:
        super().__init__(text)
        self.setObjectName(name)
        self.full_text = text
        self.max_lines = max_lines
        self.setAccessibleName(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def lines(self, width: int) -> list[str]:
        """The lines shown at `width` pixels: wrapped at word boundaries, the last one elided if need be."""
        units = self.full_text.encode("utf-16-le")  # QTextLayout counts UTF-16 units

        def piece(start: int, length: int | None = None) -> str:
            end = None if length is None else 2 * (start + length)
            return units[2 * start : end].decode("utf-16-le", "replace")

        layout = QTextLayout(self.full_text, self.font())
        layout.beginLayout()
        starts: list[tuple[int, int]] = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            starts.append((line.textStart(), line.textLength()))
        layout.endLayout()
        metrics = self.fontMetrics()

        def fit(text: str) -> str:
            # A word longer than the column ("Rosenberg" in a narrow one) is elided, not cut off.
            return metrics.elidedText(text.strip(), Qt.TextElideMode.ElideRight, max(1, width))

        if len(starts) <= self.max_lines:
            return [fit(piece(start, length)) for start, length in starts]
        shown = [fit(piece(start, length)) for start, length in starts[: self.max_lines - 1]]
        return [*shown, fit(piece(starts[self.max_lines - 1][0]))]

    def is_clamped(self) -> bool:
        return self.text() != self.full_text and "…" in self.text()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(1, len(self.lines(width))) * self.fontMetrics().lineSpacing()

    def sizeHint(self) -> QSize:
        width = min(self.fontMetrics().horizontalAdvance(self.full_text), 320)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.fontMetrics().lineSpacing())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        shown = "\n".join(self.lines(self.width()))
        if shown != self.text():
            self.setText(shown)
        self.setToolTip(tip(self.full_text) if shown.replace("\n", " ") != self.full_text else "")


class _ColumnHeader(QFrame):
    """Who said it, when, where, and the source: what a reader checks before reading the quote."""

    def __init__(self, column: int, statement: Statement) -> None:
        super().__init__()
        self.setObjectName("columnHeader")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DOCUMENT_MARGIN, 10, DOCUMENT_MARGIN, 10)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(8)
        badge = QLabel(COLUMN_LETTERS[column])
        badge.setObjectName("columnBadge")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setFixedSize(22, 22)
        badge.setAccessibleName(f"Column {COLUMN_LETTERS[column]}")
        speaker = _ClampedLabel(statement.speaker, 2, "columnSpeaker")
        font = speaker.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        speaker.setFont(font)
        top.addWidget(badge)
        top.addWidget(speaker, 1)
        layout.addLayout(top)
        # Each at most two lines high (three for date, occasion and place, which say the most): the
        # statement below is what the column is for.
        lines = [
            statement.role,
            " · ".join(p for p in (_date_text(statement), statement.occasion) if p),
        ]
        self.details: list[_ClampedLabel] = []
        for i, text in enumerate(lines):
            if not text:
                continue
            label = _ClampedLabel(text, 2 if i == 0 else 3, "columnRole" if i == 0 else "columnOccasion")
            layout.addWidget(label)
            self.details.append(label)
        if statement.source_title:
            source = _ClampedLabel(f"Source: {statement.source_title}", 2, "columnSource")
            italic = source.font()
            italic.setItalic(True)
            source.setFont(italic)
            layout.addWidget(source)
            self.details.append(source)
        layout.addStretch(1)
        self.setAccessibleName(f"Statement {COLUMN_LETTERS[column]}: {statement.speaker}")


def _date_text(statement: Statement) -> str:
    if statement.said_on is None:
        return ""
    return f"{statement.said_on.day} {statement.said_on:%b %Y}"


class _ConnectorLayer(QWidget):
    """Draws annotation connectors and aligned-row bands above the columns; it takes no mouse input."""

    def __init__(self, workspace: ComparisonWorkspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.workspace._paint_layer(self)


class _OverviewMap(QWidget):
    """The whole comparison in a strip beside the scrollbar: where the contrasts and annotations are, and
    which part is on screen. A click or a drag goes there."""

    def __init__(self, workspace: ComparisonWorkspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.marks: list[
            tuple[float, float, QColor, bool]
        ] = []  # top, bottom (fractions), colour, annotation
        self.setFixedWidth(12)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName("Overview of the comparison")
        self.setToolTip(
            "Where the contrasts (thin marks) and annotations (wide marks) are; click to go there"
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        height = self.height()
        painter.fillRect(self.rect(), QColor(self.workspace.colours.row_band))
        for top, bottom, colour, strong in self.marks:
            y = top * height
            h = min(6.0, max(2.0, (bottom - top) * height))  # a tick at the row's start, not a bar
            if strong:
                painter.fillRect(QRectF(0, y, self.width(), h), colour)
            else:
                painter.fillRect(QRectF(3, y, self.width() - 6, h), colour)
        bar = self.workspace._scrollbar
        total = bar.maximum() + bar.pageStep()
        if total > 0 and bar.maximum() > 0:
            shade = QColor(self.palette().color(QPalette.ColorRole.Text))
            shade.setAlphaF(0.12)
            painter.fillRect(
                QRectF(0, bar.value() / total * height, self.width(), bar.pageStep() / total * height), shade
            )
        painter.end()

    def _jump(self, y: float) -> None:
        bar = self.workspace._scrollbar
        total = bar.maximum() + bar.pageStep()
        target = y / max(1, self.height()) * total - bar.pageStep() / 2
        self.workspace._scroll_to(max(0, min(int(target), bar.maximum())))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._jump(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event.position().y())


class _LegendChip(QToolButton):
    """A legend entry; for highlight kinds it is also a switch that shows or hides them."""

    def __init__(self, text: str, fill: str, line: str, ink: str, tooltip: str, dotted: bool = False) -> None:
        super().__init__()
        self.setText(text)
        border = "dotted" if dotted else "solid"
        self.setStyleSheet(
            f"QToolButton {{ background: transparent; color: {ink}; border: none;"
            f" border-bottom: 2px {border} {line}; border-radius: 3px; padding: 1px 7px; }}"
            f"QToolButton:checked {{ background: {fill}; }}"
            f"QToolButton:!checked {{ color: gray; border-bottom-color: gray; }}"
            "QToolButton:focus { border: 1px solid palette(highlight); }"
        )
        self.setCheckable(True)
        self.setChecked(True)
        self.setToolTip(tip(tooltip))
        self.setAccessibleName(f"Legend: {text}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)


class ComparisonWorkspace(QWidget):
    """Two to four statements side by side, their contrasts highlighted, annotations linked across columns.

    The main window calls `set_comparison` when a comparison opens and `set_annotations` after any edit of
    its annotations; it listens to `tag_requested`, `suggestion_accepted` and `annotation_activated`. The
    actions (`tag_action`, `accept_suggestion_action`, ...) carry the shortcuts; a menu may show them too.
    """

    tag_requested = Signal(list)  # list[TargetSpec]: the current selection, one span or a pair
    suggestion_accepted = Signal(object)  # the engine's ContrastPair
    annotation_activated = Signal(int)  # annotation id
    selection_changed = Signal()
    rebuilt = Signal()  # new columns or legend chips: the window puts them in its Tab order again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Comparison workspace")
        self.colours = palette_for(self.palette())
        self._statements: list[Statement] = []
        self._analysis: AnalysisLike | None = None
        self._annotations: list[Annotation] = []
        self._tags: dict[str, Tag] = {}
        self._columns: list[_ColumnText] = []
        self._headers: list[_ColumnHeader] = []
        self._rows: list[Row] = []
        self._highlights: list[list[Highlight]] = []
        self._connectors: list[Connector] = []
        self._picks: dict[int, Span] = {}
        self._pick_order: list[int] = []
        self._current: tuple[int, Highlight] | None = None
        self._hovered: tuple[int, Highlight] | None = None
        self._flash: int | None = None
        self._syncing = False
        self._zoom = 0
        self._min_column_width = 0
        self._hidden: set[str] = set()  # highlight kinds switched off in the legend

        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self._relayout)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(1400)
        self._flash_timer.timeout.connect(self._end_flash)
        self._overview_timer = QTimer(self)
        self._overview_timer.setSingleShot(True)
        self._overview_timer.setInterval(0)
        self._overview_timer.timeout.connect(self._show_overview_if_useful)

        self._make_actions()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._make_toolbar())
        # Shown for a comparison without statements (the window has its own word for no comparison).
        self._empty = QLabel(
            "This comparison has no statements yet.\nDrag two to four from the library onto this space, "
            "or select them there and press Ctrl+Shift+A."
        )
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setObjectName("workspaceEmpty")
        outer.addWidget(self._empty, 1)
        self._body = QWidget()
        self._body.setObjectName("workspaceBody")
        self._grid = QGridLayout(self._body)
        self._grid.setContentsMargins(12, 8, 0, 0)
        self._grid.setHorizontalSpacing(0)
        self._grid.setVerticalSpacing(0)
        self._grid.setRowStretch(1, 1)
        self._scrollbar = QScrollBar(Qt.Orientation.Vertical)
        self._scrollbar.setAccessibleName("Scroll all statements")
        self._scrollbar.valueChanged.connect(self._scroll_to)
        self._overview = _OverviewMap(self)
        self._side = QWidget()
        side = QHBoxLayout(self._side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(2)
        side.addWidget(self._overview)
        side.addWidget(self._scrollbar)
        self._layer = _ConnectorLayer(self, self._body)
        self._body.installEventFilter(self)
        # The columns scroll sideways when they do not fit at their minimum width; the shared vertical
        # scrollbar and the overview stay in view beside them.
        self._scroller = QScrollArea()
        self._scroller.setObjectName("workspaceScroller")
        self._scroller.setAccessibleName("Statements")
        self._scroller.setFrameShape(QFrame.Shape.NoFrame)
        self._scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the columns inside it
        self._scroller.setWidgetResizable(True)
        self._scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._scroller.setWidget(self._body)
        self._scroller.horizontalScrollBar().valueChanged.connect(lambda _v: self._layer.update())
        self._view = QWidget()
        view = QHBoxLayout(self._view)
        view.setContentsMargins(0, 0, 0, 0)
        view.setSpacing(0)
        view.addWidget(self._scroller, 1)
        side_column = QVBoxLayout()
        side_column.setContentsMargins(0, 0, 4, 0)
        side_column.setSpacing(0)
        self._side_top = QWidget()  # as tall as the column headers: the scrollbar runs beside the text
        self._side_top.setFixedHeight(0)
        side_column.addWidget(self._side_top)
        side_column.addWidget(self._side, 1)
        view.addLayout(side_column)
        outer.addWidget(self._view, 1)
        self._legend = QWidget()
        self._legend.setObjectName("workspaceLegend")
        bottom = QHBoxLayout(self._legend)
        bottom.setContentsMargins(12, 6, 12, 8)
        bottom.setSpacing(12)
        self._chips = QWidget()
        self._chips.setAccessibleName("Legend")
        self._legend_layout = QHBoxLayout(self._chips)
        self._legend_layout.setContentsMargins(0, 0, 0, 0)
        self._legend_layout.setSpacing(6)
        bottom.addWidget(self._chips)
        self._selection_label = QLabel()
        self._selection_label.setObjectName("workspaceSelection")
        self._selection_label.setAccessibleName("Current selection")
        self._selection_label.setTextFormat(Qt.TextFormat.RichText)
        self._selection_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Two quoted passages and the hint do not fit beside the legend on a laptop: wrap, don't clip.
        self._selection_label.setWordWrap(True)
        self._selection_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(self._selection_label, 1)
        outer.addWidget(self._legend)
        self._view.hide()
        self._legend.hide()
        self._update_actions()

    # -- building ------------------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(text: str, shortcut: QKeySequence | str, slot: object, name: str) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            act.setObjectName(name)
            act.setToolTip(f"{text.replace('…', '')} ({QKeySequence(shortcut).toString()})")
            self.addAction(act)
            return act

        self.tag_action = action("Tag selection…", "Ctrl+T", self.request_tag, "tagSelection")
        self.accept_suggestion_action = action(
            "Accept suggestion", "Ctrl+Return", self.accept_current_suggestion, "acceptSuggestion"
        )
        self.next_suggestion_action = action("Next suggestion", "F8", self.next_suggestion, "nextSuggestion")
        self.previous_suggestion_action = action(
            "Previous suggestion", "Shift+F8", self.previous_suggestion, "previousSuggestion"
        )
        self.clear_selection_action = action("Clear selection", "Esc", self.clear_selection, "clearSelection")
        self.copy_quote_action = action(
            "Copy quote with source", "Ctrl+Shift+C", self.copy_quote_with_source, "copyQuoteWithSource"
        )

    def _make_toolbar(self) -> QWidget:
        # A QToolBar, not a row of buttons: when the window is narrow (a laptop with both side panels),
        # what does not fit goes behind its » button instead of widening the workspace or being clipped.
        bar = QToolBar("Comparison tools")
        bar.setObjectName("workspaceToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # (Its margins are in the style sheet: QToolBar resets its own on every change of style.)
        self._title = QLabel()
        self._title.setObjectName("workspaceTitle")
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self._title.setFont(font)
        self._title.setAccessibleName("Comparison title")
        self._title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._title.setMinimumWidth(120)
        # Without a title (the main window shows it above) the buttons line up on the left.
        self._title_action = bar.addWidget(self._title)
        self._tool_buttons: list[QToolButton] = []
        # What a user does most comes first: tag, then let go of the selection; the suggestions after.
        for act in (
            self.tag_action,
            self.clear_selection_action,
            self.previous_suggestion_action,
            self.next_suggestion_action,
            self.accept_suggestion_action,
        ):
            bar.addAction(act)
            button = bar.widgetForAction(act)
            assert isinstance(button, QToolButton)
            button.setAccessibleName(act.text().replace("…", ""))
            if act is self.tag_action:
                button.setObjectName("tagButton")
                button.setAutoRaise(False)
            self._tool_buttons.append(button)
        more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:
            more.setAccessibleName("More comparison tools")
            more.setToolTip("More tools: the ones that do not fit beside these")
        self._toolbar = bar
        return bar

    def focus_chain(self) -> list[QWidget]:
        """Tab order inside the workspace, as a reader goes: the buttons above, the columns left to right,
        then the legend's switches below."""
        chips = [w for w in self._chips.findChildren(QToolButton) if w.parent() is self._chips]
        return [*self._tool_buttons, *self._columns, *chips]

    def set_comparison(
        self,
        statements: Sequence[Statement],
        analysis: AnalysisLike | None,
        annotations: Sequence[Annotation] = (),
        tags: Sequence[Tag] = (),
        *,
        title: str = "",
    ) -> None:
        """Show a comparison: its statements in order, the engine's analysis of their texts (or None while
        it runs; call again when it lands), and the comparison's annotations with the project's tags."""
        statements = list(statements)[:MAX_COLUMNS]
        texts = [s.text for s in statements]
        analysed = getattr(analysis, "texts", None)
        if analysis is not None and (
            len(analysis.sentences) < len(statements)
            or (analysed is not None and list(analysed)[: len(texts)] != texts)
        ):
            analysis = None  # an analysis of other texts: show the statements plainly rather than wrongly
        # The same statements again (the analysis has landed, a tag was renamed): keep the user's place.
        same = [(s.id, s.text) for s in statements] == [(s.id, s.text) for s in self._statements]
        kept_picks = dict(self._picks) if same else {}
        kept_order = list(self._pick_order) if same else []
        kept_scroll = self._scrollbar.value() if same else 0
        self._statements = statements
        self._analysis = analysis
        self._title.setText(title)
        self._title_action.setVisible(bool(title))
        self._picks.clear()
        self._pick_order.clear()
        self._current = None
        self._hovered = None
        self.colours = palette_for(self.palette())
        for widget in (*self._columns, *self._headers):
            # Out of the tree at once (the old columns must not take part in this layout), deleted later
            # because this may run inside one of their own event handlers.
            widget.hide()
            self._grid.removeWidget(widget)
            widget.setParent(None)
            widget.deleteLater()
        self._columns, self._headers = [], []

        sentences = [
            tuple(analysis.sentences[i]) if analysis is not None else split_sentences(s.text)
            for i, s in enumerate(statements)
        ]
        counts = [len(segments(s.text, sentences[i])) for i, s in enumerate(statements)]
        self._rows = build_rows(counts, self._links(sentences, counts))
        self._highlights = collect_highlights(analysis, len(statements))
        font = self._reading_font()
        for i, statement in enumerate(statements):
            header = _ColumnHeader(i, statement)
            column = _ColumnText(self, i)
            column.setAccessibleName(f"Statement {COLUMN_LETTERS[i]}: {statement.speaker}")
            column.load(statement.text, sentences[i], self._rows, font)
            column.apply_highlights(self._visible(i), self.colours)
            column.verticalScrollBar().valueChanged.connect(self._scroll_to)
            column.verticalScrollBar().rangeChanged.connect(self._sync_range)
            # Statements sit in even grid columns; the odd ones between them are the gutters.
            self._grid.addWidget(header, 0, 2 * i)
            self._grid.addWidget(column, 1, 2 * i)
            self._grid.setColumnStretch(2 * i, 1)
            self._grid.setColumnMinimumWidth(2 * i + 1, GUTTER if i + 1 < len(statements) else 4)
            self._headers.append(header)
            self._columns.append(column)
        for i in range(2 * len(statements), 2 * MAX_COLUMNS + 2):
            self._grid.setColumnStretch(i, 0)
            if i > 2 * len(statements):
                self._grid.setColumnMinimumWidth(i, 0)
        self._update_min_widths()
        self._view.setVisible(bool(statements))
        self._legend.setVisible(bool(statements))
        self._empty.setVisible(not statements)
        self._apply_header_style()
        self._rebuild_legend()
        self.set_annotations(annotations, tags)
        self._relayout()
        self._picks, self._pick_order = kept_picks, kept_order
        for column in self._columns:
            self._update_extra_selections(column)
        self._scroll_to(min(kept_scroll, self._scrollbar.maximum()))
        self._update_selection_label()
        self._update_actions()
        self.rebuilt.emit()

    def _links(
        self, sentences: list[tuple[Span, ...]], counts: list[int]
    ) -> list[tuple[int, int, int, int, float]]:
        if self._analysis is None:
            return []
        links = []
        for alignment in self._analysis.alignments:
            left, right = int(alignment.left), int(alignment.right)
            if not (0 <= left < len(counts) and 0 <= right < len(counts)):
                continue
            a = sentence_index(sentences[left], alignment.a)
            b = sentence_index(sentences[right], alignment.b)
            if a is None or b is None:
                continue
            # Segments follow sentence starts; the first segment also holds any text before sentence 0.
            links.append((left, a, right, b, float(alignment.score)))
        return links

    def set_annotations(self, annotations: Sequence[Annotation], tags: Sequence[Tag] = ()) -> None:
        """Redraw the annotations (after an edit, an undo, a redo); the text and highlights stay."""
        self._annotations = list(annotations)
        if tags:
            self._tags = {t.name: t for t in tags}
        columns = {s.id: i for i, s in enumerate(self._statements)}
        connectors = []
        for annotation in self._annotations:
            # A span whose quote is no longer in its corrected statement has no place in the text: its
            # stored offsets now point at other words. It is left out (the panel flags it); the rest of
            # the annotation is drawn dashed.
            ends = tuple(
                (columns[t.statement_id], t.start, t.end)
                for t in annotation.targets
                if t.statement_id in columns and t.anchored
            )
            if not ends:
                continue
            connectors.append(
                Connector(
                    annotation.id,
                    ends,
                    self._annotation_colour(annotation).name(),
                    all(t.anchored for t in annotation.targets),
                    RELATION_MARKS.get(annotation.relation.value, "") if annotation.relation else "",
                )
            )
        self._connectors = connectors
        for column in self._columns:
            self._update_extra_selections(column)
        self._update_overview()
        self._layer.update()

    def _annotation_colour(self, annotation: Annotation) -> QColor:
        if annotation.verdict is not None:
            return self.colours.verdict_colour(annotation.verdict)
        for name in annotation.tags:
            if name in self._tags:
                return QColor(self._tags[name].colour)
        return QColor(self.colours.connector_default)

    def _apply_header_style(self) -> None:
        pal = self.palette()
        muted = pal.color(QPalette.ColorRole.PlaceholderText).name()
        accent = self.colours.selection_line
        self._body.setStyleSheet(
            f"#columnHeader {{ background: {pal.color(QPalette.ColorRole.Base).name()};"
            f" border-bottom: 1px solid {pal.color(QPalette.ColorRole.Mid).name()};"
            " border-top-left-radius: 6px; border-top-right-radius: 6px; }"
            f"#columnRole, #columnOccasion, #columnSource {{ color: {muted}; }}"
            f"#columnBadge {{ background: {accent}; color: {readable_text_on(QColor(accent)).name()};"
            " border-radius: 11px; font-weight: bold; }"
        )
        self._empty.setStyleSheet(f"color: {muted}; font-size: 14pt;")

    def _rebuild_legend(self) -> None:
        while self._legend_layout.count():
            item = self._legend_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from the widget tree now, deleted once control returns
                widget.deleteLater()
        present: dict[str, int] = {}
        for column in self._highlights:
            for h in column:
                key = h.kind if h.category == "contrast" else h.category
                present[key] = present.get(key, 0) + 1
        title = QLabel("Legend")
        title.setObjectName("legendTitle")
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        self._legend_layout.addWidget(title)
        colours = self.colours
        text = self.palette().color(QPalette.ColorRole.Text).name()
        hint = "Click to hide or show these highlights."
        entries: list[tuple[str, str, str, str, str, bool]] = []
        # Only the kinds in this comparison, with how many contrasts each: the legend is also a summary.
        for kind, swatch in colours.kinds.items():
            count = present.get(kind, 0) // 2
            if count:
                about = f"{swatch.label}: {swatch.about}." if swatch.about else swatch.label
                tip = f"{about}\n{count} contrasting phrase(s) in this comparison. {hint}"
                entries.append((kind, f"{swatch.label} {count}", swatch.fill, swatch.line, tip, False))
        if "common" in present:
            tip = f"Common ground: phrasing both statements share. {hint}"
            entries.append(("common", "Common ground", "transparent", colours.common_line, tip, True))
        for category in ("insert", "delete", "move"):
            if category in present:
                swatch = colours.diff[category]
                tip = f"Word diff of two versions: {swatch.label.lower()}. {hint}"
                entries.append((category, swatch.label, swatch.fill, swatch.line, tip, False))
        for key, label, fill, line, tip, dotted in entries:
            chip = _LegendChip(label, fill, line, text, tip, dotted)
            chip.setChecked(key not in self._hidden)
            chip.toggled.connect(lambda on, k=key: self.set_kind_visible(k, on))
            self._legend_layout.addWidget(chip)
        if not entries:
            muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
            if len(self._statements) < 2:
                said = "nothing to contrast in one statement"
            elif self._analysis is not None:
                said = "no contrasting phrasing found"
            else:
                said = "analysis pending…"
            none = QLabel(said)
            none.setStyleSheet(f"color: {muted};")
            self._legend_layout.addWidget(none)

    def set_kind_visible(self, kind: str, visible: bool) -> None:
        """Show or hide one kind of highlight ('negation' …, 'common', 'insert', 'delete', 'move')."""
        if visible == (kind not in self._hidden):
            return
        if visible:
            self._hidden.discard(kind)
        else:
            self._hidden.add(kind)
        self._reapply_highlights()
        self._update_overview()
        if self._current is not None and _key(self._current[1]) in self._hidden:
            self._current = None
        if self._hovered is not None and _key(self._hovered[1]) in self._hidden:
            self._hovered = None
        self._update_actions()
        self._layer.update()

    def hidden_kinds(self) -> set[str]:
        return set(self._hidden)

    def _visible(self, column: int) -> list[Highlight]:
        return [h for h in self._highlights[column] if _key(h) not in self._hidden]

    def _reapply_highlights(self) -> None:
        for i, column in enumerate(self._columns):
            cursor = QTextCursor(column.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.setCharFormat(QTextCharFormat())
            column.apply_highlights(self._visible(i), self.colours)

    # -- layout and scrolling ------------------------------------------------------------------

    def _schedule_relayout(self) -> None:
        self._relayout_timer.start()

    def _relayout(self) -> None:
        """Pad every row to the height of its tallest cell, so aligned sentences start on one line.

        The padding is each block's bottom margin (top margins stay 0: Qt collapses adjacent margins and
        ignores the first block's top margin, so bottom margins alone add up predictably).
        """
        if not self._columns:
            return
        docs = [c.document() for c in self._columns]
        for column, doc in zip(self._columns, docs, strict=True):
            doc.setTextWidth(max(40, column.viewport().width()))
        heights = [0.0] * len(self._rows)
        natural: list[list[float]] = []
        for doc in docs:
            own = []
            block = doc.begin()
            doc.documentLayout().blockBoundingRect(doc.lastBlock())  # lays the whole document out
            for r in range(len(self._rows)):
                h = _content_height(block)
                own.append(h)
                heights[r] = max(heights[r], h)
                block = block.next()
            natural.append(own)
        for column, doc, own in zip(self._columns, docs, natural, strict=True):
            cursor = QTextCursor(doc)
            cursor.beginEditBlock()  # one layout pass for all the rows, not one per row
            block = doc.begin()
            for r in range(len(self._rows)):
                bottom = ROW_GAP + heights[r] - own[r]
                fmt = block.blockFormat()
                if abs(fmt.bottomMargin() - bottom) > 0.25:
                    fmt.setBottomMargin(bottom)
                    cursor.setPosition(block.position())
                    cursor.setBlockFormat(fmt)
                block = block.next()
            cursor.endEditBlock()
            column.cache_row_tops()
        self._sync_range()
        self._place_layer()
        top = self._columns[0].mapTo(self._body, QPoint(0, 0)).y()
        if self._side_top.height() != top:
            self._side_top.setFixedHeight(max(0, top))
        self._update_overview()
        for column in self._columns:
            column.viewport().update()

    def _update_overview(self) -> None:
        """Recompute the overview's marks: one per highlighted row and per annotated span."""
        marks: list[tuple[float, float, QColor, bool]] = []
        if self._columns:
            view = self._columns[0]
            tops = view._row_tops
            # A statement shorter than the screen is drawn to the screen's scale, not stretched over it.
            total = max(
                1.0, view.document().documentLayout().documentSize().height(), float(view.viewport().height())
            )

            def extent(column: int, start: int) -> tuple[float, float] | None:
                row = self._columns[column].document().findBlock(self._columns[column].doc_position(start))
                r = row.blockNumber()
                if not 0 <= r < len(tops) - 1:
                    return None
                return tops[r] / total, tops[r + 1] / total

            for c in range(len(self._columns)):
                for h in self._visible(c):
                    if h.category == "common":
                        continue
                    swatch = (
                        self.colours.kind(h.kind)
                        if h.category == "contrast"
                        else self.colours.diff[h.category]
                    )
                    found = extent(c, h.start)
                    if found:
                        marks.append((*found, swatch.line_colour, False))
            for connector in self._connectors:
                for c, start, _end in connector.ends:
                    found = extent(c, start)
                    if found:
                        marks.append((*found, QColor(connector.colour), True))
        self._overview.marks = marks
        self._overview.update()

    def overview_marks(self) -> int:
        """How many marks the overview beside the scrollbar shows (for tests)."""
        return len(self._overview.marks)

    def _sync_range(self) -> None:
        if not self._columns:
            return
        bar = self._columns[0].verticalScrollBar()
        maximum = max(c.verticalScrollBar().maximum() for c in self._columns)
        self._scrollbar.setRange(0, maximum)
        # A map of what is all on screen anyway is noise. Shown or hidden after this event: this runs while
        # the grid lays the columns out (a column's reflow changes its range), and a child appearing in the
        # middle of that left the columns after it where they were.
        self._overview_timer.start()
        self._scrollbar.setPageStep(bar.pageStep())
        self._scrollbar.setSingleStep(bar.singleStep())

    def _show_overview_if_useful(self) -> None:
        self._overview.setVisible(self._scrollbar.maximum() > 0)

    def _scroll_to(self, value: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            for column in self._columns:
                column.verticalScrollBar().setValue(value)
            self._scrollbar.setValue(value)
        finally:
            self._syncing = False
        self._layer.update()
        self._overview.update()

    def zoom(self, steps: int) -> None:
        """Make the statements' text larger (steps > 0) or smaller, in every column alike."""
        self._zoom = max(-4, min(8, self._zoom + steps))
        font = self._reading_font()
        for column in self._columns:
            column.document().setDefaultFont(font)
        self._update_min_widths()
        self._relayout()

    def _update_min_widths(self) -> None:
        """Give every column the width of twelve average characters, or of the statements' longest word
        (up to eighteen characters) when that is wider, so no word breaks in two."""
        metrics = QFontMetricsF(self._reading_font())
        average = metrics.averageCharWidth()
        words = {w for s in self._statements for w in s.text.split()}
        longest = max(
            (metrics.horizontalAdvance(w[:MAX_WORD_CHARS]) for w in sorted(words, key=len)[-40:]), default=0.0
        )
        text_width = max(average * MIN_COLUMN_CHARS, longest)
        # The document's margins on both sides, and a pixel or two for rounding of the glyph advances.
        width = math.ceil(text_width + 2 * DOCUMENT_MARGIN + 4)
        self._min_column_width = width
        for column, header in zip(self._columns, self._headers, strict=True):
            column.setMinimumWidth(width)
            header.setMinimumWidth(width)

    def column_minimum_width(self) -> int:
        """The narrowest a statement column gets (it scrolls sideways rather than go narrower)."""
        return self._min_column_width

    def minimum_columns_width(self) -> int:
        """The width the workspace needs to show every column at its minimum width without scrolling."""
        if not self._columns:
            return 0
        margins = self._grid.contentsMargins()
        columns = len(self._columns)
        side = self._side.sizeHint().width() + 4
        return (
            margins.left()
            + margins.right()
            + columns * self._min_column_width
            + (columns - 1) * GUTTER
            + 4
            + side
        )

    def column_views(self) -> list[_ColumnText]:
        """The statement columns, left to right (their text views)."""
        return list(self._columns)

    def column_widths(self) -> list[int]:
        """Each statement column's width on screen, in pixels (its text area)."""
        return [c.viewport().width() for c in self._columns]

    def scrolls_sideways(self) -> bool:
        """The columns are wider than the workspace and scroll horizontally."""
        return self._scroller.horizontalScrollBar().maximum() > 0

    def _reading_font(self) -> QFont:
        font = _reading_font(self.font())
        font.setPointSizeF(font.pointSizeF() * (1.1**self._zoom))
        return font

    def scroll_value(self) -> int:
        return self._scrollbar.value()

    def _place_layer(self) -> None:
        self._layer.setGeometry(self._body.rect())
        self._layer.raise_()
        self._layer.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._body and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place_layer()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and palette_for(self.palette()) is not self.colours:
            self._recolour()

    def _recolour(self) -> None:
        """A switch between light and dark themes: re-colour highlights, legend and connectors in place."""
        self.colours = palette_for(self.palette())
        self._reapply_highlights()
        self._apply_header_style()
        self._rebuild_legend()
        self.set_annotations(self._annotations)
        self.rebuilt.emit()

    # -- selection -----------------------------------------------------------------------------

    def select_span(self, column: int, start: int, end: int) -> None:
        """Select a span of a column's statement, as the user would by dragging (code point offsets)."""
        self._columns[column].select_span(start, end)

    def _picked(self, column: int, span: Span) -> None:
        self._picks[column] = span
        if column in self._pick_order:
            self._pick_order.remove(column)
        self._pick_order.append(column)
        for stale in self._pick_order[:-2]:
            # A third column was used: the oldest pick is dropped, and its column's selection with it.
            self._picks.pop(stale, None)
            view = self._columns[stale]
            cursor = view.textCursor()
            if cursor.hasSelection():
                cursor.clearSelection()
                view.setTextCursor(cursor)
            self._update_extra_selections(view)
        self._pick_order = self._pick_order[-2:]
        self._update_extra_selections(self._columns[column])
        self._update_selection_label()
        self._update_actions()
        self.selection_changed.emit()

    def selection(self) -> list[TargetSpec]:
        """The current selection: the last span selected in each of the (at most two) last columns used."""
        return [
            TargetSpec(self._statements[c].id, *self._picks[c])
            for c in sorted(self._pick_order)
            if c in self._picks
        ]

    def clear_selection(self) -> None:
        self._picks.clear()
        self._pick_order.clear()
        for column in self._columns:
            cursor = column.textCursor()
            cursor.clearSelection()
            column.setTextCursor(cursor)
            self._update_extra_selections(column)
        self._update_selection_label()
        self._update_actions()
        self.selection_changed.emit()

    def quote_with_source(self, column: int | None = None) -> str:
        """The last selected passage (of `column`, else the latest pick) as a reporter would cite it."""
        if column is None:
            column = self._pick_order[-1] if self._pick_order else None
        if column is None or column not in self._picks:
            return ""
        statement = self._statements[column]
        start, end = self._picks[column]
        quote = " ".join(statement.text[start:end].split())
        who = ", ".join(p for p in (statement.speaker, statement.role) if p)
        when = ", ".join(p for p in (_date_text(statement), statement.occasion) if p)
        cite = f"“{quote}” — {who}"
        if when:
            cite += f" ({when})"
        if statement.source_title:
            cite += f". Source: {statement.source_title}"
        return cite

    def copy_quote_with_source(self) -> None:
        text = self.quote_with_source()
        if text:
            QGuiApplication.clipboard().setText(text)

    def request_tag(self) -> None:
        targets = self.selection()
        if targets:
            self.tag_requested.emit(targets)

    def _update_selection_label(self) -> None:
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        parts = []
        for c in sorted(self._pick_order):
            if c in self._picks:
                start, end = self._picks[c]
                quote = shorten(self._statements[c].text[start:end], 38)
                parts.append(f"<b>{COLUMN_LETTERS[c]}</b> “{_escape(quote)}”")
        if parts:
            if len(parts) > 1:
                action = "tag the pair"
            elif len(self._statements) > 1:
                action = "note it, or select in another column"
            else:
                action = "note it"
            self._selection_label.setText(
                "Selected: " + " ↔ ".join(parts) + f" <span style='color:{muted}'>· Ctrl+T to {action}</span>"
            )
        elif len(self._statements) == 1:
            self._selection_label.setText(
                f"<span style='color:{muted}'>Drag a second statement here to compare · "
                "select a passage, then Ctrl+T to note it</span>"
            )
        elif self._statements:
            self._selection_label.setText(
                f"<span style='color:{muted}'>Hover a highlight for its reason · "
                "select a passage in two columns, then Ctrl+T</span>"
            )
        else:
            self._selection_label.setText("")

    def _update_extra_selections(self, column: _ColumnText) -> None:
        extras = []
        span = self._picks.get(column.column)
        if span is not None:
            extra = QTextEdit.ExtraSelection()
            cursor = QTextCursor(column.document())
            column._select(cursor, *span)
            extra.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(self.colours.selection_fill))
            fmt.setProperty(QTextFormat.Property.OutlinePen, QPen(QColor(self.colours.selection_line)))
            extra.format = fmt
            extras.append(extra)
        column.setExtraSelections(extras)

    def _update_actions(self) -> None:
        self.tag_action.setEnabled(bool(self._picks))
        self.clear_selection_action.setEnabled(bool(self._picks))
        self.copy_quote_action.setEnabled(bool(self._picks))
        has_suggestions = bool(self.suggestions())
        self.next_suggestion_action.setEnabled(has_suggestions)
        self.previous_suggestion_action.setEnabled(has_suggestions)
        self.accept_suggestion_action.setEnabled(self._current is not None or self._hovered is not None)

    # -- suggestions ---------------------------------------------------------------------------

    def highlights(self, column: int) -> list[tuple[int, int, str]]:
        """The highlighted spans of a column: (start, end, kind); kind is a contrast kind, 'common',
        or for versions 'insert', 'delete', 'move'."""
        return [(h.start, h.end, h.kind) for h in self._visible(column)]

    def suggestions(self) -> list[tuple[int, Highlight]]:
        """Contrast suggestions in reading order, one per pair (from its left column)."""
        found: list[tuple[int, Highlight]] = []
        if len(self._columns) != len(self._highlights):
            return found  # between two comparisons
        for c in range(len(self._highlights)):
            for h in self._visible(c):
                if h.category == "contrast" and h.partner is not None and h.partner > c:
                    found.append((c, h))
        return sorted(found, key=lambda item: (self._columns[item[0]].doc_position(item[1].start), item[0]))

    def current_suggestion(self) -> object | None:
        """The ContrastPair that Ctrl+Return would accept: the one under the mouse, else the one picked."""
        chosen = self._hovered or self._current
        return chosen[1].pair if chosen else None

    def accept_current_suggestion(self) -> None:
        pair = self.current_suggestion()
        if pair is not None:
            self.suggestion_accepted.emit(pair)

    def next_suggestion(self) -> None:
        self._step_suggestion(1)

    def previous_suggestion(self) -> None:
        self._step_suggestion(-1)

    def _step_suggestion(self, step: int) -> None:
        found = self.suggestions()
        if not found:
            return
        index = -1 if step > 0 else 0
        if self._current is not None:
            for i, item in enumerate(found):
                if item[1] is self._current[1]:
                    index = i
                    break
        self._set_current(found[(index + step) % len(found)])

    def _set_current(self, item: tuple[int, Highlight] | None) -> None:
        self._current = item
        if item is not None:
            column, h = item
            ends = [(column, h.start, h.end)]
            if h.partner is not None and h.partner_span is not None:
                ends.append((h.partner, *h.partner_span))
            self._reveal(*ends)
        self._update_actions()
        self._layer.update()

    def _hover(self, column: int, offset: int | None) -> None:
        found = [h for h in self._columns[column].highlights_at(offset) if h.category == "contrast"]
        hovered = (column, found[-1]) if found else None
        if hovered != self._hovered:
            self._hovered = hovered
            self._update_actions()
            self._layer.update()

    def _clicked(self, column: int, offset: int | None) -> None:
        if not 0 <= column < len(self._columns):
            return  # a column still being built
        found = [h for h in self._columns[column].highlights_at(offset) if h.category == "contrast"]
        current = (column, found[-1]) if found else None
        if current != self._current:
            # The caret or a click left the suggestion: it is no longer the one Enter would accept.
            self._current = current
            self._update_actions()
            self._layer.update()

    def tooltip_at(self, column: int, offset: int | None) -> str:
        """What hovering a column at a statement offset shows: each highlight's kind, reason and partner."""
        if offset is None:
            return ""
        parts = []
        for h in self._columns[column].highlights_at(offset):
            other = ""
            if h.partner is not None and h.partner_span is not None:
                quote = self._statements[h.partner].text[h.partner_span[0] : h.partner_span[1]]
                other = f"<br>↔ <b>{COLUMN_LETTERS[h.partner]}</b> “{_escape(shorten(quote, 60))}”"
            if h.category == "contrast":
                swatch = self.colours.kind(h.kind)
                colour, label = swatch.line, swatch.label
            elif h.category == "common":
                colour, label = self.colours.common_line, "Common ground"
            else:
                swatch = self.colours.diff[h.category]
                colour, label = swatch.line, swatch.label
            hint = "<br><i>Ctrl+Return: make it an annotation</i>" if h.category == "contrast" else ""
            parts.append(
                f"<p style='margin:0'><b style='color:{colour}'>■ {label}</b> {_escape(h.reason)}{other}{hint}</p>"
            )
        annotation_id = self._annotation_at(column, offset)
        if annotation_id is not None:
            annotation = next(a for a in self._annotations if a.id == annotation_id)
            head = " · ".join(
                x
                for x in (
                    annotation.relation.label.capitalize() if annotation.relation else "",
                    annotation.verdict.label if annotation.verdict else "",
                    ", ".join(annotation.tags),
                )
                if x
            )
            note = _escape(shorten(annotation.note, 140)) if annotation.note else ""
            parts.append(f"<p style='margin:0'><b>Annotation</b> {_escape(head)}<br>{note}</p>")
        return "<hr>".join(parts)

    def _extend_menu(self, menu: QMenu, column: int, offset: int | None) -> None:
        menu.addSeparator()
        found = [h for h in self._columns[column].highlights_at(offset) if h.category == "contrast"]
        for h in found:
            label = self.colours.kind(h.kind).label
            quote = shorten(self._statements[column].text[h.start : h.end], 30)
            act = menu.addAction(f"Accept suggestion: {label} “{quote}”")
            act.triggered.connect(lambda _=False, pair=h.pair: self.suggestion_accepted.emit(pair))
        menu.addAction(self.tag_action)
        if column in self._picks:
            menu.addAction(self.copy_quote_action)
        annotation_id = self._annotation_at(column, offset)
        if annotation_id is not None:
            act = menu.addAction("Show annotation")
            act.triggered.connect(lambda _=False, a=annotation_id: self.annotation_activated.emit(a))

    # -- annotations ---------------------------------------------------------------------------

    def connectors(self) -> list[Connector]:
        """The annotations drawn in this comparison: links across columns and single-span markers."""
        return list(self._connectors)

    def connector_count(self) -> int:
        """How many connectors link spans across columns."""
        return sum(1 for c in self._connectors if c.is_link)

    def _annotation_at(self, column: int, offset: int | None) -> int | None:
        if offset is None:
            return None
        for connector in reversed(self._connectors):
            for c, start, end in connector.ends:
                if c == column and start <= offset < end:
                    return connector.annotation_id
        return None

    def reveal_annotation(self, annotation_id: int) -> None:
        """Scroll the annotation's spans into view and flash them."""
        connector = next((c for c in self._connectors if c.annotation_id == annotation_id), None)
        if connector is None:
            return
        self._reveal(*connector.ends)
        self._flash = annotation_id
        self._flash_timer.start()
        self._layer.update()

    def flashing_annotation(self) -> int | None:
        return self._flash

    def _end_flash(self) -> None:
        self._flash = None
        self._layer.update()

    def _reveal(self, *spans: tuple[int, int, int]) -> None:
        """Scroll so the spans (column, start, end) are in view: all of them when they fit one screen,
        else the first, a third of the way down."""
        tops, bottoms = [], []
        for column, start, end in spans:
            view = self._columns[column]
            layout = view.document().documentLayout()
            first = layout.blockBoundingRect(view.document().findBlock(view.doc_position(start)))
            last = layout.blockBoundingRect(view.document().findBlock(view.doc_position(end)))
            tops.append(first.top())
            bottoms.append(last.bottom())
        if not tops:
            return
        height = self._columns[0].viewport().height()
        if max(bottoms) - min(tops) < height * 0.9:
            target = (min(tops) + max(bottoms)) / 2 - height / 2
        else:
            target = tops[0] - height / 3
        self._scroll_to(max(0, min(int(target), self._scrollbar.maximum())))

    # -- painting the layer ---------------------------------------------------------------------

    def _viewport_rect(self, column: _ColumnText, layer: QWidget) -> QRectF:
        top_left = column.viewport().mapTo(self._body, QPoint(0, 0))  # the layer covers the body
        return QRectF(QPointF(top_left), column.viewport().size().toSizeF())

    def _paint_layer(self, layer: QWidget) -> None:
        if not self._columns:
            return
        painter = QPainter(layer)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        views = [self._viewport_rect(c, layer) for c in self._columns]
        area = QRectF(views[0].left(), views[0].top(), views[-1].right() - views[0].left(), views[0].height())
        painter.setClipRect(area)
        text_region = QRegion()
        for rect in views:
            text_region = text_region.united(QRegion(rect.toAlignedRect()))
        gutters = QRegion(area.toAlignedRect()).subtracted(text_region)

        for connector in self._connectors:
            self._paint_connector(painter, connector, views, gutters)
        for item in (self._current, self._hovered):
            if item is not None:
                self._paint_suggestion(painter, item, views, gutters)
        painter.end()

    def _rects(self, column: int, start: int, end: int, views: list[QRectF]) -> list[QRectF]:
        return [r.translated(views[column].topLeft()) for r in self._columns[column].span_rects(start, end)]

    def _paint_connector(
        self, painter: QPainter, connector: Connector, views: list[QRectF], gutters: QRegion
    ) -> None:
        colour = QColor(connector.colour)
        flashing = connector.annotation_id == self._flash
        pen = QPen(colour, 2.4 if flashing else 1.6)
        if not connector.anchored:
            pen.setStyle(Qt.PenStyle.DashLine)
        if flashing:
            # A stronger tint for a moment, so the revealed annotation stands out; like every mark drawn
            # over the text, it keeps to the span's own characters and lets them show through.
            halo = QColor(colour)
            halo.setAlphaF(0.30)
            for column, start, end in connector.ends:
                for rect in self._rects(column, start, end, views):
                    painter.fillRect(rect, halo)
        ends = self._paint_ends(
            painter, connector.ends, views, pen, 0.30 if flashing else 0.10, connector.is_link
        )
        if not connector.is_link:
            if ends:
                # A single span: a marker in the margin beside its lines.
                column, top, bottom = ends[0]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(QRectF(views[column].left() - 7, top + 2, 4, bottom - top - 4), 2, 2)
            return
        fill = QColor(colour)
        fill.setAlphaF(0.45 if flashing else 0.25)
        self._paint_links(painter, ends, views, gutters, pen, fill)
        if connector.mark and len(ends) > 1:
            # The relation's sign on the link, in the first gutter it crosses.
            (ca, ta, ba), (cb, tb, bb) = ends[0], ends[1]
            if ca != cb:
                centre = badge_centre(link_segments(ca, ta, ba, cb, tb, bb, views)[0])
                radius = 9.0
                painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1.5))
                painter.setBrush(colour)
                painter.drawEllipse(centre, radius, radius)
                font = QFont(self.font())
                font.setBold(True)
                painter.setFont(font)
                painter.setPen(readable_text_on(colour))
                painter.drawText(
                    QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                    Qt.AlignmentFlag.AlignCenter,
                    connector.mark,
                )

    def _paint_ends(
        self,
        painter: QPainter,
        spans: Sequence[tuple[int, int, int]],
        views: list[QRectF],
        pen: QPen,
        alpha: float,
        boxed: bool,
    ) -> list[tuple[int, float, float]]:
        """Outline (or underline) each span; return each end's column and vertical extent."""
        ends = []
        fill = QColor(pen.color())
        fill.setAlphaF(alpha)
        for column, start, end in spans:
            rects = self._rects(column, start, end, views)
            if not rects:
                continue
            edge = QPen(pen)
            edge.setCapStyle(Qt.PenCapStyle.FlatCap)  # a square cap would reach past the span's ends
            painter.setPen(edge)
            for rect in rects:
                for line in span_outline(rect, pen.widthF(), boxed):
                    painter.drawLine(line)
                if alpha:
                    painter.fillRect(rect, fill)
            ends.append((column, min(r.top() for r in rects), max(r.bottom() for r in rects)))
        return sorted(ends)

    def _paint_links(
        self,
        painter: QPainter,
        ends: list[tuple[int, float, float]],
        views: list[QRectF],
        gutters: QRegion,
        pen: QPen,
        fill: QColor | None,
    ) -> None:
        """Join span ends in column order with a band in each gutter (Meld's look). A link that skips a
        column passes behind it: its band goes from gutter to gutter, and nothing is drawn over the text of
        the column between (a dashed line across it ran through the words)."""
        for (ca, ta, ba), (cb, tb, bb) in itertools.pairwise(ends):
            if ca == cb:
                continue
            painter.save()
            painter.setClipRegion(gutters, Qt.ClipOperation.IntersectClip)
            painter.setPen(pen)
            for xa, top_a, bottom_a, xb, top_b, bottom_b in link_segments(ca, ta, ba, cb, tb, bb, views):
                mid = (xa + xb) / 2
                if fill is not None:
                    band = QPainterPath(QPointF(xa, top_a))
                    band.cubicTo(QPointF(mid, top_a), QPointF(mid, top_b), QPointF(xb, top_b))
                    band.lineTo(QPointF(xb, bottom_b))
                    band.cubicTo(QPointF(mid, bottom_b), QPointF(mid, bottom_a), QPointF(xa, bottom_a))
                    band.closeSubpath()
                    painter.setBrush(fill)
                    painter.drawPath(band)
                else:
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawPath(_curve(xa, (top_a + bottom_a) / 2, xb, (top_b + bottom_b) / 2))
            painter.restore()

    def _paint_suggestion(
        self, painter: QPainter, item: tuple[int, Highlight], views: list[QRectF], gutters: QRegion
    ) -> None:
        """The suggestion under the mouse or picked with F8: its two spans boxed, joined by a dashed curve."""
        column, h = item
        if h.partner is None or h.partner_span is None:
            return
        pen = QPen(self.colours.kind(h.kind).line_colour, 1.6, Qt.PenStyle.DashLine)
        spans = [(column, h.start, h.end), (h.partner, *h.partner_span)]
        ends = self._paint_ends(painter, spans, views, pen, 0.0, True)
        if len(ends) == 2:
            self._paint_links(painter, ends, views, gutters, pen, None)


def span_outline(rect: QRectF, pen_width: float, boxed: bool) -> list[QLineF]:
    """The lines that mark one line box of a span: a rule above and below its text (boxed) or below only.

    The quotation is the evidence: nothing may be drawn over a character next to the span. A box widened
    by a few pixels, with sides, covered the opening quote mark before "Please" and the full stop after
    "rough"; the rules here run exactly from the span's first to its last character, flat-capped, inside
    the line's leading (the 135% line height leaves room above and below the glyphs)."""
    half = pen_width / 2
    bottom = QLineF(rect.left(), rect.bottom() + half, rect.right(), rect.bottom() + half)
    if not boxed:
        return [bottom]
    return [QLineF(rect.left(), rect.top() - half, rect.right(), rect.top() - half), bottom]


LinkPiece = tuple[float, float, float, float, float, float]


def link_segments(
    ca: int, ta: float, ba: float, cb: int, tb: float, bb: float, views: Sequence[QRectF]
) -> list[LinkPiece]:
    """The gutter pieces of a link from column ca (span from ta to ba) to column cb: for each gutter it
    crosses, (left x, top, bottom, right x, top, bottom). Its height moves evenly from one end to the other,
    gutter by gutter, and it passes behind the columns between."""
    pieces = []
    steps = cb - ca
    for k in range(ca, cb):
        f0, f1 = (k - ca) / steps, (k + 1 - ca) / steps
        pieces.append(
            (
                views[k].right(),
                ta + (tb - ta) * f0,
                ba + (bb - ba) * f0,
                views[k + 1].left(),
                ta + (tb - ta) * f1,
                ba + (bb - ba) * f1,
            )
        )
    return pieces


def badge_centre(piece: LinkPiece) -> QPointF:
    """Where the relation's sign sits: the middle of a band in its gutter, on the band (a cubic whose
    control points lie half way is at the mean of its two ends' heights there)."""
    xa, top_a, bottom_a, xb, top_b, bottom_b = piece
    return QPointF((xa + xb) / 2, (top_a + bottom_a + top_b + bottom_b) / 4)


def _curve(xa: float, ya: float, xb: float, yb: float) -> QPainterPath:
    path = QPainterPath(QPointF(xa, ya))
    mid = (xa + xb) / 2
    path.cubicTo(QPointF(mid, ya), QPointF(mid, yb), QPointF(xb, yb))
    return path


def _key(h: Highlight) -> str:
    """The legend entry a highlight belongs to: its contrast kind, or common/insert/delete/move."""
    return h.kind if h.category == "contrast" else h.category


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["ComparisonWorkspace", "Connector"]
