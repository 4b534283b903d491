"""Undoable edits: one QUndoCommand per kind of change a user makes to a project.

Adding a statement, a comparison or an annotation goes through the same use cases as the command line
(counterpoint.app); every command writes through the Project (each edit is committed when made) and then tells the window what
changed through a ProjectEvents object, so the library, the comparison list and the workspace refresh.
The first run of a command happens before it is pushed (`perform`), so a UserError from the store reaches
the user as a message and nothing lands on the undo stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from counterpoint.app.comparisons import annotate, compare
from counterpoint.app.merge import MergeReport
from counterpoint.app.statements import add_statement
from counterpoint.store import Annotation, Project, Relation, TargetSpec, Verdict
from counterpoint.store.merge_undo import MergedRows, capture_merge, remove_merge, restore_merge
from counterpoint.store.snapshots import (
    ComparisonSnapshot,
    StatementSnapshot,
    comparison_members,
    restore_comparison,
    restore_members,
    restore_statement,
    snapshot_comparison,
    snapshot_statement,
)


class ProjectEvents(QObject):
    """What changed in the open project; one instance per window, handed to each command."""

    statements_changed = Signal()
    comparisons_changed = Signal()
    annotations_changed = Signal(object)  # comparison id, or None
    message = Signal(str)  # a sentence for the status bar


class ProjectCommand(QUndoCommand):
    """Base: `apply` does the edit, `revert` takes it back; both emit events."""

    def __init__(self, project: Project, events: ProjectEvents, text: str) -> None:
        super().__init__(text)
        self.project = project
        self.events = events
        self._applied = False

    def perform(self, stack: QUndoStack) -> None:
        """Apply once (errors propagate to the caller), then push without applying twice."""
        self.apply()
        self._applied = True
        stack.push(self)

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # the push after perform(): already done
            return
        self.apply()

    def undo(self) -> None:
        self.revert()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


# -- statements ------------------------------------------------------------------------------------


class AddStatementCommand(ProjectCommand):
    def __init__(self, project: Project, events: ProjectEvents, fields: dict[str, Any]) -> None:
        super().__init__(project, events, f"add statement by {fields.get('speaker', '')}")
        self.fields = dict(fields)
        self.statement_id: int | None = None

    def apply(self) -> None:
        fields = dict(self.fields)
        speaker, text = fields.pop("speaker"), fields.pop("text")
        self.statement_id = add_statement(
            self.project, speaker, text, source=fields.pop("source", "") or "", id=self.statement_id, **fields
        )
        self.events.statements_changed.emit()

    def revert(self) -> None:
        assert self.statement_id is not None
        speaker = self.project.statement(self.statement_id).speaker
        with self.project.transaction():
            self.project.delete_statement(self.statement_id)
            self.project.drop_unused_speakers([speaker])
        self.events.statements_changed.emit()


class EditStatementCommand(ProjectCommand):
    """Change a statement's fields; when its text changes, its annotations are re-anchored."""

    def __init__(
        self, project: Project, events: ProjectEvents, statement_id: int, fields: dict[str, Any]
    ) -> None:
        old = project.statement(statement_id)
        super().__init__(project, events, f"edit statement by {old.speaker}")
        self.statement_id = statement_id
        self.new = dict(fields)
        self.old: dict[str, Any] = {
            "speaker": old.speaker,
            "text": old.text,
            "role": old.role,
            "said_on": old.said_on,
            "occasion": old.occasion,
            "source_id": old.source_id,
        }
        self.old = {key: value for key, value in self.old.items() if key in self.new or key == "source_id"}
        self.lost: list[int] = []
        # Exact spans before the edit, so undo puts every target back where it was.
        self._targets_before = project.target_positions(statement_id)

    def apply(self) -> None:
        fields = dict(self.new)
        source = fields.pop("source", None)
        with self.project.transaction():
            if source is not None:
                fields["source_id"] = self.project.ensure_source(source) if source.strip() else None
            self.lost = self.project.update_statement(self.statement_id, **fields)
        self.events.statements_changed.emit()
        self.events.annotations_changed.emit(None)
        if self.lost:
            count = len(self.lost)
            self.events.message.emit(
                f"Statement saved; {count} annotated span{'s' if count > 1 else ''} no longer "
                "match the text and are flagged for review"
            )

    def revert(self) -> None:
        with self.project.transaction():
            self.project.update_statement(self.statement_id, **self.old)
            if "speaker" in self.new:
                self.project.drop_unused_speakers([self.new["speaker"]])
            self.project.put_target_positions(self._targets_before)
        self.events.statements_changed.emit()
        self.events.annotations_changed.emit(None)


class DeleteStatementCommand(ProjectCommand):
    def __init__(self, project: Project, events: ProjectEvents, statement_id: int) -> None:
        self.snapshot: StatementSnapshot = snapshot_statement(project, statement_id)
        super().__init__(project, events, f"delete statement by {self.snapshot.statement.speaker}")

    def apply(self) -> None:
        self.project.delete_statement(self.snapshot.statement.id)
        self.events.statements_changed.emit()
        self.events.comparisons_changed.emit()
        self.events.annotations_changed.emit(None)

    def revert(self) -> None:
        restore_statement(self.project, self.snapshot)
        self.events.statements_changed.emit()
        self.events.comparisons_changed.emit()
        self.events.annotations_changed.emit(None)


class ImportedStatementsCommand(ProjectCommand):
    """Statements an import added (already written when this is pushed): undo removes them, redo restores."""

    def __init__(self, project: Project, events: ProjectEvents, statement_ids: Sequence[int]) -> None:
        count = len(statement_ids)
        super().__init__(project, events, f"import {count} statement{'s' if count != 1 else ''}")
        self.snapshots = [snapshot_statement(project, i) for i in statement_ids]
        self._imported = False

    def apply(self) -> None:
        if not self._imported:
            self._imported = True  # the import itself wrote them
        else:
            with self.project.transaction():
                for snapshot in self.snapshots:
                    restore_statement(self.project, snapshot)
        self.events.statements_changed.emit()

    def revert(self) -> None:
        with self.project.transaction():
            for snapshot in reversed(self.snapshots):
                self.project.delete_statement(snapshot.statement.id)
            self.project.drop_unused_speakers([s.statement.speaker for s in self.snapshots])
        self.events.statements_changed.emit()


class MergeCommand(ProjectCommand):
    """A merged dossier or project (already written when this is pushed): undo removes exactly the rows the
    merge added (and puts back the settings and speaker roles it filled in); redo restores them, same ids."""

    def __init__(self, project: Project, events: ProjectEvents, report: MergeReport, name: str) -> None:
        super().__init__(project, events, f"merge {name}")
        self.report = report
        self.rows: MergedRows = capture_merge(
            project, report.added, info_before=report.info_before, roles_before=report.roles_before
        )
        self._merged = False

    def apply(self) -> None:
        if not self._merged:
            self._merged = True  # the merge itself wrote them
        else:
            restore_merge(self.project, self.rows)
        self._changed()

    def revert(self) -> None:
        remove_merge(self.project, self.rows)
        self._changed()

    def _changed(self) -> None:
        self.events.statements_changed.emit()
        self.events.comparisons_changed.emit()
        self.events.annotations_changed.emit(None)


# -- comparisons -----------------------------------------------------------------------------------


class CreateComparisonCommand(ProjectCommand):
    def __init__(
        self, project: Project, events: ProjectEvents, title: str, statement_ids: Sequence[int]
    ) -> None:
        super().__init__(project, events, f"create comparison “{title}”")
        self.title = title
        self.statement_ids = list(statement_ids)
        self.comparison_id: int | None = None

    def apply(self) -> None:
        self.comparison_id = compare(
            self.project, self.statement_ids, title=self.title, id=self.comparison_id
        )
        self.events.comparisons_changed.emit()

    def revert(self) -> None:
        assert self.comparison_id is not None
        self.project.delete_comparison(self.comparison_id)
        self.events.comparisons_changed.emit()


class RenameComparisonCommand(ProjectCommand):
    def __init__(self, project: Project, events: ProjectEvents, comparison_id: int, title: str) -> None:
        self.old_title = project.comparison(comparison_id).title
        super().__init__(project, events, f"rename comparison to “{title}”")
        self.comparison_id = comparison_id
        self.title = title

    def apply(self) -> None:
        self.project.rename_comparison(self.comparison_id, self.title)
        self.events.comparisons_changed.emit()

    def revert(self) -> None:
        self.project.rename_comparison(self.comparison_id, self.old_title)
        self.events.comparisons_changed.emit()


class SetComparisonStatementsCommand(ProjectCommand):
    """Add, remove or reorder a comparison's statements (dropping statements on the workspace)."""

    def __init__(
        self, project: Project, events: ProjectEvents, comparison_id: int, statement_ids: Sequence[int]
    ) -> None:
        comparison = project.comparison(comparison_id)
        super().__init__(project, events, f"change the statements of “{comparison.title}”")
        self.comparison_id = comparison_id
        self.old = comparison_members(project, comparison_id)
        self.new = list(statement_ids)

    def apply(self) -> None:
        self.project.set_comparison_statements(self.comparison_id, self.new)
        self.events.comparisons_changed.emit()

    def revert(self) -> None:
        restore_members(self.project, self.comparison_id, self.old)
        self.events.comparisons_changed.emit()


class DeleteComparisonCommand(ProjectCommand):
    def __init__(self, project: Project, events: ProjectEvents, comparison_id: int) -> None:
        self.snapshot: ComparisonSnapshot = snapshot_comparison(project, comparison_id)
        super().__init__(project, events, f"delete comparison “{self.snapshot.comparison.title}”")

    def apply(self) -> None:
        self.project.delete_comparison(self.snapshot.comparison.id)
        self.events.comparisons_changed.emit()
        self.events.annotations_changed.emit(self.snapshot.comparison.id)

    def revert(self) -> None:
        restore_comparison(self.project, self.snapshot)
        self.events.comparisons_changed.emit()
        self.events.annotations_changed.emit(self.snapshot.comparison.id)


# -- annotations -----------------------------------------------------------------------------------


def describe_annotation(relation: Relation | str | None, targets: Sequence[TargetSpec]) -> str:
    if relation:
        return f"tag “{Relation(relation).label}”"
    return "annotate a span" if len(targets) == 1 else "annotate spans"


class AddAnnotationCommand(ProjectCommand):
    def __init__(
        self,
        project: Project,
        events: ProjectEvents,
        targets: Sequence[TargetSpec],
        *,
        comparison_id: int | None,
        relation: Relation | str | None = None,
        verdict: Verdict | str | None = None,
        note: str = "",
        tags: Sequence[str] = (),
        origin: str = "user",
        kind: str | None = None,
        text: str | None = None,
        tag_colours: dict[str, str] | None = None,
    ) -> None:
        super().__init__(project, events, text or describe_annotation(relation, targets))
        self.tag_colours = dict(tag_colours or {})
        self.targets = list(targets)
        self.comparison_id = comparison_id
        self.values: dict[str, Any] = {
            "relation": relation,
            "verdict": verdict,
            "note": note,
            "tags": list(tags),
            "origin": origin,
            "kind": kind,
        }
        self.annotation: Annotation | None = None  # as written, so redo restores it exactly
        self.made_tags: set[int] = set()  # tags this edit brought into the project

    @property
    def annotation_id(self) -> int | None:
        return self.annotation.id if self.annotation else None

    def apply(self) -> None:
        with self.project.transaction():
            before = self.project.tag_ids()
            _make_tags(self.project, self.tag_colours)
            if self.annotation is not None:
                self.project.restore_annotation(self.annotation)
            elif self.comparison_id is not None:
                annotation_id = annotate(
                    self.project, self.comparison_id, self.targets, again=True, **self.values
                )
                self.annotation = self.project.annotation(annotation_id)
            else:
                annotation_id = self.project.add_annotation(self.targets, comparison_id=None, **self.values)
                self.annotation = self.project.annotation(annotation_id)
            self.made_tags = self.project.tag_ids() - before
        self.events.annotations_changed.emit(self.comparison_id)

    def revert(self) -> None:
        assert self.annotation is not None
        with self.project.transaction():
            self.project.delete_annotation(self.annotation.id)
            self.project.drop_unused_tags(self.made_tags)
        self.events.annotations_changed.emit(self.comparison_id)


def _make_tags(project: Project, colours: dict[str, str]) -> None:
    """Tags the user made on the fly, with the colours chosen for them."""
    for name, colour in colours.items():
        project.ensure_tag(name, colour)


class AcceptSuggestionCommand(AddAnnotationCommand):
    """An engine suggestion (a ContrastPair) becomes an annotation: a contradiction to be reviewed."""

    def __init__(
        self,
        project: Project,
        events: ProjectEvents,
        comparison_id: int,
        statement_ids: Sequence[int],
        pair: Any,
    ) -> None:
        targets = [
            TargetSpec(statement_ids[pair.left], pair.a[0], pair.a[1]),
            TargetSpec(statement_ids[pair.right], pair.b[0], pair.b[1]),
        ]
        super().__init__(
            project,
            events,
            targets,
            comparison_id=comparison_id,
            relation=Relation.CONTRADICTS,
            verdict=None,
            note=pair.reason,
            origin="engine",
            kind=pair.kind,
            text=f"accept {pair.kind} suggestion",
        )


class EditAnnotationCommand(ProjectCommand):
    FIELDS = ("relation", "verdict", "note", "tags")

    def __init__(
        self,
        project: Project,
        events: ProjectEvents,
        annotation_id: int,
        values: dict[str, Any],
        *,
        tag_colours: dict[str, str] | None = None,
    ) -> None:
        old = project.annotation(annotation_id)
        super().__init__(project, events, "edit annotation")
        self.tag_colours = dict(tag_colours or {})
        self.annotation_id = annotation_id
        self.comparison_id = old.comparison_id
        self.new = {key: values[key] for key in self.FIELDS if key in values}
        self.new["tags"] = list(self.new.get("tags", old.tags))
        self.old: dict[str, Any] = {
            "relation": old.relation,
            "verdict": old.verdict,
            "note": old.note,
            "tags": list(old.tags),
        }
        self.made_tags: set[int] = set()  # tags this edit brought into the project

    def apply(self) -> None:
        with self.project.transaction():
            before = self.project.tag_ids()
            _make_tags(self.project, self.tag_colours)
            self.project.update_annotation(self.annotation_id, **self.new)
            self.made_tags = self.project.tag_ids() - before
        self.events.annotations_changed.emit(self.comparison_id)

    def revert(self) -> None:
        with self.project.transaction():
            self.project.update_annotation(self.annotation_id, **self.old)
            self.project.drop_unused_tags(self.made_tags)
        self.events.annotations_changed.emit(self.comparison_id)


class DeleteAnnotationCommand(ProjectCommand):
    def __init__(self, project: Project, events: ProjectEvents, annotation_id: int) -> None:
        self.annotation = project.annotation(annotation_id)
        super().__init__(project, events, "delete annotation")

    def apply(self) -> None:
        self.project.delete_annotation(self.annotation.id)
        self.events.annotations_changed.emit(self.annotation.comparison_id)

    def revert(self) -> None:
        self.project.restore_annotation(replace(self.annotation))
        self.events.annotations_changed.emit(self.annotation.comparison_id)
