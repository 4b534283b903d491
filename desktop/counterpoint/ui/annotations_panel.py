"""The annotations panel: the open comparison's annotations as cards; a click brings them into view."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from counterpoint.store.model import Annotation, Relation, Statement, Tag, Verdict
from counterpoint.ui.annotations_model import AnnotationsModel, QuoteLine, Roles
from counterpoint.ui.palette import palette_for, readable_text_on

PAD = 10
GAP = 4
RELATION_MARKS = {"contradicts": "≠", "walks_back": "↩", "clarifies": "≈", "consistent_with": "="}


class AnnotationCardDelegate(QStyledItemDelegate):
    """Paints an annotation as a card: verdict and relation, the quotes, tag chips, the note."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        return base, bold, small

    def _lines(self, index: QModelIndex | QPersistentModelIndex) -> tuple[int, bool, bool, bool]:
        quotes = len(index.data(Roles.QUOTES) or [])
        return (
            quotes,
            bool(index.data(Roles.TAGS)),
            bool(index.data(Roles.NOTE)),
            bool(index.data(Roles.UNANCHORED)),
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base, _bold, small = self._fonts(option)
        line = QFontMetrics(base).height()
        small_line = QFontMetrics(small).height()
        quotes, tags, note, unanchored = self._lines(index)
        height = PAD * 2 + line + GAP  # verdict row
        height += quotes * (line + 2)
        height += (small_line + 6 + GAP) if tags else 0
        height += (small_line + GAP) if note else 0
        height += (small_line + GAP) if unanchored else 0
        return QSize(200, height + 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        palette: QPalette = option.palette
        colours = palette_for(palette)
        base, bold, small = self._fonts(option)
        rect: QRect = option.rect.adjusted(6, 3, -6, -3)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        card = QColor(palette.color(QPalette.ColorRole.Base))
        border = QColor(palette.color(QPalette.ColorRole.Mid))
        if selected:
            border = QColor(colours.selection_line)
            card = QColor(colours.selection_fill) if not colours.dark else card.lighter(130)
        elif hovered:
            border = border.darker(120)
        painter.setPen(QPen(border, 1.5 if selected else 1))
        painter.setBrush(card)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)

        verdict = index.data(Roles.VERDICT) or ""
        stripe = colours.verdict_colour(verdict or None)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stripe)
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 5, rect.height()), 3, 3)

        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        x = rect.left() + PAD + 4
        right = rect.right() - PAD
        y = rect.top() + PAD
        line = QFontMetrics(base).height()
        small_line = QFontMetrics(small).height()

        # Verdict pill, then the relation.
        if verdict:
            label = Verdict(verdict).label
            painter.setFont(bold)
            width = QFontMetrics(bold).horizontalAdvance(label) + 14
            pill = QRectF(x, y, width, line)
            painter.setBrush(stripe)
            painter.drawRoundedRect(pill, line / 2, line / 2)
            painter.setPen(readable_text_on(stripe))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
            x_rel = x + width + 8
        else:
            x_rel = x
        relation = index.data(Roles.RELATION) or ""
        painter.setFont(base)
        painter.setPen(text if relation else muted)
        relation_text = (
            f"{RELATION_MARKS.get(relation, '')} {Relation(relation).label}"
            if relation
            else "Note on one passage"
        )
        if index.data(Roles.ORIGIN) == "engine":
            kind = index.data(Roles.KIND)
            relation_text += f"  · from a {kind} suggestion" if kind else "  · from a suggestion"
        relation_text = QFontMetrics(base).elidedText(
            relation_text, Qt.TextElideMode.ElideRight, int(right - x_rel)
        )
        painter.drawText(
            QRectF(x_rel, y, right - x_rel, line),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            relation_text,
        )
        y += line + GAP

        # The quotes, one line each, with the column letter the workspace shows.
        quotes: list[QuoteLine] = index.data(Roles.QUOTES) or []
        for quote in quotes:
            painter.setFont(bold)
            painter.setPen(QColor(colours.selection_line))
            painter.drawText(QRectF(x, y, 16, line), Qt.AlignmentFlag.AlignVCenter, quote.letter)
            metrics = QFontMetrics(base)
            speaker = metrics.elidedText(quote.speaker, Qt.TextElideMode.ElideRight, int((right - x) * 0.4))
            speaker_width = metrics.horizontalAdvance(speaker)
            painter.setFont(base)
            painter.setPen(muted)
            painter.drawText(
                QRectF(right - speaker_width, y, speaker_width, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                speaker,
            )
            body = ("⚠ " if not quote.anchored else "") + f"“{quote.quote}”"
            room = int(right - x - 18 - speaker_width - 8)
            elided = metrics.elidedText(body, Qt.TextElideMode.ElideRight, room)
            font = QFont(base)
            font.setStrikeOut(not quote.anchored)
            painter.setFont(font)
            painter.setPen(text if quote.anchored else muted)
            painter.drawText(QRectF(x + 18, y, room, line), Qt.AlignmentFlag.AlignVCenter, elided)
            y += line + 2

        # Tag chips in their colours.
        tags: list[tuple[str, str]] = index.data(Roles.TAGS) or []
        if tags:
            y += 2
            cx = x
            painter.setFont(small)
            metrics = QFontMetrics(small)
            for name, colour in tags:
                width = metrics.horizontalAdvance(name) + 14
                if cx + width > right and cx > x:
                    break
                chip = QRectF(cx, y, width, small_line + 4)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(colour))
                painter.drawRoundedRect(chip, 4, 4)
                painter.setPen(readable_text_on(QColor(colour)))
                painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, name)
                cx += width + 5
            y += small_line + 4 + GAP

        note = index.data(Roles.NOTE) or ""
        if note:
            painter.setFont(small)
            painter.setPen(muted)
            elided = QFontMetrics(small).elidedText(note, Qt.TextElideMode.ElideRight, int(right - x))
            painter.drawText(QRectF(x, y, right - x, small_line), Qt.AlignmentFlag.AlignVCenter, elided)
            y += small_line + GAP

        unanchored = int(index.data(Roles.UNANCHORED) or 0)
        if unanchored:
            painter.setFont(small)
            painter.setPen(colours.verdict_colour("contradiction"))
            message = (
                "⚠ Quote no longer found in its statement"
                if unanchored == 1
                else f"⚠ {unanchored} quotes no longer found in their statements"
            )
            message = QFontMetrics(small).elidedText(message, Qt.TextElideMode.ElideRight, int(right - x))
            painter.drawText(QRectF(x, y, right - x, small_line), Qt.AlignmentFlag.AlignVCenter, message)
        painter.restore()


class AnnotationsPanel(QWidget):
    """The comparison's annotations. A click reveals one in the workspace; edit and delete are requests
    the main window turns into undoable commands."""

    annotation_activated = Signal(int)
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Annotations")
        self.model = AnnotationsModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # The count and the buttons: hidden while there is nothing to count or act on, as the dock's
        # title already says "Annotations" (the panel said it twice over an empty list).
        self._head = QWidget()
        top = QHBoxLayout(self._head)
        top.setContentsMargins(10, 8, 8, 0)
        self._title = QLabel("Annotations")
        font = self._title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self._title.setFont(font)
        top.addWidget(self._title, 1)
        self._edit = QToolButton()
        self._edit.setText("Edit…")
        self._edit.setAccessibleName("Edit annotation")
        self._edit.setToolTip("Edit the selected annotation (Enter)")
        self._edit.clicked.connect(self._request_edit)
        self._delete = QToolButton()
        self._delete.setText("Delete")
        self._delete.setAccessibleName("Delete annotation")
        self._delete.setToolTip("Delete the selected annotation (Delete)")
        self._delete.clicked.connect(self._request_delete)
        top.addWidget(self._edit)
        top.addWidget(self._delete)
        layout.addWidget(self._head)
        # The dock already says "Annotations": the line under it says what the verdicts add up to.
        self._summary = QLabel()
        self._summary.setObjectName("hint")
        self._summary.setWordWrap(True)
        self._summary.setContentsMargins(10, 0, 8, 2)
        self._summary.setAccessibleName("Verdicts in this comparison")
        layout.addWidget(self._summary)
        self.view = QListView()
        self.view.setAccessibleName("Annotation list")
        self.view.setModel(self.model)
        self.view.setItemDelegate(AnnotationCardDelegate(self.view))
        self.view.setMouseTracking(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSpacing(1)
        self.view.setUniformItemSizes(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.clicked.connect(self._clicked)
        self.view.doubleClicked.connect(
            lambda index: self.edit_requested.emit(self.model.annotation_id(index.row()))
        )
        self.view.installEventFilter(self)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.view, 1)
        self._empty = QLabel(
            "No annotations yet.\nSelect a passage in one column and one in another, then press Ctrl+T."
        )
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._empty.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self._empty)
        self.set_annotations([], [])

    def set_annotations(
        self, annotations: Sequence[Annotation], statements: Sequence[Statement], tags: Sequence[Tag] = ()
    ) -> None:
        """Show a comparison's annotations; `statements` in column order, `tags` for the chip colours."""
        current = self.current_annotation()
        self.model.set_annotations(annotations, statements, tags)
        count = len(annotations)
        self._title.setText(f"{count} annotation{'s' if count != 1 else ''}")
        self._head.setVisible(bool(count))
        self._summary.setText(verdict_summary(annotations))
        self._summary.setVisible(bool(count))
        self.view.setVisible(bool(count))
        self._empty.setVisible(not count)
        self._empty.setStyleSheet(
            f"color: {self.palette().color(QPalette.ColorRole.PlaceholderText).name()};"
        )
        if current is not None:
            self.select_annotation(current)
        self._update_buttons()

    def select_annotation(self, annotation_id: int) -> None:
        row = self.model.row_of(annotation_id)
        if row is not None:
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self._update_buttons()

    def current_annotation(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.annotation_id(index.row()) if index.isValid() else None

    def _clicked(self, index: QModelIndex) -> None:
        self._update_buttons()
        self.annotation_activated.emit(self.model.annotation_id(index.row()))

    def activate_row(self, row: int) -> None:
        """Select a row and bring its annotation into view, as a click does."""
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self._clicked(index)

    def _request_edit(self) -> None:
        current = self.current_annotation()
        if current is not None:
            self.edit_requested.emit(current)

    def _request_delete(self) -> None:
        current = self.current_annotation()
        if current is not None:
            self.delete_requested.emit(current)

    def focus_chain(self) -> list[QWidget]:
        """Tab order inside the panel: the list first (arrows move in it), then what acts on its selection."""
        return [self.view, self._edit, self._delete]

    def _update_buttons(self) -> None:
        has = self.current_annotation() is not None
        self._edit.setEnabled(has)
        self._delete.setEnabled(has)

    def _menu(self, point: Any) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        annotation_id = self.model.annotation_id(index.row())
        menu = QMenu(self)
        menu.addAction("Show in the comparison", lambda: self.annotation_activated.emit(annotation_id))
        menu.addAction("Edit…", lambda: self.edit_requested.emit(annotation_id))
        menu.addSeparator()
        menu.addAction("Delete", lambda: self.delete_requested.emit(annotation_id))
        menu.exec(self.view.viewport().mapToGlobal(point))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            current = self.current_annotation()
            if current is not None:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.edit_requested.emit(current)
                    return True
                if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                    self.delete_requested.emit(current)
                    return True
                if key == Qt.Key.Key_Space:
                    self.annotation_activated.emit(current)
                    return True
        return super().eventFilter(watched, event)


def verdict_summary(annotations: Sequence[Annotation]) -> str:
    """'1 contradiction · 1 partly inconsistent · 1 without verdict', most severe first."""
    counts = Counter(a.verdict for a in annotations)
    order = [Verdict.CONTRADICTION, Verdict.PARTLY_INCONSISTENT, Verdict.CONSISTENT, Verdict.UNVERIFIABLE]

    def said(verdict: Verdict, n: int) -> str:
        word = verdict.label.lower()
        return f"{n} {word}s" if verdict is Verdict.CONTRADICTION and n != 1 else f"{n} {word}"  # a noun

    parts = [said(v, counts[v]) for v in order if counts.get(v)]
    if counts.get(None):
        parts.append(f"{counts[None]} without verdict")
    return " · ".join(parts)
