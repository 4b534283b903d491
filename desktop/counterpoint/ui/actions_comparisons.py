"""The comparisons' actions: make one from the selected statements, rename, delete, add or take out
statements; and the comparison list's context menu."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from counterpoint.ui import commands as cmd
from counterpoint.ui.actions import ActionGroup, ActionSpec
from counterpoint.ui.dialog_keys import ask_title

MAX_COLUMNS = 4


class ComparisonActions(ActionGroup):
    TITLE = "Comparisons"

    def built(self, actions: dict[str, QAction]) -> None:
        actions["new_comparison"].setIconText("Compare selected")  # the menu keeps the long name
        listing = self.window.comparison_list
        listing.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        listing.customContextMenuRequested.connect(self.comparison_menu)
        listing.comparison_picked.connect(self.window.open_comparison)
        listing.itemDoubleClicked.connect(lambda _item: self.rename_comparison())

    def comparison_menu(self, position: Any) -> None:
        menu = QMenu(self.window)
        menu.addAction(self.window.action("rename_comparison"))
        menu.addAction(self.window.action("delete_comparison"))
        menu.exec(self.window.comparison_list.viewport().mapToGlobal(position))

    def new_comparison(
        self, statement_ids: Sequence[int] | None = None, title: str | None = None
    ) -> int | None:
        window = self.window
        ids = list(statement_ids) if statement_ids is not None else window.library.selected_statement_ids()
        if not 2 <= len(ids) <= MAX_COLUMNS:
            window.say(f"Select two to {MAX_COLUMNS} statements in the library to compare them")
            return None
        if title is None:
            speakers = list(dict.fromkeys(window.project.statement(i).speaker.split()[-1] for i in ids))
            suggested = " vs ".join(speakers)
            title, ok = ask_title(window, "New comparison", "Title:", suggested)
            if not ok:
                return None
        command: list[cmd.CreateComparisonCommand] = []

        def make() -> cmd.CreateComparisonCommand:
            command.append(cmd.CreateComparisonCommand(window.project, window.events, title or "", ids))
            return command[0]

        if not window.run_command(make, f"Created the comparison “{title}”"):
            return None
        window.open_comparison(command[0].comparison_id)
        return command[0].comparison_id

    def rename_comparison(self, title: str | None = None) -> None:
        window = self.window
        comparison = window.comparison()
        if comparison is None:
            return
        if title is None:
            title, ok = ask_title(window, "Rename comparison", "Title:", comparison.title)
            if not ok or title.strip() == comparison.title:
                return
        window.run_command(
            lambda: cmd.RenameComparisonCommand(window.project, window.events, comparison.id, title or ""),
            f"Renamed the comparison to “{title}”",
        )

    def delete_comparison(self) -> None:
        window = self.window
        comparison = window.comparison()
        if comparison is None:
            return
        if window.run_command(
            lambda: cmd.DeleteComparisonCommand(window.project, window.events, comparison.id),
            f"Deleted the comparison “{comparison.title}” (Undo brings it back)",
        ):
            remaining = window.project.comparisons()
            window.open_comparison(remaining[0].id if remaining else None)

    def add_statements(self, ids: list[int]) -> None:
        """Statements dropped on the workspace join the open comparison (or start one)."""
        window = self.window
        comparison = window.comparison()
        if comparison is None:
            self.new_comparison(ids)
            return
        members = list(comparison.statement_ids)
        new = [i for i in ids if i not in members]
        if not new:
            window.say("Those statements are already in this comparison")
            return
        if len(members) + len(new) > MAX_COLUMNS:
            window.say(f"A comparison holds up to {MAX_COLUMNS} statements")
            return
        window.run_command(
            lambda: cmd.SetComparisonStatementsCommand(
                window.project, window.events, comparison.id, members + new
            ),
            f"Added {len(new)} statement{'s' if len(new) != 1 else ''} to “{comparison.title}”",
        )

    def remove_statements(self) -> None:
        """Take the library's selected statements out of the open comparison (their annotations stay)."""
        window = self.window
        comparison = window.comparison()
        if comparison is None:
            return
        chosen = set(window.library.selected_statement_ids())
        members = [i for i in comparison.statement_ids if i not in chosen]
        removed = len(comparison.statement_ids) - len(members)
        if not removed:
            window.say("Select statements of this comparison in the library to take them out")
            return
        window.run_command(
            lambda: cmd.SetComparisonStatementsCommand(window.project, window.events, comparison.id, members),
            f"Took {removed} statement{'s' if removed != 1 else ''} out of “{comparison.title}”",
        )

    ACTIONS = (
        ActionSpec("new_comparison", "&New from selected statements", lambda g: g.new_comparison(), "Ctrl+Shift+N",
                   "Compare the statements selected in the library", icon="compare",
                   enabled_when=lambda s: 2 <= len(s.selected) <= MAX_COLUMNS, menu="Comparison"),
        ActionSpec("rename_comparison", "&Rename…", lambda g: g.rename_comparison(), "F2",
                   "Rename the open comparison", enabled_when=lambda s: s.comparison_open, menu="Comparison"),
        ActionSpec("delete_comparison", "&Delete", lambda g: g.delete_comparison(), "Ctrl+Shift+Del",
                   "Delete the open comparison", enabled_when=lambda s: s.comparison_open, menu="Comparison"),
        ActionSpec("add_to_comparison", "Add selected &statements",
                   lambda g: g.add_statements(g.window.library.selected_statement_ids()), "Ctrl+Shift+A",
                   "Add the statements selected in the library as columns",
                   enabled_when=lambda s: s.can_add_selected, menu="Comparison"),
        ActionSpec("remove_from_comparison", "Re&move selected statements", lambda g: g.remove_statements(),
                   "Ctrl+Shift+R", "Take the statements selected in the library out of the open comparison",
                   enabled_when=lambda s: bool(set(s.selected) & s.members), menu="Comparison"),
    )  # fmt: skip
