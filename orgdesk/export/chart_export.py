"""Producing a chart file: layout → DOT → Graphviz → (Qt for PDF, or PNG without `dot`) → disk.

`render_chart` returns the bytes of the chosen format; `export_chart_file`
writes them atomically.  A PNG too large for one image (its text would have
to shrink below a readable size) is written as a grid of tiles
(`chart-1-1.png`, `chart-1-2.png` …) and the result lists them; Graphviz's
own warnings come back with the result for the CLI and the window to show.
The steps report progress through an optional callback (the export dialog
shows it), and every failure is a `UserError` sentence with the target left
untouched.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from orgdesk.core.organisation import Organisation
from orgdesk.export.dot_build import build_dot, dot_pieces, layout_options, node_name
from orgdesk.export.fonts import font_name
from orgdesk.export.graphviz_engine import Engine, current_engine, render, render_into
from orgdesk.export.limits import (
    ChartTooLarge,
    check_box_count,
    check_chart_size,
    check_png_tiles,
    png_grid,
)
from orgdesk.export.options import ChartExportOptions
from orgdesk.files import check_target, write_atomically
from orgdesk.layout.chart import layout_chart, visible_count
from orgdesk.layout.model import ChartLayout
from orgdesk.layout.paging import smallest_text_pt

#: progress(percent 0-100, what is happening)
Progress = Callable[[int, str], None]


def _quiet(_percent: int, _what: str) -> None:
    return None


def _say_drawing(progress: Progress, engine: Engine) -> None:
    """Report which Graphviz draws; not to nobody, since naming its version runs it."""
    if progress is not _quiet:
        progress(20, f"Drawing with {engine.describe()}")


#: Formats written to the file as they are made (`_export_streamed`).
STREAMED_FORMATS = frozenset({"svg", "dot"})

#: Font size of the boxes of Graphviz's own (`--layout dot`) charts, in points.
DOT_LAYOUT_PT = 10.0


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered chart: one file's bytes, or the tiles of a PNG too large for one image."""

    data: bytes
    tiles: tuple[tuple[int, int, bytes], ...] = ()  # (row, column, PNG), both from 1
    warnings: tuple[str, ...] = ()  # Graphviz's own, as it wrote them


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote, and what Graphviz warned about on the way."""

    paths: tuple[Path, ...]
    warnings: tuple[str, ...] = ()


def tile_path(target: Path, row: int, column: int) -> Path:
    """`chart.png` → `chart-1-2.png` (row 1, column 2)."""
    return target.with_name(f"{target.stem}-{row}-{column}{target.suffix}")


def render_chart(org: Organisation, options: ChartExportOptions,
                 layout: ChartLayout | None = None, progress: Progress = _quiet,
                 engine: Engine | None = None) -> bytes:
    """The chart of `org` in `options.format`, as bytes (one file; a PNG that would
    need tiles is refused: `render_chart_parts` makes those)."""
    rendered = render_chart_parts(org, options, layout, progress, engine)
    if rendered.tiles:
        raise ChartTooLarge("This chart is too large for one image; export it to a file, "
                            "which is then written as several images.")
    return rendered.data


def render_chart_parts(org: Organisation, options: ChartExportOptions,
                       layout: ChartLayout | None = None, progress: Progress = _quiet,
                       engine: Engine | None = None) -> Rendered:
    """The chart of `org` in `options.format`.

    `layout` lets the GUI pass the layout it shows (measured with Qt's fonts), so
    a compact export is the screen's chart exactly.
    """
    progress(5, "Laying out the chart")
    layout = _checked_layout(org, options, layout)
    if options.format == "dot":  # HTML-like labels: the file is for the full Graphviz
        progress(100, "Done")
        return Rendered(build_dot(org, options, layout).source.encode("utf-8"))
    engine = engine or current_engine()
    dot = build_dot(org, options, layout, html=engine.kind == "system")
    warnings: list[str] = []
    _say_drawing(progress, engine)
    svg = b""
    if options.format == "png":
        if layout is None:  # Graphviz's own layout: its size is known once it is drawn
            svg = render(dot.source, "svg", dot.engine, options.timeout, engine, warnings)
            from orgdesk.paint.svg_render import svg_size

            size = svg_size(svg)
        else:
            size = (layout.width, layout.height)
        check_png_tiles(*size, options.dpi)
        if png_grid(*size, options.dpi) == (1, 1) and engine.kind == "system" and not svg:
            source = dot.source.replace("digraph orgchart {",
                                        f"digraph orgchart {{\n\tdpi={options.dpi}", 1)
            data = render(source, "png", dot.engine, options.timeout, engine, warnings)
            progress(100, "Done")
            return Rendered(data, warnings=tuple(warnings))
    if not svg:
        svg = render(dot.source, "svg", dot.engine, options.timeout, engine, warnings)
    if options.format == "svg":
        progress(100, "Done")
        return Rendered(svg, warnings=tuple(warnings))
    progress(60, "Painting pages" if options.format == "pdf" else "Painting the image")
    from orgdesk.paint import svg_render  # Qt only when it must paint

    if options.format == "png":
        columns, rows = png_grid(*svg_size_of(svg, layout), options.dpi)
        if (columns, rows) != (1, 1):
            tiles = svg_render.svg_to_png_tiles(svg, options.dpi, columns, rows,
                                                [node_name(pid) for pid in dot.positions])
            progress(100, "Done")
            return Rendered(b"", tuple(tiles), tuple(warnings))
        data = svg_render.svg_to_png(svg, options.dpi)
    else:
        footer = org.info.title.strip() if options.title else ""
        smallest = smallest_text_pt(layout) if layout is not None else DOT_LAYOUT_PT
        data = svg_render.svg_to_pdf(svg, options.paper_points(), footer,
                                     [node_name(pid) for pid in dot.positions], font_name(),
                                     smallest, options.landscape, options.fit, options.poster)
    progress(100, "Done")
    return Rendered(data, warnings=tuple(warnings))


def _checked_layout(org: Organisation, options: ChartExportOptions,
                    layout: ChartLayout | None) -> ChartLayout | None:
    """The compact layout (None for Graphviz's own), after the limits are checked.

    The limits are checked on the layout, before DOT is written or Graphviz
    runs.  Counting the boxes is one cheap walk: a chart with too many is
    refused before it is even laid out.
    """
    if layout is None:
        # Once: the options name the chart's language, which reads every title.
        lo = layout_options(options, org)
        check_box_count(visible_count(org, lo), options)
        if options.layout == "compact":
            layout = layout_chart(org, lo)
    if options.layout == "compact":
        assert layout is not None
        check_chart_size(layout, options)
    return layout


def _export_streamed(org: Organisation, target: Path, options: ChartExportOptions,
                     layout: ChartLayout | None, progress: Progress) -> ExportResult:
    """An SVG or DOT file written as it is made: the DOT source goes piece by piece
    into Graphviz (or the file), and Graphviz writes the SVG straight into the
    temporary file that then replaces `target`; no copy of either passes
    through memory whole (a 10,000-position chart: 7 MB of DOT, 14 MB of SVG)."""
    progress(5, "Laying out the chart")
    layout = _checked_layout(org, options, layout)
    if options.format == "dot":  # HTML-like labels: the file is for the full Graphviz
        _, pieces = dot_pieces(org, options, layout, html=True)
        write_atomically(target, lambda handle: handle.writelines(
            piece.encode("utf-8") for piece in pieces))
        progress(100, "Done")
        return ExportResult((target,))
    engine = current_engine()
    warnings: list[str] = []
    _say_drawing(progress, engine)

    def draw(handle: IO[bytes]) -> None:
        layout_engine, pieces = dot_pieces(org, options, layout, html=engine.kind == "system")
        render_into(pieces, options.format, handle, layout_engine, options.timeout, engine,
                    warnings)

    write_atomically(target, draw)
    progress(100, "Done")
    return ExportResult((target,), tuple(warnings))


def svg_size_of(svg: bytes, layout: ChartLayout | None) -> tuple[float, float]:
    """The drawing's size in points: the layout's, or the SVG's own."""
    if layout is not None:
        return layout.width, layout.height
    from orgdesk.paint.svg_render import svg_size

    return svg_size(svg)


def export_chart_file(org: Organisation, target: Path, options: ChartExportOptions,
                      layout: ChartLayout | None = None,
                      progress: Progress = _quiet) -> ExportResult:
    """Write the chart to `target` (format from `options`), completely or not at all.

    A PNG too large for one readable image becomes tiles beside `target`
    (`chart-1-1.png` …); the result names every file written.
    """
    check_target(target)  # before minutes of rendering, not after
    if options.format in STREAMED_FORMATS:
        return _export_streamed(org, target, options, layout, progress)
    rendered = render_chart_parts(org, options, layout, progress)
    if not rendered.tiles:
        write_atomically(target, rendered.data)
        return ExportResult((target,), rendered.warnings)
    paths = [tile_path(target, row, column) for row, column, _ in rendered.tiles]
    for path in paths:
        check_target(path)
    for path, (_, _, data) in zip(paths, rendered.tiles, strict=True):
        write_atomically(path, data)
    return ExportResult(tuple(paths), rendered.warnings)


@dataclass(frozen=True)
class PrintableChart:
    """A chart ready to print on any paper: Graphviz's SVG and what paging needs of it."""

    svg: bytes
    box_ids: tuple[str, ...]
    footer: str
    smallest_pt: float


def printable_chart(org: Organisation, options: ChartExportOptions,
                    layout: ChartLayout | None = None, engine: Engine | None = None
                    ) -> PrintableChart:
    """The chart of `org` drawn for printing (`orgdesk.paint.svg_render.svg_to_device`
    paints it on a printer's pages as a PDF export would)."""
    layout = _checked_layout(org, options, layout)
    engine = engine or current_engine()
    dot = build_dot(org, options, layout, html=engine.kind == "system")
    svg = render(dot.source, "svg", dot.engine, options.timeout, engine, [])
    smallest = smallest_text_pt(layout) if layout is not None else DOT_LAYOUT_PT
    return PrintableChart(svg, tuple(node_name(pid) for pid in dot.positions),
                          org.info.title.strip() if options.title else "", smallest)
