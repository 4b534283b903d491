"""Library search results say why they match (issue 10, point 5): the words typed are marked in the card,
and a statement listed for a note's words says "matched in a note"."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QImage

from counterpoint.store import Project
from counterpoint.ui.library import LibraryPanel
from counterpoint.ui.library_model import LibraryFilter, SearchMatch, StatementTableModel
from counterpoint.ui.palette import load_palette

# In the sample, "lawful" is in the Attorney General's words, and only in a note on the President's remark.


def _by_speaker(model: StatementTableModel, role: int) -> dict[str, Any]:
    return {model.index(r, 0).data(): model.index(r, 0).data(role) for r in range(model.rowCount())}


def test_a_match_in_the_text_is_located_in_the_preview(qapp: object, sample_project: Project) -> None:
    model = StatementTableModel(sample_project)
    model.load(LibraryFilter(search="lawful"))
    matches = _by_speaker(model, StatementTableModel.MatchRole)
    previews = _by_speaker(model, StatementTableModel.PreviewRole)
    sessions: SearchMatch = matches["Jeff Sessions"]
    assert sessions.where == "text" and sessions.reason == ""
    assert sessions.in_preview, "the words typed are not located in the card's text"
    for start, end in sessions.in_preview:
        assert previews["Jeff Sessions"][start:end].lower().startswith("lawful")


def test_a_match_only_in_a_note_says_so(qapp: object, sample_project: Project) -> None:
    model = StatementTableModel(sample_project)
    model.load(LibraryFilter(search="lawful"))
    trump: SearchMatch = _by_speaker(model, StatementTableModel.MatchRole)["Donald Trump"]
    assert trump.where == "note" and trump.reason == "matched in a note"
    assert trump.in_preview == ()
    spoken = _by_speaker(model, 0x0B)  # Qt.AccessibleTextRole: a screen reader hears the reason too
    assert spoken["Donald Trump"].endswith("(matched in a note)")
    model.load(LibraryFilter())
    assert _by_speaker(model, StatementTableModel.MatchRole)["Donald Trump"] is None


def test_a_match_by_speaker_marks_the_name(qapp: object, sample_project: Project) -> None:
    model = StatementTableModel(sample_project)
    model.load(LibraryFilter(search="Rosenb"))
    rosenberg: SearchMatch = _by_speaker(model, StatementTableModel.MatchRole)["Chuck Rosenberg"]
    assert rosenberg.where == "speaker" and rosenberg.in_speaker == ((6, 12),) and rosenberg.reason == ""


def _marked_pixels(image: QImage, colour: QColor) -> int:
    wanted = colour.rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == wanted
    )


def test_the_cards_mark_the_words_typed(qtbot: Any, sample_project: Project) -> None:
    panel = LibraryPanel(sample_project)
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    qtbot.waitExposed(panel)
    mark = QColor(load_palette(False).search_mark)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert _marked_pixels(panel.view.grab().toImage(), mark) == 0, "marks without a search"
    with qtbot.waitSignal(panel.results_shown, timeout=10_000):
        panel.search_box.setText("lawful")
    image = panel.view.grab().toImage()
    assert _marked_pixels(image, mark) > 20, "the matched words are not marked"
