"""A hypothesis state machine of random edits made through the editor window.

Every rule is something a consultant does in the window (keys, actions, the
panels, drag and drop, the title editor).  After every step the tree model
matches the document row for row, the working copy on disk equals memory and
the overview shows the current position; at the end undo-all returns to the
opened document and redo-all to the last state, in memory, on disk and in the
tree.
"""
from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from orgdesk.core.model import PositionId
from orgdesk.paths import sample_orgs_dir
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.ui import dialogs, tree_model
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.panels.list_editor import ListEditor
from tests.ui.conftest import close_window, flush_deletes, on_disk, show, type_text

pytestmark = [pytest.mark.gui, pytest.mark.slow]

TITLES = st.sampled_from(["组长", "班长", "座席员", "质检<专员>", "A&B", "=SUM(A1)", "客服 主管"])


def model_rows(window: MainWindow) -> list[tuple[int, int, str]]:
    """Every row of the tree model (expanded or not): (id, depth, text)."""
    rows: list[tuple[int, int, str]] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(window.model.rowCount(parent)):
            index = window.model.index(row, 0, parent)
            assert window.model.parent(index) == parent
            rows.append((int(window.model.id_at(index)), depth, str(index.data())))
            walk(index, depth + 1)
    walk(QModelIndex(), 0)
    return rows


def expected_rows(window: MainWindow) -> list[tuple[int, int, str]]:
    org = window.controller.org
    return [(int(p.id), org.level_of(p.id) - 1,
             p.title + (f" ×{p.planned_headcount}" if p.planned_headcount > 1 else ""))
            for p in org.positions()]


class _Keyboard:
    modifiers = Qt.KeyboardModifier.NoModifier

    @classmethod
    def keyboardModifiers(cls) -> Qt.KeyboardModifier:
        return cls.modifiers


class EditorMachine(RuleBasedStateMachine):
    """Set up by the test below: `open` returns a fresh window, `close` disposes of it."""

    open: Callable[[], MainWindow]
    close: Callable[[MainWindow], None]
    delete_answer: ClassVar[list[str]] = ["branch"]

    def __init__(self) -> None:
        super().__init__()
        self.window = type(self).open()
        self.start = self.window.controller.org.snapshot()
        self.start_rows = model_rows(self.window)

    # --------------------------------------------------------------- helpers
    def ids(self) -> list[PositionId]:
        return [p.id for p in self.window.controller.org.positions()]

    def pick(self, n: int) -> PositionId | None:
        ids = self.ids()
        return ids[n % len(ids)] if ids else None

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
            ) -> None:
        self.window.tree.setFocus()
        QTest.keyClick(self.window.tree, key, modifiers)
        self.finish_editing()

    def finish_editing(self) -> None:
        """Leave an in-place editor opened by an add (Escape keeps the default title)."""
        for view in (self.window.tree, self.window.duties.editor.list):
            if view.state() == QAbstractItemView.State.EditingState:
                QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
                QApplication.processEvents()

    # ----------------------------------------------------------------- rules
    @rule(n=st.integers(0, 50))
    def select(self, n: int) -> None:
        target = self.pick(n)
        if target is not None:
            self.window.select_position(target)

    @rule()
    def add_report(self) -> None:
        self.key(Qt.Key.Key_Insert)

    @rule()
    def add_sibling(self) -> None:
        self.key(Qt.Key.Key_Return)

    @rule(title=st.sampled_from(["Lead", "Agent", "QA"]))
    def add_and_name_in_place(self, title: str) -> None:
        self.window.tree.setFocus()
        QTest.keyClick(self.window.tree, Qt.Key.Key_Insert)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        QTest.keyClicks(editor, title)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()
        assert self.window.tree.state() != QAbstractItemView.State.EditingState
        current = self.window.current_id()
        assert current is not None and self.window.controller.org.position(current).title == title

    @rule(answer=st.sampled_from(["branch", "lift", "cancel"]))
    def delete(self, answer: str) -> None:
        type(self).delete_answer[0] = answer
        self.key(Qt.Key.Key_Delete)

    @rule(up=st.booleans())
    def reorder(self, up: bool) -> None:
        self.key(Qt.Key.Key_Up if up else Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)

    @rule()
    def duplicate(self) -> None:
        self.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    @rule(n=st.integers(0, 50), cut=st.booleans())
    def copy_and_paste(self, n: int, cut: bool) -> None:
        self.key(Qt.Key.Key_X if cut else Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        target = self.pick(n)
        if target is not None:
            self.window.select_position(target)
        self.key(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    @rule(a=st.integers(0, 50), b=st.integers(-1, 50), row=st.integers(-1, 4),
          alone=st.booleans())
    def drag_and_drop(self, a: int, b: int, row: int, alone: bool) -> None:
        dragged = self.pick(a)
        if dragged is None:
            return
        target = None if b < 0 else self.pick(b)
        model = self.window.model
        parent = QModelIndex() if target is None else model.index_of(target)
        row = min(row, model.rowCount(parent))
        _Keyboard.modifiers = (Qt.KeyboardModifier.ShiftModifier if alone
                               else Qt.KeyboardModifier.NoModifier)
        model.dropMimeData(model.mimeData([model.index_of(dragged)]),
                           Qt.DropAction.MoveAction, row, 0, parent)

    @rule(title=TITLES)
    def rename_in_the_model(self, title: str) -> None:
        index = self.window.tree.currentIndex()
        if index.isValid():
            self.window.model.setData(index, title)

    @rule(title=TITLES)
    def type_the_title(self, title: str) -> None:
        if self.window.current_id() is None:
            return
        edit = self.window.overview.title_edit
        edit.setFocus()
        edit.selectAll()
        count = self.window.controller.undo_stack.count()
        type_text(edit, title)
        assert self.window.controller.undo_stack.count() <= count + 1  # one step at most

    @rule(headcount=st.integers(0, 20))
    def set_planned_headcount(self, headcount: int) -> None:
        self.window.overview.planned_spin.setValue(headcount)

    @rule()
    def add_duty(self) -> None:
        if self.window.current_id() is None:
            return
        editor = self.window.duties.findChild(ListEditor, "dutiesList")
        QTest.mouseClick(editor.findChild(QToolButton, "addButton"), Qt.MouseButton.LeftButton)
        self.finish_editing()

    @rule()
    def undo(self) -> None:
        self.window.controller.undo_stack.undo()

    @rule()
    def redo(self) -> None:
        self.window.controller.undo_stack.redo()

    # ------------------------------------------------------------ invariants
    @invariant()
    def the_tree_shows_the_document(self) -> None:
        assert model_rows(self.window) == expected_rows(self.window)

    @invariant()
    def disk_equals_memory(self) -> None:
        assert on_disk(self.window) == self.window.controller.org.snapshot()

    @invariant()
    def the_panels_show_the_current_position(self) -> None:
        current = self.window.current_id()
        if current is not None and self.window.tree.state() != \
                QAbstractItemView.State.EditingState:
            assert self.window.overview.pid == current
            assert self.window.overview.title_edit.text().strip() == \
                self.window.controller.org.position(current).title

    def teardown(self) -> None:
        try:
            stack = self.window.controller.undo_stack
            here, here_rows = self.window.controller.org.snapshot(), model_rows(self.window)
            index = stack.index()
            for _ in range(index):
                stack.undo()
            assert self.window.controller.org.snapshot() == self.start == on_disk(self.window)
            assert model_rows(self.window) == self.start_rows
            for _ in range(stack.count()):
                stack.redo()
            end = self.window.controller.org.snapshot()
            assert on_disk(self.window) == end
            assert model_rows(self.window) == expected_rows(self.window)
            for _ in range(stack.count() - index):
                stack.undo()
            assert self.window.controller.org.snapshot() == here
            assert model_rows(self.window) == here_rows
        finally:
            type(self).close(self.window)


def test_random_edits_in_the_window_undo_and_redo_exactly(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    counter = itertools.count()
    monkeypatch.setattr(tree_model, "QGuiApplication", _Keyboard)
    monkeypatch.setattr(dialogs, "ask_delete_mode",
                        lambda parent, title, reports, superior: EditorMachine.delete_answer[0])

    def open_() -> MainWindow:
        path = tmp_path / f"org{next(counter)}.orgdesk"
        shutil.copyfile(sample_orgs_dir() / "training_call_center_50.orgdesk", path)
        window = MainWindow(DocumentController(DocumentService(DocumentFile.open(path))))
        show(qtbot, window)
        return window

    def close(window: MainWindow) -> None:
        close_window(window, monkeypatch)
        flush_deletes()
        monkeypatch.setattr(dialogs, "ask_save_changes", _unexpected)

    monkeypatch.setattr(EditorMachine, "open", staticmethod(open_), raising=False)
    monkeypatch.setattr(EditorMachine, "close", staticmethod(close), raising=False)
    run_state_machine_as_test(EditorMachine, settings=settings(
        max_examples=12, stateful_step_count=14, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))


def _unexpected(*args: object) -> str:
    raise AssertionError("unexpected dialogs.ask_save_changes")
