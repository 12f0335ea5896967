"""The handbook as one self-contained HTML file.

Everything is inside the file: the style sheet and the pictures as data:
URIs, so it can be mailed, opened offline or printed from any browser.
Every piece of document text goes through `html.escape`.
"""
from __future__ import annotations

import base64
from html import escape

from orgdesk.export.handbook.content import LABELS, HandbookContent, PositionSheet
from orgdesk.export.handbook.images import Picture
from orgdesk.paint.fonts import css_font_list

_CSS = """
body { font-family: """ + css_font_list() + """;
       font-size: 10.5pt; color: #222; max-width: 60em; margin: 2em auto; padding: 0 1em;
       line-height: 1.55; overflow-wrap: anywhere; }
.cover { text-align: center; padding: 6em 0 4em; border-bottom: 2px solid #2F5597;
         margin-bottom: 2em; }
.cover .kind { font-size: 28pt; letter-spacing: .3em; color: #2F5597; margin: 0; }
.cover .title { font-size: 18pt; margin: .8em 0 2em; }
.cover table { margin: 0 auto; text-align: left; }
.cover td { padding: .2em 1em; }
h1 { font-size: 15pt; color: #2F5597; border-bottom: 1px solid #2F5597; padding-bottom: .2em;
     margin-top: 2em; }
h2 { font-size: 12.5pt; margin: 2em 0 .6em; }
nav p { margin: .25em 0; }
nav p.sheet { padding-left: 2em; }
nav a { color: #222; text-decoration: none; }
table.sheet, table.figures { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
table.sheet th, table.sheet td, table.figures th, table.figures td {
  border: 1px solid #8EA9DB; padding: .35em .6em; vertical-align: top; }
table.sheet th { background: #D9E2F3; width: 7em; text-align: left; white-space: nowrap; }
table.figures th { background: #D9E2F3; }
table.figures td.n { text-align: right; }
table.figures tr.total td { font-weight: bold; }
ol.items { margin: 0; padding-left: 1.6em; }
p.sub { font-weight: bold; margin: 1em 0 .3em; }
.note { color: #555; font-size: 9pt; }
.empty { color: #888; }
img { max-width: 100%; height: auto; }
@media print { .sheet-section { page-break-before: always; } .cover { page-break-after: always; } }
"""


def _image(picture: Picture, alt: str) -> str:
    """The picture inline as a data: URI: SVG when there is one (a big chart zooms
    sharply), else PNG.  As an <img>, an SVG can run no script and load nothing."""
    kind, raw = ("svg+xml", picture.svg) if picture.svg is not None else ("png", picture.png)
    data = base64.b64encode(raw).decode("ascii")
    return (f'<p><img alt="{escape(alt)}" width="{picture.width_pt * 4 / 3:.0f}" '
            f'src="data:image/{kind};base64,{data}"></p>')


def _items(lines: tuple[str, ...], numbered: bool = True, omitted: str = "") -> str:
    if not lines:
        return f'<span class="empty">{escape(LABELS["to_fill"])}</span>'
    tag = "ol" if numbered else "ul"
    body = "".join(f"<li>{escape(line)}</li>" for line in lines)
    note = f'<p class="note">{escape(omitted)}</p>' if omitted else ""
    return f'<{tag} class="items">{body}</{tag}>{note}'


def _sheet(sheet: PositionSheet) -> str:
    headcount = escape(sheet.headcount)
    if sheet.headcount_note:
        headcount += f'<br><span class="note">{escape(sheet.headcount_note)}</span>'
    rows = [(f"<tr><th>{LABELS['title']}</th><td>{escape(sheet.title)}</td>"
            f"<th>{LABELS['department']}</th><td>{escape(sheet.department)}</td></tr>"),
            (f"<tr><th>{LABELS['headcount']}</th><td>{headcount}</td>"
            f"<th>{LABELS['superior']}</th><td>{escape(sheet.superior)}</td></tr>")]
    wide = [
        (LABELS["reports"], escape(sheet.reports)),
        (LABELS["duties"], _items(sheet.duties, omitted=sheet.duties_omitted)),
        (LABELS["requirements"], _items(sheet.requirements, numbered=False,
                                        omitted=sheet.requirements_omitted)),
        (LABELS["kpis"], _items(sheet.kpis, omitted=sheet.kpis_omitted)),
        (LABELS["career"], escape(sheet.career_path) if sheet.career_path
         else f'<span class="empty">{escape(LABELS["to_fill"])}</span>'),
    ]
    rows += [f'<tr><th>{escape(label)}</th><td colspan="3">{value}</td></tr>'
             for label, value in wide]
    staff = f' <span class="note">{escape(LABELS["staff"])}</span>' if sheet.staff else ""
    return (f'<section class="sheet-section" id="p{sheet.position_id}">'
            f"<h2>{escape(sheet.number)} {escape(sheet.heading)}{staff}</h2>"
            f'<table class="sheet">{"".join(rows)}</table></section>')


def _figures(content: HandbookContent) -> str:
    analysis = content.analysis
    head = (f"<tr><th>{{0}}</th><th>{LABELS['positions']}</th><th>{LABELS['planned']}</th>"
            f"<th>{LABELS['filled']}</th><th>{LABELS['vacancies']}</th></tr>")

    def rows(groups: list[tuple[str, int, int, int, int]]) -> str:
        return "".join(f"<tr><td>{escape(name)}</td>" + "".join(
            f'<td class="n">{n}</td>' for n in figures) + "</tr>" for name, *figures in groups)

    totals = analysis.totals
    total_row = (f'<tr class="total"><td>{LABELS["total"]}</td><td class="n">{totals.positions}'
                 f'</td><td class="n">{totals.planned}</td><td class="n">{totals.filled}</td>'
                 f'<td class="n">{totals.vacancies}</td></tr>')
    departments = [(g.key or LABELS["no_department"], g.positions, g.planned, g.filled,
                    g.vacancies) for g in analysis.departments]
    levels = [(f"第{g.key}层", g.positions, g.planned, g.filled, g.vacancies)
              for g in analysis.levels]
    return (f'<p class="sub">{LABELS["by_department"]}</p>'
            f'<table class="figures">{head.format(LABELS["department"])}{rows(departments)}'
            f"{total_row}</table>"
            f'<p class="sub">{LABELS["by_level"]}</p>'
            f'<table class="figures">{head.format(LABELS["level"])}{rows(levels)}'
            f"{total_row}</table>")


def render_html(content: HandbookContent, chart: Picture, bars: Picture) -> bytes:
    """The complete handbook page, UTF-8 encoded."""
    title = escape(content.title)
    cover_rows = [(LABELS["client"], content.client), (LABELS["author"], content.author),
                  (LABELS["branch"], content.scope), (LABELS["date"], content.date_text)]
    cover = "".join(f"<tr><td>{escape(label)}</td><td>{escape(value)}</td></tr>"
                    for label, value in cover_rows if value)
    toc = [f'<p><a href="#s1">1 {LABELS["chart"]}</a></p>',
           f'<p><a href="#s2">2 {LABELS["summary"]}</a></p>',
           f'<p><a href="#s3">3 {LABELS["sheets"]}</a></p>']
    toc += [f'<p class="sheet"><a href="#p{s.position_id}">{escape(s.number)} '
            f"{escape(s.heading)}</a></p>" for s in content.sheets]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title} · {LABELS['handbook']}</title><style>{_CSS}</style></head><body>",
        (f'<header class="cover"><p class="kind">{LABELS["handbook"]}</p>'
        f'<p class="title">{title}</p><table>{cover}</table></header>'),
        f'<nav><h1>{LABELS["contents"]}</h1>{"".join(toc)}</nav>',
        f'<h1 id="s1">1 {LABELS["chart"]}</h1>{_image(chart, LABELS["chart"])}',
        (f'<h1 id="s2">2 {LABELS["summary"]}</h1>{_figures(content)}'
        f'{_image(bars, LABELS["summary"])}'),
        f'<h1 id="s3">3 {LABELS["sheets"]}</h1>',
        *(_sheet(sheet) for sheet in content.sheets),
        "</body></html>",
    ]
    return "\n".join(parts).encode("utf-8")
