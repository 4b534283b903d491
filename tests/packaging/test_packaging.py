"""The desktop entry, AppStream metainfo, MIME type and icons, and the layout of the installed package."""

from __future__ import annotations

import configparser
import importlib.util
import subprocess
import xml.etree.ElementTree as ET
from importlib import resources

from packaging_helpers import APP_ID, PACKAGING, require_tool
from PySide6.QtGui import QImage

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_desktop_entry_launches_the_entry_point() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "counterpoint"
    assert section["Icon"] == APP_ID
    assert (PACKAGING / f"{APP_ID}.svg").is_file()


def test_metainfo_names_the_desktop_file() -> None:
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("description/p") is not None


def test_desktop_entry_validates() -> None:
    result = subprocess.run(
        [require_tool("desktop-file-validate"), str(PACKAGING / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_validates() -> None:
    result = subprocess.run(
        [require_tool("appstreamcli"), "validate", "--no-net", str(PACKAGING / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_migrations_and_resources_are_package_data() -> None:
    sql = [p.name for p in resources.files("counterpoint.db").iterdir() if p.name.endswith(".sql")]
    assert "0001_initial.sql" in sql
    sample = resources.files("counterpoint.resources") / "sample" / "dossier.json"
    assert sample.is_file()


def test_metainfo_has_a_screenshot_a_homepage_and_release_notes() -> None:
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    image = root.findtext("screenshots/screenshot/image") or ""
    assert (PACKAGING.parent / "docs" / image.rsplit("/", 1)[-1]).is_file(), image  # the README's screenshot
    assert (root.findtext("url[@type='homepage']") or "").startswith("https://")
    assert root.find("releases/release/description/p") is not None


def test_the_mime_type_is_the_one_the_desktop_entry_and_metainfo_name() -> None:
    mime = ET.parse(PACKAGING / f"{APP_ID}.mime.xml").getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["*.counterpoint"]
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    assert entry["Desktop Entry"]["MimeType"].rstrip(";").split(";") == [mime.get("type")]
    metainfo = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert metainfo.findtext("provides/mediatype") == mime.get("type")


def test_the_png_icons_are_the_svg_rendered_at_each_size(qapp: object) -> None:
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    assert spec and spec.loader
    render_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icons)
    for size in render_icons.SIZES:
        committed = QImage(str(render_icons.png_path(size))).convertToFormat(QImage.Format.Format_ARGB32)
        assert (committed.width(), committed.height()) == (size, size), size
        fresh = render_icons.render(size)
        differences = [
            (committed.pixel(x, y) >> shift & 0xFF) - (fresh.pixel(x, y) >> shift & 0xFF)
            for x in range(size)
            for y in range(size)
            for shift in (0, 8, 16, 24)
        ]
        mean = sum(abs(d) for d in differences) / len(differences)
        assert mean < 2, (
            f"{size}x{size} PNG no longer matches the SVG (mean difference {mean:.1f}): run packaging/render_icons.py"
        )
