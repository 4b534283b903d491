"""The main window: comparisons and the library on the left, the comparison workspace in the centre, the
annotations on the right; the status bar, and the settings it remembers.

Its actions (menus, shortcuts, toolbar) come from tables, one group per module (ui/actions_*.py); this
module composes them and keeps what they share: the open project and comparison, the undo stack, what the
window says.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from counterpoint.errors import UserError
from counterpoint.store import Comparison, Project, Statement
from counterpoint.ui import commands as cmd
from counterpoint.ui.actions import ActionState, ActionTable
from counterpoint.ui.actions_analysis import AnalysisActions
from counterpoint.ui.actions_annotations import AnnotationActions
from counterpoint.ui.actions_comparisons import MAX_COLUMNS, ComparisonActions
from counterpoint.ui.actions_help import HelpActions
from counterpoint.ui.actions_project import ProjectActions
from counterpoint.ui.actions_statements import StatementActions
from counterpoint.ui.actions_view import ViewActions
from counterpoint.ui.annotations_panel import AnnotationsPanel
from counterpoint.ui.comparison_list import ComparisonList
from counterpoint.ui.find_panel import FindContradictions
from counterpoint.ui.library import LibraryPanel
from counterpoint.ui.merge_action import MergeAction
from counterpoint.ui.palette import is_dark
from counterpoint.ui.plain import message_box, tip
from counterpoint.ui.theme import ThemeChoice, apply_theme
from counterpoint.ui.window_fit import PanelFolder, PanelSizes, default_dock_sizes, fit_to_screen
from counterpoint.ui.window_parts import CentreArea, ComparisonHeader, ElidedLabel
from counterpoint.ui.workers import ProjectOpener
from counterpoint.ui.workspace import ComparisonWorkspace

# The main toolbar, left to right after the project's title (None: a separator).
TOOLBAR = ("new_statement", "new_comparison", None, "undo", "redo", None, "import", "export")


class MainWindow(QMainWindow):
    """The window users live in. It is handed an open Project; it owns it from then on (and closes it)."""

    project_changed = Signal(object)
    analysis_ready = Signal(int)  # comparison id

    def __init__(self, project: Project, settings: QSettings | None = None) -> None:
        super().__init__()
        self.project = project
        self.settings = settings if settings is not None else QSettings()
        self.setObjectName("mainWindow")
        self.setDockNestingEnabled(True)
        self.events = cmd.ProjectEvents(self)
        self.undo_stack = QUndoStack(self)
        self.opener = ProjectOpener(self)
        self.current_comparison_id: int | None = None
        self.current_statements: list[Statement] = []
        self.current_analysis: Any = None
        self.active_editor: QDialog | None = None
        self.closed = False
        self._by_the_way = ""  # the status bar's message, while it is one that may be covered
        self._painted = False
        self.theme_choice = ThemeChoice(str(self.settings.value("theme", ThemeChoice.SYSTEM.value)))

        self._build_centre()
        self._build_docks()
        self.table = ActionTable(self)
        self.project_actions = ProjectActions(self)
        self.statement_actions = StatementActions(self)
        self.comparison_actions = ComparisonActions(self)
        self.annotation_actions = AnnotationActions(self)
        self.analysis = AnalysisActions(self)
        self.view_actions = ViewActions(self)
        self.help_actions = HelpActions(self)
        for group in (
            self.project_actions,
            self.statement_actions,
            self.comparison_actions,
            self.annotation_actions,
            self.analysis,
            self.view_actions,
            self.help_actions,
        ):
            self.table.add_group(group)
        self.menus = self.table.build_menus(self.menuBar())
        self._build_toolbar()
        self.refresh_icons(is_dark(QApplication.palette()))
        self._build_status_bar()
        self._connect()
        self.find_contradictions = FindContradictions(self)  # its dock, its action (issue 14)
        self.merge_action = MergeAction(self)  # File > Merge dossier or project… (issue 11)
        self.apply_tab_order()
        self._fit_panels()

        fit_to_screen(self)  # 1600x1000, or less on a smaller screen (a saved size wins below)
        self._restore_layout()
        self.project_actions.remember(project.path)
        self._project_loaded()

    def action(self, name: str) -> QAction:
        """An action of the window by its name in the action tables ("export", "undo", "tag", ...)."""
        return self.table[name]

    # -- building -------------------------------------------------------------------------------------

    def _build_centre(self) -> None:
        centre = CentreArea()
        centre.setObjectName("centre")
        centre.statements_dropped.connect(lambda ids: self.comparison_actions.add_statements(ids))
        centre.files_dropped.connect(lambda paths: self.project_actions.import_documents(paths))
        self.header = ComparisonHeader()
        self.comparison_title = self.header.title
        self.comparison_meta = self.header.meta
        self.analysis_label = self.header.status
        self.analysis_progress = self.header.progress
        self.cancel_button = self.header.cancel_button

        self.workspace = ComparisonWorkspace()
        # No minimum width of its own: its toolbar folds what does not fit behind », the column headers
        # clamp their lines, so it fits beside both side panels on a 1366-pixel laptop screen.
        self.workspace.setAccessibleName("Comparison workspace")

        self.empty_state = QLabel()  # rich on purpose, with our own words only (see _show_empty_state)
        self.empty_state.setWordWrap(True)
        self.empty_state.setMargin(24)
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setObjectName("hint")
        self.empty_state.setAccessibleName("No comparison open")

        self.centre_stack = QStackedWidget()
        self.centre_stack.addWidget(self.empty_state)
        self.centre_stack.addWidget(self.workspace)

        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.centre_stack, 1)
        self.setCentralWidget(centre)

    def _build_docks(self) -> None:
        self.comparison_list = ComparisonList()
        self.comparisons_dock = self._dock("Comparisons", "comparisonsDock", self.comparison_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.comparisons_dock)

        self.library = LibraryPanel(self.project, search_now=False)
        self.library_dock = self._dock("Library", "libraryDock", self.library)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.splitDockWidget(self.comparisons_dock, self.library_dock, Qt.Orientation.Vertical)

        self.annotations_panel = AnnotationsPanel()
        self.annotations_panel.setAccessibleName("Annotations")
        self.annotations_dock = self._dock("Annotations", "annotationsDock", self.annotations_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotations_dock)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        return dock

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Main toolbar")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(16, 16))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # The title takes the room the buttons leave, shortened with "…" (it took 600 px of a laptop's
        # toolbar and pushed Undo, Redo, Import and Export behind »).
        self.project_label = ElidedLabel(min_width=80)
        self.project_label.setObjectName("projectTitle")
        self.project_label.setAccessibleName("Project")
        self.project_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(self.project_label)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addSeparator()
        self._toolbar_proxies: list[tuple[QAction, QAction]] = []
        for name in TOOLBAR:
            if name is None:
                toolbar.addSeparator()
            elif name in ("undo", "redo"):
                toolbar.addAction(self._undo_button(name))
            else:
                toolbar.addAction(self.action(name))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _undo_button(self, name: str) -> QAction:
        # The menu's Undo reads "Undo tag “contradicts”"; on the toolbar that would push the rest off, so
        # the buttons say Undo and Redo and tell what they would do in their tooltips.
        stack, label, menu_action = self.undo_stack, name.capitalize(), self.action(name)
        can_change, text_change = (
            (stack.canUndoChanged, stack.undoTextChanged)
            if name == "undo"
            else (stack.canRedoChanged, stack.redoTextChanged)
        )
        button = QAction(menu_action.icon(), label, self)
        button.setObjectName(f"{name}Button")
        button.setEnabled(False)
        button.triggered.connect(menu_action.trigger)
        can_change.connect(button.setEnabled)
        text_change.connect(lambda text: button.setToolTip(tip(f"{label} {text}") if text else label))
        self._toolbar_proxies.append((button, menu_action))
        return button

    def _fit_panels(self) -> None:
        """Side panels keep their sizes when hidden and shown again, and fold away when the columns need
        the room (see ui/window_fit.py)."""
        docks = (self.annotations_dock, self.comparisons_dock, self.library_dock)
        self.panel_sizes = PanelSizes(self, docks)
        self.panel_folder = PanelFolder(
            self, self.centralWidget() or self, docks, self._room_the_columns_need, lambda m: self.say(m)
        )
        self.workspace.rebuilt.connect(self.panel_folder.schedule)

    def _room_the_columns_need(self) -> int:
        if self.centre_stack.currentWidget() is not self.workspace:
            return 0
        return self.workspace.minimum_columns_width()

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName("Project summary")
        self.statusBar().addPermanentWidget(self.counts_label)

    def _connect(self) -> None:
        self.events.statements_changed.connect(self._statements_changed)
        self.events.comparisons_changed.connect(self._comparisons_changed)
        self.events.annotations_changed.connect(self._annotations_changed)
        self.events.message.connect(self.say)
        self.undo_stack.indexChanged.connect(lambda _i: self.update_actions())
        self.library.selection_changed.connect(self.update_actions)
        self.workspace.rebuilt.connect(self.apply_tab_order)
        # A bound method, not a lambda: Qt drops the connection when this window goes.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._follow_system_scheme)

    def apply_tab_order(self) -> None:
        """Tab goes through the window as it reads, left to right: the comparisons, the library, the
        workspace (its buttons, columns, legend), the annotations. Qt's default follows creation order,
        which sent Tab from the library to the annotations and reached the comparisons last."""
        chain: list[QWidget] = [
            self.comparison_list,
            *self.library.focus_chain(),
            self.cancel_button,
            *self.workspace.focus_chain(),
            *self.annotations_panel.focus_chain(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- status -------------------------------------------------------------------------------------

    def say(self, message: str, timeout_ms: int = 8000, *, by_the_way: bool = False) -> None:
        """Tell the user what happened, in the status bar.

        A by-the-way message (what an analysis found, what was opened) does not cover a message about an
        edit the user made (its annotations flagged, say) while that one is still up.
        """
        current = self.statusBar().currentMessage()
        if by_the_way and current and current != self._by_the_way:
            return
        self._by_the_way = message if by_the_way else ""
        self.statusBar().showMessage(message, timeout_ms)

    def show_error(self, title: str, message: str, *, more: str = "", status: str = "") -> QMessageBox:
        """A warning the user must acknowledge (window-modal, so the app keeps painting); `more` is a second
        paragraph under the message, `status` what the status bar keeps saying once the box is gone."""
        self.say(status or f"{title}: {message}")
        box = message_box(self, QMessageBox.Icon.Warning, title, message[:1].upper() + message[1:], more)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def report_unopened(self, path: Path, message: str, *, instead: bool = False) -> None:
        """Say why a project file could not be opened (see ProjectActions.report_unopened)."""
        self.project_actions.report_unopened(path, message, instead=instead)

    def _update_counts(self) -> None:
        statements = self.project.count_statements()
        comparisons = self.comparison_list.count()
        annotations = self.project.count_annotations()
        self.counts_label.setText(
            f"{statements:,} statements · {comparisons} comparisons · {annotations} annotations"
        )

    def action_state(self) -> ActionState:
        return ActionState(
            selected=tuple(self.library.selected_statement_ids()),
            comparison_open=self.current_comparison_id is not None,
            members=frozenset(s.id for s in self.current_statements),  # the open comparison's, no query
            max_columns=MAX_COLUMNS,
        )

    def update_actions(self) -> None:
        if self.closed:
            return  # the undo stack signals as it is torn down, after the project file was closed
        self.table.update(self.action_state())

    def run_command(self, command_factory: Callable[[], cmd.ProjectCommand], done: str = "") -> bool:
        """Build, perform and push an undoable edit; a user's mistake becomes a message, not a crash."""
        try:
            command = command_factory()
            command.perform(self.undo_stack)
        except UserError as exc:
            self.show_error("That didn't work", str(exc))
            return False
        self.say(done or (command.text()[:1].upper() + command.text()[1:]))
        return True

    # -- project ------------------------------------------------------------------------------------

    def _project_loaded(self) -> None:
        title = self.project.title
        self.setWindowTitle(f"{title} — Counterpoint")
        self.project_label.setText(title)
        self.project_label.setToolTip(tip(f"{title}\n{self.project.path}"))
        self.analysis.forget()
        self._fill_comparisons()
        last = self.settings.value(self._comparison_key(), None)
        comparisons = [c.id for c in self.project.comparisons()]
        wanted = int(str(last)) if str(last).isdigit() and int(str(last)) in comparisons else None
        if wanted is None and comparisons:
            wanted = comparisons[0]
        self.open_comparison(wanted)
        self._update_counts()
        self.update_actions()
        self.say(
            f"Opened {self.project.path.name}: {self.project.count_statements():,} statements",
            by_the_way=True,
        )

    def _comparison_key(self) -> str:
        return "comparison/" + str(self.project.path.resolve()).replace("/", "|")

    def set_project(self, project: Project) -> None:
        """Switch to another project file; the old one is closed."""
        self.analysis.cancel()
        self.library.shutdown()
        old = self.project
        self.project = project
        self.undo_stack.clear()
        self.current_comparison_id = None
        self.library.set_project(project)
        old.close()
        self.project_actions.remember(project.path)
        self._project_loaded()
        self.project_changed.emit(project)

    def release_project(self) -> None:
        """Stop what reads the project file and close it, before the file itself is replaced (a restore);
        set_project follows with the file reopened."""
        self.analysis.cancel()
        self.library.shutdown()
        self.analysis.runner.wait()
        self.project.close()

    def show_in_library(self, ids: list[int]) -> None:
        """New statements: clear the search so they are listed, and select them."""
        self.library.search_box.clear()
        self.library.select_when_shown(ids)
        self.library.search_now()  # supersedes the search the edit started under the old filter

    def _statements_changed(self) -> None:
        self.library.refresh()
        self._fill_comparisons()
        self._reload_comparison()
        self._update_counts()

    # -- the open comparison ----------------------------------------------------------------------------

    def _fill_comparisons(self) -> None:
        entries = []
        for comparison, speakers, tagged in self.project.comparison_summaries():
            who = " · ".join(speakers) if speakers else f"{len(comparison.statement_ids)} statements"
            entries.append(
                (comparison.id, comparison.title, who + (f"  ·  {tagged} tagged" if tagged else ""))
            )
        self.comparison_list.set_comparisons(entries, self.current_comparison_id)

    def comparison(self) -> Comparison | None:
        if self.current_comparison_id is None:
            return None
        try:
            return self.project.comparison(self.current_comparison_id)
        except UserError:
            return None

    def open_comparison(self, comparison_id: int | None) -> None:
        """Show a comparison: its statements at once, its highlights when the analysis (off-thread) is done."""
        self.current_comparison_id = comparison_id
        comparison = self.comparison()
        if comparison is None:
            self.current_comparison_id = None
            self.current_statements = []
            self.library.model.set_columns({})
            self.current_analysis = None
            self.analysis.cancel()
            self._show_empty_state()
            self.annotations_panel.set_annotations([], [], self.project.tags())
            self.update_actions()
            return
        self.settings.setValue(self._comparison_key(), comparison.id)
        self.comparison_list.show_current(comparison.id)
        statements = [self.project.statement(i) for i in comparison.statement_ids]
        self.current_statements = statements
        self.library.model.set_columns({s.id: "ABCD"[n] for n, s in enumerate(statements)})
        self.header.show()
        self.comparison_title.setText(comparison.title)
        people = " · ".join(
            f"{s.speaker}" + (f", {s.said_on:%-d %b %Y}" if s.said_on else "") for s in statements
        )
        self.comparison_meta.setText(people or "No statements yet: drag some here from the library")
        self.centre_stack.setCurrentWidget(self.workspace)
        self.analysis.show(comparison.id, statements, painted=self._painted)
        self.update_actions()

    def _show_empty_state(self) -> None:
        """No comparison open: the centre says what to do next, which depends on what the project holds.
        (The header would only repeat it, so it goes.)"""
        self.header.hide()
        self.comparison_title.setText("")
        self.comparison_meta.setText("")
        if self.project.count_statements() == 0:
            headline = "Nothing to compare yet"
            steps = (
                "Import an article, a transcript or a press release (<b>File › Import</b>, Ctrl+I) and keep "
                "the quotations you want, or add a statement by hand (<b>New statement</b>, Ctrl+N).<br>"
                "Then select two to four of them and compare them side by side."
            )
        else:
            headline = "No comparison open"
            steps = (
                "Pick a comparison on the left, or select two to four statements in the library "
                "and choose <b>Comparison › New from selected statements</b> (Ctrl+Shift+N).<br>"
                "You can also drag statements here."
            )
        self.empty_state.setText(
            f"<div style='font-size:15pt; font-weight:600'>{headline}</div><p>{steps}</p>"
        )
        self.empty_state.setAccessibleName(headline)
        self.centre_stack.setCurrentWidget(self.empty_state)

    def show_comparison(self) -> None:
        """(Re)build the workspace and the annotations panel for the open comparison as it stands."""
        annotations = self.project.annotations(self.current_comparison_id)
        tags = self.project.tags()
        self.workspace.set_comparison(self.current_statements, self.current_analysis, annotations, tags)
        self.annotations_panel.set_annotations(annotations, self.current_statements, tags)

    def _reload_comparison(self) -> None:
        """After an edit that may touch the open comparison (its statements' texts, its members)."""
        comparison = self.comparison()
        if comparison is None:
            self.open_comparison(None)
            return
        statements = [self.project.statement(i) for i in comparison.statement_ids]
        if statements != self.current_statements:
            self.open_comparison(comparison.id)
        else:
            self.comparison_title.setText(comparison.title)

    def _comparisons_changed(self) -> None:
        self._fill_comparisons()
        self._reload_comparison()
        self._update_counts()

    def _annotations_changed(self, comparison_id: int | None) -> None:
        if self.current_comparison_id is not None and comparison_id in (None, self.current_comparison_id):
            annotations = self.project.annotations(self.current_comparison_id)
            tags = self.project.tags()
            if not self.analysis.waiting_to_redraw:
                # (While it waits the workspace still shows the texts before an edit and is about to be
                # rebuilt with these annotations: their offsets are for the new texts.)
                self.workspace.set_annotations(annotations, tags)
            self.annotations_panel.set_annotations(annotations, self.current_statements, tags)
        self._fill_comparisons()
        self.library.reload_filters()
        self._update_counts()

    @property
    def analysis_pending(self) -> bool:
        """An analysis of the open comparison is running or about to start."""
        return self.analysis.pending

    # -- theme and layout -------------------------------------------------------------------------------

    def set_theme(self, choice: ThemeChoice) -> None:
        self.theme_choice = choice
        self.settings.setValue("theme", choice.value)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme = apply_theme(app, choice)
            self.refresh_icons(theme.is_dark)
            self.say(f"{theme.name.capitalize()} theme")
        if self.current_comparison_id is not None:
            self.show_comparison()

    def refresh_icons(self, dark: bool) -> None:
        """The toolbar's icons as drawn for the theme in force."""
        self.table.set_dark(dark)
        for button, source in self._toolbar_proxies:
            button.setIcon(source.icon())

    def _follow_system_scheme(self, _scheme: object = None) -> None:
        if self.theme_choice == ThemeChoice.SYSTEM:
            self.set_theme(ThemeChoice.SYSTEM)

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        if isinstance(state, QByteArray | bytes) and self.restoreState(QByteArray(state)):
            return
        self.default_layout()

    def reset_layout(self) -> None:
        self.panel_sizes.forget()
        self.panel_folder.forget()
        for dock in (self.comparisons_dock, self.library_dock, self.annotations_dock):
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.comparisons_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.splitDockWidget(self.comparisons_dock, self.library_dock, Qt.Orientation.Vertical)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotations_dock)
        self.default_layout()
        self.say("Panels back in their places")

    def default_layout(self) -> None:
        default_dock_sizes(self, self.comparisons_dock, self.library_dock, self.annotations_dock)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The project's title takes at most two fifths of the toolbar; the buttons keep the rest.
        self.project_label.setMaximumWidth(max(120, event.size().width() * 2 // 5))

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # event() runs during construction too, before _painted exists.
        if event.type() == QEvent.Type.Paint and not getattr(self, "_painted", True):
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)
        return handled

    def _after_first_paint(self) -> None:
        if self.library.shown_filter is None:
            self.library.search_now()
        self.analysis.start_after_first_paint()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the workers and close the project file (idempotent)."""
        self.analysis.runner.cancel()
        self.find_contradictions.panel.cancel()  # it asks the analysis process, which close() ends
        self.library.shutdown()
        self.analysis.runner.close()  # waits, then ends the analysis process
        self.opener.wait()
        if self.project is not None and not self.closed:
            self.closed = True
            with suppress(RuntimeError, TypeError):  # already disconnected
                QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._follow_system_scheme)
            self.project.close()
