"""Entry points for bringing a document in: a file, bytes with a name (a drop), or pasted text."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from counterpoint.ingest.dates import find_dates, now_utc
from counterpoint.ingest.deadline import check_time, stage_limit
from counterpoint.ingest.document import MAX_BYTES, MAX_TEXT_CHARS, Document, DocumentFormat, IngestError
from counterpoint.ingest.files import read_regular_file
from counterpoint.ingest.lexicon import is_page_noise
from counterpoint.ingest.plaintext import decode_text, markdown_to_text

_SUFFIX_FORMATS: dict[str, DocumentFormat] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".htm": "html",
    ".html": "html", ".xhtml": "html", ".pdf": "pdf", ".docx": "docx",
    ".vtt": "text", ".srt": "text",  # caption files: read as text, their cue timings left out of the words
}  # fmt: skip
SUPPORTED_SUFFIXES = tuple(sorted(_SUFFIX_FORMATS))


def load_document(path: str | Path) -> Document:
    """Read a file (text, Markdown, HTML, PDF, DOCX) into a Document; IngestError says why when it cannot."""
    path = Path(path)
    data = read_regular_file(path, MAX_BYTES)  # regular files only, size checked before reading
    # The file's own path is not kept as its address: it would leak the user's folders into shared reports.
    return document_from_bytes(data, path.name)


def document_from_bytes(data: bytes, name: str, *, url: str | None = None) -> Document:
    """A Document from a file's bytes and name (the format comes from the content first, then the name).

    Reading is one stage of an import, under its time limit (ingest/deadline.py)."""
    _check_size(len(data), name)
    if not data.strip():
        raise IngestError(f"{name} is empty; nothing was imported")
    with stage_limit(f"{name} took too long to read"):
        return _document(data, name, url)


def _document(data: bytes, name: str, url: str | None) -> Document:
    fmt = _sniff(data, name)
    retrieved = now_utc()
    title: str | None = None
    publisher = None
    published: date | None = None
    notes: tuple[str, ...] = ()
    if fmt == "pdf":
        from counterpoint.ingest.pdf import read_pdf

        pdf = read_pdf(data, name)
        text, title, published = pdf.text, pdf.title, pdf.created
    elif fmt == "docx":
        from counterpoint.ingest.docx import read_docx

        docx = read_docx(data, name)
        text, title, published = docx.text, docx.title, docx.created
    else:
        decoded, notes = decode_text(data, name)
        check_time()  # decoding (an encoding guessed by charset-normalizer) is one call: checked after it
        if fmt == "html":
            from counterpoint.ingest.html import html_to_article

            article = html_to_article(decoded)
            text, title, publisher, published = (
                article.text,
                article.title,
                article.publisher,
                article.published,
            )
            url = article.url or url
        elif fmt == "markdown":
            text = markdown_to_text(decoded)
        else:
            text = decoded
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(f"{name} holds more than {MAX_TEXT_CHARS:,} characters of text; refused")
    if not text.strip():
        raise IngestError(f"{name} has no readable text in it; nothing was imported")
    return Document(
        title=title or guess_title(text) or Path(name).stem,
        text=text,
        format=fmt,
        retrieved=retrieved,
        publisher=publisher,
        url=url,
        published=published or guess_published(text),
        notes=notes,
    )


def document_from_text(
    text: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    published: date | None = None,
    retrieved: datetime | None = None,
) -> Document:
    """A Document from pasted text (the clipboard): newlines normalised, nothing else changed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError("the pasted text is empty; nothing was imported")
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(f"the pasted text is longer than {MAX_TEXT_CHARS:,} characters; refused")
    return Document(
        title=title or guess_title(text) or "Pasted text",
        text=text,
        format="text",
        retrieved=retrieved or now_utc(),
        publisher=publisher,
        url=url,
        published=published or guess_published(text),
    )


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise IngestError(
            f"{name} is {size / 2**20:,.1f} MB, over the {MAX_BYTES // 2**20} MB import limit; "
            "nothing was imported"
        )


def _sniff(data: bytes, name: str) -> DocumentFormat:
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if b"%PDF-" in data[:1024] and b"%%EOF" in data[-2048:] and not _is_text(data):
        return "pdf"  # a PDF with junk before its header (allowed in the first KB), not a text about PDFs
    suffix = Path(name).suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        if suffix in (".docx", "") or b"word/" in data[:4096] or b"[Content_Types].xml" in data[:4096]:
            return "docx"
        raise IngestError(f"{name} is a zip archive, not a document we can read; nothing was imported")
    if suffix == ".doc" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError(f"{name} is an old Word (.doc) file; save it as .docx or PDF and import that")
    fmt = _SUFFIX_FORMATS.get(suffix)
    if fmt in ("pdf", "docx"):
        raise IngestError(f"{name} is named {suffix} but is not a {fmt.upper()} file; nothing was imported")
    lowered = head[:512].lower()
    if fmt is None and (lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered):
        return "html"
    return fmt or "text"


def _is_text(data: bytes) -> bool:
    from counterpoint.ingest.plaintext import looks_binary

    return not looks_binary(data[:65536])


_TITLE_MAX = 200


def guess_title(text: str) -> str | None:
    """The first line that reads like a headline: short, not page chrome."""
    for line in text.splitlines()[:40]:
        line = line.strip().lstrip("#").strip()
        if 3 <= len(line) <= _TITLE_MAX and not is_page_noise(line) and re.search(r"[A-Za-z]{2}", line):
            return line
    return None


def guess_published(text: str) -> date | None:
    """A date with a year near the top (a dateline or byline), when the document gives one."""
    head = text[:1500]
    for _start, _end, found in find_dates(head, None):
        return found
    return None
