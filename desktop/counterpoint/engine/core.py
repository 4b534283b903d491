"""The pipeline: split and align sentences, run the detectors inside aligned pairs, rank and merge."""

from __future__ import annotations

import bisect
import contextlib
import difflib
import gc
import math
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from counterpoint.engine import detect, ranker, versions
from counterpoint.engine.candidates import TWIN, Candidate, Found, generate
from counterpoint.engine.features import SentenceFeatures, extract
from counterpoint.engine.model import (
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
from counterpoint.engine.text import STOPWORDS, Document
from counterpoint.engine.windows import windows

# Alignment is lexical: content words, synonym groups, register axes and framing referents. A sentence-
# embedding aligner (all-MiniLM-L6-v2 as int8 ONNX through onnxruntime) was measured on the dev set and
# not kept: it lowered span F1 (0.76 to 0.65-0.75) and raised false pairs on agreeing statements, because it
# aligns agreeing sentences as readily as contrasting ones, and it costs 0.9 s of start-up and ~185 MB.

# Texts with at most this many sentences are short statements: every sentence pair is a candidate,
# weighted by how well it aligns. Longer texts are aligned through an index of shared words.
SHORT_TEXT = 8
SIM_FULL = 0.3  # similarity (cosine) at which a sentence pair counts as fully aligned
SIM_MIN_LONG = 0.15  # long texts ignore sentence pairs below this
TOP_PER_SENTENCE = 3  # long texts: candidate partners per sentence
ALIGN_MIN = 0.15  # reported as an Alignment from here on
CONCEPT_WEIGHT = 0.6  # a shared synonym group, axis or referent counts for this much of a shared word
DENIAL_MIN_SIM = 0.05  # a denial answers a claim it shares something with (or one it names)
# The share of a contrast's strength that counts with no alignment at all: long texts, short
# statements, and cues that tie the sentences together themselves (one axis, antonyms, one referent).
RULE_THRESHOLD = 0.45  # a detector's proposal that counts on its own (before the ranker weighs it)
LONG_FLOOR = 0.5
SHORT_FLOOR = 0.7
LINKED_FLOOR = 0.8


def _vector(f: SentenceFeatures) -> dict[str, float]:
    v = dict.fromkeys(f.content, 1.0)
    for c in sorted(f.concepts):  # sorted: float sums in a fixed order, the same output every run
        v[c] = CONCEPT_WEIGHT
    return v


def _cosine(x: dict[str, float], y: dict[str, float], nx: float, ny: float) -> float:
    if not nx or not ny:
        return 0.0
    if len(x) > len(y):
        x, y = y, x
    dot = sum(w * y[k] for k, w in x.items() if k in y)
    return dot / (nx * ny)


class _Prepared:
    """A text read once: its document model, each sentence's cues, and its alignment vector."""

    def __init__(self, text: str) -> None:
        self.doc = Document(text)
        self.features = [extract(self.doc, i) for i in range(len(self.doc.sentences))]
        self.vectors = [_vector(f) for f in self.features]
        self.norms = [math.sqrt(sum(w * w for w in v.values())) for v in self.vectors]
        self.rebuts = any(
            c.value in detect.REBUTTALS and not c.negated for f in self.features for c in f.factuality
        )


def _sentence_pairs(pa: _Prepared, pb: _Prepared) -> list[tuple[int, int, float]]:
    """Candidate sentence pairs (i, j, similarity)."""
    na, nb = len(pa.features), len(pb.features)
    if na <= SHORT_TEXT and nb <= SHORT_TEXT:
        return [
            (i, j, _cosine(pa.vectors[i], pb.vectors[j], pa.norms[i], pb.norms[j]))
            for i in range(na)
            for j in range(nb)
        ]
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, v in enumerate(pb.vectors):
        for key, wj in v.items():
            index[key].append((j, wj))
    common = max(3, nb // 20)  # words in more than 5% of sentences do not make an alignment
    index = {key: hits for key, hits in index.items() if len(hits) <= common}
    out = []
    for i, v in enumerate(pa.vectors):
        dots: dict[int, float] = defaultdict(float)
        for key, w in v.items():
            hits = index.get(key)
            if hits:
                for j, wj in hits:
                    dots[j] += w * wj
        scored = [
            (i, j, d / (pa.norms[i] * pb.norms[j])) for j, d in dots.items() if pa.norms[i] and pb.norms[j]
        ]
        scored = [s for s in scored if s[2] >= SIM_MIN_LONG]
        scored.sort(key=lambda s: (-s[2], s[1]))
        out.extend(scored[:TOP_PER_SENTENCE])
    return out


def _align_factor(sim: float, short: bool, linked: bool) -> float:
    """How much a sentence pair's alignment lets a contrast inside it count.

    Short statements put side by side are about one matter, so their sentences start from a higher
    floor; cues that tie the sentences together themselves (one axis, antonyms) raise it further.
    """
    floor = LINKED_FLOOR if linked else SHORT_FLOOR if short else LONG_FLOOR
    return floor + (1.0 - floor) * min(1.0, sim / SIM_FULL)


def _overlaps(x: Span, y: Span) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def _proposals(pa: _Prepared, pb: _Prepared, pairs: list[tuple[int, int, float]]) -> list[Found]:
    """What the detectors propose inside the sentence pairs, weighed by alignment: the rule-based
    evidence the ranker reads, one proposal per cue (the best-aligned partner wins)."""
    scored: list[tuple[float, tuple[int, int], detect.Candidate]] = []
    short = len(pa.features) <= SHORT_TEXT and len(pb.features) <= SHORT_TEXT
    # a sentence with a near-copy on the other side is answered by that copy, not by its neighbours
    twin_a = {i: j for i, j, sim in pairs if sim >= TWIN}
    twin_b = {j: i for i, j, sim in pairs if sim >= TWIN}
    for i, j, sim in pairs:
        if twin_a.get(i, j) != j or twin_b.get(j, i) != i:
            continue
        a = detect.Side(pa.doc, pa.features[i], pa.rebuts)
        b = detect.Side(pb.doc, pb.features[j], pb.rebuts)
        for detector in detect.DETECTORS:
            for cand in detector(a, b):
                if cand.anchor and sim < DENIAL_MIN_SIM and not cand.refers:
                    continue  # a denial answers what it shares a word or a topic with
                scored.append(
                    (round(cand.strength * _align_factor(sim, short, cand.linked), 3), (i, j), cand)
                )
    # detectors may yield in the order of a set of words, which changes from one process to the next:
    # put their proposals in one total order first, so that ties resolve the same way in every run
    scored.sort(
        key=lambda sc: (sc[1], sc[2].a, sc[2].b, sc[2].kind, sc[2].key_a, sc[2].key_b, sc[2].reason, -sc[0])
    )
    scored = _best_claims(scored, {(i, j): sim for i, j, sim in pairs})
    scored.sort(key=lambda sc: (-sc[0], sc[2].a, sc[2].b, sc[2].kind))
    out: list[Found] = []
    used: set[tuple[str, int]] = set()
    for score, _where, cand in scored:
        if ("a", cand.key_a[0]) in used or ("b", cand.key_b[0]) in used:
            continue
        used.update((("a", cand.key_a[0]), ("b", cand.key_b[0])))
        out.append(Found(cand.a, cand.b, cand.kind, score, cand.reason))
    return out


def _text_similarity(pa: _Prepared, pb: _Prepared) -> float:
    va: dict[str, float] = defaultdict(float)
    vb: dict[str, float] = defaultdict(float)
    for v in pa.vectors:
        for k, w in v.items():
            va[k] = max(va[k], w)
    for v in pb.vectors:
        for k, w in v.items():
            vb[k] = max(vb[k], w)
    na = math.sqrt(sum(w * w for w in va.values()))
    nb = math.sqrt(sum(w * w for w in vb.values()))
    return _cosine(va, vb, na, nb)


def candidates(pa: _Prepared, pb: _Prepared, pairs: list[tuple[int, int, float]]) -> list[Candidate]:
    """Every candidate contrast of two prepared texts, with its features (for the ranker, or to fit it)."""
    found = _proposals(pa, pb, pairs)
    if len(pa.features) <= SHORT_TEXT and len(pb.features) <= SHORT_TEXT:
        sims = {(i, j): sim for i, j, sim in pairs}
    else:  # long texts: phrase windows only between a sentence and its best partner (cues: all pairs)
        best: dict[int, tuple[float, int]] = {}
        for i, j, sim in pairs:
            if i not in best or (sim, -j) > (best[i][0], -best[i][1]):
                best[i] = (sim, j)
        sims = {(i, j): sim for i, (sim, j) in best.items()}
    wins_a = windows(pa.doc, pa.features, {i for i, _j in sims})
    wins_b = windows(pb.doc, pb.features, {j for _i, j in sims})
    return generate(wins_a, wins_b, sims, found, _text_similarity(pa, pb))


def proposals(a: str, b: str, threshold: float = RULE_THRESHOLD) -> list[ContrastPair]:
    """What the rule-based detectors alone propose for two texts, one per cue, from threshold on:
    the evidence the ranker weighs (for testing the detectors, and for explaining a score)."""
    pa, pb = _Prepared(a), _Prepared(b)
    found = _proposals(pa, pb, _sentence_pairs(pa, pb))
    return [ContrastPair(0, 1, f.a, f.b, f.kind, f.score, f.reason) for f in found if f.score >= threshold]


def pair_candidates(a: str, b: str) -> tuple[list[Candidate], int]:
    """The candidates of two texts, and the shorter one's sentence count (what fitting needs)."""
    pa, pb = _Prepared(a), _Prepared(b)
    return candidates(pa, pb, _sentence_pairs(pa, pb)), min(len(pa.features), len(pb.features))


def _contrast_pairs(
    pa: _Prepared,
    pb: _Prepared,
    left: int,
    right: int,
    threshold: float | None,
    pairs: list[tuple[int, int, float]],
) -> list[ContrastPair]:
    rank = ranker.load()
    if threshold is not None:
        rank = replace(rank, threshold=threshold, second=max(threshold, rank.second))
    chosen = rank.choose(candidates(pa, pb, pairs), min(len(pa.features), len(pb.features)))
    out = []
    for p, c in chosen:
        kind, reason = rank.explain(c)
        a, b = _shown(pa.doc.text, c.a), _shown(pb.doc.text, c.b)
        out.append(ContrastPair(left, right, a, b, kind, round(p, 3), reason))
    out.sort(key=lambda cp: (cp.a, cp.b))
    return out


# A phrase window can end on the word that joins it to the next ("…increased premiums, co-pays, and"): what
# is shown leaves such a word, and any mark beside it, off either end. Only the highlight changes; the
# ranker was fitted on the windows as they are, and a shorter span inside one hits what the window hit.
_LEADING = re.compile(r"(?:(?:and|or|but|nor)\b|[\s,;:\u2013\u2014-])+", re.IGNORECASE)
_TRAILING = re.compile(r"(?:(?<!\w)(?:and|or|but|nor)|[\s,;:\u2013\u2014-])+$", re.IGNORECASE)


def _shown(text: str, span: Span) -> Span:
    start, end = span
    lead = _LEADING.match(text, start, end)
    if lead and lead.end() < end:
        start = lead.end()
    trail = _TRAILING.search(text, start, end)
    if trail and trail.start() > start:
        end = trail.start()
    return start, end


def _best_claims(
    scored: list[tuple[float, tuple[int, int], detect.Candidate]], sims: dict[tuple[int, int], float]
) -> list[tuple[float, tuple[int, int], detect.Candidate]]:
    """Keep, for each denial, only the claim it answers: best aligned, then clearest, then first."""
    best: dict[tuple[str, tuple[int, int]], tuple[float, int, int, int]] = {}
    for n, (_score, where, cand) in enumerate(scored):
        if not cand.anchor:
            continue
        key = (cand.anchor, cand.key_a if cand.anchor == "a" else cand.key_b)
        claim_sentence = where[1] if cand.anchor == "a" else where[0]
        rank = (sims.get(where, 0.0), cand.claim_rank, -claim_sentence, -n)
        if key not in best or rank > best[key]:
            best[key] = rank
    keep = {-r[3] for r in best.values()}
    return [sc for n, sc in enumerate(scored) if not sc[2].anchor or n in keep]


def _sentence_index(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _alignments(
    pa: _Prepared,
    pb: _Prepared,
    left: int,
    right: int,
    pairs: list[tuple[int, int, float]],
    contrasts: list[ContrastPair],
) -> list[Alignment]:
    """Each sentence's best partner on the other side, and every sentence pair that holds a contrast."""
    sims = {(i, j): sim for i, j, sim in pairs}
    best: dict[int, tuple[float, int]] = {}
    for i, j, sim in pairs:
        if sim >= ALIGN_MIN and (i not in best or sim > best[i][0]):
            best[i] = (sim, j)
    chosen = {(i, j) for i, (_sim, j) in best.items()}
    starts_a = [s.start for s in pa.doc.sentences]
    starts_b = [s.start for s in pb.doc.sentences]
    for c in contrasts:
        chosen.add((_sentence_index(starts_a, c.a[0]), _sentence_index(starts_b, c.b[0])))
    out = []
    for i, j in sorted(chosen):
        sa, sb = pa.doc.sentences[i], pb.doc.sentences[j]
        out.append(
            Alignment(left, right, (sa.start, sa.end), (sb.start, sb.end), round(sims.get((i, j), 0.0), 3))
        )
    return out


def _common_ground(
    pa: _Prepared,
    pb: _Prepared,
    left: int,
    right: int,
    pairs: list[tuple[int, int, float]],
    contrasts: list[ContrastPair],
) -> list[CommonGround]:
    """Words aligned sentences share, and stance cues on the same side of an axis."""
    out: list[CommonGround] = []
    # characters already highlighted as contrast, so that shared ground never overlaps them
    in_contrast_a = bytearray(len(pa.doc.text))
    in_contrast_b = bytearray(len(pb.doc.text))
    for c in contrasts:
        in_contrast_a[c.a[0] : c.a[1]] = b"\1" * (c.a[1] - c.a[0])
        in_contrast_b[c.b[0] : c.b[1]] = b"\1" * (c.b[1] - c.b[0])
    short = len(pa.features) <= SHORT_TEXT and len(pb.features) <= SHORT_TEXT
    used: set[tuple[str, int]] = set()
    ordered = sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))

    def free(sa: Span, sb: Span) -> bool:
        return 1 not in in_contrast_a[sa[0] : sa[1]] and 1 not in in_contrast_b[sb[0] : sb[1]]

    best: set[int] = set()
    for i, j, sim in ordered:  # the same words first, between each sentence and its best partner
        if sim >= ALIGN_MIN and i not in best:
            best.add(i)
            found = _shared_phrases(pa, pb, left, right, pa.features[i], pb.features[j], used)
            out.extend(cg for cg in found if free(cg.a, cg.b))
    for i, j, sim in ordered:  # then the same side of an issue, in other words
        if not (short or sim >= ALIGN_MIN):
            continue
        for x in pa.features[i].stance:
            for y in pb.features[j].stance:
                if x.value != y.value or x.polarity != y.polarity:
                    continue
                if any(("a", k) in used for k in range(x.lo, x.hi)) or any(
                    ("b", k) in used for k in range(y.lo, y.hi)
                ):
                    continue
                sa = detect.phrase(pa.doc, x.lo, x.hi)
                sb = detect.phrase(pb.doc, y.lo, y.hi)
                if not free(sa, sb):
                    continue  # the same words already stand in a contrast
                used.update(("a", k) for k in range(x.lo, x.hi))
                used.update(("b", k) for k in range(y.lo, y.hi))
                label = x.label if x.label == y.label else f"{x.label} and {y.label}"
                out.append(CommonGround(left, right, sa, sb, f"both speak of {label}"))
    out.sort(key=lambda c: (c.a, c.b, c.reason))
    return out


def _shared_phrases(
    pa: _Prepared,
    pb: _Prepared,
    left: int,
    right: int,
    fa: SentenceFeatures,
    fb: SentenceFeatures,
    used: set[tuple[str, int]],
) -> list[CommonGround]:
    """Runs of the same words (by lemma, same negation) in two aligned sentences, holding a content word."""
    da, db = pa.doc, pb.doc
    ka = [k for k in range(fa.sentence.lo, fa.sentence.hi) if da.tokens[k].word]
    kb = [k for k in range(fb.sentence.lo, fb.sentence.hi) if db.tokens[k].word]
    sa = [(da.lemmas[k], da.negated[k]) for k in ka]
    sb = [(db.lemmas[k], db.negated[k]) for k in kb]
    out = []
    matcher = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
    for i, j, n in matcher.get_matching_blocks():
        run_a, run_b = ka[i : i + n], kb[j : j + n]
        while run_a and da.lemmas[run_a[0]] in STOPWORDS:  # trim function words at both ends
            run_a, run_b = run_a[1:], run_b[1:]
        while run_a and da.lemmas[run_a[-1]] in STOPWORDS:
            run_a, run_b = run_a[:-1], run_b[:-1]
        if not run_a or any(("a", k) in used for k in run_a) or any(("b", k) in used for k in run_b):
            continue
        used.update(("a", k) for k in run_a)
        used.update(("b", k) for k in run_b)
        span_a = (da.tokens[run_a[0]].start, da.tokens[run_a[-1]].end)
        span_b = (db.tokens[run_b[0]].start, db.tokens[run_b[-1]].end)
        words = " ".join(da.text[span_a[0] : span_a[1]].split())
        out.append(CommonGround(left, right, span_a, span_b, f"both say '{words}'"))
    return out


def _check(texts: Sequence[str]) -> tuple[str, ...]:
    if isinstance(texts, str):
        raise TypeError("analyse() takes a sequence of texts, not one string")
    out = []
    for n, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"text {n} is {type(t).__name__}, not str")
        if len(t) > MAX_CHARS:
            raise InputTooLarge(
                f"text {n + 1} has {len(t):,} characters; the engine compares texts of up to {MAX_CHARS:,}"
            )
        out.append(t)
    return tuple(out)


_paused_lock = threading.Lock()
_paused = 0  # analyses running with the cyclic collector paused
_was_enabled = False


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep Python's cyclic garbage collector out of an analysis, and put it back as it was after.

    An analysis makes no reference cycles (every collection during a 2 x 20,000-word analysis freed
    nothing), yet it allocates enough to set off several full collections, and each walks every object
    the process holds, the lexicons first (WordNet alone: 80-130 ms a time). They were a quarter of a
    long analysis. Reference counting still frees everything as before; analyses on several threads
    share one pause, and the collector returns when the last one ends.
    """
    global _paused, _was_enabled
    with _paused_lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()


def analyse(
    texts: Sequence[str],
    *,
    threshold: float | None = None,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Analysis:
    """Compare every pair of texts: sentence alignments, contrast pairs, common ground, version diffs.

    threshold: lowest probability the best contrast of a pair needs (default: the fitted ranker's).
    progress(done, total) is called as texts are read and pairs compared; when cancelled() turns true
    the analysis stops with AnalysisCancelled. Raises InputTooLarge for a text over MAX_CHARS.
    """
    with _collector_paused():
        return _analyse(texts, threshold, progress, cancelled)


def _analyse(
    texts: Sequence[str],
    threshold: float | None,
    progress: Callable[[int, int], object] | None,
    cancelled: Callable[[], bool] | None,
) -> Analysis:
    checked = _check(texts)
    limit = threshold
    n = len(checked)
    total = n + n * (n - 1) // 2
    done = 0

    def step() -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise AnalysisCancelled("the analysis was cancelled")
        if progress is not None:
            progress(done, total)
        done += 1

    prepared = []
    for t in checked:
        step()
        prepared.append(_Prepared(t))
    alignments: list[Alignment] = []
    pairs: list[ContrastPair] = []
    common: list[CommonGround] = []
    diffs: dict[tuple[int, int], tuple[VersionOp, ...]] = {}
    for left in range(len(prepared)):
        for right in range(left + 1, len(prepared)):
            step()
            pa, pb = prepared[left], prepared[right]
            if versions.are_versions(pa.doc, pb.doc):
                diffs[(left, right)] = tuple(versions.diff_documents(pa.doc, pb.doc))
            candidates = _sentence_pairs(pa, pb)
            found = _contrast_pairs(pa, pb, left, right, limit, candidates)
            aligned = _alignments(pa, pb, left, right, candidates, found)
            pairs.extend(found)
            alignments.extend(aligned)
            common.extend(_common_ground(pa, pb, left, right, candidates, found))
    if progress is not None:
        progress(total, total)
    return Analysis(
        texts=checked,
        sentences=tuple(tuple((s.start, s.end) for s in p.doc.sentences) for p in prepared),
        alignments=tuple(alignments),
        pairs=tuple(pairs),
        common=tuple(common),
        versions=diffs,
    )


def contrast(a: str, b: str, *, threshold: float | None = None) -> list[ContrastPair]:
    """Contrast pairs between two texts (a is text 0, b is text 1)."""
    return list(analyse((a, b), threshold=threshold).pairs)
