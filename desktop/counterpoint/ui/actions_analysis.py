"""The analysis of the open comparison: run it off the GUI thread, keep recent results, show its progress
in the header, cancel it, run it again (F5)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer

from counterpoint.store import Statement
from counterpoint.ui.actions import ActionGroup, ActionSpec
from counterpoint.ui.wording import found, shorten
from counterpoint.ui.workers import AnalysisRunner

PLAIN_TEXT_DELAY_MS = 120
ANALYSES_KEPT = 24  # analyses kept for comparisons opened again in this session


class AnalysisActions(ActionGroup):
    TITLE = "Analysis"

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.runner = AnalysisRunner(window)
        self._analyses: dict[tuple[str, ...], Any] = {}
        self._analysing_for: tuple[int, tuple[str, ...]] | None = None
        self._plain_timer = QTimer(self)
        self._plain_timer.setSingleShot(True)
        self._plain_timer.setInterval(PLAIN_TEXT_DELAY_MS)
        self._plain_timer.timeout.connect(window.show_comparison)
        self.runner.started.connect(lambda _g: self.set_analysing(True))
        self.runner.progress.connect(window.header.set_progress)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(lambda _g: self._cancelled())
        window.header.cancel_button.clicked.connect(self.cancel)

    @property
    def pending(self) -> bool:
        """An analysis of the open comparison is running or about to start."""
        return self._analysing_for is not None

    @property
    def waiting_to_redraw(self) -> bool:
        """The workspace still shows the texts from before an edit and is about to be rebuilt."""
        return self._plain_timer.isActive()

    def forget(self) -> None:
        """Another project: no analysis kept is of its texts."""
        self._analyses.clear()

    def show(self, comparison_id: int, statements: list[Statement], *, painted: bool) -> None:
        """Show the comparison with its analysis: at once when known, else when the worker is done."""
        window = self.window
        texts = tuple(s.text for s in statements)
        cached = self._analyses.get(texts)
        window.current_analysis = cached
        if cached is None and len(statements) >= 2:
            self._analysing_for = (comparison_id, texts)
            self.set_analysing(True)
            if painted:
                # Most analyses land within a moment: build the columns once, with their highlights.
                # A long one shows the plain text first (after PLAIN_TEXT_DELAY_MS), highlights later.
                self._plain_timer.start()
                self.runner.analyse(texts)
            else:
                # Before the first paint: show the text now, analyse after, so the window appears at once.
                window.show_comparison()
        else:
            # Nothing to analyse here (one statement, or the analysis is at hand): an analysis still
            # pending for the comparison open before must not be started or reported as this one's.
            self._analysing_for = None
            self._plain_timer.stop()
            window.show_comparison()
            self.set_analysing(False)

    def start_after_first_paint(self) -> None:
        if self._analysing_for is not None and not self.runner.busy:
            self.runner.analyse(self._analysing_for[1])

    def set_analysing(self, busy: bool) -> None:
        analysis = self.window.current_analysis
        status = found(analysis, short=True) if analysis is not None else ""
        if busy:
            status = "Analysing…"
        self.window.header.set_busy(busy, status)

    def _finished(self, _generation: int, analysis: Any) -> None:
        window = self.window
        if self._analysing_for is None or window.closed:
            return  # nothing asked for, or the window has shut its project since
        comparison_id, texts = self._analysing_for
        self._analysing_for = None
        self._analyses[texts] = analysis
        while len(self._analyses) > ANALYSES_KEPT:  # the oldest go first (dicts keep insertion order)
            del self._analyses[next(iter(self._analyses))]
        if comparison_id != window.current_comparison_id:
            return
        self._plain_timer.stop()
        window.current_analysis = analysis
        window.show_comparison()
        self.set_analysing(False)
        window.update_actions()
        # Which comparison, and what was found: "Analysis done" alone said nothing a user could use.
        comparison = window.comparison()
        name = f"“{shorten(comparison.title, 60)}”: " if comparison is not None else ""
        window.say(name + found(analysis, short=False), by_the_way=True)
        window.analysis_ready.emit(comparison_id)

    def _stopped(self, status: str) -> None:
        self._analysing_for = None
        if self._plain_timer.isActive():
            self._plain_timer.stop()
            self.window.show_comparison()
        self.set_analysing(False)
        self.window.header.status.setText(status)

    def _failed(self, _generation: int, message: str) -> None:
        self._stopped("Analysis failed")
        self.window.say(f"The analysis failed: {message}")

    def _cancelled(self) -> None:
        self._stopped("Analysis cancelled (F5 runs it again)")
        self.window.say("Analysis cancelled")

    def cancel(self) -> None:
        self.runner.cancel()

    def reanalyse(self) -> None:
        window = self.window
        comparison = window.comparison()
        if comparison is None:
            return
        self._analyses.pop(tuple(s.text for s in window.current_statements), None)
        window.open_comparison(comparison.id)

    ACTIONS = (
        ActionSpec("reanalyse", "Re-&analyse", lambda g: g.reanalyse(), "F5", "Run the analysis again",
                   enabled_when=lambda s: s.comparison_open, menu="Comparison", section="analysis"),
        ActionSpec("cancel_analysis", "&Cancel analysis", lambda g: g.cancel(), "Ctrl+.",
                   "Stop the running analysis", menu="Comparison", section="analysis"),
    )  # fmt: skip
