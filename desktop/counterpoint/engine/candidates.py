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
from collections.abc import Sequence
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
    # where a candidate stands among the other candidates of its statement pair
    "sim_relative",
    "mutual_best",
    "detector_is_max",
    "cues_are_most",
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


# Feature positions as plain names, so that the vector of each window pair is filled without a lookup
# by name (tens of thousands of pairs in two long documents).
_BIAS, _SENTENCE_SIM, _OVERLAP, _WORDNET_SYNONYMS = (INDEX[n] for n in FEATURES[:4])
_NEGATION_ONE_SIDE, _NEGATION_BOTH, _SHARED_DENIED = (
    INDEX["negation_one_side"],
    INDEX["negation_both"],
    INDEX["shared_denied"],
)
_VALENCE_OPPOSED, _VALENCE_GAP = INDEX["valence_opposed"], INDEX["valence_gap"]
_ANTONYM_DIRECT, _ANTONYM_INDIRECT = INDEX["antonym_direct"], INDEX["antonym_indirect"]
_STANCE_OPPOSED, _STANCE_SAME = INDEX["stance_opposed"], INDEX["stance_same"]
_MODAL_DIFFERS, _MODAL_ANY, _HEDGE_ONE_SIDE = (
    INDEX["modal_differs"],
    INDEX["modal_any"],
    INDEX["hedge_one_side"],
)
_FACTUALITY_ONE_SIDE, _NUMBERS_DIFFER = INDEX["factuality_one_side"], INDEX["numbers_differ"]
_NUMBER_ONE_SIDE, _FRAMING_OPPOSED = INDEX["number_one_side"], INDEX["framing_opposed"]
_DETECTOR = {k: INDEX[f"detector_{k}"] for k in KINDS}
_DETECTOR_ITEM_MAX, _LENGTH, _FIRST_WINDOW = (
    INDEX["detector_item_max"],
    INDEX["length"],
    INDEX["first_window"],
)
_TEXT_SIM, _WINDOWS_LOG = INDEX["text_sim"], INDEX["windows_log"]
_SIZE = len(FEATURES)


@functools.lru_cache(maxsize=65536)
def _reach(word: str) -> tuple[frozenset[int], frozenset[int]]:
    """The synsets through which a word can relate to another, from each side of _relation(x, y):
    as x (its antonyms, their poles, its senses and links) and as y (its poles, which hold its senses).
    Two words whose reaches do not meet are unrelated (relation 0)."""
    p = wordnet.load().profile(word)
    return p.opposite | p.opposite_poles | p.senses | p.linked, p.poles


def _reaches(ws: list[Window], side: int) -> list[frozenset[int]]:
    """Each window's reach on one side (0: as x, 1: as y): the union of its content words'. A word
    whose reach as x does not meet a window's reach as y relates to none of that window's words."""
    return [frozenset().union(*(_reach(w)[side] for w in win.content)) for win in ws]


def features(
    wa: Window,
    wb: Window,
    sim: float,
    found: list[Found],
    item: dict[str, float],
    evidence: dict[str, str] | None = None,
    reach_b: frozenset[int] | None = None,
) -> list[float]:
    """The feature vector of one window pair (see FEATURES); evidence, when given, is filled with the
    words behind the features that have any. reach_b, when given, is wb's reach as y (see _reaches):
    a word of wa whose reach does not meet it relates to no word of wb, and is not looked at pair by
    pair (nor is a pair of words whose reaches do not meet)."""
    x = [0.0] * _SIZE
    x[_BIAS] = 1.0
    x[_SENTENCE_SIM] = min(1.0, sim / 0.5)
    content_a, content_b = wa.content, wb.content
    # a word in the two roles ("the back of" / "can't back off") is not shared
    common = content_a & content_b
    if common:
        roles_a, roles_b = wa.roles, wb.roles
        shared = {w for w in common if {roles_a.get(w, ""), roles_b.get(w, "")} != {"noun", "verb"}}
        denied_a, denied_b = wa.denied, wb.denied
        x[_SHARED_DENIED] = float(any((w in denied_a) != (w in denied_b) for w in shared))
    else:
        shared = set()
    if content_a and content_b:
        x[_OVERLAP] = len(shared) / math.sqrt(len(content_a) * len(content_b))
    direct = indirect = synonyms = 0
    if reach_b is None or reach_b:
        rest_b = content_b - shared
        for p in content_a - shared:
            reach_p = _reach(p)[0]
            if reach_b is not None and reach_p.isdisjoint(reach_b):
                continue
            for q in rest_b:
                if reach_p.isdisjoint(_reach(q)[1]):
                    continue
                r = _relation(p, q)
                if r == 2:
                    direct += 1
                elif r == 1:
                    indirect += 1
                elif r == -1:
                    synonyms += 1
    if evidence is not None and (direct or indirect):
        p, q = min((p, q) for p in content_a - shared for q in content_b - shared if _relation(p, q) > 0)
        evidence["antonym"] = f"'{p}' against '{q}': opposite words (WordNet)"
    if evidence is not None:
        denied = sorted(w for w in shared if (w in wa.denied) != (w in wb.denied))
        if denied:
            evidence["negation"] = f"'{denied[0]}' is denied on one side and asserted on the other"
        if wa.valence * wb.valence < 0 and wa.strongest_word and wb.strongest_word:
            evidence["polarity"] = (
                f"'{wa.strongest_word}' against '{wb.strongest_word}': opposite evaluations"
            )
    x[_WORDNET_SYNONYMS] = min(1.0, synonyms / 2)
    x[_ANTONYM_DIRECT] = min(1.0, float(direct))
    x[_ANTONYM_INDIRECT] = min(1.0, float(indirect))
    neg_a, neg_b = wa.negations > 0, wb.negations > 0
    x[_NEGATION_ONE_SIDE] = float(neg_a != neg_b)
    x[_NEGATION_BOTH] = float(neg_a and neg_b)
    va, vb = wa.valence, wb.valence
    if va * vb < 0:
        x[_VALENCE_OPPOSED] = min(1.0, min(abs(va), abs(vb)) / 2)
    x[_VALENCE_GAP] = min(1.0, abs(va - vb) / 4)
    # (a window may hold both poles of one axis: every pair counts, in no particular order)
    if wa.stance and wb.stance:
        for axis, pole in wb.stance:
            for other, pole_a in wa.stance:
                if axis == other:
                    x[_STANCE_OPPOSED if pole_a != pole else _STANCE_SAME] = 1.0
    modal_a, modal_b = wa.modal, wb.modal
    if modal_a or modal_b:
        x[_MODAL_DIFFERS] = float(bool(modal_a) and bool(modal_b) and modal_a != modal_b)
        x[_MODAL_ANY] = 1.0
        x[_HEDGE_ONE_SIDE] = float(("hedge" in modal_a) != ("hedge" in modal_b))
    x[_FACTUALITY_ONE_SIDE] = float(bool(wa.factual) != bool(wb.factual))
    if wa.numbers and wb.numbers:
        x[_NUMBERS_DIFFER] = float(wa.numbers.isdisjoint(wb.numbers))
    x[_NUMBER_ONE_SIDE] = float(bool(wa.numbers) != bool(wb.numbers))
    if wa.framing and wb.framing:
        x[_FRAMING_OPPOSED] = float(
            any(
                ref == other and slant != slant_a
                for ref, slant in wb.framing
                for other, slant_a in wa.framing
            )
        )
    if found:
        span_a, span_b = wa.span, wb.span
        for f in found:
            if _overlaps(f.a, span_a) and _overlaps(f.b, span_b):
                key = _DETECTOR[f.kind]
                if evidence is not None and f.score > x[key]:
                    evidence[f.kind] = f.reason  # the cue's own words explain the window pair
                x[key] = max(x[key], f.score)
    x[_LENGTH] = (wa.hi - wa.lo + wb.hi - wb.lo) / 16
    x[_FIRST_WINDOW] = float(wa.rank == 0 or wb.rank == 0)
    x[_DETECTOR_ITEM_MAX] = item["detector_max"]
    x[_TEXT_SIM] = item["text_sim"]
    x[_WINDOWS_LOG] = item["windows_log"]
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
    reaches_b = dict(zip(map(id, wins_b), _reaches(wins_b, 1), strict=True))
    for wa in wins_a:
        for j, sim in partners.get(wa.sentence, ()):
            here = found_at.get((wa.sentence, j), [])
            for wb in by_sentence_b.get(j, ()):
                evidence: dict[str, str] = {}
                x = features(wa, wb, sim, here, item, evidence, reaches_b[id(wb)])
                if wa.content and wa.content == wb.content and not has_cue(x):
                    continue  # the same words on both sides, and nothing that sets them apart
                out.append(Candidate(wa.span, wb.span, (wa.sentence, j), x, evidence=evidence))
    for f in found:
        wa, wb = _containing(wins_a, starts_a, f.a), _containing(wins_b, starts_b, f.b)
        if wa is None or wb is None:
            continue
        sim = sims.get((wa.sentence, wb.sentence), 0.0)
        x = features(wa, wb, sim, [f], item)
        x[INDEX["cue_span"]] = 1.0
        out.append(Candidate(f.a, f.b, (wa.sentence, wb.sentence), x, f.kind, f.reason))
    _relative(out)
    return out


_CUES = tuple(
    INDEX[name]
    for name in (
        "negation_one_side",
        "shared_denied",
        "valence_opposed",
        "antonym_direct",
        "antonym_indirect",
        "stance_opposed",
        "modal_differs",
        "hedge_one_side",
        "factuality_one_side",
        "numbers_differ",
        "framing_opposed",
    )
)
_DETECTORS = tuple(_DETECTOR.values())
_SIM_RELATIVE, _MUTUAL_BEST = INDEX["sim_relative"], INDEX["mutual_best"]
_DETECTOR_IS_MAX, _CUES_ARE_MOST = INDEX["detector_is_max"], INDEX["cues_are_most"]


def has_cue(x: Sequence[float]) -> bool:
    """Whether a candidate's features hold any cue of difference (a lexical one or a detector's)."""
    return any(x[k] > 0 for k in _CUES) or any(x[k] > 0 for k in _DETECTORS)


def _relative(cands: list[Candidate]) -> None:
    """Fill the features that place a candidate among the others of its statement pair: its sentence
    similarity against the best one, whether its two sentences are each other's best partners, whether
    it holds the strongest detector cue and the most kinds of cue of them all. A reader looks for the
    contrast where the two statements meet best and differ most, whatever the absolute figures."""
    if not cands:
        return
    best_sim = max(c.x[_SENTENCE_SIM] for c in cands) or 1.0
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for c in cands:
        i, j = c.sentences
        best_a[i] = max(best_a.get(i, 0.0), c.x[_SENTENCE_SIM])
        best_b[j] = max(best_b.get(j, 0.0), c.x[_SENTENCE_SIM])
    detector = [max(c.x[k] for k in _DETECTORS) for c in cands]
    cues = [sum(c.x[k] > 0 for k in _CUES) for c in cands]
    top_detector, top_cues = max(detector), max(cues)
    for c, d, n in zip(cands, detector, cues, strict=True):
        i, j = c.sentences
        sim = c.x[_SENTENCE_SIM]
        c.x[_SIM_RELATIVE] = sim / best_sim
        c.x[_MUTUAL_BEST] = float(sim >= best_a[i] - 1e-9 and sim >= best_b[j] - 1e-9)
        c.x[_DETECTOR_IS_MAX] = float(d > 0 and d >= top_detector - 1e-9)
        c.x[_CUES_ARE_MOST] = float(n > 0 and n == top_cues)
