"""Direct quotations in news writing and who said them.

The text is read in four passes: find the quoted spans (straight and curly marks, nested quotes, quotations
continued over paragraphs); mask them, so the sentence splitter and the attribution rules see only the
reporter's words (tokens); list the people the article names (people, with names telling a name from the role,
organisation or place around it); then attribute each quotation from the patterns news writing uses
(attribution, with the reporting verbs of verbs), falling back on references back (coreference, with reach: who
a reference back can reach); each is dated and placed (dates, scenes), and the pipeline joins the parts of one
utterance.
"""

from counterpoint.ingest.quotemarks import Span
from counterpoint.ingest.quotes.pipeline import extract_quotes
from counterpoint.ingest.quotes.quote import (
    ELLIPSIS,
    MIN_QUOTE_WORDS,
    MIN_UNATTRIBUTED_WORDS,
    Quote,
    has_blank_line_paragraphs,
    join_parts,
    omissions,
    part_separator,
)

__all__ = [
    "ELLIPSIS",
    "MIN_QUOTE_WORDS",
    "MIN_UNATTRIBUTED_WORDS",
    "Quote",
    "Span",
    "extract_quotes",
    "has_blank_line_paragraphs",
    "join_parts",
    "omissions",
    "part_separator",
]
