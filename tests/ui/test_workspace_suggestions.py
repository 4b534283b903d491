"""Suggestions a user can see (issue 10 point 5): stepping says which of how many and why; the tooltip
keeps off the passages it is about; with two counterparts, Ctrl+Return takes the one shown and says so."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QToolTip
from render_workspace import close_kept, hand_built_analysis, keep, span_of

from counterpoint.engine.model import Analysis, ContrastPair
from counterpoint.store.model import Statement
from counterpoint.ui.workspace import ComparisonWorkspace
from counterpoint.ui.workspace_model import split_sentences


def _statement(id: int, text: str) -> Statement:
    return Statement(
        id=id, speaker_id=id, speaker=f"Speaker {id}", text=text, role="Role", occasion="Occasion"
    )


@pytest.fixture(autouse=True)
def _release_windows() -> Any:
    yield
    close_kept()


def _window(
    qtbot: Any, statements: list[Statement], analysis: Any, size: tuple[int, int] = (1600, 1000)
) -> Any:
    window = QMainWindow()
    workspace = ComparisonWorkspace()
    window.setCentralWidget(workspace)
    window.resize(*size)
    qtbot.addWidget(window)
    workspace.set_comparison(statements, analysis)
    window.show()
    qtbot.waitExposed(window)
    keep(window)
    return workspace


def _hover(workspace: ComparisonWorkspace, column: int, text: str, quote: str) -> QPoint:
    view = workspace.column_views()[column]
    start, _end = span_of(text, quote)
    point = view.span_rects(start + 1, start + 2)[0].center().toPoint()
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        QPointF(view.viewport().mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), move)
    return point


def test_stepping_through_suggestions_says_which_of_how_many_and_why(qtbot: Any, sample_project: Any) -> None:
    statements = [sample_project.statement(i) for i in sample_project.comparison(1).statement_ids]
    workspace = _window(qtbot, statements, hand_built_analysis([s.text for s in statements]))
    label = workspace.suggestion_label()
    assert not label.isVisible()
    workspace.next_suggestion_action.trigger()  # F8
    first: Any = workspace.current_suggestion()
    assert label.isVisible()
    assert label.text().startswith("Suggestion 1 of 3")
    assert first.reason in label.text() and "Ctrl+Return" in label.text()
    assert f"“{statements[0].text[first.a[0] : first.a[1]]}”" in label.text()
    workspace.next_suggestion_action.trigger()
    assert label.text().startswith("Suggestion 2 of 3")
    workspace.previous_suggestion_action.trigger()  # Shift+F8
    assert label.text().startswith("Suggestion 1 of 3") and workspace.current_suggestion() is first
    assert label.textFormat() == Qt.TextFormat.PlainText  # it quotes project text


def test_the_tooltip_keeps_off_the_counterpart_in_the_other_column(qtbot: Any) -> None:
    # The counterpart sits just right of and below the hovered word, where a tooltip opens by default.
    left = "Officers on the street were told plainly to be rough with the people they arrest."
    right = "Sir, the chief said that every officer must act in a lawful way at all times, with care."
    analysis = Analysis(
        (left, right),
        (split_sentences(left), split_sentences(right)),
        (),
        (
            ContrastPair(
                0,
                1,
                span_of(left, "rough"),
                span_of(right, "in a lawful way"),
                "antonym",
                0.8,
                "rough against lawful",
            ),
        ),
        (),
        {},
    )
    workspace = _window(qtbot, [_statement(1, left), _statement(2, right)], analysis, (1000, 700))
    view, other = workspace.column_views()
    point = _hover(workspace, 0, left, "rough")
    global_point = view.viewport().mapToGlobal(point)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, global_point))
    assert "rough against lawful" in QToolTip.text()
    tip = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "qtooltip_label" and w.isVisible()
    )
    forbidden = [
        QRect(v.viewport().mapToGlobal(r.topLeft().toPoint()), r.size().toSize())
        for v, text, quote in ((view, left, "rough"), (other, right, "in a lawful way"))
        for r in v.span_rects(*span_of(text, quote))
    ]
    assert forbidden
    for rect in forbidden:
        assert not tip.geometry().intersects(rect), (tip.geometry(), rect)
    QToolTip.hideText()


def test_with_two_counterparts_ctrl_return_takes_the_one_shown(qtbot: Any) -> None:
    a = "We will be rough with them."
    b = "Officers act in a lawful way."
    c = "Hold any officer responsible who violates the law."
    with_b = ContrastPair(
        0, 1, span_of(a, "rough"), span_of(b, "in a lawful way"), "antonym", 0.8, "rough against lawful"
    )
    with_c = ContrastPair(
        0, 2, span_of(a, "rough"), span_of(c, "responsible"), "framing", 0.6, "rough against responsible"
    )
    analysis = Analysis((a, b, c), tuple(split_sentences(t) for t in (a, b, c)), (), (with_b, with_c), (), {})
    workspace = _window(qtbot, [_statement(1, a), _statement(2, b), _statement(3, c)], analysis)
    view = workspace.column_views()[0]
    _hover(workspace, 0, a, "rough")
    shown: Any = workspace.current_suggestion()
    other = with_c if shown is with_b else with_b
    tip = workspace.tooltip_at(0, a.index("rough") + 1)
    taken = "B" if shown is with_b else "C"
    assert f"Ctrl+Return: make this pair (with {taken}) an annotation" in tip
    assert f"F8: choose this pair (with {'C' if taken == 'B' else 'B'}) instead" in tip
    # F8 with the mouse still on the phrase: the other pair becomes the one Ctrl+Return takes, and stays
    # so while the mouse moves over the same phrase.
    workspace.next_suggestion_action.trigger()
    if workspace.current_suggestion() is not other:
        workspace.next_suggestion_action.trigger()
    assert workspace.current_suggestion() is other
    _hover(workspace, 0, a, "rough")
    assert workspace.current_suggestion() is other
    assert f"(with {'C' if taken == 'B' else 'B'}) an annotation" in workspace.tooltip_at(
        0, a.index("rough") + 1
    )
    assert (
        "C “responsible”" if other is with_c else "B “in a lawful way”"
    ) in workspace.suggestion_label().text()
    view.setFocus()
    with qtbot.waitSignal(workspace.suggestion_accepted) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [other]
