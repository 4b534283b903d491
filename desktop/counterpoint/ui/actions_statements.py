"""The statements' actions: add one by hand, correct one, delete the selected ones, search the library;
and the library's context menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from counterpoint.store import Statement
from counterpoint.ui import commands as cmd
from counterpoint.ui.actions import ActionGroup, ActionSpec

if TYPE_CHECKING:  # the editor is imported when first opened: start-up does not pay for it
    from counterpoint.ui.statement_editor import StatementEditor

CONFIRM_DELETE_ABOVE = 20  # statements deleted at once without asking
K = QKeySequence.StandardKey


class StatementActions(ActionGroup):
    TITLE = "Statements"

    def built(self, actions: dict[str, QAction]) -> None:
        # Delete acts on the library's selection, so its key works only there (not while reading a column).
        self.window.library.addAction(actions["delete_statement"])
        library = self.window.library
        library.statement_activated.connect(self.edit_statement)
        library.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        library.view.customContextMenuRequested.connect(self.library_menu)

    def _editor(self, statement: Statement | None) -> StatementEditor:
        from counterpoint.ui.statement_editor import StatementEditor

        project = self.window.project
        sources = [s.title for s in project.sources()]
        speakers = {s.name: s.role for s in project.speakers()}
        editor = StatementEditor(speakers, sources, statement, self.window)
        self.window.active_editor = editor
        return editor

    def new_statement(self) -> None:
        window = self.window
        editor = self._editor(None)

        def done(result: int) -> None:
            window.active_editor = None
            if result != QDialog.DialogCode.Accepted:
                return
            values = editor.values()
            command: list[cmd.AddStatementCommand] = []

            def make() -> cmd.AddStatementCommand:
                command.append(cmd.AddStatementCommand(window.project, window.events, values))
                return command[0]

            if (
                window.run_command(make, f"Added a statement by {values['speaker']}")
                and command[0].statement_id
            ):
                window.show_in_library([command[0].statement_id])

        editor.finished.connect(done)
        editor.finished.connect(editor.deleteLater)  # one dialog per use, not one per use kept forever
        editor.open()

    def edit_statement(self, statement_id: int | None = None) -> None:
        window = self.window
        if statement_id is None:
            selected = window.library.selected_statement_ids()
            if len(selected) != 1:
                window.say("Select one statement in the library to edit it")
                return
            statement_id = selected[0]
        editor = self._editor(window.project.statement(statement_id))

        def done(result: int) -> None:
            window.active_editor = None
            if result == QDialog.DialogCode.Accepted:
                self.apply_statement_edit(statement_id, editor.values())

        editor.finished.connect(done)
        editor.finished.connect(editor.deleteLater)  # one dialog per use, not one per use kept forever
        editor.open()

    def apply_statement_edit(self, statement_id: int, values: dict[str, Any]) -> list[int]:
        """Save a statement's changed fields (undoable); returns the ids of spans that lost their anchor."""
        window = self.window
        if not values:
            window.say("Nothing changed")
            return []
        command: list[cmd.EditStatementCommand] = []

        def make() -> cmd.EditStatementCommand:
            command.append(cmd.EditStatementCommand(window.project, window.events, statement_id, values))
            return command[0]

        if not window.run_command(make):
            return []
        lost = command[0].lost
        annotated = window.project.count_targets_on(statement_id)
        if lost:
            window.say(
                f"Statement saved. {len(lost)} annotated span{'s' if len(lost) != 1 else ''} no longer match "
                "the corrected text and are flagged for review"
            )
        elif "text" in values and annotated:
            window.say(
                f"Statement saved; its {annotated} annotated span{'s' if annotated != 1 else ''} moved with the text"
            )
        else:
            window.say("Statement saved")
        return lost

    def delete_statement(self) -> None:
        window = self.window
        ids = window.library.selected_statement_ids()
        if not ids:
            window.say("Select statements in the library to delete them")
            return
        if len(ids) > CONFIRM_DELETE_ABOVE:
            answer = QMessageBox.question(
                window,
                "Delete statements",
                f"Delete {len(ids):,} statements, with their annotations? Undo can bring them back.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        window.undo_stack.beginMacro(f"delete {len(ids)} statement{'s' if len(ids) != 1 else ''}")
        try:
            for statement_id in ids:
                if not window.run_command(self._delete_command(statement_id)):
                    break
        finally:
            window.undo_stack.endMacro()
        window.say(f"Deleted {len(ids)} statement{'s' if len(ids) != 1 else ''} (Undo brings them back)")

    def _delete_command(self, statement_id: int) -> Callable[[], cmd.ProjectCommand]:
        return lambda: cmd.DeleteStatementCommand(self.window.project, self.window.events, statement_id)

    def focus_search(self) -> None:
        self.window.library_dock.show()
        self.window.library.search_box.setFocus()
        self.window.library.search_box.selectAll()

    def library_menu(self, position: Any) -> None:
        window = self.window
        menu = QMenu(window)
        menu.addAction(window.action("new_comparison"))
        menu.addAction(window.find_contradictions.action)
        if window.comparison() is not None:
            menu.addAction(window.action("add_to_comparison"))
            menu.addAction(window.action("remove_from_comparison"))
        menu.addSeparator()
        for name in ("new_statement", "edit_statement", "delete_statement"):
            menu.addAction(window.action(name))
        menu.exec(window.library.view.viewport().mapToGlobal(position))

    ACTIONS = (
        ActionSpec("new_statement", "&New statement…", lambda g: g.new_statement(), K.New,
                   "Add a statement by hand", icon="new-statement", menu="Edit", section="statement"),
        ActionSpec("edit_statement", "&Edit statement…", lambda g: g.edit_statement(), "Ctrl+Shift+E",
                   "Correct the selected statement", enabled_when=lambda s: len(s.selected) == 1,
                   menu="Edit", section="statement"),
        ActionSpec("delete_statement", "&Delete statement", lambda g: g.delete_statement(), K.Delete,
                   "Delete the selected statements", enabled_when=lambda s: bool(s.selected), menu="Edit",
                   section="statement", context=Qt.ShortcutContext.WidgetWithChildrenShortcut),
        ActionSpec("find", "&Find in library", lambda g: g.focus_search(), K.Find, "Search the library",
                   menu="Edit", section="find"),
    )  # fmt: skip
