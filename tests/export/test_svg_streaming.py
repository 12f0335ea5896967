"""SVG and DOT exports written as they are made: the DOT streamed into Graphviz, whose
output goes straight into the file that replaces the target (no 14 MB pipe through
Python for a 10,000-position chart), with the same failures, timeout and warnings."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export import dot_build, graphviz_engine
from orgdesk.export.chart_export import export_chart_file, render_chart
from orgdesk.export.dot_build import build_dot, compact_source, layout_options
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout.chart import layout_chart

needs_dot = pytest.mark.skipif(shutil.which("dot") is None,
                               reason="the system Graphviz is installed by make")


def chart(n: int) -> Organisation:
    """A director and `n - 1` reports in teams of ten under team leaders."""
    positions = [Position(PositionId(1), "总监")]
    for pid in range(2, n + 1):
        superior = 1 if pid % 10 == 2 else pid - (pid - 2) % 10
        positions.append(Position(PositionId(pid), f"岗位{pid} \\N <b>&amp;",
                                  PositionId(superior), pid))
    return Organisation(positions=positions)


def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    """A `dot` on PATH running the shell `body` (after answering -V)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "dot"
    script.write_text("#!/bin/sh\nif [ \"$1\" = -V ]; then echo 'dot - graphviz version 9.9' >&2;"
                      f" exit 0; fi\n{body}\n", "utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:/usr/bin:/bin")
    return folder


@pytest.mark.parametrize("legend", [False, True])
def test_the_pieces_are_the_dot_source(legend: bool) -> None:
    org = chart(2500)  # several pieces
    options = ChartExportOptions(legend=legend)
    layout = layout_chart(org, layout_options(options, org))
    pieces = list(compact_source(org, options, layout))
    assert len(pieces) > 3
    assert "".join(pieces) == build_dot(org, options, layout).source
    assert pieces[-1].endswith("}\n") and pieces[0].startswith("digraph orgchart {")


def test_graphviz_writes_the_svg_into_the_file_not_a_pipe(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # The fake dot reports what its stdout is, then answers with the DOT it read.
    fake_dot(tmp_path, monkeypatch, "if [ -p /dev/stdout ]; then kind=pipe; "
                                    "elif [ -f /dev/stdout ]; then kind=file; fi\n"
                                    f'echo $kind > "{tmp_path}/stdout.txt"\ncat')
    target = tmp_path / "chart.svg"
    export_chart_file(chart(30), target, ChartExportOptions(format="svg"))
    assert (tmp_path / "stdout.txt").read_text().strip() == "file"
    assert target.read_text("utf-8").startswith("digraph orgchart {")


def test_a_streamed_export_times_out_as_a_sentence_and_keeps_the_old_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path, monkeypatch, "sleep 30")  # never reads: the big chart fills the pipe
    target = tmp_path / "chart.svg"
    target.write_text("old", "utf-8")
    for org in (chart(20), chart(3000)):
        with pytest.raises(graphviz_engine.GraphvizFailed, match=r"longer than 0\.5 seconds"):
            export_chart_file(org, target, ChartExportOptions(format="svg", timeout=0.5))
        assert target.read_text("utf-8") == "old"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "chart.svg"]


def test_a_graphviz_error_is_its_own_first_line_and_leaves_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path, monkeypatch, "head -c 100 > /dev/null\n"
                                    "echo 'Warning: first a warning' >&2\n"
                                    "echo 'Error: <stdin>: syntax error in line 3' >&2\nexit 1")
    target = tmp_path / "chart.svg"
    with pytest.raises(graphviz_engine.GraphvizFailed, match="syntax error in line 3"):
        export_chart_file(chart(3000), target, ChartExportOptions(format="svg"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin"]


def test_an_empty_answer_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path, monkeypatch, "cat > /dev/null")
    with pytest.raises(graphviz_engine.GraphvizFailed):
        export_chart_file(chart(20), tmp_path / "chart.svg", ChartExportOptions(format="svg"))
    assert not (tmp_path / "chart.svg").exists()


def test_graphviz_warnings_come_back_with_the_streamed_export(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path, monkeypatch, "cat > /dev/null\necho 'Warning: scaled down' >&2\n"
                                    "echo '<svg/>'")
    result = export_chart_file(chart(20), tmp_path / "chart.svg", ChartExportOptions(format="svg"))
    assert result.warnings == ("Warning: scaled down",)
    assert (tmp_path / "chart.svg").read_text("utf-8") == "<svg/>\n"


def test_a_failure_while_making_the_pieces_stops_graphviz(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path, monkeypatch, "cat > /dev/null\necho '<svg/>'")
    original = dot_build._CompactWriter.edge
    calls = 0

    def failing(self: dot_build._CompactWriter, *args: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 2000:
            raise RuntimeError("a bug while writing")
        original(self, *args)  # type: ignore[arg-type]  # the connector and body passed through

    monkeypatch.setattr(dot_build._CompactWriter, "edge", failing)
    target = tmp_path / "chart.svg"
    with pytest.raises(RuntimeError, match="a bug while writing"):
        export_chart_file(chart(3000), target, ChartExportOptions(format="svg"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin"]


@needs_dot
@pytest.mark.parametrize("layout", ["compact", "dot"])
def test_the_streamed_file_is_what_render_chart_draws(tmp_path: Path, layout: str) -> None:
    org = chart(300)
    options = ChartExportOptions(format="svg", layout=layout)  # type: ignore[arg-type]  # a parametrised Literal value
    export_chart_file(org, tmp_path / "chart.svg", options)
    assert (tmp_path / "chart.svg").read_bytes() == render_chart(org, options)
    dot = ChartExportOptions(format="dot", layout=layout)  # type: ignore[arg-type]  # a parametrised Literal value
    export_chart_file(org, tmp_path / "chart.dot", dot)
    assert (tmp_path / "chart.dot").read_text("utf-8") == build_dot(org, dot).source
