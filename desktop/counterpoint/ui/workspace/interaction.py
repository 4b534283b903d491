"""What the user does in the workspace: select passages, step through and accept suggestions, hover for
reasons, open annotations. A part of ComparisonWorkspace (its methods), kept apart from the building and
layout of the columns; the state it changes lives in plain classes (state.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QScrollBar, QTextEdit, QWidget

from counterpoint.store.model import Annotation, Statement, TargetSpec
from counterpoint.ui.palette import UiPalette
from counterpoint.ui.workspace.column import ColumnText
from counterpoint.ui.workspace.connectors import Connector, ConnectorLayer
from counterpoint.ui.workspace.look import COLUMN_LETTERS
from counterpoint.ui.workspace.state import SelectionState, Suggestion, SuggestionState
from counterpoint.ui.workspace.texts import (
    annotation_tip,
    cite,
    highlight_tip,
    selection_html,
    suggestion_line,
)
from counterpoint.ui.workspace.tip_place import place_tip
from counterpoint.ui.workspace_model import Highlight, Span, shorten


class WorkspaceInteraction(QWidget):
    """The workspace's signals, and what the user does with its columns (ComparisonWorkspace builds
    them)."""

    tag_requested = Signal(list)  # list[TargetSpec]: the current selection, one span or a pair
    suggestion_accepted = Signal(object)  # the engine's ContrastPair
    annotation_activated = Signal(int)  # annotation id
    selection_changed = Signal()

    # Set up by ComparisonWorkspace.
    colours: UiPalette
    _statements: list[Statement]
    _annotations: list[Annotation]
    _columns: list[ColumnText]
    _highlights: list[list[Highlight]]
    _connectors: list[Connector]
    _picks: SelectionState
    _suggestions: SuggestionState
    _flash: int | None
    _flash_timer: QTimer
    _layer: ConnectorLayer
    _scrollbar: QScrollBar
    _selection_label: QLabel
    _suggestion_label: QLabel
    tag_action: QAction
    accept_suggestion_action: QAction
    next_suggestion_action: QAction
    previous_suggestion_action: QAction
    clear_selection_action: QAction
    copy_quote_action: QAction

    if TYPE_CHECKING:

        def _visible(self, column: int) -> list[Highlight]: ...
        def _scroll_to(self, value: int) -> None: ...

    # -- selection -----------------------------------------------------------------------------

    def select_span(self, column: int, start: int, end: int) -> None:
        """Select a span of a column's statement, as the user would by dragging (code point offsets)."""
        self._columns[column].select_span(start, end)

    def _picked(self, column: int, span: Span) -> None:
        for stale in self._picks.pick(column, span):
            # A third column was used: the oldest pick is dropped, and its column's selection with it.
            view = self._columns[stale]
            cursor = view.textCursor()
            if cursor.hasSelection():
                cursor.clearSelection()
                view.setTextCursor(cursor)
            self._update_extra_selections(view)
        self._update_extra_selections(self._columns[column])
        self._update_selection_label()
        self._update_actions()
        self.selection_changed.emit()

    def selection(self) -> list[TargetSpec]:
        """The current selection: the last span selected in each of the (at most two) last columns used."""
        targets = []
        for c in self._picks.columns():
            span = self._picks.span(c)
            if span is not None:
                targets.append(TargetSpec(self._statements[c].id, *span))
        return targets

    def clear_selection(self) -> None:
        self._picks.clear()
        for column in self._columns:
            cursor = column.textCursor()
            cursor.clearSelection()
            column.setTextCursor(cursor)
            self._update_extra_selections(column)
        self._update_selection_label()
        self._update_actions()
        self.selection_changed.emit()

    def quote_with_source(self, column: int | None = None) -> str:
        """The last selected passage (of `column`, else the latest pick) as a reporter would cite it."""
        if column is None:
            column = self._picks.latest()
        span = self._picks.span(column) if column is not None else None
        if column is None or span is None:
            return ""
        return cite(self._statements[column], span)

    def copy_quote_with_source(self) -> None:
        text = self.quote_with_source()
        if text:
            QGuiApplication.clipboard().setText(text)

    def request_tag(self) -> None:
        targets = self.selection()
        if targets:
            self.tag_requested.emit(targets)

    def _update_selection_label(self) -> None:
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        picks = [(c, span) for c in self._picks.columns() if (span := self._picks.span(c)) is not None]
        self._selection_label.setText(selection_html(self._statements, picks, muted))

    def _update_extra_selections(self, column: ColumnText) -> None:
        extras = []
        span = self._picks.span(column.column)
        if span is not None:
            extra = QTextEdit.ExtraSelection()
            cursor = QTextCursor(column.document())
            column.select_into(cursor, *span)
            extra.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(self.colours.selection_fill))
            fmt.setProperty(QTextFormat.Property.OutlinePen, QPen(QColor(self.colours.selection_line)))
            extra.format = fmt
            extras.append(extra)
        column.setExtraSelections(extras)

    def _update_actions(self) -> None:
        self.tag_action.setEnabled(bool(self._picks))
        self.clear_selection_action.setEnabled(bool(self._picks))
        self.copy_quote_action.setEnabled(bool(self._picks))
        has_suggestions = bool(self.suggestions())
        self.next_suggestion_action.setEnabled(has_suggestions)
        self.previous_suggestion_action.setEnabled(has_suggestions)
        self.accept_suggestion_action.setEnabled(self._suggestions.current() is not None)
        self._update_suggestion_label()

    def _update_suggestion_label(self) -> None:
        current = self._suggestions.current()
        found = self.suggestions()
        where = self._suggestions.position(found)
        if current is None or where is None:
            self._suggestion_label.hide()
            self._suggestion_label.setText("")
            return
        column, h = current
        text = suggestion_line(h, column, self._statements, self.colours, *where)
        self._suggestion_label.setText(text)
        self._suggestion_label.setAccessibleDescription(text)
        self._suggestion_label.show()

    # -- suggestions ---------------------------------------------------------------------------

    def highlights(self, column: int) -> list[tuple[int, int, str]]:
        """The highlighted spans of a column: (start, end, kind); kind is a contrast kind, 'common',
        or for versions 'insert', 'delete', 'move'."""
        return [(h.start, h.end, h.kind) for h in self._visible(column)]

    def suggestions(self) -> list[Suggestion]:
        """Contrast suggestions in reading order, one per pair (from its left column)."""
        found: list[Suggestion] = []
        if len(self._columns) != len(self._highlights):
            return found  # between two comparisons
        for c in range(len(self._highlights)):
            for h in self._visible(c):
                if h.category == "contrast" and h.partner is not None and h.partner > c:
                    found.append((c, h))
        return sorted(found, key=lambda item: (self._columns[item[0]].doc_position(item[1].start), item[0]))

    def shown_suggestions(self) -> list[Suggestion]:
        """The suggestions drawn dashed across the columns: the one stepped to, and the one hovered."""
        return [s for s in (self._suggestions.stepped, self._suggestions.hovered) if s is not None]

    def current_suggestion(self) -> object | None:
        """The ContrastPair that Ctrl+Return would accept: the one under the mouse, else the one picked."""
        chosen = self._suggestions.current()
        return chosen[1].pair if chosen else None

    def accept_current_suggestion(self) -> None:
        pair = self.current_suggestion()
        if pair is not None:
            self.suggestion_accepted.emit(pair)

    def next_suggestion(self) -> None:
        self._step_suggestion(1)

    def previous_suggestion(self) -> None:
        self._step_suggestion(-1)

    def _step_suggestion(self, step: int) -> None:
        item = self._suggestions.step(self.suggestions(), step)
        if item is not None:
            column, h = item
            ends = [(column, h.start, h.end)]
            if h.partner is not None and h.partner_span is not None:
                ends.append((h.partner, *h.partner_span))
            self._reveal(*ends)
        self._update_actions()
        self._layer.update()

    def _contrasts_at(self, column: int, offset: int | None) -> list[Highlight]:
        return [h for h in self._columns[column].highlights_at(offset) if h.category == "contrast"]

    def _hover(self, column: int, offset: int | None) -> None:
        if self._suggestions.hover(column, self._contrasts_at(column, offset)):
            self._update_actions()
            self._layer.update()

    def _clicked(self, column: int, offset: int | None) -> None:
        if not 0 <= column < len(self._columns):
            return  # a column still being built
        # The caret or a click left the suggestion: it is no longer the one Enter would accept.
        if self._suggestions.click(column, self._contrasts_at(column, offset)):
            self._update_actions()
            self._layer.update()

    def tooltip_at(self, column: int, offset: int | None) -> str:
        """What hovering a column at a statement offset shows: each highlight's kind, reason and partner."""
        if offset is None:
            return ""
        under = self._columns[column].highlights_at(offset)
        contrasts = [h for h in under if h.category == "contrast"]
        # One phrase with two counterparts: say which pair Ctrl+Return takes, and how to take the other.
        chosen = self._suggestions.choose_at(column, contrasts) if len(contrasts) > 1 else None
        parts = []
        for h in under:
            hint = None
            if chosen is not None and h in contrasts:
                partner = COLUMN_LETTERS[h.partner] if h.partner is not None else "?"
                if h is chosen[1] or (chosen[1].pair is not None and chosen[1].pair is h.pair):
                    hint = f"Ctrl+Return: make this pair (with {partner}) an annotation"
                else:
                    hint = f"F8: choose this pair (with {partner}) instead"
            parts.append(highlight_tip(h, self._statements, self.colours, hint))
        annotation_id = self.annotation_at(column, offset)
        if annotation_id is not None:
            annotation = next(a for a in self._annotations if a.id == annotation_id)
            parts.append(annotation_tip(annotation))
        return "<hr>".join(parts)

    def place_tooltip(self, column: int, offset: int | None, cursor: QPoint) -> None:
        """Move the tooltip just shown off the passages it is about: the hovered span, and its
        counterparts in the other columns."""
        tip = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if w.objectName() == "qtooltip_label" and w.isVisible()
            ),
            None,
        )
        if tip is None or offset is None:
            return
        view = self._columns[column]
        under = view.highlights_at(offset)
        spans = [(column, h.start, h.end) for h in under]
        spans += [(h.partner, *h.partner_span) for h in under if h.partner is not None and h.partner_span]
        avoid = [
            QRect(self._columns[c].viewport().mapToGlobal(r.topLeft().toPoint()), r.size().toSize())
            for c, start, end in spans
            for r in self._columns[c].span_rects(start, end)
        ]
        own = [
            QRect(view.viewport().mapToGlobal(r.topLeft().toPoint()), r.size().toSize())
            for c, s, e in spans[: len(under)]
            for r in view.span_rects(s, e)
        ]
        line = QRect(cursor, QSize(1, 1))
        for rect in own:
            if rect.top() <= cursor.y() <= rect.bottom() + 1:
                line = line.united(QRect(cursor.x(), rect.top(), 1, rect.height()))
        screen = tip.screen() or QGuiApplication.primaryScreen()
        tip.move(place_tip(tip.size(), cursor, line, avoid, screen.availableGeometry()))

    def extend_menu(self, menu: QMenu, column: int, offset: int | None) -> None:
        """Add to a column's context menu what applies at `offset`: its suggestions, tagging, the quote,
        the annotation there."""
        menu.addSeparator()
        for h in self._contrasts_at(column, offset):
            label = self.colours.kind(h.kind).label
            quote = shorten(self._statements[column].text[h.start : h.end], 30)
            act = menu.addAction(f"Accept suggestion: {label} “{quote}”")
            act.triggered.connect(lambda _=False, pair=h.pair: self.suggestion_accepted.emit(pair))
        menu.addAction(self.tag_action)
        if self._picks.span(column) is not None:
            menu.addAction(self.copy_quote_action)
        annotation_id = self.annotation_at(column, offset)
        if annotation_id is not None:
            act = menu.addAction("Show annotation")
            act.triggered.connect(lambda _=False, a=annotation_id: self.annotation_activated.emit(a))

    # -- annotations ---------------------------------------------------------------------------

    def connectors(self) -> list[Connector]:
        """The annotations drawn in this comparison: links across columns and single-span markers."""
        return list(self._connectors)

    def connector_count(self) -> int:
        """How many connectors link spans across columns."""
        return sum(1 for c in self._connectors if c.is_link)

    def annotation_at(self, column: int, offset: int | None) -> int | None:
        """The annotation with a span at `offset` of `column` (the latest drawn, where several are)."""
        if offset is None:
            return None
        for connector in reversed(self._connectors):
            for c, start, end in connector.ends:
                if c == column and start <= offset < end:
                    return connector.annotation_id
        return None

    def activate_annotation(self, annotation_id: int) -> None:
        self.annotation_activated.emit(annotation_id)

    def reveal_annotation(self, annotation_id: int) -> None:
        """Scroll the annotation's spans into view and flash them."""
        connector = next((c for c in self._connectors if c.annotation_id == annotation_id), None)
        if connector is None:
            return
        self._reveal(*connector.ends)
        self._flash = annotation_id
        self._flash_timer.start()
        self._layer.update()

    def _end_flash(self) -> None:
        self._flash = None
        self._layer.update()

    def _reveal(self, *spans: tuple[int, int, int]) -> None:
        """Scroll so the spans (column, start, end) are in view: all of them when they fit one screen,
        else the first, a third of the way down."""
        tops, bottoms = [], []
        for column, start, end in spans:
            view = self._columns[column]
            layout = view.document().documentLayout()
            first = layout.blockBoundingRect(view.document().findBlock(view.doc_position(start)))
            last = layout.blockBoundingRect(view.document().findBlock(view.doc_position(end)))
            tops.append(first.top())
            bottoms.append(last.bottom())
        if not tops:
            return
        height = self._columns[0].viewport().height()
        if max(bottoms) - min(tops) < height * 0.9:
            target = (min(tops) + max(bottoms)) / 2 - height / 2
        else:
            target = tops[0] - height / 3
        self._scroll_to(max(0, min(int(target), self._scrollbar.maximum())))
