"""Selectors for annotated spans, and re-anchoring them when a statement's text is corrected."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

CONTEXT = 32  # characters of prefix and suffix kept with each quote


@dataclass(frozen=True)
class Selector:
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


def make_selector(text: str, start: int, end: int) -> Selector:
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}–{end} is outside the text (length {len(text)})")
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
    )


def _context_score(text: str, start: int, end: int, selector: Selector) -> float:
    before = text[max(0, start - len(selector.prefix)) : start]
    after = text[end : end + len(selector.suffix)]
    score = 0.0
    if selector.prefix:
        score += difflib.SequenceMatcher(None, before, selector.prefix, autojunk=False).ratio()
    if selector.suffix:
        score += difflib.SequenceMatcher(None, after, selector.suffix, autojunk=False).ratio()
    return score


def reanchor(text: str, selector: Selector, *, min_ratio: float = 0.75) -> tuple[int, int] | None:
    """Where the selector's quote is in a new version of the text, or None if it no longer matches.

    An exact quote wins (several occurrences are told apart by their prefix and suffix, then by
    nearness to the old position); otherwise the closest fuzzy match of similar length whose
    similarity is at least `min_ratio`.
    """
    exact = selector.exact
    if not exact:
        return None
    if text[selector.start : selector.end] == exact:
        return (selector.start, selector.end)
    found = []
    index = text.find(exact)
    while index != -1:
        found.append(index)
        index = text.find(exact, index + 1)
    if found:
        best = max(
            found,
            key=lambda i: (_context_score(text, i, i + len(exact), selector), -abs(i - selector.start)),
        )
        return (best, best + len(exact))
    return _fuzzy_find(text, selector, min_ratio)


def _fuzzy_find(text: str, selector: Selector, min_ratio: float) -> tuple[int, int] | None:
    exact = selector.exact
    n = len(exact)
    if n < 4 or not text:
        return None
    # Anchor candidate windows on the longest blocks the quote shares with the text.
    matcher = difflib.SequenceMatcher(None, text, exact, autojunk=False)
    best: tuple[float, int, int] | None = None
    seen: set[tuple[int, int]] = set()
    for block in matcher.get_matching_blocks():
        if block.size < min(4, n):
            continue
        origin = block.a - block.b
        for delta_start in range(-n // 4, n // 4 + 1, max(1, n // 16)):
            for delta_len in range(-n // 4, n // 4 + 1, max(1, n // 16)):
                s = max(0, origin + delta_start)
                e = min(len(text), s + n + delta_len)
                if e <= s or (s, e) in seen:
                    continue
                seen.add((s, e))
                ratio = difflib.SequenceMatcher(None, text[s:e], exact, autojunk=False).ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, s, e)
    if best is None or best[0] < min_ratio:
        return None
    _, s, e = best
    # Trim to word boundaries the way the user selected them: no stray spaces at either end.
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None
