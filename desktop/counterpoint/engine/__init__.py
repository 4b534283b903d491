"""Counterpoint's comparison engine: align statements and find the contrasting phrasing, with reasons.

Pure Python: no Qt, no database, nothing else of the project. Offsets are code points, end exclusive;
Utf16Offsets converts them for Qt, whose cursors count UTF-16 units.

    analysis = analyse([trump, sessions, tarrant])   # every pair of texts
    for pair in analysis.pairs:                       # ContrastPair: spans, kind, probability, reason
        ...
    contrast(a, b)                                    # the pairs of two texts
    diff_versions(draft, final)                       # word-level diff with moved passages
    scoring.evaluate(gold_items, predict)             # the scoring rule of DESIGN.md

Texts longer than MAX_CHARS raise InputTooLarge (a ValueError).
"""

from counterpoint.engine.core import analyse, contrast
from counterpoint.engine.model import (
    KINDS,
    MAX_CHARS,
    Alignment,
    Analysis,
    AnalysisCancelled,
    CommonGround,
    ContrastPair,
    InputTooLarge,
    Span,
    VersionOp,
)
from counterpoint.engine.offsets import Utf16Offsets
from counterpoint.engine.versions import diff_versions

__all__ = [
    "KINDS",
    "MAX_CHARS",
    "Alignment",
    "Analysis",
    "AnalysisCancelled",
    "CommonGround",
    "ContrastPair",
    "InputTooLarge",
    "Span",
    "Utf16Offsets",
    "VersionOp",
    "analyse",
    "contrast",
    "diff_versions",
]
