"""A speaker's record as a timeline (issue 14 part 2): one speaker's statements, oldest first and undated
last, filtered by tag or search words, with the pairs tagged between them (and, when asked, those the
engine finds) drawn as arcs in the gutter. Clicking one statement and then another opens the two side by
side as a new comparison.

The record is gathered by app.record on a worker thread with its own connection; asking the engine can
take a while, so it has a progress bar and Cancel. Names and statements are project data: the timeline
paints them with QPainter.drawText (never rich text) and labels are plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counterpoint.app.record import speaker_record
from counterpoint.export.html import VERDICT_COLOURS, counted
from counterpoint.export.record import RecordMark, SpeakerRecord
from counterpoint.store import Project
from counterpoint.store.project import connect
from counterpoint.ui.plain import plain_label
from counterpoint.ui.workers import _Runner, _Task

GUTTER = 72.0  # the arcs' room, left of the dots
DATE_WIDTH = 150.0
PADDING = 8.0
FOUND_COLOUR = "#6941c6"  # the engine's: apart from every verdict colour
NO_VERDICT_COLOUR = "#667085"
FIND_CHOICES = (
    ("", "Tagged pairs only"),
    ("consecutive", "…and ask the engine: consecutive"),
    ("any", "…and ask the engine: any two on a topic"),
)


def mark_colour(mark: RecordMark) -> QColor:
    if not mark.tagged:
        return QColor(FOUND_COLOUR)
    return QColor(VERDICT_COLOURS.get(mark.verdict, NO_VERDICT_COLOUR) if mark.verdict else NO_VERDICT_COLOUR)


@dataclass(frozen=True)
class Row:
    """Where one statement sits in the timeline (widget coordinates)."""

    statement_id: int
    rect: QRectF
    dot: QPointF
    undated_heading: float | None = None  # the y of the "undated" heading above this row, if it has one


class TimelineView(QWidget):
    """The record painted as a timeline. Select a statement by clicking it; clicking a second one asks to
    compare the two (`compare_requested`); clicking a selected one again lets it go."""

    compare_requested = Signal(int, int)
    selection_changed = Signal(list)
    current_changed = Signal(QRectF)  # the keyboard's row, for the scroll area to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: SpeakerRecord | None = None
        self.selected: list[int] = []
        self.current = 0  # the row the keyboard is on (Up, Down; Space or Enter picks it)
        self._rows: list[Row] = []
        self._height = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Speaker record timeline")

    # -- data ------------------------------------------------------------------------------------------

    def set_record(self, record: SpeakerRecord | None) -> None:
        self.record = record
        self.selected = []
        self.current = 0
        self._layout()
        self.update()

    def statement_ids(self) -> list[int]:
        return [s.id for s in self.record.statements] if self.record else []

    def row_rect(self, statement_id: int) -> QRectF:
        return next(r.rect for r in self._rows if r.statement_id == statement_id)

    def row_text(self, statement_id: int) -> str:
        """What a row says, as a screen reader would read it: date, occasion, statement, marks."""
        record = self.record
        assert record is not None
        s = next(s for s in record.statements if s.id == statement_id)
        parts = [s.said_on.isoformat() if s.said_on else "undated", s.occasion, s.text]
        parts += [f"↔ {other} {mark.label()}" for other, mark in record.marks_of(s.id)]
        return " · ".join(p for p in parts if p)

    def click_statement(self, statement_id: int) -> None:
        if statement_id in self.selected:
            self.selected.remove(statement_id)
        else:
            self.selected.append(statement_id)
        if len(self.selected) == 2:
            first, second = self.selected
            self.selected = []
            self.compare_requested.emit(first, second)
        self.selection_changed.emit(list(self.selected))
        self.update()

    # -- layout ----------------------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.88))
        return base, bold, small

    def _text_width(self) -> float:
        return max(160.0, self.width() - GUTTER - DATE_WIDTH - 3 * PADDING)

    def _layout(self) -> None:
        self._rows = []
        y = PADDING
        record = self.record
        if record is not None:
            base, bold, small = self._fonts()
            flags = int(Qt.TextFlag.TextWordWrap)
            text_width = self._text_width()
            undated_seen = False
            for s in record.statements:
                heading = None
                if s.said_on is None and not undated_seen:
                    undated_seen = True
                    heading = y
                    y += QFontMetricsF(bold).height() + PADDING
                date_height = QFontMetricsF(bold).height()
                if s.occasion:
                    date_height += (
                        QFontMetricsF(small)
                        .boundingRect(QRectF(0, 0, DATE_WIDTH, 1e6), flags, s.occasion)
                        .height()
                    )
                text_height = (
                    QFontMetricsF(base).boundingRect(QRectF(0, 0, text_width, 1e6), flags, s.text).height()
                )
                marks = record.marks_of(s.id)
                text_height += len(marks) * QFontMetricsF(small).height()
                height = max(date_height, text_height) + 2 * PADDING
                rect = QRectF(GUTTER, y, self.width() - GUTTER - PADDING, height)
                self._rows.append(Row(s.id, rect, QPointF(GUTTER - 8, y + PADDING + 7), heading))
                y += height + 4
        self._height = y + PADDING
        self.setMinimumHeight(int(self._height))
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(640, int(max(self._height, 200)))

    def resizeEvent(self, event: Any) -> None:
        self._layout()
        super().resizeEvent(event)

    # -- painting --------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        record = self.record
        if record is None or not record.statements:
            painter.setPen(palette.placeholderText().color())
            message = "Choose a speaker" if record is None else "No statement of this speaker matches"
            painter.drawText(self.rect().adjusted(12, 12, -12, -12), int(Qt.AlignmentFlag.AlignTop), message)
            return
        base, bold, small = self._fonts()
        flags = int(Qt.TextFlag.TextWordWrap)
        line = QPen(palette.mid().color(), 2)
        painter.setPen(line)
        painter.drawLine(
            QPointF(GUTTER - 8, self._rows[0].dot.y()), QPointF(GUTTER - 8, self._rows[-1].dot.y())
        )
        by_id = {s.id: s for s in record.statements}
        for row in self._rows:
            s = by_id[row.statement_id]
            if row.undated_heading is not None:
                painter.setFont(bold)
                painter.setPen(palette.placeholderText().color())
                painter.drawText(
                    QRectF(GUTTER, row.undated_heading, self.width() - GUTTER, 40),
                    int(Qt.AlignmentFlag.AlignLeft),
                    "Undated: their order is not known",
                )
            if not event.rect().intersects(row.rect.toAlignedRect().adjusted(-int(GUTTER), -30, 0, 0)):
                continue  # a long record paints only what is exposed
            if self.hasFocus() and self._rows.index(row) == self.current:
                painter.setPen(QPen(palette.highlight().color(), 1, Qt.PenStyle.DotLine))
                painter.drawRect(row.rect.adjusted(1, 1, -1, -1))
            if row.statement_id in self.selected:
                painter.setPen(QPen(palette.highlight().color(), 2))
                fill = QColor(palette.highlight().color())
                fill.setAlpha(40)
                painter.setBrush(fill)
                painter.drawRoundedRect(row.rect, 4, 4)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.text().color() if s.said_on else palette.mid().color())
            painter.drawEllipse(row.dot, 4.5, 4.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            left = row.rect.left() + PADDING
            top = row.rect.top() + PADDING
            painter.setPen(palette.text().color())
            painter.setFont(bold)
            number = f"{record.number(s.id)}. " + (
                f"{s.said_on.day} {s.said_on:%b %Y}" if s.said_on else "undated"
            )
            painter.drawText(QRectF(left, top, DATE_WIDTH, 40), int(Qt.AlignmentFlag.AlignLeft), number)
            if s.occasion:
                painter.setFont(small)
                painter.setPen(palette.placeholderText().color())
                height = QFontMetricsF(bold).height()
                painter.drawText(QRectF(left, top + height, DATE_WIDTH, row.rect.height()), flags, s.occasion)
            text_left = left + DATE_WIDTH + PADDING
            text_width = self._text_width()
            painter.setFont(base)
            painter.setPen(palette.text().color())
            bounds = painter.drawText(QRectF(text_left, top, text_width, row.rect.height()), flags, s.text)
            y = bounds.bottom()
            painter.setFont(small)
            for other, mark in record.marks_of(s.id):
                painter.setPen(mark_colour(mark))
                painter.drawText(
                    QRectF(text_left, y, text_width, 40),
                    int(Qt.AlignmentFlag.AlignLeft),
                    f"↔ {other}  {mark.label()}",
                )
                y += QFontMetricsF(small).height()
        self._paint_arcs(painter)

    def _paint_arcs(self, painter: QPainter) -> None:
        record = self.record
        assert record is not None
        dots = {row.statement_id: row.dot for row in self._rows}
        order = {s.id: i for i, s in enumerate(record.statements)}
        for mark in sorted(record.marks, key=lambda m: abs(order[m.first] - order[m.second])):
            a, b = dots[mark.first], dots[mark.second]
            if a.y() > b.y():
                a, b = b, a
            # Tagged pairs bulge further than found ones, so a pair that is both shows two arcs.
            reach = min(GUTTER - 16, 14 + 10 * abs(order[mark.first] - order[mark.second]))
            reach *= 1.0 if mark.tagged else 0.55
            path = QPainterPath(a)
            path.cubicTo(QPointF(a.x() - reach, a.y()), QPointF(b.x() - reach, b.y()), b)
            pen = QPen(mark_colour(mark), 2.2 if mark.tagged else 1.6)
            if not mark.tagged:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPath(path)

    # -- input -----------------------------------------------------------------------------------------

    def statement_at(self, point: QPointF) -> int | None:
        for row in self._rows:
            if row.rect.top() <= point.y() <= row.rect.bottom():
                return row.statement_id
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._rows:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                self.current = max(0, min(len(self._rows) - 1, self.current + step))
                self.current_changed.emit(self._rows[self.current].rect)
                self.update()
                return
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.click_statement(self._rows[self.current].statement_id)
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            found = self.statement_at(event.position())
            if found is not None:
                self.current = [r.statement_id for r in self._rows].index(found)
                self.click_statement(found)
                return
        super().mousePressEvent(event)


class RecordRunner(_Runner):
    """Gathers a record on a worker thread with its own connection; only the latest answer is shown."""

    ready = Signal(object)  # SpeakerRecord
    failed = Signal(str)
    progressed = Signal(int, int)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent, threads=1)
        self.path = path

    def gather(self, speaker: str, tag: str, search: str, find: str) -> int:
        self.cancel_all()
        path = self.path

        def job(task: _Task) -> SpeakerRecord | None:
            if task.cancelled.is_set():
                return None
            conn = connect(path)
            try:
                record = speaker_record(
                    Project(path, conn),
                    speaker,
                    tag=tag or None,
                    search=search or None,
                    find=find,
                    progress=lambda done, total: task.signals.progress.emit(task.generation, done, total),
                    cancelled=task.cancelled.is_set,
                )
            finally:
                conn.close()
            return None if task.cancelled.is_set() else record

        return self._submit(job, self._done, self._failed, self._progress).generation

    def cancel(self) -> None:
        self.cancel_all()
        self.generation += 1  # whatever is running reports to nobody

    def _done(self, generation: int, result: Any) -> None:
        if generation == self.generation and result is not None:
            self.ready.emit(result)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.failed.emit(message)

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation == self.generation:
            self.progressed.emit(done, total)


class RecordPanel(QWidget):
    """Speaker, tag, search words and what to ask the engine; the timeline below."""

    record_ready = Signal(object)  # the SpeakerRecord now shown
    compare_requested = Signal(int, int)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.runner = RecordRunner(project.path, self)
        self.speaker_box = QComboBox()
        self.speaker_box.setAccessibleName("Speaker")
        self.speaker_box.setMinimumContentsLength(18)
        for speaker in project.speakers():
            self.speaker_box.addItem(speaker.name, speaker.name)
        self.tag_box = QComboBox()
        self.tag_box.setAccessibleName("Tag")
        self.tag_box.addItem("Any tag", "")
        for tag in project.tags():
            self.tag_box.addItem(tag.name, tag.name)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search words")
        self.search_edit.setAccessibleName("Search words")
        self.search_edit.setClearButtonEnabled(True)
        self.find_box = QComboBox()
        self.find_box.setAccessibleName("Ask the engine")
        for value, label in FIND_CHOICES:
            self.find_box.addItem(label, value)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.timeline = TimelineView()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timeline)
        self.scroll_area = scroll

        controls = QHBoxLayout()
        controls.addWidget(plain_label("Speaker"))
        controls.addWidget(self.speaker_box, 2)
        controls.addWidget(self.tag_box, 1)
        controls.addWidget(self.search_edit, 2)
        controls.addWidget(self.find_box, 2)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.progress)
        footer.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)

        self.speaker_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tag_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.find_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search_edit.returnPressed.connect(self.refresh)
        self.cancel_button.clicked.connect(self.cancel)
        self.timeline.compare_requested.connect(self.compare_requested)
        self.timeline.current_changed.connect(
            lambda rect: scroll.ensureVisible(
                int(rect.center().x()), int(rect.center().y()), 0, int(rect.height() / 2)
            )
        )
        self.timeline.selection_changed.connect(self._selection_changed)
        self.runner.ready.connect(self._ready)
        self.runner.failed.connect(self._failed)
        self.runner.progressed.connect(self._progressed)

    def set_speaker(self, name: str) -> None:
        index = self.speaker_box.findData(name)
        if index >= 0 and index != self.speaker_box.currentIndex():
            self.speaker_box.setCurrentIndex(index)  # refreshes
        elif index >= 0:
            self.refresh()

    def set_find(self, which: str) -> None:
        self.find_box.setCurrentIndex(self.find_box.findData(which))

    def refresh(self) -> None:
        speaker = self.speaker_box.currentData()
        if not speaker:
            self.timeline.set_record(None)
            return
        find = str(self.find_box.currentData() or "")
        self.status.setText("Asking the engine…" if find else "Gathering…")
        self.progress.setVisible(bool(find))
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.runner.gather(
            str(speaker), str(self.tag_box.currentData() or ""), self.search_edit.text().strip(), find
        )

    def cancel(self) -> None:
        self.runner.cancel()
        self.progress.hide()
        self.cancel_button.setEnabled(False)
        self.status.setText("Cancelled")

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _ready(self, record: SpeakerRecord) -> None:
        self.progress.hide()
        self.cancel_button.setEnabled(False)
        self.timeline.set_record(record)
        tagged = sum(1 for m in record.marks if m.tagged)
        parts = [counted(len(record.statements), "statement"), counted(tagged, "tagged pair")]
        if record.found:
            parts.append(f"{len(record.marks) - tagged} found by the engine")
        if record.undated:
            parts.append(f"{record.undated} undated, last")
        self.status.setText(" · ".join(parts) + ". Click two statements to compare them.")
        self.record_ready.emit(record)

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.cancel_button.setEnabled(False)
        self.timeline.set_record(None)
        self.status.setText(message)

    def _selection_changed(self, selected: list[int]) -> None:
        if len(selected) == 1 and self.timeline.record is not None:
            number = self.timeline.record.number(selected[0])
            self.status.setText(f"Statement {number} selected: click another to compare the two")


class RecordDialog(QDialog):
    """The record in a window of its own, beside the main window (not modal)."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Speaker record")
        self.panel = RecordPanel(project, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.panel)
        self.resize(920, 640)

    def done(self, result: int) -> None:
        self.panel.runner.cancel()
        super().done(result)


def open_speaker_record(window: Any) -> RecordDialog:
    """View › Speaker record…: the record of the speaker selected in the library (else the first); two
    statements clicked open as a new comparison through the window's comparison actions."""
    dialog = window.findChild(RecordDialog)
    if dialog is None or dialog.panel.project is not window.project:
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        dialog = RecordDialog(window.project, window)
        dialog.panel.compare_requested.connect(
            lambda a, b: window.comparison_actions.new_comparison([a, b], _title(window.project, a, b))
        )
    picked = window.library.selected_statement_ids()
    speaker = (
        window.project.statement(picked[0]).speaker if picked else dialog.panel.speaker_box.currentData()
    )
    dialog.show()
    dialog.raise_()
    dialog.panel.set_speaker(speaker or "")
    return dialog


def _title(project: Project, first: int, second: int) -> str:
    a, b = project.statement(first), project.statement(second)
    when = [s.said_on.isoformat() if s.said_on else "undated" for s in (a, b)]
    return f"{a.speaker}: {when[0]} vs {when[1]}"
