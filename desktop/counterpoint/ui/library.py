"""The library panel: every statement of the project, a search box that searches as you type, filters by
speaker, date range and tag, and statements dragged from here into the workspace."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counterpoint.store import Project
from counterpoint.ui.library_model import LibraryFilter, StatementTableModel
from counterpoint.ui.workers import LibrarySearcher

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying
ANY_DATE = QDate(1900, 1, 1)


class LibraryPanel(QWidget):
    """Statements, searched and filtered. The query runs on a worker thread; the model pages rows in."""

    statement_activated = Signal(int)  # double-click or Enter: edit it
    selection_changed = Signal()
    results_shown = Signal(int)  # how many statements the filter selects

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
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
        self.date_from = self._date_edit("From", "Said on or after")
        self.date_to = self._date_edit("To", "Said on or before")
        for combo in (self.speaker_filter, self.tag_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._schedule_search)
        self.date_from.dateChanged.connect(self._schedule_search)
        self.date_to.dateChanged.connect(self._schedule_search)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search_now)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Statements")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(StatementTableModel.SPEAKER, 125)
        header.resizeSection(StatementTableModel.DATE, 92)
        header.resizeSection(StatementTableModel.TEXT, 320)
        header.resizeSection(StatementTableModel.OCCASION, 200)
        # The words matter more than the occasion in a narrow panel: show them before it.
        header.moveSection(StatementTableModel.OCCASION, StatementTableModel.TEXT)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())

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
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.reload_filters()
        self.search_now()

    def _date_edit(self, label: str, tooltip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText("any date")
        edit.setDate(ANY_DATE)
        edit.setAccessibleName(f"{label} date")
        edit.setToolTip(tooltip)
        return edit

    # -- project -----------------------------------------------------------------------------------

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
        def chosen(edit: QDateEdit) -> date | None:
            value = edit.date()
            return None if value == ANY_DATE else date(value.year(), value.month(), value.day())

        return LibraryFilter(
            search=self.search_box.text(),
            speaker=self.speaker_filter.currentData() or "",
            date_from=chosen(self.date_from),
            date_to=chosen(self.date_to),
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

    def refresh(self) -> None:
        """After an edit: the same filter, run again, keeping the selection."""
        self._keep_selection = self.selected_statement_ids()
        self.reload_filters()
        self.search_now()

    def _show_results(self, library_filter: LibraryFilter, ids: list[int]) -> None:
        self._pending = False
        keep = self._keep_selection or self.selected_statement_ids()
        self._keep_selection = []
        self.model.set_statement_ids(ids, library_filter.search)
        self._shown_filter = library_filter
        total = len(ids)
        everything = self.project.count_statements() if not library_filter.is_empty else total
        if library_filter.is_empty:
            self.count_label.setText(f"{total:,} statement{'s' if total != 1 else ''}")
        else:
            self.count_label.setText(f"{total:,} of {everything:,} statements match")
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
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = (self.model.statement_at(row) for row in rows)
        return [s.id for s in found if s is not None]

    def select_statements(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first: QModelIndex | None = None
        for statement_id in ids:
            row = self.model.row_of(statement_id)
            if row < 0:
                continue
            index = self.model.index(row, 0)
            first = first or index
            selection.select(
                index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
        if first is not None:
            self.table.scrollTo(first)

    def _activated(self, index: QModelIndex) -> None:
        statement = self.model.statement_at(index.row())
        if statement is not None:
            self.statement_activated.emit(statement.id)

    def shutdown(self) -> None:
        self.timer.stop()
        self.searcher.cancel_all()
        self.searcher.wait()
