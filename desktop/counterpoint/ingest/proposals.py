"""The statements an import proposes from a document: its speaker turns when it is a transcript, else its
attributed quotations. One entry point for the command line and the import preview."""

from __future__ import annotations

from typing import Literal

from counterpoint.ingest.deadline import stage_limit
from counterpoint.ingest.document import Document
from counterpoint.ingest.quotes import Quote, extract_quotes
from counterpoint.ingest.transcript import find_turns, looks_like_transcript, transcript_statements

ReadingMode = Literal["auto", "quotes", "transcript"]


def reads_as_transcript(document: Document, mode: ReadingMode = "auto") -> bool:
    """Whether `document` is read as speaker turns: forced by the mode, else detected from its labels."""
    if mode != "auto":
        return mode == "transcript"
    return looks_like_transcript(document.text, find_turns(document.text))


def propose_statements(
    document: Document, mode: ReadingMode = "auto", *, name: str | None = None
) -> list[Quote]:
    """Each turn of a transcript, or each quotation of an article, as a proposed statement.

    Finding them is one stage of an import, under its time limit (ingest/deadline.py); `name` (the file's)
    says which document took too long, else its title."""
    with stage_limit(f"{name or _short(document.title)} took too long to search for statements"):
        if reads_as_transcript(document, mode):
            return transcript_statements(document.text, published=document.published)
        return extract_quotes(document.text, published=document.published)


def _short(title: str) -> str:
    return repr(title if len(title) <= 60 else title[:59] + "…")
