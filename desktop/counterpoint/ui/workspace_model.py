"""Layout of a comparison without a window: shared rows of aligned sentences, highlights, UTF-16 offsets.

The workspace widget draws what these functions compute; they take the engine's Analysis (or anything of
its shape) and plain statement texts, so they are tested without Qt.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from counterpoint.engine.model import Span  # one Span type across packages
from counterpoint.engine.offsets import Utf16Offsets

LINE_SEPARATOR = "\u2028"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# A row is one paragraph of a QTextDocument, so breaks inside it become line separators; each swap is
# one character for one, so offsets survive.
_DISPLAY = str.maketrans({"\n": LINE_SEPARATOR, "\u2029": LINE_SEPARATOR, "\r": "\u200b"})


class AnalysisLike(Protocol):
    """What the workspace reads from counterpoint.engine.Analysis."""

    @property
    def sentences(self) -> Sequence[Sequence[Span]]: ...
    @property
    def alignments(self) -> Sequence[Any]: ...
    @property
    def pairs(self) -> Sequence[Any]: ...
    @property
    def common(self) -> Sequence[Any]: ...
    @property
    def versions(self) -> Mapping[tuple[int, int], Sequence[Any]]: ...


class Utf16Map(Utf16Offsets):
    """The engine's one UTF-16 offset map, with the names the workspace uses: Qt's cursors count UTF-16
    units, the engine and the store count code points (only characters outside the Basic Multilingual
    Plane, such as emoji, take two units)."""

    def __init__(self, text: str) -> None:
        # The astral characters found by a regular expression, not a Python loop over every character
        # (a 40,000-word statement took 20 ms of a layout that runs beside the GUI thread).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_units = [i + n for n, i in enumerate(self._astral)]
        self.text = text

    def to_code_points(self, unit: int) -> int:
        """The code point offset of a UTF-16 offset; the middle of a surrogate pair goes to its start."""
        return self.from_utf16(unit)

    @property
    def utf16_length(self) -> int:
        return self.to_utf16(len(self.text))


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+|\n\s*\n")


def split_sentences(text: str) -> tuple[Span, ...]:
    """A plain sentence split for when there is no analysis yet (the engine's own splitter is better)."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return tuple(spans)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


@dataclass(frozen=True)
class Segment:
    """The piece of a statement shown on one row: from its sentence's start up to the next sentence."""

    start: int
    end: int  # code points, end exclusive; trailing whitespace is not shown
    display: str  # what the row shows: the text with newlines as line separators


def segments(text: str, sentences: Sequence[Span]) -> list[Segment]:
    """Cut a text at its sentence starts so that every character belongs to exactly one segment.

    Segment k holds sentence k (alignments refer to sentences by index); text before the first sentence,
    a heading or a speaker's name, goes with it.
    """
    starts = sorted({max(0, min(len(text), s)) for s, _ in sentences})
    bounds = [0, *starts[1:], len(text)]
    out = []
    for start, end in itertools.pairwise(bounds):
        piece = text[start:end].rstrip()
        out.append(Segment(start, start + len(piece), piece.translate(_DISPLAY)))
    return out or [Segment(0, 0, "")]


@dataclass(frozen=True)
class Row:
    """One shared row: per column the segment shown there (or None), and which columns are aligned on it."""

    cells: tuple[int | None, ...]
    aligned: frozenset[int]


class _Groups:
    """Union-find over (column, segment) nodes: the segments put on one row."""

    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(self, node: tuple[int, int]) -> tuple[int, int]:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node


def _layers(counts: Sequence[int], groups: _Groups) -> dict[tuple[int, int], int] | None:
    """Row of every group (longest path over 'comes after in its column'), or None if the order clashes."""
    succ: dict[tuple[int, int], set[tuple[int, int]]] = {}
    indegree: dict[tuple[int, int], int] = {}
    for column, count in enumerate(counts):
        previous = None
        for k in range(count):
            g = groups.find((column, k))
            indegree.setdefault(g, 0)
            if previous is not None:
                if previous == g:
                    return None
                if g not in succ.setdefault(previous, set()):
                    succ[previous].add(g)
                    indegree[g] += 1
            previous = g
    layer = dict.fromkeys(indegree, 0)
    ready = [g for g, d in indegree.items() if d == 0]
    seen = 0
    while ready:
        g = ready.pop()
        seen += 1
        for nxt in succ.get(g, ()):
            layer[nxt] = max(layer[nxt], layer[g] + 1)
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return layer if seen == len(indegree) else None


_NEVER = 1 << 62


class _Reach:
    """Which segments come before which, for segments on shared rows, answered in O(log n).

    Segment (c, i) comes before (d, j) when a chain of "further down its column" and "on the same row as"
    leads from one to the other. Rows placed so far never cross, so between two columns the pairs on a
    shared row are sorted in both columns at once; the first segment of column d that (c, i) reaches
    directly is a binary search, and through other columns a composition of those searches over the few
    orders of at most four columns (a chain that came back to a column it left would be a cycle).
    """

    def __init__(self, columns: int) -> None:
        self.columns = columns
        # For columns e != f: positions in e that share a row with f (sorted), and their positions in f.
        self.at: dict[tuple[int, int], tuple[list[int], list[int]]] = {
            (e, f): ([], []) for e in range(columns) for f in range(columns) if e != f
        }

    def first(self, c: int, i: int, d: int, passed: frozenset[int] = frozenset()) -> int:
        """The first segment of column d reached from (c, i) (a large number when none is)."""
        here, there = self.at[(c, d)]
        k = bisect_left(here, i)
        best = there[k] if k < len(here) else _NEVER
        for e in range(self.columns):
            if e in (c, d) or e in passed:
                continue
            via, to = self.at[(c, e)]
            k = bisect_left(via, i)
            if k < len(via):
                best = min(best, self.first(e, to[k], d, passed | {c}))
        return best

    def same_row(self, c: int, i: int, d: int, j: int) -> None:
        for (e, p), (f, q) in (((c, i), (d, j)), ((d, j), (c, i))):
            here, there = self.at[(e, f)]
            k = bisect_left(here, p)
            here.insert(k, p)
            there.insert(k, q)


def build_rows(counts: Sequence[int], links: Sequence[tuple[int, int, int, int, float]]) -> list[Row]:
    """Shared rows for columns of `counts` segments, given sentence links (col, k, col, k, score).

    The strongest links are placed first; a link that would put two sentences of one column on the same
    row, or cross a link already placed, is left out, so every column still reads top to bottom. Each
    link costs a few binary searches (see _Reach), so a long comparison is laid out in n log n.
    """
    groups = _Groups()
    members: dict[tuple[int, int], dict[int, int]] = {}
    reach = _Reach(len(counts))
    for col_a, k_a, col_b, k_b, _score in sorted(links, key=lambda link: -link[4]):
        if col_a == col_b or not (0 <= k_a < counts[col_a] and 0 <= k_b < counts[col_b]):
            continue
        ga, gb = groups.find((col_a, k_a)), groups.find((col_b, k_b))
        if ga == gb:
            continue
        ma = members.get(ga, {col_a: k_a})
        mb = members.get(gb, {col_b: k_b})
        if set(ma) & set(mb):
            continue
        # Joining the two rows is a cycle (a crossing) when either already comes before the other.
        if any(
            reach.first(c, i, d) <= j or reach.first(d, j, c) <= i
            for c, i in ma.items()
            for d, j in mb.items()
        ):
            continue
        for c, i in ma.items():
            for d, j in mb.items():
                reach.same_row(c, i, d, j)
        groups.parent[gb] = ga
        members[ga] = {**ma, **mb}
        members.pop(gb, None)
    return rows_of(counts, groups, members)


def rows_of(
    counts: Sequence[int], groups: _Groups, members: Mapping[tuple[int, int], dict[int, int]]
) -> list[Row]:
    """The rows of linked groups: each segment on its group's layer, a row's aligned columns marked."""
    layer = _layers(counts, groups) or {}
    height = max(layer.values(), default=-1) + 1
    cells: list[list[int | None]] = [[None] * len(counts) for _ in range(height)]
    for column, count in enumerate(counts):
        for k in range(count):
            cells[layer[groups.find((column, k))]][column] = k
    rows = []
    for row in cells:
        aligned: set[int] = set()
        for column, cell in enumerate(row):
            if cell is not None:
                group = members.get(groups.find((column, cell)))
                if group and len(group) > 1:
                    aligned.update(group)
        rows.append(Row(tuple(row), frozenset(aligned)))
    return rows


@dataclass(frozen=True)
class Highlight:
    """A marked span in one column. `category` is contrast, common, insert, delete or move."""

    start: int
    end: int
    kind: str
    category: str
    reason: str
    partner: int | None = None  # the other column
    partner_span: Span | None = None
    pair: Any = None  # the engine's ContrastPair, for turning a suggestion into an annotation


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


def analysis_summary(analysis: AnalysisLike | None) -> tuple[int, int]:
    """(contrast pairs shown, pairs of columns shown as versions): a pair of versions shows its word diff
    instead of its contrasts, so those are not counted as found."""
    if analysis is None:
        return 0, 0
    diffed = {frozenset(key) for key in analysis.versions}
    shown = sum(1 for pair in analysis.pairs if frozenset((pair.left, pair.right)) not in diffed)
    return shown, len(diffed)


def collect_highlights(analysis: AnalysisLike | None, columns: int) -> list[list[Highlight]]:
    """Every column's highlights: contrasts and common ground, or the word diff for versions of one text."""
    found: list[list[Highlight]] = [[] for _ in range(columns)]
    if analysis is None:
        return found
    versions = {tuple(key): ops for key, ops in analysis.versions.items()}
    diffed = {frozenset(key) for key in versions}

    def ok(left: int, right: int) -> bool:
        return 0 <= left < columns and 0 <= right < columns

    for pair in analysis.pairs:
        if not ok(pair.left, pair.right) or frozenset((pair.left, pair.right)) in diffed:
            continue
        a, b = _span(pair.a), _span(pair.b)
        if a is None or b is None:
            continue
        found[pair.left].append(Highlight(*a, pair.kind, "contrast", pair.reason, pair.right, b, pair))
        found[pair.right].append(Highlight(*b, pair.kind, "contrast", pair.reason, pair.left, a, pair))
    for common in analysis.common:
        if not ok(common.left, common.right) or frozenset((common.left, common.right)) in diffed:
            continue
        a, b = _span(common.a), _span(common.b)
        if a is None or b is None:
            continue
        found[common.left].append(Highlight(*a, "common", "common", common.reason, common.right, b))
        found[common.right].append(Highlight(*b, "common", "common", common.reason, common.left, a))
    for (left, right), ops in versions.items():
        if not ok(left, right):
            continue
        for op in ops:
            a, b = _span(op.a), _span(op.b)
            if op.tag == "move":
                if a and a[0] < a[1]:
                    found[left].append(Highlight(*a, "move", "move", "Moved in the other version", right, b))
                if b and b[0] < b[1]:
                    found[right].append(
                        Highlight(*b, "move", "move", "Moved from the other version", left, a)
                    )
            if op.tag in ("delete", "replace") and a and a[0] < a[1]:
                found[left].append(Highlight(*a, "delete", "delete", "Not in the other version", right, b))
            if op.tag in ("insert", "replace") and b and b[0] < b[1]:
                found[right].append(Highlight(*b, "insert", "insert", "Added in this version", left, a))
    for column in found:
        column.sort(key=lambda h: (h.start, h.end))
    return found


def sentence_index(sentences: Sequence[Span], value: Any, starts: Sequence[int] | None = None) -> int | None:
    """The sentence an alignment end refers to: an index, or a span that falls in a sentence. `starts`
    (the sentences' starts) saves building them again for every alignment of a long text."""
    if isinstance(value, int):
        return value if 0 <= value < len(sentences) else None
    span = _span(value)
    if span is None:
        return None
    if starts is None:
        starts = [s for s, _ in sentences]
    k = bisect_right(starts, span[0]) - 1
    return k if 0 <= k < len(sentences) else None


def shorten(text: str, limit: int = 60) -> str:
    """One line of a quotation, cut at a word with an ellipsis when it is too long."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut.rstrip(",;:—- ") + "…"


@dataclass(frozen=True)
class ComparisonPlan:
    """Everything the workspace lays out, computed without Qt (on a worker thread for long texts): per
    column its sentences, segments, UTF-16 map and highlights; the shared rows; the longest words."""

    texts: tuple[str, ...]
    analysis: AnalysisLike | None  # None also when the analysis given was of other texts
    sentences: tuple[tuple[Span, ...], ...]
    segments: tuple[list[Segment], ...]
    maps: tuple[Utf16Map, ...]
    rows: list[Row]
    highlights: list[list[Highlight]]
    longest_words: tuple[str, ...]  # the forty longest, to size the columns so no word breaks


def plan_comparison(texts: Sequence[str], analysis: AnalysisLike | None) -> ComparisonPlan:
    """Lay a comparison of `texts` out (linear in their length, n log n in their alignments)."""
    texts = tuple(texts)
    analysed = getattr(analysis, "texts", None)
    if analysis is not None and (
        len(analysis.sentences) < len(texts)
        or (analysed is not None and tuple(analysed)[: len(texts)] != texts)
    ):
        analysis = None  # an analysis of other texts: show the statements plainly rather than wrongly
    sentences = tuple(
        tuple(analysis.sentences[i]) if analysis is not None else split_sentences(text)
        for i, text in enumerate(texts)
    )
    cut = tuple(segments(text, sentences[i]) for i, text in enumerate(texts))
    counts = [len(pieces) for pieces in cut]
    links = []
    if analysis is not None:
        starts = [[s for s, _ in spans] for spans in sentences]
        for alignment in analysis.alignments:
            left, right = int(alignment.left), int(alignment.right)
            if not (0 <= left < len(counts) and 0 <= right < len(counts)):
                continue
            a = sentence_index(sentences[left], alignment.a, starts[left])
            b = sentence_index(sentences[right], alignment.b, starts[right])
            if a is None or b is None:
                continue
            # Segments follow sentence starts; the first segment also holds any text before sentence 0.
            links.append((left, a, right, b, float(alignment.score)))
    words = {w for text in texts for w in text.split()}
    return ComparisonPlan(
        texts,
        analysis,
        sentences,
        cut,
        tuple(Utf16Map(text) for text in texts),
        build_rows(counts, links),
        collect_highlights(analysis, len(texts)),
        tuple(sorted(words, key=len)[-40:]),
    )


_JOINERS = "'’-‐"  # inside a word when letters stand on both sides: don't, Community-based


def snap_to_words(text: str, start: int, end: int) -> Span | None:
    """A selection grown to whole words at both ends (a drag that starts or ends in the middle of a word
    takes the whole word: the quotation is the evidence, half a word is not), its outer whitespace
    trimmed; None when nothing but whitespace is left."""

    def part(i: int) -> bool:
        ch = text[i]
        if ch.isalnum():
            return True
        return ch in _JOINERS and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()

    def inside(i: int) -> bool:
        return 0 < i < len(text) and part(i - 1) and part(i)

    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    while inside(start):
        start -= 1
    while inside(end):
        end += 1
    return start, end
