"""The workspace's measures and reading font: shared by the columns, their headers and the workspace."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextBlock

COLUMN_LETTERS = "ABCD"
RELATION_MARKS = {"contradicts": "≠", "walks_back": "↩", "clarifies": "≈", "consistent_with": "="}
MAX_COLUMNS = 4
GUTTER = 52
ROW_GAP = 14
LINE_HEIGHT = 135  # per cent of the font's line height: quotations are read closely
DOCUMENT_MARGIN = 14
# A column is never narrower than twelve average characters of the reading font (and than the longest word
# of its statement, up to eighteen): narrower, words broke mid-word ("Com / munit / y-"). When the columns do
# not fit at that width they scroll sideways; the main window first folds its side panels away.
MIN_COLUMN_CHARS = 12
MAX_WORD_CHARS = 18
READING_FONTS = ["Source Serif 4", "Source Serif Pro", "Charter", "Georgia", "DejaVu Serif", "serif"]


def content_height(block: QTextBlock) -> float:
    """A block's height without its margins, as the document layout stacks it (proportional spacing)."""
    layout = block.layout()
    if layout.lineCount() == 0:
        return 0.0
    first, last = layout.lineAt(0), layout.lineAt(layout.lineCount() - 1)
    return last.y() - first.y() + last.height() * LINE_HEIGHT / 100


def reading_font(base: QFont, zoom: int = 0) -> QFont:
    """The statements' font: a serif a fifth larger than the interface's, times 1.1 per zoom step."""
    font = QFont(base)
    font.setFamilies(READING_FONTS)
    font.setPointSizeF(max(base.pointSizeF(), 9.0) * 1.2 * (1.1**zoom))
    return font


def escape(text: str) -> str:
    """Project text made safe for the few rich-text labels and tooltips of the workspace."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
