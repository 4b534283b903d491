"""The list of a project's comparisons at the top left: each a title, with who is in it and how much is
tagged underneath."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from counterpoint.ui.plain import tip


class ComparisonList(QListWidget):
    """The project's comparisons, each a title with who is in it and how much is tagged underneath."""

    comparison_picked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonList")
        self.setAccessibleName("Comparisons")
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setItemDelegate(ComparisonItemDelegate(self))
        self.currentItemChanged.connect(self._picked)

    def set_comparisons(self, entries: list[tuple[int, str, str]], current: int | None) -> None:
        """(id, title, who and how much is tagged) per comparison; `current` is shown selected."""
        self.blockSignals(True)
        self.clear()
        for comparison_id, title, meta in entries:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, comparison_id)
            item.setData(ComparisonItemDelegate.MetaRole, meta)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}: {meta}")
            item.setToolTip(tip(f"{title}\n{meta}"))
            self.addItem(item)
            if comparison_id == current:
                self.setCurrentItem(item)
        self.blockSignals(False)

    def show_current(self, comparison_id: int) -> None:
        """Select a comparison opened some other way (a new one, an undo), without signalling a pick."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == comparison_id and self.currentRow() != row:
                self.blockSignals(True)
                self.setCurrentRow(row)
                self.blockSignals(False)

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.comparison_picked.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    EMPTY_HINT = "No comparisons yet.\nSelect two to four statements below, then Ctrl+Shift+N."

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count():
            return
        # An empty white box reads as broken; say what belongs here and how to make one.
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            self.viewport().rect().adjusted(12, 12, -12, -12),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            self.EMPTY_HINT,
        )
        painter.end()


class ComparisonItemDelegate(QStyledItemDelegate):
    """A comparison in the list: its title in bold, who is in it and how much is tagged underneath."""

    MetaRole = Qt.ItemDataRole.UserRole + 1
    PADDING = 7

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, 2 * metrics.lineSpacing() + 2 * self.PADDING + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect
        painter.save()
        painter.fillRect(
            rect, palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        )
        if selected:
            painter.fillRect(
                QRect(rect.left(), rect.top(), 3, rect.height()), palette.color(QPalette.ColorRole.Link)
            )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left() + 8, rect.bottom(), rect.right() - 8, rect.bottom())
        inner = rect.adjusted(self.PADDING + 5, self.PADDING, -self.PADDING, -self.PADDING)
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(
            palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        )
        title = metrics.elidedText(str(index.data() or ""), Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), metrics.height()), 0, title)
        plain = QFontMetrics(option.font)
        painter.setFont(option.font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        meta = plain.elidedText(
            str(index.data(self.MetaRole) or ""), Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(
            QRect(inner.left(), inner.top() + metrics.lineSpacing(), inner.width(), plain.height()), 0, meta
        )
        painter.restore()
