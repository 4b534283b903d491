"""Fixtures for the importer tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from ingest_helpers import REFERENCE

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def reference_path() -> Path:
    if not REFERENCE.exists():
        pytest.skip(f"the shared reference article is not at {REFERENCE}")
    return REFERENCE
