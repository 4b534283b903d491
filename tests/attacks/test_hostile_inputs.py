"""Hostile files, projects and arguments through the command line: one clear line, never a traceback, a hang,
a read of a file that is not the input, or a write outside the project and its output."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from counterpoint.cli import main

pytestmark = pytest.mark.timeout(60)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, err: str) -> bool:
    return code == 1 and err.startswith("counterpoint: error: ") and err.count("\n") == 1


def _fifo(tmp: Path) -> Path:
    path = tmp / "pipe.txt"
    os.mkfifo(path)
    return path


def _sparse(tmp: Path, size: int, name: str = "huge.txt") -> Path:
    path = tmp / name
    with path.open("wb") as stream:
        stream.truncate(size)
    return path


def _write(tmp: Path, name: str, data: bytes | str) -> Path:
    path = tmp / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _bad_crc_docx(tmp: Path) -> Path:
    buf = io.BytesIO()
    body = "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
    body += (
        "<w:p><w:r><w:t>We will never raise taxes on families.</w:t></w:r></w:p>" * 20
        + "</w:body></w:document>"
    )
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
    data = bytearray(buf.getvalue())
    at = data.find(b"word/document.xml") + len("word/document.xml") + 5
    data[at] ^= 0xFF  # damage the compressed stream
    return _write(tmp, "bad.docx", bytes(data))


def _lying_docx(tmp: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>" * 500)
    data = buf.getvalue()
    # shrink the declared size in the central directory: the entry is longer than it says
    central = data.rfind(b"PK\x01\x02")
    patched = bytearray(data)
    patched[central + 24 : central + 28] = (10).to_bytes(4, "little")
    return _write(tmp, "lying.docx", bytes(patched))


# name -> (make argv from the case's folder, the project path)
Case = Callable[[Path, Path], list[str]]
REFUSED: dict[str, Case] = {
    "import a FIFO": lambda t, p: ["import", str(p), str(_fifo(t))],
    "import /dev/zero": lambda t, p: ["import", str(p), "/dev/zero"],
    "import /dev/urandom as .txt": lambda t, p: ["import", str(p), "/dev/urandom"],
    "add --file /dev/zero": lambda t, p: ["add", str(p), "--speaker", "X", "--file", "/dev/zero"],
    "add --file a FIFO": lambda t, p: ["add", str(p), "--speaker", "X", "--file", str(_fifo(t))],
    "add --file of 3 MB": lambda t, p: ["add", str(p), "--speaker", "X", "--file", str(_sparse(t, 3_000_000))],
    "import a sparse 40 MB file": lambda t, p: ["import", str(p), str(_sparse(t, 40 * 2**20))],
    "a FIFO as the project (list)": lambda t, p: ["list", str(_fifo(t))],
    "a FIFO as the project (add)": lambda t, p: ["add", str(_fifo(t)), "--speaker", "X", "--text", "a b c"],
    "/dev/zero as the project": lambda t, p: ["list", "/dev/zero"],
    "a dossier nested 200,000 deep": lambda t, p: ["import", str(p), str(_write(t, "d.json", "[" * 200_000))],
    "a dossier with a 5,000-digit number": lambda t, p: [
        "import", str(p), str(_write(t, "n.json", '{"format": ' + "9" * 5000 + "}")),
    ],
    "a DOCX with a bad CRC": lambda t, p: ["import", str(p), str(_bad_crc_docx(t))],
    "a DOCX whose sizes lie": lambda t, p: ["import", str(p), str(_lying_docx(t))],
    "NUL bytes after the first 64 KB": lambda t, p: [
        "import", str(p), str(_write(t, "nul.txt", b"Plain words here. " * 5000 + b"\x00" * 10)),
    ],
    "a search that is not UTF-8": lambda t, p: ["list", str(p), "--search=" + b"\xff".decode("utf-8", "surrogateescape")],
    "a speaker that is not UTF-8": lambda t, p: [
        "add", str(p), "--speaker", b"Jos\xe9".decode("utf-8", "surrogateescape"), "--text", "a b c d",
    ],
    "a javascript: source address": lambda t, p: [
        "add", str(p), "--speaker", "X", "--text", "a b c d", "--source", "S", "--url", "javascript:alert(1)",
    ],
    "a file: source address": lambda t, p: [
        "add", str(p), "--speaker", "X", "--text", "a b c d", "--source", "S", "--url", "file:///etc/passwd",
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_one_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    project = tmp_path / "p.counterpoint"
    assert cli(capsys, "add", str(project), "--speaker", "Ann", "--text", "We will act now.")[0] == 0
    argv = REFUSED[name](tmp_path, project)
    code, _out, err = attack(name, lambda: cli(capsys, *argv))
    assert one_line_error(code, err), (code, err)
    assert "Traceback" not in err


ACCEPTED: dict[str, Case] = {
    "UTF-16 text without a BOM": lambda t, p: [
        "import", str(p), str(_write(t, "u16.txt", '"We will never raise taxes," said Jane Doe.\n'.encode("utf-16-le"))),
    ],
    "UTF-16 text with a BOM": lambda t, p: [
        "import", str(p), str(_write(t, "u16b.txt", '"We will act," said Jane Doe.\n'.encode("utf-16"))),
    ],
    "a text about %PDF- headers": lambda t, p: [
        "import", str(p), str(_write(t, "pdf.txt", "Every PDF starts with %PDF-1.7 and ends with a trailer.\n")),
    ],
    "an HTML page mentioning %PDF-": lambda t, p: [
        "import", str(p), str(_write(t, "pdf.html", "<html><body><p>Files begin %PDF-1.4 here, said the clerk.</p></body></html>")),
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_read_as_text(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any) -> None:
    project = tmp_path / "p.counterpoint"
    code, _out, err = attack(name, lambda: cli(capsys, *ACCEPTED[name](tmp_path, project)))
    assert code == 0, err
    with sqlite3.connect(project) as conn:
        (content,) = conn.execute("SELECT content FROM sources").fetchone()
    assert "PDF" in content or "Jane Doe" in content


def test_hostile_html_page_reads_nothing_and_keeps_no_javascript_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    canary = tmp_path / "outside" / "secret.png"
    canary.parent.mkdir()
    canary.write_bytes(b"secret")
    page = (
        f'<html><head><meta property="og:url" content="javascript:alert(1)"><link rel=stylesheet href="{canary}">'
        '<script type="application/ld+json">' + "[" * 50_000 + "</script></head>"
        f'<body><img src="{canary}"><iframe src="{canary}"></iframe><p>"We will never raise taxes," said Jane Doe.</p>'
        "</body></html>"
    )
    path = _write(tmp_path, "page.html", page)
    project = tmp_path / "p.counterpoint"
    code, _out, err = attack(
        "hostile page", lambda: cli(capsys, "import", str(project), str(path)), (canary,)
    )
    assert code == 0, err
    with sqlite3.connect(project) as conn:
        (url,) = conn.execute("SELECT url FROM sources").fetchone()
    assert not url


def test_hostile_addresses_in_a_project_never_become_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    project = tmp_path / "p.counterpoint"
    assert (
        cli(capsys, "add", str(project), "--speaker", "Ann", "--text", "We will act.", "--source", "S")[0]
        == 0
    )
    bad = 'javascript:alert(1)//"><script>alert(2)</script><img src=http://x/>'
    with sqlite3.connect(project) as conn:  # a project file written by someone else's tool
        conn.execute("UPDATE sources SET url = ?", [bad])
        conn.execute(
            "INSERT INTO sources (title, url) VALUES ('T2', ?)",
            ['https://example.org/a"><script>x</script> <b>'],
        )
    for fmt in ("html", "md", "claimreview"):
        out = tmp_path / f"report.{fmt}"
        code, _o, err = attack(
            f"export {fmt}",
            lambda f=fmt, o=out: cli(capsys, "export", str(project), "-o", str(o), "--format", f),
        )
        assert code == 0, err
        text = out.read_text()
        assert "javascript:" not in text and "<script>" not in text and "<img" not in text, fmt


def test_a_dossier_with_a_javascript_address_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    project = tmp_path / "p.counterpoint"
    assert (
        cli(capsys, "add", str(project), "--speaker", "Ann", "--text", "We will act.", "--source", "S")[0]
        == 0
    )
    dossier = tmp_path / "d.json"
    assert cli(capsys, "export", str(project), "-o", str(dossier), "--format", "json")[0] == 0
    data = json.loads(dossier.read_text())
    data["sources"][0]["url"] = "javascript:alert(1)"
    dossier.write_text(json.dumps(data))
    code, _out, err = attack(
        "dossier url", lambda: cli(capsys, "import", str(tmp_path / "new.counterpoint"), str(dossier))
    )
    assert one_line_error(code, err) and "http" in err, err


# Inputs each quadratic in one stage of the import until they were bounded (issue 15 point 2): through the
# whole command, each finishes well within the hang limit and imports its source.
ADVERSARIAL: dict[str, tuple[str, str]] = {
    "200 KB of nested unclosed <article>": ("a.html", "<html><body>" + "<article>a" * 20_000),
    "200 KB of nested <div><ul>": ("d.html", "<html><body><p>Words.</p>" + "<div><ul>" * 22_000),
    "100 KB of full stops": ("stops.txt", "Words first.\n" + "." * 100_000),
    "100 KB of '?!'": ("marks.txt", "Words first.\n" + "?!" * 50_000),
    "100 KB of 'Aa Bb said '": ("said.txt", "Aa Bb said " * 9_000),
    "a name phrase of 'of Bb' 60 KB long": ("of.txt", '"We will do it," said Ann ' + "of Bb " * 10_000 + ".\n"),
    "100 KB of '\"a '": ("qa.txt", '"a ' * 33_000),
    "alternating curly and straight quotes": ("mix.txt", '“a" "a” ‘a\' \'a’ ' * 8_000),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_import_in_bounded_time(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any
) -> None:
    file_name, content = ADVERSARIAL[name]
    path = _write(tmp_path, file_name, content)
    project = tmp_path / "p.counterpoint"
    code, _out, err = attack(name, lambda: cli(capsys, "import", str(project), str(path)))
    assert code == 0, err
    with sqlite3.connect(project) as conn:
        assert conn.execute("SELECT count(*) FROM sources").fetchone() == (1,)


def test_a_stage_past_its_time_limit_says_so_in_one_line_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attack: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counterpoint.ingest import deadline

    monkeypatch.setattr(deadline, "STAGE_TIME_LIMIT", 0.001)
    path = _write(tmp_path, "long.txt", '"We will act on this," said Jane Doe. ' * 20_000)
    project = tmp_path / "p.counterpoint"
    code, _out, err = attack("stage time limit", lambda: cli(capsys, "import", str(project), str(path)))
    assert one_line_error(code, err), err
    assert "long.txt took too long" in err and "nothing was imported" in err
    assert not project.exists()
