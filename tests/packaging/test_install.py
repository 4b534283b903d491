"""`make install` / `make uninstall` (packaging/install.sh) into a temporary home, checked with the desktop's
own tools: desktop-file-validate, appstreamcli, update-mime-database, xdg-mime, and Qt's MIME database.
Marked slow: it installs the bundle that the session builds once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from packaging_helpers import APP_ID, PACKAGING, require_tool

pytestmark = pytest.mark.slow

MIME_TYPE = "application/x-counterpoint-project"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def user_env(home: Path) -> dict[str, str]:
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_DIRS": "/usr/local/share:/usr/share",
        "XDG_CONFIG_DIRS": "/etc/xdg",
        "QT_QPA_PLATFORM": "offscreen",
    }


def install_script(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        ["sh", str(PACKAGING / "install.sh"), *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def installed_files(home: Path) -> list[Path]:
    data = home / ".local" / "share"
    icons = data / "icons" / "hicolor"
    return [
        home / ".local" / "bin" / "counterpoint",
        home / ".local" / "lib" / "counterpoint" / "counterpoint",
        data / "applications" / f"{APP_ID}.desktop",
        data / "metainfo" / f"{APP_ID}.metainfo.xml",
        data / "mime" / "packages" / f"{APP_ID}.xml",
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        *(icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES),
    ]


def xdg_default(env: dict[str, str]) -> str:
    result = subprocess.run(
        [require_tool("xdg-mime"), "query", "default", MIME_TYPE], env=env, capture_output=True, text=True
    )
    return result.stdout.strip()


def qt_mime_type(env: dict[str, str], path: Path) -> str:
    """What a Qt (or any shared-mime-info) file manager calls the file."""
    code = (
        "import sys; from PySide6.QtCore import QMimeDatabase; "
        "print(QMimeDatabase().mimeTypeForFile(sys.argv[1]).name())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_install_validates_and_maps_project_files_to_the_app(bundle: Path, tmp_path: Path) -> None:
    require_tool("update-mime-database")
    home = tmp_path / "home"
    env = user_env(home)
    install_script(env, "install", str(bundle))
    missing = [str(p.relative_to(home)) for p in installed_files(home) if not p.is_file()]
    assert not missing, f"not installed: {missing}"

    data = home / ".local" / "share"
    desktop = data / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run(
        [require_tool("desktop-file-validate"), str(desktop)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    result = subprocess.run(
        [
            require_tool("appstreamcli"),
            "validate",
            "--no-net",
            str(data / "metainfo" / f"{APP_ID}.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    # The menu entry starts the installed launcher, which runs the bundle from ~/.local/lib.
    exec_line = next(line for line in desktop.read_text().splitlines() if line.startswith("Exec="))
    launcher = home / ".local" / "bin" / "counterpoint"
    assert exec_line == f'Exec="{launcher}" %f'
    project = tmp_path / "work" / "dossier.counterpoint"
    project.parent.mkdir()
    subprocess.run(
        [str(launcher), "sample", str(project)], env=env, check=True, capture_output=True, timeout=120
    )

    # A real project file (an SQLite database) is typed by its name, and that type opens the app.
    assert "*.counterpoint" in (data / "mime" / "globs2").read_text()
    assert qt_mime_type(env, project) == MIME_TYPE
    assert xdg_default(env) == f"{APP_ID}.desktop"

    out = install_script(env, "uninstall")
    assert "removed" in out
    left = [str(p.relative_to(home)) for p in installed_files(home) if p.exists()]
    assert not left, f"left behind by uninstall: {left}"
    assert not (home / ".local" / "lib" / "counterpoint").exists()
    assert xdg_default(env) == ""
    assert qt_mime_type(env, project) != MIME_TYPE
    assert project.is_file(), "uninstall must leave the user's projects alone"


def test_install_refuses_a_missing_bundle(tmp_path: Path) -> None:
    result = subprocess.run(
        ["sh", str(PACKAGING / "install.sh"), "install", str(tmp_path / "nowhere")],
        env=user_env(tmp_path / "home"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "make bundle" in result.stderr
    assert not (tmp_path / "home" / ".local").exists()
