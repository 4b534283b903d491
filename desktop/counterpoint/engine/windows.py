"""Phrase windows: the units a contrast is proposed between.

A sentence is cut into clauses at punctuation and at clause-opening conjunctions; a clause longer than
WINDOW words is covered by overlapping windows of WINDOW words (half a window apart). Each window is a
run of tokens of one sentence, with what the ranker needs to know about it gathered once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from counterpoint.engine import lexicons
from counterpoint.engine.features import SentenceFeatures
from counterpoint.engine.lexicons import closed_class
from counterpoint.engine.text import STOPWORDS, Document

WINDOW = 8  # words
MIN_CLAUSE = 3  # a shorter clause joins its neighbour
PUNCTUATION_BREAKS = closed_class("punctuation-breaks")
END_MARKS = closed_class("end-marks")
CLAUSE_OPENERS = closed_class("clause-openers")
DETERMINERS = closed_class("determiners")
VERBAL_MARKERS = closed_class("verbal-markers")


@dataclass
class Window:
    sentence: int
    lo: int  # token indices, end exclusive
    hi: int
    span: tuple[int, int]  # code points
    content: frozenset[str]
    negations: int = 0
    valence: float = 0.0  # VADER sum, signs flipped under negation
    strongest: float = 0.0  # the largest single |valence|
    strongest_word: str = ""  # the word that carries it
    modal: frozenset[str] = frozenset()
    factual: frozenset[str] = frozenset()
    stance: frozenset[tuple[str, int]] = frozenset()
    numbers: frozenset[float] = frozenset()
    framing: frozenset[tuple[str, int]] = frozenset()
    rank: int = 0  # position of the window in its text
    # a content word right after a determiner is a noun, right after an auxiliary or "to" a verb ("the
    # back of" against "can't back off"): the same lemma in the two roles is not the same thing
    roles: dict[str, str] = field(default_factory=dict)
    denied: frozenset[str] = frozenset()  # content words under a negation
    extra: dict[str, float] = field(default_factory=dict)


def _clauses(doc: Document, lo: int, hi: int) -> list[list[int]]:
    segments: list[list[int]] = []
    current: list[int] = []
    for k in range(lo, hi):
        norm = doc.norms[k]
        if norm in PUNCTUATION_BREAKS or (not doc.tokens[k].word and norm in END_MARKS):
            if current:
                segments.append(current)
                current = []
            continue
        if norm in CLAUSE_OPENERS and len(current) >= MIN_CLAUSE:
            segments.append(current)
            current = []
        current.append(k)
    if current:
        segments.append(current)
    merged: list[list[int]] = []
    for seg in segments:
        if merged and (len(seg) < MIN_CLAUSE or len(merged[-1]) < MIN_CLAUSE):
            merged[-1] = merged[-1] + seg
        else:
            merged.append(seg)
    out = []
    for seg in merged:
        if len(seg) <= WINDOW:
            out.append(seg)
        else:
            step = WINDOW // 2
            out.extend(seg[i : i + WINDOW] for i in range(0, len(seg) - step, step))
    return out


def _roles(doc: Document, lo: int, hi: int) -> dict[str, str]:
    out: dict[str, str] = {}
    for k in range(lo, hi):
        if not doc.tokens[k].word or doc.lemmas[k] in STOPWORDS or doc.lemmas[k] in out:
            continue
        before = doc.norms[k - 1] if k > 0 else ""
        out[doc.lemmas[k]] = "noun" if before in DETERMINERS else "verb" if before in VERBAL_MARKERS else ""
    return out


def windows(
    doc: Document, features: list[SentenceFeatures], sentences: set[int] | None = None
) -> list[Window]:
    """The windows of a text (of the given sentences only, when named), in text order."""
    lex = lexicons.load()
    valence = lex.valence
    out: list[Window] = []
    for f in features:
        if sentences is not None and f.index not in sentences:
            continue
        sent = f.sentence
        for seg in _clauses(doc, sent.lo, sent.hi):
            lo, hi = seg[0], seg[-1] + 1
            inside = range(lo, hi)
            total = strongest = 0.0
            strongest_word = ""
            negations = 0
            for k in inside:
                if doc.neg_cue[k] == k or (doc.neg_cue[k] >= 0 and not doc.negated[k]):
                    negations += 1
                v = valence.get(doc.norms[k])
                if v is not None and doc.tokens[k].word and doc.lemmas[k] not in STOPWORDS:
                    v = -v if doc.negated[k] else v
                    total += v
                    if abs(v) > strongest:
                        strongest, strongest_word = abs(v), doc.text[doc.tokens[k].start : doc.tokens[k].end]
            out.append(
                Window(
                    sentence=f.index,
                    lo=lo,
                    hi=hi,
                    span=(doc.tokens[lo].start, doc.tokens[hi - 1].end),
                    content=frozenset(
                        doc.lemmas[k]
                        for k in inside
                        if doc.tokens[k].word and doc.lemmas[k] not in STOPWORDS and len(doc.norms[k]) > 1
                    ),
                    roles=_roles(doc, lo, hi),
                    denied=frozenset(
                        doc.lemmas[k] for k in inside if doc.negated[k] and doc.lemmas[k] not in STOPWORDS
                    ),
                    negations=negations,
                    valence=total,
                    strongest=strongest,
                    strongest_word=strongest_word,
                    modal=frozenset(
                        ("not-" if c.negated else "") + c.value for c in f.modality if lo <= c.lo < hi
                    ),
                    factual=frozenset(c.value for c in f.factuality if lo <= c.lo < hi and not c.negated),
                    stance=frozenset((c.value, c.polarity) for c in f.stance if lo <= c.lo < hi),
                    numbers=frozenset(
                        c.number for c in f.quantity if lo <= c.lo < hi and c.number is not None
                    ),
                    framing=frozenset((c.value, c.polarity) for c in f.framing if lo <= c.lo < hi),
                    rank=len(out),
                )
            )
    return out
