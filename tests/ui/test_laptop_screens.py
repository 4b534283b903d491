"""The workspace on a laptop screen (issue 10, point 1) and quotations shown exactly (point 2).

The window on a small screen fits it; at 1024x700 and 1366x768 every statement column keeps a readable
width (no word broken in two), the side panels fold away for the columns and come back, the toolbar's
actions stay on the toolbar, and annotation outlines leave the neighbouring characters alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QImage, QScreen
from PySide6.QtWidgets import QMainWindow, QToolButton
from render_workspace import hand_built_analysis

from counterpoint.store import Project
from counterpoint.store.sample import write_sample
from counterpoint.ui.main_window import MainWindow
from counterpoint.ui.window_fit import first_geometry
from counterpoint.ui.workspace import MIN_COLUMN_CHARS, ComparisonWorkspace

LAPTOPS = [(1024, 700), (1366, 768)]


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    path = tmp_path / "dossier.counterpoint"
    with Project.open(path, create=True) as project:
        write_sample(project)
    return path


@pytest.fixture
def windows(qtbot: Any) -> Iterator[list[QMainWindow]]:
    opened: list[QMainWindow] = []
    yield opened
    for window in opened:
        window.close()


def _open(
    qtbot: Any, windows: list[QMainWindow], path: Path, settings: QSettings, size: tuple[int, int]
) -> Any:
    window = MainWindow(Project.open(path), settings)
    qtbot.addWidget(window)
    windows.append(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.default_layout()
    qtbot.waitUntil(
        lambda: window.current_analysis is not None and not window.analysis.runner.busy, timeout=30_000
    )
    qtbot.wait(50)  # the panels fold on the event after the resize
    return window


def _broken_words(workspace: ComparisonWorkspace) -> list[str]:
    """Words a column's layout breaks across two lines (a letter on both sides of a line break)."""
    broken = []
    for view in workspace.column_views():
        block = view.document().begin()
        while block.isValid():
            text, layout = block.text(), block.layout()
            for i in range(layout.lineCount() - 1):
                end = layout.lineAt(i).textStart() + layout.lineAt(i).textLength()
                if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                    broken.append(text[max(0, end - 8) : end + 8])
            block = block.next()
    return broken


# -- 1. every screen size ---------------------------------------------------------------------------


def test_first_geometry_fits_the_available_screen_and_centres() -> None:
    assert first_geometry(QRect(0, 0, 1920, 1200)) == QRect(160, 100, 1600, 1000)
    assert first_geometry(QRect(0, 25, 1366, 743)).size() == QSize(1366, 743)
    small = first_geometry(QRect(60, 0, 964, 700))
    assert QRect(60, 0, 964, 700).contains(small)


@pytest.mark.parametrize("screen", LAPTOPS)
def test_the_window_fits_a_laptop_screen_on_first_open(
    qtbot: Any,
    windows: list[QMainWindow],
    sample_path: Path,
    settings: QSettings,
    monkeypatch: Any,
    screen: Any,
) -> None:
    available = QRect(0, 0, *screen)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: available)
    window = MainWindow(Project.open(sample_path), settings)
    qtbot.addWidget(window)
    windows.append(window)
    window.show()
    qtbot.waitExposed(window)
    assert available.contains(window.geometry()), (window.geometry(), available)
    status = window.statusBar()
    bottom_right = status.mapTo(window, QPoint(status.width(), status.height()))
    assert window.rect().contains(bottom_right - QPoint(1, 1)), "the status bar is on screen"


@pytest.mark.parametrize("size", LAPTOPS)
def test_columns_stay_readable_on_a_laptop(
    qtbot: Any, windows: list[QMainWindow], sample_path: Path, settings: QSettings, size: Any
) -> None:
    window = _open(qtbot, windows, sample_path, settings, size)
    workspace = window.workspace
    metrics = QFontMetricsF(workspace.column_views()[0].document().defaultFont())
    twelve = metrics.averageCharWidth() * MIN_COLUMN_CHARS
    widths = workspace.column_widths()
    assert len(widths) == 3
    # The text area of each column holds a 12-character word unbroken, inside the document's margins.
    margin = workspace.column_views()[0].document().documentMargin()
    assert all(w - 2 * margin >= twelve for w in widths), (widths, twelve)
    assert _broken_words(workspace) == []
    # Everything fits without sideways scrolling: the side panels made room, or the columns scroll.
    need = workspace.minimum_columns_width()
    assert workspace.width() >= need or workspace.scrolls_sideways()


def test_at_1024_the_side_panels_fold_for_the_columns_and_come_back(
    qtbot: Any, windows: list[QMainWindow], sample_path: Path, settings: QSettings
) -> None:
    window = _open(qtbot, windows, sample_path, settings, (1024, 700))
    assert not window.annotations_dock.isVisible(), "the annotations panel made room for three columns"
    assert not window.workspace.scrolls_sideways()
    assert "Ctrl+3" in window.statusBar().currentMessage()
    window.resize(1600, 1000)
    qtbot.waitUntil(window.annotations_dock.isVisible)
    assert window.library_dock.isVisible() and window.comparisons_dock.isVisible()


def test_a_panel_the_user_shows_stays_and_the_columns_scroll_instead(
    qtbot: Any, windows: list[QMainWindow], sample_path: Path, settings: QSettings
) -> None:
    window = _open(qtbot, windows, sample_path, settings, (1024, 700))
    window.annotations_dock.toggleViewAction().trigger()  # Ctrl+3: the user wants it
    qtbot.waitUntil(window.annotations_dock.isVisible)
    window.resize(1000, 700)
    qtbot.wait(50)
    assert window.annotations_dock.isVisible(), "the user's choice is not undone by the next resize"
    window.library_dock.toggleViewAction().trigger()  # the user wants the library too, folded or not
    if not window.library_dock.isVisible():
        window.library_dock.toggleViewAction().trigger()
    window.resize(900, 700)
    qtbot.waitUntil(window.workspace.scrolls_sideways)
    assert window.annotations_dock.isVisible() and window.library_dock.isVisible()
    assert _broken_words(window.workspace) == []
    assert min(window.workspace.column_widths()) >= window.workspace.column_minimum_width() - 4


def test_no_word_breaks_even_in_a_narrow_workspace(qtbot: Any) -> None:
    from counterpoint.store.model import Statement

    texts = ["Community-based policing was a big part of reducing crime.", "Accountability, transparency."]
    statements = [
        Statement(id=i + 1, speaker_id=i + 1, speaker="Jeff Sessions", text=t) for i, t in enumerate(texts)
    ]
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.resize(300, 500)
    workspace.set_comparison(statements, None)
    workspace.show()
    qtbot.waitExposed(workspace)
    qtbot.wait(20)
    assert _broken_words(workspace) == []
    assert workspace.scrolls_sideways()
    longest = QFontMetricsF(workspace.column_views()[0].document().defaultFont()).horizontalAdvance(
        "Accountability,"
    )
    assert workspace.column_minimum_width() >= longest


@pytest.mark.parametrize("size", LAPTOPS)
def test_toolbar_actions_stay_on_the_toolbar_and_the_title_gives_way(
    qtbot: Any, windows: list[QMainWindow], sample_path: Path, settings: QSettings, size: Any
) -> None:
    window = _open(qtbot, windows, sample_path, settings, size)
    toolbar = window.toolbar
    for action in (window.action("new_statement"), window.action("import"), window.action("export")):
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.text()
        assert toolbar.rect().contains(button.geometry()), action.text()
    undo_redo = [a for a in toolbar.actions() if a.text() in ("Undo", "Redo")]
    assert len(undo_redo) == 2 and all(toolbar.widgetForAction(a).isVisible() for a in undo_redo)
    more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert more is None or not more.isVisible(), "nothing is behind »"
    title = window.project_label
    assert title.width() <= toolbar.width() * 2 // 5, "the project title does not eat the toolbar"
    assert title.text() == window.project.title and title.toolTip().startswith(window.project.title)


def test_hidden_panels_come_back_at_their_earlier_sizes(
    qtbot: Any, windows: list[QMainWindow], sample_path: Path, settings: QSettings
) -> None:
    window = _open(qtbot, windows, sample_path, settings, (1600, 1000))
    docks = (window.comparisons_dock, window.library_dock, window.annotations_dock)
    before = {d.objectName(): d.size() for d in docks}
    # Both left panels away, then back one by one: Qt gave the library half the side, about four cards.
    for dock in (window.library_dock, window.comparisons_dock, window.annotations_dock):
        dock.toggleViewAction().trigger()
        qtbot.wait(10)
    for dock in (window.library_dock, window.comparisons_dock, window.annotations_dock):
        dock.toggleViewAction().trigger()
        qtbot.wait(10)
    qtbot.wait(50)
    for dock in docks:
        was, now = before[dock.objectName()], dock.size()
        assert abs(was.width() - now.width()) <= 8 and abs(was.height() - now.height()) <= 8, (
            dock.objectName(),
            was,
            now,
        )


# -- 2. quotations shown exactly ---------------------------------------------------------------------


def _rendered(workspace: ComparisonWorkspace) -> QImage:
    return workspace.grab().toImage()


def _neighbour_rects(workspace: ComparisonWorkspace, column: int, start: int, end: int) -> list[QRect]:
    """The boxes of the characters just before and just after a span, in workspace coordinates, a pixel
    in from the side they share with the span (anti-aliasing of the span's own marks may touch that)."""
    view = workspace.column_views()[column]
    origin = view.viewport().mapTo(workspace, QPoint(0, 0))
    rects = []
    for lo, hi, inset in ((start - 1, start, (0, 0, -1, 0)), (end, end + 1, (1, 0, 0, 0))):
        for r in view.span_rects(lo, hi):
            box = r.toAlignedRect().adjusted(*inset).translated(origin)
            rects.append(box)
    return rects


def test_annotation_outlines_leave_the_neighbouring_characters_alone(qtbot: Any, sample_project: Any) -> None:
    """'I said, 'Please don't be too nice.'': the opening quote and the full stop were under the outline."""
    window = QMainWindow()
    workspace = ComparisonWorkspace()
    window.setCentralWidget(workspace)
    window.resize(1600, 1000)
    qtbot.addWidget(window)
    comparison = sample_project.comparison(1)
    statements = [sample_project.statement(i) for i in comparison.statement_ids]
    analysis = hand_built_analysis([s.text for s in statements])
    workspace.set_comparison(statements, analysis, [], sample_project.tags())
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(100)  # the columns settle (the overview may appear once the rows are padded)
    plain = _rendered(workspace)
    annotations = sample_project.annotations(1)
    workspace.set_annotations(annotations, sample_project.tags())
    qtbot.wait(20)
    marked = _rendered(workspace)
    assert plain.size() == marked.size()
    checked = 0
    for annotation in annotations:
        for target in annotation.targets:
            column = comparison.statement_ids.index(target.statement_id)
            text = statements[column].text
            assert text[target.start - 1] in "'‘ " or text[target.end] in ".'’ "
            for box in _neighbour_rects(workspace, column, target.start, target.end):
                differing = [
                    (x, y)
                    for x in range(box.left(), box.right() + 1)
                    for y in range(box.top(), box.bottom() + 1)
                    if plain.pixel(x, y) != marked.pixel(x, y)
                ]
                assert differing == [], (text[target.start - 1 : target.end + 1], box, differing[:5])
                checked += 1
    assert checked >= 6
    # The spans themselves are marked (tinted and ruled), or the test would prove nothing.
    view = workspace.column_views()[0]
    origin = view.viewport().mapTo(workspace, QPoint(0, 0))
    target = annotations[0].targets[0]
    inside = view.span_rects(target.start, target.end)[0].toAlignedRect().translated(origin)
    assert any(
        plain.pixel(x, y) != marked.pixel(x, y)
        for x in range(inside.left(), inside.right())
        for y in range(inside.top(), inside.bottom())
    )
    window.close()


def test_the_screen_of_the_test_session_is_a_desktop_monitor(qapp: Any) -> None:
    """The tests above pick their laptop screens; the rest run on the conftest's 1920x1200 screen."""
    assert QGuiApplication.primaryScreen().availableGeometry().size() == QSize(1920, 1200)


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)])
def test_screenshot_renders_at_the_size_asked(
    qapp: Any, sample_path: Path, tmp_path: Path, size: Any
) -> None:
    from counterpoint.cli import main

    out = tmp_path / "shot.png"
    assert main(["screenshot", str(sample_path), "-o", str(out), "--size", f"{size[0]}x{size[1]}"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == size


def test_screenshot_refuses_a_size_it_cannot_read(
    qapp: Any, sample_path: Path, tmp_path: Path, capsys: Any
) -> None:
    from counterpoint.cli import main

    assert main(["screenshot", str(sample_path), "-o", str(tmp_path / "x.png"), "--size", "big"]) != 0
    error = capsys.readouterr().err
    assert "1366x768" in error and not (tmp_path / "x.png").exists()
