"""`counterpoint export`: formats from the extension, and one clear line for each user mistake."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from counterpoint.cli import main
from counterpoint.export.atomic import safe_file_name
from counterpoint.store import Project


@pytest.fixture
def sample_file(sample_project: Project) -> Path:
    return sample_project.path


@pytest.mark.parametrize(
    ("name", "fmt", "start"),
    [
        ("r.html", None, b"<!DOCTYPE html>"),
        ("r.md", None, b"# Use of force"),
        ("r.csv", None, b"dossier,comparison_id"),
        ("r.json", None, b"{"),
        ("w.jsonld", "webanno", b"{"),
        ("c.jsonld", "claimreview", b"{"),
        ("report.anything", "pdf", b"%PDF-"),
    ],
)
def test_formats(sample_file: Path, tmp_path: Path, name: str, fmt: str | None, start: bytes) -> None:
    out = tmp_path / name
    args = ["export", str(sample_file), "-o", str(out)] + (["--format", fmt] if fmt else [])
    assert main(args) == 0
    assert out.read_bytes().startswith(start)


def _error(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


def test_user_mistakes(sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(sample_file)
    assert "folder" in _error(capsys, ["export", db, "-o", str(tmp_path / "missing" / "r.pdf")])
    assert "does not exist" in _error(capsys, ["export", db, "-o", str(tmp_path / "missing" / "r.pdf")])
    assert "there is no comparison 7" in _error(
        capsys, ["export", db, "-o", str(tmp_path / "r.pdf"), "--comparison", "7"]
    )
    assert "can't tell the format" in _error(capsys, ["export", db, "-o", str(tmp_path / "r.docx")])
    assert "webanno or claimreview" in _error(capsys, ["export", db, "-o", str(tmp_path / "r.jsonld")])
    assert "is a folder" in _error(capsys, ["export", db, "-o", str(tmp_path)])
    assert "does not exist" in _error(
        capsys, ["export", str(tmp_path / "nope.db"), "-o", str(tmp_path / "r.pdf")]
    )
    assert not (tmp_path / "nope.db").exists()
    assert "unknown format 'docx'" in _error(
        capsys, ["export", db, "-o", str(tmp_path / "r.pdf"), "--format", "docx"]
    )
    assert "project file itself" in _error(capsys, ["export", db, "-o", db, "--format", "json"])
    with Project.open(sample_file) as reopened:
        assert reopened.count_statements() == 6


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_folder_not_writable(sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert "not writable" in _error(capsys, ["export", str(sample_file), "-o", str(locked / "r.pdf")])
    finally:
        locked.chmod(0o700)


def test_folder_not_writable_as_any_user(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode))
    assert "not writable" in _error(capsys, ["export", str(sample_file), "-o", str(tmp_path / "r.csv")])


def test_comparison_ids_pick_the_comparisons(sample_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "one.md"
    assert main(["export", str(sample_file), "-o", str(out), "--comparison", "2"]) == 0
    text = out.read_text("utf-8")
    assert "Trump vs Sanders" in text and "Trump vs Sessions" not in text


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "etc passwd"),
        ("Trump vs Sessions: a/b", "Trump vs Sessions a b"),
        ("..", "export"),
        ("  .hidden ", "hidden"),
        ("a\x00b\nc", "a b c"),
    ],
)
def test_names_from_data_stay_in_the_folder(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe
    assert "/" not in safe_file_name(name) and not safe_file_name(name).startswith(".")
