"""The Makefile builds the venv with the first of python3.13, python3.12, python3.11, python3 that runs and is
3.11 or newer, and says what to install when none is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_helpers import REPO, require_tool

TOO_OLD = "#!/bin/sh\nexec {python} -c 'import sys; sys.exit(1)' \"$@\"\n"  # answers as Python 3.10 would
NOT_INSTALLED = '#!/bin/sh\necho "pyenv: $(basename $0): command not found" >&2\nexit 127\n'


def pythons(folder: Path, **kinds: str) -> dict[str, str]:
    """A PATH whose pythons, found before the system's, are: 'real' (this interpreter), 'old' (answers as
    Python 3.10 would) or 'missing' (a pyenv shim for a version not selected)."""
    folder.mkdir()
    for name, kind in kinds.items():
        target = folder / name.replace("_", ".")
        if kind == "real":
            target.symlink_to(sys.executable)
        else:
            target.write_text(TOO_OLD.format(python=sys.executable) if kind == "old" else NOT_INSTALLED)
            target.chmod(0o755)
    return {"PATH": f"{folder}:/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")}


def make(env: dict[str, str], venv: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require_tool("make"), "-C", str(REPO), f"VENV={venv}", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "kinds, chosen",
    [
        (
            {"python3_13": "missing", "python3_12": "real", "python3_11": "real", "python3": "real"},
            "python3.12",
        ),
        (
            {"python3_13": "old", "python3_12": "missing", "python3_11": "real", "python3": "old"},
            "python3.11",
        ),
        (
            {"python3_13": "missing", "python3_12": "old", "python3_11": "missing", "python3": "real"},
            "python3",
        ),
    ],
)
def test_the_first_python_3_11_or_newer_makes_the_venv(
    tmp_path: Path, kinds: dict[str, str], chosen: str
) -> None:
    result = make(pythons(tmp_path / "bin", **kinds), tmp_path / "venv", "-n", "test")
    assert result.returncode == 0, result.stderr
    assert f"{chosen} -m venv {tmp_path / 'venv'}" in result.stdout, result.stdout


def test_no_python_3_11_says_what_to_install(tmp_path: Path) -> None:
    env = pythons(
        tmp_path / "bin", python3_13="missing", python3_12="missing", python3_11="old", python3="old"
    )
    result = make(env, tmp_path / "venv", "test")
    assert result.returncode != 0
    assert "needs Python 3.11 or newer" in result.stderr and "apt-get install python3" in result.stderr
    assert not (tmp_path / "venv").exists()
