"""The left of the window: the library panel (every statement of the project, a search box that searches as
you type, filters by speaker, date range and tag; statements are dragged from here into the workspace) and
the list of comparisons above it."""

from __future__ import annotations

import calendar
import re
from datetime import date

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from counterpoint.store import Project
from counterpoint.ui.library_model import LibraryFilter, StatementTableModel
from counterpoint.ui.plain import tip
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


class StatementCardDelegate(QStyledItemDelegate):
    """A statement as a card: speaker and role, the date on the right, then two lines of its words (or of the
    words around a search match). Easier to scan in a narrow panel than a grid of truncated cells."""

    PADDING = 8
    TEXT_LINES = 2

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        return bold, QFont(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        bold, plain = self._fonts(option)
        height = QFontMetrics(bold).height() + self.TEXT_LINES * QFontMetrics(plain).lineSpacing()
        return QSize(option.rect.width() or 300, height + 2 * self.PADDING + 4)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        speaker = str(index.data() or "")
        statement = index.data(StatementTableModel.StatementRole)
        words = str(index.data(StatementTableModel.PreviewRole) or "")
        said_on = getattr(statement, "said_on", None)
        date_text = f"{said_on.day} {said_on:%b %Y}" if said_on else "undated"
        role = getattr(statement, "role", "") or ""
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect
        painter.save()
        background = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        painter.fillRect(rect, background)
        if selected:
            painter.fillRect(
                QRect(rect.left(), rect.top(), 3, rect.height()), palette.color(QPalette.ColorRole.Link)
            )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(
            rect.left() + self.PADDING, rect.bottom(), rect.right() - self.PADDING, rect.bottom()
        )

        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        bold, plain = self._fonts(option)
        inner = rect.adjusted(self.PADDING + 4, self.PADDING, -self.PADDING, -self.PADDING)
        bold_metrics, plain_metrics = QFontMetrics(bold), QFontMetrics(plain)

        painter.setFont(plain)
        painter.setPen(muted)
        date_width = plain_metrics.horizontalAdvance(date_text)
        painter.drawText(
            QRect(inner.right() - date_width, inner.top(), date_width, bold_metrics.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            date_text,
        )
        head_width = inner.width() - date_width - 12
        letter = index.data(StatementTableModel.ColumnRole)
        if letter:
            # In the open comparison: its column's letter, as the workspace shows it.
            size = bold_metrics.height() - 2
            badge = QRect(inner.left(), inner.top() + 1, size, size)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Link))
            painter.drawEllipse(badge)
            small = QFont(bold)
            small.setPointSizeF(bold.pointSizeF() * 0.8)
            painter.setFont(small)
            painter.setPen(palette.color(QPalette.ColorRole.Base))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), str(letter))
            inner = inner.adjusted(size + 6, 0, 0, 0)
            head_width -= size + 6
        painter.setFont(bold)
        painter.setPen(text_colour)
        name = bold_metrics.elidedText(speaker, Qt.TextElideMode.ElideRight, head_width)
        name_width = bold_metrics.horizontalAdvance(name)
        painter.drawText(
            QRect(inner.left(), inner.top(), name_width, bold_metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            name,
        )
        if role and head_width - name_width > 40:
            painter.setFont(plain)
            painter.setPen(muted)
            role_text = plain_metrics.elidedText(
                f"  {role}", Qt.TextElideMode.ElideRight, head_width - name_width
            )
            painter.drawText(
                QRect(inner.left() + name_width, inner.top(), head_width - name_width, bold_metrics.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                role_text,
            )
        painter.setFont(plain)
        painter.setPen(text_colour if selected else palette.color(QPalette.ColorRole.Text))
        top = inner.top() + bold_metrics.height() + 2
        lines = _wrap(words, plain_metrics, inner.width(), self.TEXT_LINES)
        for n, line in enumerate(lines):
            painter.drawText(
                QRect(
                    inner.left(), top + n * plain_metrics.lineSpacing(), inner.width(), plain_metrics.height()
                ),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                line,
            )
        painter.restore()


def _wrap(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """Greedy word wrap into at most `lines` lines, the last one elided."""
    out: list[str] = []
    words = text.split()
    current = ""
    for n, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            continue
        out.append(current)
        if len(out) == lines - 1:
            rest = " ".join([word, *words[n + 1 :]])
            out.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            return out
        current = word
    if current:
        out.append(metrics.elidedText(current, Qt.TextElideMode.ElideRight, width))
    return out[:lines]


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
