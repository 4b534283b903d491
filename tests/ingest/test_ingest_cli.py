"""`counterpoint import`: sources, statements with --quotes, one transaction, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import NEWS

from counterpoint.cli import main
from counterpoint.store import Project


def test_without_quotes_a_document_becomes_a_source_only(
    project_path: Path, reference_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(project_path), str(reference_path)]) == 0
    with Project.open(project_path) as project:
        sources = project.sources()
        assert len(sources) == 1
        assert project.count_statements() == 0
        content = project.source_content(sources[0].id)
    assert content == reference_path.read_text(encoding="utf-8")
    assert "10 quotations found" in capsys.readouterr().out


def test_with_quotes_attributed_quotations_become_statements(
    project_path: Path, reference_path: Path
) -> None:
    assert (
        main(["import", str(project_path), str(reference_path), str(NEWS / "rail-fares.txt"), "--quotes"])
        == 0
    )
    with Project.open(project_path) as project:
        assert len(project.sources()) == 2
        statements = project.statements()
        by_speaker = {s.speaker for s in statements}
        assert {"Donald Trump", "Jeff Sessions", "Chuck Rosenberg", "Perry Tarrant"} <= by_speaker
        joke = next(s for s in statements if "it was a joke" in s.text)
        assert joke.speaker == "Sarah Huckabee Sanders"
        assert joke.role == "Press Secretary"
        assert str(joke.said_on) == "2017-08-01"
        source = project.source_content(joke.source_id) if joke.source_id else None
        assert source is not None and joke.source_start is not None and joke.source_end is not None
        assert source[joke.source_start : joke.source_end] == joke.text


def test_a_bad_file_fails_the_whole_import_with_one_line(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "notes.txt"
    binary.write_bytes(b"\0\1\2\3" * 1000)
    status = main(["import", str(project_path), str(NEWS / "transit-levy.txt"), str(binary), "--quotes"])
    assert status == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "binary file" in err and "Traceback" not in err
    assert not project_path.exists()  # every file is read before the project is touched


def test_a_failure_while_storing_leaves_the_project_as_it_was(
    project_path: Path, reference_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["import", str(project_path), str(NEWS / "transit-levy.txt"), "--quotes"]) == 0
    calls = 0
    original = Project.add_statement

    def failing(self: Project, *args: object, **kwargs: object) -> int:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Project, "add_statement", failing)
    with pytest.raises(RuntimeError):
        main(["import", str(project_path), str(reference_path), "--quotes"])
    monkeypatch.undo()
    with Project.open(project_path) as project:
        assert len(project.sources()) == 1
        assert {s.speaker for s in project.statements()} >= {"Maria Delgado"}
        assert "Jeff Sessions" not in {s.speaker for s in project.statements()}


def test_min_confidence_is_checked(project_path: Path, reference_path: Path) -> None:
    assert main(["import", str(project_path), str(reference_path), "--quotes", "--min-confidence", "2"]) == 1
    assert (
        main(["import", str(project_path), str(reference_path), "--quotes", "--min-confidence", "0.9"]) == 0
    )
    with Project.open(project_path) as project:
        assert all("proven constitutional" not in s.text for s in project.statements())  # attributed at 0.5


def test_help_documents_the_choice_without_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert "Without --quotes" in out and "source only" in out


def test_the_same_document_twice_is_imported_once(
    project_path: Path, reference_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(project_path), str(reference_path), "--quotes"]) == 0
    assert main(["import", str(project_path), str(reference_path), "--quotes"]) == 0
    assert "already in the project as source 1; skipped" in capsys.readouterr().out
    with Project.open(project_path) as project:
        assert len(project.sources()) == 1
        assert project.count_statements() == 10
