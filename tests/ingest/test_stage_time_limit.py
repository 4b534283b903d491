"""Every stage of an import runs under a time limit (issue 15 point 2, the second line behind linear stages):
reading a file (text, Markdown, HTML, DOCX) and finding its statements (quotations or transcript turns) stop
with one clear message when they run past it, and nothing is imported. Tested with a tiny limit on inputs
that take far longer than it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from ingest_helpers import NEWS, docx_bytes

from counterpoint.cli import main
from counterpoint.ingest import deadline, document_from_bytes, document_from_text, load_document
from counterpoint.ingest.deadline import StageTimeout, check_time, stage_limit
from counterpoint.ingest.proposals import propose_statements

TINY = 0.001  # seconds; each input below takes at least a tenth of a second to read or search
ARTICLE = (NEWS / "transit-levy.txt").read_text("utf-8")
LONG_ARTICLE = (ARTICLE + "\n\n") * 40
TRANSCRIPT = "".join(
    f"MR. SMITH: We will hold the line on fares, number {n}.\n\nMS. JONES: We will not, {n}.\n\n"
    for n in range(3000)
)


@pytest.fixture
def tiny_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deadline, "STAGE_TIME_LIMIT", TINY)


def _one_clear_message(exc: pytest.ExceptionInfo[StageTimeout], name: str, doing: str) -> None:
    message = str(exc.value)
    assert message == f"{name} took too long {doing} (over {TINY:g} s); nothing was imported"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("page.html", ("<html><body>" + "<p>Words said here.</p><div>more</div>" * 40_000).encode()),
        ("notes.md", ("# Title\n\n" + "Some *emphasis* and a [link](http://x.example). " * 40_000).encode()),
        ("statement.docx", docx_bytes([f"Paragraph {n} of the statement." for n in range(20_000)])),
        ("notes.txt", ("Plain words, " * 200_000).encode("utf-16")),  # decoding is the reading stage
    ],
)
def test_reading_a_file_stops_at_its_limit(tiny_limit: None, name: str, data: bytes) -> None:
    with pytest.raises(StageTimeout) as raised:
        document_from_bytes(data, name)
    _one_clear_message(raised, name, "to read")


def test_the_same_files_read_within_the_default_limit() -> None:
    document = document_from_bytes(("<html><body>" + "<p>Words said here.</p>" * 4000).encode(), "page.html")
    assert document.text.count("Words said here.") == 4000


def test_finding_quotations_stops_at_its_limit(tiny_limit: None) -> None:
    document = document_from_text(LONG_ARTICLE, title="Transit levy")
    with pytest.raises(StageTimeout) as raised:
        propose_statements(document, name="levy.txt")
    _one_clear_message(raised, "levy.txt", "to search for statements")


def test_reading_transcript_turns_stops_at_its_limit(tiny_limit: None) -> None:
    document = document_from_text(TRANSCRIPT, title="Hearing")
    with pytest.raises(StageTimeout) as raised:
        propose_statements(document, "transcript")
    _one_clear_message(raised, "'Hearing'", "to search for statements")


def test_an_inner_stage_keeps_the_earlier_deadline_of_the_outer_one() -> None:
    with stage_limit("the outer stage took too long", TINY):
        with stage_limit("the inner stage took too long", 60.0):
            time.sleep(0.01)
            with pytest.raises(StageTimeout, match=r"^the outer stage took too long"):
                check_time()
        time.sleep(0.01)
        with pytest.raises(StageTimeout, match=r"^the outer stage"):
            check_time()
    check_time()  # outside every stage there is no limit


def test_the_import_command_says_it_in_one_line_and_stores_nothing(
    tiny_limit: None, project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "levy.txt"
    article.write_text(LONG_ARTICLE, encoding="utf-8")
    assert main(["import", str(project_path), str(article), "--quotes"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "levy.txt took too long" in err and "nothing was imported" in err
    assert not project_path.exists()  # every file is read before the project is touched


def test_load_document_reads_a_large_file_under_the_default_limit(tmp_path: Path) -> None:
    article = tmp_path / "levy.txt"
    article.write_text(LONG_ARTICLE, encoding="utf-8")
    document = load_document(article)
    assert propose_statements(document)  # quotations found, no time limit reached
