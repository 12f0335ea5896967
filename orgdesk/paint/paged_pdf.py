"""Page geometry and the parts of a handbook page painted directly with QPainter:
the cover, the running header and footer, one slice of a text document, and
the org chart (as vectors, from the chart export's SVG).

Units are device units of a 300 dpi QPdfWriter (`MM`, `PT` convert).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from orgdesk.export.handbook.content import LABELS, HandbookContent
from orgdesk.export.handbook.images import Picture

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QPainter, QTextDocument

DPI = 300
MM = DPI / 25.4  # device units per millimetre
PT = DPI / 72.0  # device units per point
PAGE_W, PAGE_H = 210 * MM, 297 * MM  # A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * MM, 24 * MM, 20 * MM
BODY_W, BODY_H = PAGE_W - 2 * MARGIN_X, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
ACCENT = "#2F5597"
LABEL_BG = "#D9E2F3"
RULE = "#8EA9DB"


def handbook_font(family: str, points: float, bold: bool = False) -> QFont:
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


def paint_cover(painter: QPainter, content: HandbookContent, family: str) -> None:
    """Page 1: the kind of document, its title, then client, scope, author and date."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont

    p = painter
    p.fillRect(QRectF(0, 0, PAGE_W, 12 * MM), QColor(ACCENT))
    big = handbook_font(family, 34, bold=True)
    big.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 115)
    p.setFont(big)
    p.setPen(QColor(ACCENT))
    p.drawText(QRectF(MARGIN_X, 70 * MM, BODY_W, 25 * MM), Qt.AlignmentFlag.AlignCenter,
               LABELS["handbook"])
    p.setFont(handbook_font(family, 18))
    p.setPen(QColor("#1F1F1F"))
    p.drawText(QRectF(MARGIN_X, 100 * MM, BODY_W, 30 * MM),
               Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
               | Qt.TextFlag.TextWordWrap, content.title)
    p.fillRect(QRectF(PAGE_W / 2 - 30 * MM, 135 * MM, 60 * MM, 0.6 * MM), QColor(ACCENT))
    p.setFont(handbook_font(family, 12))
    rows = [(LABELS["client"], content.client), (LABELS["branch"], content.scope),
            (LABELS["author"], content.author), (LABELS["date"], content.date_text)]
    top = 190 * MM
    for label, value in rows:
        if not value:
            continue
        p.setPen(QColor("#555555"))
        p.drawText(QRectF(PAGE_W / 2 - 60 * MM, top, 35 * MM, 9 * MM),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{label}：")
        p.setPen(QColor("#1F1F1F"))
        p.drawText(QRectF(PAGE_W / 2 - 23 * MM, top, 85 * MM, 9 * MM),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value)
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


def paint_running_parts(painter: QPainter, content: HandbookContent, family: str, page: int,
                        pages: int) -> None:
    """The header (document title, "岗位说明书") and the "第 n 页 / 共 m 页" footer."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    p = painter
    p.setFont(handbook_font(family, 8.5))
    p.setPen(QColor("#666666"))
    header = QRectF(MARGIN_X, 10 * MM, BODY_W, 8 * MM)
    p.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
               content.title + (f" · {content.scope}" if content.scope else ""))
    p.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
               LABELS["handbook"])
    p.setPen(QPen(QColor(RULE), 0.5 * PT))
    p.drawLine(QPointF(MARGIN_X, 19 * MM), QPointF(PAGE_W - MARGIN_X, 19 * MM))
    p.setPen(QColor("#666666"))
    p.drawText(QRectF(MARGIN_X, PAGE_H - 14 * MM, BODY_W, 8 * MM), Qt.AlignmentFlag.AlignCenter,
               LABELS["page"].format(page=page, pages=pages))


def paint_chart(painter: QPainter, chart: Picture, top: float) -> None:
    """The org chart from `top` (device units) down, fitted to the rest of the page.

    Drawn from the SVG, so boxes stay sharp at any zoom and their titles are
    text a reader can select and search.  A small chart is enlarged a little
    (up to 1.5×) so it reads comfortably on the page.
    """
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    width, height = chart.width_pt * PT, chart.height_pt * PT
    room_h = MARGIN_TOP + BODY_H - top
    scale = min(BODY_W / width, room_h / height, 1.5)
    target = QRectF(MARGIN_X + (BODY_W - width * scale) / 2, top, width * scale, height * scale)
    renderer = QSvgRenderer(QByteArray(chart.svg)) if chart.svg is not None else None
    if renderer is not None and renderer.isValid():
        renderer.render(painter, target)
    else:
        painter.drawImage(target, QImage.fromData(chart.png, "PNG"))
