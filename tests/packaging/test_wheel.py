"""The wheel carries every module and data file of the package: migrations, resources, lexicons."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MAPPED = {
    "desktop/counterpoint": "counterpoint",
    "db": "counterpoint/db",
    "resources": "counterpoint/resources",
}


def _tracked(folder: str) -> list[str]:
    result = subprocess.run(["git", "ls-files", folder], cwd=REPO, capture_output=True, text=True, check=True)
    return [line for line in result.stdout.splitlines() if line]


def test_wheel_contains_every_package_file(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("counterpoint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        target + path[len(folder) :] for folder, target in MAPPED.items() for path in _tracked(folder)
    }
    missing = sorted(expected - names)
    assert not missing, f"files left out of the wheel: {missing}"
