"""`counterpoint import` restores a dossier written by `counterpoint export --format json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterpoint.cli import main
from counterpoint.export.dossier import dump
from counterpoint.store import Project


def test_export_json_then_import_restores_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original, copy, exported = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "dossier.json"
    assert main(["sample", str(original)]) == 0
    assert main(["export", str(original), "-o", str(exported)]) == 0
    assert main(["import", str(copy), str(exported)]) == 0
    assert "merged a Counterpoint dossier: 18 new, 0 already present" in capsys.readouterr().out
    with Project.open(original) as a, Project.open(copy) as b:
        before, after = dump(a), dump(b)
    before.pop("exported", None), after.pop("exported", None)
    assert after == before


def test_other_json_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "data.json"
    other.write_text(json.dumps({"statements": []}))
    project = tmp_path / "p.db"
    assert main(["sample", str(project)]) == 0
    capsys.readouterr()
    assert main(["import", str(project), str(other)]) == 1
    err = capsys.readouterr().err
    assert "not a Counterpoint dossier export" in err and err.count("\n") == 1
    with Project.open(project) as opened:
        assert opened.count_statements() == 6
