"""Plain text and Markdown: decoding bytes of unknown encoding, refusing binaries, light Markdown cleanup."""

from __future__ import annotations

import re

from counterpoint.ingest.document import IngestError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters that never appear in real text (tab, newline, carriage return, form feed are fine).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    """True when a byte string is not text in any 8-bit or UTF-8 encoding (NUL bytes, many control bytes)."""
    sample = data[:65536]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a BOM has NULs by nature
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls > len(sample) * 0.01


def decode_text(data: bytes, name: str = "the file") -> tuple[str, tuple[str, ...]]:
    """Decode bytes to text: a BOM, then strict UTF-8, then a detected encoding; returns (text, notes)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise_newlines(data.decode(encoding)), ()
            except UnicodeDecodeError:
                break
    if looks_binary(data):
        raise IngestError(f"{name} looks like a binary file, not text; nothing was imported")
    try:
        return _normalise_newlines(data.decode("utf-8")), ()
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few broken bytes (a bad copy, a truncated download): keep UTF-8, mark the damage.
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    non_ascii = sum(1 for ch in replaced if ord(ch) > 127)
    if bad and bad * 4 < non_ascii:
        return _normalise_newlines(replaced), (f"{bad} invalid UTF-8 byte sequence(s) replaced with \ufffd",)
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[: 4 * 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise IngestError(f"{name} is not text in any encoding we recognise; nothing was imported")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        text = data.decode(best.encoding, errors="replace")
    return _normalise_newlines(text), (f"not UTF-8; read as {best.encoding}",)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


_MD_FENCE = re.compile(r"^(```|~~~).*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^[ \t]*(=+|-+)[ \t]*$", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S+.*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)([^\n]*?\S)\1(?!\w)")
_MD_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_MD_LIST = re.compile(r"^([ \t]*)(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_MD_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")


def markdown_to_text(source: str) -> str:
    """Markdown to the plain text a reader sees: markup removed, words and quotation marks kept."""
    text = _MD_FENCE.sub("", source)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_SETEXT.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_DEF.sub("", text)
    text = _MD_BLOCKQUOTE.sub("", text)
    text = _MD_LIST.sub(r"\1", text)
    text = _MD_HTML_TAG.sub("", text)
    for _ in range(2):  # nested emphasis (***bold italic***)
        text = _MD_EMPHASIS.sub(r"\2", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
