"""Edit > Paste as document: finding the quotations of pasted text has a time limit (issue 15 point 2); past
it the user reads one message and nothing is stored (the exception used to escape the paste action)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from counterpoint.ingest import deadline
from counterpoint.store import Project
from counterpoint.ui import import_preview


def test_pasted_text_past_the_time_limit_is_one_message_and_nothing_stored(
    qtbot: QtBot, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deadline, "STAGE_TIME_LIMIT", 0.001)
    warnings: list[str] = []
    monkeypatch.setattr(
        import_preview.QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text)
    )
    text = '"We will act on the levy this year," said Mayor Tom Reyes. ' * 20_000
    assert import_preview.import_text_with_preview(None, project, text) is None
    assert len(warnings) == 1 and "took too long" in warnings[0]
    assert project.sources() == []
