"""`counterpoint import` reads a transcript as speaker turns: detected, or forced with --transcript."""

from __future__ import annotations

from pathlib import Path

from transcript_gold import DATA

from counterpoint.cli import main
from counterpoint.store import Project


def test_import_transcript_keeps_each_named_turn_with_its_offsets(project_path: Path) -> None:
    path = DATA / "debate-cnn-2024.txt"
    assert main(["import", str(project_path), "--transcript", str(path)]) == 0
    with Project.open(project_path) as project:
        statements = project.statements()
        content = project.source_content(project.sources()[0].id)
    assert [s.speaker for s in statements] == ["Jake Tapper", "Dana Bash", "Jake Tapper", "Dana Bash"]
    assert statements[0].text.startswith("Were live from Georgia")
    assert content == path.read_text(encoding="utf-8")
    for statement in statements:
        assert content[statement.source_start : statement.source_end].startswith(statement.text[:40])


def test_a_transcript_is_detected_without_the_flag(project_path: Path, capsys) -> None:
    path = DATA / "interview-abc730-albanese-2022.txt"
    assert main(["import", str(project_path), "--quotes", str(path)]) == 0
    with Project.open(project_path) as project:
        speakers = [s.speaker for s in project.statements()]
    assert speakers.count("Anthony Albanese") == 3 and speakers.count("Sarah Ferguson") == 4
