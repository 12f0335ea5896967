"""The handbook as a Word document (python-docx), editable in Word, WPS and LibreOffice.

Headings use Word's own "Heading 1/2" styles, so the navigation pane and the
table of contents work; the contents is a real TOC field whose cached text
lists the sections (Word or WPS fill in page numbers on "Update field"), so
it is never empty.  The org chart has a landscape section of its own, one
chart page per page.
Chinese text is given an East Asian font explicitly: python-docx's `font.name`
sets only the Latin slots, and Word would otherwise fall back to a Latin
font's idea of Chinese.
"""
from __future__ import annotations

from io import BytesIO
from typing import NamedTuple, cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle, _TableStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from orgdesk.analysis.headcount import GroupFigures
from orgdesk.export.handbook.chart_pages import CHART_AREA_PT
from orgdesk.export.handbook.content import HandbookContent, PositionSheet
from orgdesk.export.handbook.images import Picture

#: Fonts a client's Word or WPS has (Windows, macOS); LibreOffice substitutes its own.
LATIN_FONT = "Arial"
CHINESE_FONT = "微软雅黑"
ACCENT = RGBColor(0x2F, 0x55, 0x97)
LABEL_FILL = "D9E2F3"
BODY_WIDTH_CM = 16.0


def _set_fonts(element: object, size: float | None = None) -> None:
    """Give a style's or run's properties explicit Latin and East Asian fonts."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]  # a style's or run's XML element, which python-docx leaves untyped
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the explicit one
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), CHINESE_FONT)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            node = rpr.find(qn(tag))
            if node is None:
                node = OxmlElement(tag)
                rpr.append(node)
            node.set(qn("w:val"), str(int(size * 2)))


class _Styles(NamedTuple):
    """The styles every position sheet uses."""

    heading: ParagraphStyle
    grid: _TableStyle


def _prepare_styles(doc: DocxDocument) -> None:
    styles = doc.styles
    _set_fonts(styles["Normal"].element, 10.5)
    for name, size in (("Heading 1", 16), ("Heading 2", 13), ("Header", 8.5), ("Footer", 8.5)):
        style = styles[name]
        _set_fonts(style.element, size)
        if name.startswith("Heading"):
            style.font.color.rgb = ACCENT if name == "Heading 1" else RGBColor(0x1F, 0x1F, 0x1F)
            style.font.bold = True


def _shade(cell: _Cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _field_char(run: object, kind: str) -> None:
    """A complex field's boundary: "begin", "separate" or "end"."""
    node = OxmlElement("w:fldChar")
    node.set(qn("w:fldCharType"), kind)
    run._r.append(node)  # type: ignore[attr-defined]  # python-docx's Run keeps its XML element in _r


def _field_code(run: object, code: str) -> None:
    node = OxmlElement("w:instrText")
    node.set(qn("xml:space"), "preserve")
    node.text = f" {code} "
    run._r.append(node)  # type: ignore[attr-defined]  # python-docx's Run keeps its XML element in _r


def _field(paragraph: Paragraph, code: str, cached: str) -> None:
    """A one-run field (PAGE, NUMPAGES) showing `cached` until Word updates it."""
    _field_char(paragraph.add_run(), "begin")
    _field_code(paragraph.add_run(), code)
    _field_char(paragraph.add_run(), "separate")
    paragraph.add_run(cached)
    _field_char(paragraph.add_run(), "end")


def _grid(table: Table, widths_cm: tuple[float, ...], style: _TableStyle | str) -> None:
    """Fixed column widths and roomy cell margins, honoured by Word, WPS and LibreOffice.

    Works on the XML rows directly: python-docx's column and cell accessors
    re-scan the grid on every call, which made a 500-position handbook take
    twenty seconds.
    """
    table.style = style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)  # the grid (LibreOffice reads this)
    for tr in table._tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, widths_cm):
            tc.width = Cm(width)  # each cell (Word reads this)
    tblpr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 60), ("left", 100), ("bottom", 60), ("right", 100)):
        node = OxmlElement(f"w:{side}")
        node.set(qn("w:w"), str(twips))
        node.set(qn("w:type"), "dxa")
        margins.append(node)
    tblpr.append(margins)


def _cells(table: Table, row: int) -> list[_Cell]:
    return [_Cell(tc, table) for tc in table._tbl.tr_lst[row].tc_lst]


def _span_rest(table: Table, row: int, width_cm: float) -> _Cell:
    """Make the second cell of `row` span to the end (a label, then one wide cell)."""
    tcs = table._tbl.tr_lst[row].tc_lst
    for tc in tcs[2:]:
        tc.getparent().remove(tc)
    wide = tcs[1]
    wide.width = Cm(width_cm)
    wide.grid_span = len(tcs) - 1  # python-docx puts w:gridSpan where the schema wants it
    return _Cell(wide, table)


def _label(cell: _Cell, text: str) -> None:
    _shade(cell, LABEL_FILL)
    cell.paragraphs[0].add_run(text).bold = True


def _lines(cell: _Cell, lines: tuple[str, ...], numbered: bool, omitted: str = "",
           empty: str = "") -> None:
    if not lines:
        run = cell.paragraphs[0].add_run(empty)
        run.font.color.rgb = RGBColor(0x88, 0x88, 0x88)
        return
    for index, line in enumerate(lines, start=1):
        paragraph = cell.paragraphs[0] if index == 1 else cell.add_paragraph()
        paragraph.add_run(f"{index}. {line}" if numbered else line)
    if omitted:
        note = cell.add_paragraph().add_run(omitted)
        note.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _sheet(doc: DocxDocument, styles: _Styles, sheet: PositionSheet, first: bool,
           labels: dict[str, str]) -> None:
    heading = doc.add_paragraph(f"{sheet.number}{labels['gap']}{sheet.heading}", styles.heading)
    heading.paragraph_format.page_break_before = not first
    if sheet.staff:
        heading.add_run(f" {labels['staff']}").bold = False
    widths = (2.4, 5.6, 2.4, 5.6)
    wide: list[tuple[str, tuple[str, ...], bool, str]] = (
        [(labels["appears"], (sheet.separator.join(sheet.appears) + sheet.appears_omitted,),
          False, "")] if sheet.appears else [])
    wide += [(labels["reports"], (sheet.reports,), False, ""),
             (labels["duties"], sheet.duties, True, sheet.duties_omitted),
             (labels["requirements"], sheet.requirements, False, sheet.requirements_omitted),
             (labels["kpis"], sheet.kpis, True, sheet.kpis_omitted),
             (labels["career"], (sheet.career_path,) if sheet.career_path else (), False, "")]
    table: Table = doc.add_table(rows=2 + len(wide), cols=4)
    _grid(table, widths, styles.grid)
    head = [_cells(table, 0), _cells(table, 1)]
    _label(head[0][0], labels["title"])
    head[0][1].text = sheet.title
    _label(head[0][2], labels["department"])
    head[0][3].text = sheet.department
    _label(head[1][0], labels["headcount"])
    head[1][1].text = sheet.headcount
    if sheet.headcount_note:
        note = head[1][1].add_paragraph().add_run(sheet.headcount_note)
        note.font.size = Pt(9)
        note.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    _label(head[1][2], labels["superior"])
    head[1][3].text = sheet.superior
    for row, (label, lines, numbered, omitted) in enumerate(wide, start=2):
        _label(_cells(table, row)[0], label)
        _lines(_span_rest(table, row, sum(widths[1:])), lines, numbered, omitted,
               labels["to_fill"])


def _figures(doc: DocxDocument, content: HandbookContent) -> None:
    analysis = content.analysis
    totals = analysis.totals
    labels = content.labels
    # With 超编 an Over column, so each row reconciles: planned = filled − over + vacant.
    over = totals.over > 0

    def extra(g: GroupFigures) -> tuple[int, ...]:
        return (g.over,) if over else ()
    blocks = [
        (labels["by_department"], labels["department"],
         [(g.key or labels["no_department"], g.positions, g.planned, g.filled, g.vacancies,
           *extra(g)) for g in analysis.departments]),
        (labels["by_level"], labels["level"],
         [(labels["level_n"].format(level=g.key), g.positions, g.planned, g.filled, g.vacancies,
           *extra(g)) for g in analysis.levels]),
    ]
    for caption, first_label, groups in blocks:
        doc.add_paragraph().add_run(caption).bold = True
        rows = [(labels["total"], totals.positions, totals.planned, totals.filled,
                 totals.vacancies, *((totals.over,) if over else ()))]
        table = doc.add_table(rows=1, cols=6 if over else 5)
        _grid(table, (4.4, 2.9, 2.9, 2.9, 2.9, 2.9) if over else (4.4, 2.9, 2.9, 2.9, 2.9),
              "Table Grid")
        for cell, text in zip(table.rows[0].cells, (first_label, labels["positions"],
                                                     labels["planned"], labels["filled"],
                                                     labels["vacancies"],
                                                     *((labels["over"],) if over else ()))):
            _label(cell, text)
        for values in [*groups, *rows]:
            cells = table.add_row().cells
            for index, (cell, value) in enumerate(zip(cells, values)):
                run = cell.paragraphs[0].add_run(str(value))
                run.bold = values is rows[0]
                if index:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        doc.add_paragraph()


def _picture(doc: DocxDocument, picture: Picture, max_width_cm: float, max_height_cm: float,
             enlarge: float = 1.0) -> None:
    width_cm = picture.width_pt / 72 * 2.54
    height_cm = picture.height_pt / 72 * 2.54
    scale = min(max_width_cm / width_cm, max_height_cm / height_cm, enlarge)
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run().add_picture(BytesIO(picture.png), width=Cm(width_cm * scale))


def _cover(doc: DocxDocument, content: HandbookContent) -> None:
    labels = content.labels
    for _ in range(6):
        doc.add_paragraph()
    lines: list[tuple[str, int, RGBColor | None]] = [(labels["handbook"], 32, ACCENT)]
    if content.title:
        lines.append((content.title, 18, None))
    for text, size, colour in lines:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = size > 20
        if colour is not None:
            run.font.color.rgb = colour
    for _ in range(8):
        doc.add_paragraph()
    for label, value in content.cover_rows():
        if value:
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(f"{label}{labels['colon']}{value}").font.size = Pt(12)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


#: The contents field: headings of levels 1-3, as hyperlinks, without page
#: numbers in web view, and paragraphs whose outline level is set count too.
TOC_FIELD = 'TOC \\o "1-3" \\h \\z \\u'


def _contents(doc: DocxDocument, content: HandbookContent) -> None:
    title = doc.add_paragraph()
    run = title.add_run(content.labels["contents"])
    run.bold = True
    run.font.size = Pt(16)
    run.font.color.rgb = ACCENT
    # A TOC field spanning the entries: its cached result is what Word, WPS and
    # LibreOffice show until the field is updated (then with page numbers).
    paragraph = doc.add_paragraph()
    _field_char(paragraph.add_run(), "begin")
    _field_code(paragraph.add_run(), TOC_FIELD)
    _field_char(paragraph.add_run(), "separate")
    for index, (number, text) in enumerate(content.section_titles()):
        if index:
            paragraph = doc.add_paragraph()
        indent = content.labels["gap"] * 2 if "." in number else ""
        paragraph.add_run(f"{indent}{number}{content.labels['gap']}{text}")
    _field_char(paragraph.add_run(), "end")
    paragraph.add_run().add_break(WD_BREAK.PAGE)


def _page_setup(section: Section, landscape: bool) -> None:
    """A4 in the orientation asked, with the handbook's margins."""
    short, long = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.left_margin = section.right_margin = Cm(2.0 if landscape else 2.5)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.0)


def _charts(doc: DocxDocument, content: HandbookContent, charts: list[Picture]) -> None:
    """The chart section: landscape pages, one chart page each, captioned."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(section, landscape=True)
    section.different_first_page_header_footer = False
    doc.add_heading(f"1{content.labels['gap']}{content.labels['chart']}", level=1)
    width_cm, height_cm = CHART_AREA_PT[0] / 72 * 2.54, CHART_AREA_PT[1] / 72 * 2.54
    for index, chart in enumerate(charts):
        if chart.caption:
            caption = doc.add_paragraph()
            caption.paragraph_format.page_break_before = index > 0
            caption.add_run(chart.caption).bold = True
        if chart.png:
            _picture(doc, chart, width_cm, height_cm, enlarge=1.5)
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(section, landscape=False)
    section.different_first_page_header_footer = False


def render_docx(content: HandbookContent, charts: list[Picture], bars: Picture) -> bytes:
    """The complete handbook as .docx bytes."""
    labels = content.labels
    doc = Document()
    section = doc.sections[0]
    _page_setup(section, landscape=False)
    section.different_first_page_header_footer = True  # no header or number on the cover
    _prepare_styles(doc)
    title = content.running_title
    properties = doc.core_properties
    properties.title = f"{title} · {labels['handbook']}" if title else labels["handbook"]
    properties.author = content.author or "orgdesk"
    properties.subject = labels["handbook"]
    properties.language = "zh-CN" if content.lang == "zh" else "en"
    header = section.header.paragraphs[0]
    header.text = title + (f" · {content.scope}" if title and content.scope else content.scope)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = labels["page"].partition("{page}")
    between, _, after = rest.partition("{pages}")
    footer.add_run(before)
    _field(footer, "PAGE", "1")
    footer.add_run(between)
    _field(footer, "NUMPAGES", "1")
    footer.add_run(after)

    _cover(doc, content)
    _contents(doc, content)
    _charts(doc, content, charts)
    doc.add_heading(f"2{labels['gap']}{labels['summary']}", level=1)
    _figures(doc, content)
    _picture(doc, bars, BODY_WIDTH_CM, 14.0)
    heading = doc.add_heading(f"3{labels['gap']}{labels['sheets']}", level=1)
    heading.paragraph_format.page_break_before = True
    # Styles looked up once: python-docx finds a style by name with a linear scan.
    # python-docx types a looked-up style as the base class; these two are what their names say.
    styles = _Styles(cast(ParagraphStyle, doc.styles["Heading 2"]),
                     cast(_TableStyle, doc.styles["Table Grid"]))
    for index, sheet in enumerate(content.sheets):
        _sheet(doc, styles, sheet, index == 0, labels)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
