"""DOCX through zipfile and ElementTree, with the archive checked for zip bombs before anything is parsed."""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree

from counterpoint.ingest.dates import parse_date_string
from counterpoint.ingest.deadline import check_time
from counterpoint.ingest.document import MAX_TEXT_CHARS, IngestError

# A real DOCX has tens of entries and a few megabytes of XML, which compresses about 10:1 (rarely past 50:1).
MAX_ENTRIES = 2000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 120
MAX_PART = 64 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"


@dataclass(frozen=True)
class DocxContent:
    text: str
    title: str | None
    author: str | None
    created: date | None


def read_docx(data: bytes, name: str = "the document") -> DocxContent:
    """The paragraphs of a Word document as plain text; IngestError for a broken or hostile archive."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(f"{name} is not a valid DOCX (Word) file; nothing was imported") from exc
    with archive:
        check_archive(archive, name)
        try:
            body = _read_part(archive, "word/document.xml", name)
        except KeyError:
            raise IngestError(
                f"{name} is a zip archive but not a Word document; nothing was imported"
            ) from None
        text = _paragraphs(body, name)
        title = author = None
        created = None
        try:
            core = _parse_xml(_read_part(archive, "docProps/core.xml", name), name)
        except (KeyError, IngestError):
            core = None
        if core is not None:
            title = (core.findtext(f"{_DC}title") or "").strip() or None
            author = (core.findtext(f"{_DC}creator") or "").strip() or None
            stamp = core.findtext(f"{_DCTERMS}created")
            created = parse_date_string(stamp) if stamp else None
    return DocxContent(text=text, title=title, author=author, created=created)


def check_archive(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse archives that would expand past what a document needs: entry count, total size, ratio."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise IngestError(
            f"{name} has {len(entries):,} entries inside (a DOCX has far fewer); refused as unsafe"
        )
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED:
        raise IngestError(
            f"{name} would expand to {total / 2**20:,.0f} MB (limit {MAX_UNCOMPRESSED / 2**20:.0f} MB); "
            "refused as unsafe"
        )
    for entry in entries:
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * max(1, entry.compress_size):
            raise IngestError(
                f"{name} has an entry that compresses {entry.file_size // max(1, entry.compress_size):,}:1 "
                "(a zip bomb?); refused as unsafe"
            )


def _read_part(archive: zipfile.ZipFile, part: str, name: str) -> bytes:
    # The sizes in the directory can lie: read at most what was declared, and no more than MAX_PART.
    info = archive.getinfo(part)
    limit = min(info.file_size, MAX_PART)
    try:
        with archive.open(info) as stream:
            data = stream.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        # a bad CRC, a truncated or encrypted entry, a compression method zipfile lacks
        raise IngestError(f"{name} is a damaged DOCX ({part}: {exc}); nothing was imported") from None
    if len(data) > limit:
        raise IngestError(
            f"{name} has a part larger than it declares or than {MAX_PART // 2**20} MB; refused"
        )
    return data


def _parse_xml(data: bytes, name: str) -> ElementTree.Element:
    # Word never writes a DOCTYPE; refusing one rules out entity expansion and external entities.
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise IngestError(f"{name} contains XML entity declarations; refused as unsafe")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise IngestError(f"{name} has damaged XML inside ({exc}); nothing was imported") from exc


def _paragraphs(data: bytes, name: str) -> str:
    root = _parse_xml(data, name)
    paragraphs: list[str] = []
    total = 0
    for paragraph in root.iter(f"{_W}p"):
        check_time()
        parts: list[str] = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        line = "".join(parts).strip()
        if line:
            paragraphs.append(line)
            total += len(line) + 2
            if total > MAX_TEXT_CHARS:
                raise IngestError(f"{name} holds more than {MAX_TEXT_CHARS:,} characters of text; refused")
    if not paragraphs:
        raise IngestError(f"{name} has no text in it; nothing was imported")
    return "\n\n".join(paragraphs) + "\n"
