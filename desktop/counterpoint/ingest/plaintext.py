"""Plain text and Markdown: decoding bytes of unknown encoding, refusing binaries, light Markdown cleanup."""

from __future__ import annotations

import re
from typing import Any

from counterpoint.ingest.deadline import check_time
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
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _normalise_newlines(utf16), ("read as UTF-16 (it has no byte-order mark)",)
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
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if "\x00" in text:  # NUL bytes past the part looks_binary samples: binary after all, never stored
        raise IngestError("the file holds NUL bytes, so it is binary, not text; nothing was imported")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark (NULs on every other byte of ASCII), decoded; else None."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    for encoding, nuls, other in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if nuls > 0.6 and other < 0.05 and len(data) % 2 == 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


# Every pattern below is linear in its input: no quantified run may cross the character that starts
# another match of the same pattern (a link's text stops at "[", a tag at "<", an emphasis at its own
# marker), so a string of 500,000 unclosed openers costs one pass, not one pass per opener.
_MD_FENCE = re.compile(r"^(```|~~~).*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^[ \t]*(=+|-+)[ \t]*$", re.MULTILINE)
# A link's address may hold one level of parentheses (Wikipedia's "Foo_(bar)").
_MD_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]" + _MD_TARGET)
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]" + _MD_TARGET)
_MD_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S+.*$", re.MULTILINE)
_MD_EMPHASIS = tuple(
    re.compile(rf"(?<!\w){marker}([^\s{char}](?:[^{char}\n]*[^\s{char}])?){marker}(?!\w)")
    for marker, char in ((r"\*\*", r"*"), ("__", "_"), (r"\*", r"*"), ("_", "_"))
)
_MD_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_MD_LIST = re.compile(r"^([ \t]*)(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_MD_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")


def _heading(match: re.Match[str]) -> str:
    # The closing hashes of an ATX heading ("## Title ##") are stripped in Python: a pattern for them
    # backtracks over every run of "#" once per character of the line.
    text = match.group(1).rstrip(" \t")
    stripped = text.rstrip("#")
    if stripped != text and (not stripped or stripped[-1] in " \t"):
        text = stripped.rstrip(" \t")
    return text


_MD_PASSES: tuple[tuple[re.Pattern[str], Any], ...] = (
    (_MD_FENCE, ""),
    (_MD_HEADING, _heading),
    (_MD_SETEXT, ""),
    (_MD_IMAGE, ""),
    (_MD_LINK, r"\1"),
    (_MD_REF_DEF, ""),
    (_MD_BLOCKQUOTE, ""),
    (_MD_LIST, r"\1"),
    (_MD_HTML_TAG, ""),
    *((pattern, r"\1") for pattern in _MD_EMPHASIS),  # twice, for nested emphasis (***bold italic***)
    *((pattern, r"\1") for pattern in _MD_EMPHASIS),
)


def markdown_to_text(source: str) -> str:
    """Markdown to the plain text a reader sees: markup removed, words and quotation marks kept."""
    text = source
    # each pass is one linear regular expression; the time limit is checked between them
    for pattern, replacement in _MD_PASSES:
        check_time()
        text = pattern.sub(replacement, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
