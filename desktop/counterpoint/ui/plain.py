"""Project data shown as text, never as markup.

The rule, for every widget that shows a project's data (titles, names, roles, notes, tags, sources, paths,
error messages quoting any of them): Qt guesses "rich text" for any string that looks like HTML, and rich
text loads the images it names, so a shared dossier with `<img src="/dev/zero">` as a title would make
the app read local files (or hang on a device). Therefore:

- a QLabel showing data is made with Qt.TextFormat.PlainText (`plain_label`, or setTextFormat);
- a label that is rich on purpose (bold words of our own) escapes every piece of data with `escape`;
- a tooltip, a model's ToolTipRole and a message box's text always go through `tip` / `message_box`:
  Qt offers no plain-text tooltip, so text that Qt would take as rich is escaped inside a <p>.

tests/attacks/test_rich_text.py walks every widget with a hostile dossier loaded and enforces this.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def escape(text: str) -> str:
    """Data for a label or document that is rich text on purpose."""
    return html.escape(text, quote=True)


def tip(text: str) -> str:
    """A tooltip that shows `text` as written, line breaks kept (unchanged when Qt would show it plain)."""
    if not text or not GuiQt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A message box whose text and informative text are plain (they often quote file names and data)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    for label in box.findChildren(QLabel):  # the informative text has a label of its own
        label.setTextFormat(Qt.TextFormat.PlainText)
    return box
