"""The import preview: quotations listed with speaker, role, date and confidence; corrected, merged, split,
chosen; and the File > Import flow stores a document with its chosen quotations in one go."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from counterpoint.ingest import Document, Quote, document_from_text, extract_quotes
from counterpoint.store import Project
from counterpoint.ui import import_preview
from counterpoint.ui.import_preview import ImportPreviewDialog, QuoteTableModel, utf16_to_index

ARTICLE = (
    "Council Delays Levy Vote\n\n"
    '"We are not going to rush a tax increase through in one night," said Council President Maria Delgado. '
    '"People deserve to see the numbers first."\n\n'
    'Mayor Tom Reyes called the delay "a disappointment but not a defeat."\n\n'
    '"The figures simply don\'t add up for working families," one resident said at the hearing on Monday, '
    "and many in the room agreed with every word of it.\n"
)


@pytest.fixture
def document() -> Document:
    return document_from_text(ARTICLE, title="Council Delays Levy Vote", published=date(2024, 3, 5))


@pytest.fixture
def quotes(document: Document) -> list[Quote]:
    return extract_quotes(document.text, published=document.published)


def _cell(model: QuoteTableModel, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, column), role)


def test_model_lists_speaker_role_date_and_confidence_without_a_window(
    document: Document, quotes: list[Quote]
) -> None:
    model = QuoteTableModel(document, quotes)
    assert model.rowCount() == 3
    assert model.columnCount() == 6
    assert _cell(model, 0, model.SPEAKER) == "Maria Delgado"
    assert _cell(model, 0, model.ROLE) == "Council President"
    assert _cell(model, 1, model.SPEAKER) == "Tom Reyes"
    assert str(_cell(model, 0, model.CONFIDENCE)).endswith("%")
    assert _cell(model, 0, model.KEEP, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.flags(model.index(0, model.SPEAKER)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, model.QUOTATION)) & Qt.ItemFlag.ItemIsEditable


def test_user_corrects_speaker_role_and_date(document: Document, quotes: list[Quote]) -> None:
    model = QuoteTableModel(document, quotes)
    last = model.rowCount() - 1
    assert model.setData(model.index(last, model.SPEAKER), "Joan Pike")
    assert model.setData(model.index(last, model.ROLE), "resident")
    assert model.setData(model.index(last, model.DATE), "2024-03-04")
    assert not model.setData(model.index(last, model.DATE), "last Monday")
    assert not model.setData(model.index(last, model.DATE), "March 2024"), "a month is not a day"
    assert model.setData(model.index(0, model.DATE), "4 Mar 2024")
    assert model.rows[0].quote.said_on == date(2024, 3, 4)
    corrected = model.rows[last].quote
    assert (corrected.speaker, corrected.role, corrected.said_on) == (
        "Joan Pike",
        "resident",
        date(2024, 3, 4),
    )
    assert corrected.confidence == 1.0


def test_merge_and_split_keep_the_text_true_to_the_document(document: Document, quotes: list[Quote]) -> None:
    model = QuoteTableModel(document, quotes)
    first = model.rows[0].quote
    assert len(first.parts) == 2  # the extractor joined the quotation cut by "said Council President …"
    model.split(0, first.text.index("People"))
    assert model.rowCount() == 4
    left, right = model.rows[0].quote, model.rows[1].quote
    assert right.text == "People deserve to see the numbers first."
    assert document.text[right.start : right.end] == right.text
    assert left.speaker == right.speaker == "Maria Delgado"
    model.merge_with_next(0)
    assert model.rowCount() == 3
    assert model.rows[0].quote.parts == first.parts
    with pytest.raises(ValueError):
        model.merge_with_next(model.rowCount() - 1)


def test_dialog_returns_only_the_checked_quotations(
    qtbot: QtBot, document: Document, quotes: list[Quote]
) -> None:
    dialog = ImportPreviewDialog(document, quotes)
    qtbot.addWidget(dialog)
    model = dialog.model
    model.setData(model.index(1, model.KEEP), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == f"Import {len(model.chosen())} quotations"
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        ok.click()
    chosen = dialog.chosen_quotes()
    assert [q.speaker for q in chosen] == [model.rows[0].quote.speaker, model.rows[2].quote.speaker]


def test_the_quotations_have_the_keyboard_when_the_preview_opens(
    qtbot: QtBot, document: Document, quotes: list[Quote]
) -> None:
    dialog = ImportPreviewDialog(document, quotes)
    qtbot.addWidget(dialog)
    assert dialog.focusWidget() is dialog.table and dialog.current_row() == 0
    kept = len(dialog.model.chosen())
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # keeps or drops the current quotation
    assert len(dialog.model.chosen()) == kept - 1


def test_dialog_will_not_accept_a_kept_quotation_without_speaker(qtbot: QtBot, document: Document) -> None:
    unattributed = Quote(start=26, end=88, text=document.text[26:88], speaker=None, role=None, confidence=0.1,
                         said_on=None, attribution=None)  # fmt: skip
    dialog = ImportPreviewDialog(document, [unattributed])
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.chosen() == []  # an unattributed quotation starts unchecked
    model.set_all_kept(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "has no speaker" in dialog.status.text()
    model.setData(model.index(0, model.SPEAKER), "Maria Delgado")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.chosen_quotes()[0].speaker == "Maria Delgado"


def test_split_at_the_text_cursor(qtbot: QtBot, document: Document, quotes: list[Quote]) -> None:
    dialog = ImportPreviewDialog(document, quotes)
    qtbot.addWidget(dialog)
    dialog.select_row(0)
    shown = dialog.quotation.toPlainText()
    cursor = dialog.quotation.textCursor()
    cursor.setPosition(shown.index("People"))
    dialog.quotation.setTextCursor(cursor)
    dialog.split_button.click()
    assert dialog.model.rowCount() == 4
    assert dialog.model.rows[1].quote.text.startswith("People deserve")
    dialog.select_row(0)
    dialog.merge_button.click()
    assert dialog.model.rowCount() == 3


def test_utf16_positions_become_python_indexes() -> None:
    text = "Flag 🇺🇸 then words"
    assert utf16_to_index(text, 0) == 0
    assert utf16_to_index(text, len("Flag 🇺🇸 ".encode("utf-16-le")) // 2) == text.index("then")


def test_file_import_stores_the_chosen_quotations_and_nothing_when_cancelled(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "levy.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    answers: list[list[Quote] | None] = [None]

    def preview(
        _parent: object, document: Document, found: list[Quote], _project: object = None
    ) -> tuple[Document, list[Quote]] | None:
        answer = answers.pop(0)
        return (
            (dataclasses.replace(document, publisher="The Ledger"), found[:2]) if answer is not None else None
        )

    monkeypatch.setattr(import_preview, "preview_document", preview)
    assert import_preview.import_documents_with_preview(None, project, [article]) == []
    assert project.sources() == []  # cancelled: nothing stored
    answers.append([])
    added = import_preview.import_documents_with_preview(None, project, [article])
    assert len(added) == 2
    notes: list[str] = []
    monkeypatch.setattr(import_preview.QMessageBox, "information", lambda _p, _t, text: notes.append(text))
    assert import_preview.import_documents_with_preview(None, project, [article]) == []
    assert "already in this project" in notes[0]
    assert len(project.sources()) == 1
    assert {s.speaker for s in project.statements()} == {"Maria Delgado", "Tom Reyes"}
    assert project.sources()[0].publisher == "The Ledger"


def test_pasted_text_is_previewed_and_stored(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Document] = []

    def preview(
        _parent: object, document: Document, found: list[Quote], _project: object = None
    ) -> tuple[Document, list[Quote]] | None:
        seen.append(document)
        return document, [q for q in found if q.speaker == "Tom Reyes"]

    monkeypatch.setattr(import_preview, "preview_document", preview)
    added = import_preview.import_text_with_preview(None, project, ARTICLE.replace("\n", "\r\n"))
    assert added is not None and len(added) == 1
    assert seen[0].title == "Council Delays Levy Vote" and "\r" not in seen[0].text
    assert [s.speaker for s in project.statements()] == ["Tom Reyes"]


def test_user_corrects_the_source_and_sees_the_quotation_in_context(
    qtbot: QtBot, document: Document, quotes: list[Quote]
) -> None:
    dialog = ImportPreviewDialog(document, quotes)
    qtbot.addWidget(dialog)
    dialog.select_row(1)
    assert "<b>a disappointment but not a defeat.</b>" in dialog.context.text()
    assert "<u>" in dialog.context.text()  # the attribution, "Mayor Tom Reyes"
    dialog.publisher.setText("The  Ledger")
    dialog.published.setText("5 March")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "must be a day" in dialog.status.text()
    dialog.published.setText("March 5, 2024")  # as the article prints it
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    corrected = dialog.chosen_document()
    assert (corrected.publisher, corrected.published, corrected.text) == (
        "The Ledger",
        date(2024, 3, 5),
        document.text,
    )


def test_a_bad_file_is_reported_and_the_others_still_import(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "levy.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    binary = tmp_path / "notes.txt"
    binary.write_bytes(b"\0\1\2" * 100)
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        import_preview.QMessageBox, "warning", lambda _p, title, text: warnings.append((title, text))
    )
    monkeypatch.setattr(
        import_preview, "preview_document", lambda _p, document, found, _project=None: (document, found)
    )
    added = import_preview.import_documents_with_preview(None, project, [binary, article])
    assert len(warnings) == 1 and "binary file" in warnings[0][1]
    assert warnings[0][0] == "Can't import notes.txt"
    assert len(project.sources()) == 1 and len(added) == len(project.statements()) >= 2


def test_a_quotation_already_in_the_project_is_shown_flagged_and_unchecked(
    project: Project, document: Document, quotes: list[Quote]
) -> None:
    from counterpoint.app.documents import add_document
    from counterpoint.app.review import review_quotes

    add_document(project, document, quotes[:1])
    model = QuoteTableModel(document, quotes, proposals=review_quotes(project, quotes, min_confidence=0.5))
    first = _cell(model, 0, QuoteTableModel.CONFIDENCE)
    assert isinstance(first, str) and first.endswith("· already in the project")
    assert _cell(model, 0, QuoteTableModel.KEEP, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "already" not in str(_cell(model, 1, QuoteTableModel.CONFIDENCE))


def test_parts_joined_with_an_ellipsis_say_so() -> None:
    text = 'Budget\n\n"We will not raise taxes," Mayor Ana Ruiz said, "not this year and not next year."\n'
    document = document_from_text(text, title="Budget")
    model = QuoteTableModel(document, extract_quotes(text))
    assert (
        _cell(model, 0, QuoteTableModel.QUOTATION)
        == "We will not raise taxes … not this year and not next year."
    )
    assert "2 parts joined with …" in str(
        _cell(model, 0, QuoteTableModel.QUOTATION, Qt.ItemDataRole.ToolTipRole)
    )
