"""Annotations and topic searches over any number of ids: no query carries one variable per row, so a
connection that allows only a few variables per statement still reads tens of thousands of rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from counterpoint.store import NewStatement, Project, TargetSpec
from counterpoint.store.finding import annotations_joining, topic_candidates

LOW_LIMIT = 100  # variables per statement, lowered on the connection
MANY = 40_000  # ids handed in (most of them name no statement)


@pytest.fixture
def low_limit(variable_limit: Callable[[int], None]) -> None:
    variable_limit(LOW_LIMIT)


@pytest.fixture
def project(tmp_path: Path, low_limit: None) -> Iterator[Project]:
    """3 x LOW_LIMIT statements on police budgets, and an annotation joining each pair of neighbours."""
    p = Project.open(tmp_path / "p.counterpoint", create=True)
    count = 3 * LOW_LIMIT
    p.add_statements(
        NewStatement(f"Speaker {n % 7}", f"Statement {n} says police budgets rose in ward{n}.")
        for n in range(count)
    )
    ids = p.statement_ids()
    with p.transaction():
        for n in range(0, count - 1, 2):
            p.add_annotation(
                [TargetSpec(ids[n], 0, 9), TargetSpec(ids[n + 1], 0, 9)],
                relation="contradicts",
                note=f"pair {n}",
                tags=["budget", f"t{n % 3}"],
            )
    assert p.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) == LOW_LIMIT
    yield p
    p.close()


def test_every_annotation_with_its_targets_and_tags_past_the_limit(project: Project) -> None:
    found = project.annotations()
    assert len(found) == 3 * LOW_LIMIT // 2
    assert all(len(a.targets) == 2 and a.tags[0] == "budget" and len(a.tags) == 2 for a in found)
    assert [a.targets[0].statement_id for a in found] == project.statement_ids()[0::2]
    assert project.annotation(found[-1].id) == found[-1]


def test_annotations_joining_tens_of_thousands_of_ids(project: Project) -> None:
    ids = project.statement_ids()
    asked = ids + list(range(10**6, 10**6 + MANY))
    joined = annotations_joining(project, asked)
    assert len(joined) == len(ids) // 2
    # a pair counts only with both of its statements among the ids
    assert (
        annotations_joining(project, ids[1:] + list(range(10**6, 10**6 + MANY)))[0].targets[0].statement_id
        == ids[2]
    )
    assert annotations_joining(project, ids[::2]) == []


def test_topic_candidates_within_and_excluding_tens_of_thousands_of_ids(project: Project) -> None:
    ids = project.statement_ids()
    everyone = topic_candidates(project, ["police", "budgets"], limit=10**6)
    assert sorted(everyone) == sorted(ids)
    padding = list(range(10**6, 10**6 + MANY))
    within = topic_candidates(project, ["police", "budgets"], within=ids[:50] + padding, limit=10**6)
    assert sorted(within) == sorted(ids[:50])
    outside = topic_candidates(project, ["police", "budgets"], exclude=ids[:250] + padding, limit=10**6)
    assert sorted(outside) == sorted(ids[250:])
    assert topic_candidates(project, ["police"], within=[], limit=10) == []


def test_a_statement_found_three_ways_is_listed_once(tmp_path: Path) -> None:
    """Its words, its speaker's name and a note all match: one id, in the library's order."""
    with Project.open(tmp_path / "p.counterpoint", create=True) as p:
        p.add_statements(
            [
                NewStatement("Budget Hawk", "Budget cuts now.", said_on="2020-01-02"),
                NewStatement("Someone", "Budget cuts later.", said_on="2019-01-02"),
                NewStatement("Other", "Nothing here."),
            ]
        )
        first, second, third = p.statement_ids()
        p.add_annotation([TargetSpec(second, 0, 6), TargetSpec(third, 0, 7)], note="budget again")
        assert p.statement_ids(search="budget") == [first, second, third]
        assert [s.id for s in p.statements(search="budg", limit=2)] == [first, second]
