"""The comparison report as PDF, laid out by Qt's QTextDocument and written by QPdfWriter.

Qt draws the pages (with a running header and "Page X of N"), embeds subsets of the fonts and keeps the
text selectable; pypdf then adds the outline (a bookmark per comparison) and the document information.
"""

from __future__ import annotations

import io
import logging
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.generic import BooleanObject, NameObject, TextStringObject
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextTable,
)

from counterpoint.engine.model import Analysis
from counterpoint.export.atomic import write_bytes
from counterpoint.export.fonts import register_fonts
from counterpoint.export.html import INK, MUTED, RULE, format_date, report_html
from counterpoint.export.pdf_clipped import drop_clipped_text
from counterpoint.export.record import SpeakerRecord
from counterpoint.export.report import VERDICT_ORDER, Report, build_report
from counterpoint.store import Project

Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)

SERIF_FAMILIES = ("DejaVu Serif", "Noto Serif", "Liberation Serif", "Times New Roman")
SANS_FAMILIES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica")
# Text in scripts the main fonts lack (CJK, Arabic, Hebrew...) falls back to these when they are installed.
FALLBACK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
    "Noto Sans Hebrew",
    "DejaVu Sans",
)

_app: QGuiApplication | None = None  # kept alive for headless exports from the command line


def ensure_gui_application() -> None:
    """Qt needs a QGuiApplication for fonts; make one (offscreen when there is no display) if none exists,
    and register the report's bundled fonts with it."""
    global _app
    instance = QCoreApplication.instance()
    if instance is not None:
        if not isinstance(instance, QGuiApplication):
            raise RuntimeError("PDF export needs a QGuiApplication, but a QCoreApplication is running")
    else:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([sys.argv[0] if sys.argv else "counterpoint"])
    register_fonts()


def _first_family(candidates: Sequence[str], fallback: QFont) -> str:
    available = set(QFontDatabase.families())
    for family in candidates:
        if family in available:
            return family
    return fallback.family()


@dataclass(frozen=True)
class Fonts:
    serif: str
    sans: str


def report_fonts() -> Fonts:
    general = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    return Fonts(_first_family(SERIF_FAMILIES, general), _first_family(SANS_FAMILIES, general))


def _qt_css(fonts: Fonts) -> str:
    return (
        f'body, p, td {{ font-family: "{fonts.serif}"; }}\n'
        f'h1, h2, h3, th, .speaker, .meta, .small, .role, .chip, .verdict, .legend, .entry {{ font-family: "{fonts.sans}"; }}\n'
    )


_MARGIN = re.compile(r"((?:margin|padding)(?:-[a-z]+)?\s*:\s*)([\d.]+)pt")


def css_pixel_scale(device: QPdfWriter) -> float:
    """How many device pixels Qt's rich text lays out for one CSS pixel on `device`.

    Qt ignores margins given in points and scales CSS pixels by the device's resolution against the
    screen's, which differs between platforms; measuring it keeps the report's spacing the same everywhere.
    """
    probe = QTextDocument()
    probe.documentLayout().setPaintDevice(device)
    probe.setDocumentMargin(0)
    probe.setHtml('<p style="margin:0">a</p><p style="margin:0; margin-top:100px">b</p>')
    probe.setPageSize(QSizeF(10_000, 1_000_000))
    layout = probe.documentLayout()
    first = probe.begin()
    gap = layout.blockBoundingRect(first.next()).top() - layout.blockBoundingRect(first).bottom()
    return max(gap / 100, 0.01)


def points_to_css_pixels(html: str, device: QPdfWriter) -> str:
    """Rewrite margins and paddings given in points as the CSS pixels Qt needs for that size on `device`."""
    px_per_pt = device.resolution() / 72 / css_pixel_scale(device)
    return _MARGIN.sub(lambda m: f"{m.group(1)}{float(m.group(2)) * px_per_pt:.2f}px", html)


class ContentsEntry(NamedTuple):
    """A comparison's row in the summary: where its page number goes, and where the row links to."""

    page: int
    number_rect: QRectF
    text: str
    row_rect: QRectF
    target: int


class ReportLayout:
    """A report laid out on A4 pages, ready to paint page by page onto a PDF or into preview images."""

    HEADER_MM = 9.0
    FOOTER_MM = 9.0

    def __init__(self, report: Report, metrics_device: QPdfWriter) -> None:
        self.report = report
        self.device = metrics_device
        self.fonts = report_fonts()
        self.resolution = metrics_device.resolution()
        rect = metrics_device.pageLayout().paintRectPixels(self.resolution)
        self.page_width = float(rect.width())
        self.page_height = float(rect.height())
        self.header = self._mm(self.HEADER_MM)
        self.footer = self._mm(self.FOOTER_MM)
        self.body_height = self.page_height - self.header - self.footer

        self.document = QTextDocument()
        self.document.documentLayout().setPaintDevice(metrics_device)
        self.document.setDocumentMargin(0)
        body_font = QFont(self.fonts.serif)
        body_font.setPointSizeF(10)
        body_font.setFamilies([self.fonts.serif, *FALLBACK_FAMILIES])
        self.document.setDefaultFont(body_font)
        self.document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, report.title)
        self.document.setDefaultStyleSheet(points_to_css_pixels(_qt_css(self.fonts), metrics_device))
        self.document.setPageSize(QSizeF(self.page_width, self.body_height))
        self.document.setHtml(points_to_css_pixels(report_html(report, web=False), metrics_device))
        self.page_count = self.document.pageCount()
        self.anchor_pages = self._anchor_pages()
        self.contents_numbers = self._contents_page_numbers()

    def _mm(self, mm: float) -> float:
        return mm / 25.4 * self.resolution

    def _anchor_pages(self) -> dict[str, int]:
        """The page (0-based) each section starts on: "summary", "comparison-<id>", "record-<n>", "sources".

        The report's second-level headings are exactly these, in this order. (Named anchors would say
        it too, but Qt's PDF writer cuts the first letter of an anchored heading off into its own text
        run, and text extraction then reads "S ources".)
        """
        names = ["summary", *(f"comparison-{v.comparison.id}" for v in self.report.comparisons)]
        names += [*(f"record-{i}" for i, _ in enumerate(self.report.records, 1)), "sources"]
        layout = self.document.documentLayout()
        tops = []
        block = self.document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2:
                tops.append(layout.blockBoundingRect(block).top())
            block = block.next()
        if len(tops) != len(names):
            log.warning("report layout: %d section headings for %d sections", len(tops), len(names))
            return {}
        return {
            name: min(int((top + 1) // self.body_height), self.page_count - 1)
            for name, top in zip(names, tops, strict=True)
        }

    def _contents_page_numbers(self) -> list[ContentsEntry]:
        """Where to print, in the summary's Page column, the page each comparison starts on.

        The numbers are known only once the report is laid out, and typing them into the document
        would lay it out again (a third of the export's time on a large dossier); the column is left
        empty and the numbers are drawn into its cells when the page is painted. They are text in the
        PDF like any other.
        """
        table = next(
            (
                frame
                for frame in self.document.rootFrame().childFrames()
                if isinstance(frame, QTextTable) and frame.columns() == len(VERDICT_ORDER) + 3
            ),
            None,
        )
        if table is None or table.rows() != len(self.report.comparisons) + 2:
            return []
        layout = self.document.documentLayout()
        entries = []
        for row, view in enumerate(self.report.comparisons, start=1):
            target = self.anchor_pages.get(f"comparison-{view.comparison.id}")
            if target is None:
                continue
            cells = [
                layout.blockBoundingRect(table.cellAt(row, column).firstCursorPosition().block())
                for column in range(table.columns())
            ]
            number = QRectF(cells[-1])
            on_page = int((number.top() + 1) // self.body_height)
            shift = -on_page * self.body_height
            number.translate(0, shift)
            top = min(c.top() for c in cells) + shift
            bottom = max(c.bottom() for c in cells) + shift
            row_rect = QRectF(cells[0].left(), top, cells[-1].right() - cells[0].left(), bottom - top)
            entries.append(ContentsEntry(on_page, number, str(target + 1), row_rect, target))
        return entries

    def continued_pages(self) -> frozenset[int]:
        """The pages on which a block of text goes on from the page before: Qt draws that block's last
        line of the page before again on them (hidden by the clip; drop_clipped_text takes it out)."""
        layout = self.document.documentLayout()
        pages: set[int] = set()
        block = self.document.begin()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            first = int(rect.top() // self.body_height)
            last = int(rect.bottom() // self.body_height)
            pages.update(range(first + 1, min(last, self.page_count - 1) + 1))
            block = block.next()
        return frozenset(pages)

    def links(self) -> list[tuple[int, tuple[float, float, float, float], int]]:
        """Clickable rows of the summary: (page, rectangle in PDF points from the bottom left, target page)."""
        layout = self.device.pageLayout()
        margins = layout.marginsPixels(self.resolution)
        page_height_pt = layout.fullRect(QPageLayout.Unit.Point).height()
        to_pt = 72 / self.resolution
        result = []
        for entry in self.contents_numbers:
            rect = entry.row_rect.translated(margins.left(), margins.top() + self.header)
            x1, x2 = rect.left() * to_pt, rect.right() * to_pt
            y1, y2 = page_height_pt - rect.bottom() * to_pt, page_height_pt - rect.top() * to_pt
            result.append((entry.page, (x1, y1, x2, y2), entry.target))
        return result

    def section_on_page(self, page: int) -> str:
        """The title of the comparison a page belongs to, for the running header."""
        current = ""
        for index, view in enumerate(self.report.comparisons, start=1):
            start = self.anchor_pages.get(f"comparison-{view.comparison.id}")
            if start is not None and start <= page:
                current = f"{index}. {view.comparison.title}"
        for index, record in enumerate(self.report.records, start=1):
            start = self.anchor_pages.get(f"record-{index}")
            if start is not None and start <= page:
                current = f"Record: {record.title}"
        sources = self.anchor_pages.get("sources")
        if sources is not None and sources < page:
            current = "Sources"
        return current

    def _font(self, family: str, points: float, *, bold: bool = False) -> QFont:
        """A font sized in the layout's device pixels, so it paints the same size on the PDF and, through
        a scaled painter, on a preview image (a size in points would follow the image's resolution)."""
        font = QFont(family)
        font.setFamilies([family, *FALLBACK_FAMILIES])
        font.setPixelSize(round(points * self.resolution / 72))
        font.setBold(bold)
        return font

    def paint_page(self, painter: QPainter, page: int) -> None:
        """Paint one page in device units of the metrics device (scale the painter for other devices)."""
        width = self.page_width
        painter.save()
        small = self._font(self.fonts.sans, 7.5)
        painter.setFont(small)
        metrics = QFontMetricsF(small, self.device)
        pen = QPen(QColor(RULE))
        pen.setWidthF(self._mm(0.2))
        if page > 0:
            painter.setPen(QColor(MUTED))
            baseline = self.header - self._mm(3.2)
            left = metrics.elidedText(self.report.title, Qt.TextElideMode.ElideRight, width * 0.48)
            painter.drawText(
                QRectF(0, 0, width * 0.5, baseline),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                left,
            )
            section = metrics.elidedText(
                self.section_on_page(page), Qt.TextElideMode.ElideRight, width * 0.48
            )
            painter.drawText(
                QRectF(width * 0.5, 0, width * 0.5, baseline),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                section,
            )
            painter.setPen(pen)
            painter.drawLine(
                0, round(self.header - self._mm(2)), round(width), round(self.header - self._mm(2))
            )
        footer_top = self.page_height - self.footer
        painter.setPen(pen)
        painter.drawLine(0, round(footer_top + self._mm(2)), round(width), round(footer_top + self._mm(2)))
        painter.setPen(QColor(MUTED))
        footer_rect = QRectF(0, footer_top + self._mm(3), width, self.footer - self._mm(3))
        made = f"Counterpoint · {format_date(self.report.generated.date())}"
        painter.drawText(footer_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, made)
        painter.drawText(
            footer_rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            f"Page {page + 1} of {self.page_count}",
        )
        painter.restore()

        self.paint_body(painter, page)

        numbers = [(e.number_rect, e.text) for e in self.contents_numbers if e.page == page]
        if numbers:
            painter.save()
            painter.translate(0, self.header)
            painter.setFont(self._font(self.fonts.serif, self.document.defaultFont().pointSizeF()))
            painter.setPen(QColor(INK))
            for rect, text in numbers:
                painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, text)
            painter.restore()

    def paint_body(self, painter: QPainter, page: int) -> None:
        """The part of the document laid out on this page, below the running header.

        Qt draws every line that touches the rectangle it is given and only clips what falls outside: page
        2's first heading, touching the end of page 1, stayed in page 1's text layer over the footer.
        The rectangle leaves out a device pixel at each edge; the clip stays as a second guard.
        """
        top = page * self.body_height
        edge = 1.0  # one device pixel: 1/1200 inch
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, top + edge, self.page_width, self.body_height - 2 * edge)
        context.palette.setColor(QPalette.ColorRole.Text, QColor(INK))
        painter.save()
        painter.translate(0, self.header - top)
        painter.setClipRect(QRectF(0, top, self.page_width, self.body_height))
        painter.setPen(QColor(INK))
        self.document.documentLayout().draw(painter, context)
        painter.restore()

    def outline(self) -> list[tuple[str, int]]:
        """Bookmarks: (title, 0-based page) for the summary, each comparison and the sources."""
        entries = [("Summary of verdicts", 0)]
        for index, view in enumerate(self.report.comparisons, start=1):
            page = self.anchor_pages.get(f"comparison-{view.comparison.id}", 0)
            entries.append((f"{index}. {view.comparison.title}", page))
        for index, record in enumerate(self.report.records, start=1):
            entries.append((f"Record: {record.title}", self.anchor_pages.get(f"record-{index}", 0)))
        entries.append(("Sources", self.anchor_pages.get("sources", self.page_count - 1)))
        return entries


def new_pdf_writer(target: QIODevice | str) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 12, 18, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(1200)
    writer.setCreator("Counterpoint")
    return writer


@dataclass(frozen=True)
class QtPdf:
    """What Qt wrote, and what pypdf adds to it: bookmarks and the summary's links."""

    data: bytes
    outline: list[tuple[str, int]]
    links: list[tuple[int, tuple[float, float, float, float], int]]
    continued: frozenset[int] = frozenset()  # pages that go on with a block of the page before


def render_pdf_bytes(report: Report, progress: Progress | None = None) -> QtPdf:
    """The report as PDF bytes straight from Qt, with its outline entries and internal links."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = new_pdf_writer(buffer)
    writer.setTitle(report.title)
    layout = ReportLayout(report, writer)
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("Qt could not start writing the PDF")
    try:
        for page in range(layout.page_count):
            if page:
                writer.newPage()
            layout.paint_page(painter, page)
            if progress:
                progress(page + 1, layout.page_count)
    finally:
        painter.end()
        buffer.close()
    return QtPdf(bytes(data.data()), layout.outline(), layout.links(), layout.continued_pages())


# Qt's ToUnicode maps name the character a glyph was drawn for. With DejaVu the space glyph comes out
# as TAB, ligatures as compatibility characters (U+FB00 for "ff") and shaped Arabic as presentation
# forms; readers would copy, search and extract "Jeﬀ\tSessions". These get the text as written.
_HEX_TOKEN = re.compile(r"<([0-9A-Fa-f]+)>")


def _plain_text_hex(code: str) -> str:
    if code.upper() == "0009":
        return "0020"
    if len(code) != 4:
        return code
    value = int(code, 16)
    if 0xFB00 <= value <= 0xFDFF or 0xFE70 <= value <= 0xFEFF:
        plain = unicodedata.normalize("NFKC", chr(value)).strip()
        if plain and plain != chr(value):
            return plain.encode("utf-16-be").hex().upper()
    return code


def _fix_destinations(fragment: str) -> str:
    return _HEX_TOKEN.sub(lambda m: f"<{_plain_text_hex(m.group(1))}>", fragment)


def fix_to_unicode_map(cmap: str) -> str:
    """Rewrite the destination side of a ToUnicode CMap (bfchar pairs and bfrange arrays) only."""
    lines = []
    section = ""
    for line in cmap.splitlines():
        stripped = line.strip()
        if stripped.endswith(("beginbfchar", "beginbfrange")):
            section = stripped.rsplit(" ", 1)[-1]
        elif stripped in ("endbfchar", "endbfrange"):
            section = ""
        elif section == "beginbfchar":
            tokens = _HEX_TOKEN.findall(stripped)
            if len(tokens) == 2:
                line = f"<{tokens[0]}> {_fix_destinations(f'<{tokens[1]}>')}"
        elif section == "beginbfrange" and "[" in stripped:
            head, _, tail = line.partition("[")
            line = head + "[" + _fix_destinations(tail)
        elif section == "beginbfrange":
            tokens = _HEX_TOKEN.findall(stripped)
            if len(tokens) == 3 and tokens[0] == tokens[1]:
                line = f"<{tokens[0]}> <{tokens[1]}> {_fix_destinations(f'<{tokens[2]}>')}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _fix_fonts(writer: PdfWriter) -> None:
    seen: set[int] = set()
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for reference in fonts.get_object().values():
            font = reference.get_object()
            to_unicode = font.get("/ToUnicode")
            if to_unicode is None or id(to_unicode.get_object()) in seen:
                continue
            stream = to_unicode.get_object()
            seen.add(id(stream))
            text = stream.get_data().decode("latin-1")
            fixed = fix_to_unicode_map(text)
            if fixed != text:
                stream.set_data(fixed.encode("latin-1"))


def _drop_clipped_text(writer: PdfWriter, pages: frozenset[int]) -> None:
    for number in sorted(pages):
        if number >= len(writer.pages):
            break
        page = writer.pages[number]
        contents = page.get("/Contents")
        stream = contents.get_object() if contents is not None else None
        if stream is None or not hasattr(stream, "get_data"):
            continue  # an array of streams: not what Qt writes
        data, dropped = drop_clipped_text(stream.get_data())
        if dropped:
            stream.set_data(data)


def finish_pdf(qt_pdf: QtPdf, report: Report) -> bytes:
    """Add the outline, the summary's links and the document information to Qt's PDF."""
    reader = PdfReader(io.BytesIO(qt_pdf.data))
    writer = PdfWriter(clone_from=reader)
    _fix_fonts(writer)
    _drop_clipped_text(writer, qt_pdf.continued)
    last = len(writer.pages) - 1
    for title, page in qt_pdf.outline:
        writer.add_outline_item(title=title, page_number=min(page, last))
    for page, rect, target in qt_pdf.links:
        writer.add_annotation(
            page_number=page,
            annotation=Link(rect=rect, target_page_index=min(target, last), border=[0, 0, 0]),
        )
    writer.page_mode = "/UseOutlines"
    # The report's language for screen readers, and its title (not the file name) in viewers' title bars.
    writer._root_object[NameObject("/Lang")] = TextStringObject("en")
    writer.create_viewer_preferences()[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    writer.add_metadata(
        {
            "/Title": report.title,
            "/Author": report.author,
            "/Subject": "Comparison report: " + "; ".join(v.comparison.title for v in report.comparisons),
            "/Creator": "Counterpoint",
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_preview(
    report: Report, *, dpi: float = 60.0, max_pages: int | None = None
) -> tuple[list[QImage], int]:
    """The report's first pages as images, laid out exactly as in the PDF, and how many pages it has."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = new_pdf_writer(buffer)
    layout = ReportLayout(report, writer)
    full = writer.pageLayout().fullRectPixels(writer.resolution())
    margins = writer.pageLayout().marginsPixels(writer.resolution())
    scale = dpi / writer.resolution()
    images = []
    for page in range(layout.page_count if max_pages is None else min(max_pages, layout.page_count)):
        image = QImage(round(full.width() * scale), round(full.height() * scale), QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        painter.translate(margins.left(), margins.top())
        layout.paint_page(painter, page)
        painter.end()
        images.append(image)
    buffer.close()
    return images, layout.page_count


def write_pdf(report: Report, path: Path, progress: Progress | None = None) -> Path:
    data = finish_pdf(render_pdf_bytes(report, progress), report)
    return write_bytes(path, data)


def export_pdf(
    project: Project,
    path: Path,
    comparison_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    *,
    analyses: Mapping[int, Analysis | None] | None = None,
    records: Sequence[SpeakerRecord] = (),
) -> Path:
    if progress is None:
        return write_pdf(build_report(project, comparison_ids, analyses=analyses, records=records), path)
    # One scale for both phases: gathering the report (per comparison) and painting pages.
    scale = 1000

    def gathering(done: int, total: int) -> None:
        progress(done * scale // max(1, 2 * total), scale)

    def painting(done: int, total: int) -> None:
        progress(scale // 2 + done * scale // max(1, 2 * total), scale)

    report = build_report(project, comparison_ids, analyses=analyses, progress=gathering, records=records)
    return write_pdf(report, path, painting)
