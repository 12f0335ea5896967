"""The handbook as a paged PDF: what each page says, as HTML and plain values.

The painting (QTextDocument on a QPdfWriter, cover, running header and
footer, the chart as vectors) is `orgdesk.paint.paged_pdf`; this module only
decides the contents, so it imports no Qt.  Each part (contents, chart,
summary, every job description) starts a new page.
"""
from __future__ import annotations

from collections.abc import Callable
from html import escape

from orgdesk.export.handbook.content import LABELS, HandbookContent, PositionSheet
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


def _lines(lines: tuple[str, ...], numbered: bool, omitted: str = "") -> str:
    if not lines:
        return f'<span class="empty">{LABELS["to_fill"]}</span>'
    note = f'<p class="note" style="margin-top: 2px;">{escape(omitted)}</p>' if omitted else ""
    # One paragraph per item with a hanging indent, numbers written out: Qt
    # indents <ol> by a fixed amount that looks adrift inside a table cell.
    indent = round((4.5 if numbered and len(lines) > 9 else 3.2) * CSS_PX_PER_MM)
    return "".join(
        f'<p style="margin-top: 0; margin-bottom: 2px; margin-left: {indent}px; '
        f'text-indent: -{indent}px;">{index}. {escape(line)}</p>' if numbered
        else f'<p style="margin-top: 0; margin-bottom: 2px;">{escape(line)}</p>'
        for index, line in enumerate(lines, start=1)) + note


def _sheet_html(sheet: PositionSheet) -> str:
    label = f'width="{int(22 * CSS_PX_PER_MM)}"'
    value = f'width="{int(63 * CSS_PX_PER_MM)}"'
    headcount = escape(sheet.headcount)
    if sheet.headcount_note:
        headcount += f'<br><span class="note">{escape(sheet.headcount_note)}</span>'
    rows = (
        f"<tr><th {label}>{LABELS['title']}</th><td {value}>{escape(sheet.title)}</td>"
        f"<th {label}>{LABELS['department']}</th><td {value}>{escape(sheet.department)}</td></tr>"
        f"<tr><th>{LABELS['headcount']}</th><td>{headcount}</td>"
        f"<th>{LABELS['superior']}</th><td>{escape(sheet.superior)}</td></tr>"
        f"<tr><th>{LABELS['reports']}</th><td colspan=\"3\">{escape(sheet.reports)}</td></tr>"
        f"<tr><th>{LABELS['duties']}</th><td colspan=\"3\">"
        f"{_lines(sheet.duties, True, sheet.duties_omitted)}</td></tr>"
        f"<tr><th>{LABELS['requirements']}</th><td colspan=\"3\">"
        f"{_lines(sheet.requirements, False, sheet.requirements_omitted)}</td></tr>"
        f"<tr><th>{LABELS['kpis']}</th><td colspan=\"3\">"
        f"{_lines(sheet.kpis, True, sheet.kpis_omitted)}</td></tr>"
        f"<tr><th>{LABELS['career']}</th><td colspan=\"3\">"
        f"{_lines((sheet.career_path,) if sheet.career_path else (), False)}</td></tr>"
    )
    staff = f' <span class="staff">{LABELS["staff"]}</span>' if sheet.staff else ""
    return f"<h2>{escape(sheet.number)}　{escape(sheet.heading)}{staff}</h2>{_table(rows)}"


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
        return _table(head + body + total)

    departments = [(g.key or LABELS["no_department"], g.positions, g.planned, g.filled,
                    g.vacancies) for g in analysis.departments]
    levels = [(f"第{g.key}层", g.positions, g.planned, g.filled, g.vacancies)
              for g in analysis.levels]
    return (f'<p class="sub">{LABELS["by_department"]}</p>'
            + block(LABELS["department"], departments)
            + f'<p class="sub">{LABELS["by_level"]}</p>' + block(LABELS["level"], levels))


def _image_html(name: str, picture: Picture, max_h_mm: float) -> str:
    """An image scaled to fit the body width and `max_h_mm`, never enlarged."""
    width, height = picture.width_pt * CSS_PX_PER_PT, picture.height_pt * CSS_PX_PER_PT
    scale = min(BODY_WIDTH_MM * CSS_PX_PER_MM / width, max_h_mm * CSS_PX_PER_MM / height, 1.0)
    return (f'<p align="center"><img src="page:{name}" width="{int(width * scale)}" '
            f'height="{int(height * scale)}"></p>')


def _contents_html(content: HandbookContent, pages: dict[str, int]) -> str:
    rows = "".join(
        f'<tr><td style="padding-left: {round(8 * CSS_PX_PER_MM) if "." in number else 0}px;">'
        f"{escape(number)}　{escape(title)}</td>"
        f'<td class="n" width="{int(15 * CSS_PX_PER_MM)}">{pages.get(number, 0)}</td></tr>'
        for number, title in content.section_titles())
    return (f"<h1>{LABELS['contents']}</h1><table width=\"100%\" cellspacing=\"0\" "
            f'cellpadding="{round(CSS_PX_PER_MM)}">{rows}</table>')


def _parts_html(content: HandbookContent, bars: Picture) -> list[tuple[str, str]]:
    """(section number, HTML) of every part after the contents; each starts a page."""
    parts = [
        # The chart's page holds only its heading as text: the chart is painted
        # below it as vectors (`paint_chart`).
        ("1", f"<h1>1　{LABELS['chart']}</h1>"),
        ("2", (f"<h1>2　{LABELS['summary']}</h1>{_figures_html(content)}"
              f"{_image_html('bars', bars, BODY_HEIGHT_MM * 0.55)}")),
    ]
    intro = f"<h1>3　{LABELS['sheets']}</h1>"
    if not content.sheets:  # an empty organisation still gets the section it lists
        parts.append(("3", f'{intro}<p class="empty">{LABELS["none"]}</p>'))
    for index, sheet in enumerate(content.sheets):
        parts.append((sheet.number, (intro if index == 0 else "") + _sheet_html(sheet)))
    return parts


def render_pdf(content: HandbookContent, chart: Picture, bars: Picture, family: str,
               progress: Progress | None = None) -> bytes:
    """The handbook as PDF bytes (needs a QGuiApplication)."""
    document = PagedDocument(
        title=f"{content.title} · {LABELS['handbook']}",
        family=family,
        css=_CSS,
        cover=Cover(LABELS["handbook"], content.title, (
            (LABELS["client"], content.client), (LABELS["branch"], content.scope),
            (LABELS["author"], content.author), (LABELS["date"], content.date_text))),
        running=RunningParts(content.title + (f" · {content.scope}" if content.scope else ""),
                             LABELS["handbook"], LABELS["page"]),
        parts=_parts_html(content, bars),
        contents=lambda pages: _contents_html(content, pages),
        images={"bars": bars.png},
        figure=Figure(chart.png, chart.width_pt, chart.height_pt, chart.svg),
        figure_part="1",
        # The sheets' section starts where its first sheet does.
        aliases={"3": content.sheets[0].number} if content.sheets else {},
    )
    return render_paged_pdf(document, progress)
