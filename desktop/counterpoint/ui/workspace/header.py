"""A column's header: who said the statement, when, where, and the source, each clamped to a few lines."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent, QTextLayout
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from counterpoint.store.model import Statement
from counterpoint.ui.plain import tip
from counterpoint.ui.workspace.look import COLUMN_LETTERS, DOCUMENT_MARGIN


class ClampedLabel(QLabel):
    """Text wrapped to at most `max_lines` lines, the last one elided; the whole text is its tooltip.

    A column is narrow on a laptop: a long occasion or source wrapped in full would push the statement
    itself half off the screen. Its height follows the width (height-for-width), so the grid gives it
    exactly the lines it shows.
    """

    def __init__(self, text: str, max_lines: int, name: str) -> None:
        super().__init__(text)
        self.setObjectName(name)
        self.full_text = text
        self.max_lines = max_lines
        self.setAccessibleName(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def lines(self, width: int) -> list[str]:
        """The lines shown at `width` pixels: wrapped at word boundaries, the last one elided if need be."""
        units = self.full_text.encode("utf-16-le")  # QTextLayout counts UTF-16 units

        def piece(start: int, length: int | None = None) -> str:
            end = None if length is None else 2 * (start + length)
            return units[2 * start : end].decode("utf-16-le", "replace")

        layout = QTextLayout(self.full_text, self.font())
        layout.beginLayout()
        starts: list[tuple[int, int]] = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            starts.append((line.textStart(), line.textLength()))
        layout.endLayout()
        metrics = self.fontMetrics()

        def fit(text: str) -> str:
            # A word longer than the column ("Rosenberg" in a narrow one) is elided, not cut off.
            return metrics.elidedText(text.strip(), Qt.TextElideMode.ElideRight, max(1, width))

        if len(starts) <= self.max_lines:
            return [fit(piece(start, length)) for start, length in starts]
        shown = [fit(piece(start, length)) for start, length in starts[: self.max_lines - 1]]
        return [*shown, fit(piece(starts[self.max_lines - 1][0]))]

    def is_clamped(self) -> bool:
        return self.text() != self.full_text and "…" in self.text()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(1, len(self.lines(width))) * self.fontMetrics().lineSpacing()

    def sizeHint(self) -> QSize:
        width = min(self.fontMetrics().horizontalAdvance(self.full_text), 320)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.fontMetrics().lineSpacing())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        shown = "\n".join(self.lines(self.width()))
        if shown != self.text():
            self.setText(shown)
        self.setToolTip(tip(self.full_text) if shown.replace("\n", " ") != self.full_text else "")


class ColumnHeader(QFrame):
    """Who said it, when, where, and the source: what a reader checks before reading the quote."""

    def __init__(self, column: int, statement: Statement) -> None:
        super().__init__()
        self.setObjectName("columnHeader")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DOCUMENT_MARGIN, 10, DOCUMENT_MARGIN, 10)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(8)
        badge = QLabel(COLUMN_LETTERS[column])
        badge.setObjectName("columnBadge")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setFixedSize(22, 22)
        badge.setAccessibleName(f"Column {COLUMN_LETTERS[column]}")
        speaker = ClampedLabel(statement.speaker, 2, "columnSpeaker")
        font = speaker.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        speaker.setFont(font)
        top.addWidget(badge)
        top.addWidget(speaker, 1)
        layout.addLayout(top)
        # Each at most two lines high (three for date, occasion and place, which say the most): the
        # statement below is what the column is for.
        lines = [
            statement.role,
            " · ".join(p for p in (date_text(statement), statement.occasion) if p),
        ]
        self.details: list[ClampedLabel] = []
        for i, text in enumerate(lines):
            if not text:
                continue
            label = ClampedLabel(text, 2 if i == 0 else 3, "columnRole" if i == 0 else "columnOccasion")
            layout.addWidget(label)
            self.details.append(label)
        if statement.source_title:
            source = ClampedLabel(f"Source: {statement.source_title}", 2, "columnSource")
            italic = source.font()
            italic.setItalic(True)
            source.setFont(italic)
            layout.addWidget(source)
            self.details.append(source)
        layout.addStretch(1)
        self.setAccessibleName(f"Statement {COLUMN_LETTERS[column]}: {statement.speaker}")


def date_text(statement: Statement) -> str:
    if statement.said_on is None:
        return ""
    return f"{statement.said_on.day} {statement.said_on:%b %Y}"
