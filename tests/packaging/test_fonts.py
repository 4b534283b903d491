"""Reports look the same everywhere: the PDF embeds the DejaVu faces shipped in resources/fonts even on a
machine whose fontconfig finds no font at all."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

from packaging_helpers import fontless_env
from pypdf import PdfReader

from counterpoint.export.fonts import FONT_FILES


def test_the_fonts_and_their_licence_ship_in_the_package() -> None:
    folder = resources.files("counterpoint.resources") / "fonts"
    for name in FONT_FILES:
        assert (folder / name).read_bytes()[:4] == b"\x00\x01\x00\x00", f"{name} is not a TrueType font"
    assert "Bitstream Vera" in (folder / "LICENSE").read_text(encoding="utf-8")


def test_the_report_embeds_the_bundled_fonts_without_system_fonts(tmp_path: Path) -> None:
    env = fontless_env(tmp_path)
    for args in (("sample", "x.counterpoint"), ("export", "x.counterpoint", "-o", "x.pdf")):
        subprocess.run(
            [sys.executable, "-m", "counterpoint", *args],
            cwd=tmp_path,
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
    fonts = set()
    for page in PdfReader(tmp_path / "x.pdf").pages:
        for font in page["/Resources"].get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    assert {"DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSans", "DejaVuSans-Bold"} <= fonts, fonts
