"""The project's actions: new, open, recent, import (files, clipboard), export, undo and redo, quit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox

from counterpoint.app.backups import Backup, list_backups, restore_backup
from counterpoint.errors import UserError
from counterpoint.store import Project
from counterpoint.ui import commands as cmd
from counterpoint.ui.actions import ActionGroup, ActionSpec
from counterpoint.ui.restore_backup import RestoreBackupDialog, describe

RECENT_LIMIT = 8
PROJECT_FILTER = "Counterpoint projects (*.counterpoint *.db *.sqlite);;All files (*)"
K = QKeySequence.StandardKey


class ProjectActions(ActionGroup):
    TITLE = "Project"

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.recent_menu = QMenu("Open &recent", window)
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        window.opener.opened.connect(self._opened)
        window.opener.failed.connect(self.report_unopened)

    def built(self, actions: dict[str, QAction]) -> None:
        window = self.window
        # Connected after the stack's own slots: by now the command has been undone (or redone).
        actions["undo"].triggered.connect(lambda: window.say(f"Undid: {window.undo_stack.redoText()}"))
        actions["redo"].triggered.connect(lambda: window.say(f"Redid: {window.undo_stack.undoText()}"))

    # -- files ------------------------------------------------------------------------------------

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, "New project", str(self.folder()), PROJECT_FILTER)
        if not path:
            return
        if not Path(path).suffix:
            path += ".counterpoint"
        if Path(path).exists():
            self.window.show_error("Can't create the project", f"{path} already exists; open it instead")
            return
        self.open_project(path, create=True)

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open project", str(self.folder()), PROJECT_FILTER)
        if path:
            self.open_project(path)

    def open_project(self, path: str | Path, *, create: bool = False) -> None:
        """Open (and migrate) on a worker thread; switch when it's ready."""
        self.window.say(f"Opening {Path(path).name}…", 0)
        self.window.opener.open(Path(path), create=create)

    def report_unopened(self, path: Path, message: str, *, instead: bool = False) -> None:
        """Not a project, a damaged one, one from a newer version: the store checked it read-only, so the
        file is as it was, and the project that was open stays open (or, at start, opened `instead` of
        the last one). Say both."""
        window = self.window
        path = Path(path)
        # the store's advice to run `counterpoint check` carries the whole path, for a terminal: it goes
        # with the details, and the sentence itself names the file only
        message, _sep, advice = message.partition("; run `counterpoint check")
        message = message.replace(str(path), f"“{path.name}”", 1).rstrip(".") + "."
        current = window.project.path.name
        where = f"{current} is open instead" if instead else f"{current} is still open"
        more = f"The file has not been changed, and {where}.\n\nFolder: {path.parent}"
        kept = list_backups(path)
        if kept:
            more += f"\n\nA backup of it is kept beside it: {kept[0].path.name} ({describe(kept[0])})."
        if advice:
            more += f"\n\nIn a terminal, run `counterpoint check{advice}."
        box = window.show_error(
            f"Can't open {path.name}", message, more=more, status=f"Can't open {path.name}; {where}"
        )
        if kept:
            # Offer what the message says exists: restoring it is one click away, after a confirmation.
            offer = box.addButton("Restore from backup…", QMessageBox.ButtonRole.ActionRole)
            offer.clicked.connect(lambda: self.restore_from_backup(path))

    def _opened(self, path: Path) -> None:
        try:
            project = Project.open(path)
        except UserError as exc:
            self.report_unopened(path, str(exc))
            return
        self.window.set_project(project)
        if project.backup_path:
            self.window.say(
                f"Updated {path.name} to the current format; the old file is kept as {project.backup_path.name}"
            )

    def folder(self) -> Path:
        return Path(self.window.project.path).parent

    def remember(self, path: Path) -> None:
        resolved = str(Path(path).resolve())
        recent = [p for p in self.recent_projects() if p != resolved]
        self.window.settings.setValue("recent_projects", [resolved, *recent][:RECENT_LIMIT])
        self.window.settings.setValue("last_project", resolved)

    def recent_projects(self) -> list[str]:
        value = self.window.settings.value("recent_projects", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = str(self.window.project.path.resolve())
        entries = [p for p in self.recent_projects() if p != current]
        for number, path in enumerate(entries, 1):
            action = self.recent_menu.addAction(f"&{number}  {Path(path).name}  —  {Path(path).parent}")
            action.setEnabled(Path(path).exists())
            action.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        if not entries:
            self.recent_menu.addAction("No other recent projects").setEnabled(False)

    # -- backups ------------------------------------------------------------------------------------

    def restore_from_backup(self, path: Path | None = None) -> RestoreBackupDialog | None:
        """File › Restore from backup… (or the offer made when a damaged project could not be opened): list
        the backups of the project file, and restore the one chosen once the user confirms."""
        window = self.window
        target = Path(path) if path is not None else Path(window.project.path)
        found = list_backups(target)
        if not found:
            window.say(f"No backups of {target.name} were found beside it")
            return None
        dialog = RestoreBackupDialog(target, found, window)
        window.active_editor = dialog

        def done(result: int) -> None:
            window.active_editor = None
            backup = dialog.chosen()
            if result == QDialog.DialogCode.Accepted and backup is not None:
                self._restore(target, backup)

        dialog.finished.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _restore(self, target: Path, backup: Backup) -> None:
        window = self.window
        is_open = target.resolve() == Path(window.project.path).resolve()
        if is_open:
            window.release_project()  # the file is replaced: nothing may hold it open meanwhile
        try:
            kept = restore_backup(target, backup.path)
        except UserError as exc:
            if is_open:
                window.set_project(Project.open(target))
            window.show_error(f"Can't restore {target.name}", str(exc), status="Nothing was restored")
            return
        said = f"Restored {target.name} from the copy of {describe(backup)}; the file it replaced is kept as {kept.name}"
        if is_open:
            window.set_project(Project.open(target))
        else:
            self.open_project(target)
        window.say(said, 15_000)

    # -- import and export ------------------------------------------------------------------------

    def import_documents(self, paths: list[Path] | None = None) -> list[int]:
        """File > Import (or files dropped on the window): preview the quotations found, keep the chosen ones.

        The statements added come back with one Undo.
        """
        # imported when first used: start-up does not pay for the preview dialog
        from counterpoint.ui.import_preview import import_documents_with_preview

        window = self.window
        added = import_documents_with_preview(window, window.project, paths)
        if not added:
            window.say("Nothing imported")
            return []
        window.run_command(
            lambda: cmd.ImportedStatementsCommand(window.project, window.events, added),
            f"Imported {len(added)} statement{'s' if len(added) != 1 else ''} (Undo removes them)",
        )
        window.show_in_library(added)
        return added

    def import_clipboard(self, text: str | None = None) -> list[int]:
        """File > Import from clipboard: copied text (an article, a transcript) becomes a source, and the
        quotations the user keeps in the preview become statements, with one Undo."""
        from counterpoint.ui.import_preview import import_text_with_preview  # (see import_documents)

        window = self.window
        if text is None:
            text = QGuiApplication.clipboard().text()
        if not text.strip():
            window.say("The clipboard holds no text to import")
            return []
        added = import_text_with_preview(window, window.project, text) or []
        if not added:
            window.say("Nothing imported")
            return []
        window.run_command(
            lambda: cmd.ImportedStatementsCommand(window.project, window.events, added),
            f"Imported {len(added)} statement{'s' if len(added) != 1 else ''} from the clipboard (Undo removes them)",
        )
        window.show_in_library(added)
        return added

    def export(self) -> None:
        from counterpoint.ui.export_dialog import ExportDialog  # (see import_documents)

        window = self.window
        dialog = ExportDialog(window.project, window.current_comparison_id, window)
        dialog.export_finished.connect(
            lambda path: window.say(f"Exported {path}" if path else "The export did not complete")
        )
        window.active_editor = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: setattr(window, "active_editor", None))
        dialog.open()

    ACTIONS = (
        ActionSpec("new_project", "&New project…", lambda g: g.new_project(), "Ctrl+Alt+N",
                   "Create an empty project file", menu="File", section="open"),
        ActionSpec("open_project", "&Open project…", lambda g: g.choose_project(), K.Open,
                   "Open a project file", menu="File", section="open"),
        ActionSpec("open_recent", adopt=lambda g: g.recent_menu.menuAction(), menu="File", section="open"),
        ActionSpec("restore_backup", "Restore from &backup…", lambda g: g.restore_from_backup(),
                   tip="Put back a copy of this project kept beside it", menu="File", section="open"),
        ActionSpec("import", "&Import…", lambda g: g.import_documents(), "Ctrl+I",
                   "Import articles, transcripts, releases", icon="import", menu="File", section="data"),
        ActionSpec("import_clipboard", "Import from c&lipboard…", lambda g: g.import_clipboard(), "Ctrl+Shift+V",
                   "Find the quotations in copied text and keep the ones you choose", menu="File", section="data"),
        ActionSpec("export", "&Export…", lambda g: g.export(), "Ctrl+E",
                   "Export the comparison as a report or data", icon="export", menu="File", section="data"),
        ActionSpec("quit", "&Quit", lambda g: g.window.close(), "Ctrl+Q", "Quit Counterpoint",
                   menu="File", section="quit"),
        ActionSpec("undo", "&Undo", shortcut=K.Undo, icon="undo", menu="Edit", section="undo",
                   adopt=lambda g: g.window.undo_stack.createUndoAction(g.window, "&Undo")),
        ActionSpec("redo", "&Redo", shortcut=(K.Redo, "Ctrl+Shift+Z", "Ctrl+Y"), icon="redo", menu="Edit",
                   section="undo", adopt=lambda g: g.window.undo_stack.createRedoAction(g.window, "&Redo")),
    )  # fmt: skip
