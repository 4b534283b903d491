"""The annotations panel's item model (no window) and the panel's signals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from counterpoint.store.model import Annotation, Relation, Statement, Tag, Target, Verdict
from counterpoint.ui.annotations_model import AnnotationsModel, QuoteLine, Roles
from counterpoint.ui.annotations_panel import AnnotationsPanel

TRUMP = Statement(1, 1, "Donald Trump", "I said, 'Please don't be too nice.'")
SESSIONS = Statement(2, 2, "Jeff Sessions", "making sure we're doing it in a lawful way.")
TAGS = [Tag(1, "use of force", "#c0392b"), Tag(2, "accountability", "#2471a3")]


def _annotation(id: int = 5, anchored: bool = True, **fields: Any) -> Annotation:
    targets = (
        Target(1, 1, 9, 33, "Please don't be too nice", "I said, '", ".'"),
        Target(2, 2, 27, 42, "in a lawful way", "doing it ", ".", anchored),
    )
    return Annotation(id, 1, targets, **fields)


def test_rows_carry_quotes_verdict_tags_and_note_first_line(qapp: Any) -> None:
    model = AnnotationsModel()
    annotation = _annotation(
        relation=Relation.CONTRADICTS,
        verdict=Verdict.CONTRADICTION,
        tags=("use of force",),
        note="Not gentle against lawful.\nSecond paragraph.",
    )
    model.set_annotations([annotation], [TRUMP, SESSIONS], TAGS)
    assert model.rowCount() == 1
    index = model.index(0)
    assert index.data(Roles.ANNOTATION_ID) == 5
    assert index.data(Roles.QUOTES) == [
        QuoteLine("A", "Donald Trump", "Please don't be too nice", True),
        QuoteLine("B", "Jeff Sessions", "in a lawful way", True),
    ]
    assert index.data(Roles.RELATION) == "contradicts"
    assert index.data(Roles.VERDICT) == "contradiction"
    assert index.data(Roles.TAGS) == [("use of force", "#c0392b")]
    assert index.data(Roles.NOTE) == "Not gentle against lawful."
    assert index.data(Roles.UNANCHORED) == 0
    summary = index.data(Qt.ItemDataRole.DisplayRole)
    assert "Contradicts · Contradiction" in summary
    assert "“Please don't be too nice” (Donald Trump) ↔ “in a lawful way” (Jeff Sessions)" in summary


def test_unanchored_targets_are_flagged(qapp: Any) -> None:
    model = AnnotationsModel()
    model.set_annotations([_annotation(anchored=False)], [TRUMP, SESSIONS])
    index = model.index(0)
    assert index.data(Roles.UNANCHORED) == 1
    assert index.data(Roles.QUOTES)[1].anchored is False
    assert "no longer found" in index.data(Qt.ItemDataRole.DisplayRole)


def test_single_span_note_and_long_quotes_are_shortened(qapp: Any) -> None:
    long = "word " * 40
    annotation = Annotation(9, 1, (Target(1, 1, 0, len(long), long, "", ""),), note="Check this.")
    model = AnnotationsModel()
    model.set_annotations([annotation], [TRUMP])
    quote = model.index(0).data(Roles.QUOTES)[0]
    assert quote.quote.endswith("…") and len(quote.quote) <= 70
    assert model.index(0).data(Roles.RELATION) == ""
    assert model.row_of(9) == 0 and model.row_of(10) is None


def test_accepted_suggestions_keep_their_kind(qapp: Any) -> None:
    model = AnnotationsModel()
    model.set_annotations([_annotation(origin="engine", kind="framing")], [TRUMP, SESSIONS])
    assert model.index(0).data(Roles.ORIGIN) == "engine"
    assert model.index(0).data(Roles.KIND) == "framing"


def test_reset_replaces_rows(qapp: Any) -> None:
    model = AnnotationsModel()
    model.set_annotations([_annotation(1), _annotation(2)], [TRUMP, SESSIONS])
    assert model.rowCount() == 2
    model.set_annotations([], [TRUMP, SESSIONS])
    assert model.rowCount() == 0


def test_panel_click_edit_and_delete_emit_annotation_ids(qtbot: Any) -> None:
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    panel.resize(380, 500)
    panel.set_annotations(
        [_annotation(3), _annotation(4, verdict=Verdict.CONSISTENT)], [TRUMP, SESSIONS], TAGS
    )
    panel.show()
    qtbot.waitExposed(panel)
    rect = panel.view.visualRect(panel.model.index(1))
    with qtbot.waitSignal(panel.annotation_activated) as clicked:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == [4]
    assert panel.current_annotation() == 4
    with qtbot.waitSignal(panel.edit_requested) as edit:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert edit.args == [4]
    with qtbot.waitSignal(panel.delete_requested) as delete:
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert delete.args == [4]
    # A redraw after an edit keeps the selection on the same annotation.
    panel.set_annotations([_annotation(3), _annotation(4)], [TRUMP, SESSIONS], TAGS)
    assert panel.current_annotation() == 4


def test_panel_cards_are_tall_enough_for_their_lines(qtbot: Any) -> None:
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    plain = _annotation(1)
    full = _annotation(
        2, verdict=Verdict.CONTRADICTION, tags=("use of force",), note="A note.", anchored=False
    )
    panel.set_annotations([plain, full], [TRUMP, SESSIONS], TAGS)
    heights = [panel.view.sizeHintForIndex(panel.model.index(row)).height() for row in range(2)]
    assert heights[1] > heights[0]


def test_the_panel_sums_up_the_verdicts_most_severe_first(qapp: Any) -> None:
    from counterpoint.ui.annotations_panel import verdict_summary

    def tagged(id: int, verdict: Verdict | None) -> Annotation:
        return Annotation(id, 1, (), verdict=verdict)

    annotations = [
        tagged(1, Verdict.CONSISTENT),
        tagged(2, Verdict.CONTRADICTION),
        tagged(3, None),
        tagged(4, Verdict.CONTRADICTION),
    ]
    assert verdict_summary(annotations) == "2 contradictions · 1 consistent · 1 without verdict"
    panel = AnnotationsPanel()
    panel.set_annotations(annotations, [])
    assert panel._title.text() == "4 annotations"
    assert panel._summary.text() == verdict_summary(annotations)
    panel.set_annotations([], [])
    assert panel._summary.isHidden()
