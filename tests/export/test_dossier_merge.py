"""The dossier JSON: exported and merged into an empty project, nothing is lost; merged into a project that
holds part of it, only what is new is added (counterpoint.app.merge)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterpoint.app.merge import merge_dossier, merge_project
from counterpoint.errors import UserError
from counterpoint.export import export
from counterpoint.export.dossier import dump, is_dossier_export, read_dossier
from counterpoint.store import Project, TargetSpec

TABLES = {
    "speakers": "id",
    "sources": "id",
    "statements": "id",
    "comparisons": "id",
    "comparison_statements": "comparison_id, position",
    "tags": "id",
    "annotations": "id",
    "annotation_targets": "id",
    "annotation_tags": "annotation_id, tag_id",
    "project_info": "key",
}


def _rows(project: Project) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: project.conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        for table, order in TABLES.items()
    }


def test_round_trip_restores_every_row(rich_project: Project, tmp_path: Path) -> None:
    path = export(rich_project, tmp_path / "dossier.json")
    data = json.loads(path.read_text("utf-8"))
    assert is_dossier_export(data)
    with Project.open(tmp_path / "copy.counterpoint", create=True) as copy:
        report = merge_dossier(copy, read_dossier(path))
        assert report.new["annotations"] == len(rich_project.annotations())
        assert sum(report.present.values()) == 0
        before, after = _rows(rich_project), _rows(copy)
        for table in TABLES:
            assert after[table] == before[table], table
        # And through the typed API, as the app sees it.
        assert copy.annotations() == rich_project.annotations()
        assert copy.comparisons() == rich_project.comparisons()
        assert copy.statements() == rich_project.statements()
        assert copy.sources() == rich_project.sources()
        assert [copy.source_content(s.id) for s in copy.sources()] == [
            rich_project.source_content(s.id) for s in rich_project.sources()
        ]
        assert copy.title == rich_project.title and copy.info("author") == "Zoë Ångström"
        # Full-text search works on what was restored.
        assert copy.search("Élysée")


def test_unanchored_targets_and_engine_origin_survive(rich_project: Project, tmp_path: Path) -> None:
    data = dump(rich_project)
    targets = [t for a in data["annotations"] for t in a["targets"]]
    assert any(not t["anchored"] for t in targets)
    assert any(a["origin"] == "engine" and a["kind"] == "quantity" for a in data["annotations"])
    assert any(a["comparison_id"] is None for a in data["annotations"])


def test_merging_the_same_dossier_again_adds_nothing(sample_project: Project) -> None:
    data = dump(sample_project)
    report = merge_dossier(sample_project, data)
    assert sum(report.new.values()) == 0
    assert report.present["statements"] == 6 and report.present["annotations"] == 2
    assert report.summary().startswith("0 new, ")
    assert sample_project.count_statements() == 6
    assert len(sample_project.comparisons()) == 2
    assert len(sample_project.annotations()) == 2
    assert len(sample_project.sources()) == 1 and len(sample_project.tags()) == 2


def test_two_colleagues_tagging_copies_get_the_union(sample_project: Project, tmp_path: Path) -> None:
    original = dump(sample_project)
    with Project.open(tmp_path / "colleague.counterpoint", create=True) as colleague:
        merge_dossier(colleague, original)
        trump, sanders = colleague.statements(search="paddy")[0], colleague.statements(search="joke")[0]
        comparison = colleague.add_comparison("Trump vs Sanders", [trump.id, sanders.id])
        colleague.add_annotation(
            [
                _target(colleague, trump.id, "rough"),
                _target(colleague, sanders.id, "it was a joke"),
            ],
            comparison_id=comparison,
            verdict="partly_inconsistent",
            note="a colleague's reading",
        )
    # Meanwhile the first reporter tagged her own copy.
    first = sample_project.annotations()[0]
    sample_project.add_annotation(
        [_target(sample_project, first.targets[0].statement_id, "thugs")],
        comparison_id=first.comparison_id,
        note="loaded word",
    )
    report = merge_project(sample_project, tmp_path / "colleague.counterpoint")
    assert report.new["comparisons"] == 1 and report.new["annotations"] == 1
    assert report.new["statements"] == 0
    notes = {a.note for a in sample_project.annotations()}
    assert {"a colleague's reading", "loaded word"} <= notes
    assert len(sample_project.annotations()) == 4
    # And the other way round: the colleague gets the first reporter's note, once, however often merged.
    with Project.open(tmp_path / "colleague.counterpoint") as colleague:
        for _ in range(2):
            merge_dossier(colleague, dump(sample_project))
        assert sorted(a.note for a in colleague.annotations()) == sorted(
            a.note for a in sample_project.annotations()
        )


def _target(project: Project, statement_id: int, words: str) -> TargetSpec:
    text = project.statement(statement_id).text
    start = text.index(words)
    return TargetSpec(statement_id, start, start + len(words))


def test_subset_export_holds_what_its_comparisons_use(sample_project: Project) -> None:
    data = dump(sample_project, [2])
    assert [c["id"] for c in data["comparisons"]] == [2]
    assert {s["id"] for s in data["statements"]} == set(sample_project.comparison(2).statement_ids)
    assert data["annotations"] == []


def test_restore_rejects_what_is_not_a_dossier(project: Project, tmp_path: Path) -> None:
    assert not is_dossier_export([1, 2])
    assert not is_dossier_export({"format": "something"})
    with pytest.raises(UserError, match="not a Counterpoint dossier"):
        merge_dossier(project, {"title": "x"})
    with pytest.raises(UserError, match="newer Counterpoint"):
        merge_dossier(project, {"format": "counterpoint-dossier", "version": 99})
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(UserError, match="not a JSON file"):
        read_dossier(bad)


def test_damaged_dossier_changes_nothing(sample_project: Project, tmp_path: Path) -> None:
    data = dump(sample_project)
    del data["statements"][3]["text"]
    with Project.open(tmp_path / "empty.counterpoint", create=True) as empty:
        with pytest.raises(UserError, match="damaged"):
            merge_dossier(empty, data)
        assert empty.count_statements() == 0
        assert empty.speakers() == []


def test_import_beside_existing_data_keeps_the_projects_own_settings(
    sample_project: Project, tmp_path: Path
) -> None:
    data = dump(sample_project)
    data["info"]["title"] = "Another dossier"
    data["tags"][0]["colour"] = "#000000"
    merge_dossier(sample_project, data)
    assert sample_project.title.startswith("Use of force")
    assert "#000000" not in {t.colour for t in sample_project.tags()}


def test_an_export_reads_one_moment_of_the_project(sample_project: Project, tmp_path: Path) -> None:
    # The app saves edits while a worker exports: what is saved mid-export is not half in the file.
    original = sample_project.comparisons

    def comparisons_then_someone_edits() -> list:  # type: ignore[type-arg]
        found = original()
        with Project.open(sample_project.path) as other:
            other.add_statement("Late Speaker", "Said while the export ran.")
        return found

    sample_project.comparisons = comparisons_then_someone_edits  # type: ignore[method-assign]
    data = json.loads(export(sample_project, tmp_path / "d.json").read_text("utf-8"))
    assert "Late Speaker" not in {s["name"] for s in data["speakers"]}
    assert len(data["statements"]) == 6
    assert sample_project.count_statements() == 7  # after the export, the edit is there
