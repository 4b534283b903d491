"""Candidate contrasts and their features, for the fitted ranker (ranker.py) to score.

Candidates are generated broadly inside aligned sentence pairs: every pair of phrase windows
(windows.py), and every cue pair a detector proposes (detect.py) with its own shorter spans. Each gets
the same general features: what kind of cue each side holds, how strongly, how well the two sides are
aligned, how WordNet relates their words, where they stand. No feature names a word of any evaluation
item: a word matters only through a general lexicon (WordNet, VADER, the closed classes of
resources/lexicons) and a weight fitted over every labelled set (`make fit-engine`).
"""

from __future__ import annotations

import bisect
import functools
import math
from dataclasses import dataclass, field

from counterpoint.engine import wordnet
from counterpoint.engine.model import KINDS, Span
from counterpoint.engine.windows import Window

FEATURES = (
    "bias",
    "sentence_sim",
    "overlap",
    "wordnet_synonyms",
    "negation_one_side",
    "negation_both",
    "shared_denied",
    "valence_opposed",
    "valence_gap",
    "antonym_direct",
    "antonym_indirect",
    "stance_opposed",
    "stance_same",
    "modal_differs",
    "modal_any",
    "hedge_one_side",
    "factuality_one_side",
    "numbers_differ",
    "number_one_side",
    "framing_opposed",
    *(f"detector_{k}" for k in KINDS),
    "detector_item_max",
    "cue_span",
    "length",
    "first_window",
    "text_sim",
    "windows_log",
)
INDEX = {name: n for n, name in enumerate(FEATURES)}
TWIN = 0.9  # sentence similarity from which two sentences are copies of each other


@dataclass(frozen=True)
class Found:
    """A detector's proposal, weighed by alignment: the rule-based evidence the ranker reads."""

    a: Span
    b: Span
    kind: str
    score: float
    reason: str


@dataclass
class Candidate:
    a: Span
    b: Span
    sentences: tuple[int, int]
    x: list[float]
    kind: str = ""
    reason: str = ""  # a detector's reason, when the candidate is a detector's cue pair
    # what a general feature saw, in words, for the reason shown with it ("'create' against 'destroy'")
    evidence: dict[str, str] = field(default_factory=dict)


@functools.lru_cache(maxsize=65536)
def _relation(x: str, y: str) -> int:
    """2 direct antonyms, 1 indirect, -1 synonyms or related forms, 0 nothing."""
    return wordnet.load().relation(x, y)


def _overlaps(x: Span, y: Span) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def features(
    wa: Window,
    wb: Window,
    sim: float,
    found: list[Found],
    item: dict[str, float],
    evidence: dict[str, str] | None = None,
) -> list[float]:
    """The feature vector of one window pair (see FEATURES); evidence, when given, is filled with the
    words behind the features that have any."""
    x = [0.0] * len(FEATURES)
    x[INDEX["bias"]] = 1.0
    x[INDEX["sentence_sim"]] = min(1.0, sim / 0.5)
    # a word in the two roles ("the back of" / "can't back off") is not shared
    shared = {
        w for w in wa.content & wb.content if {wa.roles.get(w, ""), wb.roles.get(w, "")} != {"noun", "verb"}
    }
    x[INDEX["shared_denied"]] = float(any((w in wa.denied) != (w in wb.denied) for w in shared))
    if wa.content and wb.content:
        x[INDEX["overlap"]] = len(shared) / math.sqrt(len(wa.content) * len(wb.content))
    direct = indirect = synonyms = 0
    for p in wa.content - shared:
        for q in wb.content - shared:
            r = _relation(p, q)
            if r == 2:
                direct += 1
            elif r == 1:
                indirect += 1
            elif r == -1:
                synonyms += 1
    if evidence is not None and (direct or indirect):
        p, q = min((p, q) for p in wa.content - shared for q in wb.content - shared if _relation(p, q) > 0)
        evidence["antonym"] = f"'{p}' against '{q}': opposite words (WordNet)"
    if evidence is not None:
        denied = sorted(w for w in shared if (w in wa.denied) != (w in wb.denied))
        if denied:
            evidence["negation"] = f"'{denied[0]}' is denied on one side and asserted on the other"
        if wa.valence * wb.valence < 0 and wa.strongest_word and wb.strongest_word:
            evidence["polarity"] = (
                f"'{wa.strongest_word}' against '{wb.strongest_word}': opposite evaluations"
            )
    x[INDEX["wordnet_synonyms"]] = min(1.0, synonyms / 2)
    x[INDEX["antonym_direct"]] = min(1.0, float(direct))
    x[INDEX["antonym_indirect"]] = min(1.0, float(indirect))
    x[INDEX["negation_one_side"]] = float((wa.negations > 0) != (wb.negations > 0))
    x[INDEX["negation_both"]] = float(wa.negations > 0 and wb.negations > 0)
    if wa.valence * wb.valence < 0:
        x[INDEX["valence_opposed"]] = min(1.0, min(abs(wa.valence), abs(wb.valence)) / 2)
    x[INDEX["valence_gap"]] = min(1.0, abs(wa.valence - wb.valence) / 4)
    # (a window may hold both poles of one axis: every pair counts, in no particular order)
    for axis, pole in wb.stance:
        for other, pole_a in wa.stance:
            if axis == other:
                x[INDEX["stance_opposed" if pole_a != pole else "stance_same"]] = 1.0
    x[INDEX["modal_differs"]] = float(bool(wa.modal or wb.modal) and wa.modal != wb.modal)
    x[INDEX["modal_any"]] = float(bool(wa.modal or wb.modal))
    x[INDEX["hedge_one_side"]] = float(("hedge" in wa.modal) != ("hedge" in wb.modal))
    x[INDEX["factuality_one_side"]] = float(bool(wa.factual) != bool(wb.factual))
    if wa.numbers and wb.numbers:
        x[INDEX["numbers_differ"]] = float(wa.numbers.isdisjoint(wb.numbers))
    x[INDEX["number_one_side"]] = float(bool(wa.numbers) != bool(wb.numbers))
    x[INDEX["framing_opposed"]] = float(
        any(ref == other and slant != slant_a for ref, slant in wb.framing for other, slant_a in wa.framing)
    )
    for f in found:
        if _overlaps(f.a, wa.span) and _overlaps(f.b, wb.span):
            key = INDEX[f"detector_{f.kind}"]
            x[key] = max(x[key], f.score)
    x[INDEX["length"]] = (wa.hi - wa.lo + wb.hi - wb.lo) / 16
    x[INDEX["first_window"]] = float(wa.rank == 0 or wb.rank == 0)
    x[INDEX["detector_item_max"]] = item["detector_max"]
    x[INDEX["text_sim"]] = item["text_sim"]
    x[INDEX["windows_log"]] = item["windows_log"]
    return x


def _containing(ws: list[Window], starts: list[int], span: Span) -> Window | None:
    """The window holding the start of span (windows are in text order), else one overlapping it."""
    k = bisect.bisect_right(starts, span[0]) - 1
    for w in ws[max(0, k - 1) : k + 2]:
        if w.span[0] <= span[0] < w.span[1]:
            return w
    # no window holds the start (it falls between clauses): the first window after it may overlap
    for n in range(max(0, k - 1), min(len(ws), k + 3)):
        if _overlaps(ws[n].span, span):
            return ws[n]
    return None


def generate(
    wins_a: list[Window],
    wins_b: list[Window],
    sims: dict[tuple[int, int], float],
    found: list[Found],
    text_sim: float,
) -> list[Candidate]:
    """Every window pair of the aligned sentence pairs in sims, and every detector proposal."""
    item = {
        "detector_max": max((f.score for f in found), default=0.0),
        "text_sim": min(1.0, text_sim / 0.5),
        "windows_log": math.log1p(len(wins_a) * len(wins_b)) / 5,
    }
    by_sentence_b: dict[int, list[Window]] = {}
    for w in wins_b:
        by_sentence_b.setdefault(w.sentence, []).append(w)
    # a sentence with a near-copy on the other side is answered by that copy alone, and a sentence
    # and its copy hold no contrast of their own words
    twin_a = {i for (i, _j), sim in sims.items() if sim >= TWIN}
    twin_b = {j for (_i, j), sim in sims.items() if sim >= TWIN}
    partners: dict[int, list[tuple[int, float]]] = {}
    for (i, j), sim in sims.items():
        if i not in twin_a and j not in twin_b:
            partners.setdefault(i, []).append((j, sim))
    # each proposal counts for the window pairs of its own sentence pair
    starts_a = [w.span[0] for w in wins_a]
    starts_b = [w.span[0] for w in wins_b]
    found_at: dict[tuple[int, int], list[Found]] = {}
    for f in found:
        wa, wb = _containing(wins_a, starts_a, f.a), _containing(wins_b, starts_b, f.b)
        if wa is not None and wb is not None:
            found_at.setdefault((wa.sentence, wb.sentence), []).append(f)
    out = []
    for wa in wins_a:
        for j, sim in partners.get(wa.sentence, ()):
            here = found_at.get((wa.sentence, j), [])
            for wb in by_sentence_b.get(j, ()):
                evidence: dict[str, str] = {}
                x = features(wa, wb, sim, here, item, evidence)
                out.append(Candidate(wa.span, wb.span, (wa.sentence, j), x, evidence=evidence))
    for f in found:
        wa, wb = _containing(wins_a, starts_a, f.a), _containing(wins_b, starts_b, f.b)
        if wa is None or wb is None:
            continue
        sim = sims.get((wa.sentence, wb.sentence), 0.0)
        x = features(wa, wb, sim, [f], item)
        x[INDEX["cue_span"]] = 1.0
        out.append(Candidate(f.a, f.b, (wa.sentence, wb.sentence), x, f.kind, f.reason))
    return out
