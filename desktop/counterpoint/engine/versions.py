"""Versions mode: a word-level diff of two versions of one document, with moved passages found.

The diff is a patience diff on tokens: tokens that occur once in each side anchor the alignment,
the stretches between anchors are diffed recursively, and small stretches go to difflib. That keeps two
50,000-word versions well under a second where a plain SequenceMatcher without autojunk is quadratic.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Sequence

from counterpoint.engine.model import VersionOp
from counterpoint.engine.text import TOKEN_RE, Document

# Two texts are versions of one document when this share of the shorter one's word 4-grams recur.
VERSION_OVERLAP = 0.5
MIN_VERSION_WORDS = 20
# Below this many cells (len(a) * len(b)) a region goes straight to difflib.
SMALL_REGION = 40_000
# A deleted and an inserted passage of at least this many tokens, with the same words, is a move.
MIN_MOVE_TOKENS = 5
MOVE_RATIO = 0.85

Op = tuple[str, int, int, int, int]  # difflib opcode over token indices


def _shingles(words: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 4]) for i in range(max(0, len(words) - 3))}


def are_versions(a: Document, b: Document) -> bool:
    wa = [t.norm for t in a.tokens if t.word]
    wb = [t.norm for t in b.tokens if t.word]
    if min(len(wa), len(wb)) < MIN_VERSION_WORDS:
        return False
    sa, sb = _shingles(wa), _shingles(wb)
    return len(sa & sb) >= VERSION_OVERLAP * min(len(sa), len(sb))


def _unique_anchors(
    a: Sequence[str], alo: int, ahi: int, b: Sequence[str], blo: int, bhi: int, n: int
) -> list[tuple[int, int]]:
    """Starts (i, j) of n-grams occurring once on each side, along the longest increasing run of j."""
    ka = [tuple(a[i : i + n]) for i in range(alo, ahi - n + 1)]
    kb = [tuple(b[j : j + n]) for j in range(blo, bhi - n + 1)]
    ca = Counter(ka)
    cb = Counter(kb)
    where_b = {k: blo + j for j, k in enumerate(kb) if cb[k] == 1}
    pairs = [(alo + i, where_b[k]) for i, k in enumerate(ka) if ca[k] == 1 and k in where_b]
    # longest increasing subsequence on j (patience sorting)
    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(pairs)
    for p, (_i, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tails_idx.append(p)
        else:
            tails[k] = j
            tails_idx[k] = p
        prev[p] = tails_idx[k - 1] if k else -1
    out = []
    p = tails_idx[-1] if tails_idx else -1
    while p >= 0:
        out.append(pairs[p])
        p = prev[p]
    out.reverse()
    spaced: list[tuple[int, int]] = []
    for i, j in out:  # n-grams must not overlap
        if not spaced or (i >= spaced[-1][0] + n and j >= spaced[-1][1] + n):
            spaced.append((i, j))
    return spaced


def _diff_tokens(a: Sequence[str], b: Sequence[str]) -> list[Op]:
    ops: list[Op] = []
    stack = [(0, len(a), 0, len(b))]
    regions: list[tuple[int, int, int, int]] = []
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            regions.append((alo, alo + 1, blo, blo + 1))
            alo += 1
            blo += 1
        tail = []
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi -= 1
            bhi -= 1
            tail.append((ahi, ahi + 1, bhi, bhi + 1))
        regions.extend(reversed(tail))  # ordering is restored by the sort below
        if alo == ahi or blo == bhi:
            if alo < ahi or blo < bhi:
                ops.append(("delete" if blo == bhi else "insert", alo, ahi, blo, bhi))
            continue
        if (ahi - alo) * (bhi - blo) <= SMALL_REGION:
            sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                ops.append((tag, alo + i1, alo + i2, blo + j1, blo + j2))
            continue
        n = 1
        anchors = _unique_anchors(a, alo, ahi, b, blo, bhi, 1)
        if not anchors:  # no word occurs once on each side: try word triples
            n = 3
            anchors = _unique_anchors(a, alo, ahi, b, blo, bhi, 3)
        if not anchors:
            sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=True)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                ops.append((tag, alo + i1, alo + i2, blo + j1, blo + j2))
            continue
        pi, pj = alo, blo
        for i, j in anchors:
            stack.append((pi, i, pj, j))
            regions.append((i, i + n, j, j + n))
            pi, pj = i + n, j + n
        stack.append((pi, ahi, pj, bhi))
    ops.extend(("equal", *r) for r in regions)
    ops.sort(key=lambda o: (o[1], o[3], o[2], o[4]))
    merged: list[Op] = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if merged and merged[-1][0] == op[0] and merged[-1][2] == op[1] and merged[-1][4] == op[3]:
            last = merged[-1]
            merged[-1] = (last[0], last[1], op[2], last[3], op[4])
        elif (
            merged
            and {merged[-1][0], op[0]} <= {"delete", "insert", "replace"}
            and (merged[-1][2] == op[1] and merged[-1][4] == op[3])
        ):
            last = merged[-1]
            merged[-1] = ("replace", last[1], op[2], last[3], op[4])
        else:
            merged.append(op)
    return merged


def _span(text: str, starts: Sequence[int], ends: Sequence[int], lo: int, hi: int) -> tuple[int, int]:
    """Character span of tokens lo..hi; an empty range sits before token lo (or at the end of the text)."""
    if lo < hi:
        return starts[lo], ends[hi - 1]
    pos = starts[lo] if lo < len(starts) else len(text)
    return pos, pos


def _find_moves(ops: list[Op], a: Sequence[str], b: Sequence[str]) -> list[Op]:
    """Turn a deleted passage that reappears as an inserted one into a move."""
    deleted = [
        n for n, op in enumerate(ops) if op[0] in ("delete", "replace") and op[2] - op[1] >= MIN_MOVE_TOKENS
    ]
    inserted = [
        n for n, op in enumerate(ops) if op[0] in ("insert", "replace") and op[4] - op[3] >= MIN_MOVE_TOKENS
    ]
    if not deleted or not inserted:
        return ops
    by_words: dict[tuple[str, ...], list[int]] = {}
    for n in inserted:
        by_words.setdefault(tuple(b[ops[n][3] : ops[n][4]]), []).append(n)
    by_length = sorted(inserted, key=lambda m: ops[m][4] - ops[m][3])
    lengths = [ops[m][4] - ops[m][3] for m in by_length]
    budget = 2000  # near-identical comparisons in all, so that a heavily edited pair stays fast
    moves: list[Op] = []
    used_del: set[int] = set()
    used_ins: set[int] = set()
    for n in deleted:
        words = tuple(a[ops[n][1] : ops[n][2]])
        match = next((m for m in by_words.get(words, []) if m not in used_ins and m != n), None)
        if match is None and len(words) >= 2 * MIN_MOVE_TOKENS:
            # near-identical passages: compare candidates of similar length
            lo = bisect.bisect_left(lengths, 0.8 * len(words))
            hi = bisect.bisect_right(lengths, 1.25 * len(words))
            for m in by_length[lo:hi]:
                if m in used_ins or m == n or budget <= 0:
                    continue
                other = b[ops[m][3] : ops[m][4]]
                budget -= 1
                sm = difflib.SequenceMatcher(None, words, other, autojunk=False)
                if sm.quick_ratio() >= MOVE_RATIO and sm.ratio() >= MOVE_RATIO:
                    match = m
                    break
        if match is not None:
            used_del.add(n)
            used_ins.add(match)
            moves.append(("move", ops[n][1], ops[n][2], ops[match][3], ops[match][4]))
    out: list[Op] = []
    for n, op in enumerate(ops):
        tag, i1, i2, j1, j2 = op
        if n in used_del and n in used_ins:
            continue
        if n in used_del:
            if tag == "replace":
                out.append(("insert", i2, i2, j1, j2))
            continue
        if n in used_ins:
            if tag == "replace":
                out.append(("delete", i1, i2, j1, j1))
            continue
        out.append(op)
    out.extend(moves)
    out.sort(key=lambda o: (o[1], o[3], o[0] == "move"))
    return out


def _diff(
    text_a: str, starts_a: list[int], ends_a: list[int], text_b: str, starts_b: list[int], ends_b: list[int]
) -> list[VersionOp]:
    ta = [text_a[s:e] for s, e in zip(starts_a, ends_a, strict=True)]
    tb = [text_b[s:e] for s, e in zip(starts_b, ends_b, strict=True)]
    ops = _find_moves(_diff_tokens(ta, tb), ta, tb)
    return [
        VersionOp(tag, _span(text_a, starts_a, ends_a, i1, i2), _span(text_b, starts_b, ends_b, j1, j2))
        for tag, i1, i2, j1, j2 in ops
    ]


def diff_documents(a: Document, b: Document) -> list[VersionOp]:
    """Word-level diff of two documents already read by the engine."""
    return _diff(
        a.text,
        [t.start for t in a.tokens],
        [t.end for t in a.tokens],
        b.text,
        [t.start for t in b.tokens],
        [t.end for t in b.tokens],
    )


def diff_versions(a: str, b: str) -> tuple[VersionOp, ...]:
    """Word-level diff of two texts, whether or not they look like versions of one document."""
    ma = [m.span() for m in TOKEN_RE.finditer(a)]
    mb = [m.span() for m in TOKEN_RE.finditer(b)]
    return tuple(_diff(a, [s for s, _ in ma], [e for _, e in ma], b, [s for s, _ in mb], [e for _, e in mb]))
