"""The legend under the columns: one chip per kind of highlight in this comparison, with how many there
are; each chip is also a switch that hides or shows that kind."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from counterpoint.ui.palette import UiPalette
from counterpoint.ui.plain import tip
from counterpoint.ui.workspace.state import legend_key
from counterpoint.ui.workspace_model import Highlight


class LegendChip(QToolButton):
    """A legend entry; for highlight kinds it is also a switch that shows or hides them."""

    def __init__(self, text: str, fill: str, line: str, ink: str, tooltip: str, dotted: bool = False) -> None:
        super().__init__()
        self.setText(text)
        border = "dotted" if dotted else "solid"
        self.setStyleSheet(
            f"QToolButton {{ background: transparent; color: {ink}; border: none;"
            f" border-bottom: 2px {border} {line}; border-radius: 3px; padding: 1px 7px; }}"
            f"QToolButton:checked {{ background: {fill}; }}"
            f"QToolButton:!checked {{ color: gray; border-bottom-color: gray; }}"
            "QToolButton:focus { border: 1px solid palette(highlight); }"
        )
        self.setCheckable(True)
        self.setChecked(True)
        self.setToolTip(tip(tooltip))
        self.setAccessibleName(f"Legend: {text}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)


LegendEntry = tuple[str, str, str, str, str, bool]  # key, label, fill, line, tooltip, dotted


def legend_entries(highlights: Sequence[Sequence[Highlight]], colours: UiPalette) -> list[LegendEntry]:
    """The legend's entries: only the kinds present, contrasts with how many pairs of each."""
    present: dict[str, int] = {}
    for column in highlights:
        for h in column:
            key = legend_key(h)
            present[key] = present.get(key, 0) + 1
    hint = "Click to hide or show these highlights."
    entries: list[LegendEntry] = []
    # Only the kinds in this comparison, with how many contrasts each: the legend is also a summary.
    for kind, swatch in colours.kinds.items():
        count = present.get(kind, 0) // 2
        if count:
            about = f"{swatch.label}: {swatch.about}." if swatch.about else swatch.label
            text = f"{about}\n{count} contrasting phrase(s) in this comparison. {hint}"
            entries.append((kind, f"{swatch.label} {count}", swatch.fill, swatch.line, text, False))
    if "common" in present:
        text = f"Common ground: phrasing both statements share. {hint}"
        entries.append(("common", "Common ground", "transparent", colours.common_line, text, True))
    for category in ("insert", "delete", "move"):
        if category in present:
            swatch = colours.diff[category]
            text = f"Word diff of two versions: {swatch.label.lower()}. {hint}"
            entries.append((category, swatch.label, swatch.fill, swatch.line, text, False))
    return entries


class Legend(QWidget):
    """The row of chips; `kind_toggled(kind, shown)` when the user switches one."""

    kind_toggled = Signal(str, bool)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Legend")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)

    def chips(self) -> list[LegendChip]:
        return [w for w in self.findChildren(LegendChip) if w.parent() is self]

    def text(self) -> str:
        """Everything the legend says, chips and labels, left to right (for tests and screen readers)."""
        words = []
        for i in range(self._layout.count()):
            item = self._layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, (QLabel, QToolButton)):
                words.append(widget.text())
        return " ".join(words)

    def rebuild(
        self,
        highlights: Sequence[Sequence[Highlight]],
        colours: UiPalette,
        hidden: set[str],
        statements: int,
        analysed: bool,
    ) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from the widget tree now, deleted once control returns
                widget.deleteLater()
        title = QLabel("Legend")
        title.setObjectName("legendTitle")
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        self._layout.addWidget(title)
        text = self.palette().color(QPalette.ColorRole.Text).name()
        entries = legend_entries(highlights, colours)
        for key, label, fill, line, about, dotted in entries:
            chip = LegendChip(label, fill, line, text, about, dotted)
            chip.setChecked(key not in hidden)
            chip.toggled.connect(lambda on, k=key: self.kind_toggled.emit(k, on))
            self._layout.addWidget(chip)
        if not entries:
            muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
            if statements < 2:
                said = "nothing to contrast in one statement"
            elif analysed:
                said = "no contrasting phrasing found"
            else:
                said = "analysis pending…"
            none = QLabel(said)
            none.setStyleSheet(f"color: {muted};")
            self._layout.addWidget(none)
