"""The Export Chart dialog with pytest-qt: options, preview, background export, errors."""
from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.storage.reading import read_organisation
from orgdesk.ui import export_dialog
from orgdesk.ui.chart_view import ChartView
from orgdesk.ui.export_dialog import ExportChartDialog

SAMPLE = Path(__file__).resolve().parents[2] / "sample_orgs" / "software_ops_department.orgdesk"
pytestmark = pytest.mark.gui


@pytest.fixture()
def org() -> Organisation:
    return read_organisation(SAMPLE)


@pytest.fixture()
def dialog(qtbot: QtBot, org: Organisation) -> ExportChartDialog:
    box = ExportChartDialog(org)
    qtbot.addWidget(box)
    box.open()
    return box


def test_options_follow_the_widgets(dialog: ExportChartDialog) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.layout_kind.setCurrentIndex(dialog.layout_kind.findData("dot"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("lr"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("a3"))
    dialog.page_turn.setCurrentIndex(dialog.page_turn.findData(True))
    dialog.fit.setChecked(True)
    dialog.root.setCurrentIndex(dialog.root.findData(2))
    dialog.levels.setValue(1)
    options = dialog.options()
    assert (options.format, options.layout, options.orientation, options.paper) == \
        ("pdf", "dot", "lr", "a3")
    assert options.landscape and options.fit
    assert options.root == PositionId(2) and options.depth == 1
    assert not dialog.dpi.isEnabled() and dialog.paper.isEnabled()
    assert options.balance and not options.poster
    dialog.page_turn.setCurrentIndex(dialog.page_turn.findData(None))
    dialog.paper.setEditText("600x900mm")
    dialog.poster.setChecked(True)
    dialog.wide.setChecked(True)
    options = dialog.options()
    assert options.landscape is None and options.paper == "600x900mm"
    assert options.poster and not options.balance


def test_preview_is_drawn(dialog: ExportChartDialog, qtbot: QtBot) -> None:
    dialog.update_preview()
    pixmap = dialog.preview.pixmap()
    assert pixmap is not None and not pixmap.isNull()


def test_export_writes_the_file_in_the_background(dialog: ExportChartDialog, qtbot: QtBot,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "chart"
    monkeypatch.setattr(export_dialog, "choose_target", lambda *a: target)
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as done:
        dialog.export_button.click()
    assert done.args == [""]
    assert (tmp_path / "chart.png").read_bytes().startswith(b"\x89PNG")
    assert dialog.result() == ExportChartDialog.DialogCode.Accepted


def test_export_error_is_shown_and_leaves_no_file(dialog: ExportChartDialog, qtbot: QtBot,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(export_dialog, "show_error", lambda parent, sentence: shown.append(sentence))
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with qtbot.waitSignal(dialog.export_finished, timeout=60_000):
            dialog.export_to(folder / "chart.svg")
    finally:
        folder.chmod(0o755)
    assert shown and "read-only" in shown[0]
    assert list(folder.iterdir()) == []
    assert dialog.isVisible()  # stays open so the user can choose another place


def test_compact_export_uses_the_screens_layout(qtbot: QtBot, org: Organisation,
                                                tmp_path: Path) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.refresh(org)
    box = ExportChartDialog(org, layout=view.chart_layout(), collapsed=view.collapsed())
    qtbot.addWidget(box)
    box.format.setCurrentIndex(box.format.findData("dot"))
    with qtbot.waitSignal(box.export_finished, timeout=60_000):
        box.export_to(tmp_path / "c.dot")
    source = (tmp_path / "c.dot").read_text("utf-8")
    chart = view.chart_layout()
    assert chart is not None
    first = next(iter(chart.boxes.values()))
    width = f"{first.w / 72:.2f}".rstrip("0").rstrip(".")
    assert f'n{first.id} [label=<' in source and f'id="n{first.id}"' in source
    assert f'width="{width}"' in source


def test_finished_export_reports_tiles_and_graphviz_warnings(
        dialog: ExportChartDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from orgdesk.export.chart_export import ExportResult

    shown: list[str] = []
    monkeypatch.setattr(export_dialog, "show_info", lambda _parent, text: shown.append(text))
    result = ExportResult((tmp_path / "c-1-1.png", tmp_path / "c-1-2.png"),
                          ("Warning: no such font",))
    dialog._on_done("", result)
    assert len(shown) == 1
    assert "c-1-1.png" in shown[0] and "c-1-2.png" in shown[0]
    assert "Warning: no such font" in shown[0]
