"""Packaging fixtures: the standalone bundle built once per session."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from packaging_helpers import PACKAGING, require_tool


@pytest.fixture(scope="session")
def bundle_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make bundle`'s build (packaging/bundle.py) into a temporary dist/: the .tar.gz it made."""
    require_tool("objdump")  # PyInstaller reads and strips the libraries with binutils
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [
            sys.executable,
            str(PACKAGING / "bundle.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (archive,) = (out / "dist").glob("counterpoint-*.tar.gz")
    return archive


@pytest.fixture(scope="session")
def bundle(bundle_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle as a user gets it: the archive unpacked in a folder far from the checkout and the venv."""
    folder = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(bundle_archive) as tar:
        if hasattr(tarfile, "tar_filter"):  # Python 3.11.4 and later
            tar.extractall(folder, filter="tar")
        else:
            tar.extractall(folder)
    executable = folder / "counterpoint" / "counterpoint"
    assert os.access(executable, os.X_OK)
    return folder / "counterpoint"
