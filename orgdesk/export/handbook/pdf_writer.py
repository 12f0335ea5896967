"""The handbook as a paged PDF: what each page says, as HTML and plain values.

The painting (QTextDocument on a QPdfWriter, cover, running header and
footer, the chart pages as vectors on landscape paper) is
`orgdesk.paint.paged_pdf`; this module only decides the contents, so it
imports no Qt.  Each part (contents, chart, summary, every job description)
starts a new page.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import overload

from orgdesk.analysis.headcount import GroupFigures
from orgdesk.export.handbook.content import HandbookContent, PositionSheet
from orgdesk.export.handbook.images import Picture
from orgdesk.paint.paged_pdf import (
    ACCENT,
    BODY_HEIGHT_MM,
    BODY_WIDTH_MM,
    LABEL_BG,
    RULE,
    Cover,
    Figure,
    PagedDocument,
    RunningParts,
    paint_paged,
    render_paged_pdf,
)

Progress = Callable[[int, int], None]

# QTextDocument reads HTML lengths as CSS pixels (96 per inch) and scales them to
# the paint device, so table and image sizes are written in these units.
CSS_PX_PER_MM = 96 / 25.4
CSS_PX_PER_PT = 96 / 72

_CSS = f"""
h1 {{ font-size: 15pt; color: {ACCENT}; margin-top: 0; margin-bottom: 10pt; }}
h2 {{ font-size: 13pt; color: #1F1F1F; margin-top: 0; margin-bottom: 8pt; }}
th {{ background-color: {LABEL_BG}; font-weight: bold; text-align: left; }}
td.n {{ text-align: right; }}
.note {{ color: #555555; font-size: 9pt; }}
.empty {{ color: #888888; }}
p.sub {{ font-weight: bold; margin-top: 10pt; margin-bottom: 4pt; }}
.staff {{ color: #555555; font-size: 10pt; font-weight: normal; }}
"""


def _table(rows: str) -> str:
    return (f'<table width="100%" border="1" cellspacing="0" '
            f'cellpadding="{round(1.6 * CSS_PX_PER_MM)}" style="border-collapse: collapse; '
            f'border-color: {RULE}; border-style: solid;">{rows}</table>')


def _lines(lines: tuple[str, ...], numbered: bool, omitted: str = "",
           empty: str = "") -> str:
    if not lines:
        return f'<span class="empty">{escape(empty)}</span>'
    note = f'<p class="note" style="margin-top: 2px;">{escape(omitted)}</p>' if omitted else ""
    # One paragraph per item with a hanging indent, numbers written out: Qt
    # indents <ol> by a fixed amount that looks adrift inside a table cell.
    indent = round((4.5 if numbered and len(lines) > 9 else 3.2) * CSS_PX_PER_MM)
    return "".join(
        f'<p style="margin-top: 0; margin-bottom: 2px; margin-left: {indent}px; '
        f'text-indent: -{indent}px;">{index}. {escape(line)}</p>' if numbered
        else f'<p style="margin-top: 0; margin-bottom: 2px;">{escape(line)}</p>'
        for index, line in enumerate(lines, start=1)) + note


def _sheet_html(sheet: PositionSheet, labels: dict[str, str]) -> str:
    label = f'width="{int(22 * CSS_PX_PER_MM)}"'
    value = f'width="{int(63 * CSS_PX_PER_MM)}"'
    headcount = escape(sheet.headcount)
    if sheet.headcount_note:
        headcount += f'<br><span class="note">{escape(sheet.headcount_note)}</span>'
    empty = labels["to_fill"]

    def row(name: str, cell: str) -> str:
        return f'<tr><th>{escape(labels[name])}</th><td colspan="3">{cell}</td></tr>'

    rows = (
        f"<tr><th {label}>{escape(labels['title'])}</th><td {value}>{escape(sheet.title)}</td>"
        f"<th {label}>{escape(labels['department'])}</th>"
        f"<td {value}>{escape(sheet.department)}</td></tr>"
        f"<tr><th>{escape(labels['headcount'])}</th><td>{headcount}</td>"
        f"<th>{escape(labels['superior'])}</th><td>{escape(sheet.superior)}</td></tr>"
        + (row("appears", escape(sheet.separator.join(sheet.appears) + sheet.appears_omitted))
           if sheet.appears else "")
        + row("reports", escape(sheet.reports))
        + row("duties", _lines(sheet.duties, True, sheet.duties_omitted, empty))
        + row("requirements", _lines(sheet.requirements, False, sheet.requirements_omitted,
                                     empty))
        + row("kpis", _lines(sheet.kpis, True, sheet.kpis_omitted, empty))
        + row("career", _lines((sheet.career_path,) if sheet.career_path else (), False,
                               empty=empty))
    )
    staff = f' <span class="staff">{escape(labels["staff"])}</span>' if sheet.staff else ""
    return (f"<h2>{escape(sheet.number)}{labels['gap']}{escape(sheet.heading)}{staff}</h2>"
            f"{_table(rows)}")


def _figures_html(content: HandbookContent) -> str:
    analysis = content.analysis
    totals = analysis.totals
    labels = content.labels
    # With 超编 an Over column, so each row reconciles: planned = filled − over + vacant.
    over = totals.over > 0

    def extra(g: GroupFigures) -> tuple[int, ...]:
        return (g.over,) if over else ()

    def block(first_label: str, groups: list[tuple[object, ...]]) -> str:
        head = (f"<tr><th>{first_label}</th><th>{labels['positions']}</th>"
                f"<th>{labels['planned']}</th><th>{labels['filled']}</th>"
                f"<th>{labels['vacancies']}</th>"
                + (f"<th>{labels['over']}</th>" if over else "") + "</tr>")
        body = "".join(f"<tr><td>{escape(str(name))}</td>" + "".join(
            f'<td class="n">{n}</td>' for n in figures) + "</tr>" for name, *figures in groups)
        total = (f"<tr><td><b>{labels['total']}</b></td>" + "".join(
            f'<td class="n"><b>{n}</b></td>' for n in (totals.positions, totals.planned,
                                                       totals.filled, totals.vacancies,
                                                       *((totals.over,) if over else ())))
                 + "</tr>")
        return _table(head + body + total)

    departments = [(g.key or labels["no_department"], g.positions, g.planned, g.filled,
                    g.vacancies, *extra(g)) for g in analysis.departments]
    levels = [(labels["level_n"].format(level=g.key), g.positions, g.planned, g.filled, g.vacancies,
               *extra(g)) for g in analysis.levels]
    return (f'<p class="sub">{labels["by_department"]}</p>'
            + block(labels["department"], departments)
            + f'<p class="sub">{labels["by_level"]}</p>' + block(labels["level"], levels))


def _image_html(name: str, picture: Picture, max_h_mm: float) -> str:
    """An image scaled to fit the body width and `max_h_mm`, never enlarged."""
    width, height = picture.width_pt * CSS_PX_PER_PT, picture.height_pt * CSS_PX_PER_PT
    scale = min(BODY_WIDTH_MM * CSS_PX_PER_MM / width, max_h_mm * CSS_PX_PER_MM / height, 1.0)
    return (f'<p align="center"><img src="page:{name}" width="{int(width * scale)}" '
            f'height="{int(height * scale)}"></p>')


def _contents_html(content: HandbookContent, pages: dict[str, int]) -> str:
    rows = "".join(
        f'<tr><td style="padding-left: {round(8 * CSS_PX_PER_MM) if "." in number else 0}px;">'
        f"{escape(number)}{content.labels['gap']}{escape(title)}</td>"
        f'<td class="n" width="{int(15 * CSS_PX_PER_MM)}">{pages.get(number, 0)}</td></tr>'
        for number, title in content.section_titles())
    return (f"<h1>{content.labels['contents']}</h1><table width=\"100%\" cellspacing=\"0\" "
            f'cellpadding="{round(CSS_PX_PER_MM)}">{rows}</table>')


def _parts_html(content: HandbookContent, bars: Picture) -> list[tuple[str, str]]:
    """(section number, HTML) of every part after the contents; each starts a page."""
    parts = [
        # The chart's pages are painted (landscape, vectors), not laid out as text.
        ("1", ""),
        ("2", (f"<h1>2{content.labels['gap']}{content.labels['summary']}</h1>{_figures_html(content)}"
              f"{_image_html('bars', bars, BODY_HEIGHT_MM * 0.55)}")),
    ]
    intro = f"<h1>3{content.labels['gap']}{content.labels['sheets']}</h1>"
    if not content.sheets:  # an empty organisation still gets the section it lists
        parts.append(("3", f'{intro}<p class="empty">{content.labels["none"]}</p>'))
    for index, sheet in enumerate(content.sheets):
        parts.append((sheet.number, (intro if index == 0 else "")
                      + _sheet_html(sheet, content.labels)))
    return parts


class _Figures(Sequence[Figure]):
    """The chart pages as the PDF's figures, each taken from `charts` only when its page
    is painted: the charts may still be being drawn while the text pages are laid out
    (`images.start_chart_pictures`); how many there are is known from the start."""

    def __init__(self, charts: Sequence[Picture]) -> None:
        self._charts = charts

    def __len__(self) -> int:
        return len(self._charts)

    @overload
    def __getitem__(self, index: int) -> Figure: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Figure]: ...

    def __getitem__(self, index: int | slice) -> Figure | Sequence[Figure]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        c = self._charts[index]
        return Figure(c.png, c.width_pt, c.height_pt, c.svg, c.caption)


def render_pdf(content: HandbookContent, charts: Sequence[Picture], bars: Picture, family: str,
               progress: Progress | None = None) -> bytes:
    """The handbook as PDF bytes (needs a QGuiApplication)."""
    return render_paged_pdf(paged_document(content, charts, bars, family), progress)


def print_pdf(content: HandbookContent, charts: Sequence[Picture], bars: Picture, family: str,
              device: object, progress: Progress | None = None) -> None:
    """The handbook's pages painted on `device` (a QPrinter), exactly as in its PDF."""
    paint_paged(paged_document(content, charts, bars, family), device, progress)


def paged_document(content: HandbookContent, charts: Sequence[Picture], bars: Picture,
                   family: str) -> PagedDocument:
    """The handbook as pages to paint: cover, contents, parts, chart figures."""
    labels = content.labels
    title = content.running_title
    running_left = title + (f" · {content.scope}" if title and content.scope else content.scope)
    return PagedDocument(
        title=f"{title} · {labels['handbook']}" if title else labels["handbook"],
        family=family,
        css=_CSS,
        cover=Cover(labels["handbook"], content.title, content.cover_rows(), labels["colon"]),
        running=RunningParts(running_left, labels["handbook"], labels["page"]),
        parts=_parts_html(content, bars),
        contents=lambda pages: _contents_html(content, pages),
        images={"bars": bars.png},
        figures=_Figures(charts),
        figure_part="1",
        figure_heading=f"1{labels['gap']}{labels['chart']}",
        # The sheets' section starts where its first sheet does.
        aliases={"3": content.sheets[0].number} if content.sheets else {},
    )
