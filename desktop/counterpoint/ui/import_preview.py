"""The import preview: the quotations found in a document, for the user to correct and choose before import.

`run_import_preview(parent, document, quotes)` shows it and returns the chosen quotations (or None when the
user cancels); `import_documents_with_preview(parent, project, paths)` is the whole File > Import and drop flow
(ask for files when no paths are given, read them, preview each, store each document with its chosen quotations
in one transaction); `import_text_with_preview(parent, project, text)` does the same for pasted text.
"""

from __future__ import annotations

import dataclasses
import functools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QEventLoop, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counterpoint.app.documents import add_document, add_statements, imported_before
from counterpoint.app.review import Proposal, review_quotes
from counterpoint.ingest import (
    SUPPORTED_SUFFIXES,
    Document,
    IngestError,
    Quote,
    document_from_text,
    load_document,
)
from counterpoint.ingest.edits import correct, merge_quotes, split_quote
from counterpoint.ingest.proposals import propose_statements
from counterpoint.ui.library import parse_day
from counterpoint.ui.plain import tip

if TYPE_CHECKING:
    from counterpoint.store import Project

AnyIndex = QModelIndex | QPersistentModelIndex
# Quotations attributed with less confidence than this start unchecked: the user looks before keeping them.
KEEP_THRESHOLD = 0.5


@dataclass
class _Row:
    quote: Quote
    keep: bool
    flags: tuple[str, ...] = ()  # why it starts unchecked or needs a look: "already in the project", …


class QuoteTableModel(QAbstractTableModel):
    """The quotations of one document as rows: keep, quotation, speaker, role, date, confidence."""

    KEEP, QUOTATION, SPEAKER, ROLE, DATE, CONFIDENCE = range(6)
    HEADERS = ("Keep", "Quotation", "Speaker", "Role", "Date", "Confidence")

    def __init__(
        self,
        document: Document,
        quotes: list[Quote],
        parent: QWidget | None = None,
        proposals: Sequence[Proposal] | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        if proposals is None:
            proposals = review_quotes(None, quotes, min_confidence=KEEP_THRESHOLD)
        self.rows = [
            _Row(p.quote, keep=p.checked, flags=p.flags)
            for p in sorted(proposals, key=lambda p: p.quote.start)
        ]

    # -- Qt model API ----------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.KEEP:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() in (self.SPEAKER, self.ROLE, self.DATE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        quote = row.quote
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.KEEP:
            return Qt.CheckState.Checked if row.keep else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.QUOTATION:
                text = " ".join(quote.text.split())
                return text if role == Qt.ItemDataRole.EditRole or len(text) <= 140 else text[:139] + "…"
            if column == self.SPEAKER:
                return quote.speaker or ("" if role == Qt.ItemDataRole.EditRole else "(unknown)")
            if column == self.ROLE:
                return quote.role or ""
            if column == self.DATE:
                return quote.said_on.isoformat() if quote.said_on else ""
            if column == self.CONFIDENCE:
                return " · ".join([f"{quote.confidence:.0%}", *row.flags])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.QUOTATION:
                joined = Proposal(quote, row.keep).joined
                note = f"\n\n{joined}: the reporter's words between the parts are left out" if joined else ""
                return quote.text + note
            if column == self.SPEAKER and quote.attribution:
                start, end = quote.attribution
                return f"From “{self.document.text[start:end]}”"
            if column == self.DATE:
                return "When it was said: 2017-08-01 or 1 Aug 2017 (blank when the text does not say)"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        column = index.column()
        if column == self.KEEP and role == Qt.ItemDataRole.CheckStateRole:
            row.keep = _is_checked(value)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column == self.SPEAKER:
            row.quote = correct(row.quote, speaker=str(value or ""))
        elif column == self.ROLE:
            row.quote = correct(row.quote, role=str(value or ""))
        elif column == self.DATE:
            text = str(value or "").strip()
            if not text:
                row.quote = correct(row.quote, clear_date=True)
            else:
                day = parse_day(text)  # 2017-08-01, 1 Aug 2017, Aug. 1, 2017
                if day is None:
                    return False
                row.quote = correct(row.quote, said_on=day)
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        return True

    # -- the user's corrections ---------------------------------------------------------------------------

    def merge_with_next(self, row: int) -> None:
        """Join quotation `row` and the one after it (a quotation the extractor cut in two)."""
        if not 0 <= row < len(self.rows) - 1:
            raise ValueError("select a quotation that has another one after it")
        first, second = self.rows[row], self.rows[row + 1]
        merged = _Row(merge_quotes(self.document.text, first.quote, second.quote), first.keep or second.keep)
        self.beginRemoveRows(QModelIndex(), row + 1, row + 1)
        del self.rows[row + 1]
        self.endRemoveRows()
        self.rows[row] = merged
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def split(self, row: int, at: int) -> None:
        """Cut quotation `row` in two at `at`, an index into its text; both halves keep the speaker."""
        if not 0 <= row < len(self.rows):
            raise ValueError("select a quotation to split")
        current = self.rows[row]
        left, right = split_quote(self.document.text, current.quote, at)
        self.rows[row] = _Row(left, current.keep)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.beginInsertRows(QModelIndex(), row + 1, row + 1)
        self.rows.insert(row + 1, _Row(right, current.keep))
        self.endInsertRows()

    def set_all_kept(self, keep: bool) -> None:
        for row in self.rows:
            row.keep = keep
        if self.rows:
            self.dataChanged.emit(self.index(0, self.KEEP), self.index(len(self.rows) - 1, self.KEEP))

    def chosen(self) -> list[Quote]:
        return [row.quote for row in self.rows if row.keep]

    def kept_without_speaker(self) -> list[int]:
        return [number for number, row in enumerate(self.rows) if row.keep and not row.quote.speaker]


def _published(text: str) -> date | None:
    if not text:
        return None
    day = parse_day(text)
    if day is None:
        raise ValueError(f"not a day: {text}")
    return day


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return bool(value == Qt.CheckState.Checked.value or value is True)


def utf16_to_index(text: str, units: int) -> int:
    """A Python string index from a Qt text position, which counts UTF-16 code units."""
    count = 0
    for index, char in enumerate(text):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text)


class ImportPreviewDialog(QDialog):
    """Lists the quotations found in `document`; `chosen_quotes()` gives the ones the user keeps, corrected."""

    def __init__(
        self,
        document: Document,
        quotes: list[Quote],
        parent: QWidget | None = None,
        proposals: Sequence[Proposal] | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(f"Import “{document.title}”")
        self.resize(980, 620)
        self.model = QuoteTableModel(document, quotes, self, proposals)

        # The source as the document describes itself; the user corrects what was guessed.
        self.title = QLineEdit(document.title)
        self.title.setAccessibleName("Source title")
        self.publisher = QLineEdit(document.publisher or "")
        self.publisher.setAccessibleName("Publisher")
        self.publisher.setPlaceholderText("e.g. NBC News")
        self.published = QLineEdit(document.published.isoformat() if document.published else "")
        self.published.setAccessibleName("Date published")
        self.published.setPlaceholderText("2017-08-01 or 1 Aug 2017")
        self.url = QLineEdit(document.url or "")
        self.url.setAccessibleName("Address")
        self.url.setPlaceholderText("https://…")
        source = QFormLayout()
        source.addRow("&Title", self.title)
        line = QHBoxLayout()
        line.addWidget(self.publisher, 2)
        published_label = QLabel("&Published")
        published_label.setBuddy(self.published)
        line.addWidget(published_label)
        line.addWidget(self.published, 1)
        publisher_label = QLabel("P&ublisher")
        publisher_label.setBuddy(self.publisher)
        source.addRow(publisher_label, line)
        source.addRow("&Address", self.url)

        summary = QLabel(
            f"{len(quotes)} quotation{'s' if len(quotes) != 1 else ''} found. Check the ones to keep; "
            "double-click a speaker, role or date to correct it."
            + "".join(f"<br><i>{_escape(note)}</i>" for note in document.notes)
        )
        summary.setWordWrap(True)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Quotations found")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QuoteTableModel.QUOTATION, QHeaderView.ResizeMode.Stretch)
        for column in (QuoteTableModel.KEEP, QuoteTableModel.DATE, QuoteTableModel.CONFIDENCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(QuoteTableModel.SPEAKER, 170)
        self.table.setColumnWidth(QuoteTableModel.ROLE, 170)

        self.quotation = QPlainTextEdit()
        self.quotation.setReadOnly(True)
        self.quotation.setAccessibleName("Selected quotation")
        self.quotation.setPlaceholderText("Select a quotation; to split it, click where it should be cut.")
        self.quotation.setMaximumHeight(140)
        self.context = QLabel()
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.TextFormat.RichText)
        self.context.setAccessibleName("Where the quotation stands in the document")
        self.context.setToolTip("The quotation in bold, the words that say who spoke underlined")

        self.keep_all = QPushButton("Keep &all")
        self.keep_none = QPushButton("Keep &none")
        self.merge_button = QPushButton("&Merge with next")
        self.merge_button.setToolTip("Join the selected quotation and the one after it")
        self.split_button = QPushButton("&Split at cursor")
        self.split_button.setToolTip(
            "Cut the selected quotation in two where the cursor is in the text below"
        )
        self.keep_all.clicked.connect(lambda: self.model.set_all_kept(True))
        self.keep_none.clicked.connect(lambda: self.model.set_all_kept(False))
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button.clicked.connect(self.split_selected)
        tools = QHBoxLayout()
        for button in (self.keep_all, self.keep_none, self.merge_button, self.split_button):
            tools.addWidget(button)
        tools.addStretch(1)

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # messages quote the document's data
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Import preview message")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.context)
        below_layout.addWidget(self.quotation)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(source)
        layout.addWidget(summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(tools)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.model.dataChanged.connect(self._update_ok)
        self.model.rowsInserted.connect(self._update_ok)
        self.model.rowsRemoved.connect(self._update_ok)
        self._update_ok()
        if self.model.rowCount():
            self.table.selectRow(0)
            # The quotations are what the user came to check; the title above is usually right.
            self.table.setFocus()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self._show_current()

    def merge_selected(self) -> None:
        row = self.current_row()
        try:
            self.model.merge_with_next(row)
        except ValueError as exc:
            self.status.setText(str(exc))
            return
        self.status.clear()
        self.select_row(row)

    def split_selected(self) -> None:
        row = self.current_row()
        if row < 0:
            self.status.setText("Select a quotation to split")
            return
        shown = self.quotation.toPlainText()
        at = utf16_to_index(shown, self.quotation.textCursor().position())
        try:
            self.model.split(row, at)
        except ValueError as exc:
            self.status.setText(f"Can't split there: {exc}")
            return
        self.status.clear()
        self.select_row(row)

    def chosen_quotes(self) -> list[Quote]:
        return self.model.chosen()

    def chosen_document(self) -> Document:
        """The document with the title, publisher, date and address as the user left them."""
        text = self.published.text().strip()
        return dataclasses.replace(
            self.document,
            title=" ".join(self.title.text().split()) or self.document.title,
            publisher=" ".join(self.publisher.text().split()) or None,
            url=self.url.text().strip() or None,
            published=_published(text),
        )

    def accept(self) -> None:
        try:
            self.chosen_document()
        except ValueError:
            self.status.setText("The date published must be a day (2017-08-01 or 1 Aug 2017), or blank")
            self.published.setFocus()
            return
        if not self.title.text().strip():
            self.status.setText("The source needs a title")
            self.title.setFocus()
            return
        missing = self.model.kept_without_speaker()
        if missing:
            self.status.setText(
                f"Quotation {missing[0] + 1} has no speaker: name one, or uncheck it, before importing."
            )
            self.select_row(missing[0])
            return
        super().accept()

    def _show_current(self, *_args: object) -> None:
        row = self.current_row()
        quote = self.model.rows[row].quote if 0 <= row < self.model.rowCount() else None
        self.quotation.setPlainText(quote.text if quote else "")
        self.context.setText(context_html(self.document.text, quote) if quote else "")

    def _update_ok(self, *_args: object) -> None:
        count = len(self.model.chosen())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(
            f"Import {count} quotation{'s' if count != 1 else ''}" if count else "Import document only"
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def context_html(text: str, quote: Quote, reach: int = 300) -> str:
    """The text around a quotation, the quotation in bold and its attribution underlined (rich text)."""
    start = max(0, text.rfind("\n\n", 0, quote.start) + 2, quote.start - reach)
    end_break = text.find("\n\n", quote.end)
    end = min(len(text), quote.end + reach, end_break if end_break != -1 else len(text))
    if quote.attribution:
        start = min(start, quote.attribution[0])
        end = max(end, quote.attribution[1])
    marks: list[tuple[int, int, str]] = [(s, e, "b") for s, e in quote.parts]
    if quote.attribution:
        marks.append((*quote.attribution, "u"))
    opening: dict[int, list[str]] = {}
    closing: dict[int, list[str]] = {}
    for s, e, tag in marks:
        opening.setdefault(s, []).append(tag)
        closing.setdefault(e, []).append(tag)
    pieces = ["…" if start > 0 and text[start - 1] != "\n" else ""]
    for i in range(start, end):
        pieces.extend(f"</{tag}>" for tag in closing.get(i, []))
        pieces.extend(f"<{tag}>" for tag in opening.get(i, []))
        pieces.append("<br>" if text[i] == "\n" else _escape(text[i]))
    pieces.extend(f"</{tag}>" for tag in closing.get(end, []))
    pieces.append("…" if end < len(text) and text[end] != "\n" else "")
    return "".join(pieces)


def preview_document(
    parent: QWidget | None, document: Document, quotes: list[Quote], project: Project | None = None
) -> tuple[Document, list[Quote]] | None:
    """Show the preview (modal); the document as corrected and the quotations kept, or None on cancel. With
    `project`, a quotation already in it is flagged and starts unchecked, and speakers are spelt as there."""
    proposals = review_quotes(project, quotes, min_confidence=KEEP_THRESHOLD)
    dialog = ImportPreviewDialog(document, quotes, parent, proposals)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen_document(), dialog.chosen_quotes()
    finally:
        dialog.deleteLater()


def run_import_preview(parent: QWidget | None, document: Document, quotes: list[Quote]) -> list[Quote] | None:
    """Show the preview (modal); the quotations the user keeps, corrected, or None if they cancel."""
    chosen = preview_document(parent, document, quotes)
    return chosen[1] if chosen is not None else None


def import_text_with_preview(
    parent: QWidget | None, project: Project, text: str, title: str | None = None
) -> list[int] | None:
    """Edit > Paste as document: pasted text becomes a source, with the quotations the user keeps.

    Returns the new statement ids, or None when the user cancels (nothing is stored then).
    """
    try:
        document = document_from_text(text, title=title)
    except IngestError as exc:
        QMessageBox.warning(parent, "Paste", tip(str(exc)))
        return None
    try:  # finding them has a time limit (ingest/deadline.py): past it, one clear message
        found = _in_background(parent, "Finding quotations…", lambda: propose_statements(document))
    except IngestError as exc:
        QMessageBox.warning(parent, "Paste", tip(str(exc)))
        return None
    chosen = preview_document(parent, document, found, project)
    if chosen is None:
        return None
    return add_document(project, *chosen)[1]


def import_documents_with_preview(
    parent: QWidget | None, project: Project, paths: list[Path] | None = None
) -> list[int]:
    """File > Import and drops: read each file, preview its quotations, store it; the new statement ids.

    Each document is one transaction: cancelling a preview stores nothing of that document.
    """
    if paths is None:
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        names, _filter = QFileDialog.getOpenFileNames(
            parent, "Import documents", str(project.path.parent), f"Documents ({patterns});;All files (*)"
        )
        paths = [Path(name) for name in names]
    added: list[int] = []
    for path in paths:
        try:
            document, found = _in_background(parent, f"Reading {path.name}…", functools.partial(_read, path))
        except IngestError as exc:
            QMessageBox.warning(parent, f"Can't import {path.name}", tip(str(exc)))
            continue
        earlier = imported_before(project, document)
        if earlier is not None and any(s.source_id == earlier for s in project.statements()):
            QMessageBox.information(
                parent, "Already imported", tip(f"{path.name} is already in this project (source {earlier}).")
            )
            continue
        chosen = preview_document(parent, document, found, project)
        if chosen is None:
            continue
        if earlier is not None:
            # kept before as a source only: its quotations are kept now, pointing into that source
            added.extend(add_statements(project, earlier, chosen[1]))
            continue
        added.extend(add_document(project, *chosen)[1])
    return added


def _read(path: Path) -> tuple[Document, list[Quote]]:
    document = load_document(path)
    return document, propose_statements(document)


T = TypeVar("T")


def _in_background(parent: QWidget | None, label: str, job: Callable[[], T]) -> T:
    """Run `job` on a thread while the window keeps painting behind a modal progress note (a PDF may take
    a few seconds in its worker process, a long text a few more to search); its result or its exception."""
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = job()
        except BaseException as exc:  # handed back to the caller's thread, raised there
            outcome["error"] = exc

    thread = threading.Thread(target=work, name="counterpoint-import", daemon=True)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        thread.start()
        while thread.is_alive():
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            thread.join(0.02)
    finally:
        QApplication.restoreOverrideCursor()
        progress.reset()
        progress.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
