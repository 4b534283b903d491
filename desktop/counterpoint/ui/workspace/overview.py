"""The overview strip beside the shared scrollbar: the whole comparison at a glance, where its contrasts
and annotations are, and which part is on screen. A click or a drag goes there."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QScrollBar, QWidget

from counterpoint.ui.palette import UiPalette
from counterpoint.ui.workspace.column import ColumnText
from counterpoint.ui.workspace.connectors import Connector
from counterpoint.ui.workspace_model import Highlight

Mark = tuple[float, float, QColor, bool]  # top, bottom (fractions of the whole), colour, annotation


class OverviewMap(QWidget):
    """The strip: thin marks for highlighted rows, wide ones for annotated spans, a shade for the screen."""

    def __init__(self, scrollbar: QScrollBar, colours: Callable[[], UiPalette]) -> None:
        super().__init__()
        self.scrollbar = scrollbar
        self.colours = colours
        self.marks: list[Mark] = []
        self.setFixedWidth(12)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName("Overview of the comparison")
        self.setToolTip(
            "Where the contrasts (thin marks) and annotations (wide marks) are; click to go there"
        )

    def set_marks(self, marks: list[Mark]) -> None:
        self.marks = marks
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        height = self.height()
        painter.fillRect(self.rect(), QColor(self.colours().row_band))
        for top, bottom, colour, strong in self.marks:
            y = top * height
            h = min(6.0, max(2.0, (bottom - top) * height))  # a tick at the row's start, not a bar
            if strong:
                painter.fillRect(QRectF(0, y, self.width(), h), colour)
            else:
                painter.fillRect(QRectF(3, y, self.width() - 6, h), colour)
        bar = self.scrollbar
        total = bar.maximum() + bar.pageStep()
        if total > 0 and bar.maximum() > 0:
            shade = QColor(self.palette().color(QPalette.ColorRole.Text))
            shade.setAlphaF(0.12)
            painter.fillRect(
                QRectF(0, bar.value() / total * height, self.width(), bar.pageStep() / total * height), shade
            )
        painter.end()

    def _jump(self, y: float) -> None:
        bar = self.scrollbar
        total = bar.maximum() + bar.pageStep()
        target = y / max(1, self.height()) * total - bar.pageStep() / 2
        bar.setValue(max(0, min(int(target), bar.maximum())))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._jump(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event.position().y())


def overview_marks(
    columns: Sequence[ColumnText],
    highlights: Sequence[Sequence[Highlight]],
    connectors: Sequence[Connector],
    colours: UiPalette,
) -> list[Mark]:
    """One mark per highlighted span (common ground aside) and per annotated span, at its row."""
    marks: list[Mark] = []
    if not columns:
        return marks
    view = columns[0]
    tops = view.row_tops()
    # A statement shorter than the screen is drawn to the screen's scale, not stretched over it.
    total = max(
        1.0, view.document().documentLayout().documentSize().height(), float(view.viewport().height())
    )

    def extent(column: int, start: int) -> tuple[float, float] | None:
        r = columns[column].row_of_offset(start)
        if not 0 <= r < len(tops) - 1:
            return None
        return tops[r] / total, tops[r + 1] / total

    for c, shown in enumerate(highlights):
        for h in shown:
            if h.category == "common":
                continue
            swatch = colours.kind(h.kind) if h.category == "contrast" else colours.diff[h.category]
            found = extent(c, h.start)
            if found:
                marks.append((*found, swatch.line_colour, False))
    for connector in connectors:
        for c, start, _end in connector.ends:
            found = extent(c, start)
            if found:
                marks.append((*found, QColor(connector.colour), True))
    return marks
