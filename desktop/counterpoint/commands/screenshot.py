"""`counterpoint screenshot PROJECT -o PNG [--comparison ID] [--size WxH]`: the main window rendered offscreen
to a PNG, with a comparison open, its analysis finished, its highlights and annotations drawn."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from counterpoint.errors import UserError

WIDTH, HEIGHT = 1600, 1000
MIN_WIDTH, MIN_HEIGHT = 640, 480
ANALYSIS_TIMEOUT_MS = 60_000


def parse_size(text: str) -> tuple[int, int]:
    """'1366x768' (or 1366×768) as (1366, 768); anything else is a one-line argument error."""
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1366x768")
    width, height = (int(p) for p in parts)
    if width < MIN_WIDTH or height < MIN_HEIGHT or width > 8000 or height > 8000:
        raise argparse.ArgumentTypeError(
            f"{text!r}: the window can be from {MIN_WIDTH}x{MIN_HEIGHT} to 8000x8000 pixels"
        )
    return width, height


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "screenshot", help="render the main window offscreen to a PNG (works without a display)"
    )
    parser.add_argument("project", type=Path, help="project file to show")
    parser.add_argument("-o", "--output", type=Path, required=True, help="PNG file to write")
    parser.add_argument("--comparison", type=int, help="id of the comparison to open (default: the first)")
    parser.add_argument(
        "--theme", choices=("light", "dark"), default="light", help="colour theme (default: light)"
    )
    parser.add_argument(
        "--size",
        type=parse_size,
        default=(WIDTH, HEIGHT),
        metavar="WxH",
        help=f"window size in pixels, as a laptop screen would give it (default: {WIDTH}x{HEIGHT})",
    )
    parser.set_defaults(func=run_screenshot)


def run_screenshot(args: argparse.Namespace) -> int:
    output: Path = args.output
    if output.suffix.lower() != ".png":
        raise UserError(f"{output} should end in .png")
    if not output.parent.is_dir():
        raise UserError(f"can't write {output}: the folder {output.parent} does not exist")
    if not args.project.exists():
        raise UserError(f"{args.project} does not exist")
    width, height = args.size
    render(args.project, output, comparison_id=args.comparison, theme=args.theme, size=(width, height))
    print(f"wrote {output} ({width}×{height})")
    return 0


def render(
    project_path: Path,
    output: Path,
    *,
    comparison_id: int | None = None,
    theme: str = "light",
    size: tuple[int, int] = (WIDTH, HEIGHT),
) -> None:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import qInstallMessageHandler

    def quiet(_kind: object, _context: object, message: str) -> None:
        # The offscreen platform says it can't do window-manager hints; that is expected here, not news.
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(quiet)
    try:
        image = _grab(project_path, comparison_id, theme, size)
    finally:
        qInstallMessageHandler(previous)
    if not image.save(str(output), "PNG"):
        raise UserError(f"can't write {output}")


def _grab(project_path: Path, comparison_id: int | None, theme: str, size: tuple[int, int]) -> Any:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from counterpoint.store import Project
    from counterpoint.ui.app import make_application
    from counterpoint.ui.main_window import MainWindow
    from counterpoint.ui.theme import ThemeChoice, apply_theme

    app = make_application()
    apply_theme(app, ThemeChoice(theme))
    project = Project.open(project_path)
    comparisons = [c.id for c in project.comparisons()]
    if comparison_id is not None and comparison_id not in comparisons:
        project.close()
        known = ", ".join(str(c) for c in comparisons) or "none"
        raise UserError(f"{project_path} has no comparison {comparison_id} (it has: {known})")

    with tempfile.TemporaryDirectory() as folder:
        # A throwaway settings file: the picture shows the default layout and leaves the user's settings alone.
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(project, settings)
        window.resize(*size)
        window.show()
        window.default_layout()
        if comparison_id is not None:
            window.open_comparison(comparison_id)

        loop = QEventLoop()

        def check() -> None:
            if not window.analysis_pending and not window.library.busy:
                loop.quit()

        poll = QTimer()
        poll.timeout.connect(check)
        poll.start(20)
        QTimer.singleShot(ANALYSIS_TIMEOUT_MS, loop.quit)
        loop.exec()
        poll.stop()
        # Let layouts settle and the connectors paint at the final size.
        settle = QEventLoop()
        QTimer.singleShot(150, settle.quit)
        settle.exec()
        image = window.grab()
        window.close()
        return image
