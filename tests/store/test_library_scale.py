"""The library at any size: bulk adding, and reading, filtering and listing past SQLite's limit on the number
of variables in one statement (no query may carry one variable per statement or per speaker)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from counterpoint.cli import main
from counterpoint.errors import UserError
from counterpoint.store import NewStatement, Project

LOW_LIMIT = 500  # variables per statement, lowered on the connection so a small library passes it


def bulk(count: int, speakers: int = 3) -> Iterator[NewStatement]:
    for n in range(count):
        yield NewStatement(
            f"Speaker {n % speakers}",
            f"Statement number {n} on police budgets.",
            role="Mayor",
            said_on=None if n % 10 == 0 else f"20{10 + n % 15}-0{1 + n % 9}-1{n % 10}",
        )


@pytest.fixture
def low_limit(variable_limit: Callable[[int], None]) -> None:
    """Every project connection opened in this test allows only LOW_LIMIT variables per statement."""
    variable_limit(LOW_LIMIT)


def test_add_statements_adds_in_bulk_and_reuses_speakers(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.counterpoint", create=True) as project:
        assert project.add_statements(bulk(1000)) == 1000
        assert project.count_statements() == 1000
        assert sorted(project.speaker_names()) == ["Speaker 0", "Speaker 1", "Speaker 2"]
        assert len(project.statement_ids(search="budgets")) == 1000  # the full-text index was kept
        first = project.statement(1)
        assert first.speaker == "Speaker 0" and first.said_on is None and first.role == "Mayor"


def test_add_statements_is_all_or_nothing(tmp_path: Path) -> None:
    rows = [NewStatement("A", "fine"), NewStatement("B", "   ")]
    with Project.open(tmp_path / "p.counterpoint", create=True) as project:
        with pytest.raises(UserError):
            project.add_statements(rows)
        assert project.count_statements() == 0 and project.speaker_names() == []


def test_reading_past_the_variable_limit(tmp_path: Path, low_limit: None) -> None:
    with Project.open(tmp_path / "p.counterpoint", create=True) as project:
        project.add_statements(bulk(3 * LOW_LIMIT, speakers=2 * LOW_LIMIT))
        assert project.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) == LOW_LIMIT
        ordered = project.statement_ids()
        statements = project.statements()
        assert [s.id for s in statements] == ordered and len(ordered) == 3 * LOW_LIMIT
        # every statement by id, in the library's order, and a subset of them
        assert project.statement_ids(ids=reversed(ordered)) == ordered
        assert [s.id for s in project.statements(ids=ordered[::2])] == ordered[::2]
        # a part of the name that a thousand speakers share
        assert len(project.statement_ids(speaker_part="SPEAKER")) == 3 * LOW_LIMIT
        sevens = {s.speaker for s in project.statements(speaker_part="speaker 7")}
        assert len(sevens) == 111 and all(name.startswith("Speaker 7") for name in sevens)
        assert project.statement_ids(ids=[]) == []


def test_library_order_and_filters_combine(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.counterpoint", create=True) as project:
        project.add_statements(
            [
                NewStatement("Ana Pérez", "Crime fell last year.", said_on="2020-05-01"),
                NewStatement("Ben Ode", "Crime rose last year.", said_on="2019-01-01"),
                NewStatement("ÉMILE Roux", "Crime is what it is."),
                NewStatement("Ana Pérez", "Taxes will not rise.", said_on="2018-01-01"),
            ]
        )
        assert project.statement_ids() == [4, 2, 1, 3]  # dated by date, then undated
        assert project.statement_ids(search="crime") == [2, 1, 3]
        assert project.statement_ids(search="crime", speaker_part="pérez") == [1]
        assert project.statement_ids(speaker_part="émile") == [3]
        assert project.statement_ids(search="crime", date_from="2019-06-01") == [1]
        assert project.statement_ids(search="crime", ids=[3, 1, 4]) == [1, 3]
        assert project.statement_ids(search="crime", limit=1) == [2]
        assert [s.id for s in project.iter_statements(search="ye")] == [2, 1]


def test_list_streams_past_the_variable_limit(
    tmp_path: Path, low_limit: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.counterpoint"
    with Project.open(path, create=True) as project:
        project.add_statements(bulk(2 * LOW_LIMIT + 1, speakers=2 * LOW_LIMIT))
    assert main(["list", str(path), "--speaker", "speaker"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 * LOW_LIMIT + 1 and "Statement number" in lines[0]
    assert main(["list", str(path), "--json", "--search", "police"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2 * LOW_LIMIT + 1
    assert set(rows[0]) == {"id", "speaker", "role", "date", "occasion", "source", "text"}


def test_list_json_keeps_its_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Streaming writes what json.dump(rows, indent=2) wrote, text with line breaks and quotes included."""
    path = tmp_path / "p.counterpoint"
    with Project.open(path, create=True) as project:
        project.add_statements([NewStatement("A", 'line one\nline "two"'), NewStatement("B", "ünï")])
    assert main(["list", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    assert [r["text"] for r in json.loads(out)] == ['line one\nline "two"', "ünï"]
    assert main(["list", str(path), "--json", "--search", "nothing"]) == 0
    assert capsys.readouterr().out == "[]\n"


@pytest.mark.slow
def test_list_past_this_sqlite_s_own_variable_limit(tmp_path: Path) -> None:
    """As a user meets it: more statements than this build of SQLite allows variables (250,000 in
    Debian's), listed by `counterpoint list` in its own process."""
    limit = sqlite3.connect(":memory:").getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    path = tmp_path / "huge.counterpoint"
    with Project.open(path, create=True) as project:
        project.add_statements(bulk(limit + 1))
    done = subprocess.run(
        [sys.executable, "-m", "counterpoint.cli", "list", str(path), "--search", "police"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == limit + 1 and not done.stderr
