"""Fixtures for the engine's tests: the shared gold dev set and the seed statements."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DEV_SET = SHARED / "data" / "contrast-dev.json"

# The seed statements, as quoted in the reference article (NBC News, 1 August 2017).
TRUMP = (
    "When you see these thugs being thrown into the back of a paddy wagon — you just see them thrown in, "
    "rough. I said, 'Please don't be too nice.'"
)
SESSIONS_1 = (
    "Community-based policing was a big part of reducing crime…in America, we can’t back off that now. "
    "We need to get even better at it and more careful at it — making sure we’re doing it in a lawful way"
)
SANDERS = "I think you guys are jumping and trying to make something out of nothing... Wasn't a directive, it was a joke"
TARRANT = (
    "We must always be vigilant in ensuring that human rights of those in custody and/or suspected of crimes "
    "are protected."
)


@pytest.fixture(scope="session")
def seed() -> dict[str, str]:
    """The seed statements by speaker."""
    return {"trump": TRUMP, "sessions": SESSIONS_1, "sanders": SANDERS, "tarrant": TARRANT}


@pytest.fixture(scope="session")
def dev_set_path() -> Path:
    if not DEV_SET.exists():
        pytest.skip(f"gold dev set not found at {DEV_SET}")
    return DEV_SET


@pytest.fixture(scope="session")
def dev_items() -> list[dict[str, Any]]:
    if not DEV_SET.exists():
        pytest.skip(f"gold dev set not found at {DEV_SET}")
    items: list[dict[str, Any]] = json.loads(DEV_SET.read_text(encoding="utf-8"))
    return items
