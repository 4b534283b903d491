"""File > Merge dossier or project…: bring a colleague's work (a JSON dossier export or another project
file) into the open project. What is already there is not added twice; the status bar reports
"N new, M already present"; one Undo takes away exactly what the merge added.

The merge runs on a worker thread with its own connection (a dossier of thousands of statements takes
seconds), in one transaction; the window then reads back the rows it added for the undo stack.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from counterpoint.app.merge import MergeReport, merge_file
from counterpoint.store import Project
from counterpoint.store.project import connect
from counterpoint.ui import commands as cmd
from counterpoint.ui.workers import _Runner, _Task

MERGE_FILTER = (
    "Counterpoint dossiers and projects (*.json *.counterpoint *.db *.sqlite);;"
    "Dossier exports (*.json);;Counterpoint projects (*.counterpoint *.db *.sqlite);;All files (*)"
)


class DossierMerger(_Runner):
    """Merges a file into a project file on a worker thread (its own SQLite connection)."""

    merged = Signal(object, object, object)  # project path, merged file, MergeReport
    failed = Signal(object, str)  # merged file, message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent, threads=1)
        self._files: dict[int, Path] = {}
        self._projects: dict[int, Path] = {}

    @property
    def busy(self) -> bool:
        return bool(self._files)

    def merge(self, project_path: Path, other: Path) -> None:
        def job(_task: _Task) -> MergeReport:
            conn = connect(project_path)
            try:
                return merge_file(Project(project_path, conn), other)
            finally:
                conn.close()

        task = self._submit(job, self._done, self._failed)
        self._files[task.generation] = other
        self._projects[task.generation] = project_path

    def _done(self, generation: int, report: Any) -> None:
        self.merged.emit(self._projects.pop(generation), self._files.pop(generation), report)

    def _failed(self, generation: int, message: str) -> None:
        self._projects.pop(generation, None)
        self.failed.emit(self._files.pop(generation, Path()), message)


class MergeAction(QObject):
    """The File menu's Merge action, wired into the main window (its menu, its undo stack, its status bar)."""

    finished = Signal(str)  # what the status bar says once a merge has landed or failed

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.merger = DossierMerger(self)
        self.merger.merged.connect(self._merged)
        self.merger.failed.connect(self._failed)
        self.action = QAction("&Merge dossier or project…", window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.action.setShortcutVisibleInContextMenu(True)
        self.action.setStatusTip(
            "Add what is new in a dossier export or another project; what is already here is kept once"
        )
        self.action.triggered.connect(lambda _checked=False: self.choose())
        window.addAction(self.action)
        for menu_action in window.menuBar().actions():
            if menu_action.text().replace("&", "") == "File" and menu_action.menu() is not None:
                menu_action.menu().insertAction(window.action("export"), self.action)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.merger.wait()  # a merge under way commits (or rolls back) before the window lets go
        return False

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Merge dossier or project", str(self.window.project.path.parent), MERGE_FILTER
        )
        if path:
            self.merge(Path(path))

    def merge(self, path: Path) -> None:
        """Start merging `path` into the open project; the result lands in `_merged` (or `_failed`)."""
        self.action.setEnabled(False)
        self.window.say(f"Merging {Path(path).name}…", 0)
        self.merger.merge(self.window.project.path, Path(path))

    def _merged(self, project_path: Path, other: Path, report: MergeReport) -> None:
        self.action.setEnabled(True)
        window = self.window
        if window.closed or Path(project_path) != window.project.path:
            # The window moved to another project meanwhile: the merge is in that file, with no undo here.
            self.finished.emit(f"Merged {other.name} into {Path(project_path).name}: {report.summary()}")
            return
        message = f"Merged {other.name}: {report.summary()}"
        if sum(report.new.values()):
            message += " (Undo removes them)"
            window.run_command(
                lambda: cmd.MergeCommand(window.project, window.events, report, other.name), message
            )
        else:
            window.say(message)
        if report.statement_ids:
            window.show_in_library(list(report.statement_ids))
        self.finished.emit(message)

    def _failed(self, other: Path, message: str) -> None:
        self.action.setEnabled(True)
        name = other.name or "the file"
        self.window.show_error(f"Can't merge {name}", message, status=f"Nothing merged from {name}")
        self.finished.emit(f"Nothing merged from {name}")
