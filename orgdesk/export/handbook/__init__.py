"""The job-description handbook (岗位说明书): cover, contents, org chart, headcount
summary and one job description per distinct position, as PDF, DOCX or HTML,
in the handbook's own language (`lang`).

`write_handbook(org, path)` picks the format from the file's extension,
renders the whole file in memory and then writes it atomically.  Pictures
are drawn with Qt, so a QGuiApplication must exist (the CLI creates an
offscreen one); Qt is imported only when a handbook is made.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from orgdesk.analysis.scope import branch_organisation
from orgdesk.core.errors import Sentence, UserError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook.content import (
    build_content,
    handbook_language,
    printable_organisation,
)
from orgdesk.files import write_atomically
from orgdesk.layout.words import Language

#: Extensions the handbook can be written as.
FORMATS = ("pdf", "docx", "html")

#: Called with (steps done, steps in all); may raise to cancel (nothing is written then).
Progress = Callable[[int, int], None]

#: Most job descriptions in one handbook (a page or more each): a 100,000-position
#: document made a handbook run for minutes at 2.6 GB; a branch is the way out.
MAX_HANDBOOK_POSITIONS = 5_000


class HandbookTooLarge(UserError):
    """The handbook asked for would describe more positions than one handbook holds."""


class UnknownHandbookFormat(UserError):
    """The output's extension is not one the handbook is written in."""


def handbook_format(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "htm":
        return "html"
    if suffix not in FORMATS:
        raise UnknownHandbookFormat(
            Sentence.of("orgdesk writes the handbook as .pdf, .docx or .html, not “{suffix}”.",
                        suffix=path.suffix or path.name))
    return suffix


def render_handbook(org: Organisation, fmt: str, *, root: PositionId | None = None,
                    day: date | None = None, progress: Progress | None = None,
                    lang: Language | None = None,
                    device: object | None = None) -> bytes:
    """The handbook of `org` (or of the branch under `root`) as the bytes of a `fmt` file.

    `lang` is the handbook's language; None takes the document's content's
    (Chinese titles make a Chinese handbook), never the interface's.  With
    `device` (a QPrinter; `fmt` "pdf") the PDF's pages are painted on it instead,
    for printing and print preview, and no bytes are returned.
    """
    from orgdesk.export.handbook.images import (
        bar_chart_picture,
        chinese_font_family,
        start_chart_pictures,
    )

    def step(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total)

    count = len(org) if root is None else len(org.descendant_ids(root)) + 1
    if count > MAX_HANDBOOK_POSITIONS:
        raise HandbookTooLarge(Sentence.of(
            "This handbook would describe {count} positions and orgdesk writes at most "
            "{limit} in one handbook; write it for a branch (--root).",
            count=f"{count:,}", limit=f"{MAX_HANDBOOK_POSITIONS:,}"))
    if fmt not in FORMATS:
        raise UnknownHandbookFormat(Sentence.of("orgdesk cannot write a handbook as "
                                                "“{format}”.",
                                                format=fmt))
    lang = lang or handbook_language(org)
    scope_org = printable_organisation(org if root is None else branch_organisation(org, root),
                                       lang)
    scope = "" if root is None else scope_org.position(root).title
    family = chinese_font_family()
    step(0, 4)
    content = build_content(scope_org, day or date.today(), scope, lang)
    step(1, 4)
    # The chart pages are drawn (by Graphviz, in its own process) while the PDF's text
    # pages are laid out; DOCX and HTML take them at once.
    charts = start_chart_pictures(scope_org, lang, content.labels, png=fmt == "docx")
    bars = bar_chart_picture(content.analysis, family)
    step(2, 4)
    if device is not None:
        from orgdesk.export.handbook.pdf_writer import print_pdf

        print_pdf(content, charts, bars, family, device,
                  lambda done, total: step(2 * total + 2 * done, 4 * total))
        step(4, 4)
        return b""
    if fmt == "pdf":
        from orgdesk.export.handbook.pdf_writer import render_pdf

        # Pages are most of the work: report them within steps 2-4.
        data = render_pdf(content, charts, bars, family,
                          lambda done, total: step(2 * total + 2 * done, 4 * total))
    elif fmt == "docx":
        from orgdesk.export.handbook.docx_writer import render_docx

        data = render_docx(content, charts.pictures(), bars)
    else:
        from orgdesk.export.handbook.html_writer import render_html

        data = render_html(content, charts.pictures(), bars)
    step(4, 4)
    return data


def write_handbook(org: Organisation, output: Path, *, root: PositionId | None = None,
                   day: date | None = None, progress: Progress | None = None,
                   lang: Language | None = None) -> None:
    """Render the handbook in the format `output`'s extension names and write it atomically."""
    fmt = handbook_format(output)
    data = render_handbook(org, fmt, root=root, day=day, progress=progress, lang=lang)
    write_atomically(output, data)
