"""Find contradictions in the app: results stream in off the GUI thread, the sample's Trump finds Sessions,
one double-click opens a result beside the statement, a passage narrows the search, Cancel stops it."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from counterpoint.app import find as finding
from counterpoint.ui.main_window import MainWindow


@pytest.fixture
def window(sample_window: MainWindow) -> Iterator[MainWindow]:
    yield sample_window
    sample_window.find_contradictions.panel.cancel()
    sample_window.find_contradictions.panel.runner.wait()


def statement_of(window: MainWindow, speaker: str) -> int:
    return next(s.id for s in window.project.statements() if s.speaker == speaker)


def test_trump_finds_sessions_and_opens_the_comparison(qtbot: Any, window: MainWindow) -> None:
    finder = window.find_contradictions
    trump = statement_of(window, "Donald Trump")
    scored_on: list[bool] = []
    engine = finder.panel.runner.engine
    assert engine is window.analysis.runner.engine  # the app's analysis process, shared
    real = engine.analyse

    def on_which_thread(texts, **kwargs):  # type: ignore[no-untyped-def]
        scored_on.append(threading.current_thread() is threading.main_thread())
        return real(texts, **kwargs)

    engine.analyse = on_which_thread  # type: ignore[method-assign]
    try:
        assert finder.find(trump)
        assert finder.dock.isVisible() and finder.panel.busy
        qtbot.waitUntil(lambda: not finder.panel.busy, timeout=30_000)
    finally:
        del engine.analyse  # type: ignore[method-assign]
    # asked from a worker thread, answered by the engine's own process: never on the GUI thread's GIL
    assert scored_on and not any(scored_on)
    assert engine.pid is not None and engine.pid != os.getpid()
    panel = finder.panel
    speakers = [r.statement.speaker for r in panel.results]
    assert "Jeff Sessions" in speakers
    assert panel.view.topLevelItemCount() == len(panel.results)
    assert [r.sort_key() for r in panel.results] == sorted(r.sort_key() for r in panel.results)
    row = speakers.index("Jeff Sessions")
    item = panel.view.topLevelItem(row)
    assert item.text(1) == "Jeff Sessions"
    sessions = panel.results[row].statement.id
    before = len(window.project.comparisons())
    panel.view.setCurrentItem(item)
    panel.view.itemActivated.emit(item, 0)  # what a double-click or Enter does
    comparisons = window.project.comparisons()
    assert len(comparisons) == before + 1
    opened = comparisons[-1]
    assert opened.statement_ids == (trump, sessions)
    assert window.current_comparison_id == opened.id


def test_the_library_selection_and_a_selected_passage(qtbot: Any, window: MainWindow) -> None:
    finder = window.find_contradictions
    qtbot.waitUntil(lambda: not window.library.busy, timeout=10_000)
    assert not finder.find_selected() or window.library.selected_statement_ids()
    sanders = statement_of(window, "Sarah Huckabee Sanders")
    text = window.project.statement(sanders).text
    start = text.index("make something out of nothing")
    assert finder.find(sanders, (start, start + len("make something out of nothing")))
    qtbot.waitUntil(lambda: not finder.panel.busy, timeout=30_000)
    assert "the passage “make something out of nothing”" in finder.panel.title.text()
    for result in finder.panel.results:
        for phrase in result.phrases:
            assert start <= phrase.asked[0] and phrase.asked[1] <= start + len(
                "make something out of nothing"
            )
    assert finder.action in window.findChildren(type(finder.action))


def test_cancel_stops_the_search(qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    finder = window.find_contradictions
    gate = threading.Event()
    engine = finder.panel.runner.engine
    real = engine.analyse

    def slow(texts, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(5)
        return real(texts, **kwargs)

    monkeypatch.setattr(engine, "analyse", slow)
    trump = statement_of(window, "Donald Trump")
    # Every other statement is a candidate once the topic is the whole library's shared word.
    monkeypatch.setattr(finding, "content_words", lambda _text: ["the", "police", "law", "back", "something"])
    finder.find(trump)
    qtbot.waitUntil(lambda: finder.panel.progress.maximum() > 1, timeout=10_000)
    finder.panel.cancel_button.click()
    gate.set()
    assert not finder.panel.busy
    assert finder.panel.status.text().startswith("Cancelled")
    finder.panel.runner.wait()
    assert finder.panel.view.topLevelItemCount() <= 1  # at most the one being scored when Cancel came


def test_results_are_plain_text(qtbot: Any, window: MainWindow) -> None:
    project = window.project
    hostile = project.add_statement("<img src='/dev/zero'>", "We will not raise taxes on the middle class.")
    asked = project.add_statement("Ann Lee", "We will raise taxes on the middle class.")
    assert hostile and window.find_contradictions.find(asked)
    qtbot.waitUntil(lambda: not window.find_contradictions.panel.busy, timeout=30_000)
    panel = window.find_contradictions.panel
    item = panel.view.topLevelItem(0)
    assert item.text(1) == "<img src='/dev/zero'>"
    assert "<img" not in item.toolTip(1) or "&lt;img" in item.toolTip(1)
    assert panel.title.textFormat() == Qt.TextFormat.PlainText
