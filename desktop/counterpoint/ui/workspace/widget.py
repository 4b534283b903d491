"""The comparison workspace: statements side by side on shared rows, with contrasts, diffs and annotations.

Each statement is a read-only text column; sentences the engine aligned sit on the same row (the rows are
padded to equal heights), so one scroll position fits every column. Highlights are character formats;
annotations are drawn on a transparent layer above the columns as connectors, the way Meld links its
panes. The widget never writes to the project: it reports what the user asked for through signals.
This module composes the parts (column, header, connectors, overview, legend, toolbar, state).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from counterpoint.store.model import Annotation, Statement, Tag
from counterpoint.ui.palette import palette_for, readable_text_on
from counterpoint.ui.workspace.column import ColumnText
from counterpoint.ui.workspace.connectors import Connector
from counterpoint.ui.workspace.frame import build_frame
from counterpoint.ui.workspace.header import ColumnHeader
from counterpoint.ui.workspace.interaction import WorkspaceInteraction
from counterpoint.ui.workspace.legend import Legend
from counterpoint.ui.workspace.look import (
    COLUMN_LETTERS,
    DOCUMENT_MARGIN,
    GUTTER,
    MAX_COLUMNS,
    MAX_WORD_CHARS,
    MIN_COLUMN_CHARS,
    RELATION_MARKS,
    reading_font,
)
from counterpoint.ui.workspace.overview import OverviewMap, overview_marks
from counterpoint.ui.workspace.planner import Planner
from counterpoint.ui.workspace.rows import SLICE_SECONDS, RowFiller
from counterpoint.ui.workspace.state import SelectionState, SuggestionState, legend_key
from counterpoint.ui.workspace.toolbar import WorkspaceToolbar, make_actions
from counterpoint.ui.workspace_model import (
    AnalysisLike,
    ComparisonPlan,
    Highlight,
    Row,
    plan_comparison,
)

# Up to this many characters in all, a comparison is laid out on the GUI thread at once (a few ms).
PLAN_ON_GUI_THREAD_CHARS = 40_000
ROWS_AT_ONCE = 120  # rows padded in one go; more are padded a slice of time at a time
EMPTY_TEXT = (
    "This comparison has no statements yet.\nDrag two to four from the library onto this space, "
    "or select them there and press Ctrl+Shift+A."
)


@dataclass
class _Request:
    """A comparison asked for, waiting for its layout."""

    statements: list[Statement]
    annotations: list[Annotation]
    tags: list[Tag]
    title: str


class ComparisonWorkspace(WorkspaceInteraction):
    """Two to four statements side by side, their contrasts highlighted, annotations linked across columns.

    The main window calls `set_comparison` when a comparison opens and `set_annotations` after any edit of
    its annotations; it listens to `tag_requested`, `suggestion_accepted` and `annotation_activated`. The
    actions (`tag_action`, `accept_suggestion_action`, ...) carry the shortcuts; a menu may show them too.
    """

    rebuilt = Signal()  # new columns or legend chips: the window puts them in its Tab order again
    filled = Signal()  # every row is laid out (a long comparison shows its first screen before)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Comparison workspace")
        self.colours = palette_for(self.palette())
        self._statements: list[Statement] = []
        self._analysis: AnalysisLike | None = None
        self._annotations: list[Annotation] = []
        self._tags: dict[str, Tag] = {}
        self._columns: list[ColumnText] = []
        self._headers: list[ColumnHeader] = []
        self._rows: list[Row] = []
        self._highlights: list[list[Highlight]] = []
        self._connectors: list[Connector] = []
        self._picks = SelectionState()
        self._suggestions = SuggestionState()
        self._flash: int | None = None
        self._syncing = False
        self._zoom = 0
        self._min_column_width = 0
        self._hidden: set[str] = set()  # highlight kinds switched off in the legend
        self._longest_words: tuple[str, ...] = ()
        self._request: _Request | None = None  # a comparison being laid out off the GUI thread
        self._kept_scroll: int | None = None  # where to scroll once the rows reach that far
        self._filler = RowFiller([], 0)
        self._planner = Planner(self)
        self._planner.planned.connect(self._show)
        self._planner.failed.connect(self._plan_failed)

        self._relayout_timer = self._timer(0, self._relayout)
        # 1 ms, not 0: a zero timer that restarts itself runs again before the other timers get a turn.
        self._fill_timer = self._timer(1, self._fill)
        self._flash_timer = self._timer(1400, self._end_flash)
        self._overview_timer = self._timer(0, self._show_overview_if_useful)

        acts = make_actions(
            self,
            tag=self.request_tag,
            accept=self.accept_current_suggestion,
            next_=self.next_suggestion,
            previous=self.previous_suggestion,
            clear=self.clear_selection,
            copy_quote=self.copy_quote_with_source,
        )
        self.tag_action = acts.tag
        self.accept_suggestion_action = acts.accept_suggestion
        self.next_suggestion_action = acts.next_suggestion
        self.previous_suggestion_action = acts.previous_suggestion
        self.clear_selection_action = acts.clear_selection
        self.copy_quote_action = acts.copy_quote
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self._toolbar = WorkspaceToolbar(acts)
        outer.addWidget(self._toolbar)
        # Shown for a comparison without statements (the window has its own word for no comparison).
        self._empty = QLabel(EMPTY_TEXT)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setObjectName("workspaceEmpty")
        outer.addWidget(self._empty, 1)
        frame = build_frame(self, lambda: self.colours)
        self._body, self._grid, self._scrollbar = frame.body, frame.grid, frame.scrollbar
        self._overview, self._side, self._side_top = frame.overview, frame.side, frame.side_top
        self._layer, self._scroller, self._view = frame.layer, frame.scroller, frame.view
        self._legend_bar, self._legend, self._selection_label = (
            frame.legend_bar,
            frame.legend,
            frame.selection,
        )
        self._suggestion_label = frame.suggestion
        self._scrollbar.valueChanged.connect(self._scroll_to)
        self._body.installEventFilter(self)
        self._legend.kind_toggled.connect(self.set_kind_visible)
        outer.addWidget(self._view, 1)
        outer.addWidget(self._legend_bar)
        self._view.hide()
        self._legend_bar.hide()
        self._update_actions()

    def _timer(self, interval: int, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # -- what tests and accessibility tools may look at ---------------------------------------------

    def focus_chain(self) -> list[QWidget]:
        """Tab order inside the workspace, as a reader goes: the buttons above, the columns left to right,
        then the legend's switches below."""
        return [*self._toolbar.buttons, *self._columns, *self._legend.chips()]

    def statements(self) -> list[Statement]:
        """The statements shown, left to right."""
        return list(self._statements)

    def column_views(self) -> list[ColumnText]:
        """The statement columns, left to right (their text views)."""
        return list(self._columns)

    def column_headers(self) -> list[ColumnHeader]:
        """The headers above the columns, left to right."""
        return list(self._headers)

    def columns_area(self) -> QWidget:
        """The widget the headers and columns are laid out in (it scrolls sideways when they do not fit)."""
        return self._body

    def toolbar(self) -> WorkspaceToolbar:
        return self._toolbar

    def legend(self) -> Legend:
        return self._legend

    def suggestion_label(self) -> QLabel:
        """The line under the columns that names the suggestion in hand: n of m, its reason, its pair."""
        return self._suggestion_label

    def selection_label(self) -> QLabel:
        """The line under the columns that says what is selected and what to do with it."""
        return self._selection_label

    def empty_label(self) -> QLabel:
        """What the workspace says for a comparison without statements."""
        return self._empty

    def overview(self) -> OverviewMap:
        """The strip beside the scrollbar that maps the whole comparison."""
        return self._overview

    def overview_marks(self) -> int:
        """How many marks the overview beside the scrollbar shows (for tests)."""
        return len(self._overview.marks)

    def column_widths(self) -> list[int]:
        """Each statement column's width on screen, in pixels (its text area)."""
        return [c.viewport().width() for c in self._columns]

    def scrolls_sideways(self) -> bool:
        """The columns are wider than the workspace and scroll horizontally."""
        return self._scroller.horizontalScrollBar().maximum() > 0

    def scroll_value(self) -> int:
        return self._scrollbar.value()

    def hidden_kinds(self) -> set[str]:
        return set(self._hidden)

    def flashing_annotation(self) -> int | None:
        return self._flash

    # -- building ------------------------------------------------------------------------------

    def set_comparison(
        self,
        statements: Sequence[Statement],
        analysis: AnalysisLike | None,
        annotations: Sequence[Annotation] = (),
        tags: Sequence[Tag] = (),
        *,
        title: str = "",
    ) -> None:
        """Show a comparison: its statements in order, the engine's analysis of their texts (or None while
        it runs; call again when it lands), and the comparison's annotations with the project's tags.

        A long comparison is laid out on a worker thread, then shown a screen first and filled in slices
        (`filled` says when it is all there); the window answers all along."""
        statements = list(statements)[:MAX_COLUMNS]
        texts = [s.text for s in statements]
        self._request = _Request(statements, list(annotations), list(tags), title)
        if sum(len(t) for t in texts) <= PLAN_ON_GUI_THREAD_CHARS:
            self._planner.cancel()
            self._show(plan_comparison(texts, analysis), budget=None)
            return
        if [(s.id, s.text) for s in statements] != [(s.id, s.text) for s in self._statements]:
            words = sum(len(t.split()) for t in texts)
            self._clear_columns()
            self._statements = []
            self._empty.setText(f"Laying out {len(statements)} statements, {words:,} words…")
            self._view.hide()
            self._legend_bar.hide()
            self._empty.show()
        self._planner.plan(texts, analysis)

    def _plan_failed(self) -> None:
        request = self._request
        if request is not None:  # show the statements plainly rather than not at all
            self._show(plan_comparison([s.text for s in request.statements], None), budget=SLICE_SECONDS)

    def _clear_columns(self) -> None:
        self._fill_timer.stop()
        for widget in (*self._columns, *self._headers):
            # Out of the tree at once (the old columns must not take part in this layout), deleted later
            # because this may run inside one of their own event handlers.
            widget.hide()
            self._grid.removeWidget(widget)
            widget.setParent(None)
            widget.deleteLater()
        self._columns, self._headers = [], []
        self._filler = RowFiller([], 0)

    def _show(self, plan: ComparisonPlan, budget: float | None = SLICE_SECONDS) -> None:
        request = self._request
        if request is None:
            return
        self._request = None
        statements = request.statements
        # The same statements again (the analysis has landed, a tag was renamed): keep the user's place.
        same = [(s.id, s.text) for s in statements] == [(s.id, s.text) for s in self._statements]
        kept_picks = self._picks.copy() if same else SelectionState()
        self._kept_scroll = self._scrollbar.value() if same else 0
        self._statements = statements
        self._analysis = plan.analysis
        self._toolbar.set_title(request.title)
        self._picks.clear()
        self._suggestions.clear()
        self.colours = palette_for(self.palette())
        self._clear_columns()
        self._rows = plan.rows
        self._highlights = plan.highlights
        self._longest_words = plan.longest_words
        font = self._reading_font()
        for i, statement in enumerate(statements):
            header = ColumnHeader(i, statement)
            column = ColumnText(self, i)
            column.setAccessibleName(f"Statement {COLUMN_LETTERS[i]}: {statement.speaker}")
            column.clicked.connect(self._clicked)
            column.picked.connect(self._picked)
            column.hovered.connect(self._hover)
            column.resized.connect(self._relayout_timer.start)
            column.zoom_requested.connect(self.zoom)
            column.begin(statement.text, plan.segments[i], plan.maps[i], self._rows, font)
            column.apply_highlights(self._visible(i), self.colours)
            column.verticalScrollBar().valueChanged.connect(self._scroll_to)
            column.verticalScrollBar().rangeChanged.connect(self._sync_range)
            # Statements sit in even grid columns; the odd ones between them are the gutters.
            self._grid.addWidget(header, 0, 2 * i)
            self._grid.addWidget(column, 1, 2 * i)
            self._grid.setColumnStretch(2 * i, 1)
            self._grid.setColumnMinimumWidth(2 * i + 1, GUTTER if i + 1 < len(statements) else 4)
            self._headers.append(header)
            self._columns.append(column)
        for i in range(2 * len(statements), 2 * MAX_COLUMNS + 2):
            self._grid.setColumnStretch(i, 0)
            if i > 2 * len(statements):
                self._grid.setColumnMinimumWidth(i, 0)
        self._filler = RowFiller(self._columns, len(self._rows))
        self._update_min_widths()
        self._view.setVisible(bool(statements))
        self._legend_bar.setVisible(bool(statements))
        self._empty.setText(EMPTY_TEXT)
        self._empty.setVisible(not statements)
        self._apply_header_style()
        self._rebuild_legend()
        self.set_annotations(request.annotations, request.tags)
        self._picks = kept_picks
        if budget is None:
            self._relayout(None)
        else:  # a long text: the first screen on the next turn of the event loop, the rest in slices
            self._relayout_timer.start()
        self._update_selection_label()
        self._update_actions()
        self.rebuilt.emit()

    def is_filled(self) -> bool:
        """Every row of the comparison is laid out (a long one fills in after its first screen)."""
        return self._request is None and self._filler.done()

    def set_annotations(self, annotations: Sequence[Annotation], tags: Sequence[Tag] = ()) -> None:
        """Redraw the annotations (after an edit, an undo, a redo); the text and highlights stay."""
        if self._request is not None:  # a comparison being laid out: these are its annotations
            self._request.annotations = list(annotations)
            self._request.tags = list(tags) or self._request.tags
            return
        self._annotations = list(annotations)
        if tags:
            self._tags = {t.name: t for t in tags}
        columns = {s.id: i for i, s in enumerate(self._statements)}
        connectors = []
        for annotation in self._annotations:
            # A span whose quote is no longer in its corrected statement has no place in the text: its
            # stored offsets now point at other words. It is left out (the panel flags it); the rest of
            # the annotation is drawn dashed.
            ends = tuple(
                (columns[t.statement_id], t.start, t.end)
                for t in annotation.targets
                if t.statement_id in columns and t.anchored
            )
            if not ends:
                continue
            connectors.append(
                Connector(
                    annotation.id,
                    ends,
                    self._annotation_colour(annotation).name(),
                    all(t.anchored for t in annotation.targets),
                    RELATION_MARKS.get(annotation.relation.value, "") if annotation.relation else "",
                )
            )
        self._connectors = connectors
        for column in self._columns:
            self._update_extra_selections(column)
        self._update_overview()
        self._layer.update()

    def _annotation_colour(self, annotation: Annotation) -> QColor:
        if annotation.verdict is not None:
            return self.colours.verdict_colour(annotation.verdict)
        for name in annotation.tags:
            if name in self._tags:
                return QColor(self._tags[name].colour)
        return QColor(self.colours.connector_default)

    def _apply_header_style(self) -> None:
        pal = self.palette()
        muted = pal.color(QPalette.ColorRole.PlaceholderText).name()
        accent = self.colours.selection_line
        self._body.setStyleSheet(
            f"#columnHeader {{ background: {pal.color(QPalette.ColorRole.Base).name()};"
            f" border-bottom: 1px solid {pal.color(QPalette.ColorRole.Mid).name()};"
            " border-top-left-radius: 6px; border-top-right-radius: 6px; }"
            f"#columnRole, #columnOccasion, #columnSource {{ color: {muted}; }}"
            f"#columnBadge {{ background: {accent}; color: {readable_text_on(QColor(accent)).name()};"
            " border-radius: 11px; font-weight: bold; }"
        )
        self._empty.setStyleSheet(f"color: {muted}; font-size: 14pt;")

    def _rebuild_legend(self) -> None:
        self._legend.rebuild(
            self._highlights, self.colours, self._hidden, len(self._statements), self._analysis is not None
        )

    def set_kind_visible(self, kind: str, visible: bool) -> None:
        """Show or hide one kind of highlight ('negation' …, 'common', 'insert', 'delete', 'move')."""
        if visible == (kind not in self._hidden):
            return
        if visible:
            self._hidden.discard(kind)
        else:
            self._hidden.add(kind)
        self._reapply_highlights()
        self._update_overview()
        self._suggestions.drop_hidden(lambda h: legend_key(h) in self._hidden)
        self._update_actions()
        self._layer.update()

    def _visible(self, column: int) -> list[Highlight]:
        return [h for h in self._highlights[column] if legend_key(h) not in self._hidden]

    def _reapply_highlights(self) -> None:
        for i, column in enumerate(self._columns):
            cursor = QTextCursor(column.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.setCharFormat(QTextCharFormat())
            column.apply_highlights(self._visible(i), self.colours)

    # -- layout and scrolling ------------------------------------------------------------------

    def relayout_now(self) -> None:
        """Lay every row out again at once (after a resize this happens a slice at a time)."""
        self._relayout(None, force=True)

    def _relayout(self, budget: float | None = SLICE_SECONDS, *, force: bool = False) -> None:
        """Pad the rows again from the top if the width changed (or `force`: the font did) and go on
        filling: at once for a short comparison or when `budget` is None, else a slice now and the rest
        after."""
        if not self._columns:
            return
        self._filler.restart(force)
        if len(self._rows) <= ROWS_AT_ONCE:
            budget = None
        self._fill_timer.stop()
        self._fill(budget)
        self._place_layer()
        top = self._columns[0].mapTo(self._body, QPoint(0, 0)).y()
        if self._side_top.height() != top:
            self._side_top.setFixedHeight(max(0, top))

    def _fill(self, budget: float | None = SLICE_SECONDS) -> None:
        more = self._filler.step(budget)
        self._sync_range()
        if self._kept_scroll is not None and self._scrollbar.maximum() >= self._kept_scroll:
            self._scroll_to(self._kept_scroll)
            self._kept_scroll = None
        # Rows padded below the screen change nothing on it: no repaint for them.
        shown = self._columns[0].visible_rows(0, self._columns[0].viewport().height())
        if not more or self._filler.last_start <= (shown.stop if shown else 0):
            for column in self._columns:
                column.viewport().update()
            self._layer.update()
        if more:
            self._fill_timer.start()
            return
        for column in self._columns:
            self._update_extra_selections(column)
        if self._kept_scroll is not None:
            self._scroll_to(min(self._kept_scroll, self._scrollbar.maximum()))
            self._kept_scroll = None
        self._update_overview()
        self.filled.emit()

    def _update_overview(self) -> None:
        if not self._filler.done():
            return  # drawn once every row is in (the end of the fill calls this)
        highlights = [self._visible(c) for c in range(len(self._columns))]
        self._overview.set_marks(overview_marks(self._columns, highlights, self._connectors, self.colours))

    def _sync_range(self) -> None:
        if not self._columns:
            return
        bar = self._columns[0].verticalScrollBar()
        maximum = max(c.verticalScrollBar().maximum() for c in self._columns)
        self._scrollbar.setRange(0, maximum)
        # A map of what is all on screen anyway is noise. Shown or hidden after this event: this runs while
        # the grid lays the columns out (a column's reflow changes its range), and a child appearing in the
        # middle of that left the columns after it where they were.
        self._overview_timer.start()
        self._scrollbar.setPageStep(bar.pageStep())
        self._scrollbar.setSingleStep(bar.singleStep())

    def _show_overview_if_useful(self) -> None:
        self._overview.setVisible(self._scrollbar.maximum() > 0)

    def _scroll_to(self, value: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            for column in self._columns:
                column.verticalScrollBar().setValue(value)
            self._scrollbar.setValue(value)
        finally:
            self._syncing = False
        self._layer.update()
        self._overview.update()

    def zoom(self, steps: int) -> None:
        """Make the statements' text larger (steps > 0) or smaller, in every column alike."""
        self._zoom = max(-4, min(8, self._zoom + steps))
        font = self._reading_font()
        for column in self._columns:
            column.document().setDefaultFont(font)
        self._update_min_widths()
        self._relayout(force=True)

    def _update_min_widths(self) -> None:
        """Give every column the width of twelve average characters, or of the statements' longest word
        (up to eighteen characters) when that is wider, so no word breaks in two."""
        metrics = QFontMetricsF(self._reading_font())
        average = metrics.averageCharWidth()
        longest = max(
            (metrics.horizontalAdvance(w[:MAX_WORD_CHARS]) for w in self._longest_words), default=0.0
        )
        text_width = max(average * MIN_COLUMN_CHARS, longest)
        # The document's margins on both sides, and a pixel or two for rounding of the glyph advances.
        width = math.ceil(text_width + 2 * DOCUMENT_MARGIN + 4)
        self._min_column_width = width
        for column, header in zip(self._columns, self._headers, strict=True):
            column.setMinimumWidth(width)
            header.setMinimumWidth(width)

    def column_minimum_width(self) -> int:
        """The narrowest a statement column gets (it scrolls sideways rather than go narrower)."""
        return self._min_column_width

    def minimum_columns_width(self) -> int:
        """The width the workspace needs to show every column at its minimum width without scrolling."""
        if not self._columns:
            return 0
        margins = self._grid.contentsMargins()
        columns = len(self._columns)
        side = self._side.sizeHint().width() + 4
        return (
            margins.left()
            + margins.right()
            + columns * self._min_column_width
            + (columns - 1) * GUTTER
            + 4
            + side
        )

    def _reading_font(self) -> QFont:
        return reading_font(self.font(), self._zoom)

    def _place_layer(self) -> None:
        self._layer.setGeometry(self._body.rect())
        self._layer.raise_()
        self._layer.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._body and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place_layer()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and palette_for(self.palette()) is not self.colours:
            self._recolour()

    def _recolour(self) -> None:
        """A switch between light and dark themes: re-colour highlights, legend and connectors in place."""
        self.colours = palette_for(self.palette())
        self._reapply_highlights()
        self._apply_header_style()
        self._rebuild_legend()
        self.set_annotations(self._annotations)
        self.rebuilt.emit()
