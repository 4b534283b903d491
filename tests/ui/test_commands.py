"""Undoable edits: each command changes the project file, undo puts it back exactly, redo again."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from counterpoint.engine.model import ContrastPair
from counterpoint.errors import UserError
from counterpoint.store import Project, Relation, TargetSpec, Verdict
from counterpoint.ui import commands as cmd


@pytest.fixture
def events(qapp: Any) -> cmd.ProjectEvents:
    return cmd.ProjectEvents()


@pytest.fixture
def stack(qapp: Any) -> QUndoStack:
    return QUndoStack()


def _span(project: Project, statement_id: int, quote: str) -> TargetSpec:
    start = project.statement(statement_id).text.index(quote)
    return TargetSpec(statement_id, start, start + len(quote))


def _dump(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    """Every row a user would care about, to compare a project before an edit and after its undo."""
    tables = {
        "statements": "SELECT id, speaker_id, role, said_on, occasion, text, source_id FROM statements",
        "comparisons": "SELECT id, title FROM comparisons",
        "members": "SELECT comparison_id, statement_id, position FROM comparison_statements",
        "annotations": "SELECT id, comparison_id, relation, verdict, note, origin, kind FROM annotations",
        "targets": 'SELECT id, annotation_id, statement_id, position, exact, prefix, suffix, start, "end", '
        "anchored FROM annotation_targets",
        "annotation_tags": "SELECT annotation_id, tag_id FROM annotation_tags",
        "tags": "SELECT name, colour FROM tags",
    }
    return {name: sorted(project.conn.execute(sql).fetchall()) for name, sql in tables.items()}


def test_add_statement_undo_redo_keeps_its_id(
    sample_project: Project, events: Any, stack: QUndoStack
) -> None:
    before = _dump(sample_project)
    command = cmd.AddStatementCommand(
        sample_project,
        events,
        {
            "speaker": "Jeff Sessions",
            "text": "We will back the police.",
            "said_on": "2017-08-02",
            "source": "Memo",
        },
    )
    command.perform(stack)
    added = command.statement_id
    assert added is not None
    assert sample_project.statement(added).source_title == "Memo"
    stack.undo()
    assert _dump(sample_project) == before
    stack.redo()
    assert sample_project.statement(added).text == "We will back the police."


def test_edit_statement_text_reanchors_and_undo_restores(
    sample_project: Project, events: Any, stack: QUndoStack
) -> None:
    trump = sample_project.comparison(1).statement_ids[0]
    before = _dump(sample_project)
    old_text = sample_project.statement(trump).text
    command = cmd.EditStatementCommand(sample_project, events, trump, {"text": "[Transcript] " + old_text})
    command.perform(stack)
    assert command.lost == []
    spans = [t for a in sample_project.annotations(1) for t in a.targets if t.statement_id == trump]
    assert {t.exact for t in spans} == {"Please don't be too nice", "rough"}
    text = sample_project.statement(trump).text
    assert all(text[t.start : t.end] == t.exact and t.anchored for t in spans)
    stack.undo()
    assert _dump(sample_project) == before


def test_edit_that_removes_a_quote_flags_it_and_undo_unflags(
    sample_project: Project, events: Any, stack: QUndoStack
) -> None:
    trump = sample_project.comparison(1).statement_ids[0]
    before = _dump(sample_project)
    text = sample_project.statement(trump).text.replace("Please don't be too nice", "Be professional")
    messages: list[str] = []
    events.message.connect(messages.append)
    command = cmd.EditStatementCommand(sample_project, events, trump, {"text": text})
    command.perform(stack)
    assert len(command.lost) == 1
    assert messages and "flagged" in messages[0]
    flagged = [t for a in sample_project.annotations(1) for t in a.targets if not t.anchored]
    assert [t.exact for t in flagged] == ["Please don't be too nice"]  # kept, not dropped
    stack.undo()
    assert _dump(sample_project) == before


def test_delete_statement_undo_restores_memberships_and_annotations(
    sample_project: Project, events: Any, stack: QUndoStack
) -> None:
    sessions = sample_project.comparison(1).statement_ids[1]
    before = _dump(sample_project)
    annotations_before = sample_project.annotations()
    cmd.DeleteStatementCommand(sample_project, events, sessions).perform(stack)
    assert sessions not in sample_project.comparison(1).statement_ids
    assert len(sample_project.annotations(1)) == 1
    stack.undo()
    assert _dump(sample_project) == before
    assert sample_project.annotations() == annotations_before
    stack.redo()
    assert sessions not in {s.id for s in sample_project.statements()}


def test_comparison_create_rename_delete_undo(
    sample_project: Project, events: Any, stack: QUndoStack
) -> None:
    before = _dump(sample_project)
    ids = [s.id for s in sample_project.statements(speaker="Jeff Sessions")]
    create = cmd.CreateComparisonCommand(sample_project, events, "Sessions against himself", ids)
    create.perform(stack)
    assert create.comparison_id is not None
    cmd.RenameComparisonCommand(sample_project, events, create.comparison_id, "Sessions, twice").perform(
        stack
    )
    assert sample_project.comparison(create.comparison_id).title == "Sessions, twice"
    cmd.DeleteComparisonCommand(sample_project, events, 1).perform(stack)
    assert [c.id for c in sample_project.comparisons()] == [2, create.comparison_id]
    assert sample_project.annotations(1) == []
    stack.undo()  # the deleted comparison comes back with its annotations
    assert len(sample_project.annotations(1)) == 2
    stack.undo()
    stack.undo()
    assert _dump(sample_project) == before
    stack.redo()
    stack.redo()
    stack.redo()
    assert sample_project.comparison(create.comparison_id).title == "Sessions, twice"


def test_set_comparison_statements_undo(sample_project: Project, events: Any, stack: QUndoStack) -> None:
    members = list(sample_project.comparison(2).statement_ids)
    extra = next(s.id for s in sample_project.statements() if s.id not in members)
    cmd.SetComparisonStatementsCommand(sample_project, events, 2, [*members, extra]).perform(stack)
    assert sample_project.comparison(2).statement_ids == (*members, extra)
    stack.undo()
    assert sample_project.comparison(2).statement_ids == tuple(members)


def test_annotation_add_edit_delete_undo(sample_project: Project, events: Any, stack: QUndoStack) -> None:
    trump, sessions = sample_project.comparison(1).statement_ids[:2]
    before = _dump(sample_project)
    changed: list[Any] = []
    events.annotations_changed.connect(changed.append)
    add = cmd.AddAnnotationCommand(
        sample_project,
        events,
        [_span(sample_project, trump, "thugs"), _span(sample_project, sessions, "Community-based policing")],
        comparison_id=1,
        relation=Relation.CONTRADICTS,
        verdict=Verdict.PARTLY_INCONSISTENT,
        note="Framing of suspects",
        tags=["framing", "use of force"],
    )
    add.perform(stack)
    assert changed == [1]
    created = sample_project.annotation(add.annotation_id or 0)
    cmd.EditAnnotationCommand(
        sample_project, events, created.id, {"verdict": Verdict.CONTRADICTION, "note": "Stronger", "tags": []}
    ).perform(stack)
    edited = sample_project.annotation(created.id)
    assert (edited.verdict, edited.note, edited.tags) == (Verdict.CONTRADICTION, "Stronger", ())
    cmd.DeleteAnnotationCommand(sample_project, events, created.id).perform(stack)
    with pytest.raises(UserError):
        sample_project.annotation(created.id)
    stack.undo()
    assert sample_project.annotation(created.id) == edited
    stack.undo()
    restored = sample_project.annotation(created.id)
    assert (restored.verdict, restored.note, restored.tags) == (
        Verdict.PARTLY_INCONSISTENT,
        "Framing of suspects",
        ("framing", "use of force"),
    )
    stack.undo()
    assert _dump(sample_project) == before
    stack.redo()
    assert sample_project.annotation(created.id).targets == created.targets  # the same spans, same ids


def test_undo_removes_a_tag_the_edit_made_unless_something_else_uses_it(
    sample_project: Project, events: Any, stack: QUndoStack
) -> None:
    trump, sessions = sample_project.comparison(1).statement_ids[:2]
    names = lambda: {t.name: t.colour for t in sample_project.tags()}  # noqa: E731
    before = names()
    add = cmd.AddAnnotationCommand(
        sample_project,
        events,
        [_span(sample_project, trump, "thugs")],
        comparison_id=1,
        tags=["dehumanising", "use of force"],
        tag_colours={"dehumanising": "#8e44ad"},
    )
    add.perform(stack)
    assert names()["dehumanising"] == "#8e44ad"
    stack.undo()
    assert names() == before, "the tag made in the editor went with the annotation"
    stack.redo()
    assert (
        names()["dehumanising"] == "#8e44ad"
        and "dehumanising" in sample_project.annotation(add.annotation_id or 0).tags
    )

    # An edit that makes a tag: undone, the tag goes too.
    cmd.EditAnnotationCommand(
        sample_project,
        events,
        add.annotation_id or 0,
        {"tags": ["dehumanising", "rhetoric"]},
        tag_colours={"rhetoric": "#16a085"},
    ).perform(stack)
    assert "rhetoric" in names()
    stack.undo()
    assert "rhetoric" not in names() and "dehumanising" in names()

    # Taken up by another annotation in the meantime, a tag outlives the undo of the edit that made it.
    cmd.AddAnnotationCommand(
        sample_project,
        events,
        [_span(sample_project, sessions, "Community-based policing")],
        comparison_id=1,
        tags=["dehumanising"],
    ).perform(stack)
    stack.undo()  # the second annotation: "dehumanising" was not its to remove
    assert "dehumanising" in names()
    # Used by an annotation that is not on the undo stack (an import, say), it stays too.
    sample_project.add_annotation(
        [_span(sample_project, sessions, "Community-based policing")], comparison_id=1, tags=["dehumanising"]
    )
    stack.undo()  # the first annotation, which made the tag
    assert "dehumanising" in names()


def test_accept_suggestion_makes_an_engine_annotation(
    sample_project: Project, events: Any, stack: QUndoStack
) -> None:
    members = sample_project.comparison(1).statement_ids
    trump_text = sample_project.statement(members[0]).text
    sessions_text = sample_project.statement(members[1]).text
    a = trump_text.index("rough")
    b = sessions_text.index("in a lawful way")
    pair = ContrastPair(0, 1, (a, a + 5), (b, b + 15), "framing", 0.7, "'rough' against 'in a lawful way'")
    command = cmd.AcceptSuggestionCommand(sample_project, events, 1, members, pair)
    command.perform(stack)
    annotation = sample_project.annotation(command.annotation_id or 0)
    assert annotation.origin == "engine" and annotation.kind == "framing"
    assert annotation.relation == Relation.CONTRADICTS
    assert [t.exact for t in annotation.targets] == ["rough", "in a lawful way"]
    assert stack.undoText() == "accept framing suggestion"
    stack.undo()
    assert len(sample_project.annotations(1)) == 2


def test_a_refused_edit_is_not_pushed(sample_project: Project, events: Any, stack: QUndoStack) -> None:
    with pytest.raises(UserError):
        cmd.CreateComparisonCommand(sample_project, events, "   ", [1, 2]).perform(stack)
    with pytest.raises(UserError):
        cmd.AddStatementCommand(sample_project, events, {"speaker": "X", "text": "  "}).perform(stack)
    assert stack.count() == 0


def test_imported_statements_undo_and_redo(sample_project: Project, events: Any, stack: QUndoStack) -> None:
    before = _dump(sample_project)
    added = [sample_project.add_statement("New Voice", f"Imported quotation {n}.") for n in range(3)]
    command = cmd.ImportedStatementsCommand(sample_project, events, added)
    command.perform(stack)  # the import already wrote them: pushing changes nothing
    assert sample_project.count_statements() == 9
    stack.undo()
    assert sample_project.count_statements() == 6
    assert _dump(sample_project)["statements"] == before["statements"]
    stack.redo()
    assert [sample_project.statement(i).text for i in added] == [f"Imported quotation {n}." for n in range(3)]


def test_undoing_a_new_speakers_statement_leaves_no_empty_speaker(
    sample_project: Project, events: Any, stack: QUndoStack
) -> None:
    speakers = sample_project.speaker_names()
    cmd.AddStatementCommand(sample_project, events, {"speaker": "New Voice", "text": "Hello."}).perform(stack)
    assert "New Voice" in sample_project.speaker_names()
    stack.undo()
    assert sample_project.speaker_names() == speakers
    trump = sample_project.comparison(1).statement_ids[0]
    cmd.EditStatementCommand(sample_project, events, trump, {"speaker": "Donald J. Trump"}).perform(stack)
    stack.undo()
    assert sample_project.speaker_names() == speakers
    assert sample_project.statement(trump).speaker == "Donald Trump"


def test_deleting_two_annotated_statements_undoes_exactly(
    sample_project: Project, events: Any, stack: QUndoStack
) -> None:
    before = _dump(sample_project)
    trump, sessions = sample_project.comparison(1).statement_ids[:2]
    stack.beginMacro("delete 2 statements")
    cmd.DeleteStatementCommand(sample_project, events, trump).perform(stack)
    cmd.DeleteStatementCommand(sample_project, events, sessions).perform(stack)
    stack.endMacro()
    assert sample_project.annotations(1) == []
    stack.undo()
    assert _dump(sample_project) == before
    stack.redo()
    assert sample_project.count_statements() == 4


def test_deleting_three_of_four_columns_undoes_in_order(
    project: Project, events: Any, stack: QUndoStack
) -> None:
    ids = [project.add_statement(f"Speaker {n}", f"Statement {n}.") for n in range(4)]
    comparison = project.add_comparison("Four", ids)
    stack.beginMacro("delete 3 statements")
    for statement_id in ids[:3]:
        cmd.DeleteStatementCommand(project, events, statement_id).perform(stack)
    stack.endMacro()
    assert project.comparison(comparison).statement_ids == (ids[3],)
    stack.undo()
    assert project.comparison(comparison).statement_ids == tuple(ids)


def test_undoing_a_comparison_delete_then_a_statement_delete_keeps_the_order(
    project: Project, events: Any, stack: QUndoStack
) -> None:
    ids = [project.add_statement(f"Speaker {n}", f"Statement {n}.") for n in range(3)]
    comparison = project.add_comparison("Three", ids)
    cmd.DeleteStatementCommand(project, events, ids[1]).perform(stack)
    cmd.DeleteComparisonCommand(project, events, comparison).perform(stack)
    stack.undo()
    assert project.comparison(comparison).statement_ids == (ids[0], ids[2])
    stack.undo()
    assert project.comparison(comparison).statement_ids == tuple(ids)


def test_undoing_a_drop_then_a_delete_keeps_the_order(
    project: Project, events: Any, stack: QUndoStack
) -> None:
    ids = [project.add_statement(f"Speaker {n}", f"Statement {n}.") for n in range(4)]
    comparison = project.add_comparison("Three", ids[:3])
    cmd.DeleteStatementCommand(project, events, ids[1]).perform(stack)
    cmd.SetComparisonStatementsCommand(project, events, comparison, [ids[0], ids[2], ids[3]]).perform(stack)
    stack.undo()
    stack.undo()
    assert project.comparison(comparison).statement_ids == tuple(ids[:3])


@pytest.mark.parametrize("seed", range(12))
def test_any_sequence_of_edits_undoes_to_the_start_and_redoes_to_the_end(
    sample_project: Project, events: Any, stack: QUndoStack, seed: int
) -> None:
    """Random edits of every kind; undoing them all gives back the file as it was, redoing them all gives
    the file as it was after them: each command's undo is exact, whatever came before it."""
    import random

    rng = random.Random(seed)
    project = sample_project
    start = _dump(project)

    def random_span(statement_id: int) -> TargetSpec:
        text = project.statement(statement_id).text
        start = rng.randrange(0, len(text) - 5)
        return TargetSpec(statement_id, start, start + rng.randint(1, 5))

    def edit() -> cmd.ProjectCommand | None:
        statements = [s.id for s in project.statements()]
        comparisons = project.comparisons()
        annotations = project.annotations()
        choice = rng.randrange(10)
        if choice == 0:
            return cmd.AddStatementCommand(
                project, events, {"speaker": f"P{rng.randrange(3)}", "text": "New words."}
            )
        if choice == 1 and statements:
            statement_id = rng.choice(statements)
            text = project.statement(statement_id).text
            return cmd.EditStatementCommand(
                project, events, statement_id, {"text": "Note: " + text[rng.randrange(3) :]}
            )
        if choice == 2 and len(statements) > 2:
            return cmd.DeleteStatementCommand(project, events, rng.choice(statements))
        if choice == 3 and len(statements) >= 2:
            return cmd.CreateComparisonCommand(project, events, "C", rng.sample(statements, 2))
        if choice == 4 and comparisons:
            return cmd.RenameComparisonCommand(
                project, events, rng.choice(comparisons).id, f"R{rng.random()}"
            )
        if choice == 5 and comparisons:
            return cmd.DeleteComparisonCommand(project, events, rng.choice(comparisons).id)
        if choice == 6 and comparisons:
            comparison = rng.choice(comparisons)
            others = [s for s in statements if s not in comparison.statement_ids]
            if others and len(comparison.statement_ids) < 4:
                members = [*comparison.statement_ids, rng.choice(others)]
                return cmd.SetComparisonStatementsCommand(project, events, comparison.id, members)
        if choice == 7 and comparisons:
            comparison = rng.choice(comparisons)
            if len(comparison.statement_ids) >= 2:
                a, b = rng.sample(list(comparison.statement_ids), 2)
                return cmd.AddAnnotationCommand(
                    project,
                    events,
                    [random_span(a), random_span(b)],
                    comparison_id=comparison.id,
                    relation=rng.choice(list(Relation)),
                    note="n",
                    tags=[rng.choice(["x", "y"])],
                )
        if choice == 8 and annotations:
            return cmd.EditAnnotationCommand(
                project,
                events,
                rng.choice(annotations).id,
                {"verdict": rng.choice(list(Verdict)), "tags": []},
            )
        if choice == 9 and annotations:
            return cmd.DeleteAnnotationCommand(project, events, rng.choice(annotations).id)
        return None

    done = 0
    while done < 30:
        command = edit()
        if command is not None:
            command.perform(stack)
            done += 1
    end = _dump(project)
    while stack.canUndo():
        stack.undo()
    assert _dump(project) == start
    while stack.canRedo():
        stack.redo()
    assert _dump(project) == end
