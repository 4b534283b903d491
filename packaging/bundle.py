"""Build the standalone bundle: PyInstaller on packaging/counterpoint.spec (a onedir folder), then a .tar.gz
of it, both under dist/. Run by `make bundle`; the packaging tests run it into a temporary folder."""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NAME = "counterpoint"


def version() -> str:
    namespace: dict[str, str] = {}
    exec((REPO / "desktop" / "counterpoint" / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> tuple[Path, Path]:
    """Build dist/counterpoint/ and dist/counterpoint-VERSION-linux-ARCH.tar.gz; return both paths."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(HERE / "counterpoint.spec"),
        ],
        check=True,
    )
    folder = dist / NAME
    archive = dist / f"{NAME}-{version()}-{platform.system().lower()}-{platform.machine()}.tar.gz"
    # gzip level 6: a third of level 9's time for 1 MB more on a 52 MB archive
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=NAME)
    return folder, archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="where the bundle goes (dist/)")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "pyinstaller", help="scratch folder")
    args = parser.parse_args()
    started = time.monotonic()
    folder, archive = build(args.dist.resolve(), args.work.resolve())
    print(
        f"built {folder} ({folder_size(folder) / 2**20:.0f} MB) and {archive.name} "
        f"({archive.stat().st_size / 2**20:.0f} MB) in {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
