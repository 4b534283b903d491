"""Annotations drawn across the columns: a connector per annotation (Meld's linked panes), the relation's
sign on its band, and the suggestion in hand drawn dashed. Nothing drawn here may hide a character of the
quotation: spans are ruled above and below, links keep to the gutters."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import QWidget

from counterpoint.ui.palette import UiPalette, readable_text_on

if TYPE_CHECKING:
    from counterpoint.ui.workspace.column import ColumnText
    from counterpoint.ui.workspace.state import Suggestion


@dataclass(frozen=True)
class Connector:
    """An annotation as drawn: its spans (column, start, end) and its colour. One span: a marker only."""

    annotation_id: int
    ends: tuple[tuple[int, int, int], ...]
    colour: str
    anchored: bool
    mark: str = (
        ""  # the relation's sign, shown on the link: ≠ contradicts, ↩ walks back, ≈ clarifies, = agrees
    )

    @property
    def is_link(self) -> bool:
        return len({column for column, _, _ in self.ends}) > 1


class LayerSource(Protocol):
    """What the connector layer draws: the workspace's columns, annotations and suggestion in hand."""

    colours: UiPalette

    def column_views(self) -> list[ColumnText]: ...
    def connectors(self) -> list[Connector]: ...
    def flashing_annotation(self) -> int | None: ...
    def shown_suggestions(self) -> list[Suggestion]: ...


class ConnectorLayer(QWidget):
    """A transparent layer over the columns that draws the connectors; it takes no mouse input."""

    def __init__(self, source: LayerSource, parent: QWidget) -> None:
        super().__init__(parent)
        self.body = parent
        self.source = source
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)

    def _viewport_rect(self, column: ColumnText) -> QRectF:
        top_left = column.viewport().mapTo(self.body, QPoint(0, 0))  # the layer covers the body
        return QRectF(QPointF(top_left), column.viewport().size().toSizeF())

    def paintEvent(self, event: QPaintEvent) -> None:
        columns = self.source.column_views()
        if not columns:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        views = [self._viewport_rect(c) for c in columns]
        area = QRectF(views[0].left(), views[0].top(), views[-1].right() - views[0].left(), views[0].height())
        painter.setClipRect(area)
        text_region = QRegion()
        for rect in views:
            text_region = text_region.united(QRegion(rect.toAlignedRect()))
        gutters = QRegion(area.toAlignedRect()).subtracted(text_region)

        for connector in self.source.connectors():
            self._paint_connector(painter, connector, views, gutters)
        for item in self.source.shown_suggestions():
            self._paint_suggestion(painter, item, views, gutters)
        painter.end()

    def _rects(self, column: int, start: int, end: int, views: list[QRectF]) -> list[QRectF]:
        view = self.source.column_views()[column]
        return [r.translated(views[column].topLeft()) for r in view.span_rects(start, end)]

    def _paint_connector(
        self, painter: QPainter, connector: Connector, views: list[QRectF], gutters: QRegion
    ) -> None:
        colour = QColor(connector.colour)
        flashing = connector.annotation_id == self.source.flashing_annotation()
        pen = QPen(colour, 2.4 if flashing else 1.6)
        if not connector.anchored:
            pen.setStyle(Qt.PenStyle.DashLine)
        if flashing:
            # A stronger tint for a moment, so the revealed annotation stands out; like every mark drawn
            # over the text, it keeps to the span's own characters and lets them show through.
            halo = QColor(colour)
            halo.setAlphaF(0.30)
            for column, start, end in connector.ends:
                for rect in self._rects(column, start, end, views):
                    painter.fillRect(rect, halo)
        ends = self._paint_ends(
            painter, connector.ends, views, pen, 0.30 if flashing else 0.10, connector.is_link
        )
        if not connector.is_link:
            if ends:
                # A single span: a marker in the margin beside its lines.
                column, top, bottom = ends[0]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(QRectF(views[column].left() - 7, top + 2, 4, bottom - top - 4), 2, 2)
            return
        fill = QColor(colour)
        fill.setAlphaF(0.45 if flashing else 0.25)
        self._paint_links(painter, ends, views, gutters, pen, fill)
        if connector.mark and len(ends) > 1:
            # The relation's sign on the link, in the first gutter it crosses.
            (ca, ta, ba), (cb, tb, bb) = ends[0], ends[1]
            if ca != cb:
                centre = badge_centre(link_segments(ca, ta, ba, cb, tb, bb, views)[0])
                radius = 9.0
                painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1.5))
                painter.setBrush(colour)
                painter.drawEllipse(centre, radius, radius)
                font = QFont(self.font())
                font.setBold(True)
                painter.setFont(font)
                painter.setPen(readable_text_on(colour))
                painter.drawText(
                    QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                    Qt.AlignmentFlag.AlignCenter,
                    connector.mark,
                )

    def _paint_ends(
        self,
        painter: QPainter,
        spans: Sequence[tuple[int, int, int]],
        views: list[QRectF],
        pen: QPen,
        alpha: float,
        boxed: bool,
    ) -> list[tuple[int, float, float]]:
        """Outline (or underline) each span; return each end's column and vertical extent."""
        ends = []
        fill = QColor(pen.color())
        fill.setAlphaF(alpha)
        for column, start, end in spans:
            rects = self._rects(column, start, end, views)
            if not rects:
                continue
            edge = QPen(pen)
            edge.setCapStyle(Qt.PenCapStyle.FlatCap)  # a square cap would reach past the span's ends
            painter.setPen(edge)
            for rect in rects:
                for line in span_outline(rect, pen.widthF(), boxed):
                    painter.drawLine(line)
                if alpha:
                    painter.fillRect(rect, fill)
            ends.append((column, min(r.top() for r in rects), max(r.bottom() for r in rects)))
        return sorted(ends)

    def _paint_links(
        self,
        painter: QPainter,
        ends: list[tuple[int, float, float]],
        views: list[QRectF],
        gutters: QRegion,
        pen: QPen,
        fill: QColor | None,
    ) -> None:
        """Join span ends in column order with a band in each gutter (Meld's look). A link that skips a
        column passes behind it: its band goes from gutter to gutter, and nothing is drawn over the text of
        the column between (a dashed line across it ran through the words)."""
        for (ca, ta, ba), (cb, tb, bb) in itertools.pairwise(ends):
            if ca == cb:
                continue
            painter.save()
            painter.setClipRegion(gutters, Qt.ClipOperation.IntersectClip)
            painter.setPen(pen)
            for xa, top_a, bottom_a, xb, top_b, bottom_b in link_segments(ca, ta, ba, cb, tb, bb, views):
                mid = (xa + xb) / 2
                if fill is not None:
                    band = QPainterPath(QPointF(xa, top_a))
                    band.cubicTo(QPointF(mid, top_a), QPointF(mid, top_b), QPointF(xb, top_b))
                    band.lineTo(QPointF(xb, bottom_b))
                    band.cubicTo(QPointF(mid, bottom_b), QPointF(mid, bottom_a), QPointF(xa, bottom_a))
                    band.closeSubpath()
                    painter.setBrush(fill)
                    painter.drawPath(band)
                else:
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawPath(_curve(xa, (top_a + bottom_a) / 2, xb, (top_b + bottom_b) / 2))
            painter.restore()

    def _paint_suggestion(
        self, painter: QPainter, item: Suggestion, views: list[QRectF], gutters: QRegion
    ) -> None:
        """The suggestion under the mouse or picked with F8: its two spans boxed, joined by a dashed curve."""
        column, h = item
        if h.partner is None or h.partner_span is None:
            return
        pen = QPen(self.source.colours.kind(h.kind).line_colour, 1.6, Qt.PenStyle.DashLine)
        spans = [(column, h.start, h.end), (h.partner, *h.partner_span)]
        ends = self._paint_ends(painter, spans, views, pen, 0.0, True)
        if len(ends) == 2:
            self._paint_links(painter, ends, views, gutters, pen, None)


def span_outline(rect: QRectF, pen_width: float, boxed: bool) -> list[QLineF]:
    """The lines that mark one line box of a span: a rule above and below its text (boxed) or below only.

    The quotation is the evidence: nothing may be drawn over a character next to the span. A box widened
    by a few pixels, with sides, covered the opening quote mark before "Please" and the full stop after
    "rough"; the rules here run exactly from the span's first to its last character, flat-capped, inside
    the line's leading (the 135% line height leaves room above and below the glyphs)."""
    half = pen_width / 2
    bottom = QLineF(rect.left(), rect.bottom() + half, rect.right(), rect.bottom() + half)
    if not boxed:
        return [bottom]
    return [QLineF(rect.left(), rect.top() - half, rect.right(), rect.top() - half), bottom]


LinkPiece = tuple[float, float, float, float, float, float]


def link_segments(
    ca: int, ta: float, ba: float, cb: int, tb: float, bb: float, views: Sequence[QRectF]
) -> list[LinkPiece]:
    """The gutter pieces of a link from column ca (span from ta to ba) to column cb: for each gutter it
    crosses, (left x, top, bottom, right x, top, bottom). Its height moves evenly from one end to the other,
    gutter by gutter, and it passes behind the columns between."""
    pieces = []
    steps = cb - ca
    for k in range(ca, cb):
        f0, f1 = (k - ca) / steps, (k + 1 - ca) / steps
        pieces.append(
            (
                views[k].right(),
                ta + (tb - ta) * f0,
                ba + (bb - ba) * f0,
                views[k + 1].left(),
                ta + (tb - ta) * f1,
                ba + (bb - ba) * f1,
            )
        )
    return pieces


def badge_centre(piece: LinkPiece) -> QPointF:
    """Where the relation's sign sits: the middle of a band in its gutter, on the band (a cubic whose
    control points lie half way is at the mean of its two ends' heights there)."""
    xa, top_a, bottom_a, xb, top_b, bottom_b = piece
    return QPointF((xa + xb) / 2, (top_a + bottom_a + top_b + bottom_b) / 4)


def _curve(xa: float, ya: float, xb: float, yb: float) -> QPainterPath:
    path = QPainterPath(QPointF(xa, ya))
    mid = (xa + xb) / 2
    path.cubicTo(QPointF(mid, ya), QPointF(mid, yb), QPointF(xb, yb))
    return path
