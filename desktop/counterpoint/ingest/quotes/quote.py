"""A quotation found in a document (its words, speaker, role, date, occasion, parts) and how its parts are
joined into the statement's text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from counterpoint.ingest.quotemarks import Span

# Quotations of fewer words than this are scare quotes or labels ("too nice", 'Lawful'), not statements.
MIN_QUOTE_WORDS = 3
# A quotation nobody is found to have said is still offered when it is at least this long (the user can name
# the speaker in the preview); shorter unattributed ones are almost always titles, slogans or names.
MIN_UNATTRIBUTED_WORDS = 8


@dataclass(frozen=True)
class Quote:
    """A quotation in a document: its words (without the quote marks), who said it, and how sure we are.

    `start`/`end` span the quotation in Document.text. A quotation split by its attribution ("…," he said,
    "…") or continued over paragraphs has several `parts`; `text` is the parts' words joined, and the span
    covers them all.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    role: str | None
    confidence: float
    said_on: date | None
    attribution: Span | None
    occasion: str | None = None
    parts: tuple[Span, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.parts:
            object.__setattr__(self, "parts", ((self.start, self.end),))


def join_parts(text: str, parts: Iterable[Span]) -> str:
    """The words of a quotation made of several spans: paragraphs joined by a blank line, parts cut by the
    reporter's words ('"…," she said, "…"') by an ellipsis (ELLIPSIS), other parts by a space; nothing that is
    not in the source is added, so the text holds only the speaker's words. A line break inside a part
    (hard-wrapped text) reads as a space; every character keeps its place, so positions in the joined text map
    back to the document."""
    pieces: list[str] = []
    previous_end: int | None = None
    for start, end in parts:
        if previous_end is not None:
            pieces.append(part_separator(text[previous_end:start]))
        pieces.append(text[start:end].replace("\n", " "))
        previous_end = end
    return "".join(pieces)


def part_separator(gap: str) -> str:
    """What joins two parts of a quotation: a blank line where the quotation runs on into a new paragraph
    (nothing between the parts but the line break and the new paragraph's opening mark); an ellipsis where the
    quotation was closed and opened again around words that are not the speaker's (the attribution); else a
    space (a line break, a stage direction or page furniture of a transcript)."""
    if _NEW_PARAGRAPH.fullmatch(gap):
        return "\n\n"
    return ELLIPSIS if _QUOTE_MARK.search(gap) and _WORD.search(gap) else " "


def omissions(quote: Quote) -> int:
    """How many places the quotation's text joins parts with an ellipsis (words left out between them)."""
    return quote.text.count(ELLIPSIS)


def has_blank_line_paragraphs(text: str) -> bool:
    """Whether paragraphs are separated by blank lines (single line breaks are then only wrapping)."""
    return bool(_BLANK_LINE.search(text))


# What stands for the reporter's words left out between two parts of one speaker's quotation.
ELLIPSIS = " … "
_QUOTE_MARK = re.compile(r"[\"“”„«»‟‘’‚‹›']")
_WORD = re.compile(r"[^\W_]")
_NEW_PARAGRAPH = re.compile(r"[ \t]*\n\s*[\"“„«‟‘'‚‹]?")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
