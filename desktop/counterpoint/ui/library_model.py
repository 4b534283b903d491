"""The library's item model: a project's statements as a table, filled lazily so 100,000 rows stay cheap.

The model is handed the ordered ids of the statements to show (found by `statement_ids`, which a worker
thread runs on its own connection) and reads the rows themselves a page at a time, as the view scrolls.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from counterpoint.store import Project, Statement
from counterpoint.ui.plain import tip

STATEMENT_IDS_MIME = "application/x-counterpoint-statement-ids"
PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class LibraryFilter:
    """What the library shows: what the user typed, and the speaker, date range and tag chosen."""

    search: str = ""
    speaker: str = ""
    date_from: date | None = None
    date_to: date | None = None
    tag: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.search.strip() or self.speaker or self.date_from or self.date_to or self.tag)


@dataclass(frozen=True)
class SearchMatch:
    """Why a statement is in the search results: `where` the words are ("text", "speaker", or "note" when
    only an annotation's note holds them), and the spans of the words typed in the card's preview text and
    in the speaker's name, (start, end) in code points."""

    where: str
    in_preview: tuple[tuple[int, int], ...] = ()
    in_speaker: tuple[tuple[int, int], ...] = ()

    @property
    def reason(self) -> str:
        """Said on the card when the words it shows do not explain why it is listed."""
        if self.where == "note":
            return "matched in a note"
        if self.where == "speaker" and not self.in_speaker:
            return "matched the speaker's role"
        return ""


def statement_ids(project: Project, library_filter: LibraryFilter) -> list[int]:
    """The ids of the statements that pass the filter, in the library's order (by date, then id).

    Only ids are read, so a query over 100,000 statements stays in the tens of milliseconds; this is
    what the search worker runs, off the GUI thread.
    """
    return project.statement_ids(
        search=library_filter.search,
        speaker=library_filter.speaker or None,
        date_from=library_filter.date_from,
        date_to=library_filter.date_to,
        tag=library_filter.tag or None,
    )


class StatementTableModel(QAbstractTableModel):
    """Statements as rows: speaker, date, occasion, first words. Rows are read from the project on demand."""

    COLUMNS = ("Speaker", "Date", "Occasion", "Statement")
    SPEAKER, DATE, OCCASION, TEXT = range(4)
    StatementIdRole = Qt.ItemDataRole.UserRole + 1
    StatementRole = Qt.ItemDataRole.UserRole + 2  # the Statement record itself
    PreviewRole = Qt.ItemDataRole.UserRole + 3  # a longer excerpt for a card: from the search match if any
    ColumnRole = Qt.ItemDataRole.UserRole + 4  # its column letter in the open comparison ("A"), or None
    MatchRole = Qt.ItemDataRole.UserRole + 5  # why it matches the search (a SearchMatch), or None

    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self._project = project
        self._ids: list[int] = []
        self._loaded = 0  # rows exposed to views so far (fetchMore grows it)
        self._cache: dict[int, Statement] = {}
        self._match: re.Pattern[str] | None = None
        self._search = ""
        self._hits: dict[int, str] = {}  # statement id → "text", "speaker" or "note", for the pages read
        self._columns: dict[int, str] = {}
        self._rows_by_id: dict[int, int] | None = None  # built when first needed

    # -- filling -------------------------------------------------------------------------------

    def set_project(self, project: Project) -> None:
        self._project = project
        self.set_statement_ids([])

    def set_statement_ids(self, ids: Sequence[int], search: str = "") -> None:
        """Show these statements, in this order (a search result or the whole library). With `search`, the
        Statement column shows the words around the first match instead of the first words."""
        self.beginResetModel()
        self._ids = list(ids)
        self._rows_by_id = None
        self._match = _match_pattern(search)
        self._search = search
        self._hits.clear()
        self._cache.clear()
        self._loaded = min(PAGE_SIZE, len(self._ids))
        self.endResetModel()

    def set_columns(self, columns: dict[int, str]) -> None:
        """Mark the statements of the open comparison with their column letters (statement id → letter)."""
        self._columns = dict(columns)
        if self._loaded:
            self.dataChanged.emit(self.index(0, 0), self.index(self._loaded - 1, 0), [self.ColumnRole])

    def load(self, library_filter: LibraryFilter = LibraryFilter()) -> None:
        """Run the query here, on this thread: for tests and for small projects."""
        self.set_statement_ids(statement_ids(self._project, library_filter), library_filter.search)

    def refresh_rows(self) -> None:
        """Re-read the rows shown (after an edit), keeping the set of ids."""
        self._cache.clear()
        if self._loaded:
            self.dataChanged.emit(self.index(0, 0), self.index(self._loaded - 1, len(self.COLUMNS) - 1))

    @property
    def total(self) -> int:
        """How many statements pass the filter (rows not yet fetched included)."""
        return len(self._ids)

    def statement_ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, statement_id: int) -> int:
        """The row of a statement, fetching pages until it is exposed; -1 when it is not in the list."""
        if self._rows_by_id is None:
            self._rows_by_id = {sid: row for row, sid in enumerate(self._ids)}
        row = self._rows_by_id.get(statement_id, -1)
        if row < 0:
            return -1
        while row >= self._loaded:
            self.fetchMore(QModelIndex())
        return row

    def statement_at(self, row: int) -> Statement | None:
        if not 0 <= row < self._loaded:
            return None
        statement_id = self._ids[row]
        if statement_id not in self._cache:
            self._read_page(row)
        return self._cache.get(statement_id)

    def _read_page(self, row: int) -> None:
        start = row - row % PAGE_SIZE
        page = self._ids[start : start + PAGE_SIZE]
        for statement in self._project.statements(ids=page):
            self._cache[statement.id] = statement
        if self._match is not None:
            self._hits.update(self._project.search_hits(self._search, page))
        if len(self._cache) > 20 * PAGE_SIZE:  # keep memory flat when scrolling through 100,000 rows
            keep = set(page)
            self._cache = {k: v for k, v in self._cache.items() if k in keep}
            self._hits = {k: v for k, v in self._hits.items() if k in keep}

    # -- QAbstractTableModel -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(PAGE_SIZE, len(self._ids) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        statement = self.statement_at(index.row())
        if statement is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.SPEAKER:
                return statement.speaker
            if column == self.DATE:
                return statement.said_on.isoformat() if statement.said_on else "undated"
            if column == self.OCCASION:
                return statement.occasion
            return self._excerpt(statement)
        if role == Qt.ItemDataRole.ToolTipRole:
            who = statement.speaker + (f", {statement.role}" if statement.role else "")
            source = f"\n\nSource: {statement.source_title}" if statement.source_title else ""
            return tip(f"{who}\n\n{statement.text}{source}")
        if role == self.StatementIdRole:
            return statement.id
        if role == self.StatementRole:
            return statement
        if role == self.ColumnRole:
            return self._columns.get(statement.id)
        if role == self.PreviewRole:
            return self._excerpt(statement, words=60)
        if role == self.MatchRole:
            return self.search_match(statement)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            when = statement.said_on.isoformat() if statement.said_on else "undated"
            found = self.search_match(statement)
            why = f" ({found.reason})" if found is not None and found.reason else ""
            return f"{statement.speaker}, {when}: {statement.first_words}{why}"
        return None

    def _excerpt(self, statement: Statement, words: int = 12) -> str:
        """The first words, or when searching, the words around the first match (where the user looks)."""
        found = self._match.search(statement.text) if self._match else None
        start = 0
        if found is not None and found.start() >= 40:
            start = statement.text.rfind(" ", 0, max(0, found.start() - 30)) + 1
        chosen = statement.text[start:].split()
        return ("… " if start else "") + " ".join(chosen[:words]) + (" …" if len(chosen) > words else "")

    def search_match(self, statement: Statement) -> SearchMatch | None:
        """Why a statement is listed under the search typed: where the words were found, and the matched
        words in its card's preview and speaker name (None when there is no search)."""
        if self._match is None:
            return None
        where = self._hits.get(statement.id, "text")
        preview = self._excerpt(statement, words=60)
        return SearchMatch(
            where,
            tuple(m.span() for m in self._match.finditer(preview)),
            tuple(m.span() for m in self._match.finditer(statement.speaker)),
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    # -- drag and drop ---------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [STATEMENT_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        ids = [self._ids[row] for row in rows if row < len(self._ids)]
        mime = QMimeData()
        mime.setData(STATEMENT_IDS_MIME, encode_statement_ids(ids))
        mime.setText("\n".join(s.text for s in self._project.statements(ids=ids)))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


def _match_pattern(search: str) -> re.Pattern[str] | None:
    """A regex for the words typed (the last one as a prefix, as the full-text query treats it)."""
    words = [w for w in re.split(r"[\W_]+", search) if w]
    if not words:
        return None
    alternatives = [re.escape(w) + r"\b" for w in words[:-1]] + [re.escape(words[-1])]
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def encode_statement_ids(ids: Sequence[int]) -> bytes:
    return ",".join(str(i) for i in ids).encode("ascii")


def decode_statement_ids(data: bytes) -> list[int]:
    return [int(part) for part in bytes(data).decode("ascii").split(",") if part.strip().isdigit()]
