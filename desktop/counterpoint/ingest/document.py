"""A document brought into a project: its frozen plain text, where it came from, and how it was read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

DocumentFormat = Literal["text", "markdown", "html", "pdf", "docx"]

# The largest file we read. A saved article is tens of kilobytes and a long report a few megabytes; past this
# we refuse rather than stream, because the whole text is frozen into the project as the statements' source.
MAX_BYTES = 32 * 1024 * 1024
# The longest plain text we keep after extraction (a DOCX or PDF can expand well past its file size):
# about 500,000 words, a long book or a week of hearing transcripts. Quote extraction stays within seconds.
MAX_TEXT_CHARS = 3_000_000


class IngestError(ValueError):
    """A document that cannot be imported, with one line saying why (shown to the user as is)."""


@dataclass(frozen=True)
class Document:
    """One imported document. `text` is frozen: every quotation's offsets point into it."""

    title: str
    text: str
    format: DocumentFormat
    retrieved: datetime
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    sha256: str = field(default="")
    # Things the user may want to know about the reading (replaced bytes, a guessed encoding).
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))


def text_sha256(text: str) -> str:
    """The hash a project stores for a source: SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
