"""`counterpoint check`: a sound file passes, a broken search index alone is rebuilt, a damaged table is
reported and what can be read is rescued into a new file; the damaged file is left as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from test_hostile_inputs import cli
from test_project_files import _corrupt_statement_page, _project

pytestmark = pytest.mark.timeout(120)


def test_a_sound_project_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any) -> None:
    project = _project(tmp_path / "p.counterpoint")
    code, out, err = attack("check: sound", lambda: cli(capsys, "check", str(project)))
    assert code == 0 and "is sound" in out, (out, err)


def test_a_broken_search_index_alone_is_rebuilt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    project = _project(tmp_path / "p.counterpoint")
    with sqlite3.connect(project) as conn:  # the index loses its entries; the tables keep theirs
        conn.execute("DELETE FROM statements_fts_data WHERE id > 10")
    conn.close()
    assert (
        cli(capsys, "list", str(project), "--search", "word3")[0] != 0
        or "Speaker 3" not in capsys.readouterr().out
    )
    code, out, err = attack("check: broken index", lambda: cli(capsys, "check", str(project)))
    assert code == 0 and "rebuilt" in out and "statements_fts" in out, (out, err)
    code, out, err = cli(capsys, "list", str(project), "--search", "word3")
    assert code == 0 and "Speaker 3:" in out, (out, err)
    code, out, _err = cli(capsys, "check", str(project))
    assert code == 0 and "is sound" in out


def test_a_damaged_table_is_reported_and_rescued(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    project = _project(tmp_path / "p.counterpoint")
    _corrupt_statement_page(project, 0)
    before = project.read_bytes()
    code, out, err = attack("check: damaged", lambda: cli(capsys, "check", str(project)))
    assert code == 1 and "damaged: statements" in out and "--rescue" in out, (out, err)
    rescued = tmp_path / "rescued.counterpoint"
    code, out, err = attack(
        "check: rescue", lambda: cli(capsys, "check", str(project), "--rescue", str(rescued))
    )
    assert code == 0 and "statements" in out, (out, err)
    assert project.read_bytes() == before
    code, out, err = cli(capsys, "list", str(rescued))
    lines = out.splitlines()
    assert code == 0 and 6 <= len(lines) < 12, out  # the damaged page's rows are lost, the rest kept
    assert "Speaker 11: word11" in out
    assert cli(capsys, "check", str(rescued))[0] == 0
    code, _out, err = cli(capsys, "check", str(project), "--rescue", str(rescued))
    assert code == 1 and "already exists" in err
