"""Counterpoint's comparison engine: align statements and find the contrasting phrasing, with reasons.

Pure Python: no Qt, no database, nothing else of the project. Offsets are code points, end exclusive.
"""

from counterpoint.engine.core import analyse, contrast
from counterpoint.engine.model import (
    DEFAULT_THRESHOLD,
    KINDS,
    MAX_CHARS,
    Alignment,
    Analysis,
    CommonGround,
    ContrastPair,
    InputTooLarge,
    Span,
    VersionOp,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "KINDS",
    "MAX_CHARS",
    "Alignment",
    "Analysis",
    "CommonGround",
    "ContrastPair",
    "InputTooLarge",
    "Span",
    "VersionOp",
    "analyse",
    "contrast",
]
