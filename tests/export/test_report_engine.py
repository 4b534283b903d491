"""The report shows the engine's contrast pairs (highlights coloured by kind, a legend, the reasons) and its
common ground; a stand-in `analyse` returning the engine's own data types, filled by hand, keeps these tests
independent of how the real engine scores. The analysis is computed by counterpoint.app, once per
comparison, and handed to the report."""

from __future__ import annotations

from pathlib import Path

import pytest

import counterpoint.engine
from counterpoint.app.analysis import analyses
from counterpoint.app.exporting import export_file as export
from counterpoint.engine.model import Analysis, CommonGround, ContrastPair
from counterpoint.export.kinds import kind_fill
from counterpoint.export.report import build_report, segments
from counterpoint.store import Project


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return (start, start + len(words))


@pytest.fixture
def stand_in_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    def analyse(texts: list[str], **_: object) -> Analysis:
        pairs, common = [], []
        if "rough" in texts[0] and "in a lawful way" in texts[1]:
            pairs.append(
                ContrastPair(
                    0,
                    1,
                    _span(texts[0], "rough"),
                    _span(texts[1], "in a lawful way"),
                    "antonym",
                    0.9,
                    "rough against lawful",
                )
            )
            pairs.append(ContrastPair(0, 1, (0, 10**6), (0, 1), "negation", 0.1, "out of range: dropped"))
        if len(texts) > 2 and "more careful" in texts[1] and "lawfully" in texts[2]:
            common.append(
                CommonGround(
                    1, 2, _span(texts[1], "more careful"), _span(texts[2], "lawfully"), "both restrained"
                )
            )
        # The engine's own shapes, filled by hand: no sentences or alignments, the report does not use them.
        return Analysis(
            texts=tuple(texts),
            sentences=tuple(() for _ in texts),
            alignments=(),
            pairs=tuple(pairs),
            common=tuple(common),
        )

    monkeypatch.setattr(counterpoint.engine, "analyse", analyse, raising=False)


def test_highlights_legend_reasons_and_common_ground(
    stand_in_engine: None, sample_project: Project, tmp_path: Path
) -> None:
    report = build_report(sample_project, [1], analyses=analyses(sample_project, [1]))
    view = report.comparisons[0]
    assert report.engine_used
    assert view.kinds == ("antonym",)  # the out-of-range pair is dropped, not drawn
    trump = view.statements[0]
    marked = [s for s in segments(trump) if s.kind]
    assert [s.text for s in marked] == ["rough"]
    assert view.common[0].a_text == "more careful" and view.common[0].b_text == "lawfully"

    html = export(sample_project, tmp_path / "r.html", comparison_ids=[1]).read_text("utf-8")
    assert f"background-color:{kind_fill('antonym')}" in html
    assert 'title="Antonym: rough against lawful"' in html  # the reason on hover
    assert "Contrasting phrasing found by the engine" in html and "rough against lawful" in html
    assert "Common ground" in html and "both restrained" in html


def test_a_failing_engine_leaves_a_report_without_highlights(
    monkeypatch: pytest.MonkeyPatch, sample_project: Project, tmp_path: Path
) -> None:
    def broken(texts: list[str], **_: object) -> Analysis:
        raise RuntimeError("engine bug")

    monkeypatch.setattr(counterpoint.engine, "analyse", broken, raising=False)
    report = build_report(sample_project, analyses=analyses(sample_project))
    assert not report.engine_used
    assert all(not s.highlights for c in report.comparisons for s in c.statements)
    html = export(sample_project, tmp_path / "r.html").read_text("utf-8")
    assert "the comparison engine could not run" in html
    assert "Please don&#x27;t be too nice" in html or "Please don't be too nice" in html


def test_an_export_runs_the_engine_once_per_comparison(
    monkeypatch: pytest.MonkeyPatch, sample_project: Project, tmp_path: Path
) -> None:
    calls: list[tuple[str, ...]] = []

    def counting(texts: list[str], **_: object) -> Analysis:
        calls.append(tuple(texts))
        return Analysis(tuple(texts), tuple(() for _ in texts), (), (), ())

    monkeypatch.setattr(counterpoint.engine, "analyse", counting, raising=False)
    export(sample_project, tmp_path / "r.html")
    assert len(calls) == len(sample_project.comparisons())
    # The preview and a second export of the same statements reuse the analysis.
    export(sample_project, tmp_path / "r.md")
    assert len(calls) == len(sample_project.comparisons())
    # Data exports need no analysis at all.
    export(sample_project, tmp_path / "d.csv")
    assert len(calls) == len(sample_project.comparisons())
