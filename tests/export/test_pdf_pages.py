"""The PDF report page by page, read back with pypdf: each page holds its own content and nothing else
(issue 10 point 7), and a tagged pair reads in the order it was tagged."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_marks import Mark, page_marks
from pypdf import PdfReader

from counterpoint.export import export
from counterpoint.store import Project, TargetSpec

MM = 72 / 25.4
PAGE_HEIGHT = 297 * MM
# new_pdf_writer's 12 mm margins, and ReportLayout's 9 mm running header and footer
BODY_TOP = (12 + 9) * MM
BODY_BOTTOM = PAGE_HEIGHT - (12 + 9) * MM
SLACK = 0.5  # points: rounding of Qt's device pixels (1/1200 inch)


def _outside_body(marks: list[Mark]) -> list[Mark]:
    return [m for m in marks if m.top < BODY_TOP - SLACK or m.bottom > BODY_BOTTOM + SLACK]


def _check_pages(path: Path) -> None:
    reader = PdfReader(path)
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        outside = _outside_body(page_marks(page))
        texts = [m.text for m in outside if m.kind == "text"]
        # The running header (from page 2: the report's title, the section) and the footer.
        expected = 2 + (2 if number > 1 else 0)
        assert len(texts) == expected, (number, texts)
        assert f"Page {number} of {total}" in texts
        assert any(t.startswith("Counterpoint · ") for t in texts)
        rules = [m for m in outside if m.kind == "path"]
        assert len(rules) == (2 if number > 1 else 1), (number, rules)
        assert all(abs(m.top - m.bottom) < SLACK for m in rules)  # thin horizontal rules only


def test_no_page_holds_text_or_lines_of_another_page(sample_project: Project, tmp_path: Path) -> None:
    """Page 1 held an invisible copy of the first comparison's heading over its footer (a heading that
    starts a page also touched the end of the page before, and Qt drew it there behind a clip)."""
    path = export(sample_project, tmp_path / "r.pdf")
    first_page = PdfReader(path).pages[0].extract_text().splitlines()
    assert "1. Trump vs Sessions: how police should treat suspects" not in first_page
    _check_pages(path)


def test_a_long_report_keeps_each_page_to_itself(project: Project, tmp_path: Path) -> None:
    words = " ".join(f"w{i}" for i in range(1200))
    long = project.add_statement("Long Speaker", f"BEGIN {words} FINIS")
    short = project.add_statement("Short Speaker", "A short reply, with a tagged phrase.")
    for n in range(3):
        comparison = project.add_comparison(f"Part {n}", [long, short])
        project.add_annotation(
            [TargetSpec(long, 6, 40 + n), TargetSpec(short, 2, 7)],
            comparison_id=comparison,
            relation="contradicts",
            verdict="contradiction",
            tags=["red"],
            note="A note " * 40,
        )
    project.ensure_tag("red", "#c0392b")
    path = export(project, tmp_path / "long.pdf")
    assert len(PdfReader(path).pages) > 5
    _check_pages(path)


@pytest.mark.parametrize("fmt", ["pdf", "html", "md"])
def test_a_tagged_pair_reads_in_the_order_it_was_tagged(
    sample_project: Project, tmp_path: Path, fmt: str
) -> None:
    """The sample's first pair was tagged on Trump's words, then on Sessions': the report names them in
    that order and says how the second stands to the first."""
    path = export(sample_project, tmp_path / f"r.{fmt}")
    if fmt == "pdf":
        text = " ".join("\n".join(p.extract_text() for p in PdfReader(path).pages).split())
    else:
        text = " ".join(path.read_text("utf-8").split())
    assert "Donald Trump, contradicted by Jeff Sessions" in text
    assert "Jeff Sessions contradicts Donald Trump" not in text


def _stream(y: float) -> bytes:
    """Qt's shape: a flipped page matrix, a clip of the body (device y 100 to 1000), a text run at y."""
    return (
        b"0.06 0 0 -0.06 51 808 cm\nq\n0 100 m\n8000 100 l\n8000 1000 l\n0 1000 l\nh\nW* n\n"
        b"q\n1 0 0 1 0 -500 cm\nBT\n/F1 125 Tf 1 0 0 -1 0 0 Tm\n"
        + f"75 {-(y + 500):.1f} Td <0027> Tj\n91.5 0 Td <001B> Tj\n".encode()
        + b"ET\nQ\nQ\n"
    )


def test_text_wholly_outside_its_clip_is_dropped_and_the_rest_kept() -> None:
    from counterpoint.export.pdf_clipped import drop_clipped_text

    inside, dropped = drop_clipped_text(_stream(500))
    assert dropped == 0 and inside == _stream(500)
    for y in (20, 1300):  # above the clip, below it
        content, dropped = drop_clipped_text(_stream(y))
        assert dropped == 1
        assert b"Tj" not in content and b"W* n" in content and content.count(b"Q") == 2
    # A run crossing the clip's edge stays: part of it shows.
    assert drop_clipped_text(_stream(1001))[1] == 0
    # What it cannot follow (a literal string) is left as it was.
    odd = _stream(20).replace(b"<0027> Tj", b"(x) Tj")
    assert drop_clipped_text(odd) == (odd, 0)
