"""Render the app icon (packaging/io.github.counterpoint.Counterpoint.svg) into the PNG sizes of the hicolor
theme, packaging/icons/SIZE/APP_ID.png, for desktops that do not draw SVG icons. Run it after changing the SVG;
tests/packaging checks that the PNGs still match it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
APP_ID = "io.github.counterpoint.Counterpoint"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int, svg: Path = HERE / f"{APP_ID}.svg") -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def png_path(size: int) -> Path:
    return HERE / "icons" / f"{size}x{size}" / f"{APP_ID}.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    for size in SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        print(path.relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
