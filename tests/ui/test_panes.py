"""The chart and deliverables panes talk to their window only through signals, and
every view moves positions through the window's one `move`."""
from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

import orgdesk.ui
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.ui.chart_pane import ChartPane
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.deliverables_pane import DeliverablesPane
from orgdesk.ui.main_window import MainWindow
from tests.ui.conftest import pid, titles_under, undo_texts

OpenWindow = Callable[..., MainWindow]


def test_shift_drag_in_the_chart_moves_only_the_position(open_window: OpenWindow) -> None:
    window = open_window()
    start = window.controller.org.snapshot()
    boss, manager, trainer = pid(window, "运营经理"), pid(window, "项目经理"), pid(window, "培训专员")
    window.chart.view.reparent_requested.emit(int(manager), int(trainer), False)
    assert titles_under(window, trainer) == ["项目经理"]
    assert titles_under(window, manager) == []
    # As in the tree: its report moves up into its place under the old superior.
    assert titles_under(window, boss) == ["项目督导", "质检专员", "培训专员"]
    assert undo_texts(window) == ["Move only 项目经理 under 培训专员"]
    window.controller.undo_stack.undo()
    assert window.controller.org.snapshot() == start


def test_a_plain_drag_in_the_chart_moves_the_branch(open_window: OpenWindow) -> None:
    window = open_window()
    manager, trainer = pid(window, "项目经理"), pid(window, "培训专员")
    window.chart.view.reparent_requested.emit(int(manager), int(trainer), True)
    assert titles_under(window, trainer) == ["项目经理"]
    assert titles_under(window, manager) == ["项目督导"]
    assert undo_texts(window) == ["Move 项目经理 under 培训专员"]
    assert window.current_id() == manager


@pytest.fixture
def bare(sample_copy: Callable[[str], Path]) -> Iterator[tuple[QMainWindow, DocumentController]]:
    """A plain QMainWindow, not orgdesk's: the panes must need nothing more."""
    controller = DocumentController(DocumentService(DocumentFile.open(
        sample_copy("software_ops_department"))))
    window = QMainWindow()
    yield window, controller
    controller.undo_stack.clear()
    controller.service.file.close()
    window.deleteLater()


def test_the_panes_work_in_any_main_window(bare: tuple[QMainWindow, DocumentController]
                                          ) -> None:
    window, controller = bare
    chart = ChartPane(controller, window)
    deliverables = DeliverablesPane(controller, window)
    picked: list[int] = []
    moves: list[tuple[object, ...]] = []
    marked: list[object] = []
    chart.position_selected.connect(picked.append)
    chart.move_requested.connect(lambda *args: moves.append(args))
    deliverables.highlight_changed.connect(lambda ids, _brush: marked.append(ids))
    chart.refresh()
    chart.view.position_selected.emit(3)
    chart.view.reparent_requested.emit(5, 3, True)
    deliverables.highlight([2, 3, 999])
    assert picked == [3]
    assert moves == [(5, 3, None, True)]
    assert marked == [{2, 3}]


@pytest.mark.parametrize("module", ["chart_pane", "deliverables_pane", "data_actions"])
def test_panes_do_not_know_the_main_window(module: str) -> None:
    source = Path(orgdesk.ui.__file__).parent / f"{module}.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "orgdesk.ui.main_window" not in imported
    assert not any(isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
                   and node.value.attr == "window" for node in ast.walk(tree))
