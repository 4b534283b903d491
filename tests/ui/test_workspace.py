"""The comparison workspace: shared rows, highlights, selection pairs, connectors, suggestions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QToolButton
from render_workspace import close_kept, hand_built_analysis, keep, real_analysis, span_of

from counterpoint.engine.model import Alignment, Analysis, ContrastPair, VersionOp
from counterpoint.store.model import Annotation, Statement, Tag, Target, TargetSpec
from counterpoint.ui.workspace import ComparisonWorkspace

# Issue 9: the general engine (fitted ranker, decontaminated lexicons) no longer finds the sample
# comparison's highlights between Trump and Sessions ("rough" / "in a lawful way" rested on a lexicon
# row lifted from that gold span). Tests that need those highlights wait on a sample comparison the
# engine does find; until then they run and are reported, not counted.
LOST_SEED = "the general engine finds no contrast in the sample's Trump vs Sessions comparison"


def _statement(id: int, text: str, speaker: str = "Speaker") -> Statement:
    return Statement(id=id, speaker_id=id, speaker=speaker, text=text, role="Role", occasion="Occasion")


@pytest.fixture(autouse=True)
def _release_windows() -> Any:
    yield
    close_kept()


def _open(qtbot: Any, project: Any, analysis: Any, comparison_id: int = 1) -> ComparisonWorkspace:
    window = QMainWindow()
    workspace = ComparisonWorkspace()
    window.setCentralWidget(workspace)
    window.resize(1600, 1000)
    qtbot.addWidget(window)
    comparison = project.comparison(comparison_id)
    statements = [project.statement(i) for i in comparison.statement_ids]
    if analysis == "by hand":
        analysis = hand_built_analysis([s.text for s in statements])
    elif analysis == "real":
        analysis = real_analysis([s.text for s in statements])
    workspace.set_comparison(statements, analysis, project.annotations(comparison_id), project.tags())
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    keep(window)
    return workspace


def _quotes(workspace: ComparisonWorkspace, column: int, text: str) -> set[str]:
    return {text[start:end] for start, end, _kind in workspace.highlights(column)}


@pytest.mark.parametrize(
    "analysis", [pytest.param("real", marks=pytest.mark.xfail(reason=LOST_SEED, strict=True)), "by hand"]
)
def test_sample_comparison_highlights_rough_and_lawful(
    qtbot: Any, sample_project: Any, analysis: str
) -> None:
    workspace = _open(qtbot, sample_project, analysis)
    trump, lawful = (sample_project.statement(i).text for i in sample_project.comparison(1).statement_ids[:2])
    assert any("rough" in quote for quote in _quotes(workspace, 0, trump))
    assert any(
        "in a lawful way" in quote or quote in "in a lawful way" for quote in _quotes(workspace, 1, lawful)
    )
    kinds = {kind for column in range(3) for _s, _e, kind in workspace.highlights(column)}
    assert kinds - {"common"}, "at least one contrast kind is highlighted"


@pytest.mark.parametrize("analysis", ["real", "by hand"])
def test_select_two_spans_then_ctrl_t_requests_a_tag(qtbot: Any, sample_project: Any, analysis: str) -> None:
    workspace = _open(qtbot, sample_project, analysis)
    ids = sample_project.comparison(1).statement_ids
    trump, lawful = sample_project.statement(ids[0]).text, sample_project.statement(ids[1]).text
    workspace.select_span(0, *span_of(trump, "Please don't be too nice"))
    workspace.select_span(1, *span_of(lawful, "in a lawful way"))
    expected = [
        TargetSpec(ids[0], *span_of(trump, "Please don't be too nice")),
        TargetSpec(ids[1], *span_of(lawful, "in a lawful way")),
    ]
    assert workspace.selection() == expected
    column = workspace.column_views()[1]
    column.setFocus()
    with qtbot.waitSignal(workspace.tag_requested) as blocker:
        qtbot.keyClick(column, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [expected]


def test_sample_annotations_are_drawn_as_connectors(qtbot: Any, sample_project: Any) -> None:
    workspace = _open(qtbot, sample_project, "by hand")
    assert workspace.connector_count() == 2
    ids = {c.annotation_id for c in workspace.connectors()}
    assert ids == {a.id for a in sample_project.annotations(1)}
    # The second sample annotation links column A ("rough") to column C, across column B.
    columns = sorted({tuple(sorted({c for c, _s, _e in conn.ends})) for conn in workspace.connectors()})
    assert columns == [(0, 1), (0, 2)]
    # Both sample annotations contradict: the link carries the sign, in the verdict's colour.
    assert {c.mark for c in workspace.connectors()} == {"≠"}
    contradiction = next(c for c in workspace.connectors() if c.ends[0][0:1] == (0,) and c.ends[1][0] == 1)
    assert contradiction.colour == workspace.colours.verdict_colour("contradiction").name()
    workspace.set_annotations([])
    assert workspace.connector_count() == 0


def test_third_column_selection_drops_the_oldest(qtbot: Any, sample_project: Any) -> None:
    workspace = _open(qtbot, sample_project, "by hand")
    workspace.select_span(0, 0, 4)
    workspace.select_span(1, 0, 4)
    workspace.select_span(2, 0, 4)
    assert [t.statement_id for t in workspace.selection()] == list(
        sample_project.comparison(1).statement_ids[1:]
    )
    workspace.clear_selection()
    assert workspace.selection() == []
    assert not workspace.tag_action.isEnabled()


def test_selection_offsets_are_code_points_when_text_has_emoji(qtbot: Any) -> None:
    left = "Fans 🎉🎉 cheered. We will never raise taxes 💯 on families."
    right = "Taxes 📈 will rise for some families next year."
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.set_comparison([_statement(1, left), _statement(2, right)], None)
    span = span_of(left, "never raise taxes 💯 on")
    workspace.select_span(0, *span)
    assert workspace.column_views()[0].textCursor().selectedText() == "never raise taxes 💯 on"
    assert workspace.selection() == [TargetSpec(1, *span)]


def _aligned_workspace(
    qtbot: Any, opening_sentences: int
) -> tuple[ComparisonWorkspace, tuple[tuple[tuple[int, int], ...], ...]]:
    """Two columns whose last sentences are aligned, the left one after a long wrapping opening."""
    left = (
        "A long opening sentence that wraps over several lines in a narrow column of text. "
        * opening_sentences
        + "Taxes rise."
    )
    right = "Short. Taxes fall."
    sentences = ((0, len(left) - 12), (len(left) - 11, len(left))), ((0, 6), (7, 18))
    analysis = Analysis(
        (left, right), sentences, (Alignment(0, 1, sentences[0][1], sentences[1][1], 0.9),), (), ()
    )
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.resize(700, 500)
    workspace.set_comparison([_statement(1, left), _statement(2, right)], analysis)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace, sentences


def test_aligned_sentences_start_on_the_same_row(qtbot: Any) -> None:
    workspace, sentences = _aligned_workspace(qtbot, opening_sentences=3)
    workspace.relayout_now()
    tops = [c.span_rects(*sentences[i][1])[0].top() for i, c in enumerate(workspace.column_views())]
    assert tops[0] == pytest.approx(tops[1], abs=1.0)
    first = [c.span_rects(*sentences[i][0])[0].top() for i, c in enumerate(workspace.column_views())]
    assert tops[1] - first[1] > 40, "the short sentence's row is padded to the long one's height"


def test_versions_show_the_word_diff_instead_of_contrasts(qtbot: Any) -> None:
    before, after = "We will cut taxes by 5% next year.", "We will cut taxes by 2% next year, maybe."
    analysis = Analysis(
        (before, after),
        (((0, len(before)),), ((0, len(after)),)),
        (),
        (ContrastPair(0, 1, span_of(before, "5%"), span_of(after, "2%"), "quantity", 0.9, "5% against 2%"),),
        (),
        {
            (0, 1): (
                VersionOp("equal", (0, 21), (0, 21)),
                VersionOp("replace", span_of(before, "5%"), span_of(after, "2%")),
                VersionOp("insert", (len(before) - 1, len(before) - 1), span_of(after, ", maybe")),
            )
        },
    )
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.set_comparison([_statement(1, before), _statement(2, after)], analysis)
    assert workspace.highlights(0) == [(*span_of(before, "5%"), "delete")]
    assert workspace.highlights(1) == [
        (*span_of(after, "2%"), "insert"),
        (*span_of(after, ", maybe"), "insert"),
    ]


def test_hover_text_gives_the_reason(qtbot: Any, sample_project: Any) -> None:
    workspace = _open(qtbot, sample_project, "by hand")
    trump = sample_project.statement(sample_project.comparison(1).statement_ids[0]).text
    tip = workspace.tooltip_at(0, trump.index("rough") + 1)
    assert "Antonym" in tip and "rough treatment against acting lawfully" in tip
    assert workspace.tooltip_at(0, 0) == ""


def test_next_suggestion_then_ctrl_return_accepts_it(qtbot: Any, sample_project: Any) -> None:
    workspace = _open(qtbot, sample_project, "by hand")
    workspace.next_suggestion()
    pair: Any = workspace.current_suggestion()
    assert pair is not None
    column = workspace.column_views()[0]
    column.setFocus()
    with qtbot.waitSignal(workspace.suggestion_accepted) as blocker:
        qtbot.keyClick(column, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [pair]


def test_reveal_annotation_scrolls_both_spans_into_view(qtbot: Any) -> None:
    filler = "An unrelated sentence about the weather and the harbour. " * 80
    left, right = filler + "We must be rough.", filler + "Officers act in a lawful way."
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.resize(900, 500)
    a, b = span_of(left, "rough"), span_of(right, "lawful")
    annotation = Annotation(
        7, 1, (Target(1, 1, *a, "rough", "", ""), Target(2, 2, *b, "lawful", "", "")), tags=("use of force",)
    )
    workspace.set_comparison(
        [_statement(1, left), _statement(2, right)], None, [annotation], [Tag(1, "use of force", "#c0392b")]
    )
    workspace.show()
    qtbot.waitExposed(workspace)
    assert workspace.scroll_value() == 0
    workspace.reveal_annotation(7)
    assert workspace.scroll_value() > 0
    assert workspace.flashing_annotation() == 7
    for column, span in ((0, a), (1, b)):
        view = workspace.column_views()[column]
        rect = view.span_rects(*span)[0]
        assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()


def test_double_click_on_annotated_span_activates_it(qtbot: Any, sample_project: Any) -> None:
    workspace = _open(qtbot, sample_project, "by hand")
    trump = sample_project.statement(sample_project.comparison(1).statement_ids[0]).text
    view = workspace.column_views()[0]
    rect = view.span_rects(*span_of(trump, "rough"))[0]
    annotation_id = next(a.id for a in sample_project.annotations(1) if a.targets[0].exact == "rough")
    with qtbot.waitSignal(workspace.annotation_activated) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert blocker.args == [annotation_id]


def test_empty_workspace_has_no_columns(qtbot: Any) -> None:
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.set_comparison([], None)
    assert workspace.connector_count() == 0
    assert workspace.selection() == []


# -- the layout model, without a window ----------------------------------------------------------------


def test_utf16_offsets_round_trip_around_astral_characters() -> None:
    from counterpoint.ui.workspace_model import Utf16Map, utf16_length

    text = "a😀b𝄞c"
    units = Utf16Map(text)
    assert units.utf16_length == utf16_length(text) == 7
    assert [units.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [units.to_code_points(u) for u in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]


def test_segments_cover_the_text_and_keep_offsets() -> None:
    from counterpoint.ui.workspace_model import LINE_SEPARATOR, segments, split_sentences

    text = "First line.\nStill first? Second one!  Third"
    sentences = split_sentences(text)
    assert [text[s:e] for s, e in sentences] == ["First line.", "Still first?", "Second one!", "Third"]
    pieces = segments(text, sentences)
    assert [(p.start, p.end) for p in pieces] == [(0, 11), (12, 24), (25, 36), (38, 43)]
    # Text before the first sentence belongs to the first segment, so segment k is sentence k.
    assert [(p.start, p.end) for p in segments("  — One. Two.", [(4, 8), (9, 13)])] == [(0, 8), (9, 13)]
    lines = segments("One.\nTwo", [(0, 8)])
    assert lines[0].display == f"One.{LINE_SEPARATOR}Two" and len(lines[0].display) == 8


def test_rows_follow_links_and_refuse_crossing_ones() -> None:
    from counterpoint.ui.workspace_model import build_rows

    # Column 0 has three sentences, column 1 two; 0:2 ↔ 1:1 is placed, the crossing 0:0 ↔ 1:1 is not.
    rows = build_rows([3, 2], [(0, 2, 1, 1, 0.9), (0, 0, 1, 1, 0.5)])
    assert [r.cells for r in rows] == [(0, 0), (1, None), (2, 1)]
    assert rows[2].aligned == frozenset({0, 1}) and rows[0].aligned == frozenset()
    # Two sentences of one column are never put on one row, even when both link to the same sentence.
    rows = build_rows([2, 1], [(0, 0, 1, 0, 0.9), (0, 1, 1, 0, 0.8)])
    assert [r.cells for r in rows] == [(0, 0), (1, None)]
    # Three columns: a chain of links puts all three on one row.
    rows = build_rows([1, 2, 2], [(0, 0, 1, 1, 0.7), (1, 1, 2, 1, 0.6)])
    assert [r.cells for r in rows] == [(None, 0, 0), (0, 1, 1)]
    assert rows[1].aligned == frozenset({0, 1, 2})


def test_alignment_ends_may_be_sentence_spans() -> None:
    from counterpoint.ui.workspace_model import sentence_index

    sentences = ((0, 10), (11, 30), (31, 40))
    assert sentence_index(sentences, (11, 30)) == 1
    assert sentence_index(sentences, 2) == 2
    assert sentence_index(sentences, 7) is None


def test_analysis_landing_keeps_the_selection(qtbot: Any, sample_project: Any) -> None:
    comparison = sample_project.comparison(1)
    statements = [sample_project.statement(i) for i in comparison.statement_ids]
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.set_comparison(statements, None)
    assert workspace.highlights(0) == []
    workspace.select_span(0, 0, 8)
    workspace.set_comparison(statements, hand_built_analysis([s.text for s in statements]))
    assert workspace.selection() == [TargetSpec(statements[0].id, 0, 8)]
    assert workspace.highlights(0)


def test_an_analysis_of_other_texts_is_not_drawn(qtbot: Any) -> None:
    left, right = "We will raise taxes.", "Taxes will fall."
    stale = Analysis(
        ("We will not raise taxes.", right),
        (((0, 24),), ((0, 16),)),
        (),
        (ContrastPair(0, 1, (8, 11), (0, 5), "negation", 0.9, "stale"),),
        (),
        {},
    )
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.set_comparison([_statement(1, left), _statement(2, right)], stale)
    assert workspace.highlights(0) == [] and workspace.highlights(1) == []


def test_zoom_changes_every_column_and_keeps_rows_shared(qtbot: Any) -> None:
    workspace, sentences = _aligned_workspace(qtbot, opening_sentences=2)
    before = workspace.column_views()[1].span_rects(*sentences[1][1])[0]
    workspace.zoom(2)
    after = [c.span_rects(*sentences[i][1])[0] for i, c in enumerate(workspace.column_views())]
    assert after[0].height() > before.height()
    assert after[0].top() == pytest.approx(after[1].top(), abs=1.0)


@pytest.mark.xfail(reason=LOST_SEED, strict=False)
def test_hovering_a_highlight_shows_its_reason_and_makes_it_the_suggestion(
    qtbot: Any, sample_project: Any
) -> None:
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QHelpEvent, QMouseEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    workspace = _open(qtbot, sample_project, "real")
    trump = sample_project.statement(sample_project.comparison(1).statement_ids[0]).text
    view = workspace.column_views()[0]
    point = view.span_rects(*span_of(trump, "rough"))[0].center().toPoint()
    # A real move event (QTest's mouseMove only moves the cursor on the offscreen platform).
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        QPointF(view.viewport().mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), move)
    pair: Any = workspace.current_suggestion()
    assert pair is not None and trump[pair.a[0] : pair.a[1]] == "rough"
    QApplication.sendEvent(
        view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    )
    assert pair.reason in QToolTip.text()
    with qtbot.waitSignal(workspace.suggestion_accepted) as blocker:
        workspace.accept_suggestion_action.trigger()
    assert blocker.args == [pair]


def test_context_menu_offers_the_suggestion_under_the_mouse(qtbot: Any, sample_project: Any) -> None:
    from PySide6.QtWidgets import QMenu

    workspace = _open(qtbot, sample_project, "by hand")
    trump = sample_project.statement(sample_project.comparison(1).statement_ids[0]).text
    menu = QMenu()
    workspace.extend_menu(menu, 0, trump.index("rough") + 2)
    labels = [a.text() for a in menu.actions()]
    assert any(label.startswith("Accept suggestion: Antonym “rough”") for label in labels)
    assert "Show annotation" in labels
    accept = next(a for a in menu.actions() if a.text().startswith("Accept suggestion"))
    with qtbot.waitSignal(workspace.suggestion_accepted) as blocker:
        accept.trigger()
    assert blocker.args[0].kind == "antonym"


def test_legend_switches_a_kind_off_and_on(qtbot: Any, sample_project: Any) -> None:
    from counterpoint.ui.workspace.legend import LegendChip

    workspace = _open(qtbot, sample_project, "by hand")
    chips = {chip.text(): chip for chip in workspace.findChildren(LegendChip)}
    assert set(chips) == {"Antonym 1", "Modality 1", "Framing 1", "Common ground"}
    assert "Negation:" not in chips["Antonym 1"].toolTip() and "Antonym:" in chips["Antonym 1"].toolTip()
    qtbot.waitUntil(lambda: chips["Antonym 1"].width() > 0)  # laid out
    qtbot.mouseClick(chips["Antonym 1"], Qt.MouseButton.LeftButton)
    assert "antonym" not in {kind for _s, _e, kind in workspace.highlights(0)}
    assert all(h.kind != "antonym" for _c, h in workspace.suggestions())
    qtbot.mouseClick(chips["Antonym 1"], Qt.MouseButton.LeftButton)
    assert "antonym" in {kind for _s, _e, kind in workspace.highlights(0)}
    assert workspace.hidden_kinds() == set()


def test_rendered_window_shows_the_connectors_in_their_colours(qtbot: Any, sample_project: Any) -> None:
    from render_workspace import build

    window, workspace = build(sample_project, fake=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    workspace.relayout_now()
    image = window.grab().toImage()
    assert (image.width(), image.height()) == (1600, 1000)
    red = workspace.colours.verdict_colour("contradiction")
    # The first gutter (between columns A and B) holds the contradiction's band: its edge is drawn in the
    # verdict's colour.
    view_a = workspace.column_views()[0]
    left = view_a.viewport().mapTo(window, view_a.viewport().rect().topRight()).x() + 2
    right = (
        workspace.column_views()[1]
        .viewport()
        .mapTo(window, workspace.column_views()[1].viewport().rect().topLeft())
        .x()
        - 2
    )
    hits = 0
    for x in range(left, right):
        for y in range(0, image.height(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - red.red())
                + abs(pixel.green() - red.green())
                + abs(pixel.blue() - red.blue())
                < 60
            ):
                hits += 1
    assert hits > 20


def test_reveal_shows_both_spans_when_they_fit_on_one_screen(qtbot: Any) -> None:
    filler = "An unrelated sentence about the weather and the harbour. " * 60
    left = filler + "We must be rough. " + "Nothing else. " * 3 + filler
    right = filler + "Nothing else. " * 8 + "Officers act in a lawful way. " + filler
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.resize(900, 600)
    a, b = span_of(left, "rough"), span_of(right, "lawful")
    annotation = Annotation(3, 1, (Target(1, 1, *a, "rough", "", ""), Target(2, 2, *b, "lawful", "", "")))
    workspace.set_comparison([_statement(1, left), _statement(2, right)], None, [annotation])
    workspace.show()
    qtbot.waitExposed(workspace)
    # Size the window so the two spans are 70% of a screen apart, whatever the fonts: centring the
    # first span alone would then push the second off the screen.
    first = workspace.column_views()[0].span_rects(*a)[0]
    second = workspace.column_views()[1].span_rects(*b)[0]
    apart = second.bottom() - first.top()
    viewport = workspace.column_views()[0].viewport()
    workspace.resize(900, workspace.height() + int(apart / 0.7) - viewport.height())
    qtbot.waitUntil(lambda: abs(viewport.height() - apart / 0.7) < 2)
    workspace.reveal_annotation(3)
    for column, span in ((0, a), (1, b)):
        view = workspace.column_views()[column]
        rect = view.span_rects(*span)[0]
        assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()


def test_overview_marks_contrasts_and_annotations_and_jumps_on_click(qtbot: Any) -> None:
    filler = "An unrelated sentence about the weather and the harbour. " * 60
    left, right = filler + "We must be rough.", filler + "Officers act in a lawful way."
    a, b = span_of(left, "rough"), span_of(right, "lawful")
    analysis = Analysis(
        (left, right),
        (),
        (),
        (ContrastPair(0, 1, a, b, "antonym", 0.9, "rough against lawful"),),
        (),
        {},
    )
    analysis = replace(analysis, sentences=(fake_split(left), fake_split(right)))
    annotation = Annotation(5, 1, (Target(1, 1, *a, "rough", "", ""), Target(2, 2, *b, "lawful", "", "")))
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.resize(900, 500)
    workspace.set_comparison([_statement(1, left), _statement(2, right)], analysis, [annotation])
    workspace.show()
    qtbot.waitExposed(workspace)
    assert workspace.overview_marks() == 4  # two highlighted spans, two annotated ones
    overview = workspace.overview()
    assert workspace.scroll_value() == 0
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=overview.rect().center())
    assert workspace.scroll_value() > 0


def fake_split(text: str) -> tuple[tuple[int, int], ...]:
    from counterpoint.ui.workspace_model import split_sentences

    return split_sentences(text)


def test_copy_quote_with_source_cites_speaker_date_and_source(qtbot: Any, sample_project: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    workspace = _open(qtbot, sample_project, "by hand")
    trump = sample_project.statement(sample_project.comparison(1).statement_ids[0]).text
    workspace.select_span(0, *span_of(trump, "Please don't be too nice"))
    workspace.copy_quote_action.trigger()
    assert QGuiApplication.clipboard().text() == (
        "“Please don't be too nice” — Donald Trump, President of the United States "
        "(28 Jul 2017, Speech to law enforcement officers on MS-13 gang violence, Long Island, New York). "
        "Source: After Trump's Use of Force Quip, Sessions Tells Police to Be 'Lawful'"
    )


def test_enter_accepts_the_suggestion_the_caret_is_in(qtbot: Any, sample_project: Any) -> None:
    workspace = _open(qtbot, sample_project, "by hand")
    trump = sample_project.statement(sample_project.comparison(1).statement_ids[0]).text
    view = workspace.column_views()[0]
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(view.doc_position(trump.index("rough") + 1))
    view.setTextCursor(cursor)
    with qtbot.waitSignal(workspace.suggestion_accepted) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args[0].kind == "antonym"


def test_every_column_follows_when_the_window_narrows(qtbot: Any, sample_project: Any) -> None:
    """Narrowing the window makes the text overflow and the overview appear; that happened in the middle of
    the columns' layout and left the last column where the wider window had put it, headerless."""
    workspace = _open(qtbot, sample_project, "by hand")
    window = workspace.window()
    window.resize(700, 600)
    qtbot.wait(50)
    window.resize(1600, 1000)
    qtbot.wait(50)
    window.resize(700, 600)
    qtbot.waitUntil(lambda: workspace.overview().isVisible())
    body = workspace.columns_area().rect()
    for header, column in zip(workspace.column_headers(), workspace.column_views(), strict=True):
        assert header.height() > 20
        assert column.geometry().top() == header.geometry().bottom() + 1
        assert body.contains(column.geometry()), "each column lies inside the workspace"


def test_toolbar_starts_with_tag_selection_on_the_left(qtbot: Any, sample_project: Any) -> None:
    workspace = _open(qtbot, sample_project, "by hand")  # no title: the main window shows it
    buttons = sorted(
        (b for b in workspace.findChildren(QToolButton) if b.defaultAction() is not None and b.isVisible()),
        key=lambda b: b.x(),
    )
    assert buttons[0].defaultAction() is workspace.tag_action
    assert buttons[0].x() < 40, "the buttons line up on the left instead of spreading over the width"
    assert buttons[1].x() - buttons[0].geometry().right() < 30


def test_a_long_selection_wraps_beside_the_legend_instead_of_being_clipped(
    qtbot: Any, sample_project: Any
) -> None:
    workspace = _open(qtbot, sample_project, "by hand")
    workspace.window().resize(1000, 700)
    a, b = (s.text for s in workspace.statements()[:2])
    workspace.select_span(0, 0, a.index("wagon") + 5)
    workspace.select_span(1, b.index("We need"), b.index("careful") + 7)
    label = workspace.selection_label()
    assert "Ctrl+T to tag the pair" in label.text()
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.heightForWidth(label.width()) > label.fontMetrics().lineSpacing() * 1.5, "it takes two lines"


def test_a_long_occasion_takes_three_lines_and_keeps_the_rest_in_a_tooltip(qtbot: Any) -> None:
    occasion = (
        "Remarks at the annual conference of the National Association of County Sheriffs and Police "
        "Chiefs, held in the main ballroom of the convention centre, Phoenix, Arizona, after the keynote"
    )
    long = Statement(
        id=1, speaker_id=1, speaker="Speaker", text="We will act.", role="Role", occasion=occasion
    )
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.resize(700, 500)
    workspace.set_comparison([long, _statement(2, "We won't.")], None)
    workspace.show()
    qtbot.waitExposed(workspace)
    label = next(d for d in workspace.column_headers()[0].details if d.objectName() == "columnOccasion")
    qtbot.waitUntil(label.is_clamped)
    assert label.text().count("\n") == 2 and label.text().endswith("…")
    assert label.toolTip() == occasion and label.accessibleName() == occasion
    assert label.height() <= 3 * label.fontMetrics().lineSpacing() + 2
    assert workspace.column_views()[0].height() > workspace.column_headers()[0].height(), (
        "the statement keeps the room"
    )


def test_a_name_wider_than_its_column_is_elided_not_cut(qtbot: Any) -> None:
    from counterpoint.ui.workspace.header import ClampedLabel

    label = ClampedLabel("Chuck Rosenbergovitch", 2, "columnSpeaker")
    qtbot.addWidget(label)
    width = label.fontMetrics().horizontalAdvance("Chuck Rose")
    lines = label.lines(width)
    assert lines[0] == "Chuck" and lines[1].startswith("Rosen") and lines[1].endswith("…")
    assert all(label.fontMetrics().horizontalAdvance(line) <= width for line in lines)


def test_versions_are_summed_up_as_word_changes_not_as_contrasts_found() -> None:
    from counterpoint.engine.model import VersionOp
    from counterpoint.ui.wording import found as _found
    from counterpoint.ui.workspace_model import analysis_summary

    before, after = "We will cut taxes by 5% next year.", "We will cut taxes by 2% next year."
    pair = ContrastPair(0, 1, span_of(before, "5%"), span_of(after, "2%"), "quantity", 0.9, "5% against 2%")
    versions = Analysis(
        (before, after),
        (((0, len(before)),), ((0, len(after)),)),
        (),
        (pair,),
        (),
        {(0, 1): (VersionOp("replace", span_of(before, "5%"), span_of(after, "2%")),)},
    )
    assert analysis_summary(versions) == (0, 1)  # the diff is shown, not the contrast
    assert _found(versions, short=True) == "word changes shown"
    assert _found(versions, short=False) == "versions of one text, their word changes shown"
    contrasts = replace(versions, versions={})
    assert analysis_summary(contrasts) == (1, 0)
    assert _found(contrasts, short=True) == "1 contrast found"
    assert _found(contrasts, short=False) == "1 contrasting phrase highlighted"
    assert _found(replace(contrasts, pairs=()), short=False) == "the engine found no contrasting phrasing"


def test_a_span_no_longer_in_its_statement_is_not_drawn_on_other_words(qtbot: Any) -> None:
    left, right = "We will act with care.", "Officers act in a lawful way."
    lost = Target(1, 1, 8, 12, "be rough", "", "", False)  # offsets from before the text was corrected
    kept = Target(2, 2, *span_of(right, "in a lawful way"), "in a lawful way", "", "", True)
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.set_comparison(
        [_statement(1, left), _statement(2, right)], None, [Annotation(7, 1, (lost, kept))]
    )
    (connector,) = workspace.connectors()
    assert connector.ends == ((1, *span_of(right, "in a lawful way")),), "only the span still in its text"
    assert not connector.anchored  # drawn dashed: something about it needs review
