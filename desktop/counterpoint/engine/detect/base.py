"""Shared parts of the detectors: the candidate shape, one sentence of a text, phrases and topics."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from counterpoint.engine import lexicons
from counterpoint.engine.features import Cue, SentenceFeatures
from counterpoint.engine.lexicons import closed_class
from counterpoint.engine.text import CLAUSE_BREAK, STOPWORDS, Document

Span = tuple[int, int]

# Spans stay short: a highlight is a phrase, not a paragraph.
MAX_SPAN_CHARS = 45
LEFT_MODIFIERS = closed_class("left-modifiers")
AXIS_KIND = {
    "change": "antonym",
    "support": "polarity",
    "soundness": "polarity",
    "care": "polarity",
    "conduct": "framing",
    "legality": "polarity",
    "accountability": "framing",
    "seriousness": "factuality",
    "continuation": "antonym",
}


@dataclass(frozen=True)
class Candidate:
    """A contrast a detector proposes; the pipeline weighs it by alignment, ranks and merges."""

    a: Span
    b: Span
    kind: str
    strength: float  # before alignment weighting, 0..1
    reason: str
    key_a: tuple[int, int]  # cue tokens, for one-to-one matching
    key_b: tuple[int, int]
    linked: bool = False  # the cues themselves tie the sentences to one topic (same axis, antonyms)
    # For a denial: which side holds it ("a" or "b"), and how clearly the other sentence makes a claim.
    # A denial answers one claim: the best-aligned sentence of the other text, then the clearest.
    anchor: str = ""
    claim_rank: int = 0
    refers: bool = False  # the denial names the claim it answers ("the allegations")


@dataclass(frozen=True)
class Side:
    """One sentence of one text, with its cues."""

    doc: Document
    f: SentenceFeatures
    rebuts: bool = False  # the text holds a denial or dismissal of its own, in any sentence


def phrase(doc: Document, lo: int, hi: int, extend_right: int = 2) -> Span:
    """A short phrase around tokens lo..hi: the negation and modifiers before, a word or two after."""
    sent_lo, sent_hi = _sentence_bounds(doc, lo)
    start = lo
    cue = doc.neg_cue[lo]
    if doc.negated[lo] and sent_lo <= cue < start:
        start = cue
        if doc.norms[start] == "n't" and start - 1 >= sent_lo:
            start -= 1
    steps = 0
    while steps < 3 and start - 1 >= sent_lo and doc.norms[start - 1] in LEFT_MODIFIERS:
        start -= 1
        steps += 1
    # to the right: up to extend_right words, reaching at most one word past function words
    # ("not asked for a price", not "not asked for a"), and never ending on a function word
    end = hi
    steps = content_words = 0
    while (
        steps < extend_right + 2
        and end < sent_hi
        and doc.tokens[end].word
        and doc.norms[end] not in CLAUSE_BREAK
        and doc.tokens[end].end - doc.tokens[start].start <= MAX_SPAN_CHARS
    ):
        content_words += doc.lemmas[end] not in STOPWORDS
        end += 1
        steps += 1
        if content_words >= max(1, extend_right // 2):
            break
    while end > hi and (not doc.tokens[end - 1].word or doc.lemmas[end - 1] in STOPWORDS):
        end -= 1
    s, e = doc.tokens[start].start, doc.tokens[end - 1].end
    if e - s > MAX_SPAN_CHARS:  # a long run of modifiers: keep the cue itself
        s, e = doc.tokens[lo].start, max(doc.tokens[hi - 1].end, doc.tokens[lo].end)
    return s, e


def _sentence_bounds(doc: Document, k: int) -> tuple[int, int]:
    # binary search over sentences by token index
    lo, hi = 0, len(doc.sentences) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.sentences[mid].hi <= k:
            lo = mid + 1
        else:
            hi = mid
    s = doc.sentences[lo]
    return s.lo, s.hi


# Modal cues that make a sentence an instruction or a firm claim, the things a denial answers.
CLAIM_MODALS = frozenset(("directive", "certainty", "obligation", "intention"))


def salient(side: Side, hints: set[str] | frozenset[str] = frozenset()) -> tuple[Span, tuple[int, int], int]:
    """The phrase that carries a sentence's claim.

    A word related to one of the hints (the other side's words) if there is one, else the first stance,
    modal or negated word, else the sentence's opening. The rank says which of these it was (4 to 0).
    """
    f, doc = side.f, side.doc
    for lemma, k in sorted(f.content.items(), key=lambda lk: lk[1]):
        if any(_related(lemma, h) and lemma != h for h in hints):
            return phrase(doc, k, k + 1, 3), (k, k + 1), 4
    negs = [k for k in range(f.sentence.lo, f.sentence.hi) if doc.negated[k]]
    ranked = (
        (3, [(c.lo, c.hi) for c in f.modality if c.value in CLAIM_MODALS]),
        (2, [(c.lo, c.hi) for c in f.stance]),
        (1, [(k, k + 1) for k in negs]),
    )
    for rank, cues in ranked:
        if cues:
            lo, hi = cues[0]
            return phrase(doc, lo, hi, 6), (lo, hi), rank
    s = f.sentence
    toks = doc.tokens
    end = s.lo
    while end < s.hi and toks[end].end - toks[s.lo].start <= MAX_SPAN_CHARS:
        end += 1
    end = max(end, s.lo + 1)
    return (toks[s.lo].start, toks[end - 1].end), (s.lo, s.lo + 1), 0


def text_of(doc: Document, span: Span) -> str:
    return " ".join(doc.text[span[0] : span[1]].split())


def _cue_text(doc: Document, c: Cue) -> str:
    return text_of(doc, (doc.tokens[c.lo].start, doc.tokens[c.hi - 1].end))


# Derivational suffixes: "abolition" is the act of "abolish", a "relationship" a kind of "relation".
DERIVATIONS = (
    "ization",
    "isation",
    "ation",
    "ition",
    "tion",
    "sion",
    "ment",
    "ship",
    "ness",
    "ity",
    "er",
    "al",
)


@functools.lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """What is left of a word without each derivational suffix it ends with (at least 4 letters)."""
    return tuple(
        word[: -len(suffix)]
        for suffix in DERIVATIONS
        if word.endswith(suffix) and len(word) - len(suffix) >= 4
    )


def _derives(stem: str, short: str) -> bool:
    if short.startswith(stem) and len(short) - len(stem) <= 3:
        return True
    return len(stem) > 4 and stem[-1] == stem[-2] and stem[:-1] == short  # quitter / quit


@functools.lru_cache(maxsize=65536)
def derived(x: str, y: str) -> bool:
    """Whether one lemma is the other with a derivational suffix ("abolition" / "abolish")."""
    return any(_derives(stem, y) for stem in _stems(x)) or any(_derives(stem, x) for stem in _stems(y))


@functools.lru_cache(maxsize=65536)
def _senses(word: str) -> frozenset[int]:
    return lexicons.load().synonyms.get(word, frozenset())


@functools.lru_cache(maxsize=131072)
def _related(x: str, y: str) -> bool:
    if x == y:
        return True
    # a derived form shares a stem of at least 4 letters with its base (see derived), so words that
    # differ in their first four letters are not derived forms of each other
    return not _senses(x).isdisjoint(_senses(y)) or (x[:4] == y[:4] and derived(x, y))


# --- detectors ----------------------------------------------------------------------------------------


# Axes whose words say nothing of what they are about: a rise and a fall contrast only when the two
# sentences also share what rises or falls.
TOPICAL_AXES = frozenset(("change", "condition", "continuation"))


def _level_and_change(a: Side, b: Side, x: Cue, y: Cue) -> bool:
    """Whether one cue reaches a level and the other moves by an amount, the same number both:
    "fell to 2.0%" and "rose by 2.0%" can both be true of one figure."""

    def after(side: Side, c: Cue) -> tuple[str, str]:
        norms = side.doc.norms
        for k in range(c.hi, min(side.f.sentence.hi, c.hi + 3)):
            if norms[k] in ("to", "by") and k + 1 < side.f.sentence.hi and norms[k + 1][:1].isdigit():
                return norms[k], norms[k + 1]
        return "", ""

    (px, nx), (py, ny) = after(a, x), after(b, y)
    return bool(px and py and px != py and nx == ny)


def _share_topic(a: Side, b: Side, cues: set[str]) -> bool:
    """Whether two sentences share a content word or a synonym group, the cue words aside."""
    syn = lexicons.load().synonyms
    groups_a: set[int] = set()
    for lemma in a.f.content:
        if lemma in cues:
            continue
        if lemma in b.f.content:
            return True
        groups_a.update(syn.get(lemma, ()))
    return any(groups_a & syn.get(lemma, frozenset()) for lemma in b.f.content if lemma not in cues)


def _both_poles(cues: list[Cue]) -> set[str]:
    poles: dict[str, set[int]] = {}
    for c in cues:
        poles.setdefault(c.value, set()).add(c.polarity)
    return {axis for axis, p in poles.items() if len(p) == 2}


# "we don't need to increase taxes further": the denial is of more of what was done, which presupposes
# it, so it does not deny a plain statement of it. ("Don't call me again" still forbids a call.)
ADDITIVE = closed_class("additive")


def _beyond(side: Side, k: int) -> bool:
    hi = min(side.f.sentence.hi, k + 5)
    return any(side.doc.norms[j] in ADDITIVE for j in range(k + 1, hi))
