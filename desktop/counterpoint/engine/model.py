"""Plain data shapes the engine returns: spans, alignments, contrast pairs, version ops, the analysis."""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]  # code points, end exclusive

KINDS = ("negation", "antonym", "polarity", "modality", "factuality", "quantity", "framing")

# Each text is limited to one million code points (about 170,000 words: three 50,000-word reports).
# Above that the engine refuses the input rather than keep the user waiting for long.
MAX_CHARS = 1_000_000


class InputTooLarge(ValueError):
    """A text is longer than MAX_CHARS code points."""


class AnalysisCancelled(Exception):
    """analyse() was told to stop by its cancelled() hook."""


@dataclass(frozen=True)
class ContrastPair:
    """Contrasting phrasing: span a of texts[left] against span b of texts[right]."""

    left: int
    right: int
    a: Span
    b: Span
    kind: str
    score: float  # the fitted ranker's probability that this is a contrast a reader would mark
    reason: str


@dataclass(frozen=True)
class Alignment:
    """A sentence of texts[left] and one of texts[right] that talk about the same thing."""

    left: int
    right: int
    a: Span
    b: Span
    score: float


@dataclass(frozen=True)
class CommonGround:
    """Phrasing both texts share: the same words, or the same side of an issue."""

    left: int
    right: int
    a: Span
    b: Span
    reason: str


@dataclass(frozen=True)
class VersionOp:
    """One step of a word-level diff between two versions; tag is equal, insert, delete, replace or move."""

    tag: str
    a: Span
    b: Span


@dataclass(frozen=True)
class Analysis:
    texts: tuple[str, ...]
    sentences: tuple[tuple[Span, ...], ...]
    alignments: tuple[Alignment, ...]
    pairs: tuple[ContrastPair, ...]
    common: tuple[CommonGround, ...]
    versions: dict[tuple[int, int], tuple[VersionOp, ...]] = field(default_factory=dict)
