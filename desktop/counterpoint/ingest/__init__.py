"""Importing documents (text, Markdown, HTML, PDF, DOCX, pasted text) and finding the quotations in them.

Pure Python: no Qt and no database here, so the command line, the app and the tests share one importer.
"""

from counterpoint.ingest.document import MAX_BYTES, MAX_TEXT_CHARS, Document, DocumentFormat, IngestError
from counterpoint.ingest.loader import (
    SUPPORTED_SUFFIXES,
    document_from_bytes,
    document_from_text,
    load_document,
)
from counterpoint.ingest.quotes import MIN_QUOTE_WORDS, Quote, extract_quotes, join_parts

__all__ = [
    "MAX_BYTES",
    "MAX_TEXT_CHARS",
    "MIN_QUOTE_WORDS",
    "SUPPORTED_SUFFIXES",
    "Document",
    "DocumentFormat",
    "IngestError",
    "Quote",
    "document_from_bytes",
    "document_from_text",
    "extract_quotes",
    "join_parts",
    "load_document",
]
