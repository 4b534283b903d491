"""Fixtures the GUI tests share: QSettings in a temporary file, and main windows on project files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from counterpoint.store import Project
from counterpoint.store.sample import write_sample


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_window(qtbot: Any, settings: QSettings) -> Iterator[Any]:
    """open_window(path) shows a main window on that project; every window is closed afterwards."""
    from counterpoint.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def open_(path: Path) -> MainWindow:
        window = MainWindow(Project.open(path), settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.close()


@pytest.fixture
def sample_window(open_window: Any, tmp_path: Path) -> Any:
    """A main window on a new project holding the sample dossier."""
    path = tmp_path / "dossier.counterpoint"
    with Project.open(path, create=True) as project:
        write_sample(project)
    return open_window(path)
