"""File > Export: choose a format, the comparisons and a file, see the PDF's pages, and export.

Building the preview and writing the file happen on a worker thread with its own project connection
(SQLite connections belong to one thread), so the window stays responsive on a large dossier.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt, QThread, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counterpoint.app.exporting import export_file, report_for
from counterpoint.app.record import speaker_record
from counterpoint.errors import UserError
from counterpoint.export import FORMATS
from counterpoint.export.atomic import check_output_path, safe_file_name
from counterpoint.export.record import SpeakerRecord
from counterpoint.store import Project
from counterpoint.ui.plain import tip

REPORT_FORMATS = ("pdf", "html", "md")
ABOUT_FORMATS = {
    "pdf": "The report for readers: the statements side by side with their sources, the contrast highlights "
    "with a legend, the numbered annotations with verdicts and notes, a summary of verdicts, bookmarks.",
    "html": "The same report as one web page, with nothing to download beside it.",
    "md": "The report as Markdown, for a wiki, a ticket or an email.",
    "csv": "A spreadsheet with a row per annotation: both quotes, speakers, relation, verdict, tags and note.",
    "json": "Everything in the dossier; importing the file into an empty project restores it exactly.",
    "webanno": "W3C Web Annotation JSON-LD, for annotation tools: each annotation with its quoted spans.",
    "claimreview": "schema.org ClaimReview JSON-LD: one review per verdict, for fact-check publishing.",
}
PREVIEW_PAGES = 8
PREVIEW_DPI = 48.0


class ExportCancelled(Exception):
    """Raised inside the export when the user pressed Cancel."""


class _Job(QThread):
    """Runs `work(project, report_progress)` on its own thread with its own connection to the project.

    A job has no parent and holds itself alive until its thread is done: a dialog closed mid-preview
    must not destroy a running QThread (Qt aborts the process when that happens).
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    _running: ClassVar[set[_Job]] = set()

    def __init__(
        self, project_path: Path, work: Callable[[Project, Callable[[int, int], None]], Any]
    ) -> None:
        super().__init__()
        self.project_path = project_path
        self.work = work
        self.finished.connect(self._release)

    def begin(self) -> None:
        _Job._running.add(self)
        self.start()

    @Slot()
    def _release(self) -> None:
        _Job._running.discard(self)
        self.deleteLater()

    def run(self) -> None:
        try:
            with Project.open(self.project_path) as project:
                result = self.work(project, self.progressed.emit)
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # shown to the user; the dialog must not die with the worker
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(result)


def _records(project: Project, speaker: str, tag: str) -> list[SpeakerRecord]:
    """The speaker's record the report adds after the comparisons (none when no speaker is chosen)."""
    return [speaker_record(project, speaker, tag=tag or None)] if speaker else []


def _preview_pages(
    comparison_ids: list[int] | None, speaker: str = "", tag: str = ""
) -> Callable[[Project, Callable[[int, int], None]], Any]:
    def work(project: Project, progress: Callable[[int, int], None]) -> tuple[list[QImage], int]:
        from counterpoint.export.pdf import render_preview

        report = report_for(project, comparison_ids, _records(project, speaker, tag))
        return render_preview(report, dpi=PREVIEW_DPI, max_pages=PREVIEW_PAGES)

    return work


class ExportDialog(QDialog):
    """The export dialog. `exported` holds the written file once the export succeeded."""

    preview_ready = Signal(int)  # the number of pages the report has
    export_finished = Signal(object)  # the Path written, or None when it failed

    def __init__(
        self, project: Project, comparison_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.comparison_id = comparison_id
        self.exported: Path | None = None
        self._preview_job: _Job | None = None
        self._export_job: _Job | None = None
        self._preview_again = False
        self._cancel = threading.Event()
        self.setWindowTitle("Export")
        self.resize(980, 700)

        self.format_box = QComboBox()
        for name, (description, extension) in FORMATS.items():
            self.format_box.addItem(f"{description} ({extension})", name)

        comparisons = project.comparisons()
        self.this_comparison = QRadioButton()
        self.all_comparisons = QRadioButton(f"All comparisons ({len(comparisons)})")
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.this_comparison)
        self.scope_group.addButton(self.all_comparisons)
        titles = {c.id: c.title for c in comparisons}
        if comparison_id is not None and comparison_id in titles:
            self.this_comparison.setText("This comparison")
            self.this_comparison.setAccessibleName(f"This comparison: {titles[comparison_id]}")
            self.this_comparison.setChecked(True)
        else:
            self.this_comparison.setText("This comparison (none is open)")
            self.this_comparison.setEnabled(False)
            self.all_comparisons.setChecked(True)
        # The title on a line of its own that wraps: in the radio button's text, a long one widened the
        # dialog past the screen.
        self.scope_title = QLabel(titles.get(comparison_id, "") if comparison_id is not None else "")
        self.scope_title.setTextFormat(Qt.TextFormat.PlainText)  # a title is data (see ui/plain.py)
        self.scope_title.setWordWrap(True)
        self.scope_title.setIndent(22)  # under the radio button's text, not its circle
        self.scope_title.setStyleSheet("color: palette(placeholder-text);")
        self.scope_title.setVisible(bool(self.scope_title.text()))
        scope = QVBoxLayout()
        scope.addWidget(self.this_comparison)
        scope.addWidget(self.scope_title)
        scope.addWidget(self.all_comparisons)

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("File to write")
        self.path_edit.setAccessibleName("Save to")  # its label sits beside a row, so it is no buddy
        self.browse_button = QPushButton("Choose…")
        # Enter exports (the default button); it opened the file chooser, the first button to take it.
        self.browse_button.setAutoDefault(False)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # messages quote paths and titles
        self.status.setWordWrap(True)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: palette(placeholder-text);")

        # A speaker's record (issue 14) after the comparisons, in the PDF and HTML reports.
        self.record_box = QComboBox()
        self.record_box.setAccessibleName("Speaker record")
        self.record_box.addItem("No speaker record", "")
        for speaker in project.speakers():
            self.record_box.addItem(speaker.name, speaker.name)
        self.record_tag_box = QComboBox()
        self.record_tag_box.setAccessibleName("Speaker record: tag")
        self.record_tag_box.addItem("on any tag", "")
        for tag in project.tags():
            self.record_tag_box.addItem(f"on “{tag.name}”", tag.name)
        record_row = QHBoxLayout()
        record_row.addWidget(self.record_box, 2)
        record_row.addWidget(self.record_tag_box, 1)

        form = QFormLayout()
        form.addRow("Format", self.format_box)
        form.addRow("Scope", scope)
        form.addRow("Record", record_row)
        form.addRow("Save to", path_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addSpacing(8)
        left.addWidget(self.about)
        left.addStretch(1)
        left.addWidget(self.status)
        left.addWidget(self.progress)
        left.addWidget(self.buttons)

        self.preview_label = QLabel("Preview")
        self.preview_pages = QWidget()
        self.preview_layout = QVBoxLayout(self.preview_pages)
        self.preview_layout.setSpacing(12)
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setWidget(self.preview_pages)
        self.preview_area.setMinimumWidth(440)
        right = QVBoxLayout()
        right.addWidget(self.preview_label)
        right.addWidget(self.preview_area, 1)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        # Default once the button is in the dialog (set before, the dialog never heard of it, and Enter
        # went to whichever button had last had the focus: Choose… or Cancel).
        self.export_button.setDefault(True)

        self._set_default_path()
        self.about.setText(ABOUT_FORMATS.get(self.format, ""))
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.scope_group.buttonToggled.connect(self._scope_changed)
        self.record_box.currentIndexChanged.connect(lambda _i: self._record_changed())
        self.record_tag_box.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self._record_changed(preview=False)
        self.browse_button.clicked.connect(self._browse)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        self.refresh_preview()

    # -- choices ---------------------------------------------------------------------------------

    @property
    def format(self) -> str:
        return str(self.format_box.currentData())

    def set_format(self, name: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(name))

    @property
    def record_speaker(self) -> str:
        """The speaker whose record the report adds ("" for none; only PDF and HTML reports have one)."""
        return str(self.record_box.currentData() or "") if self.format in ("pdf", "html") else ""

    def _record_changed(self, *, preview: bool = True) -> None:
        reports = self.format in ("pdf", "html")
        self.record_box.setEnabled(reports)
        self.record_tag_box.setEnabled(reports and bool(self.record_box.currentData()))
        if preview:
            self.refresh_preview()

    def comparison_ids(self) -> list[int] | None:
        if self.this_comparison.isChecked() and self.comparison_id is not None:
            return [self.comparison_id]
        return None

    def _suggested_name(self) -> str:
        ids = self.comparison_ids()
        title = self.project.comparison(ids[0]).title if ids else self.project.title
        return safe_file_name(title, default="report") + FORMATS[self.format][1]

    def _set_default_path(self) -> None:
        # A name from data is cleaned (no folders, no dot-files) and put in the project's own folder.
        self.path_edit.setText(str(self.project.path.resolve().parent / self._suggested_name()))

    @Slot()
    def _format_changed(self) -> None:
        self._record_changed(preview=False)
        self.about.setText(ABOUT_FORMATS.get(self.format, ""))
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(FORMATS[self.format][1])))
        self.refresh_preview()

    @Slot(QAbstractButton, bool)
    def _scope_changed(self, button: QAbstractButton, checked: bool) -> None:
        if not checked:
            return
        if self.path_edit.text().strip():
            folder = Path(self.path_edit.text().strip()).parent
            self.path_edit.setText(str(folder / self._suggested_name()))
        self.refresh_preview()

    @Slot()
    def _browse(self) -> None:
        extension = FORMATS[self.format][1]
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export to", self.path_edit.text(), f"{FORMATS[self.format][0]} (*{extension})"
        )
        if chosen:
            path = Path(chosen)
            self.path_edit.setText(str(path if path.suffix else path.with_suffix(extension)))

    # -- preview ---------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        if self.format not in REPORT_FORMATS:
            self._show_pages([], 0, note=f"{FORMATS[self.format][0]}: a data export, no pages to preview.")
            return
        if self._preview_job is not None and self._preview_job.isRunning():
            self._preview_again = True  # show the latest choice once the running preview is done
            return
        self.preview_label.setText("Preview: laying out the report…")
        tag = str(self.record_tag_box.currentData() or "")
        job = _Job(self.project.path, _preview_pages(self.comparison_ids(), self.record_speaker, tag))
        job.succeeded.connect(self._preview_done)
        job.failed.connect(self._preview_failed)
        job.finished.connect(self._preview_finished)
        self._preview_job = job
        job.begin()

    @Slot(object)
    def _preview_done(self, result: tuple[list[QImage], int]) -> None:
        images, total = result
        if self.format in REPORT_FORMATS:
            self._show_pages(images, total)
        self.preview_ready.emit(total)

    @Slot(str)
    def _preview_failed(self, message: str) -> None:
        self._show_pages([], 0, note=f"No preview: {message}")

    @Slot()
    def _preview_finished(self) -> None:
        self._preview_job = None
        if self._preview_again:
            self._preview_again = False
            self.refresh_preview()

    def _show_pages(self, images: list[QImage], total: int, note: str = "") -> None:
        while self.preview_layout.count():
            item = self.preview_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for image in images:
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("border: 1px solid #c8ccd0; background: white;")
            self.preview_layout.addWidget(page)
        self.preview_layout.addStretch(1)
        if note:
            self.preview_label.setText(note)
        else:
            shown = f"pages 1–{len(images)} of {total}" if len(images) < total else f"{total} pages"
            self.preview_label.setText(f"Preview of the PDF report: {shown}")

    @property
    def preview_page_count(self) -> int:
        items = (self.preview_layout.itemAt(i) for i in range(self.preview_layout.count()))
        return len([item for item in items if item is not None and isinstance(item.widget(), QLabel)])

    # -- export ----------------------------------------------------------------------------------

    @Slot()
    def start_export(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self._fail("Choose a file to write.")
            return
        path = Path(text).expanduser()
        try:
            check_output_path(path)
        except UserError as exc:
            self._fail(str(exc))
            return
        if path.exists() and not self._confirm_overwrite(path):
            return
        fmt, ids = self.format, self.comparison_ids()
        speaker, tag = self.record_speaker, str(self.record_tag_box.currentData() or "")
        cancel = self._cancel = threading.Event()

        def work(project: Project, progress: Callable[[int, int], None]) -> Path:
            def report(done: int, total: int) -> None:
                if cancel.is_set():  # nothing is written: the file is only renamed into place at the end
                    raise ExportCancelled
                progress(done, total)

            return export_file(project, path, fmt, ids, report, records=_records(project, speaker, tag))

        self._set_busy(True)
        job = _Job(self.project.path, work)
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._export_done)
        job.failed.connect(self._export_failed)
        self._export_job = job
        job.begin()

    def _confirm_overwrite(self, path: Path) -> bool:
        answer = QMessageBox.question(self, "Export", tip(f"{path.name} already exists. Replace it?"))
        return answer == QMessageBox.StandardButton.Yes

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.format_box,
            self.record_box,
            self.this_comparison,
            self.all_comparisons,
            self.path_edit,
            self.browse_button,
            self.export_button,
        ):
            widget.setEnabled(not busy)
        if not busy and self.comparison_id is None:
            self.this_comparison.setEnabled(False)
        if not busy:
            self._record_changed(preview=False)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)  # busy until the first step reports
        self.status.setText("Exporting…" if busy else "")

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat("%p%")

    @Slot(object)
    def _export_done(self, path: Path) -> None:
        self._export_job = None
        self._set_busy(False)
        self.exported = path
        self.export_finished.emit(path)
        self.accept()

    @Slot(str)
    def _export_failed(self, message: str) -> None:
        self._export_job = None
        self._set_busy(False)
        self.export_finished.emit(None)
        if self._cancel.is_set():
            super().done(QDialog.DialogCode.Rejected)
            return
        self._fail(message)

    def _fail(self, message: str) -> None:
        self.status.setText(message)
        QMessageBox.warning(self, "Export", tip(message))

    def done(self, result: int) -> None:
        if self._export_job is not None and self._export_job.isRunning():
            # Cancel stops the export at its next step; the dialog closes when the worker has stopped.
            self._cancel.set()
            self.status.setText("Cancelling…")
            return
        super().done(result)


def run_export_dialog(parent: QWidget | None, project: Project, comparison_id: int | None) -> Path | None:
    """Show the export dialog; the file written, or None when the user cancelled."""
    dialog = ExportDialog(project, comparison_id, parent)
    try:
        dialog.exec()
        return dialog.exported
    finally:
        dialog.deleteLater()
