"""Packaging test helpers: tools that CI must have, and the environment of a user with nothing set up."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
SHARED = REPO.parent / "shared"
APP_ID = "io.github.counterpoint.Counterpoint"

NO_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def require_tool(name: str) -> str:
    """The tool's path; a missing tool skips the test on a developer's machine and fails it in CI, which
    installs them all (make test runs packaging/system-deps.sh --test)."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} not installed (packaging/system-deps.sh --test installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def fontless_env(folder: Path) -> dict[str, str]:
    """A user's environment with no display, no Python set-up and a fontconfig that finds no fonts at all:
    whatever the report embeds came with the app."""
    fonts = folder / "no-fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    conf.write_text(NO_FONTS_CONF.format(fonts=fonts, cache=folder / "fc-cache"), encoding="utf-8")
    home = folder / "home"
    home.mkdir(exist_ok=True)
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "FONTCONFIG_FILE": str(conf),
    }
