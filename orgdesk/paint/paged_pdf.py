"""Paged A4 PDF documents painted with Qt (QTextDocument on a QPdfWriter; no browser).

Each part that starts on a new page is its own QTextDocument laid out on A4
at 300 dpi, and pages are painted one by one with a running header and a
page-number footer.  The figure part (an org chart) is painted on landscape
pages instead, one figure per page under the part's heading and the figure's
caption.  Separate documents rather than CSS page breaks: Qt draws
a block pushed to the next page by a break on the previous page too
(clipped, so invisible, but still text that search and copy find).  Laying
every part out first gives the contents its page numbers.  Text stays text:
fonts are embedded as subsets and `pdf_text` makes copied Chinese come out right.

The caller (the handbook) decides what the pages say as HTML and plain
values; this module knows nothing of organisations.  Units are device units
of a 300 dpi QPdfWriter (`MM`, `PT` convert).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from orgdesk.paint.pdf_text import fix_to_unicode

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QPagedPaintDevice, QPainter, QTextDocument

DPI = 300
MM = DPI / 25.4  # device units per millimetre
PT = DPI / 72.0  # device units per point
PAGE_W, PAGE_H = 210 * MM, 297 * MM  # A4
PORTRAIT, LANDSCAPE = (PAGE_W, PAGE_H), (PAGE_H, PAGE_W)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * MM, 24 * MM, 20 * MM
BODY_W, BODY_H = PAGE_W - 2 * MARGIN_X, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
BODY_WIDTH_MM, BODY_HEIGHT_MM = BODY_W / MM, BODY_H / MM
ACCENT = "#2F5597"
LABEL_BG = "#D9E2F3"
RULE = "#8EA9DB"

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Cover:
    """Page 1: the kind of document, its title, then labelled lines (empty ones left out)."""

    kind: str
    title: str
    rows: tuple[tuple[str, str], ...] = ()
    colon: str = "："  # after each row's label, in the document's language


@dataclass(frozen=True, slots=True)
class RunningParts:
    """The header (left and right texts) and the footer of every page after the cover."""

    left: str
    right: str
    footer: str  # a template with {page} and {pages}


@dataclass(frozen=True, slots=True)
class Figure:
    """A picture painted below the heading of a part: SVG (vectors) or PNG, in points."""

    png: bytes
    width_pt: float
    height_pt: float
    svg: bytes | None = None
    caption: str = ""


@dataclass(frozen=True)
class PagedDocument:
    """Everything a paged PDF shows; HTML parts each start a new page.

    `contents` makes the table of contents from the first page of each part
    (section number → printed page number).  `images` are PNG resources an
    HTML part names as `src="page:<name>"`.  The part numbered `figure_part`
    is printed as landscape pages, one per figure, each under
    `figure_heading` and the figure's caption.
    """

    title: str
    family: str
    css: str
    cover: Cover
    running: RunningParts
    parts: Sequence[tuple[str, str]]
    contents: Callable[[dict[str, int]], str]
    images: dict[str, bytes] = field(default_factory=dict)
    figures: Sequence[Figure] = ()
    figure_part: str = ""
    figure_heading: str = ""
    aliases: dict[str, str] = field(default_factory=dict)  # section → section whose page it takes


def pdf_font(family: str, points: float, bold: bool = False) -> QFont:
    """A font for PDF text whose every glyph maps back to its character.

    Qt writes a PDF's ToUnicode map from the font's character map, so a glyph
    that only OpenType substitution reaches has no character: with Noto CJK,
    'locl' swaps digits next to Latin letters ("<h1>", "Office 2016") and
    'liga' makes "ffi" one glyph, and copy or search then lose them.  Chinese
    and Latin text need no shaping, so none is done.  (QFont.setFeature would
    be the finer tool, but PySide6 6.12's binding of it over-releases None.)
    """
    from PySide6.QtGui import QFont

    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def paint_cover(painter: QPainter, cover: Cover, family: str) -> None:
    """Page 1: the kind of document, its title, then the labelled lines."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QTextOption

    p = painter
    p.fillRect(QRectF(0, 0, PAGE_W, 12 * MM), QColor(ACCENT))
    big = pdf_font(family, 34, bold=True)
    big.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 115)
    p.setFont(big)
    p.setPen(QColor(ACCENT))
    p.drawText(QRectF(MARGIN_X, 70 * MM, BODY_W, 25 * MM), Qt.AlignmentFlag.AlignCenter,
               cover.kind)
    p.setFont(pdf_font(family, 18))
    p.setPen(QColor("#1F1F1F"))
    # Wrapped at word boundaries, and anywhere in a run too long for a line
    # (TextWordWrap would draw such a run off the page).
    wrap = QTextOption(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    title = QRectF(MARGIN_X, 100 * MM, BODY_W, 85 * MM)
    p.drawText(title, cover.title, wrap)
    # A long title (up to the handbook's 200 characters and its note) pushes the rule down.
    rule = max(135 * MM, p.boundingRect(title, cover.title, wrap).bottom() + 5 * MM)
    p.fillRect(QRectF(PAGE_W / 2 - 30 * MM, rule, 60 * MM, 0.6 * MM), QColor(ACCENT))
    p.setFont(pdf_font(family, 12))
    top = max(190 * MM, rule + 15 * MM)
    for label, value in cover.rows:
        if not value:
            continue
        p.setPen(QColor("#555555"))
        p.drawText(QRectF(PAGE_W / 2 - 60 * MM, top, 35 * MM, 9 * MM),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   f"{label}{cover.colon.strip()}")
        p.setPen(QColor("#1F1F1F"))
        p.drawText(QRectF(PAGE_W / 2 - 23 * MM, top, 85 * MM, 9 * MM),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   p.fontMetrics().elidedText(value, Qt.TextElideMode.ElideRight, int(85 * MM)))
        top += 10 * MM


def paint_document_page(painter: QPainter, doc: QTextDocument, index: int) -> None:
    """Page `index` of a paginated text document, in the body area."""
    from PySide6.QtCore import QRectF

    painter.save()
    painter.translate(MARGIN_X, MARGIN_TOP - index * BODY_H)
    # This page's slice, a little wider than the body so the right-hand border
    # of a full-width table is not cut off.
    doc.drawContents(painter, QRectF(-2 * MM, index * BODY_H, BODY_W + 4 * MM, BODY_H))
    painter.restore()


def paint_running_parts(painter: QPainter, running: RunningParts, family: str, page: int,
                        pages: int, size: tuple[float, float] = PORTRAIT) -> None:
    """The header (left and right texts over a rule) and the page-number footer."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    p = painter
    page_w, page_h = size
    body_w = page_w - 2 * MARGIN_X
    p.setFont(pdf_font(family, 8.5))
    p.setPen(QColor("#666666"))
    header = QRectF(MARGIN_X, 10 * MM, body_w, 8 * MM)
    metrics = p.fontMetrics()  # one line: the left text is shortened to leave the right one room
    room = int(body_w - metrics.horizontalAdvance(running.right) - 6 * MM)
    p.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
               metrics.elidedText(running.left, Qt.TextElideMode.ElideRight, max(room, 0)))
    p.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, running.right)
    p.setPen(QPen(QColor(RULE), 0.5 * PT))
    p.drawLine(QPointF(MARGIN_X, 19 * MM), QPointF(page_w - MARGIN_X, 19 * MM))
    p.setPen(QColor("#666666"))
    p.drawText(QRectF(MARGIN_X, page_h - 14 * MM, body_w, 8 * MM), Qt.AlignmentFlag.AlignCenter,
               running.footer.format(page=page, pages=pages))


def paint_figure(painter: QPainter, figure: Figure, left: float, top: float, width: float,
                 height: float) -> None:
    """`figure` fitted into the area (device units), centred, enlarged at most 1.5×.

    Drawn from the SVG when there is one, so boxes stay sharp at any zoom and
    their titles are text a reader can select and search.
    """
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    fig_w, fig_h = max(figure.width_pt * PT, 1.0), max(figure.height_pt * PT, 1.0)
    scale = min(width / fig_w, height / fig_h, 1.5)
    target = QRectF(left + (width - fig_w * scale) / 2, top, fig_w * scale, fig_h * scale)
    renderer = QSvgRenderer(QByteArray(figure.svg)) if figure.svg is not None else None
    if renderer is not None and renderer.isValid():
        renderer.render(painter, target)
    elif figure.png:
        painter.drawImage(target, QImage.fromData(figure.png, "PNG"))  # type: ignore[arg-type]  # PySide6 declares bytes but takes only str


def paint_figure_page(painter: QPainter, heading: str, figure: Figure | None, family: str
                      ) -> None:
    """A landscape page: the part's heading, the figure's caption, the figure below."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor

    page_w, page_h = LANDSCAPE
    body_w = page_w - 2 * MARGIN_X
    p = painter
    p.setFont(pdf_font(family, 15, bold=True))
    p.setPen(QColor(ACCENT))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    p.drawText(QRectF(MARGIN_X, MARGIN_TOP, body_w, 9 * MM), flags, heading)
    top = MARGIN_TOP + 10 * MM
    if figure is None:
        return
    if figure.caption:
        p.setFont(pdf_font(family, 11))
        p.setPen(QColor("#444444"))
        p.drawText(QRectF(MARGIN_X, top, body_w, 6 * MM), flags,
                   p.fontMetrics().elidedText(figure.caption, Qt.TextElideMode.ElideRight,
                                              int(body_w)))
    top += 7 * MM
    paint_figure(painter, figure, MARGIN_X, top, body_w, page_h - MARGIN_BOTTOM - top)


def _text_document(html: str, writer: QPagedPaintDevice, font: QFont,
                   document: PagedDocument) -> QTextDocument:
    """`html` laid out in pages of the body's size, measured with the PDF's metrics."""
    from PySide6.QtCore import QSizeF, QUrl
    from PySide6.QtGui import QImage, QTextDocument

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(document.css)
    doc.setDocumentMargin(0)
    doc.setPageSize(QSizeF(BODY_W, BODY_H))
    for name, png in document.images.items():
        if f'src="page:{name}"' in html:
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"page:{name}"),
                            QImage.fromData(png, "PNG"))  # type: ignore[arg-type]  # PySide6 declares bytes but takes only str
    doc.setHtml(f"<html><body>{html}</body></html>")
    return doc


def render_paged_pdf(document: PagedDocument, progress: Progress | None = None) -> bytes:
    """The document as PDF bytes (needs a QGuiApplication)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPdfWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(document.title)
    writer.setCreator("orgdesk")
    paint_paged(document, writer, progress)
    buffer.close()
    return fix_to_unicode(bytes(data.data()), document.family)


def paint_paged(document: PagedDocument, target: object,
                progress: Progress | None = None) -> None:
    """Paint the document's pages on `target`, a QPagedPaintDevice (a QPdfWriter, or a
    QPrinter for printing and print preview; typed `object` for the callers that must not
    import Qt): A4 at 300 dpi, no margins, landscape pages for the figures."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter

    if not isinstance(target, QPagedPaintDevice):
        raise TypeError(f"cannot paint pages on {type(target).__name__}")
    device = target

    set_resolution = getattr(device, "setResolution", None)
    if set_resolution is not None:
        set_resolution(DPI)
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    # A printer that keeps its own resolution is painted on at its own scale, the text
    # laid out with a 300 dpi PDF's metrics as in an exported handbook.
    scale = device.logicalDpiX() / DPI
    metrics = device if scale == 1 else _metrics_device()
    font = pdf_font(document.family, 10.5)
    figure_pages = max(len(document.figures), 1)
    parts = [(number, None if number == document.figure_part
              else _text_document(html, metrics, font, document))
             for number, html in document.parts]

    def page_count(doc: QTextDocument | None) -> int:
        return figure_pages if doc is None else doc.pageCount()

    # Page numbers as printed: the cover is page 1, the contents start on page 2.
    contents = _text_document(document.contents({}), metrics, font, document)
    pages: dict[str, int] = {}
    page = 2 + contents.pageCount()
    for number, doc in parts:
        pages[number] = page
        page += page_count(doc)
    for section, taken_from in document.aliases.items():
        if taken_from in pages:
            pages[section] = pages[taken_from]
    contents = _text_document(document.contents(pages), metrics, font, document)
    total = page - 1
    portrait = QPageLayout.Orientation.Portrait
    landscape = QPageLayout.Orientation.Landscape

    painter = QPainter(device)
    try:
        painter.scale(scale, scale)
        paint_cover(painter, document.cover, document.family)
        printed = 1
        for _number, doc in [("", contents), *parts]:
            for index in range(page_count(doc)):
                # A new orientation applies from the next page on.
                device.setPageOrientation(portrait if doc is not None else landscape)
                device.newPage()
                printed += 1
                if doc is None:
                    figure = document.figures[index] if document.figures else None
                    paint_figure_page(painter, document.figure_heading, figure,
                                      document.family)
                    paint_running_parts(painter, document.running, document.family, printed,
                                        total, LANDSCAPE)
                else:
                    paint_document_page(painter, doc, index)
                    paint_running_parts(painter, document.running, document.family, printed,
                                        total)
                if progress is not None:
                    progress(printed - 1, total - 1)
    finally:
        painter.end()


def _metrics_device() -> QPagedPaintDevice:
    """A 300 dpi A4 PDF writer that is never written to: the text's metrics."""
    from PySide6.QtCore import QBuffer, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    buffer = QBuffer()
    writer = QPdfWriter(buffer)
    buffer.setParent(writer)  # lives as long as the writer
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    return writer
