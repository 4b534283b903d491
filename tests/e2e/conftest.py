"""End-to-end fixtures: a sample dossier written once by the CLI, copied into each test's folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from e2e_helpers import CLI


@pytest.fixture
def cli(tmp_path: Path) -> CLI:
    return CLI(tmp_path)


@pytest.fixture(scope="session")
def sample_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One sample dossier written by the CLI, copied by each test that needs one."""
    folder = tmp_path_factory.mktemp("sample")
    CLI(folder)("sample", "d.db").ok()
    assert not (folder / "d.db-wal").exists() or (folder / "d.db-wal").stat().st_size == 0
    return folder / "d.db"


@pytest.fixture
def sample(sample_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "d.db"
    shutil.copyfile(sample_master, target)
    return target


@pytest.fixture(scope="session")
def sample_statements(sample_master: Path) -> list[dict[str, Any]]:
    return CLI(sample_master.parent)("list", "d.db", "--json").ok().json()  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def sample_dossier(sample_master: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sample dossier as the JSON export gives it."""
    folder = tmp_path_factory.mktemp("dossier")
    shutil.copyfile(sample_master, folder / "d.db")
    CLI(folder)("export", "d.db", "-o", "dossier.json").ok()
    return json.loads((folder / "dossier.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]
