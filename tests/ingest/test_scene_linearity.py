"""The scene and occasion rules stay linear: sentences that each set a scene, quotations cut by their
attributions thousands of times in one paragraph, outlets and gatherings in runs. Four times the input takes
about four times as long, not sixteen (a ratio on the same machine, failing over eight, seen twice)."""

from __future__ import annotations

import time

import pytest

from counterpoint.ingest import extract_quotes

pytestmark = pytest.mark.timeout(180)


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        extract_quotes(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize(
    ("unit", "size"),
    [
        # one paragraph of '"…," she said.' after a scene: every cut joined the whole utterance again (quadratic:
        # 80,000 characters took 0.7 s, 320,000 took 14.7 s)
        (
            'Ann Lee held a press conference Monday at the town hall. "We will go there soon," she said. ',
            60_000,
        ),
        ('Ann Lee told Harbour Radio on Monday that "we will go" and "we will stay" and ', 20_000),
        ('He took to the Senate floor. Ann Lee said "it is true for all". ', 20_000),
        ('Ann Lee full statement reads:\n\n"We will go there soon and stay."\n\n', 20_000),
        ("for a summit called for a hearing told CNN told The Daily News Tuesday ", 20_000),
    ],
)
def test_scenes_and_occasions_are_linear(unit: str, size: int) -> None:
    small_text = unit * (size // len(unit))
    large_text = unit * (4 * (size // len(unit)))
    small, large = _seconds(small_text), _seconds(large_text)
    if large >= 8.0 * small + 0.1:
        small, large = min(small, _seconds(small_text)), min(large, _seconds(large_text))
    assert large < 8.0 * small + 0.1, f"{unit!r}: {small:.3f} s, x4 {large:.3f} s"


def test_an_utterance_cut_many_times_is_kept_in_statements_of_bounded_parts() -> None:
    text = "".join(f'Ann Lee spoke at noon. "We will go to site {n} soon," she said. ' for n in range(100))
    quotes = extract_quotes(text)
    assert sum(len(q.parts) for q in quotes) == 100
    assert all(len(q.parts) <= 32 for q in quotes)
    assert all(q.speaker == "Ann Lee" for q in quotes)
