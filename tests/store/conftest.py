"""Fixtures shared by the store's tests."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from counterpoint.store import project as project_module


@pytest.fixture
def variable_limit(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """Call it with N: every project connection opened after that in the test allows only N variables per
    statement (SQLite's SQLITE_LIMIT_VARIABLE_NUMBER), so a small library passes the limit."""

    def lower(limit: int) -> None:
        connect = project_module.connect

        def lowered(path: Path | str) -> sqlite3.Connection:
            conn = connect(path)
            conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
            return conn

        monkeypatch.setattr(project_module, "connect", lowered)

    return lower
