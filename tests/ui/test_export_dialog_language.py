"""The Export Chart dialog's chart language and legend choices reach the export."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from orgdesk.core.model import PositionId
from orgdesk.layout import LayoutOptions, Words, layout_chart
from orgdesk.storage.reading import read_organisation
from orgdesk.ui.export_dialog import ExportChartDialog

SAMPLE = Path(__file__).resolve().parents[2] / "sample_orgs" / "software_ops_department.orgdesk"
pytestmark = pytest.mark.gui


def test_language_and_legend_choices(qtbot: QtBot) -> None:
    box = ExportChartDialog(read_organisation(SAMPLE))
    qtbot.addWidget(box)
    assert box.options().lang is None  # as the document, by default
    assert not box.options().legend  # SVG, PNG: off by default …
    box.format.setCurrentIndex(box.format.findData("pdf"))
    assert box.options().legend  # … PDF: on
    box.language.setCurrentIndex(box.language.findData("en"))
    box.legend.setChecked(False)
    options = box.options()
    assert options.lang == "en" and options.legend is False


def test_screen_layout_with_interface_words_is_not_exported_as_is(qtbot: QtBot) -> None:
    org = read_organisation(SAMPLE)
    pid = next(iter(org.positions())).id
    org.update_position(replace(org.position(pid), filled_headcount=1))
    # The screen's boxes say "filled" in the interface's words; the chart must not.
    screen = layout_chart(org, LayoutOptions(words=Words(filled="{filled}/{planned} filled")))
    box = ExportChartDialog(org, layout=screen, collapsed=frozenset({PositionId(pid)}))
    qtbot.addWidget(box)
    assert box._layout_for(box.options()) is None
