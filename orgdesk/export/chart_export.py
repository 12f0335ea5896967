"""Producing a chart file: layout → DOT → Graphviz → (Qt for PDF, or PNG without `dot`) → disk.

`render_chart` returns the bytes of the chosen format; `export_chart_file`
writes them atomically.  The steps report progress through an optional
callback (the export dialog shows it), and every failure is a `UserError`
sentence with the target left untouched.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from orgdesk.core.organisation import Organisation
from orgdesk.export.dot_build import build_dot, layout_options, node_name
from orgdesk.export.fonts import font_name
from orgdesk.export.graphviz_engine import Engine, current_engine, render
from orgdesk.export.limits import check_box_count, check_chart_size
from orgdesk.export.options import ChartExportOptions
from orgdesk.files import check_target, write_atomically
from orgdesk.layout.chart import layout_chart, visible_tree
from orgdesk.layout.model import ChartLayout

#: progress(percent 0-100, what is happening)
Progress = Callable[[int, str], None]


def _quiet(_percent: int, _what: str) -> None:
    return None


def render_chart(org: Organisation, options: ChartExportOptions,
                 layout: ChartLayout | None = None, progress: Progress = _quiet,
                 engine: Engine | None = None) -> bytes:
    """The chart of `org` in `options.format`, as bytes.

    `layout` lets the GUI pass the layout it shows (measured with Qt's fonts), so
    a compact export is the screen's chart exactly.
    """
    progress(5, "Laying out the chart")
    # The limits are checked on the layout, before DOT is written or Graphviz runs.
    # Counting the boxes is one cheap walk: a chart with too many is refused before
    # it is even laid out.
    if layout is None:
        check_box_count(len(visible_tree(org, layout_options(options, org))[1]), options)
    if options.layout == "compact":
        layout = layout or layout_chart(org, layout_options(options, org))
        check_chart_size(layout, options)
    if options.format == "dot":  # HTML-like labels: the file is for the full Graphviz
        progress(100, "Done")
        return build_dot(org, options, layout).source.encode("utf-8")
    engine = engine or current_engine()
    dot = build_dot(org, options, layout, html=engine.kind == "system")
    progress(20, f"Drawing with {engine.describe()}")
    if options.format == "png" and engine.kind == "system":
        source = dot.source.replace("digraph orgchart {", f"digraph orgchart {{\n\tdpi={options.dpi}", 1)
        data = render(source, "png", dot.engine, options.timeout, engine)
        progress(100, "Done")
        return data
    svg = render(dot.source, "svg", dot.engine, options.timeout, engine)
    if options.format == "svg":
        progress(100, "Done")
        return svg
    progress(60, "Painting pages" if options.format == "pdf" else "Painting the image")
    from orgdesk.paint import svg_render  # Qt only when it must paint

    if options.format == "png":
        data = svg_render.svg_to_png(svg, options.dpi)
    else:
        footer = org.info.title.strip() if options.title else ""
        data = svg_render.svg_to_pdf(svg, options.paper_points(), options.fit, footer,
                                    [node_name(pid) for pid in dot.positions], font_name())
    progress(100, "Done")
    return data


def export_chart_file(org: Organisation, target: Path, options: ChartExportOptions,
                      layout: ChartLayout | None = None, progress: Progress = _quiet) -> None:
    """Write the chart to `target` (format from `options`), completely or not at all."""
    check_target(target)  # before minutes of rendering, not after
    data = render_chart(org, options, layout, progress)
    write_atomically(target, data)
