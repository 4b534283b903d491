"""The statement editor: who said it, in what role, when, where, from which source, and the words."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counterpoint.errors import UserError
from counterpoint.store import Statement, parse_date
from counterpoint.ui.dialog_keys import confirm_discard
from counterpoint.ui.library import parse_day


class StatementEditor(QDialog):
    """New or edit: `values()` gives the fields for Project.add_statement / update_statement.

    `speakers` maps the project's speakers to their roles: the speaker field completes from them, and
    picking one fills in the role when it is empty.
    """

    def __init__(
        self,
        speakers: Mapping[str, str],
        sources: list[str],
        statement: Statement | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit statement" if statement else "New statement")
        self.setMinimumWidth(620)
        self._statement = statement

        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText("Who said it, e.g. Jeff Sessions")
        self.speaker.setAccessibleName("Speaker")
        self._roles = dict(speakers)  # name → the role they last spoke in, offered when the name is picked
        completer = QCompleter(list(speakers), self)
        completer.activated.connect(self._speaker_chosen)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker.setCompleter(completer)

        self.role = QLineEdit()
        self.role.setPlaceholderText("Their role when speaking, e.g. Attorney General")
        self.role.setAccessibleName("Role")
        self.said_on = QLineEdit()
        self.said_on.setPlaceholderText("YYYY-MM-DD, or 1 Aug 2017")
        self.said_on.setAccessibleName("Date said")
        self.occasion = QLineEdit()
        self.occasion.setPlaceholderText("Speech, interview, press briefing…")
        self.occasion.setAccessibleName("Occasion")
        self.source = QLineEdit()
        self.source.setPlaceholderText("Title of the article, transcript or release")
        self.source.setAccessibleName("Source")
        source_completer = QCompleter(sources, self)
        source_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        source_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.source.setCompleter(source_completer)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Statement text")
        self.text.setPlaceholderText("The words, as said")
        self.text.setMinimumHeight(200)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget in (
            ("&Speaker", self.speaker),
            ("&Role", self.role),
            ("&Date", self.said_on),
            ("&Occasion", self.occasion),
            ("S&ource", self.source),
            ("&Text", self.text),
        ):
            form.addRow(label, widget)

        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # errors quote the user's data
        self.error.setObjectName("formError")  # the theme's danger colour, readable in light and dark
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem")
        self.error.hide()
        hint = QLabel(
            "Correcting the text keeps its annotations: each span is found again by its quotation; "
            "spans that no longer match are flagged, not dropped."
            if statement
            else ""
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setVisible(bool(hint.text()))  # an empty label would still leave a gap above the buttons

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        if statement is None:
            save = buttons.button(QDialogButtonBox.StandardButton.Save)
            save.setText("Add statement")  # what happens, in the user's words
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        if statement:
            self.speaker.setText(statement.speaker)
            self.role.setText(statement.role)
            self.said_on.setText(statement.said_on.isoformat() if statement.said_on else "")
            self.occasion.setText(statement.occasion)
            self.source.setText(statement.source_title)
            self.text.setPlainText(statement.text)

    def _speaker_chosen(self, name: str) -> None:
        if not self.role.text().strip() and self._roles.get(name):
            self.role.setText(self._roles[name])

    def _date(self) -> date | None:
        typed = self.said_on.text().strip()
        if not typed:
            return None
        # "1 Aug 2017" or "Aug. 1, 2017" as well as 2017-08-01: a day, whichever way it is written.
        return parse_day(typed) or parse_date(typed)

    def accept(self) -> None:
        """Refuse, saying why and putting the cursor where the fix goes, or close with the values."""
        checks: list[tuple[QWidget, Callable[[], None]]] = [
            (self.speaker, lambda: self._require(self.speaker.text(), "a statement needs a speaker")),
            (self.text, lambda: self._require(self.text.toPlainText(), "a statement needs some text")),
            (self.said_on, self._check_date),
        ]
        for _field, _check in checks:
            _field.setProperty("invalid", False)
        for field, check in checks:
            try:
                check()
            except UserError as exc:
                self.error.setText(str(exc)[:1].upper() + str(exc)[1:])
                self.error.show()
                field.setProperty("invalid", True)
                field.style().unpolish(field)
                field.style().polish(field)
                field.setFocus()
                return
        super().accept()

    def cancel(self) -> None:
        """Escape or Cancel: close, after asking when something typed would be
        lost (it was thrown away without a word). reject() itself closes without asking."""
        if self.unsaved() and not confirm_discard(self, "statement"):
            return
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
            return
        super().keyPressEvent(event)

    def unsaved(self) -> bool:
        """Something typed that is not saved: any field of a new statement, a change to an edited one."""
        if self._statement is None:
            fields = (self.speaker, self.role, self.said_on, self.occasion, self.source)
            return any(f.text().strip() for f in fields) or bool(self.text.toPlainText().strip())
        try:
            return bool(self.values())
        except UserError:
            return True  # a date it can't read is a change too

    def _check_date(self) -> None:
        self._date()  # raises UserError for a date it can't read

    @staticmethod
    def _require(value: str, message: str) -> None:
        if not value.strip():
            raise UserError(message)

    def values(self) -> dict[str, Any]:
        """The fields as typed; for an edit, only those that changed."""
        values: dict[str, Any] = {
            "speaker": self.speaker.text().strip(),
            "role": self.role.text().strip(),
            "said_on": self._date(),
            "occasion": self.occasion.text().strip(),
            "source": self.source.text().strip(),
            "text": self.text.toPlainText().strip(),
        }
        old = self._statement
        if old is None:
            return values
        before = {
            "speaker": old.speaker,
            "role": old.role,
            "said_on": old.said_on,
            "occasion": old.occasion,
            "source": old.source_title,
            "text": old.text,
        }
        return {key: value for key, value in values.items() if value != before[key]}
