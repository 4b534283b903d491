"""Start the desktop app: a QApplication and the main window on one project."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from counterpoint.store import Project


class MainWindow(QMainWindow):
    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.setWindowTitle(f"{project.title} — Counterpoint")
        self.setCentralWidget(QLabel(f"{project.count_statements()} statements"))
        self.resize(1600, 1000)


def run_app(project_path: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    path = Path(project_path) if project_path else Path("sample.counterpoint")
    project = Project.open(path, create=True)
    window = MainWindow(project)
    window.show()
    return int(app.exec())
