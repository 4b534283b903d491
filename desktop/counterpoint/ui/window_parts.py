"""Pieces of the main window's centre: the area that takes drops, the header over the workspace (the
comparison's title, who is compared, the analysis status), and a label that shortens its text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from counterpoint.ui.library_model import STATEMENT_IDS_MIME, decode_statement_ids
from counterpoint.ui.plain import tip

PROGRESS_DELAY_MS = 400  # an analysis longer than this shows its progress and a Cancel button


# -- the centre: a header over the workspace, and drops of statements --------------------------------------


class CentreArea(QFrame):
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


class ElidedLabel(QLabel):
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


class ComparisonHeader(QFrame):
    """Over the workspace: the comparison's title on the whole width; who is compared and the analysis
    status share the line below. Most analyses land in a blink: the progress and Cancel appear only for a
    long one, and take no room before (kept for them, it cut the line of who is compared short for
    nothing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceHeader")
        self.title = ElidedLabel()
        self.title.setObjectName("comparisonTitle")
        self.title.setAccessibleName("Comparison title")
        self.meta = ElidedLabel()
        self.meta.setObjectName("comparisonMeta")
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Analysis progress")
        self.progress.setFixedWidth(110)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("compact")
        self.cancel_button.setAccessibleName("Cancel the analysis")
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self._busy = False
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 10, 16, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.title, 0, 0, 1, 4)
        grid.addWidget(self.meta, 1, 0)
        grid.addWidget(self.progress, 1, 1)
        grid.addWidget(self.cancel_button, 1, 2)
        grid.addWidget(self.status, 1, 3)
        grid.setColumnStretch(0, 1)
        # Their row is as tall as the Cancel button from the start, so they appear without moving the
        # workspace below.
        grid.setRowMinimumHeight(1, self.cancel_button.sizeHint().height())
        self.set_busy(False)

    def set_busy(self, busy: bool, status: str = "") -> None:
        """An analysis is running (progress shown after a moment) or not; `status` is said on the right."""
        self._busy = busy
        if busy:
            self._progress_timer.start()
            self.progress.setRange(0, 0)
        else:
            self._progress_timer.stop()
            self.progress.hide()
            self.cancel_button.hide()
        self.status.setText(status)

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _show_progress(self) -> None:
        if self._busy:
            self.progress.show()
            self.cancel_button.show()
