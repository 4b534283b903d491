"""The standalone bundle, run as a user would: unpacked from its .tar.gz far from the checkout, with no venv,
no PYTHONPATH, no display and no fonts on the system. Marked slow: it builds the bundle (make bundle)."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_helpers import SHARED, fontless_env
from pypdf import PdfReader

from counterpoint.cli import build_parser

pytestmark = pytest.mark.slow

ARTICLE = SHARED / "samples" / "use-of-force-2017.txt"


def run(bundle: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(bundle / "counterpoint"), *args],
        cwd=cwd,
        env=fontless_env(cwd),
        capture_output=True,
        text=True,
        timeout=120,
    )
    # Exit status only: what the commands print on stderr is compared with the venv's by the tests.
    assert result.returncode == 0, f"{args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def in_venv(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The same command from the checkout's virtual environment, to compare against."""
    return subprocess.run(
        [sys.executable, "-m", "counterpoint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def subcommands() -> list[str]:
    return [
        name
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    ]


def embedded_fonts(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def test_the_archive_holds_one_folder_with_the_executable(bundle_archive: Path) -> None:
    import tarfile

    with tarfile.open(bundle_archive) as tar:
        names = tar.getnames()
    assert "counterpoint/counterpoint" in names
    assert {name.split("/")[0] for name in names} == {"counterpoint"}


def test_the_bundle_is_its_own_python(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert any(internal.glob("libpython3*.so*")), "the interpreter is not in the bundle"
    for name in ("db", "resources/fonts", "resources/lexicons", "resources/sample"):
        assert (internal / "counterpoint" / name).is_dir(), f"counterpoint/{name} left out of the bundle"


def test_help_lists_every_subcommand(bundle: Path, tmp_path: Path) -> None:
    out = run(bundle, tmp_path, "--help").stdout
    missing = [name for name in subcommands() if f"    {name}" not in out]
    assert not missing, f"--help leaves out {missing}:\n{out}"


def test_sample_import_export_and_screenshot(bundle: Path, tmp_path: Path) -> None:
    run(bundle, tmp_path, "sample", "x.counterpoint")
    shutil.copyfile(ARTICLE, tmp_path / ARTICLE.name)
    run(bundle, tmp_path, "import", "x.counterpoint", ARTICLE.name, "--quotes")
    bundled = json.loads(run(bundle, tmp_path, "list", "x.counterpoint", "--json").stdout)

    # The same steps from the venv find the same statements: nothing the engine or the importer reads
    # (lexicons, simplemma's dictionary, migrations) is missing from the bundle.
    reference = tmp_path / "reference"
    reference.mkdir()
    shutil.copyfile(ARTICLE, reference / ARTICLE.name)
    in_venv(reference, "sample", "x.counterpoint")
    in_venv(reference, "import", "x.counterpoint", ARTICLE.name, "--quotes")
    expected = json.loads(in_venv(reference, "list", "x.counterpoint", "--json").stdout)
    assert [(s["speaker"], s["text"]) for s in bundled] == [(s["speaker"], s["text"]) for s in expected]
    assert "Jeff Sessions" in {s["speaker"] for s in bundled}

    run(bundle, tmp_path, "export", "x.counterpoint", "-o", "x.pdf", "--format", "pdf")
    fonts = embedded_fonts(tmp_path / "x.pdf")
    assert {"DejaVuSerif", "DejaVuSans-Bold"} <= fonts, f"the report embeds {fonts}, not the bundled DejaVu"

    run(bundle, tmp_path, "screenshot", "x.counterpoint", "-o", "x.png")
    png = (tmp_path / "x.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000


def test_contrast_matches_the_venv(bundle: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Please don't be too nice to the suspects. The officers must be rough.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "We will hold any officer responsible who violates the law. Officers must act in a lawful way.",
        encoding="utf-8",
    )
    bundled = run(bundle, tmp_path, "contrast", "a.txt", "b.txt", "--json").stdout
    assert json.loads(bundled) == json.loads(in_venv(tmp_path, "contrast", "a.txt", "b.txt", "--json").stdout)
