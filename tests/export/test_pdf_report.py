"""The PDF report, read back with pypdf: what an editor must find in it, and how it is built."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from counterpoint.export import export
from counterpoint.export.pdf import fix_to_unicode_map
from counterpoint.store import Project


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_sample_report_from_the_command_line_without_a_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = [sys.executable, "-m", "counterpoint"]
    subprocess.run([*run, "sample", "d.db"], cwd=tmp_path, env=env, check=True, capture_output=True)
    done = subprocess.run(
        [*run, "export", "d.db", "-o", "r.pdf"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    reader = PdfReader(tmp_path / "r.pdf")
    text = _text(tmp_path / "r.pdf")
    assert "Please don't be too nice" in text
    assert "in a lawful way" in text
    for speaker in (
        "Donald Trump",
        "Jeff Sessions",
        "Chuck Rosenberg",
        "Perry Tarrant",
        "Sarah Huckabee Sanders",
    ):
        if speaker == "Perry Tarrant":  # in the dossier but in no comparison: not in the report
            assert speaker not in text
            continue
        assert speaker in _flat(text), speaker
    assert "Legend" in text
    assert "Page 1 of" in text
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in text
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "1. Trump vs Sessions: how police should treat suspects" in outline
    assert "2. Trump vs Sanders vs Rosenberg: a joke or a directive?" in outline
    assert reader.metadata is not None and reader.metadata.title.startswith("Use of force")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    # Written through a temporary file, but with the user's usual permissions, not mkstemp's 0600.
    assert (tmp_path / "r.pdf").stat().st_mode & 0o044 == 0o044


def test_outline_entries_point_at_the_page_where_each_comparison_starts(
    sample_project: Project, tmp_path: Path
) -> None:
    path = export(sample_project, tmp_path / "r.pdf")
    reader = PdfReader(path)
    for item in reader.outline:
        assert not isinstance(item, list)
        page = reader.get_destination_page_number(item)
        lines = reader.pages[page].extract_text().splitlines()
        if item.title[0].isdigit():
            # Once in the running header, once as the heading (whole: not "1" and ". Trump…").
            assert lines.count(item.title) == 2, item.title
        elif item.title == "Sources":
            assert "Sources" in lines
            assert "NBC News" in reader.pages[page].extract_text()


def test_report_contents_verdicts_tags_notes_and_sources(sample_project: Project, tmp_path: Path) -> None:
    text = _flat(_text(export(sample_project, tmp_path / "r.pdf")))
    assert "Summary of verdicts" in text
    assert "Contradiction" in text and "Partly inconsistent" in text
    assert "Donald Trump, contradicted by Jeff Sessions" in text
    assert "“hold any officer responsible who violates the law”" in text
    assert "use of force" in text and "accountability" in text
    assert "four days later the Attorney General tells police to be more careful" in text
    assert "After Trump's Use of Force Quip" in text
    assert "President of the United States" in text
    assert "28 July 2017" in text
    assert "Counterpoint sample dossier" in text  # the author, in the title block


def test_one_comparison_only(sample_project: Project, tmp_path: Path) -> None:
    reader = PdfReader(export(sample_project, tmp_path / "r.pdf", comparison_ids=[2]))
    text = _flat("\n".join(p.extract_text() for p in reader.pages))
    assert "Wasn't a directive, it was a joke" in text or "Wasn't a directive" in text
    assert "Trump vs Sessions" not in text
    assert [item.title for item in reader.outline if not isinstance(item, list)][1].startswith(
        "1. Trump vs Sanders"
    )


def test_typography_survives_extraction(rich_project: Project, tmp_path: Path) -> None:
    text = _flat(_text(export(rich_project, tmp_path / "r.pdf")))
    for phrase in ("Émile Zöller", "“oui”", "« non »", "l’Élysée", "naïve café", "3–4 mai", "Zoë Ångström"):
        assert phrase in text, phrase
    assert "\t" not in _text(tmp_path / "r.pdf")
    assert "ﬀ" not in text and "ﬁ" not in text  # ligatures extract as letters
    # Arabic is shaped on the page but extracts as letters, not presentation forms (order is the reader's).
    assert "قال" in text or "لاق" in text
    assert not any(0xFE70 <= ord(c) <= 0xFEFF for c in text)
    assert "Jane <script>Doe</script>" in text  # markup in data is text, not markup
    assert "no longer found in the statement" in text


def test_fonts_are_embedded(sample_project: Project, tmp_path: Path) -> None:
    reader = PdfReader(export(sample_project, tmp_path / "r.pdf"))
    fonts = reader.pages[1]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


def test_to_unicode_fix_changes_destinations_only() -> None:
    cmap = (
        "2 beginbfchar\n<0009> <0009>\n<000A> <FB01>\nendbfchar\n"
        "1 beginbfrange\n<0001> <0003> [<0009> <0041> <FB00>]\nendbfrange\n"
    )
    fixed = fix_to_unicode_map(cmap)
    assert "<0009> <0020>" in fixed
    assert "<000A> <00660069>" in fixed
    assert "<0001> <0003> [<0020> <0041> <00660066>]" in fixed


def test_empty_project_still_gives_a_report(project: Project, tmp_path: Path) -> None:
    text = _text(export(project, tmp_path / "empty.pdf"))
    assert "Summary of verdicts" in text
    assert "Page 1 of" in text


@pytest.mark.parametrize("name", ["r.pdf"])
def test_failed_export_keeps_the_previous_file(
    sample_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    target = tmp_path / name
    target.write_bytes(b"previous")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("counterpoint.export.pdf.finish_pdf", broken)
    with pytest.raises(RuntimeError):
        export(sample_project, target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_summary_gives_the_page_each_comparison_starts_on(sample_project: Project) -> None:
    from PySide6.QtCore import QBuffer

    from counterpoint.export.pdf import ReportLayout, new_pdf_writer
    from counterpoint.export.report import build_report

    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    layout = ReportLayout(build_report(sample_project), new_pdf_writer(buffer))
    outline = dict(layout.outline())
    printed = [entry.text for entry in layout.contents_numbers]
    assert printed == [str(outline[title] + 1) for title in outline if title[0].isdigit()]
    assert all(entry.page == 0 for entry in layout.contents_numbers)  # the summary is on the first page


def test_summary_rows_link_to_their_comparisons(sample_project: Project, tmp_path: Path) -> None:
    reader = PdfReader(export(sample_project, tmp_path / "r.pdf"))
    targets = []
    for annotation in reader.pages[0].get("/Annots") or []:
        link = annotation.get_object()
        if link.get("/Subtype") == "/Link" and "/Dest" in link:
            page_ref = link["/Dest"][0]
            targets.append(
                next(i for i, page in enumerate(reader.pages) if page.indirect_reference == page_ref)
            )
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    assert targets == [page for title, page in outline.items() if title[0].isdigit()]


def _has_cjk_font() -> bool:
    from PySide6.QtGui import QFontDatabase

    from counterpoint.export.pdf import ensure_gui_application

    ensure_gui_application()
    return any(
        QFontDatabase.writingSystems(f)
        and QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(f)
        for f in QFontDatabase.families()
    )


def test_chinese_statement_when_the_system_has_a_font(project: Project, tmp_path: Path) -> None:
    if not _has_cjk_font():
        pytest.skip("no CJK font installed (fonts-noto-cjk gives one)")
    first = project.add_statement("发言人", "我们不会提高税收。", language="zh")
    second = project.add_statement("Minister", "We will raise taxes.")
    project.add_comparison("税收", [first, second])
    text = _flat(_text(export(project, tmp_path / "zh.pdf")))
    assert "我们不会提高税收" in text.replace(" ", "")


def test_a_long_statement_continues_across_pages(project: Project, tmp_path: Path) -> None:
    words = " ".join(f"w{i}" for i in range(1500))
    long = project.add_statement("Long Speaker", f"BEGIN {words} FINIS")
    short = project.add_statement("Short Speaker", "A short reply.")
    project.add_comparison("A transcript against a reply", [long, short])
    reader = PdfReader(export(project, tmp_path / "long.pdf"))
    text = _flat("\n".join(page.extract_text() for page in reader.pages))
    assert len(reader.pages) > 3
    assert "BEGIN" in text and "w750" in text and "FINIS" in text
