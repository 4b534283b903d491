"""The library panel at the left of the window: every statement of the project, a search box that searches
as you type, filters by speaker, date range and tag; statements are dragged from here into the workspace.
(Its cards are drawn by ui/library_cards.py; the comparisons above it are ui/comparison_list.py.)"""

from __future__ import annotations

import calendar
import re
from datetime import date

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from counterpoint.store import Project
from counterpoint.ui.library_cards import StatementCardDelegate
from counterpoint.ui.library_model import LibraryFilter, StatementTableModel
from counterpoint.ui.workers import LibrarySearcher

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying
KEEP_SELECTION_LIMIT = 100  # a selection carried over a new search; more would cost more than it helps


class LibraryPanel(QWidget):
    """Statements, searched and filtered. The query runs on a worker thread; the model pages rows in."""

    statement_activated = Signal(int)  # double-click or Enter: edit it
    selection_changed = Signal()
    results_shown = Signal(int)  # how many statements the filter selects

    def __init__(self, project: Project, parent: QWidget | None = None, *, search_now: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.project = project
        self.model = StatementTableModel(project, self)
        self.searcher = LibrarySearcher(project.path, self)
        self.searcher.results.connect(self._show_results)
        self.searcher.failed.connect(self._search_failed)
        self._shown_filter: LibraryFilter | None = None
        self._keep_selection: list[int] = []
        self._pending = False

        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText("Search statements, speakers and notes…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search the library")
        self.search_box.textChanged.connect(self._schedule_search)

        self.speaker_filter = QComboBox()
        self.speaker_filter.setAccessibleName("Filter by speaker")
        self.speaker_filter.setToolTip("Only this speaker's statements")
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Filter by tag")
        self.tag_filter.setToolTip("Only statements with an annotation carrying this tag")
        self.date_from = DateField(end=False)
        self.date_from.setAccessibleName("Said on or after")
        self.date_to = DateField(end=True)
        self.date_to.setAccessibleName("Said on or before")
        for combo in (self.speaker_filter, self.tag_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._schedule_search)
        self.date_from.textChanged.connect(self._schedule_search)
        self.date_to.textChanged.connect(self._schedule_search)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search_now)

        self.view = _StatementList()
        self.view.setModel(self.model)
        self.view.setModelColumn(StatementTableModel.SPEAKER)
        self.view.setItemDelegate(StatementCardDelegate(self.view))
        self.view.setAccessibleName("Statements")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(self._activated)
        self.view.return_pressed.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setAccessibleName("Number of statements shown")

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.speaker_filter, 3)
        filters.addWidget(self.tag_filter, 2)
        dates = QHBoxLayout()
        dates.setSpacing(6)
        dates.addWidget(QLabel("Said"))
        dates.addWidget(self.date_from, 1)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        self.reload_filters()
        if search_now:
            self.search_now()
        else:
            self._pending = True  # the owner starts the first search (the main window: after its first paint)

    # -- project -----------------------------------------------------------------------------------

    def focus_chain(self) -> list[QWidget]:
        """Tab order inside the panel, top to bottom as it reads: search, filters, the statements."""
        return [
            self.search_box,
            self.speaker_filter,
            self.tag_filter,
            self.date_from,
            self.date_to,
            self.view,
        ]

    def set_project(self, project: Project) -> None:
        self.project = project
        self.model.set_project(project)
        self.searcher.cancel_all()
        self.searcher.path = project.path
        self.reload_filters()
        self.search_now()

    def reload_filters(self) -> None:
        """Refill the speaker and tag choices (after an edit), keeping what is chosen."""
        for combo, everyone, names in (
            (self.speaker_filter, "All speakers", self.project.speaker_names()),
            (self.tag_filter, "All tags", [t.name for t in self.project.tags()]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, "")
            for name in names:
                combo.addItem(name, name)
            found = combo.findData(current) if current else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    # -- searching ----------------------------------------------------------------------------------

    def current_filter(self) -> LibraryFilter:
        return LibraryFilter(
            search=self.search_box.text(),
            speaker=self.speaker_filter.currentData() or "",
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            tag=self.tag_filter.currentData() or "",
        )

    def _schedule_search(self, *_: object) -> None:
        self.timer.start()

    def search_now(self) -> None:
        self.timer.stop()
        self._pending = True
        self.searcher.search(self.current_filter())

    @property
    def busy(self) -> bool:
        """A search is waiting to run or running; the rows shown are not yet its answer."""
        return self._pending or self.timer.isActive()

    def select_when_shown(self, ids: list[int]) -> None:
        """Select these statements once the next results are on screen (after an add or an import)."""
        self._keep_selection = list(ids)

    def refresh(self) -> None:
        """After an edit: the same filter, run again, keeping the selection."""
        self._keep_selection = self.selected_statement_ids()
        self.reload_filters()
        self.search_now()

    def _show_results(self, library_filter: LibraryFilter, ids: list[int], everything: int) -> None:
        self._pending = False
        keep = (self._keep_selection or self.selected_statement_ids())[:KEEP_SELECTION_LIMIT]
        self._keep_selection = []
        self.model.set_statement_ids(ids, library_filter.search)
        self._shown_filter = library_filter
        total = len(ids)
        if library_filter.is_empty:
            self.count_label.setText(f"{total:,} statement{'s' if total != 1 else ''}")
            self.view.placeholder = "No statements yet.\nAdd one (Ctrl+N) or import an article (Ctrl+I)."
        else:
            self.count_label.setText(f"{total:,} of {everything:,} statements match")
            self.view.placeholder = "No statement matches.\nTry fewer words, or clear the filters."
        self.view.viewport().update()
        if keep:
            self.select_statements(keep)
        self.results_shown.emit(total)

    def _search_failed(self, message: str) -> None:
        self._pending = False
        self.count_label.setText(f"Search failed: {message}")

    @property
    def shown_filter(self) -> LibraryFilter | None:
        """The filter whose results are on screen (None until the first results arrive)."""
        return self._shown_filter

    # -- selection ------------------------------------------------------------------------------------

    def selected_statement_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        found = (self.model.statement_at(row) for row in rows)
        return [s.id for s in found if s is not None]

    def select_statements(self, ids: list[int]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        first: QModelIndex | None = None
        for statement_id in ids:
            row = self.model.row_of(statement_id)
            if row < 0:
                continue
            index = self.model.index(row, StatementTableModel.SPEAKER)
            first = first or index
            selection.select(
                index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
        if first is not None:
            self.view.scrollTo(first)

    def _activated(self, index: QModelIndex) -> None:
        statement = self.model.statement_at(index.row())
        if statement is not None:
            self.statement_activated.emit(statement.id)

    def shutdown(self) -> None:
        self.timer.stop()
        self.searcher.cancel_all()
        self.searcher.wait()


class DateField(QLineEdit):
    """One end of the date range, typed as a reporter would: 2017, 2017-08 or 2017-08-01. A year or a month
    means its first day for "from" and its last day for "to"; empty means no limit."""

    def __init__(self, *, end: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.is_end = end
        self.setPlaceholderText("to: any date" if end else "from: any date")
        self.setToolTip("A year (2017), a month (2017-08, Aug 2017) or a day (2017-08-01, 1 Aug 2017)")
        self.setClearButtonEnabled(True)
        self.textChanged.connect(self._show_validity)

    def value(self) -> date | None:
        """The date meant, or None when the field is empty or not a date yet."""
        return parse_date_bound(self.text(), end=self.is_end)

    def _show_validity(self, text: str) -> None:
        invalid = bool(text.strip()) and self.value() is None
        self.setProperty("invalid", invalid)
        self.style().unpolish(self)
        self.style().polish(self)


# English month names as reporters write them (Aug, Aug., August, Sept); fixed, not the locale's.
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS = {name: n for n, full in enumerate(_MONTH_NAMES, 1) for name in (full, full[:3])} | {"sept": 9}
_MONTH = r"([a-z]{3,9})\.?"


def parse_date_bound(text: str, *, end: bool) -> date | None:
    """2017, 2017-08, 2017-08-01, and as a reporter types them: Aug 2017, 1 August 2017, Aug. 1, 2017.
    A year or a month stands for its first day ("from") or its last ("to")."""
    typed = " ".join(text.lower().split())
    day: int | None = None
    if match := re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", typed):
        year = int(match[1])
        month = int(match[2]) if match[2] else None
        day = int(match[3]) if match[3] else None
    elif match := re.fullmatch(rf"(?:(\d{{1,2}}) )?{_MONTH},? (\d{{4}})", typed):  # 1 Aug 2017, Aug 2017
        if match[2] not in _MONTHS:
            return None
        day, month, year = (int(match[1]) if match[1] else None), _MONTHS[match[2]], int(match[3])
    elif match := re.fullmatch(rf"{_MONTH} (\d{{1,2}}),? (\d{{4}})", typed):  # Aug 1, 2017
        if match[1] not in _MONTHS:
            return None
        month, day, year = _MONTHS[match[1]], int(match[2]), int(match[3])
    else:
        return None
    if month is None:
        month = 12 if end else 1
    try:
        if day is not None:
            return date(year, month, day)
        last = calendar.monthrange(year, month)[1] if end else 1
        return date(year, month, last)
    except ValueError:
        return None


def parse_day(text: str) -> date | None:
    """One day, written 2017-08-01, 1 Aug 2017 or Aug. 1, 2017; None for anything else (a month, a year)."""
    first, last = parse_date_bound(text, end=False), parse_date_bound(text, end=True)
    return first if first is not None and first == last else None


class _StatementList(QListView):
    """The list of statement cards; says why it is empty when it is. Enter opens the current statement
    (`activated` is not used: some desktops activate on a single click)."""

    return_pressed = Signal(QModelIndex)
    placeholder = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.return_pressed.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 24, -12, -12),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                self.placeholder,
            )
            painter.end()
