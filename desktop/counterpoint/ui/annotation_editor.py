"""The annotation editor: relation, verdict, tags and a note for one passage or a pair of passages.

A small dialog that shows the quotations it applies to and returns plain values; the main window turns
them into an undoable command, so the dialog never touches the project.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from counterpoint.store.model import Annotation, Relation, Tag, Verdict
from counterpoint.ui.dialog_keys import enter_does
from counterpoint.ui.palette import palette_for, readable_text_on
from counterpoint.ui.plain import tip
from counterpoint.ui.workspace_model import shorten

# Colours offered for a new tag, in turn; distinct from each other and legible under white text.
NEW_TAG_COLOURS = ("#2471a3", "#c0392b", "#7d3c98", "#1e8449", "#b9770e", "#117a65", "#a04000", "#5d6d7e")

RELATION_HINTS = {
    Relation.CONTRADICTS: "The second passage says the opposite of the first",
    Relation.WALKS_BACK: "The second passage retracts or softens the first",
    Relation.CLARIFIES: "The second passage explains or narrows the first",
    Relation.CONSISTENT_WITH: "The passages agree",
}


class Quote(NamedTuple):
    """A passage the annotation applies to, as the dialog shows it."""

    speaker: str
    text: str
    letter: str = ""  # the workspace column (A, B, …), when known
    anchored: bool = True


class _FlowLayout(QLayout):
    """Lays chips out left to right and wraps them, like words in a paragraph."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class _ChipArea(QScrollArea):
    """The tag chips, as many rows as they need up to about four; beyond that they scroll."""

    MAX_HEIGHT = 140

    def __init__(self, chips: QWidget, flow: _FlowLayout) -> None:
        super().__init__()
        self._flow = flow
        self.setWidget(chips)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _needed(self) -> int:
        width = max(200, self.viewport().width() - 4)
        return min(self.MAX_HEIGHT, self._flow.heightForWidth(width) + 4)

    def fit(self) -> None:
        self.setFixedHeight(self._needed())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.height() != self._needed():
            self.fit()


def _chip_style(colour: str, *, radius: int = 11) -> str:
    fill = QColor(colour)
    text = readable_text_on(fill).name()
    return (
        f"QPushButton {{ border: 1.5px solid {colour}; border-radius: {radius}px; padding: 3px 10px;"
        f" background: transparent; }}"
        f"QPushButton:checked {{ background: {colour}; color: {text}; }}"
        f"QPushButton:focus {{ border: 2px solid palette(highlight); }}"
    )


class AnnotationEditor(QDialog):
    """Relation, verdict, tags and note for one or two passages; prefilled when editing `annotation`."""

    def __init__(
        self,
        quotes: Sequence[Quote | tuple[str, str]],
        tags: Sequence[Tag] = (),
        *,
        annotation: Annotation | None = None,
        relation: Relation | None = None,
        verdict: Verdict | None = None,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.quotes = [q if isinstance(q, Quote) else Quote(*q) for q in quotes]
        self.pair = len(self.quotes) > 1
        self.colours = palette_for(self.palette())
        self._tag_colours: dict[str, str] = {t.name: t.colour for t in tags}
        self._new_tags: dict[str, str] = {}
        self._tag_buttons: dict[str, QPushButton] = {}
        if annotation is not None:
            relation, verdict, note = annotation.relation, annotation.verdict, annotation.note
        if self.pair and annotation is None and relation is None:
            relation = Relation.CONTRADICTS  # what a user tags a pair for, most of the time

        if annotation is not None:
            title = "Edit annotation"
        elif self.pair:
            title = "Tag the pair"
        else:
            title = "Annotate the passage"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(620)
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        outer.setContentsMargins(18, 16, 18, 14)

        for quote in self.quotes:
            outer.addWidget(self._quote_widget(quote))

        optional = "" if self.pair else " (optional)"
        self.relation_group = self._segmented(
            outer,
            f"&Relation{optional}",
            [(r, r.label.capitalize(), RELATION_HINTS[r], self.colours.selection_line) for r in Relation],
            relation,
        )
        self.verdict_group = self._segmented(
            outer,
            f"&Verdict{optional}",
            [
                (v, v.label, f"Verdict: {v.label.lower()}", self.colours.verdicts.get(v.value))
                for v in Verdict
            ],
            verdict,
        )

        tags_label = QLabel("T&ags")
        self._bold(tags_label)
        outer.addWidget(tags_label)
        self._chips = QWidget()
        self._chips.setAccessibleName("Tags")
        self._flow = _FlowLayout(self._chips)
        self._chip_area = _ChipArea(self._chips, self._flow)
        outer.addWidget(self._chip_area)
        chosen = set(annotation.tags) if annotation is not None else set()
        for tag in tags:
            self._add_chip(tag.name, tag.colour, checked=tag.name in chosen)
        for name in chosen - set(self._tag_colours):
            self._add_chip(name, "#7f8c8d", checked=True)
        self._chip_area.fit()

        new_row = QHBoxLayout()
        self.new_tag_edit = QLineEdit()
        self.new_tag_edit.setPlaceholderText("New tag — type a name and press Enter")
        self.new_tag_edit.setAccessibleName("New tag name")
        # Enter adds the tag and nothing more: it used to save and close the whole dialog as well.
        enter_does(self.new_tag_edit, self.add_new_tag)
        tags_label.setBuddy(self.new_tag_edit)
        self._new_colour = self._next_colour()
        self.colour_button = QToolButton()
        self.colour_button.setAccessibleName("New tag colour")
        self.colour_button.setToolTip("Colour of the new tag")
        self.colour_button.setFixedSize(28, 28)
        self.colour_button.clicked.connect(self._pick_colour)
        self._show_colour()
        add = QPushButton("Add tag")
        add.setAccessibleName("Add tag")
        add.setAutoDefault(False)
        add.clicked.connect(self.add_new_tag)
        new_row.addWidget(self.new_tag_edit, 1)
        new_row.addWidget(self.colour_button)
        new_row.addWidget(add)
        outer.addLayout(new_row)

        note_label = QLabel("&Note")
        self._bold(note_label)
        outer.addWidget(note_label)
        self.note_edit = QPlainTextEdit(note)
        self.note_edit.setPlaceholderText(
            "Why the passages conflict or agree, and what the record shows (dates, sources, context)…"
        )
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(110)
        note_label.setBuddy(self.note_edit)
        outer.addWidget(self.note_edit, 1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Save annotation" if annotation is not None else ("Tag" if self.pair else "Save note"))
        ok.setToolTip("Save (Ctrl+Return)")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel("Ctrl+Return saves")
        hint.setStyleSheet(f"color: {self.palette().color(QPalette.ColorRole.PlaceholderText).name()};")
        bottom = QHBoxLayout()
        bottom.addWidget(hint)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        outer.addLayout(bottom)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        # The note field would take Ctrl+Return as a line break when the shortcut map does not see it first.
        self.note_edit.installEventFilter(self)
        self.note_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.note_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    # -- building ------------------------------------------------------------------------------

    @staticmethod
    def _bold(label: QLabel) -> None:
        font = label.font()
        font.setBold(True)
        label.setFont(font)

    def _quote_widget(self, quote: Quote) -> QWidget:
        frame = QFrame()
        frame.setObjectName("quote")
        accent = self.colours.selection_line
        frame.setStyleSheet(
            f"#quote {{ border-left: 4px solid {accent}; background: {self.colours.row_band};"
            " border-radius: 3px; }"
        )
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(12, 6, 10, 8)
        layout.setSpacing(2)
        # Speaker and quotation are project data: plain text, never markup (see ui/plain.py).
        who = QLabel(" · ".join(p for p in (quote.letter, quote.speaker) if p))
        who.setTextFormat(Qt.TextFormat.PlainText)
        who.setStyleSheet(f"color: {accent}; font-weight: bold;")
        text = QLabel(f"“{shorten(quote.text, 400)}”")
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = text.font()
        font.setFamilies(["Source Serif 4", "Charter", "Georgia", "DejaVu Serif", "serif"])
        font.setPointSizeF(font.pointSizeF() * 1.1)
        text.setFont(font)
        layout.addWidget(who)
        layout.addWidget(text)
        if not quote.anchored:
            warning = QLabel("⚠ This quote is no longer in the statement's text.")
            warning.setStyleSheet(f"color: {self.colours.verdicts['contradiction']};")
            layout.addWidget(warning)
        frame.setAccessibleName(f"Quote from {quote.speaker}: {quote.text}")
        return frame

    def _segmented(
        self,
        outer: QVBoxLayout,
        title: str,
        options: list[tuple[Any, str, str, str | None]],
        selected: Any,
    ) -> QButtonGroup:
        """A row of toggle buttons where at most one is on; clicking the one that is on turns it off."""
        label = QLabel(title)
        self._bold(label)
        row = QHBoxLayout()
        row.setSpacing(6)
        group = QButtonGroup(self)
        group.setExclusive(False)
        for i, (value, text, hint, colour) in enumerate(options):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setToolTip(hint)
            button.setAccessibleName(f"{title.replace('&', '').split(' (')[0]}: {text}")
            button.setProperty("value", value.value)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setChecked(value == selected)
            if colour:
                button.setStyleSheet(_chip_style(colour, radius=6))
            group.addButton(button, i)
            row.addWidget(button)
            if i == 0:
                label.setBuddy(button)
        group.buttonToggled.connect(lambda button, on, g=group: self._exclusive(g, button, on))
        outer.addWidget(label)
        outer.addLayout(row)
        return group

    @staticmethod
    def _exclusive(group: QButtonGroup, button: QAbstractButton, on: bool) -> None:
        if on:
            for other in group.buttons():
                if other is not button and other.isChecked():
                    other.setChecked(False)

    def _add_chip(self, name: str, colour: str, *, checked: bool) -> QPushButton:
        button = QPushButton(name)
        button.setCheckable(True)
        button.setChecked(checked)
        button.setAutoDefault(False)
        button.setStyleSheet(_chip_style(colour))
        button.setAccessibleName(f"Tag {name}")
        button.setToolTip(tip(f"Tag “{name}”: click to add or remove"))
        self._flow.addWidget(button)
        self._tag_buttons[name] = button
        self._tag_colours.setdefault(name, colour)
        return button

    def _next_colour(self) -> str:
        used = {c.lower() for c in self._tag_colours.values()}
        for colour in NEW_TAG_COLOURS:
            if colour.lower() not in used:
                return colour
        return NEW_TAG_COLOURS[len(self._tag_colours) % len(NEW_TAG_COLOURS)]

    def _show_colour(self) -> None:
        self.colour_button.setStyleSheet(
            f"QToolButton {{ background: {self._new_colour}; border-radius: 14px; border: 2px solid palette(mid); }}"
        )

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self._new_colour), self, "Colour of the new tag")
        if colour.isValid():
            self.set_new_tag_colour(colour.name())

    def set_new_tag_colour(self, colour: str) -> None:
        self._new_colour = colour
        self._show_colour()

    # -- values --------------------------------------------------------------------------------

    def add_new_tag(self) -> None:
        """Make a tag from the name typed (or tick the existing one of that name) and select it."""
        name = " ".join(self.new_tag_edit.text().split())
        if not name:
            return
        existing = next((n for n in self._tag_buttons if n.casefold() == name.casefold()), None)
        if existing is not None:
            self._tag_buttons[existing].setChecked(True)
        else:
            self._new_tags[name] = self._new_colour
            self._add_chip(name, self._new_colour, checked=True)
            self._chip_area.fit()
            self._chip_area.ensureWidgetVisible(self._tag_buttons[name])
            self.set_new_tag_colour(self._next_colour())
        self.new_tag_edit.clear()

    def select_tags(self, names: Sequence[str]) -> None:
        for name in names:
            if name in self._tag_buttons:
                self._tag_buttons[name].setChecked(True)

    def _checked(self, group: QButtonGroup) -> str | None:
        button = next((b for b in group.buttons() if b.isChecked()), None)
        return str(button.property("value")) if button is not None else None

    def set_relation(self, relation: Relation | None) -> None:
        for button in self.relation_group.buttons():
            button.setChecked(relation is not None and button.property("value") == relation.value)

    def set_verdict(self, verdict: Verdict | None) -> None:
        for button in self.verdict_group.buttons():
            button.setChecked(verdict is not None and button.property("value") == verdict.value)

    def values(self) -> dict[str, Any]:
        """relation (Relation or None), verdict (Verdict or None), tags (names), note: for add/update."""
        relation = self._checked(self.relation_group)
        verdict = self._checked(self.verdict_group)
        return {
            "relation": Relation(relation) if relation else None,
            "verdict": Verdict(verdict) if verdict else None,
            "tags": [name for name, button in self._tag_buttons.items() if button.isChecked()],
            "note": self.note_edit.toPlainText().strip(),
        }

    def new_tags(self) -> dict[str, str]:
        """Tags made in this dialog and still selected: name → colour (create them before saving)."""
        chosen = set(self.values()["tags"])
        return {name: colour for name, colour in self._new_tags.items() if name in chosen}
