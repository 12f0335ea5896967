"""`orgdesk export FILE -o OUT --layout PEER` end to end, as a user runs it."""
from __future__ import annotations

from pathlib import Path

from tests.io.test_cli_interchange import SAMPLE, run


def test_export_in_a_peer_layout_then_import_it_back(tmp_path: Path) -> None:
    target = tmp_path / "chart.csv"
    result = run("export", SAMPLE, "-o", target, "--layout", "drawio")
    assert result.returncode == 0, result.stderr
    assert "Exported 16 positions" in result.stdout
    assert target.read_text("utf-8").startswith("## orgdesk org chart for draw.io")
    back = run("import", target, "-o", tmp_path / "back.orgdesk")
    assert back.returncode == 0, back.stderr
    assert "Imported 16 positions" in back.stdout


def test_a_layout_with_the_wrong_extension_is_one_sentence_and_writes_nothing(
        tmp_path: Path) -> None:
    target = tmp_path / "chart.csv"
    result = run("export", SAMPLE, "-o", target, "--layout", "gojs")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "GoJS" in result.stderr and ".json" in result.stderr
    assert not target.exists()
    chart_layout = run("export", SAMPLE, "-o", target, "--layout", "compact")
    assert chart_layout.returncode == 1 and "charts" in chart_layout.stderr
    assert not target.exists()
