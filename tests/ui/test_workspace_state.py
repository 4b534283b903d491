"""The workspace's selection and suggestion state, as plain classes (no Qt, no window)."""

from __future__ import annotations

from counterpoint.ui.workspace.state import SelectionState, SuggestionState, legend_key
from counterpoint.ui.workspace_model import Highlight


def test_a_third_column_drops_the_oldest_pick() -> None:
    picks = SelectionState()
    assert not picks and picks.latest() is None
    assert picks.pick(2, (0, 4)) == []
    assert picks.pick(0, (5, 9)) == []
    assert picks.columns() == [0, 2] and picks.latest() == 0
    assert picks.pick(1, (1, 3)) == [2]
    assert picks.columns() == [0, 1] and picks.span(2) is None
    # Picking again in a column moves it to the end of the queue: column 0 is now the oldest.
    assert picks.pick(1, (2, 6)) == []
    assert picks.pick(3, (0, 1)) == [0]
    assert picks.columns() == [1, 3] and picks.span(1) == (2, 6)
    kept = picks.copy()
    picks.clear()
    assert not picks and kept.columns() == [1, 3]


def _pair(name: str) -> object:
    return type("Pair", (), {"name": name})()


def _contrast(start: int, end: int, partner: int, pair: object, kind: str = "antonym") -> Highlight:
    return Highlight(start, end, kind, "contrast", "reason", partner, (0, 1), pair)


def test_stepping_wraps_and_goes_back() -> None:
    p, q, r = _pair("p"), _pair("q"), _pair("r")
    found = [(0, _contrast(0, 4, 1, p)), (0, _contrast(10, 14, 1, q)), (1, _contrast(3, 5, 2, r))]
    state = SuggestionState()
    assert state.current() is None and state.position(found) is None
    assert state.step(found, 1) == found[0]
    assert state.position(found) == (1, 3)
    state.step(found, 1)
    state.step(found, 1)
    assert state.position(found) == (3, 3)
    assert state.step(found, 1) == found[0], "wraps to the first"
    assert state.step(found, -1) == found[2], "and back to the last"
    assert state.step([], 1) is None


def test_the_hovered_suggestion_wins_over_the_stepped_one_while_hovered() -> None:
    p, q = _pair("p"), _pair("q")
    stepped, hovered = _contrast(0, 4, 1, p), _contrast(10, 14, 1, q)
    state = SuggestionState()
    state.step([(0, stepped)], 1)
    assert state.hover(0, [hovered]) is True
    assert state.current() == (0, hovered)
    assert state.hover(0, [hovered]) is False, "the same highlight again: no change"
    state.hover(0, [])
    assert state.current() == (0, stepped)
    # A click where there is no suggestion lets go of the stepped one.
    assert state.click(0, []) is True and state.current() is None


def test_hidden_kinds_are_dropped_from_the_state() -> None:
    state = SuggestionState()
    negation = _contrast(0, 4, 1, _pair("p"), kind="negation")
    state.step([(0, negation)], 1)
    state.drop_hidden(lambda h: legend_key(h) == "antonym")
    assert state.current() is not None
    state.drop_hidden(lambda h: legend_key(h) == "negation")
    assert state.current() is None
    assert legend_key(Highlight(0, 1, "common", "common", "")) == "common"


def test_the_state_imports_without_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, counterpoint.ui.workspace.state; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_on_a_phrase_with_two_counterparts_the_one_stepped_to_stays_current() -> None:
    with_b, with_c = _pair("b"), _pair("c")
    to_b, to_c = _contrast(0, 5, 1, with_b), _contrast(0, 5, 2, with_c)
    found = [(0, to_b), (0, to_c)]
    state = SuggestionState()
    state.hover(0, [to_b, to_c])
    assert state.current() == (0, to_c), "the mouse alone: the innermost (last) one"
    assert state.step(found, 1) == (0, to_b), "F8 from the hovered one goes to the next in order, wrapping"
    state.hover(0, [to_b, to_c])  # the mouse moves on the same phrase
    assert state.current() == (0, to_b)
    assert state.position(found) == (1, 2)


def test_a_tip_is_placed_off_the_passages_it_is_about() -> None:
    from PySide6.QtCore import QPoint, QRect, QSize

    from counterpoint.ui.workspace.tip_place import place_tip

    screen = QRect(0, 0, 1000, 800)
    line = QRect(100, 100, 1, 20)
    counterpart = QRect(150, 125, 120, 20)  # just below and right of the mouse: where a tip opens
    spot = place_tip(QSize(200, 60), QPoint(100, 110), line, [counterpart], screen)
    assert not QRect(spot, QSize(200, 60)).intersects(counterpart)
    assert not QRect(spot, QSize(200, 60)).intersects(line)
    assert screen.contains(QRect(spot, QSize(200, 60)))
