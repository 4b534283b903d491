"""analyse() keeps the cyclic garbage collector out of its way and puts it back as it found it."""

from __future__ import annotations

import gc
import threading

import pytest

from counterpoint.engine import analyse


def test_the_collector_is_paused_during_an_analysis_and_back_after() -> None:
    seen: list[bool] = []
    assert gc.isenabled()
    analyse(
        ["Crime rose.", "Crime fell.", "Crime stayed flat."],
        progress=lambda _d, _t: seen.append(gc.isenabled()),
    )
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        analyse(["Crime rose.", "Crime fell."])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_returns_when_an_analysis_fails() -> None:
    with pytest.raises(TypeError):
        analyse(["ok", 3])  # type: ignore[list-item]
    assert gc.isenabled()


def test_analyses_on_two_threads_share_one_pause() -> None:
    """The first to end must not turn the collector back on under the other."""
    inside = threading.Event()
    release = threading.Event()
    during: list[bool] = []

    def slow(_done: int, _total: int) -> None:
        inside.set()
        release.wait(5)

    worker = threading.Thread(target=lambda: analyse(["Crime rose.", "Crime fell."], progress=slow))
    worker.start()
    assert inside.wait(5)
    analyse(["Taxes rose.", "Taxes fell."])
    during.append(gc.isenabled())  # the worker's analysis is still running
    release.set()
    worker.join(5)
    assert during == [False]
    assert gc.isenabled()
