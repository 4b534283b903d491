"""The command line's project subcommands: sample, add, list, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from counterpoint.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sample_then_list_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "d.db"
    code, out, _ = run(capsys, "sample", str(project))
    assert code == 0 and "6 statements, 2 comparisons, 2 annotations" in out
    code, out, _ = run(capsys, "list", str(project), "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 6
    assert set(rows[0]) == {"id", "speaker", "role", "date", "occasion", "source", "text"}
    trump = next(r for r in rows if r["speaker"] == "Donald Trump")
    assert trump["date"] == "2017-07-28" and "Please don't be too nice" in trump["text"]


def test_add_creates_the_project_and_list_filters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "new.db"
    text_file = tmp_path / "statement.txt"
    text_file.write_text("We will not back off — ever. ✊🏾\n", encoding="utf-8")
    code, out, _ = run(
        capsys,
        "add",
        str(project),
        "--speaker",
        "Jeff Sessions",
        "--date",
        "2017-08-01",
        "--source",
        "NBC News",
        "--file",
        str(text_file),
    )
    assert code == 0 and out.strip() == "1"
    run(capsys, "add", str(project), "--speaker", "Donald Trump", "--text", "Please don't be too nice.")
    code, out, _ = run(capsys, "list", str(project), "--speaker", "Jeff Sessions", "--json")
    rows = json.loads(out)
    assert [r["text"] for r in rows] == ["We will not back off — ever. ✊🏾"]
    assert rows[0]["source"] == "NBC News"
    code, out, _ = run(capsys, "list", str(project), "--search", 'nice" OR -x NEAR(')
    assert code == 0 and out == ""
    code, out, _ = run(capsys, "list", str(project), "--search", "nice")
    assert "Donald Trump" in out and "Sessions" not in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["list", "{tmp}/missing.db"], "does not exist"),
        (["add", "{tmp}/p.db", "--speaker", "X", "--date", "1 August", "--text", "t"], "not a date"),
        (["add", "{tmp}/p.db", "--speaker", "X", "--text", "   "], "needs some text"),
        (["add", "{tmp}/p.db", "--speaker", "X", "--file", "{tmp}/binary.txt"], "binary"),
        (["add", "{tmp}/p.db", "--speaker", "X", "--file", "{tmp}/latin1.txt"], "not UTF-8"),
        (["list", "{tmp}/binary.txt"], "not a Counterpoint project"),
        (["sample", "{tmp}/no/folder/p.db"], "does not exist"),
    ],
)
def test_user_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Déclaration du ministre".encode("latin-1"))
    code, _, err = run(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in argv))
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("counterpoint: error: ") and message in err
    assert "Traceback" not in err


def test_entry_point_runs_as_a_module(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "counterpoint", "list", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"counterpoint: error: {tmp_path / 'none.db'} does not exist"
