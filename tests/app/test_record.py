"""A speaker's record (issue 14 part 2): the use case, the `record` command, its CSV, and its section in
the PDF report."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from counterpoint.app.record import record_data, resolve_speaker, speaker_record
from counterpoint.cli import main
from counterpoint.errors import UserError
from counterpoint.store import Project, TargetSpec

TAXES = "We will raise taxes on the middle class next year."
NO_TAXES = "We will not raise taxes on the middle class next year."
BORDER = "The border is secure and crossings have fallen."
PROMISE = "=SUM(A1) Taxes on the middle class stay where they are, I promise."


@pytest.fixture
def ann(project: Project) -> dict[str, int]:
    ids = {
        "no_taxes": project.add_statement("Ann Lee", NO_TAXES, said_on="2021-03-01", occasion="Debate"),
        "promise": project.add_statement("Ann Lee", PROMISE),  # undated
        "taxes": project.add_statement("Ann Lee", TAXES, said_on="2020-01-01", occasion="Rally"),
        "border": project.add_statement("Ann Lee", BORDER, said_on="2020-06-01"),
        "bob": project.add_statement("Bob Roe", NO_TAXES, said_on="2020-02-01"),
        "ann_roe": project.add_statement("Ann Roe", BORDER, said_on="2020-02-01"),
    }
    flip = project.add_comparison("Ann on taxes", [ids["no_taxes"], ids["taxes"]])
    # Tagged later statement first: the record keeps the order in which the pair was tagged.
    project.add_annotation(
        [TargetSpec(ids["no_taxes"], 8, 15), TargetSpec(ids["taxes"], 8, 11)],
        comparison_id=flip,
        relation="walks_back",
        verdict="contradiction",
        tags=["taxes"],
        note="A reversal",
    )
    other = project.add_comparison("Ann and Bob", [ids["taxes"], ids["bob"]])
    project.add_annotation(
        [TargetSpec(ids["taxes"], 0, 7), TargetSpec(ids["bob"], 0, 7)],
        comparison_id=other,
        relation="contradicts",
    )
    return ids


def test_statements_in_date_order_undated_last(project: Project, ann: dict[str, int]) -> None:
    record = speaker_record(project, "ann lee")
    assert record.speaker == "Ann Lee"
    assert [s.id for s in record.statements] == [ann["taxes"], ann["border"], ann["no_taxes"], ann["promise"]]
    assert record.undated == 1


def test_tagged_contradictions_between_the_speakers_statements_only(
    project: Project, ann: dict[str, int]
) -> None:
    record = speaker_record(project, "Ann Lee")
    assert len(record.marks) == 1  # the pair with Bob Roe is not between Ann's statements
    mark = record.marks[0]
    assert (mark.first, mark.second) == (ann["no_taxes"], ann["taxes"])
    assert mark.tagged and mark.relation == "walks_back" and mark.verdict == "contradiction"
    assert (mark.first_text, mark.second_text) == ("not rai", "rai")
    assert record.marks_of(ann["taxes"]) == [(3, mark)]  # the other end is statement 3 of the record
    assert record.marks_of(ann["border"]) == []


def test_filtered_by_tag_or_search_words(project: Project, ann: dict[str, int]) -> None:
    assert [s.id for s in speaker_record(project, "Ann Lee", tag="TAXES").statements] == [
        ann["taxes"],
        ann["no_taxes"],
    ]
    searched = speaker_record(project, "Ann Lee", search="border")
    assert [s.id for s in searched.statements] == [ann["border"]] and searched.marks == ()
    assert speaker_record(project, "Ann Lee", search="nothing-like-this").statements == ()


def test_the_engine_asked_about_consecutive_or_any_pairs(project: Project, ann: dict[str, int]) -> None:
    consecutive = speaker_record(project, "Ann Lee", find="consecutive")
    found = [m for m in consecutive.marks if not m.tagged]
    # taxes (2020) and no_taxes (2021) have the border between them: not consecutive.
    assert all({m.first, m.second} != {ann["taxes"], ann["no_taxes"]} for m in found)
    anywhere = speaker_record(project, "Ann Lee", find="any")
    pairs = {(m.first, m.second): m for m in anywhere.marks if not m.tagged}
    mark = pairs[(ann["taxes"], ann["no_taxes"])]  # in record order
    assert mark.kind and mark.score > 0 and "not" in mark.second_text
    assert (ann["taxes"], ann["border"]) not in pairs  # different topics: not compared


def test_speaker_names_a_user_types(project: Project, ann: dict[str, int]) -> None:
    assert resolve_speaker(project, "  ANN   lee ").name == "Ann Lee"
    assert resolve_speaker(project, "bob").name == "Bob Roe"
    with pytest.raises(UserError, match="could be any of Ann Lee, Ann Roe"):
        resolve_speaker(project, "ann")
    with pytest.raises(UserError, match="no speaker called 'Zed'"):
        speaker_record(project, "Zed")
    with pytest.raises(UserError, match="no tag called 'nope'"):
        speaker_record(project, "Ann Lee", tag="nope")


def test_record_command_prints_json_and_says_undated(
    project: Project, ann: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(project.path)
    assert main(["record", path, "Ann Lee"]) == 0
    out = capsys.readouterr().out
    assert out.index("2020-01-01") < out.index("2021-03-01") < out.index("-- undated")
    assert "walks back" in out
    assert main(["record", path, "Ann Lee", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == record_data(speaker_record(project, "Ann Lee"))
    assert data["undated"] == 1 and data["marks"][0]["first_number"] == 3
    assert main(["record", path, "Nobody"]) == 1
    assert "no speaker called 'Nobody'" in capsys.readouterr().err


def test_record_as_csv_read_back(
    project: Project, ann: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ann.csv"
    assert main(["record", str(project.path), "Ann Lee", "--csv", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    raw = out.read_bytes()
    assert raw.count(b"\r\n") == 5  # RFC 4180 line ends: a header and four rows
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert [r["statement_id"] for r in rows] == [
        str(ann[k]) for k in ("taxes", "border", "no_taxes", "promise")
    ]
    assert rows[3]["said_on"] == "undated"
    assert rows[3]["text"] == "'" + PROMISE  # a spreadsheet would run it as a formula
    assert rows[0]["tagged"] == "3: Contradiction (tagged: walks back)"
    assert rows[2]["tagged"] == "1: Contradiction (tagged: walks back)"
    assert rows[0]["occasion"] == "Rally"


def test_record_section_in_the_pdf_report(
    project: Project, ann: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    args = ["export", str(project.path), "-o", str(out), "--record", "ann lee", "--record-tag", "taxes"]
    assert main(args) == 0, capsys.readouterr().err
    reader = PdfReader(out)
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    page = outline["Record: Ann Lee on tag “taxes”"]
    assert page > outline["2. Ann and Bob"]
    text = " ".join(reader.pages[page].extract_text().split())
    assert "2 statements · 1 tagged pair" in text
    assert "1 January 2020" in text and "Rally" in text and TAXES in text
    assert text.index(TAXES) < text.index(NO_TAXES)  # date order
    assert "↔ 1 Contradiction (tagged: walks back)" in text
    assert main([*args[:3], str(tmp_path / "r.csv"), "--record", "Ann Lee"]) == 1
    assert "pdf or html report" in capsys.readouterr().err
