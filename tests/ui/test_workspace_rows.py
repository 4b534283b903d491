"""Shared rows for long comparisons (issue 16 point 1): build_rows gives the rows the plain greedy
algorithm gives (try each link, strongest first; keep it when the rows can still be ordered), without
re-layering every segment for every link."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from counterpoint.ui.workspace_model import Row, _Groups, _layers, build_rows, rows_of


def reference_rows(counts: Sequence[int], links: Sequence[tuple[int, int, int, int, float]]) -> list[Row]:
    """The algorithm as first written: a trial copy of the groups and a full layering per link."""
    groups = _Groups()
    members: dict[tuple[int, int], dict[int, int]] = {}
    for col_a, k_a, col_b, k_b, _score in sorted(links, key=lambda link: -link[4]):
        if col_a == col_b or not (0 <= k_a < counts[col_a] and 0 <= k_b < counts[col_b]):
            continue
        ga, gb = groups.find((col_a, k_a)), groups.find((col_b, k_b))
        if ga == gb:
            continue
        ma, mb = members.get(ga, {col_a: k_a}), members.get(gb, {col_b: k_b})
        if set(ma) & set(mb):
            continue
        trial = _Groups()
        trial.parent = dict(groups.parent)
        trial.parent[gb] = ga
        if _layers(counts, trial) is None:
            continue
        groups = trial
        members[ga] = {**ma, **mb}
        members.pop(gb, None)
    return rows_of(counts, groups, members)


def _links(
    rng: random.Random, counts: list[int], n: int, local: bool
) -> list[tuple[int, int, int, int, float]]:
    links = []
    for _ in range(n):
        a, b = rng.sample(range(len(counts)), 2)
        k_a = rng.randrange(counts[a])
        if local:  # as an aligner finds them: near the same place in both texts, a few out of order
            k_b = min(counts[b] - 1, max(0, round(k_a * counts[b] / counts[a]) + rng.randint(-3, 3)))
        else:
            k_b = rng.randrange(counts[b])
        links.append((a, k_a, b, k_b, round(rng.random(), 2)))  # rounded: ties in score happen
    return links


@pytest.mark.parametrize("seed", range(60))
def test_rows_are_those_of_the_plain_greedy_algorithm(seed: int) -> None:
    rng = random.Random(seed)
    counts = [rng.randint(1, 30) for _ in range(rng.choice([2, 2, 3, 4]))]
    links = _links(rng, counts, rng.randint(0, 60), local=seed % 2 == 0)
    assert build_rows(counts, links) == reference_rows(counts, links)


def test_every_segment_is_on_one_row_in_order() -> None:
    rng = random.Random(5)
    counts = [400, 350, 300]
    rows = build_rows(counts, _links(rng, counts, 900, local=True))
    for column, count in enumerate(counts):
        assert [r.cells[column] for r in rows if r.cells[column] is not None] == list(range(count))
    assert sum(1 for r in rows if r.aligned) > 100
