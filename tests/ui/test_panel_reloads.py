"""After an edit only the panels that show a changed field reload; the panel being
typed in never reloads under the cursor."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from orgdesk.core.model import Position
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid, type_text

OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Callable[[MainWindow], dict[str, int]]:
    """Count each panel's reloads from now on."""
    def count(window: MainWindow) -> dict[str, int]:
        counts = {panel.objectName(): 0 for panel in window.panels}
        for panel in window.panels:
            def load(position: Position | None, panel=panel, real=panel.load) -> None:
                counts[panel.objectName()] += 1
                real(position)
            monkeypatch.setattr(panel, "load", load)
        return counts
    return count


def test_typing_a_title_reloads_no_panel(open_window: OpenWindow,
                                         loads: Callable[[MainWindow], dict[str, int]]) -> None:
    window = open_window()
    window.select_position(pid(window, "项目督导"))
    counts = loads(window)
    window.overview.title_edit.setFocus()
    window.overview.title_edit.end(False)
    type_text(window.overview.title_edit, "长 ")
    assert window.controller.org.position(pid(window, "项目督导长")).title == "项目督导长"
    assert counts == dict.fromkeys(counts, 0)
    # The trailing space stays in the field while typing (the title is stored stripped).
    assert window.overview.title_edit.text() == "项目督导长 "


def test_a_rename_elsewhere_reloads_only_the_panels_showing_the_title(
        open_window: OpenWindow, loads: Callable[[MainWindow], dict[str, int]]) -> None:
    window = open_window()
    supervisor = pid(window, "项目督导")
    window.select_position(supervisor)
    counts = loads(window)
    window.rename_position(int(supervisor), "督导")
    assert counts == {"overviewPanel": 1, "dutiesPanel": 0, "requirementsPanel": 0,
                      "reportsPanel": 0, "kpiPanel": 0}
    assert window.overview.title_edit.text() == "督导"


def test_a_headcount_below_reloads_the_reports_panel(
        open_window: OpenWindow, loads: Callable[[MainWindow], dict[str, int]]) -> None:
    window = open_window()
    window.select_position(pid(window, "项目经理"))
    counts = loads(window)
    agents = pid(window, "客户服务专员")  # two levels below 项目经理
    window.controller.execute("Seats", lambda s: s.edit_position(agents, planned_headcount=20))
    assert counts == {"overviewPanel": 0, "dutiesPanel": 0, "requirementsPanel": 0,
                      "reportsPanel": 1, "kpiPanel": 0}
    window.controller.execute("Duties", lambda s: s.edit_position(agents, duties=("接听",)))
    assert counts["reportsPanel"] == 1


def test_undo_of_a_typed_title_reloads_the_overview(
        open_window: OpenWindow, loads: Callable[[MainWindow], dict[str, int]]) -> None:
    window = open_window()
    window.select_position(pid(window, "项目督导"))
    window.overview.title_edit.setFocus()
    type_text(window.overview.title_edit, "X")
    counts = loads(window)
    window.controller.undo_stack.undo()
    assert counts["overviewPanel"] == 1
    assert window.overview.title_edit.text() == "项目督导"
