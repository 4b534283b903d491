"""Finish of the workspace (issue 10 point 6): a selection snaps to whole words; a connector between
columns A and C leaves the text of B alone; the relation's badge sits on its connector's band."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication, QMainWindow
from render_workspace import hand_built_analysis

from counterpoint.ui.workspace import ComparisonWorkspace
from counterpoint.ui.workspace.connectors import badge_centre, link_segments

_windows: list[QMainWindow] = []


@pytest.fixture(autouse=True)
def _release_windows() -> Any:
    yield
    for window in _windows:
        window.close()
    _windows.clear()


def _open(qtbot: Any, project: Any, annotated: bool = True) -> ComparisonWorkspace:
    window = QMainWindow()
    workspace = ComparisonWorkspace()
    window.setCentralWidget(workspace)
    window.resize(1600, 1000)
    qtbot.addWidget(window)
    statements = [project.statement(i) for i in project.comparison(1).statement_ids]
    annotations = project.annotations(1) if annotated else []
    workspace.set_comparison(
        statements, hand_built_analysis([s.text for s in statements]), annotations, project.tags()
    )
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(100)  # the columns settle (the overview may appear once the rows are padded)
    _windows.append(window)
    return workspace


def test_snap_to_words_grows_both_ends_to_whole_words() -> None:
    from counterpoint.ui.workspace_model import snap_to_words

    text = "Community-based policing was a big part, don't you think?"
    assert snap_to_words(text, 3, 12) == (0, 15)  # "munity-bas" → "Community-based"
    assert snap_to_words(text, 43, 45) == (41, 46)  # "n'" → "don't"
    assert snap_to_words(text, 16, 24) == (16, 24)  # "policing" is whole already
    assert snap_to_words(text, 38, 41) == (35, 40)  # "rt, " → "part,": punctuation kept, space dropped
    assert snap_to_words(text, 40, 41) is None


def _drag(view: Any, start: QPoint, end: QPoint) -> None:
    viewport = view.viewport()

    def send(kind: QEvent.Type, point: QPoint, button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(
            kind,
            QPointF(point),
            QPointF(viewport.mapToGlobal(point)),
            button,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    left = Qt.MouseButton.LeftButton
    send(QEvent.Type.MouseButtonPress, start, left, left)
    send(QEvent.Type.MouseMove, end, Qt.MouseButton.NoButton, left)
    send(QEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton)


def test_a_drag_from_mid_word_to_mid_word_selects_whole_words(qtbot: Any, sample_project: Any) -> None:
    workspace = _open(qtbot, sample_project, annotated=False)
    text = workspace.statements()[0].text
    view = workspace.column_views()[0]
    begin, finish = text.index("thugs"), text.index("thrown")
    # From the middle of "thugs" ('ug') to the middle of "thrown" ('ro').
    start = view.span_rects(begin + 2, begin + 3)[0].center().toPoint()
    end = view.span_rects(finish + 2, finish + 3)[0].center().toPoint()
    _drag(view, start, end)
    (target,) = workspace.selection()
    assert text[target.start : target.end] == "thugs being thrown"
    assert view.textCursor().selectedText() == "thugs being thrown", (
        "what is shown selected is what is tagged"
    )


def _viewport_rect(workspace: ComparisonWorkspace, column: int) -> QRect:
    viewport = workspace.column_views()[column].viewport()
    return QRect(viewport.mapTo(workspace, QPoint(0, 0)), viewport.size())


def test_a_connector_from_a_to_c_leaves_the_text_of_b_alone(qtbot: Any, sample_project: Any) -> None:
    plain = _open(qtbot, sample_project, annotated=False)
    before = plain.grab().toImage()
    plain.window().close()
    workspace = _open(qtbot, sample_project)
    after = workspace.grab().toImage()
    assert before.size() == after.size()
    a_to_c = [c for c in workspace.connectors() if {col for col, _s, _e in c.ends} == {0, 2}]
    assert a_to_c, "the sample links column A to column C"
    # Column B's own annotated passage is marked (the A–B annotation); everything else in B is untouched.
    b = workspace.column_views()[1]
    origin = b.viewport().mapTo(workspace, QPoint(0, 0))
    own = [
        r.toAlignedRect().adjusted(-2, -3, 2, 3).translated(origin)
        for c in workspace.connectors()
        for col, s, e in c.ends
        if col == 1
        for r in b.span_rects(s, e)
    ]
    area = _viewport_rect(workspace, 1)
    changed = [
        (x, y)
        for x in range(area.left(), area.right() + 1, 2)
        for y in range(area.top(), area.bottom() + 1, 2)
        if before.pixel(x, y) != after.pixel(x, y) and not any(r.contains(x, y) for r in own)
    ]
    assert changed == [], changed[:10]
    # The link is drawn: the gutters either side of B show its colour.
    colour = QColor(a_to_c[0].colour)
    gutter = QRect(_viewport_rect(workspace, 1).right() + 2, area.top(), 40, area.height())
    assert any(
        _close(QColor(after.pixel(x, y)), colour, 90)
        for x in range(gutter.left(), gutter.right())
        for y in range(gutter.top(), gutter.bottom(), 2)
    )


def _close(a: QColor, b: QColor, tolerance: int) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < tolerance


def test_the_relation_badge_sits_on_its_band(qtbot: Any, sample_project: Any) -> None:
    workspace = _open(qtbot, sample_project)
    image = workspace.grab().toImage()
    views = [QRect(_viewport_rect(workspace, c)).toRectF() for c in range(3)]
    checked = 0
    for connector in workspace.connectors():
        ends = []
        for column, start, end in connector.ends:
            view = workspace.column_views()[column]
            rects = [r.translated(views[column].topLeft()) for r in view.span_rects(start, end)]
            ends.append((column, min(r.top() for r in rects), max(r.bottom() for r in rects)))
        (ca, ta, ba), (cb, tb, bb) = sorted(ends)[:2]
        piece = link_segments(ca, ta, ba, cb, tb, bb, views)[0]
        centre = badge_centre(piece)
        xa, top_a, bottom_a, xb, top_b, bottom_b = piece
        # At the middle of the gutter the band runs from the mean of its tops to the mean of its bottoms.
        assert xa < centre.x() < xb
        assert (top_a + top_b) / 2 <= centre.y() <= (bottom_a + bottom_b) / 2
        # The badge is a disc in the connector's colour around that point (its sign in the middle).
        ring = [centre + QPointF(dx, dy) for dx, dy in ((7, 0), (-7, 0), (0, 7), (0, -7))]
        pixels = [QColor(image.pixel(p.toPoint())) for p in ring]
        assert all(_close(p, QColor(connector.colour), 60) for p in pixels), (
            [p.name() for p in pixels],
            connector.colour,
        )
        checked += 1
    assert checked == 2
