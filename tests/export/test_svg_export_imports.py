"""A chart export loads only what it uses: the process's start is part of every
`orgdesk export` (a tenth of a second per unneeded package, on a 2–4 s export).
SQLAlchemy (0.3 s) is needed only to create a file or open one for editing:
reading checks a file against the frozen statements of its format."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_orgs" / "call_center_chart.orgdesk"

#: Packages an SVG or DOT export has no use for.
UNUSED = ("sqlalchemy", "networkx", "orgdesk.io", "uuid", "orgdesk.analysis",
          "orgdesk.paint.svg_render", "PySide6", "orgdesk.export.handbook", "orgdesk.services")


@pytest.mark.parametrize("suffix", ["svg", "dot"])
def test_a_chart_export_does_not_import_what_it_does_not_use(tmp_path: Path, suffix: str) -> None:
    code = textwrap.dedent(f"""
        import sys
        from orgdesk.cli import main
        assert main(["export", {str(SAMPLE)!r}, "-o", "chart.{suffix}"]) == 0
        print(sorted(m for m in sys.modules if m.startswith({UNUSED!r})))
    """)
    env = {**os.environ, "ORGDESK_STATE_DIR": str(tmp_path / "state"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
    assert (tmp_path / f"chart.{suffix}").stat().st_size > 1000


def test_the_cycle_collector_rests_during_a_cli_chart_export_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from orgdesk.cli import chart_support, main

    seen: list[bool] = []
    real = chart_support.export_chart_file

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]  # the CLI's own arguments

    monkeypatch.setattr(chart_support, "export_chart_file", spy)
    assert gc.isenabled()
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "chart.dot")]) == 0
    assert seen == [False] and gc.isenabled()
    assert main(["export", str(tmp_path / "missing.orgdesk"), "-o", str(tmp_path / "c.dot")]) == 1
    assert gc.isenabled()  # after a failure too


def test_a_quiet_export_does_not_ask_graphviz_its_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Asking the version runs Graphviz once more (`dot -V`); only a message needs it."""
    from orgdesk.cli import main
    from orgdesk.export import graphviz_engine

    asked: list[str] = []

    def version(dot: str) -> str:
        asked.append(dot)
        return "9.9.9"

    monkeypatch.setattr(graphviz_engine, "_system_version", version)
    engine = graphviz_engine.current_engine()
    if engine.kind != "system":
        pytest.skip("needs the system Graphviz")
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "chart.svg")]) == 0
    assert asked == []
    assert engine.describe() == "Graphviz 9.9.9 (system dot)" and asked == [engine.dot]
