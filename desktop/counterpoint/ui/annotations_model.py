"""The item model behind the annotations panel: one row per annotation of the open comparison."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from counterpoint.store.model import Annotation, Statement, Tag
from counterpoint.ui.plain import tip
from counterpoint.ui.workspace_model import shorten

COLUMN_LETTERS = "ABCD"
QUOTE_LIMIT = 70


class Roles(IntEnum):
    ANNOTATION_ID = Qt.ItemDataRole.UserRole + 1
    QUOTES = Qt.ItemDataRole.UserRole + 2  # list[QuoteLine]
    RELATION = Qt.ItemDataRole.UserRole + 3  # "contradicts" … or ""
    VERDICT = Qt.ItemDataRole.UserRole + 4  # "contradiction" … or ""
    TAGS = Qt.ItemDataRole.UserRole + 5  # list[(name, colour)]
    NOTE = Qt.ItemDataRole.UserRole + 6  # the note's first line
    UNANCHORED = Qt.ItemDataRole.UserRole + 7  # how many quotes no longer match their statement
    ORIGIN = Qt.ItemDataRole.UserRole + 8  # "user" or "engine"
    KIND = Qt.ItemDataRole.UserRole + 9  # the contrast kind of an accepted suggestion, or ""


@dataclass(frozen=True)
class QuoteLine:
    """One annotated span as the panel shows it: which column, who said it, the quote, shortened."""

    letter: str
    speaker: str
    quote: str
    anchored: bool


class AnnotationsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._annotations: list[Annotation] = []
        self._statements: dict[int, tuple[int, Statement]] = {}
        self._tag_colours: dict[str, str] = {}

    def set_annotations(
        self, annotations: Sequence[Annotation], statements: Sequence[Statement], tags: Sequence[Tag] = ()
    ) -> None:
        """Show these annotations; `statements` are the comparison's, in column order (for A, B, C)."""
        self.beginResetModel()
        self._annotations = list(annotations)
        self._statements = {s.id: (i, s) for i, s in enumerate(statements)}
        if tags:
            self._tag_colours = {t.name: t.colour for t in tags}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._annotations)

    def annotation(self, row: int) -> Annotation:
        return self._annotations[row]

    def annotation_id(self, row: int) -> int:
        return self._annotations[row].id

    def row_of(self, annotation_id: int) -> int | None:
        for row, annotation in enumerate(self._annotations):
            if annotation.id == annotation_id:
                return row
        return None

    def quotes(self, annotation: Annotation) -> list[QuoteLine]:
        lines = []
        for target in annotation.targets:
            column, statement = self._statements.get(target.statement_id, (-1, None))
            letter = COLUMN_LETTERS[column] if 0 <= column < len(COLUMN_LETTERS) else "·"
            speaker = statement.speaker if statement is not None else f"statement {target.statement_id}"
            lines.append(QuoteLine(letter, speaker, shorten(target.exact, QUOTE_LIMIT), target.anchored))
        return lines

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._annotations):
            return None
        a = self._annotations[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._summary(a)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return (
                tip(a.note or self._summary(a))
                if role == Qt.ItemDataRole.ToolTipRole
                else a.note or self._summary(a)
            )
        if role == Roles.ANNOTATION_ID:
            return a.id
        if role == Roles.QUOTES:
            return self.quotes(a)
        if role == Roles.RELATION:
            return a.relation.value if a.relation else ""
        if role == Roles.VERDICT:
            return a.verdict.value if a.verdict else ""
        if role == Roles.TAGS:
            return [(name, self._tag_colours.get(name, "#7f8c8d")) for name in a.tags]
        if role == Roles.NOTE:
            return a.note.strip().splitlines()[0] if a.note.strip() else ""
        if role == Roles.UNANCHORED:
            return sum(1 for t in a.targets if not t.anchored)
        if role == Roles.ORIGIN:
            return a.origin
        if role == Roles.KIND:
            return a.kind or ""
        return None

    def _summary(self, a: Annotation) -> str:
        """The row in words: what a screen reader says and what copying the row gives."""
        head = " · ".join(
            part
            for part in (
                a.relation.label.capitalize() if a.relation else "",
                a.verdict.label if a.verdict else "",
            )
            if part
        )
        quotes = " ↔ ".join(f"“{q.quote}” ({q.speaker})" for q in self.quotes(a))
        parts = [p for p in (head, quotes) if p]
        if a.tags:
            parts.append("tags: " + ", ".join(a.tags))
        note = a.note.strip().splitlines()[0] if a.note.strip() else ""
        if note:
            parts.append(note)
        unanchored = sum(1 for t in a.targets if not t.anchored)
        if unanchored:
            parts.append(f"{unanchored} quote(s) no longer found in the statement")
        return " — ".join(parts)
