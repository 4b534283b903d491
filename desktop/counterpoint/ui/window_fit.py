"""The main window on any screen: its first size, side panels that fold away when the columns need the room,
and panels that come back at the size they had.

A laptop screen (1024x700, 1366x768) cannot hold the library, the annotations and three statement columns at
a readable width. The window then gives the columns the room first: it folds the side panels away (the
annotations, then the comparisons, then the library), says so in the status bar, and brings them back when
the window grows. A panel the user shows or hides is the user's choice and is left alone; the columns then
scroll sideways rather than shrink below a readable width.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

WANTED_SIZE = QSize(1600, 1000)  # what the window asks for on a large screen


def first_geometry(available: QRect, wanted: QSize = WANTED_SIZE) -> QRect:
    """The window's first place: `wanted`, or less so it fits `available` (the screen less its panels),
    centred there."""
    width = min(wanted.width(), available.width())
    height = min(wanted.height(), available.height())
    left = available.left() + (available.width() - width) // 2
    top = available.top() + (available.height() - height) // 2
    return QRect(left, top, width, height)


def fit_to_screen(window: QWidget, wanted: QSize = WANTED_SIZE) -> None:
    """Size and place a window on its screen so all of it, status bar included, is on screen. The frame the
    window manager adds is not known before the window is shown; a little is left for it."""
    screen = window.screen()
    if screen is None:
        window.resize(wanted)
        return
    available = screen.availableGeometry()
    frame = QSize(0, 0) if available.width() <= 0 else QSize(8, 32)  # borders and a title bar
    room = QRect(available.topLeft(), available.size() - frame)
    place = first_geometry(room, wanted)
    window.resize(place.size())
    window.move(place.topLeft())


def default_dock_sizes(
    window: QMainWindow, comparisons: QDockWidget, library: QDockWidget, annotations: QDockWidget
) -> None:
    """The first-run arrangement: a wide library on the left, the annotations on the right, both narrower
    on a laptop screen (the statement columns need the room more)."""
    window.resizeDocks([comparisons, library], [150, 760], Qt.Orientation.Vertical)
    width = window.width()
    left, right = max(260, min(390, width * 24 // 100)), max(230, min(310, width * 19 // 100))
    window.resizeDocks([library, annotations], [left, right], Qt.Orientation.Horizontal)


class PanelSizes(QObject):
    """Remembers the size of each side panel while it is shown, and gives it back when it is shown again.

    Qt shares a dock area's room out anew when a panel comes back (the library came back at a third of its
    height, about four cards, and the window remembered that). Each panel's width, and its height when it
    shares its side with another panel, is recorded as it changes; after a panel is shown again it is resized
    to what it had."""

    def __init__(self, window: QMainWindow, docks: Sequence[QDockWidget]) -> None:
        super().__init__(window)
        self.window = window
        self.docks = list(docks)
        self.widths: dict[str, int] = {}
        self.heights: dict[str, int] = {}
        self._returning: set[QDockWidget] = set()
        for dock in self.docks:
            dock.installEventFilter(self)
            dock.visibilityChanged.connect(lambda visible, d=dock: self._visibility(d, visible))

    def _shares_side(self, dock: QDockWidget) -> bool:
        area = self.window.dockWidgetArea(dock)
        return any(
            other is not dock
            and other.isVisible()
            and not other.isFloating()
            and self.window.dockWidgetArea(other) == area
            for other in self.docks
        )

    def record(self, dock: QDockWidget) -> None:
        if dock in self._returning or not dock.isVisible() or dock.isFloating():
            return
        self.widths[dock.objectName()] = dock.width()
        if self._shares_side(dock):
            self.heights[dock.objectName()] = dock.height()

    def forget(self) -> None:
        """After Reset layout: the first-run sizes are the ones to keep."""
        self.widths.clear()
        self.heights.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QDockWidget):
            self.record(watched)
        return super().eventFilter(watched, event)

    def _visibility(self, dock: QDockWidget, visible: bool) -> None:
        if not visible or dock in self._returning:
            return
        self._returning.add(dock)
        # Once the window has laid the panel out again (it shares the room out first).
        QTimer.singleShot(0, lambda: self._give_back(dock))

    def _give_back(self, dock: QDockWidget) -> None:
        self._returning.discard(dock)
        name = dock.objectName()
        if not dock.isVisible() or dock.isFloating():
            return
        if name in self.widths:
            self.window.resizeDocks([dock], [self.widths[name]], Qt.Orientation.Horizontal)
        if name in self.heights and self._shares_side(dock):
            # Every panel of that side with the height it had: given one alone, Qt shares the rest anew.
            area = self.window.dockWidgetArea(dock)
            side = [
                d
                for d in self.docks
                if d.isVisible() and not d.isFloating() and self.window.dockWidgetArea(d) == area
            ]
            heights = [self.heights.get(d.objectName(), d.height()) for d in side]
            self.window.resizeDocks(side, heights, Qt.Orientation.Vertical)
        self.record(dock)


class PanelFolder(QObject):
    """Folds side panels away when the statement columns need the room, and unfolds them when it is back.

    `needed` says how wide the centre must be for the columns at their minimum width (0: no comparison
    open); `centre` is the widget whose width that is measured against. Panels fold in the order given.
    `told` is called with what happened, for the status bar."""

    SLACK = 24  # pixels kept spare before a panel comes back, so a window at the edge does not flicker

    def __init__(
        self,
        window: QMainWindow,
        centre: QWidget,
        docks: Sequence[QDockWidget],
        needed: Callable[[], int],
        told: Callable[[str], None] = lambda _message: None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.centre = centre
        self.docks = list(docks)
        self.needed = needed
        self.told = told
        self.folded: list[QDockWidget] = []  # folded by this, not by the user: the ones it brings back
        self.pinned: set[QDockWidget] = set()  # shown or hidden by the user: left as the user has them
        self.widths: dict[str, int] = {}
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        window.installEventFilter(self)
        for dock in self.docks:
            dock.toggleViewAction().triggered.connect(lambda _checked=False, d=dock: self._user_chose(d))

    def _user_chose(self, dock: QDockWidget) -> None:
        if dock in self.folded:
            self.folded.remove(dock)
        self.pinned.add(dock)

    def forget(self) -> None:
        """After Reset layout: every panel may fold again."""
        self.folded.clear()
        self.pinned.clear()

    def schedule(self) -> None:
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.schedule()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        if self._busy or not self.window.isVisible():
            return
        self._busy = True
        try:
            self._fit()
        finally:
            self._busy = False

    def _fit(self) -> None:
        needed = self.needed()
        folded_now: list[str] = []
        for dock in self.docks:
            if self.centre.width() >= needed:
                break
            if dock.isVisible() and not dock.isFloating() and dock not in self.pinned:
                self.widths[dock.objectName()] = dock.width()
                dock.hide()
                self.folded.append(dock)
                folded_now.append(dock.windowTitle())
                self._relayout()
        unfolded: list[str] = []
        for dock in reversed(list(self.folded)):
            width = self.widths.get(dock.objectName(), dock.sizeHint().width())
            if needed and self.centre.width() - width < needed + self.SLACK:
                break
            self.folded.remove(dock)
            dock.show()
            unfolded.append(dock.windowTitle())
            self._relayout()
        if folded_now:
            keys = ", ".join(self._key(t) for t in folded_now)
            self.told(
                f"{' and '.join(folded_now)} folded away to give the columns room ({keys} shows it again)"
            )
        elif unfolded:
            self.told(f"{' and '.join(unfolded)} back")

    def _relayout(self) -> None:
        layout = self.window.layout()
        if layout is not None:
            layout.activate()

    def _key(self, title: str) -> str:
        for dock in self.docks:
            if dock.windowTitle() == title:
                return dock.toggleViewAction().shortcut().toString() or title
        return title


__all__ = ["PanelFolder", "PanelSizes", "default_dock_sizes", "first_geometry", "fit_to_screen"]
