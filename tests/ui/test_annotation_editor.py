"""The annotation editor dialog: values for a pair, a single passage, editing, tags made on the fly."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from counterpoint.store.model import Annotation, Relation, Tag, Target, Verdict
from counterpoint.ui.annotation_editor import AnnotationEditor, Quote

TAGS = [Tag(1, "use of force", "#c0392b"), Tag(2, "accountability", "#2471a3")]
PAIR = [
    Quote("Donald Trump", "Please don't be too nice", "A"),
    Quote("Jeff Sessions", "in a lawful way", "B"),
]


def _editor(qtbot: Any, *args: Any, **kwargs: Any) -> AnnotationEditor:
    dialog = AnnotationEditor(*args, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def _button(dialog: AnnotationEditor, name: str) -> Any:
    from PySide6.QtWidgets import QPushButton

    return next(b for b in dialog.findChildren(QPushButton) if b.accessibleName() == name)


def test_a_new_pair_defaults_to_contradicts_and_returns_what_was_chosen(qtbot: Any) -> None:
    dialog = _editor(qtbot, PAIR, TAGS)
    assert dialog.values() == {"relation": Relation.CONTRADICTS, "verdict": None, "tags": [], "note": ""}
    qtbot.mouseClick(_button(dialog, "Verdict: Contradiction"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_button(dialog, "Tag use of force"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.note_edit, "Not gentle against lawful.")
    assert dialog.values() == {
        "relation": Relation.CONTRADICTS,
        "verdict": Verdict.CONTRADICTION,
        "tags": ["use of force"],
        "note": "Not gentle against lawful.",
    }


def test_choices_are_exclusive_and_can_be_cleared(qtbot: Any) -> None:
    dialog = _editor(qtbot, PAIR, TAGS)
    qtbot.mouseClick(_button(dialog, "Relation: Walks back"), Qt.MouseButton.LeftButton)
    assert dialog.values()["relation"] == Relation.WALKS_BACK
    qtbot.mouseClick(_button(dialog, "Relation: Walks back"), Qt.MouseButton.LeftButton)
    assert dialog.values()["relation"] is None
    qtbot.mouseClick(_button(dialog, "Verdict: Consistent"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_button(dialog, "Verdict: Unverifiable"), Qt.MouseButton.LeftButton)
    assert dialog.values()["verdict"] == Verdict.UNVERIFIABLE


def test_editing_prefills_from_the_annotation(qtbot: Any) -> None:
    annotation = Annotation(
        4,
        1,
        (Target(1, 1, 0, 5, "rough", "", ""), Target(2, 2, 0, 6, "lawful", "", "")),
        relation=Relation.CLARIFIES,
        verdict=Verdict.PARTLY_INCONSISTENT,
        note="Implied, not stated.",
        tags=("accountability", "retired tag"),
    )
    dialog = _editor(qtbot, PAIR, TAGS, annotation=annotation)
    values = dialog.values()
    assert values["relation"] == Relation.CLARIFIES
    assert values["verdict"] == Verdict.PARTLY_INCONSISTENT
    assert values["note"] == "Implied, not stated."
    assert sorted(values["tags"]) == ["accountability", "retired tag"]
    assert dialog.windowTitle() == "Edit annotation"


def test_single_passage_needs_no_relation(qtbot: Any) -> None:
    dialog = _editor(qtbot, [("Jeff Sessions", "hold any officer responsible")], TAGS)
    assert dialog.values()["relation"] is None
    dialog.note_edit.setPlainText("  Check the transcript.  ")
    assert dialog.values()["note"] == "Check the transcript."


def test_a_tag_made_on_the_fly_is_selected_with_its_colour(qtbot: Any) -> None:
    dialog = _editor(qtbot, PAIR, TAGS)
    dialog.set_new_tag_colour("#117a65")
    qtbot.keyClicks(dialog.new_tag_edit, "police  conduct")
    qtbot.keyClick(dialog.new_tag_edit, Qt.Key.Key_Return)
    assert dialog.values()["tags"] == ["police conduct"]
    assert dialog.new_tags() == {"police conduct": "#117a65"}
    # Typing an existing tag's name ticks that tag rather than making a duplicate.
    qtbot.keyClicks(dialog.new_tag_edit, "Use Of Force")
    qtbot.keyClick(dialog.new_tag_edit, Qt.Key.Key_Return)
    assert sorted(dialog.values()["tags"]) == ["police conduct", "use of force"]
    assert list(dialog.new_tags()) == ["police conduct"]


def test_ctrl_return_accepts(qtbot: Any) -> None:
    dialog = _editor(qtbot, PAIR, TAGS)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_many_tags_wrap_above_the_new_tag_field(qtbot: Any) -> None:
    names = [f"topic {i}" for i in range(40)]
    dialog = _editor(qtbot, PAIR, [Tag(i, n, "#2471a3") for i, n in enumerate(names)])
    dialog.show()
    qtbot.waitExposed(dialog)
    area = dialog._chip_area
    qtbot.waitUntil(lambda: area.height() > 40)  # more than one row of chips
    assert area.height() <= area.MAX_HEIGHT
    area_bottom = area.mapTo(dialog, area.rect().bottomLeft()).y()
    field_top = dialog.new_tag_edit.mapTo(dialog, dialog.new_tag_edit.rect().topLeft()).y()
    assert area_bottom < field_top
