"""The handbook as one self-contained HTML file.

Everything is inside the file: the style sheet, the org chart's pages as
inline SVG (from the chart export, re-serialised through an allow-list: no
script, no event attribute, no outside link) and the bar chart as a data:
URI, so it can be mailed, opened offline or printed from any browser.  Every
piece of document text is escaped.  The contents links to every section and
job description, each description links to its superiors' and reports'
descriptions and back to the contents.
"""
from __future__ import annotations

import base64
from html import escape
from xml.etree import ElementTree

from defusedxml.ElementTree import fromstring

from orgdesk.analysis.headcount import GroupFigures
from orgdesk.export.handbook.content import HandbookContent, PositionSheet, Ref
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
svg.chart { max-width: 100%; height: auto; display: block; margin: .5em auto 1.5em; }
p.caption { font-weight: bold; margin: 1.5em 0 .3em; }
a.back { font-size: 9pt; color: #2F5597; }
td a { color: #2F5597; }
@media print { .sheet-section { page-break-before: always; } .cover { page-break-after: always; } }
"""


#: What an inline chart may hold: Graphviz's drawing elements, nothing that runs
#: or loads (script, foreignObject, image, use of outside files, animations).
SVG_ELEMENTS = frozenset({"svg", "g", "path", "polygon", "polyline", "ellipse", "circle", "rect",
                          "line", "text", "tspan", "defs", "linearGradient", "radialGradient",
                          "stop", "clipPath"})


def inline_svg(svg: bytes, prefix: str) -> str:
    """Graphviz's SVG as markup to put inside the page, through an allow-list.

    Elements not in SVG_ELEMENTS are dropped with their contents (Graphviz's
    <title>s are node names, not the user's text); attributes that run
    script (on…), link anywhere or live in another namespace (xlink) are
    dropped; ids get `prefix` so several charts on one page keep them
    unique.  Tags lose their namespace: inside HTML an <svg> is SVG by its
    name, so the page names no URL at all.  The serialiser escapes every text.
    """
    root = fromstring(svg)

    def clean(element: ElementTree.Element) -> None:
        element.tag = element.tag.rpartition("}")[2]
        for child in list(element):
            tag = child.tag.rpartition("}")[2] if isinstance(child.tag, str) else ""
            if tag not in SVG_ELEMENTS:
                element.remove(child)
                continue
            clean(child)
        for name in list(element.attrib):
            local = name.lower()
            if "}" in local or local.startswith("on") or local in ("href", "src", "style"):
                del element.attrib[name]
            elif local == "id":
                element.attrib[name] = prefix + element.attrib[name]

    clean(root)
    root.set("class", "chart")
    return ElementTree.tostring(root, encoding="unicode")


def _image(picture: Picture, alt: str) -> str:
    """The bar chart inline as a PNG data: URI."""
    data = base64.b64encode(picture.png).decode("ascii")
    return (f'<p><img alt="{escape(alt)}" width="{picture.width_pt * 4 / 3:.0f}" '
            f'src="data:image/png;base64,{data}"></p>')


def _charts(charts: list[Picture]) -> str:
    parts = []
    for index, chart in enumerate(charts, start=1):
        if chart.caption:
            parts.append(f'<p class="caption">{escape(chart.caption)}</p>')
        if chart.svg is not None:
            parts.append(inline_svg(chart.svg, f"chart{index}-"))
    return "".join(parts)


def _items(lines: tuple[str, ...], empty: str, numbered: bool = True, omitted: str = "") -> str:
    if not lines:
        return f'<span class="empty">{escape(empty)}</span>'
    tag = "ol" if numbered else "ul"
    body = "".join(f"<li>{escape(line)}</li>" for line in lines)
    note = f'<p class="note">{escape(omitted)}</p>' if omitted else ""
    return f'<{tag} class="items">{body}</{tag}>{note}'


def _links(refs: tuple[Ref, ...], separator: str, none: str, omitted: str = "") -> str:
    """Positions named on a sheet, each a link to the sheet describing it."""
    if not refs:
        return escape(none)
    return escape(separator).join(
        f'<a href="#{escape(r.anchor)}">{escape(r.text)}</a>' if r.anchor else escape(r.text)
        for r in refs) + escape(omitted)


def _sheet(sheet: PositionSheet, labels: dict[str, str]) -> str:
    headcount = escape(sheet.headcount)
    if sheet.headcount_note:
        headcount += f'<br><span class="note">{escape(sheet.headcount_note)}</span>'
    empty = labels["to_fill"]
    superiors = _links(sheet.superiors, sheet.separator, sheet.none)
    rows = [(f"<tr><th>{escape(labels['title'])}</th><td>{escape(sheet.title)}</td>"
             f"<th>{escape(labels['department'])}</th><td>{escape(sheet.department)}</td></tr>"),
            (f"<tr><th>{escape(labels['headcount'])}</th><td>{headcount}</td>"
             f"<th>{escape(labels['superior'])}</th><td>{superiors}</td></tr>")]
    wide = []
    if sheet.appears:
        wide.append((labels["appears"],
                     escape(sheet.separator.join(sheet.appears) + sheet.appears_omitted)))
    wide += [
        (labels["reports"], _links(sheet.report_refs, sheet.separator, sheet.none,
                                   sheet.reports_omitted)),
        (labels["duties"], _items(sheet.duties, empty, omitted=sheet.duties_omitted)),
        (labels["requirements"], _items(sheet.requirements, empty, numbered=False,
                                        omitted=sheet.requirements_omitted)),
        (labels["kpis"], _items(sheet.kpis, empty, omitted=sheet.kpis_omitted)),
        (labels["career"], escape(sheet.career_path) if sheet.career_path
         else f'<span class="empty">{escape(empty)}</span>'),
    ]
    rows += [f'<tr><th>{escape(label)}</th><td colspan="3">{value}</td></tr>'
             for label, value in wide]
    staff = f' <span class="note">{escape(labels["staff"])}</span>' if sheet.staff else ""
    return (f'<section class="sheet-section" id="{escape(sheet.anchor)}">'
            f"<h2>{escape(sheet.number)} {escape(sheet.heading)}{staff}</h2>"
            f'<table class="sheet">{"".join(rows)}</table>'
            f'<p><a class="back" href="#contents">{escape(labels["back"])}</a></p></section>')


def _figures(content: HandbookContent) -> str:
    analysis = content.analysis
    labels = content.labels
    # With 超编 an Over column, so each row reconciles: planned = filled − over + vacant.
    over = analysis.totals.over > 0

    def extra(g: GroupFigures) -> tuple[int, ...]:
        return (g.over,) if over else ()
    head = (f"<tr><th>{{0}}</th><th>{escape(labels['positions'])}</th>"
            f"<th>{escape(labels['planned'])}</th>"
            f"<th>{escape(labels['filled'])}</th><th>{escape(labels['vacancies'])}</th>"
            + (f"<th>{escape(labels['over'])}</th>" if over else "") + "</tr>")

    def rows(groups: list[tuple[object, ...]]) -> str:
        return "".join(f"<tr><td>{escape(str(name))}</td>" + "".join(
            f'<td class="n">{n}</td>' for n in figures) + "</tr>" for name, *figures in groups)

    totals = analysis.totals
    total_row = (f'<tr class="total"><td>{escape(labels["total"])}</td>'
                 f'<td class="n">{totals.positions}'
                 f'</td><td class="n">{totals.planned}</td><td class="n">{totals.filled}</td>'
                 f'<td class="n">{totals.vacancies}</td>'
                 + (f'<td class="n">{totals.over}</td>' if over else "") + "</tr>")
    departments = [(g.key or labels["no_department"], g.positions, g.planned, g.filled,
                    g.vacancies, *extra(g)) for g in analysis.departments]
    levels = [(labels["level_n"].format(level=g.key), g.positions, g.planned, g.filled,
               g.vacancies, *extra(g)) for g in analysis.levels]
    return (f'<p class="sub">{escape(labels["by_department"])}</p>'
            f'<table class="figures">{head.format(escape(labels["department"]))}'
            f"{rows(departments)}{total_row}</table>"
            f'<p class="sub">{escape(labels["by_level"])}</p>'
            f'<table class="figures">{head.format(escape(labels["level"]))}{rows(levels)}'
            f"{total_row}</table>")


def render_html(content: HandbookContent, charts: list[Picture], bars: Picture) -> bytes:
    """The complete handbook page, UTF-8 encoded."""
    labels = content.labels
    title = escape(content.title)
    running = content.running_title
    cover = "".join(f"<tr><td>{escape(label)}</td><td>{escape(value)}</td></tr>"
                    for label, value in content.cover_rows() if value)
    sections = [("s1", "1", labels["chart"]), ("s2", "2", labels["summary"]),
                ("s3", "3", labels["sheets"])]
    toc = [f'<p><a href="#{anchor}">{number} {escape(text)}</a></p>'
           for anchor, number, text in sections]
    toc += [f'<p class="sheet"><a href="#{escape(s.anchor)}">{escape(s.number)} '
            f"{escape(s.heading)}</a></p>" for s in content.sheets]
    heading = {anchor: f'<h1 id="{anchor}">{number} {escape(text)}</h1>'
               for anchor, number, text in sections}
    page_title = (f"{escape(running)} · " if running else "") + escape(labels["handbook"])
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if content.lang == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{page_title}</title><style>{_CSS}</style></head><body>",
        (f'<header class="cover"><p class="kind">{escape(labels["handbook"])}</p>'
         + (f'<p class="title">{title}</p>' if title else "")
         + f"<table>{cover}</table></header>"),
        f'<nav id="contents"><h1>{escape(labels["contents"])}</h1>{"".join(toc)}</nav>',
        f'{heading["s1"]}{_charts(charts)}',
        f'{heading["s2"]}{_figures(content)}{_image(bars, labels["summary"])}',
        heading["s3"],
        *(_sheet(sheet, labels) for sheet in content.sheets),
        "</body></html>",
    ]
    return "\n".join(parts).encode("utf-8")
