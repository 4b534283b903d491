"""The annotations' actions: tag the selected spans, accept a suggestion, step through the suggestions,
copy a quote; and editing, deleting and revealing an annotation from the annotations panel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from counterpoint.app.comparisons import existing_annotation
from counterpoint.store import Annotation, TargetSpec
from counterpoint.ui import commands as cmd
from counterpoint.ui.actions import ActionGroup, ActionSpec
from counterpoint.ui.duplicates import offer_existing
from counterpoint.ui.wording import shorten

if TYPE_CHECKING:  # the editor is imported when first opened: start-up does not pay for it
    from counterpoint.ui.annotation_editor import AnnotationEditor


class AnnotationActions(ActionGroup):
    TITLE = "Annotations"

    def built(self, actions: dict[str, QAction]) -> None:
        window = self.window
        for name in ("tag", "accept_suggestion", "next_suggestion", "previous_suggestion"):
            # In this window their shortcuts work wherever the focus is (the library included); Esc and
            # Ctrl+Shift+C stay local to the workspace: elsewhere they mean what they usually mean.
            actions[name].setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.workspace.tag_requested.connect(self.tag_selection)
        window.workspace.suggestion_accepted.connect(self.accept_pair)
        window.workspace.annotation_activated.connect(self._activated_in_workspace)
        panel = window.annotations_panel
        panel.annotation_activated.connect(window.workspace.reveal_annotation)
        panel.edit_requested.connect(self.edit_annotation)
        panel.delete_requested.connect(self.delete_annotation)

    def _editor(
        self, targets: Sequence[TargetSpec], annotation: Annotation | None = None
    ) -> AnnotationEditor:
        from counterpoint.ui.annotation_editor import AnnotationEditor

        quotes = [self._quote(t) for t in targets]
        editor = AnnotationEditor(
            quotes, self.window.project.tags(), annotation=annotation, parent=self.window
        )
        self.window.active_editor = editor
        return editor

    def _quote(self, target: TargetSpec) -> tuple[str, str]:
        statement = self.window.project.statement(target.statement_id)
        return statement.speaker, statement.text[target.start : target.end]

    def tag_selection(self, targets: Sequence[TargetSpec] | None = None) -> AnnotationEditor | None:
        """Open the annotation editor on the selected spans; saving it adds an annotation (undoable)."""
        window = self.window
        if window.current_comparison_id is None:
            window.say("Open a comparison first")
            return None
        spans = list(targets) if targets is not None else list(window.workspace.selection())
        if not spans:
            window.say("Select a span in one column (and one in another to tag a pair), then press Ctrl+T")
            return None
        existing = existing_annotation(window.project, window.current_comparison_id, spans)
        if existing is not None:
            # A second, identical annotation would count twice and be listed twice in the report.
            if offer_existing(window, window.project.annotation(existing)):
                self.edit_annotation(existing)
            return None
        editor = self._editor(spans)
        comparison_id = window.current_comparison_id

        def done(result: int) -> None:
            window.active_editor = None
            if result == QDialog.DialogCode.Accepted:
                self.add_annotation(spans, comparison_id, editor.values(), editor.new_tags())

        editor.finished.connect(done)
        editor.finished.connect(editor.deleteLater)  # one dialog per use, not one per use kept forever
        editor.open()
        return editor

    def add_annotation(
        self,
        targets: Sequence[TargetSpec],
        comparison_id: int | None,
        values: dict[str, Any],
        new_tags: dict[str, str] | None = None,
    ) -> int | None:
        """Add an annotation (undoable); `new_tags` are tags made on the fly, name → colour."""
        window = self.window
        command: list[cmd.AddAnnotationCommand] = []

        def make() -> cmd.AddAnnotationCommand:
            command.append(
                cmd.AddAnnotationCommand(
                    window.project,
                    window.events,
                    targets,
                    comparison_id=comparison_id,
                    relation=values.get("relation"),
                    verdict=values.get("verdict"),
                    note=values.get("note", ""),
                    tags=values.get("tags", ()),
                    tag_colours=new_tags,
                )
            )
            return command[0]

        relation = values.get("relation")
        label = getattr(relation, "label", str(relation).replace("_", " ")) if relation else ""
        quotes = " and ".join(f"“{shorten(self._quote(t)[1])}”" for t in targets)
        said = f"Tagged {quotes} as {label}" if label else f"Annotated {quotes}"
        if not window.run_command(make, said):
            return None
        return command[0].annotation_id

    def edit_annotation(self, annotation_id: int) -> None:
        window = self.window
        annotation = window.project.annotation(annotation_id)
        targets = [TargetSpec(t.statement_id, t.start, t.end) for t in annotation.targets]
        editor = self._editor(targets, annotation)

        def done(result: int) -> None:
            window.active_editor = None
            if result == QDialog.DialogCode.Accepted:
                values, colours = editor.values(), editor.new_tags()
                window.run_command(
                    lambda: cmd.EditAnnotationCommand(
                        window.project, window.events, annotation_id, values, tag_colours=colours
                    ),
                    "Annotation saved",
                )

        editor.finished.connect(done)
        editor.finished.connect(editor.deleteLater)  # one dialog per use, not one per use kept forever
        editor.open()

    def delete_annotation(self, annotation_id: int) -> None:
        window = self.window
        window.run_command(
            lambda: cmd.DeleteAnnotationCommand(window.project, window.events, annotation_id),
            "Deleted the annotation (Undo brings it back)",
        )

    def _activated_in_workspace(self, annotation_id: int) -> None:
        self.window.annotations_dock.show()
        self.window.annotations_panel.select_annotation(annotation_id)

    def accept_pair(self, pair: Any) -> int | None:
        window = self.window
        comparison = window.comparison()
        if comparison is None:
            return None
        command: list[cmd.AcceptSuggestionCommand] = []

        def make() -> cmd.AcceptSuggestionCommand:
            command.append(
                cmd.AcceptSuggestionCommand(
                    window.project, window.events, comparison.id, comparison.statement_ids, pair
                )
            )
            return command[0]

        if not window.run_command(make, f"Accepted the {pair.kind} suggestion as a contradiction to review"):
            return None
        return command[0].annotation_id

    # The workspace makes these actions (its toolbar shows them); the rows put them in the menu.
    ACTIONS = (
        ActionSpec("tag", adopt=lambda g: g.window.workspace.tag_action, menu="Comparison", section="tag"),
        ActionSpec("accept_suggestion", adopt=lambda g: g.window.workspace.accept_suggestion_action,
                   menu="Comparison", section="tag"),
        ActionSpec("next_suggestion", adopt=lambda g: g.window.workspace.next_suggestion_action,
                   menu="Comparison", section="tag"),
        ActionSpec("previous_suggestion", adopt=lambda g: g.window.workspace.previous_suggestion_action,
                   menu="Comparison", section="tag"),
        ActionSpec("clear_selection", adopt=lambda g: g.window.workspace.clear_selection_action,
                   menu="Comparison", section="tag"),
        ActionSpec("copy_quote", adopt=lambda g: g.window.workspace.copy_quote_action,
                   menu="Comparison", section="tag"),
    )  # fmt: skip
