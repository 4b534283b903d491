"""Render the sample dossier's Trump vs Sessions comparison in a plain QMainWindow at 1600×1000 to a PNG.

    .venv/bin/python tests/ui/render_workspace.py out.png [--dark] [--fake] [--panel]

Uses the real engine; --fake uses an analysis built by hand from the engine's own data types
(`hand_built_analysis`), so the widget can be looked at, and tested, independently of how the engine scores.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counterpoint.engine.model import Alignment, Analysis, CommonGround, ContrastPair


def span_of(text: str, quote: str) -> tuple[int, int]:
    """Where the first occurrence of quote stands in text."""
    start = text.index(quote)
    return (start, start + len(quote))


# Windows a test opened: pytest-qt holds widgets weakly, so a window must outlive the helper that made it;
# a test module closes them after each test with close_kept().
_KEPT: list[Any] = []


def keep(window: Any) -> Any:
    _KEPT.append(window)
    return window


def close_kept() -> None:
    for window in _KEPT:
        window.close()
    _KEPT.clear()


def hand_built_analysis(texts: list[str]) -> Analysis:
    """An analysis of the sample's Trump vs Sessions texts, in the engine's types, written by hand."""
    from counterpoint.ui.workspace_model import split_sentences

    sentences = tuple(split_sentences(t) for t in texts)
    trump, lawful, responsible = texts
    pairs = (
        ContrastPair(
            0,
            1,
            span_of(trump, "rough"),
            span_of(lawful, "in a lawful way"),
            "antonym",
            0.8,
            "rough treatment against acting lawfully",
        ),
        ContrastPair(
            0,
            1,
            span_of(trump, "don't be too nice"),
            span_of(lawful, "more careful"),
            "modality",
            0.7,
            "a request to hold back care against a call for more care",
        ),
        ContrastPair(
            0,
            2,
            span_of(trump, "thugs"),
            span_of(responsible, "officer responsible who violates the law"),
            "framing",
            0.5,
            "suspects called 'thugs' against officers held to the law",
        ),
    )
    common = (
        CommonGround(
            1, 2, span_of(lawful, "lawful"), span_of(responsible, "lawfully"), "both speak of lawful conduct"
        ),
    )
    # Alignments name sentences by their spans, as the engine's do.
    alignments = (
        Alignment(0, 1, sentences[0][1], sentences[1][1], 0.6),
        Alignment(1, 2, sentences[1][1], sentences[2][0], 0.5),
        Alignment(0, 2, sentences[0][1], sentences[2][0], 0.4),
    )
    return Analysis(tuple(texts), sentences, alignments, pairs, common, {})


def real_analysis(texts: list[str]) -> Analysis:
    from counterpoint.engine import analyse

    return analyse(texts)


def build(project: Any, comparison_id: int = 1, *, fake: bool = False, panel: bool = False) -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMainWindow

    from counterpoint.ui.workspace import ComparisonWorkspace

    comparison = project.comparison(comparison_id)
    statements = [project.statement(i) for i in comparison.statement_ids]
    texts = [s.text for s in statements]
    analysis = hand_built_analysis(texts) if fake else real_analysis(texts)
    window = QMainWindow()
    workspace = ComparisonWorkspace()
    window.setCentralWidget(workspace)
    window.resize(1600, 1000)
    workspace.set_comparison(
        statements, analysis, project.annotations(comparison_id), project.tags(), title=comparison.title
    )
    if panel:
        from PySide6.QtWidgets import QDockWidget

        from counterpoint.ui.annotations_panel import AnnotationsPanel

        annotations_panel = AnnotationsPanel()
        annotations_panel.set_annotations(project.annotations(comparison_id), statements, project.tags())
        annotations_panel.annotation_activated.connect(workspace.reveal_annotation)
        dock = QDockWidget("Annotations")
        dock.setWidget(annotations_panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.resizeDocks([dock], [380], Qt.Orientation.Horizontal)
    return window, workspace


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from counterpoint.store import Project
    from counterpoint.store.sample import write_sample

    out = Path(argv[0]) if argv else Path("workspace.png")
    app = QApplication.instance() or QApplication([])
    if "--dark" in argv:
        from PySide6.QtGui import QColor, QPalette

        pal = QPalette()
        for role, colour in (
            (QPalette.ColorRole.Window, "#1f2228"),
            (QPalette.ColorRole.Base, "#181a1f"),
            (QPalette.ColorRole.Text, "#e6e6e6"),
            (QPalette.ColorRole.WindowText, "#e6e6e6"),
            (QPalette.ColorRole.Button, "#2a2e35"),
            (QPalette.ColorRole.ButtonText, "#e6e6e6"),
            (QPalette.ColorRole.PlaceholderText, "#9aa3ad"),
            (QPalette.ColorRole.Mid, "#3a3f47"),
        ):
            pal.setColor(role, QColor(colour))
        app.setPalette(pal)  # type: ignore[attr-defined]
    with (
        tempfile.TemporaryDirectory() as tmp,
        Project.open(Path(tmp) / "p.counterpoint", create=True) as project,
    ):
        write_sample(project)
        window, workspace = build(project, fake="--fake" in argv, panel="--panel" in argv)
        window.show()
        app.processEvents()
        workspace.relayout_now()
        app.processEvents()
        window.grab().save(str(out))
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
