"""Start the desktop app: a QApplication, the theme, and the main window on one project.

With no project named: the last one opened, or on first run the sample dossier, written to the app's data
folder so a new user has something real to look at.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from counterpoint import __version__
from counterpoint.errors import UserError
from counterpoint.export.fonts import register_fonts
from counterpoint.store import Project
from counterpoint.ui.theme import ThemeChoice, apply_theme

ORGANISATION = "Counterpoint"
APPLICATION = "Counterpoint"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.counterpoint.Counterpoint")  # packaging/*.desktop: icon and grouping
    register_fonts()  # the reading column's and the report's DejaVu faces, whatever the system has
    icon = resources.files("counterpoint.resources") / "icons" / "counterpoint.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def data_folder() -> Path:
    """~/.local/share/Counterpoint (under $XDG_DATA_HOME): Qt's AppDataLocation would name the organisation
    and the application, both 'Counterpoint', and double the folder."""
    generic = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(generic) / APPLICATION


def sample_path() -> Path:
    folder = data_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "sample.counterpoint"


def open_sample() -> Project:
    """The sample dossier in the data folder, written the first time."""
    path = sample_path()
    project = Project.open(path, create=True)
    if project.count_statements() == 0:
        from counterpoint.store.sample import write_sample

        write_sample(project)
    return project


def open_in_background(path: Path, *, create: bool = False) -> Project:
    """Open a project; when its schema must be migrated first (slow on a large file), that runs on a worker
    thread while the event loop turns, a progress dialog appearing if it takes a while. Opening a file
    that is up to date is quick whatever its size (the library reads its rows later, off this thread)."""
    from counterpoint.store.migrations import pending_names
    from counterpoint.store.project import check_project_file
    from counterpoint.ui.workers import ProjectOpener

    if path.is_file() and path.stat().st_size:
        check_project_file(path)
        if not pending_names(path):
            return Project.open(path)

    opener = ProjectOpener()
    loop = QEventLoop()
    outcome: dict[str, str] = {}
    opener.opened.connect(lambda _path: loop.quit())

    def failed(_path: object, message: str) -> None:
        outcome["error"] = message
        loop.quit()

    opener.failed.connect(failed)
    progress = QProgressDialog(f"Opening {path.name}…", "", 0, 0)
    progress.setCancelButton(None)
    progress.setWindowTitle("Counterpoint")
    progress.setMinimumDuration(400)
    opener.open(path, create=create)
    loop.exec()
    progress.close()
    opener.wait()
    if "error" in outcome:
        raise UserError(outcome["error"])
    return Project.open(path)


def choose_project(
    project_path: str | None, settings: QSettings, unopened: list[tuple[Path, str]] | None = None
) -> Project:
    """The project to start with: the one named, else the last one, else the sample dossier.

    A last project that can't be opened (damaged, or from a newer version) is added to `unopened` with
    the reason, so the window can say why the sample is open instead of the user's work.
    """
    if project_path:
        path = Path(project_path)
        # Naming a file that does not exist yet creates an empty project, as the CLI does.
        return open_in_background(path, create=not path.exists())
    last = settings.value("last_project")
    if last and Path(str(last)).is_file():
        try:
            return open_in_background(Path(str(last)))
        except UserError as exc:
            # Fall back to the sample instead of refusing to start, and say so once the window is up.
            if unopened is not None:
                unopened.append((Path(str(last)), str(exc)))
    return open_sample()


def run_app(project_path: str | None) -> int:
    app = make_application()
    settings = QSettings()
    apply_theme(app, ThemeChoice(str(settings.value("theme", ThemeChoice.SYSTEM.value))))
    unopened: list[tuple[Path, str]] = []
    try:
        project = choose_project(project_path, settings, unopened)
    except UserError as exc:
        QMessageBox.critical(None, "Counterpoint", str(exc))
        print(f"counterpoint: error: {exc}", file=sys.stderr)
        return 1

    from counterpoint.ui.main_window import MainWindow

    window = MainWindow(project, settings)
    window.show()
    for path, message in unopened:
        window.report_unopened(path, message, instead=True)
    return int(app.exec())
