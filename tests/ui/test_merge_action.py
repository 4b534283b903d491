"""File > Merge dossier or project… (issue 11): the sample dossier, exported as JSON, merged into a project
holding part of it adds only what is new, says so in the status bar, and one Undo takes exactly that away."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from counterpoint.app.merge import merge_dossier
from counterpoint.export.dossier import dump
from counterpoint.store import Project
from counterpoint.store.merge_undo import RESTORE_ORDER
from counterpoint.store.sample import write_sample

TABLES = RESTORE_ORDER  # every table a merge writes, parents first


def _rows(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table a merge writes, as stored (ids included)."""
    return {
        table: sorted(tuple(row) for row in project._execute(f"SELECT * FROM {table}")) for table in TABLES
    }


def _counts(project: Project) -> dict[str, int]:
    return {table: len(rows) for table, rows in _rows(project).items()}


@pytest.fixture
def dossiers(tmp_path: Path) -> tuple[Path, Path, dict[str, Any]]:
    """The whole sample dossier as a JSON export, and a project holding one of its comparisons only."""
    with Project.open(tmp_path / "sample.counterpoint", create=True) as sample:
        write_sample(sample)
        whole = dump(sample)
        # The comparison without annotations: the merge then brings annotations, tags and their links.
        bare = min((c.id for c in sample.comparisons()), key=lambda c: len(sample.annotations(c)))
        part = dump(sample, [bare])
    exported = tmp_path / "sample-dossier.json"
    exported.write_text(json.dumps(whole), "utf-8")
    partial = tmp_path / "partial.counterpoint"
    with Project.open(partial, create=True) as project:
        merge_dossier(project, part)
    return exported, partial, whole


def test_merge_adds_what_is_new_and_one_undo_takes_it_away(
    qtbot: Any, open_window: Any, dossiers: tuple[Path, Path, dict[str, Any]]
) -> None:
    exported, partial, whole = dossiers
    window = open_window(partial)
    project = window.project
    before_rows = _rows(project)
    before = _counts(project)
    assert 0 < before["statements"] < len(whole["statements"])
    assert before["comparisons"] == 1
    assert before["annotations"] < len(whole["annotations"])

    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "File")
    assert window.merge_action.action in menu.actions()

    with qtbot.waitSignal(window.merge_action.finished, timeout=20_000) as landed:
        window.merge_action.merge(exported)
    after = _counts(project)
    assert after["statements"] == len(whole["statements"])
    assert after["comparisons"] == len(whole["comparisons"])
    assert after["annotations"] == len(whole["annotations"])
    assert after["tags"] == len(whole["tags"])
    assert after["annotation_tags"] > before["annotation_tags"]
    new_statements = len(whole["statements"]) - before["statements"]
    message = window.statusBar().currentMessage()
    assert message == landed.args[0]
    assert "sample-dossier.json" in message
    # Whole dossier: every record is either new or already present, and the report adds up to that.
    records = sum(
        len(whole[k]) for k in ("speakers", "sources", "statements", "tags", "comparisons", "annotations")
    )
    new_count = int(message.split(": ", 1)[1].split(" new, ")[0])
    present = int(message.split(" new, ")[1].split(" already present")[0])
    assert new_count + present == records
    assert 0 < present < records
    assert f"{new_statements} statement" in message
    assert window.comparison_list.count() == len(whole["comparisons"])
    assert window.counts_label.text().startswith(f"{after['statements']:,} statements")
    qtbot.waitUntil(lambda: not window.library.busy, timeout=10_000)
    assert window.library.model.rowCount() == after["statements"]
    after_rows = _rows(project)

    window.undo_stack.undo()
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 0
    assert _counts(project) == before
    assert _rows(project) == before_rows
    assert window.comparison_list.count() == before["comparisons"]
    qtbot.waitUntil(lambda: not window.library.busy, timeout=10_000)
    assert window.library.model.rowCount() == before["statements"]

    window.undo_stack.redo()
    assert _counts(project) == after
    assert _rows(project) == after_rows  # the same rows, ids included
    assert window.comparison_list.count() == len(whole["comparisons"])


def test_merging_the_same_dossier_again_adds_nothing_and_no_undo_step(
    qtbot: Any, open_window: Any, dossiers: tuple[Path, Path, dict[str, Any]]
) -> None:
    exported, partial, _whole = dossiers
    window = open_window(partial)
    with qtbot.waitSignal(window.merge_action.finished, timeout=20_000):
        window.merge_action.merge(exported)
    rows = _rows(window.project)
    with qtbot.waitSignal(window.merge_action.finished, timeout=20_000) as landed:
        window.merge_action.merge(exported)
    assert landed.args[0].split(": ", 1)[1].startswith("0 new, ")
    assert _rows(window.project) == rows
    assert window.undo_stack.count() == 1


def test_a_file_that_is_not_a_dossier_merges_nothing(
    qtbot: Any, open_window: Any, dossiers: tuple[Path, Path, dict[str, Any]], tmp_path: Path
) -> None:
    _exported, partial, _whole = dossiers
    window = open_window(partial)
    rows = _rows(window.project)
    stray = tmp_path / "notes.json"
    stray.write_text('{"hello": "world"}', "utf-8")
    with qtbot.waitSignal(window.merge_action.finished, timeout=20_000) as landed:
        window.merge_action.merge(stray)
    assert landed.args[0] == "Nothing merged from notes.json"
    assert _rows(window.project) == rows
    assert window.undo_stack.count() == 0
    assert window.merge_action.action.isEnabled()
