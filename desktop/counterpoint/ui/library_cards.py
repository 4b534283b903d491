"""A statement in the library drawn as a card: speaker and role, the date, two lines of its words; under a
search, the words typed are marked, and a card listed for a note's words says so.

Everything is painted as plain text (project data never goes through rich text here): the marks are
rectangles drawn behind the words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from counterpoint.ui.library_model import SearchMatch, StatementTableModel
from counterpoint.ui.palette import palette_for

Spans = Sequence[tuple[int, int]]


class StatementCardDelegate(QStyledItemDelegate):
    """A statement as a card: speaker and role, the date on the right, then two lines of its words (or of the
    words around a search match). Easier to scan in a narrow panel than a grid of truncated cells."""

    PADDING = 8
    TEXT_LINES = 2

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        return bold, QFont(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        bold, plain = self._fonts(option)
        height = QFontMetrics(bold).height() + self.TEXT_LINES * QFontMetrics(plain).lineSpacing()
        return QSize(option.rect.width() or 300, height + 2 * self.PADDING + 4)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        speaker = str(index.data() or "")
        statement = index.data(StatementTableModel.StatementRole)
        words = str(index.data(StatementTableModel.PreviewRole) or "")
        found = index.data(StatementTableModel.MatchRole)
        match = found if isinstance(found, SearchMatch) else None
        said_on = getattr(statement, "said_on", None)
        date_text = f"{said_on.day} {said_on:%b %Y}" if said_on else "undated"
        role = getattr(statement, "role", "") or ""
        palette = option.palette
        mark = QColor(palette_for(palette).search_mark)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect
        painter.save()
        background = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        painter.fillRect(rect, background)
        if selected:
            painter.fillRect(
                QRect(rect.left(), rect.top(), 3, rect.height()), palette.color(QPalette.ColorRole.Link)
            )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(
            rect.left() + self.PADDING, rect.bottom(), rect.right() - self.PADDING, rect.bottom()
        )

        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        bold, plain = self._fonts(option)
        inner = rect.adjusted(self.PADDING + 4, self.PADDING, -self.PADDING, -self.PADDING)
        bold_metrics, plain_metrics = QFontMetrics(bold), QFontMetrics(plain)

        painter.setFont(plain)
        painter.setPen(muted)
        date_width = plain_metrics.horizontalAdvance(date_text)
        painter.drawText(
            QRect(inner.right() - date_width, inner.top(), date_width, bold_metrics.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            date_text,
        )
        head_width = inner.width() - date_width - 12
        letter = index.data(StatementTableModel.ColumnRole)
        if letter:
            # In the open comparison: its column's letter, as the workspace shows it.
            size = bold_metrics.height() - 2
            badge = QRect(inner.left(), inner.top() + 1, size, size)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Link))
            painter.drawEllipse(badge)
            small = QFont(bold)
            small.setPointSizeF(bold.pointSizeF() * 0.8)
            painter.setFont(small)
            painter.setPen(palette.color(QPalette.ColorRole.Base))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), str(letter))
            inner = inner.adjusted(size + 6, 0, 0, 0)
            head_width -= size + 6
        painter.setFont(bold)
        name = bold_metrics.elidedText(speaker, Qt.TextElideMode.ElideRight, head_width)
        name_width = bold_metrics.horizontalAdvance(name)
        name_box = QRect(inner.left(), inner.top(), name_width, bold_metrics.height())
        in_name = match.in_speaker if match is not None else ()
        shown = (0, _shown(name, speaker))
        _draw_marked(
            painter, name_box, speaker, shown, in_name, mark, text_colour, bold_metrics, name != speaker
        )
        if role and head_width - name_width > 40:
            painter.setFont(plain)
            painter.setPen(muted)
            role_text = plain_metrics.elidedText(
                f"  {role}", Qt.TextElideMode.ElideRight, head_width - name_width
            )
            painter.drawText(
                QRect(inner.left() + name_width, inner.top(), head_width - name_width, bold_metrics.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                role_text,
            )
        painter.setFont(plain)
        top = inner.top() + bold_metrics.height() + 2
        reason = match.reason if match is not None else ""
        lines = wrap_ranges(words, plain_metrics, inner.width(), self.TEXT_LINES - (1 if reason else 0))
        for n, (start, end) in enumerate(lines):
            box = QRect(
                inner.left(), top + n * plain_metrics.lineSpacing(), inner.width(), plain_metrics.height()
            )
            spans = match.in_preview if match is not None else ()
            elided = end < len(words) and n == len(lines) - 1
            _draw_marked(painter, box, words, (start, end), spans, mark, text_colour, plain_metrics, elided)
        if reason:
            # The words shown do not hold what was typed: say where it was found instead of leaving a
            # puzzle (the note itself is in the annotations panel).
            italic = QFont(plain)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(muted)
            box = QRect(inner.left(), top + len(lines) * plain_metrics.lineSpacing(), inner.width(),
                        plain_metrics.height())  # fmt: skip
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), reason)
        painter.restore()


def _shown(elided: str, full: str) -> int:
    """How many characters of `full` an elided form of it shows."""
    return len(full) if elided == full else max(0, len(elided) - 1)


def _draw_marked(
    painter: QPainter,
    box: QRect,
    text: str,
    shown: tuple[int, int],
    spans: Spans | None,
    mark: QColor,
    colour: QColor,
    metrics: QFontMetrics,
    elided: bool = False,
) -> None:
    """Draw text[start:end] in `box` (with "…" after it when `elided`), a mark behind each part of `spans`."""
    start, end = shown
    line = text[start:end] + ("…" if elided else "")
    for span_start, span_end in spans or ():
        left, right = max(span_start, start), min(span_end, end)
        if left >= right:
            continue
        x = box.left() + metrics.horizontalAdvance(text[start:left])
        width = metrics.horizontalAdvance(text[left:right])
        painter.fillRect(QRect(x - 1, box.top(), width + 2, box.height()), mark)
    painter.setPen(colour)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)


def wrap_ranges(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[tuple[int, int]]:
    """Greedy word wrap into at most `lines` lines, as (start, end) ranges of `text`; the last line, when
    the text goes on past it, is cut to leave room for "…"."""
    out: list[tuple[int, int]] = []
    position, length = 0, len(text)
    while position < length and len(out) < lines:
        while position < length and text[position] == " ":
            position += 1
        end, fits = position, position
        while end < length:
            next_space = text.find(" ", end + 1)
            candidate = length if next_space < 0 else next_space
            if metrics.horizontalAdvance(text[position:candidate]) > width and fits > position:
                break
            fits = end = candidate
            if metrics.horizontalAdvance(text[position:candidate]) > width:
                break  # one word wider than the line: it is cut below
        if len(out) == lines - 1 and fits < length:
            rest = text[position:]
            shown = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
            out.append((position, position + _shown(shown, rest)))
            return out
        if metrics.horizontalAdvance(text[position:fits]) > width:
            shown = metrics.elidedText(text[position:fits], Qt.TextElideMode.ElideRight, width)
            fits = position + _shown(shown, text[position:fits])
        out.append((position, fits))
        position = fits
    return [r for r in out if r[1] > r[0]]
