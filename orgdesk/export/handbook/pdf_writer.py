"""The handbook as PDF, made with Qt (QTextDocument on a QPdfWriter; no browser).

The body is one QTextDocument laid out on A4 at 300 dpi; pages are painted
one by one so that every page but the cover gets a running header and a
"第 n 页 / 共 m 页" footer.  The table of contents gets its page numbers from
a first layout pass (the numbers do not change the layout: they sit in a
right-aligned column).  Text stays text: fonts are embedded as subsets and
`pdf_text_fix` makes copied Chinese text come out right.
"""
from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from orgdesk.export.handbook.content import LABELS, HandbookContent, PositionSheet
from orgdesk.export.handbook.images import Picture
from orgdesk.export.handbook.pdf_text_fix import fix_to_unicode

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter, QTextDocument

DPI = 300
MM = DPI / 25.4  # device units per millimetre
PT = DPI / 72.0  # device units per point
PAGE_W, PAGE_H = 210 * MM, 297 * MM
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * MM, 24 * MM, 20 * MM
BODY_W, BODY_H = PAGE_W - 2 * MARGIN_X, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
ACCENT = "#2F5597"
LABEL_BG = "#D9E2F3"
RULE = "#8EA9DB"

Progress = Callable[[int, int], None]

_CSS = f"""
h1 {{ font-size: 15pt; color: {ACCENT}; margin-top: 0; margin-bottom: 10pt; }}
h2 {{ font-size: 13pt; color: #1F1F1F; margin-top: 0; margin-bottom: 8pt; }}
th {{ background-color: {LABEL_BG}; font-weight: bold; text-align: left; }}
td.n {{ text-align: right; }}
.note {{ color: #555555; font-size: 9pt; }}
.empty {{ color: #888888; }}
.staff {{ color: #555555; font-size: 10pt; font-weight: normal; }}
"""


def _table(rows: str, widths: str = "") -> str:
    return (f'<table width="100%" border="1" cellspacing="0" cellpadding="{int(5 * PT)}" '
            f'style="border-collapse: collapse; border-color: {RULE}; border-style: solid;"'
            f"{widths}>{rows}</table>")


def _lines(lines: tuple[str, ...], numbered: bool) -> str:
    if not lines:
        return f'<span class="empty">{LABELS["to_fill"]}</span>'
    # Numbers written out rather than <ol>: Qt indents lists by a fixed amount
    # that looks adrift inside a table cell.
    return "<br>".join(f"{index}. {escape(line)}" if numbered else escape(line)
                       for index, line in enumerate(lines, start=1))


def _sheet_html(sheet: PositionSheet, first: bool) -> str:
    label = f'width="{int(22 * MM)}"'
    value = f'width="{int((BODY_W - 44 * MM) / 2)}"'
    headcount = escape(sheet.headcount)
    if sheet.headcount_note:
        headcount += f'<br><span class="note">{escape(sheet.headcount_note)}</span>'
    rows = (
        f"<tr><th {label}>{LABELS['title']}</th><td {value}>{escape(sheet.title)}</td>"
        f"<th {label}>{LABELS['department']}</th><td {value}>{escape(sheet.department)}</td></tr>"
        f"<tr><th>{LABELS['headcount']}</th><td>{headcount}</td>"
        f"<th>{LABELS['superior']}</th><td>{escape(sheet.superior)}</td></tr>"
        f"<tr><th>{LABELS['reports']}</th><td colspan=\"3\">{escape(sheet.reports)}</td></tr>"
        f"<tr><th>{LABELS['duties']}</th><td colspan=\"3\">{_lines(sheet.duties, True)}</td></tr>"
        f"<tr><th>{LABELS['requirements']}</th><td colspan=\"3\">"
        f"{_lines(sheet.requirements, False)}</td></tr>"
        f"<tr><th>{LABELS['kpis']}</th><td colspan=\"3\">{_lines(sheet.kpis, True)}</td></tr>"
        f"<tr><th>{LABELS['career']}</th><td colspan=\"3\">"
        f"{_lines((sheet.career_path,) if sheet.career_path else (), False)}</td></tr>"
    )
    staff = f' <span class="staff">{LABELS["staff"]}</span>' if sheet.staff else ""
    brk = "" if first else ' style="page-break-before: always;"'
    return f"<h2{brk}>{escape(sheet.number)}　{escape(sheet.title)}{staff}</h2>{_table(rows)}"


def _figures_html(content: HandbookContent) -> str:
    analysis = content.analysis
    totals = analysis.totals

    def block(first_label: str, groups: list[tuple[str, int, int, int, int]]) -> str:
        head = (f"<tr><th>{first_label}</th><th>{LABELS['positions']}</th>"
                f"<th>{LABELS['planned']}</th><th>{LABELS['filled']}</th>"
                f"<th>{LABELS['vacancies']}</th></tr>")
        body = "".join(f"<tr><td>{escape(name)}</td>" + "".join(
            f'<td class="n">{n}</td>' for n in figures) + "</tr>" for name, *figures in groups)
        total = (f"<tr><td><b>{LABELS['total']}</b></td>" + "".join(
            f'<td class="n"><b>{n}</b></td>' for n in (totals.positions, totals.planned,
                                                       totals.filled, totals.vacancies))
                 + "</tr>")
        return _table(head + body + total) + "<p></p>"

    departments = [(g.key or LABELS["no_department"], g.positions, g.planned, g.filled,
                    g.vacancies) for g in analysis.departments]
    levels = [(f"第{g.key}层", g.positions, g.planned, g.filled, g.vacancies)
              for g in analysis.levels]
    return block(LABELS["department"], departments) + block(LABELS["level"], levels)


def _image_html(name: str, picture: Picture | None, max_h: float) -> str:
    if picture is None:
        return f'<p class="empty">{LABELS["chart_missing"]}</p>'
    width, height = picture.width_pt * PT, picture.height_pt * PT
    scale = min(BODY_W / width, max_h / height, 1.0 if name == "bars" else 10.0)
    return (f'<p align="center"><img src="handbook:{name}" width="{int(width * scale)}" '
            f'height="{int(height * scale)}"></p>')


def _body_html(content: HandbookContent, chart: Picture | None, bars: Picture,
               pages: dict[str, int]) -> str:
    toc_rows = "".join(
        f'<tr><td>{"　　" if "." in number else ""}{escape(number)}　{escape(title)}</td>'
        f'<td class="n" width="{int(15 * MM)}">{pages.get(number, 0)}</td></tr>'
        for number, title in content.section_titles())
    toc = (f"<h1>{LABELS['contents']}</h1>"
           f'<table width="100%" cellspacing="0" cellpadding="{int(3 * PT)}">{toc_rows}</table>')
    brk = ' style="page-break-before: always;"'
    sheets = "".join(_sheet_html(sheet, first=index == 0)
                     for index, sheet in enumerate(content.sheets))
    return (
        f"<html><body>{toc}"
        f"<h1{brk}>1　{LABELS['chart']}</h1>{_image_html('chart', chart, BODY_H - 25 * MM)}"
        f"<h1{brk}>2　{LABELS['summary']}</h1>{_figures_html(content)}"
        f"{_image_html('bars', bars, BODY_H * 0.55)}"
        f"<h1{brk}>3　{LABELS['sheets']}</h1>{sheets}"
        "</body></html>"
    )


def render_pdf(content: HandbookContent, chart: Picture | None, bars: Picture, family: str,
               progress: Progress | None = None) -> bytes:
    """The handbook as PDF bytes (needs a QGuiApplication)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
    from PySide6.QtGui import (
        QFont,
        QImage,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
    )

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"{content.title} · {LABELS['handbook']}")
    writer.setCreator("orgdesk")

    font = QFont(family)
    font.setPointSizeF(10.5)

    def layout(pages: dict[str, int]) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)
        doc.setDefaultFont(font)
        doc.setDefaultStyleSheet(_CSS)
        doc.setDocumentMargin(0)
        doc.setPageSize(QSizeF(BODY_W, BODY_H))
        for name, picture in (("chart", chart), ("bars", bars)):
            if picture is not None:
                doc.addResource(QTextDocument.ResourceType.ImageResource,
                                QUrl(f"handbook:{name}"), QImage.fromData(picture.png, "PNG"))
        doc.setHtml(_body_html(content, chart, bars, pages))
        return doc

    doc = layout({})
    numbers = [number for number, _ in content.section_titles()]
    doc = layout(_heading_pages(doc, numbers))
    total_pages = doc.pageCount() + 1  # and the cover
    painter = QPainter(writer)
    try:
        _paint_cover(painter, content, family)
        for index in range(doc.pageCount()):
            if progress is not None:
                progress(index + 1, doc.pageCount())
            writer.newPage()
            _paint_page(painter, doc, index, content, family, total_pages)
    finally:
        painter.end()
    buffer.close()
    return fix_to_unicode(bytes(data.data()), family)


def _heading_pages(doc: QTextDocument, numbers: list[str]) -> dict[str, int]:
    """Printed page number (cover = 1) of every h1/h2, matched in order to `numbers`."""
    pages: dict[str, int] = {}
    layout = doc.documentLayout()
    block = doc.begin()
    headings = iter(numbers)
    skipped_contents = False
    while block.isValid():
        if block.blockFormat().headingLevel() in (1, 2):
            if not skipped_contents:
                skipped_contents = True  # the first h1 is the table of contents itself
            else:
                number = next(headings, None)
                if number is None:
                    break
                top = layout.blockBoundingRect(block).top()
                pages[number] = int(top // BODY_H) + 2
        block = block.next()
    return pages


def _paint_cover(painter: QPainter, content: HandbookContent, family: str) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont

    p = painter
    p.fillRect(QRectF(0, 0, PAGE_W, 12 * MM), QColor(ACCENT))
    big = QFont(family)
    big.setPointSizeF(34)
    big.setBold(True)
    big.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 115)
    p.setFont(big)
    p.setPen(QColor(ACCENT))
    p.drawText(QRectF(MARGIN_X, 70 * MM, BODY_W, 25 * MM),
               Qt.AlignmentFlag.AlignCenter, LABELS["handbook"])
    title = QFont(family)
    title.setPointSizeF(18)
    p.setFont(title)
    p.setPen(QColor("#1F1F1F"))
    p.drawText(QRectF(MARGIN_X, 100 * MM, BODY_W, 30 * MM),
               Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
               | Qt.TextFlag.TextWordWrap, content.title)
    p.fillRect(QRectF(PAGE_W / 2 - 30 * MM, 135 * MM, 60 * MM, 0.6 * MM),
               QColor(ACCENT))
    info = QFont(family)
    info.setPointSizeF(12)
    p.setFont(info)
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


def _paint_page(painter: QPainter, doc: QTextDocument, index: int, content: HandbookContent,
                family: str, total_pages: int) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPen

    p = painter
    p.save()
    p.translate(MARGIN_X, MARGIN_TOP - index * BODY_H)
    doc.drawContents(p, QRectF(0, index * BODY_H, BODY_W, BODY_H))
    p.restore()
    small = QFont(family)
    small.setPointSizeF(8.5)
    p.setFont(small)
    p.setPen(QColor("#666666"))
    header = QRectF(MARGIN_X, 10 * MM, BODY_W, 8 * MM)
    p.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
               content.title + (f" · {content.scope}" if content.scope else ""))
    p.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
               LABELS["handbook"])
    p.setPen(QPen(QColor(RULE), 0.5 * PT))
    p.drawLine(QPointF(MARGIN_X, 19 * MM), QPointF(PAGE_W - MARGIN_X, 19 * MM))
    p.setPen(QColor("#666666"))
    p.drawText(QRectF(MARGIN_X, PAGE_H - 14 * MM, BODY_W, 8 * MM),
               Qt.AlignmentFlag.AlignCenter,
               LABELS["page"].format(page=index + 2, pages=total_pages))
