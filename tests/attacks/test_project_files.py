"""Troubles of the project file itself: a full disk, a read-only folder, a damaged or forged file, a refused
value, a lock file that is a link. Each says what is true in one line, and writes nothing it should not."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import struct
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from test_hostile_inputs import cli, one_line_error

import counterpoint.store.project as project_module
from counterpoint.store import Project

pytestmark = pytest.mark.timeout(120)

QUOTE_DOC = 'Mayor Jane Doe said, "We will fix every single road in this city by June." Then she left.\n'


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
    }


def _project(path: Path, statements: int = 12) -> Path:
    with Project.open(path, create=True) as project:
        for i in range(statements):
            project.add_statement(f"Speaker {i}", f"word{i} " * 200)
    return path


# -- a full disk ------------------------------------------------------------------------------------------


@pytest.fixture
def disk_fills_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's max_page_count: the file may grow by two pages more, then writes fail as on a full disk."""
    real = project_module.connect

    def connect(path: Path | str) -> sqlite3.Connection:
        conn = real(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return conn

    monkeypatch.setattr(project_module, "connect", connect)


@pytest.mark.parametrize("what", ["import --quotes", "add"])
def test_a_full_disk_says_so_and_leaves_the_project_as_it_was(
    what: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any, request: Any
) -> None:
    project = _project(tmp_path / "p.counterpoint", statements=1)
    doc = tmp_path / "big.txt"
    doc.write_text(QUOTE_DOC + "and filler words go here, " * 3000 + "\n")
    argv = {
        "import --quotes": ["import", str(project), str(doc), "--quotes"],
        "add": ["add", str(project), "--speaker", "Ann", "--text", "many words " * 20_000],
    }[what]
    request.getfixturevalue("disk_fills_up")
    code, _out, err = attack(f"disk full: {what}", lambda: cli(capsys, *argv))
    assert one_line_error(code, err), err
    assert "disk is full" in err and "free some space" in err, err
    assert "rollback" not in err and "damaged" not in err and "can't be used" not in err, err
    with Project.open(project) as reopened:
        assert reopened.count_statements() == 1
        assert reopened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- a read-only folder -----------------------------------------------------------------------------------


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """Make `folder` refuse new files for real. Root ignores permission bits (os.access says yes and the
    write succeeds), so as root the folder is made immutable (chattr +i), which root obeys too."""
    immutable = os.geteuid() == 0 and shutil.which("chattr") is not None
    if immutable:
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
        immutable = done.returncode == 0
    if not immutable:
        folder.chmod(0o555)
    try:
        probe = folder / "probe"
        try:
            probe.write_text("x")
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("this file system lets us write into any folder (root without chattr)")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        folder.chmod(0o755)


def test_a_project_in_a_read_only_folder_is_read_and_never_called_damaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    project = _project(folder / "p.counterpoint", statements=2)
    (tmp_path / "doc.txt").write_text(QUOTE_DOC)
    before = _digest(folder)
    with read_only_folder(folder):
        code, out, err = attack("read-only: list", lambda: cli(capsys, "list", str(project)))
        assert code == 0 and "Speaker 1" in out, err
        report = tmp_path / "out.json"
        code, _out, err = attack(
            "read-only: export",
            lambda: cli(capsys, "export", str(project), "-o", str(report), "--format", "json"),
        )
        assert code == 0, err
        assert len(json.loads(report.read_text())["statements"]) == 2
        for argv in (
            ["add", str(project), "--speaker", "Ann", "--text", "We will act now."],
            ["import", str(project), str(tmp_path / "doc.txt")],
        ):
            code, _out, err = attack(f"read-only: {argv[0]}", lambda a=argv: cli(capsys, *a))
            assert one_line_error(code, err), err
            assert "read-only" in err and "damaged" not in err, err
    assert _digest(folder) == before


# -- refused values ---------------------------------------------------------------------------------------


def test_a_dossier_value_the_schema_refuses_is_said_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    sample = tmp_path / "s.counterpoint"
    assert cli(capsys, "sample", str(sample))[0] == 0
    dossier = tmp_path / "d.json"
    assert cli(capsys, "export", str(sample), "-o", str(dossier), "--format", "json")[0] == 0
    data = json.loads(dossier.read_text())
    data["annotations"][0]["targets"][0]["start"] = -5
    dossier.write_text(json.dumps(data))
    target = tmp_path / "new.counterpoint"
    code, _out, err = attack("CHECK constraint", lambda: cli(capsys, "import", str(target), str(dossier)))
    assert one_line_error(code, err), err
    assert "constraint failed" not in err and "start at character 0" in err, err
    assert not target.exists()


# -- a damaged statements table ---------------------------------------------------------------------------


def _corrupt_statement_page(path: Path, which: int) -> None:
    """Overwrite one leaf page of the statements table (its root is an interior page) with garbage."""
    with sqlite3.connect(path) as conn:
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'statements'").fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = path.read_bytes()
    page = data[(root - 1) * size : root * size]
    assert page[0] == 0x05, "the statements table should span several pages"
    count = struct.unpack(">H", page[3:5])[0]
    offsets = [struct.unpack(">H", page[12 + 2 * i : 14 + 2 * i])[0] for i in range(count)]
    leaves = [struct.unpack(">I", page[o : o + 4])[0] for o in offsets]
    leaves.append(struct.unpack(">I", page[8:12])[0])
    with path.open("r+b") as stream:
        stream.seek((leaves[which] - 1) * size)
        stream.write(b"\x0d\x00\x05\xff\xff" + b"\xee" * (size - 5))


WRITES = {
    "add": lambda p, t: ["add", str(p), "--speaker", "Ann", "--text", "We will act now."],
    "import a document": lambda p, t: ["import", str(p), str(t / "doc.txt")],
    "import --quotes": lambda p, t: ["import", str(p), str(t / "doc.txt"), "--quotes"],
    "import a dossier": lambda p, t: ["import", str(p), str(t / "d.json")],
    "compare": lambda p, t: ["compare", str(p), "1", "2"],
}


@pytest.mark.parametrize("leaf", [0, -1], ids=["first page", "last page"])
@pytest.mark.parametrize("write", sorted(WRITES))
def test_a_damaged_statements_table_is_refused_on_every_write_path(
    write: str, leaf: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    (tmp_path / "doc.txt").write_text(QUOTE_DOC)
    sample = tmp_path / "s.counterpoint"
    assert cli(capsys, "sample", str(sample))[0] == 0
    assert cli(capsys, "export", str(sample), "-o", str(tmp_path / "d.json"), "--format", "json")[0] == 0
    project = _project(tmp_path / "p.counterpoint")
    _corrupt_statement_page(project, leaf)
    before = project.read_bytes()
    code, _out, err = attack(f"damaged: {write}", lambda: cli(capsys, *WRITES[write](project, tmp_path)))
    assert one_line_error(code, err), err
    assert "damaged" in err and f"counterpoint check {project}" in err, err
    assert project.read_bytes() == before


def test_a_damaged_project_names_its_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    project = _project(tmp_path / "p.counterpoint")
    backup = tmp_path / "p.counterpoint.before-0002_annotation_uuid-20260101T000000.bak"
    shutil.copy(project, backup)
    _corrupt_statement_page(project, 0)
    code, _out, err = attack("damaged: list", lambda: cli(capsys, "list", str(project)))
    assert one_line_error(code, err), err
    assert str(backup) in err and "counterpoint check" in err, err


# -- a forged project marker ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["list", "add", "import", "export"])
def test_a_forged_project_marker_is_refused_without_writing(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    forged = tmp_path / "forged.counterpoint"
    with sqlite3.connect(forged) as conn:
        conn.execute("CREATE TABLE project_info (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO project_info VALUES ('application', 'counterpoint')")
        conn.execute("CREATE TABLE their_data (x)")
    conn.close()
    (tmp_path / "doc.txt").write_text(QUOTE_DOC)
    before = _digest(tmp_path)
    argv = {
        "list": ["list", str(forged)],
        "add": ["add", str(forged), "--speaker", "Ann", "--text", "We will act now."],
        "import": ["import", str(forged), str(tmp_path / "doc.txt")],
        "export": ["export", str(forged), "-o", str(tmp_path / "out.json"), "--format", "json"],
    }[command]
    for attempt in range(2):
        code, _out, err = attack(f"forged marker: {command} {attempt}", lambda: cli(capsys, *argv))
        assert one_line_error(code, err), err
        assert "not a Counterpoint project" in err or "lacks a project's tables" in err, err
    assert _digest(tmp_path) == before


# -- the lock file ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["symbolic link", "hard link", "FIFO"])
def test_a_lock_file_that_is_not_a_plain_file_is_refused_and_left_alone(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    project = _project(tmp_path / "p.counterpoint", statements=1)
    victim = tmp_path / "precious.txt"
    victim.write_text("a file someone cares about\n")
    lock = tmp_path / "p.counterpoint.lock"
    if kind == "symbolic link":
        lock.symlink_to(victim)
    elif kind == "hard link":
        os.link(victim, lock)
    else:
        os.mkfifo(lock)
    argv = ["add", str(project), "--speaker", "Ann", "--text", "We will act now."]
    code, _out, err = attack(f"lock: {kind}", lambda: cli(capsys, *argv))
    assert one_line_error(code, err), err
    assert "lock" in err, err
    assert victim.read_text() == "a file someone cares about\n"
    assert lock.is_symlink() if kind == "symbolic link" else lock.exists()
    with Project.open(project, lock=False) as reopened:
        assert reopened.count_statements() == 1
