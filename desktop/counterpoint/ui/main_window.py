"""The main window: comparisons and the library on the left, the comparison workspace in the centre, the
annotations on the right; menus, shortcuts, undo, the status bar, and the settings it remembers."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from counterpoint.app.comparisons import existing_annotation
from counterpoint.errors import UserError
from counterpoint.store import Annotation, Comparison, Project, Statement, TargetSpec
from counterpoint.ui import commands as cmd
from counterpoint.ui.annotations_panel import AnnotationsPanel
from counterpoint.ui.dialog_keys import ask_title
from counterpoint.ui.duplicates import offer_existing
from counterpoint.ui.find_panel import FindContradictions
from counterpoint.ui.library import ComparisonList, LibraryPanel
from counterpoint.ui.library_model import STATEMENT_IDS_MIME, decode_statement_ids
from counterpoint.ui.merge_action import MergeAction
from counterpoint.ui.plain import message_box, tip
from counterpoint.ui.theme import ThemeChoice, apply_theme
from counterpoint.ui.window_fit import PanelFolder, PanelSizes, fit_to_screen
from counterpoint.ui.workers import AnalysisRunner, ProjectOpener
from counterpoint.ui.workspace import ComparisonWorkspace
from counterpoint.ui.workspace_model import analysis_summary

if TYPE_CHECKING:  # the dialogs are imported when first opened: start-up does not pay for them
    from counterpoint.ui.annotation_editor import AnnotationEditor
    from counterpoint.ui.statement_editor import StatementEditor

MAX_COLUMNS = 4
PLAIN_TEXT_DELAY_MS = 120
PROGRESS_DELAY_MS = 400  # an analysis longer than this shows its progress and a Cancel button
ANALYSES_KEPT = 24  # analyses kept for comparisons opened again in this session
CONFIRM_DELETE_ABOVE = 20  # statements deleted at once without asking
RECENT_LIMIT = 8
PROJECT_FILTER = "Counterpoint projects (*.counterpoint *.db *.sqlite);;All files (*)"


# -- the centre: a header over the workspace, and drops of statements --------------------------------------


class _CentreArea(QFrame):
    """Accepts statements dragged from the library, and document files dropped from the desktop."""

    statements_dropped = Signal(list)
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)

    @staticmethod
    def _wanted(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        mime = event.mimeData()
        return mime.hasFormat(STATEMENT_IDS_MIME) or any(url.isLocalFile() for url in mime.urls())

    def _show_target(self, on: bool) -> None:
        # Outlines the area while something droppable hovers over it (style: QFrame#centre[dropping]).
        self.setProperty("dropping", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._wanted(event):
            event.acceptProposedAction()
            self._show_target(True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._show_target(False)
        super().dragLeaveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._wanted(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self._show_target(False)
        mime = event.mimeData()
        if mime.hasFormat(STATEMENT_IDS_MIME):
            ids = decode_statement_ids(bytes(mime.data(STATEMENT_IDS_MIME).data()))
            if ids:
                event.acceptProposedAction()
                self.statements_dropped.emit(ids)
            return
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class _ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" instead of widening the window."""

    def __init__(self, parent: QWidget | None = None, *, min_width: int = 60) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)  # project data: never rich text (see ui/plain.py)
        self.setMinimumWidth(min_width)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        # What it asks for does not depend on the text, or a long one would push its neighbours away.
        return QSize(self.minimumWidth(), super().sizeHint().height())

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(tip(text))
        self._elide()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))

    def shown_text(self) -> str:
        """What is on screen: the text, or its shortened form."""
        return super().text()


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
        self.analysis_runner = AnalysisRunner(self)
        self.opener = ProjectOpener(self)
        self.current_comparison_id: int | None = None
        self.current_statements: list[Statement] = []
        self.current_analysis: Any = None
        self._analyses: dict[tuple[str, ...], Any] = {}
        self._analysing_for: tuple[int, tuple[str, ...]] | None = None
        self.active_editor: QDialog | None = None
        self._by_the_way = ""  # the status bar's message, while it is one that may be covered
        self._painted = False
        self._plain_timer = QTimer(self)
        self._plain_timer.setSingleShot(True)
        self._plain_timer.setInterval(PLAIN_TEXT_DELAY_MS)
        self._plain_timer.timeout.connect(self._show_comparison)
        self.theme_choice = ThemeChoice(str(self.settings.value("theme", ThemeChoice.SYSTEM.value)))

        self._build_centre()
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self.find_contradictions = FindContradictions(self)  # its dock, its action (issue 14)
        self.merge_action = MergeAction(self)  # File > Merge dossier or project… (issue 11)
        self.apply_tab_order()
        self._fit_panels()

        fit_to_screen(self)  # 1600x1000, or less on a smaller screen (a saved size wins below)
        self._restore_layout()
        self._remember_project(project.path)
        self._project_loaded()

    # -- building -------------------------------------------------------------------------------------

    def _build_centre(self) -> None:
        centre = _CentreArea()
        centre.setObjectName("centre")
        centre.statements_dropped.connect(self.add_statements_to_comparison)
        centre.files_dropped.connect(self.import_documents)

        header = QFrame()
        header.setObjectName("workspaceHeader")
        self.comparison_title = _ElidedLabel()
        self.comparison_title.setObjectName("comparisonTitle")
        self.comparison_title.setAccessibleName("Comparison title")
        self.comparison_meta = _ElidedLabel()
        self.comparison_meta.setObjectName("comparisonMeta")
        self.analysis_label = QLabel()
        self.analysis_label.setObjectName("hint")
        self.analysis_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.analysis_progress = QProgressBar()
        self.analysis_progress.setAccessibleName("Analysis progress")
        self.analysis_progress.setFixedWidth(110)
        self.analysis_progress.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("compact")
        self.cancel_button.setAccessibleName("Cancel the analysis")
        self.cancel_button.clicked.connect(self.cancel_analysis)
        # Most analyses land in a blink: the progress and Cancel appear only for a long one, and take no
        # room before (kept for them, it cut the line of who is compared short for nothing).
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        # The title has the whole width; who is compared and the analysis status share the line below.
        grid = QGridLayout(header)
        grid.setContentsMargins(16, 10, 16, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.comparison_title, 0, 0, 1, 4)
        grid.addWidget(self.comparison_meta, 1, 0)
        grid.addWidget(self.analysis_progress, 1, 1)
        grid.addWidget(self.cancel_button, 1, 2)
        grid.addWidget(self.analysis_label, 1, 3)
        grid.setColumnStretch(0, 1)
        # Their row is as tall as the Cancel button from the start, so they appear without moving the
        # workspace below.
        grid.setRowMinimumHeight(1, self.cancel_button.sizeHint().height())
        self._set_analysing(False)

        self.workspace = ComparisonWorkspace()
        # No minimum width of its own: its toolbar folds what does not fit behind », the column headers
        # clamp their lines, so it fits beside both side panels on a 1366-pixel laptop screen.
        self.workspace.setAccessibleName("Comparison workspace")

        self.empty_state = QLabel()
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
        layout.addWidget(header)
        layout.addWidget(self.centre_stack, 1)
        self.header = header
        self.setCentralWidget(centre)

    def _build_docks(self) -> None:
        self.comparison_list = ComparisonList()
        self.comparison_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.comparison_list.customContextMenuRequested.connect(self._comparison_menu)
        self.comparison_list.comparison_picked.connect(self.open_comparison)
        self.comparison_list.itemDoubleClicked.connect(lambda _item: self.rename_comparison())
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

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutVisibleInContextMenu(True)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        k = QKeySequence.StandardKey
        self.new_project_action = a(
            "&New project…", self.new_project, "Ctrl+Alt+N", "Create an empty project file"
        )
        self.open_project_action = a("&Open project…", self.choose_project, k.Open, "Open a project file")
        self.import_action = a(
            "&Import…", self.import_documents, "Ctrl+I", "Import articles, transcripts, releases"
        )
        self.paste_action = a(
            "Import from c&lipboard…",
            self.import_clipboard,
            "Ctrl+Shift+V",
            "Find the quotations in copied text and keep the ones you choose",
        )
        self.export_action = a("&Export…", self.export, "Ctrl+E", "Export the comparison as a report or data")
        self.quit_action = a("&Quit", self.close, "Ctrl+Q", "Quit Counterpoint")

        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(k.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        redo_keys = [QKeySequence(k.Redo), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
        self.redo_action.setShortcuts(
            list({key.toString(): key for key in redo_keys if not key.isEmpty()}.values())
        )
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        # Connected after the stack's own slots: by now the command has been undone (or redone).
        self.undo_action.triggered.connect(lambda: self.say(f"Undid: {self.undo_stack.redoText()}"))
        self.redo_action.triggered.connect(lambda: self.say(f"Redid: {self.undo_stack.undoText()}"))
        self.new_statement_action = a("&New statement…", self.new_statement, k.New, "Add a statement by hand")
        self.edit_statement_action = a(
            "&Edit statement…", self.edit_statement, "Ctrl+Shift+E", "Correct the selected statement"
        )
        self.delete_statement_action = a(
            "&Delete statement", self.delete_statement, k.Delete, "Delete the selected statements"
        )
        # Delete acts on the library's selection, so its key works only there (not while reading a column).
        self.removeAction(self.delete_statement_action)
        self.delete_statement_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.library.addAction(self.delete_statement_action)
        self.find_action = a("&Find in library", self.focus_search, k.Find, "Search the library")

        self.new_comparison_action = a(
            "&New from selected statements",
            self.new_comparison,
            "Ctrl+Shift+N",
            "Compare the statements selected in the library",
        )
        self.rename_comparison_action = a(
            "&Rename…", self.rename_comparison, "F2", "Rename the open comparison"
        )
        self.delete_comparison_action = a(
            "&Delete", self.delete_comparison, "Ctrl+Shift+Del", "Delete the open comparison"
        )
        self.add_to_comparison_action = a(
            "Add selected &statements",
            lambda: self.add_statements_to_comparison(self.library.selected_statement_ids()),
            "Ctrl+Shift+A",
            "Add the statements selected in the library as columns",
        )
        self.remove_from_comparison_action = a(
            "Re&move selected statements",
            self.remove_statements_from_comparison,
            "Ctrl+Shift+R",
            "Take the statements selected in the library out of the open comparison",
        )
        # Tagging and suggestions are the workspace's own actions; in this window their shortcuts work
        # wherever the focus is (the library included), and the menus show them.
        ws = self.workspace
        self.tag_action = ws.tag_action
        self.accept_action = ws.accept_suggestion_action
        self.workspace_actions = [
            ws.tag_action,
            ws.accept_suggestion_action,
            ws.next_suggestion_action,
            ws.previous_suggestion_action,
            ws.clear_selection_action,
            ws.copy_quote_action,
        ]
        for action in self.workspace_actions:
            # Esc and Ctrl+Shift+C stay local to the workspace: elsewhere they mean what they usually mean.
            if action not in (ws.clear_selection_action, ws.copy_quote_action):
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setShortcutVisibleInContextMenu(True)
        self.reanalyse_action = a("Re-&analyse", self.reanalyse, "F5", "Run the analysis again")
        self.cancel_action = a(
            "&Cancel analysis", self.cancel_analysis, "Ctrl+.", "Stop the running analysis"
        )

        self.reset_layout_action = a(
            "&Reset layout", self.reset_layout, "Ctrl+0", "Show every panel at its first-run size"
        )
        self.theme_actions = QActionGroup(self)
        for choice in ThemeChoice:
            action = QAction(choice.label, self, checkable=True)
            action.setChecked(choice == self.theme_choice)
            action.triggered.connect(lambda _checked=False, c=choice: self.set_theme(c))
            self.theme_actions.addAction(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_project_action)
        file_menu.addAction(self.open_project_action)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.paste_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.new_statement_action)
        edit_menu.addAction(self.edit_statement_action)
        edit_menu.addAction(self.delete_statement_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)

        comparison_menu = bar.addMenu("&Comparison")
        comparison_menu.addAction(self.new_comparison_action)
        comparison_menu.addAction(self.rename_comparison_action)
        comparison_menu.addAction(self.delete_comparison_action)
        comparison_menu.addAction(self.add_to_comparison_action)
        comparison_menu.addAction(self.remove_from_comparison_action)
        comparison_menu.addSeparator()
        comparison_menu.addActions(self.workspace_actions)
        comparison_menu.addSeparator()
        comparison_menu.addAction(self.reanalyse_action)
        comparison_menu.addAction(self.cancel_action)

        view_menu = bar.addMenu("&View")
        for number, dock in enumerate((self.comparisons_dock, self.library_dock, self.annotations_dock), 1):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(f"Ctrl+{number}"))
            view_menu.addAction(toggle)
        view_menu.addAction(self.reset_layout_action)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        theme_menu.addActions(self.theme_actions.actions())

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Main toolbar")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(16, 16))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # The title takes the room the buttons leave, shortened with "…" (it took 600 px of a laptop's
        # toolbar and pushed Undo, Redo, Import and Export behind »).
        self.project_label = _ElidedLabel(min_width=80)
        self.project_label.setObjectName("projectTitle")
        self.project_label.setAccessibleName("Project")
        self.project_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(self.project_label)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addSeparator()
        self.new_comparison_action.setIconText("Compare selected")  # the menu keeps the long name
        for action in (self.new_statement_action, self.new_comparison_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        # The menu's Undo reads "Undo tag “contradicts”"; on the toolbar that would push the rest off, so
        # the buttons say Undo and Redo and tell what they would do in their tooltips.
        for label, menu_action, can_change, text_change in (
            ("Undo", self.undo_action, self.undo_stack.canUndoChanged, self.undo_stack.undoTextChanged),
            ("Redo", self.redo_action, self.undo_stack.canRedoChanged, self.undo_stack.redoTextChanged),
        ):
            button = QAction(label, self)
            button.setEnabled(False)
            button.triggered.connect(menu_action.trigger)
            can_change.connect(button.setEnabled)
            text_change.connect(
                lambda text, b=button, verb=label: b.setToolTip(tip(f"{verb} {text}") if text else verb)
            )
            toolbar.addAction(button)
        toolbar.addSeparator()
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.export_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _fit_panels(self) -> None:
        """Side panels keep their sizes when hidden and shown again, and fold away when the columns need
        the room (see ui/window_fit.py)."""
        docks = (self.annotations_dock, self.comparisons_dock, self.library_dock)
        self.panel_sizes = PanelSizes(self, docks)
        self.panel_folder = PanelFolder(
            self, self.centralWidget(), docks, self._room_the_columns_need, lambda m: self.say(m)
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
        self.undo_stack.indexChanged.connect(lambda _i: self._update_actions())
        self.library.statement_activated.connect(self.edit_statement)
        self.library.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.library.view.customContextMenuRequested.connect(self._library_menu)
        self.library.selection_changed.connect(self._update_actions)
        self.workspace.tag_requested.connect(self.tag_selection)
        self.workspace.rebuilt.connect(self.apply_tab_order)
        self.workspace.suggestion_accepted.connect(self.accept_pair)
        self.workspace.annotation_activated.connect(self._annotation_activated_in_workspace)
        self.annotations_panel.annotation_activated.connect(self.reveal_annotation)
        self.annotations_panel.edit_requested.connect(self.edit_annotation)
        self.annotations_panel.delete_requested.connect(self.delete_annotation)
        self.analysis_runner.started.connect(lambda _g: self._set_analysing(True))
        self.analysis_runner.progress.connect(self._analysis_progress)
        self.analysis_runner.finished.connect(self._analysis_finished)
        self.analysis_runner.failed.connect(self._analysis_failed)
        self.analysis_runner.cancelled.connect(lambda _g: self._analysis_cancelled())
        self.opener.opened.connect(self._project_opened)
        self.opener.failed.connect(self._open_failed)
        style_hints = QGuiApplication.styleHints()
        # A bound method, not a lambda: Qt drops the connection when this window goes.
        style_hints.colorSchemeChanged.connect(self._follow_system_scheme)

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

    def show_error(self, title: str, message: str, *, more: str = "", status: str = "") -> None:
        """A warning the user must acknowledge (window-modal, so the app keeps painting); `more` is a second
        paragraph under the message, `status` what the status bar keeps saying once the box is gone."""
        self.say(status or f"{title}: {message}")
        box = message_box(self, QMessageBox.Icon.Warning, title, message[:1].upper() + message[1:], more)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    def _open_failed(self, path: Path, message: str) -> None:
        self.report_unopened(path, message)

    def report_unopened(self, path: Path, message: str, *, instead: bool = False) -> None:
        """Not a project, a damaged one, one from a newer version: the store checked it read-only, so the
        file is as it was, and the project that was open stays open (or, at start, opened `instead` of
        the last one). Say both."""
        path = Path(path)
        # the store's advice to run `counterpoint check` carries the whole path, for a terminal: it goes
        # with the details, and the sentence itself names the file only
        message, _sep, advice = message.partition("; run `counterpoint check")
        message = message.replace(str(path), f"“{path.name}”", 1).rstrip(".") + "."
        current = self.project.path.name
        where = f"{current} is open instead" if instead else f"{current} is still open"
        more = f"The file has not been changed, and {where}.\n\nFolder: {path.parent}"
        if advice:
            more += f"\n\nIn a terminal, run `counterpoint check{advice}."
        self.show_error(
            f"Can't open {path.name}",
            message,
            more=more,
            status=f"Can't open {path.name}; {where}",
        )

    def _update_counts(self) -> None:
        statements = self.project.count_statements()
        comparisons = self.comparison_list.count()
        annotations = self.project.count_annotations()
        self.counts_label.setText(
            f"{statements:,} statements · {comparisons} comparisons · {annotations} annotations"
        )

    def _update_actions(self) -> None:
        if getattr(self, "_closed", False):
            return  # the undo stack signals as it is torn down, after the project file was closed
        selected = self.library.selected_statement_ids()
        has_comparison = self.current_comparison_id is not None
        self.edit_statement_action.setEnabled(len(selected) == 1)
        self.delete_statement_action.setEnabled(bool(selected))
        self.new_comparison_action.setEnabled(2 <= len(selected) <= MAX_COLUMNS)
        for action in (self.rename_comparison_action, self.delete_comparison_action):
            action.setEnabled(has_comparison)
        members = {s.id for s in self.current_statements}  # the open comparison's, without a query
        self.add_to_comparison_action.setEnabled(
            has_comparison and bool(set(selected) - members) and len(members | set(selected)) <= MAX_COLUMNS
        )
        self.remove_from_comparison_action.setEnabled(bool(set(selected) & members))
        self.reanalyse_action.setEnabled(has_comparison)
        self.export_action.setEnabled(True)

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
        self._analyses.clear()
        self._fill_comparisons()
        last = self.settings.value(self._comparison_key(), None)
        comparisons = [c.id for c in self.project.comparisons()]
        wanted = int(str(last)) if str(last).isdigit() and int(str(last)) in comparisons else None
        if wanted is None and comparisons:
            wanted = comparisons[0]
        self.open_comparison(wanted)
        self._update_counts()
        self._update_actions()
        self.say(
            f"Opened {self.project.path.name}: {self.project.count_statements():,} statements",
            by_the_way=True,
        )

    def _comparison_key(self) -> str:
        return "comparison/" + str(self.project.path.resolve()).replace("/", "|")

    def set_project(self, project: Project) -> None:
        """Switch to another project file; the old one is closed."""
        self.analysis_runner.cancel()
        self.library.shutdown()
        old = self.project
        self.project = project
        self.undo_stack.clear()
        self.current_comparison_id = None
        self.library.set_project(project)
        old.close()
        self._remember_project(project.path)
        self._project_loaded()
        self.project_changed.emit(project)

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New project", str(self._folder()), PROJECT_FILTER)
        if not path:
            return
        if not Path(path).suffix:
            path += ".counterpoint"
        if Path(path).exists():
            self.show_error("Can't create the project", f"{path} already exists; open it instead")
            return
        self.open_project(path, create=True)

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", str(self._folder()), PROJECT_FILTER)
        if path:
            self.open_project(path)

    def open_project(self, path: str | Path, *, create: bool = False) -> None:
        """Open (and migrate) on a worker thread; switch when it's ready."""
        self.say(f"Opening {Path(path).name}…", 0)
        self.opener.open(Path(path), create=create)

    def _project_opened(self, path: Path) -> None:
        try:
            project = Project.open(path)
        except UserError as exc:
            self._open_failed(path, str(exc))
            return
        self.set_project(project)
        if project.backup_path:
            self.say(
                f"Updated {path.name} to the current format; the old file is kept as {project.backup_path.name}"
            )

    def _folder(self) -> Path:
        return self.project.path.parent

    def _remember_project(self, path: Path) -> None:
        resolved = str(Path(path).resolve())
        recent = [p for p in self._recent_projects() if p != resolved]
        self.settings.setValue("recent_projects", [resolved, *recent][:RECENT_LIMIT])
        self.settings.setValue("last_project", resolved)

    def _recent_projects(self) -> list[str]:
        value = self.settings.value("recent_projects", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = str(self.project.path.resolve())
        entries = [p for p in self._recent_projects() if p != current]
        for number, path in enumerate(entries, 1):
            action = self.recent_menu.addAction(f"&{number}  {Path(path).name}  —  {Path(path).parent}")
            action.setEnabled(Path(path).exists())
            action.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        if not entries:
            self.recent_menu.addAction("No other recent projects").setEnabled(False)

    def import_documents(self, paths: list[Path] | None = None) -> list[int]:
        """File > Import (or files dropped on the window): preview the quotations found, keep the chosen ones.

        The statements added come back with one Undo.
        """
        from counterpoint.ui.import_preview import import_documents_with_preview

        added = import_documents_with_preview(self, self.project, paths)
        if not added:
            self.say("Nothing imported")
            return []
        self.run_command(
            lambda: cmd.ImportedStatementsCommand(self.project, self.events, added),
            f"Imported {len(added)} statement{'s' if len(added) != 1 else ''} (Undo removes them)",
        )
        self._show_in_library(added)
        return added

    def import_clipboard(self, text: str | None = None) -> list[int]:
        """File > Import from clipboard: copied text (an article, a transcript) becomes a source, and the
        quotations the user keeps in the preview become statements, with one Undo."""
        from counterpoint.ui.import_preview import import_text_with_preview

        if text is None:
            text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.say("The clipboard holds no text to import")
            return []
        added = import_text_with_preview(self, self.project, text) or []
        if not added:
            self.say("Nothing imported")
            return []
        self.run_command(
            lambda: cmd.ImportedStatementsCommand(self.project, self.events, added),
            f"Imported {len(added)} statement{'s' if len(added) != 1 else ''} from the clipboard (Undo removes them)",
        )
        self._show_in_library(added)
        return added

    def _show_in_library(self, ids: list[int]) -> None:
        """New statements: clear the search so they are listed, and select them."""
        self.library.search_box.clear()
        self.library.select_when_shown(ids)
        self.library.search_now()  # supersedes the search the edit started under the old filter

    def export(self) -> None:
        from counterpoint.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.project, self.current_comparison_id, self)
        dialog.export_finished.connect(
            lambda path: self.say(f"Exported {path}" if path else "The export did not complete")
        )
        self.active_editor = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: setattr(self, "active_editor", None))
        dialog.open()

    # -- statements ---------------------------------------------------------------------------------

    def _statement_editor(self, statement: Statement | None) -> StatementEditor:
        from counterpoint.ui.statement_editor import StatementEditor

        sources = [s.title for s in self.project.sources()]
        speakers = {s.name: s.role for s in self.project.speakers()}
        editor = StatementEditor(speakers, sources, statement, self)
        self.active_editor = editor
        return editor

    def new_statement(self) -> None:
        editor = self._statement_editor(None)

        def done(result: int) -> None:
            self.active_editor = None
            if result != QDialog.DialogCode.Accepted:
                return
            values = editor.values()
            command: list[cmd.AddStatementCommand] = []

            def make() -> cmd.AddStatementCommand:
                command.append(cmd.AddStatementCommand(self.project, self.events, values))
                return command[0]

            if (
                self.run_command(make, f"Added a statement by {values['speaker']}")
                and command[0].statement_id
            ):
                self._show_in_library([command[0].statement_id])

        editor.finished.connect(done)
        editor.finished.connect(editor.deleteLater)  # one dialog per use, not one per use kept forever
        editor.open()

    def edit_statement(self, statement_id: int | None = None) -> None:
        if statement_id is None:
            selected = self.library.selected_statement_ids()
            if len(selected) != 1:
                self.say("Select one statement in the library to edit it")
                return
            statement_id = selected[0]
        editor = self._statement_editor(self.project.statement(statement_id))

        def done(result: int) -> None:
            self.active_editor = None
            if result == QDialog.DialogCode.Accepted:
                self.apply_statement_edit(statement_id, editor.values())

        editor.finished.connect(done)
        editor.finished.connect(editor.deleteLater)  # one dialog per use, not one per use kept forever
        editor.open()

    def apply_statement_edit(self, statement_id: int, values: dict[str, Any]) -> list[int]:
        """Save a statement's changed fields (undoable); returns the ids of spans that lost their anchor."""
        if not values:
            self.say("Nothing changed")
            return []
        command: list[cmd.EditStatementCommand] = []

        def make() -> cmd.EditStatementCommand:
            command.append(cmd.EditStatementCommand(self.project, self.events, statement_id, values))
            return command[0]

        if not self.run_command(make):
            return []
        lost = command[0].lost
        annotated = self.project.count_targets_on(statement_id)
        if lost:
            self.say(
                f"Statement saved. {len(lost)} annotated span{'s' if len(lost) != 1 else ''} no longer match "
                "the corrected text and are flagged for review"
            )
        elif "text" in values and annotated:
            self.say(
                f"Statement saved; its {annotated} annotated span{'s' if annotated != 1 else ''} moved with the text"
            )
        else:
            self.say("Statement saved")
        return lost

    def delete_statement(self) -> None:
        ids = self.library.selected_statement_ids()
        if not ids:
            self.say("Select statements in the library to delete them")
            return
        if len(ids) > CONFIRM_DELETE_ABOVE:
            answer = QMessageBox.question(
                self,
                "Delete statements",
                f"Delete {len(ids):,} statements, with their annotations? Undo can bring them back.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.undo_stack.beginMacro(f"delete {len(ids)} statement{'s' if len(ids) != 1 else ''}")
        try:
            for statement_id in ids:
                if not self.run_command(self._delete_statement_command(statement_id)):
                    break
        finally:
            self.undo_stack.endMacro()
        self.say(f"Deleted {len(ids)} statement{'s' if len(ids) != 1 else ''} (Undo brings them back)")

    def _delete_statement_command(self, statement_id: int) -> Callable[[], cmd.ProjectCommand]:
        return lambda: cmd.DeleteStatementCommand(self.project, self.events, statement_id)

    def _library_menu(self, position: Any) -> None:
        menu = QMenu(self)
        menu.addAction(self.new_comparison_action)
        menu.addAction(self.find_contradictions.action)
        if self.comparison() is not None:
            menu.addAction(self.add_to_comparison_action)
            menu.addAction(self.remove_from_comparison_action)
        menu.addSeparator()
        menu.addAction(self.new_statement_action)
        menu.addAction(self.edit_statement_action)
        menu.addAction(self.delete_statement_action)
        menu.exec(self.library.view.viewport().mapToGlobal(position))

    def focus_search(self) -> None:
        self.library_dock.show()
        self.library.search_box.setFocus()
        self.library.search_box.selectAll()

    def _statements_changed(self) -> None:
        self.library.refresh()
        self._fill_comparisons()
        self._reload_comparison()
        self._update_counts()

    # -- comparisons ----------------------------------------------------------------------------------

    def _fill_comparisons(self) -> None:
        entries = []
        for comparison, speakers, tagged in self.project.comparison_summaries():
            who = " · ".join(speakers) if speakers else f"{len(comparison.statement_ids)} statements"
            entries.append(
                (comparison.id, comparison.title, who + (f"  ·  {tagged} tagged" if tagged else ""))
            )
        self.comparison_list.set_comparisons(entries, self.current_comparison_id)

    def _comparison_menu(self, position: Any) -> None:
        menu = QMenu(self)
        menu.addAction(self.rename_comparison_action)
        menu.addAction(self.delete_comparison_action)
        menu.exec(self.comparison_list.viewport().mapToGlobal(position))

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
            self.analysis_runner.cancel()
            self._show_empty_state()
            self.annotations_panel.set_annotations([], [], self.project.tags())
            self._update_actions()
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
        texts = tuple(s.text for s in statements)
        cached = self._analyses.get(texts)
        self.current_analysis = cached
        if cached is None and len(statements) >= 2:
            self._analysing_for = (comparison.id, texts)
            self._set_analysing(True)
            if self._painted:
                # Most analyses land within a moment: build the columns once, with their highlights.
                # A long one shows the plain text first (after PLAIN_TEXT_DELAY_MS), highlights later.
                self._plain_timer.start()
                self.analysis_runner.analyse(texts)
            else:
                # Before the first paint: show the text now, analyse after, so the window appears at once.
                self._show_comparison()
        else:
            # Nothing to analyse here (one statement, or the analysis is at hand): an analysis still
            # pending for the comparison open before must not be started or reported as this one's.
            self._analysing_for = None
            self._plain_timer.stop()
            self._show_comparison()
            self._set_analysing(False)
        self._update_actions()

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

    def _show_comparison(self) -> None:
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

    def new_comparison(
        self, statement_ids: Sequence[int] | None = None, title: str | None = None
    ) -> int | None:
        ids = list(statement_ids) if statement_ids is not None else self.library.selected_statement_ids()
        if not 2 <= len(ids) <= MAX_COLUMNS:
            self.say(f"Select two to {MAX_COLUMNS} statements in the library to compare them")
            return None
        if title is None:
            speakers = list(dict.fromkeys(self.project.statement(i).speaker.split()[-1] for i in ids))
            suggested = " vs ".join(speakers)
            title, ok = ask_title(self, "New comparison", "Title:", suggested)
            if not ok:
                return None
        command: list[cmd.CreateComparisonCommand] = []

        def make() -> cmd.CreateComparisonCommand:
            command.append(cmd.CreateComparisonCommand(self.project, self.events, title or "", ids))
            return command[0]

        if not self.run_command(make, f"Created the comparison “{title}”"):
            return None
        self.open_comparison(command[0].comparison_id)
        return command[0].comparison_id

    def rename_comparison(self, title: str | None = None) -> None:
        comparison = self.comparison()
        if comparison is None:
            return
        if title is None:
            title, ok = ask_title(self, "Rename comparison", "Title:", comparison.title)
            if not ok or title.strip() == comparison.title:
                return
        self.run_command(
            lambda: cmd.RenameComparisonCommand(self.project, self.events, comparison.id, title or ""),
            f"Renamed the comparison to “{title}”",
        )

    def delete_comparison(self) -> None:
        comparison = self.comparison()
        if comparison is None:
            return
        if self.run_command(
            lambda: cmd.DeleteComparisonCommand(self.project, self.events, comparison.id),
            f"Deleted the comparison “{comparison.title}” (Undo brings it back)",
        ):
            remaining = self.project.comparisons()
            self.open_comparison(remaining[0].id if remaining else None)

    def add_statements_to_comparison(self, ids: list[int]) -> None:
        """Statements dropped on the workspace join the open comparison (or start one)."""
        comparison = self.comparison()
        if comparison is None:
            self.new_comparison(ids)
            return
        members = list(comparison.statement_ids)
        new = [i for i in ids if i not in members]
        if not new:
            self.say("Those statements are already in this comparison")
            return
        if len(members) + len(new) > MAX_COLUMNS:
            self.say(f"A comparison holds up to {MAX_COLUMNS} statements")
            return
        self.run_command(
            lambda: cmd.SetComparisonStatementsCommand(
                self.project, self.events, comparison.id, members + new
            ),
            f"Added {len(new)} statement{'s' if len(new) != 1 else ''} to “{comparison.title}”",
        )

    def remove_statements_from_comparison(self) -> None:
        """Take the library's selected statements out of the open comparison (their annotations stay)."""
        comparison = self.comparison()
        if comparison is None:
            return
        chosen = set(self.library.selected_statement_ids())
        members = [i for i in comparison.statement_ids if i not in chosen]
        removed = len(comparison.statement_ids) - len(members)
        if not removed:
            self.say("Select statements of this comparison in the library to take them out")
            return
        self.run_command(
            lambda: cmd.SetComparisonStatementsCommand(self.project, self.events, comparison.id, members),
            f"Took {removed} statement{'s' if removed != 1 else ''} out of “{comparison.title}”",
        )

    # -- analysis -------------------------------------------------------------------------------------

    def _set_analysing(self, busy: bool) -> None:
        if busy:
            self._progress_timer.start()
        else:
            self._progress_timer.stop()
            self.analysis_progress.hide()
            self.cancel_button.hide()
        if busy:
            self.analysis_progress.setRange(0, 0)
            self.analysis_label.setText("Analysing…")
        elif self.current_analysis is not None:
            self.analysis_label.setText(_found(self.current_analysis, short=True))
        else:
            self.analysis_label.setText("")

    def _show_progress(self) -> None:
        if self.analysis_pending:
            self.analysis_progress.show()
            self.cancel_button.show()

    def _analysis_progress(self, done: int, total: int) -> None:
        self.analysis_progress.setRange(0, max(total, 1))
        self.analysis_progress.setValue(done)

    def _analysis_finished(self, _generation: int, analysis: Any) -> None:
        if self._analysing_for is None or getattr(self, "_closed", False):
            return  # nothing asked for, or the window has shut its project since
        comparison_id, texts = self._analysing_for
        self._analysing_for = None
        self._analyses[texts] = analysis
        while len(self._analyses) > ANALYSES_KEPT:  # the oldest go first (dicts keep insertion order)
            del self._analyses[next(iter(self._analyses))]
        if comparison_id != self.current_comparison_id:
            return
        self._plain_timer.stop()
        self.current_analysis = analysis
        self._show_comparison()
        self._set_analysing(False)
        self._update_actions()
        # Which comparison, and what was found: "Analysis done" alone said nothing a user could use.
        comparison = self.comparison()
        name = f"“{_shorten(comparison.title, 60)}”: " if comparison is not None else ""
        self.say(name + _found(analysis, short=False), by_the_way=True)
        self.analysis_ready.emit(comparison_id)

    def _analysis_failed(self, _generation: int, message: str) -> None:
        self._analysing_for = None
        if self._plain_timer.isActive():
            self._plain_timer.stop()
            self._show_comparison()
        self._set_analysing(False)
        self.analysis_label.setText("Analysis failed")
        self.say(f"The analysis failed: {message}")

    def _analysis_cancelled(self) -> None:
        self._analysing_for = None
        if self._plain_timer.isActive():
            self._plain_timer.stop()
            self._show_comparison()
        self._set_analysing(False)
        self.analysis_label.setText("Analysis cancelled (F5 runs it again)")
        self.say("Analysis cancelled")

    def cancel_analysis(self) -> None:
        self.analysis_runner.cancel()

    def reanalyse(self) -> None:
        comparison = self.comparison()
        if comparison is None:
            return
        self._analyses.pop(tuple(s.text for s in self.current_statements), None)
        self.open_comparison(comparison.id)

    # -- annotations ----------------------------------------------------------------------------------

    def _annotation_editor(
        self, targets: Sequence[TargetSpec], annotation: Annotation | None = None
    ) -> AnnotationEditor:
        from counterpoint.ui.annotation_editor import AnnotationEditor

        quotes = [self._quote(t) for t in targets]
        editor = AnnotationEditor(quotes, self.project.tags(), annotation=annotation, parent=self)
        self.active_editor = editor
        return editor

    def _quote(self, target: TargetSpec) -> tuple[str, str]:
        statement = self.project.statement(target.statement_id)
        return statement.speaker, statement.text[target.start : target.end]

    def tag_selection(self, targets: Sequence[TargetSpec] | None = None) -> AnnotationEditor | None:
        """Open the annotation editor on the selected spans; saving it adds an annotation (undoable)."""
        if self.current_comparison_id is None:
            self.say("Open a comparison first")
            return None
        spans = list(targets) if targets is not None else list(self.workspace.selection())
        if not spans:
            self.say("Select a span in one column (and one in another to tag a pair), then press Ctrl+T")
            return None
        existing = existing_annotation(self.project, self.current_comparison_id, spans)
        if existing is not None:
            # A second, identical annotation would count twice and be listed twice in the report.
            if offer_existing(self, self.project.annotation(existing)):
                self.edit_annotation(existing)
            return None
        editor = self._annotation_editor(spans)
        comparison_id = self.current_comparison_id

        def done(result: int) -> None:
            self.active_editor = None
            if result == QDialog.DialogCode.Accepted:
                self.add_annotation(spans, comparison_id, editor.values(), editor.new_tags())

        editor.finished.connect(done)
        editor.finished.connect(editor.deleteLater)  # one dialog per use, not one per use kept forever
        editor.open()
        return editor

    def add_annotation(
        self,
        targets: Sequence[TargetSpec],
        comparison_id: int | None,
        values: dict[str, Any],
        new_tags: dict[str, str] | None = None,
    ) -> int | None:
        """Add an annotation (undoable); `new_tags` are tags made on the fly, name → colour."""
        command: list[cmd.AddAnnotationCommand] = []

        def make() -> cmd.AddAnnotationCommand:
            command.append(
                cmd.AddAnnotationCommand(
                    self.project,
                    self.events,
                    targets,
                    comparison_id=comparison_id,
                    relation=values.get("relation"),
                    verdict=values.get("verdict"),
                    note=values.get("note", ""),
                    tags=values.get("tags", ()),
                    tag_colours=new_tags,
                )
            )
            return command[0]

        relation = values.get("relation")
        label = getattr(relation, "label", str(relation).replace("_", " ")) if relation else ""
        quotes = " and ".join(f"“{_shorten(self._quote(t)[1])}”" for t in targets)
        said = f"Tagged {quotes} as {label}" if label else f"Annotated {quotes}"
        if not self.run_command(make, said):
            return None
        return command[0].annotation_id

    def edit_annotation(self, annotation_id: int) -> None:
        annotation = self.project.annotation(annotation_id)
        targets = [TargetSpec(t.statement_id, t.start, t.end) for t in annotation.targets]
        editor = self._annotation_editor(targets, annotation)

        def done(result: int) -> None:
            self.active_editor = None
            if result == QDialog.DialogCode.Accepted:
                values, colours = editor.values(), editor.new_tags()
                self.run_command(
                    lambda: cmd.EditAnnotationCommand(
                        self.project, self.events, annotation_id, values, tag_colours=colours
                    ),
                    "Annotation saved",
                )

        editor.finished.connect(done)
        editor.finished.connect(editor.deleteLater)  # one dialog per use, not one per use kept forever
        editor.open()

    def delete_annotation(self, annotation_id: int) -> None:
        self.run_command(
            lambda: cmd.DeleteAnnotationCommand(self.project, self.events, annotation_id),
            "Deleted the annotation (Undo brings it back)",
        )

    def reveal_annotation(self, annotation_id: int) -> None:
        self.workspace.reveal_annotation(annotation_id)

    def _annotation_activated_in_workspace(self, annotation_id: int) -> None:
        self.annotations_dock.show()
        select = getattr(self.annotations_panel, "select_annotation", None)
        if callable(select):
            select(annotation_id)

    def accept_pair(self, pair: Any) -> int | None:
        comparison = self.comparison()
        if comparison is None:
            return None
        command: list[cmd.AcceptSuggestionCommand] = []

        def make() -> cmd.AcceptSuggestionCommand:
            command.append(
                cmd.AcceptSuggestionCommand(
                    self.project, self.events, comparison.id, comparison.statement_ids, pair
                )
            )
            return command[0]

        if not self.run_command(make, f"Accepted the {pair.kind} suggestion as a contradiction to review"):
            return None
        return command[0].annotation_id

    def _annotations_changed(self, comparison_id: int | None) -> None:
        if self.current_comparison_id is not None and comparison_id in (None, self.current_comparison_id):
            annotations = self.project.annotations(self.current_comparison_id)
            tags = self.project.tags()
            if not self._plain_timer.isActive():
                # (While it is active the workspace still shows the texts before an edit and is about to
                # be rebuilt with these annotations: their offsets are for the new texts.)
                self.workspace.set_annotations(annotations, tags)
            self.annotations_panel.set_annotations(annotations, self.current_statements, tags)
        self._fill_comparisons()
        self.library.reload_filters()
        self._update_counts()

    # -- theme and layout -------------------------------------------------------------------------------

    def set_theme(self, choice: ThemeChoice) -> None:
        self.theme_choice = choice
        self.settings.setValue("theme", choice.value)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme = apply_theme(app, choice)
            self.say(f"{theme.name.capitalize()} theme")
        if self.current_comparison_id is not None:
            self._show_comparison()

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
        """The first-run arrangement: a wide library on the left, the annotations on the right."""
        self.resizeDocks([self.comparisons_dock, self.library_dock], [150, 760], Qt.Orientation.Vertical)
        # Narrower on a laptop screen: the statement columns need the room more.
        width = self.width()
        left, right = max(260, min(390, width * 24 // 100)), max(230, min(310, width * 19 // 100))
        self.resizeDocks([self.library_dock, self.annotations_dock], [left, right], Qt.Orientation.Horizontal)

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

    @property
    def analysis_pending(self) -> bool:
        """An analysis of the open comparison is running or about to start."""
        return self._analysing_for is not None

    def _after_first_paint(self) -> None:
        if self.library.shown_filter is None:
            self.library.search_now()
        if self._analysing_for is not None and not self.analysis_runner.busy:
            self.analysis_runner.analyse(self._analysing_for[1])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the workers and close the project file (idempotent)."""
        self.analysis_runner.cancel()
        self.library.shutdown()
        self.analysis_runner.wait()
        self.opener.wait()
        if self.project is not None and not getattr(self, "_closed", False):
            self._closed = True
            with suppress(RuntimeError, TypeError):  # already disconnected
                QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._follow_system_scheme)
            self.project.close()


def _found(analysis: Any, *, short: bool) -> str:
    """What an analysis shows, for the header (short) or the status bar: the contrasts highlighted, or the
    word changes when the statements are versions of one text (their contrasts are then not shown)."""
    contrasts, versions = analysis_summary(analysis)
    if short:
        said = (
            [f"{contrasts} contrast{'s' if contrasts != 1 else ''} found"]
            if contrasts or not versions
            else []
        )
        return " · ".join([*said, *(["word changes shown"] if versions else [])])
    said = [f"{contrasts} contrasting phrase{'s' if contrasts != 1 else ''} highlighted"] if contrasts else []
    if versions:
        said.append("versions of one text, their word changes shown")
    return ", ".join(said) or "the engine found no contrasting phrasing"


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
