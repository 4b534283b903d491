"""The workspace's frame, built once: the grid the headers and columns go in (it scrolls sideways when they
do not fit), the shared scrollbar with the overview strip beside it, the connector layer over the
columns, and the legend bar with the selection line under them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScrollBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counterpoint.ui.palette import UiPalette
from counterpoint.ui.workspace.connectors import ConnectorLayer, LayerSource
from counterpoint.ui.workspace.legend import Legend
from counterpoint.ui.workspace.overview import OverviewMap


@dataclass
class Frame:
    view: QWidget  # the scroller and the scrollbar side by side
    body: QWidget  # what the headers, columns and the layer are in
    grid: QGridLayout
    scroller: QScrollArea
    scrollbar: QScrollBar
    overview: OverviewMap
    side: QWidget
    side_top: QWidget  # as tall as the column headers: the scrollbar runs beside the text
    layer: ConnectorLayer
    legend_bar: QWidget
    legend: Legend
    selection: QLabel
    suggestion: QLabel


def build_frame(source: LayerSource, colours: Callable[[], UiPalette]) -> Frame:
    body = QWidget()
    body.setObjectName("workspaceBody")
    grid = QGridLayout(body)
    grid.setContentsMargins(12, 8, 0, 0)
    grid.setHorizontalSpacing(0)
    grid.setVerticalSpacing(0)
    grid.setRowStretch(1, 1)
    scrollbar = QScrollBar(Qt.Orientation.Vertical)
    scrollbar.setAccessibleName("Scroll all statements")
    overview = OverviewMap(scrollbar, colours)
    side = QWidget()
    beside = QHBoxLayout(side)
    beside.setContentsMargins(0, 0, 0, 0)
    beside.setSpacing(2)
    beside.addWidget(overview)
    beside.addWidget(scrollbar)
    layer = ConnectorLayer(source, body)
    # The columns scroll sideways when they do not fit at their minimum width; the shared vertical
    # scrollbar and the overview stay in view beside them.
    scroller = QScrollArea()
    scroller.setObjectName("workspaceScroller")
    scroller.setAccessibleName("Statements")
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the columns inside it
    scroller.setWidgetResizable(True)
    scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroller.setWidget(body)
    scroller.horizontalScrollBar().valueChanged.connect(lambda _v: layer.update())
    view = QWidget()
    row = QHBoxLayout(view)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(0)
    row.addWidget(scroller, 1)
    side_column = QVBoxLayout()
    side_column.setContentsMargins(0, 0, 4, 0)
    side_column.setSpacing(0)
    side_top = QWidget()
    side_top.setFixedHeight(0)
    side_column.addWidget(side_top)
    side_column.addWidget(side, 1)
    row.addLayout(side_column)

    legend_bar = QWidget()
    legend_bar.setObjectName("workspaceLegend")
    rows = QVBoxLayout(legend_bar)
    rows.setContentsMargins(12, 6, 12, 8)
    rows.setSpacing(4)
    # The suggestion in hand (F8, Shift+F8, the mouse): which of how many, why, and what Ctrl+Return takes.
    suggestion = QLabel()
    suggestion.setObjectName("workspaceSuggestion")
    suggestion.setAccessibleName("Current suggestion")
    suggestion.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the statements
    suggestion.setWordWrap(True)
    suggestion.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    suggestion.hide()
    rows.addWidget(suggestion)
    bottom = QHBoxLayout()
    bottom.setSpacing(12)
    rows.addLayout(bottom)
    legend = Legend()
    bottom.addWidget(legend)
    selection = QLabel()
    selection.setObjectName("workspaceSelection")
    selection.setAccessibleName("Current selection")
    selection.setTextFormat(Qt.TextFormat.RichText)
    selection.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    # Two quoted passages and the hint do not fit beside the legend on a laptop: wrap, don't clip.
    selection.setWordWrap(True)
    selection.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    bottom.addWidget(selection, 1)
    return Frame(
        view,
        body,
        grid,
        scroller,
        scrollbar,
        overview,
        side,
        side_top,
        layer,
        legend_bar,
        legend,
        selection,
        suggestion,
    )
