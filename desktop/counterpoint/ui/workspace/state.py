"""What the user has picked in a comparison, kept as plain data (no Qt): the selected spans, and the
suggestion that Ctrl+Return would accept (hovered with the mouse, or reached with F8 / Shift+F8)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from counterpoint.ui.workspace_model import Highlight, Span

Suggestion = tuple[int, Highlight]  # the column it was found from, and its highlight there


class SelectionState:
    """The last span selected in each of at most two columns: a pair to tag, or one span to note."""

    def __init__(self) -> None:
        self._spans: dict[int, Span] = {}
        self._order: list[int] = []  # columns, least recently picked first

    def __bool__(self) -> bool:
        return bool(self._spans)

    def pick(self, column: int, span: Span) -> list[int]:
        """Remember `span` as the column's pick; return the columns whose picks were dropped (a third
        column was used: the oldest pick goes)."""
        self._spans[column] = span
        if column in self._order:
            self._order.remove(column)
        self._order.append(column)
        dropped = self._order[:-2]
        for stale in dropped:
            self._spans.pop(stale, None)
        self._order = self._order[-2:]
        return dropped

    def span(self, column: int) -> Span | None:
        return self._spans.get(column)

    def columns(self) -> list[int]:
        """The columns with a pick, left to right."""
        return sorted(c for c in self._order if c in self._spans)

    def latest(self) -> int | None:
        """The column picked last."""
        return self._order[-1] if self._order else None

    def clear(self) -> None:
        self._spans.clear()
        self._order.clear()

    def copy(self) -> SelectionState:
        other = SelectionState()
        other._spans, other._order = dict(self._spans), list(self._order)
        return other


def legend_key(h: Highlight) -> str:
    """The legend entry a highlight belongs to: its contrast kind, or common/insert/delete/move."""
    return h.kind if h.category == "contrast" else h.category


class SuggestionState:
    """The engine's suggestions (contrast pairs) and which one is current.

    `stepped` is the one reached with F8 or a click or the caret; `hovered` the one under the mouse. The
    hovered one wins while the mouse is on it. Where one highlighted span has several counterparts (a
    phrase that contrasts with two columns), the mouse on it keeps the one stepped to when that is among
    them: F8 chooses between them, and Ctrl+Return accepts the one shown.
    """

    def __init__(self) -> None:
        self.stepped: Suggestion | None = None
        self.hovered: Suggestion | None = None

    def current(self) -> Suggestion | None:
        return self.hovered or self.stepped

    def clear(self) -> None:
        self.stepped = self.hovered = None

    def step(self, found: Sequence[Suggestion], step: int) -> Suggestion | None:
        """Go to the next (step > 0) or previous suggestion of `found` (in reading order), wrapping."""
        if not found:
            return None
        index = -1 if step > 0 else 0
        current = self.current()
        if current is not None:
            for i, item in enumerate(found):
                if _same(item, current):
                    index = i
                    break
        self.stepped = found[(index + step) % len(found)]
        self.hovered = None  # the keyboard chose: the mouse takes over again when it moves to another
        return self.stepped

    def position(self, found: Sequence[Suggestion]) -> tuple[int, int] | None:
        """(n, m): the current suggestion is the n-th of m, counting from 1; None when there is none."""
        current = self.current()
        if current is None:
            return None
        for i, item in enumerate(found):
            if _same(item, current):
                return i + 1, len(found)
        return None

    def choose_at(self, column: int, under: Sequence[Highlight]) -> Suggestion | None:
        """The suggestion for the contrast highlights `under` a point of `column` (innermost last)."""
        if not under:
            return None
        for item in (self.stepped, self.hovered):
            if item is not None:
                for h in under:
                    if _same((column, h), item):
                        return item
        return column, under[-1]

    def hover(self, column: int, under: Sequence[Highlight]) -> bool:
        """The mouse is over `under` in `column`; return whether the hovered suggestion changed."""
        chosen = self.choose_at(column, under)
        if chosen is not None and self.stepped is not None and _same(chosen, self.stepped):
            chosen = None  # on the one stepped to: it stays the current one
        changed = chosen != self.hovered
        self.hovered = chosen
        return changed

    def click(self, column: int, under: Sequence[Highlight]) -> bool:
        """A click or the caret at a point; return whether the stepped suggestion changed."""
        chosen = self.choose_at(column, under)
        changed = chosen != self.stepped
        self.stepped = chosen
        return changed

    def drop_hidden(self, is_hidden: Callable[[Highlight], bool]) -> None:
        if self.stepped is not None and is_hidden(self.stepped[1]):
            self.stepped = None
        if self.hovered is not None and is_hidden(self.hovered[1]):
            self.hovered = None


def _same(a: Suggestion, b: Suggestion) -> bool:
    """One suggestion seen from either of its columns: the same engine pair."""
    (ca, ha), (cb, hb) = a, b
    if ha.pair is not None and hb.pair is not None:
        return ha.pair is hb.pair
    return ca == cb and ha == hb
