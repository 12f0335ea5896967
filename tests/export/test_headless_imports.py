"""layout and export import and build DOT with Qt blocked; Qt only comes in to paint."""
from __future__ import annotations

from pathlib import Path

from tests.test_architecture import QT, assert_ok, run_blocked

MODULES = ("orgdesk.layout", "orgdesk.layout.chart", "orgdesk.layout.tidy", "orgdesk.layout.text",
           "orgdesk.export.dot_build", "orgdesk.export.chart_export", "orgdesk.cli.chart_support",
           "orgdesk.export.graphviz_engine", "orgdesk.layout.paging", "orgdesk.files")


def test_layout_and_export_import_without_qt(tmp_path: Path) -> None:
    body = "import importlib\n" + "".join(f"importlib.import_module({m!r})\n" for m in MODULES)
    sample = str(Path(__file__).parents[2] / "sample_orgs" / "call_center_chart.orgdesk")
    body += (
        "from orgdesk.cli import main\n"
        f"assert main(['export', {sample!r}, "
        "'-o', 'c.dot']) == 0\n"
        "print('headless ok')\n")
    result = run_blocked(QT, body, tmp_path)
    assert_ok(result)
    assert "headless ok" in result.stdout
    assert (tmp_path / "c.dot").read_text("utf-8").startswith("digraph orgchart")
