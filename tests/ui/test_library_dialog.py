"""The position library (Ctrl+L) in the window: families, clean titles, no source
names, no near-duplicates; insert, and apply to an existing position by replacing
or merging its duties, requirements and KPIs in one undo step (issue 13, defect 16)."""
from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QTreeWidget,
)

from orgdesk.core.model import Kpi, Position, PositionId
from orgdesk.core.settings import TEAM_ORIGIN_SETTING
from orgdesk.library import position_library
from orgdesk.team.documents import Origin
from orgdesk.team.library import Library
from orgdesk.ui import dialogs, jobs
from orgdesk.ui.library_dialog import LibraryDialog
from orgdesk.ui.main_window import MainWindow
from tests.team.cluster import Cluster
from tests.team.conftest import cluster  # noqa: F401  # the session's server, for this module
from tests.ui.conftest import pid, type_text, undo_texts, wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
SOURCE_TRACES = re.compile(r"seeds/|\.txt|第\s*\d+|\(\s*第|行\)")


@pytest.fixture(autouse=True)
def real_library_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """This module drives the real dialog (the fixture of every UI test forbids it)."""
    monkeypatch.setattr(dialogs, "choose_template", REAL_CHOOSE)


REAL_CHOOSE = dialogs.choose_template


def with_library(window: MainWindow, act: Callable[[LibraryDialog], None]) -> None:
    """Press Ctrl+L and let `act` drive the modal library dialog."""
    done: list[bool] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LibraryDialog):
            QTimer.singleShot(20, drive)
            return
        try:
            act(dialog)
        finally:
            done.append(True)
            if dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, drive)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_L, CTRL)
    assert done, "the library dialog did not open"


def entries(dialog: LibraryDialog) -> dict[str, list[str]]:
    tree = dialog.findChild(QTreeWidget, "libraryTree")
    return {tree.topLevelItem(i).text(0): [tree.topLevelItem(i).child(j).text(0)
                                            for j in range(tree.topLevelItem(i).childCount())]
            for i in range(tree.topLevelItemCount())}


def select(dialog: LibraryDialog, title: str) -> None:
    tree = dialog.findChild(QTreeWidget, "libraryTree")
    found = tree.findItems(title, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert found, f"no entry {title!r}"
    tree.scrollToItem(found[0])
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     tree.visualItemRect(found[0]).center())
    assert tree.currentItem() is found[0]


def test_the_library_shows_clean_titles_by_family(open_window: OpenWindow) -> None:
    window = open_window()
    seen: dict[str, list[str]] = {}
    previews: list[str] = []

    def look(dialog: LibraryDialog) -> None:
        seen.update(entries(dialog))
        tree = dialog.findChild(QTreeWidget, "libraryTree")
        preview = dialog.findChild(QTextBrowser, "libraryPreview")
        for i in range(tree.topLevelItemCount()):
            for j in range(tree.topLevelItem(i).childCount()):
                tree.setCurrentItem(tree.topLevelItem(i).child(j))
                previews.append(preview.toPlainText())
    with_library(window, look)
    families = [re.sub(r" \(\d+\)$", "", name) for name in seen]
    assert families == ["Management", "Team leadership", "Agents", "Quality", "Training",
                        "Technical", "Support"]
    titles = [title for group in seen.values() for title in group]
    assert len(titles) == len(set(titles)), "near-duplicates in the list"
    assert len(titles) < len(position_library())  # variants of one job are one entry
    for text in [*titles, *previews]:
        assert not SOURCE_TRACES.search(text), text
    for raw in ("呼叫中心运营经理", "百旺金赋组话务员", "国税组组长", "经理岗"):
        assert raw not in titles  # the job, not where the description came from
    assert "运营经理" in seen[next(k for k in seen if k.startswith("Management"))]
    assert "话务员" in seen[next(k for k in seen if k.startswith("Agents"))]
    assert "质检员" in seen[next(k for k in seen if k.startswith("Quality"))]


def test_an_entry_is_inserted_with_its_clean_title(open_window: OpenWindow) -> None:
    window = open_window()
    supervisor = pid(window, "项目督导")
    window.select_position(supervisor)

    def insert(dialog: LibraryDialog) -> None:
        type_text(dialog.search, "质检")
        select(dialog, "质检员")
        QTest.mouseClick(dialog.findChild(QPushButton, "libraryInsertButton"),
                         Qt.MouseButton.LeftButton)
    with_library(window, insert)
    inserted = window.controller.org.position(window.current_id())
    assert inserted.title == "质检员" and inserted.superior_id == supervisor
    assert inserted.duties
    assert undo_texts(window) == ["Insert 质检员 from the library"]


def test_an_entry_is_merged_into_an_existing_position(open_window: OpenWindow) -> None:
    window = open_window()
    agent = pid(window, "客户服务专员")
    window.controller.execute("kpi", lambda s: s.edit_position(agent, kpis=(Kpi("接通率"),)))
    window.select_position(agent)
    before = window.controller.org.position(agent)
    template = next(t for t in position_library() if t.title == "呼叫中心项目组长")

    def merge(dialog: LibraryDialog) -> None:
        select(dialog, "项目组长")
        dialog.findChild(QRadioButton, "libraryMerge").click()
        version = dialog.version
        index = next(i for i in range(version.count())
                     if dialog.entries and dialog.chosen_entry().variants[i] is template)
        version.setCurrentIndex(index)
        QTest.mouseClick(dialog.findChild(QPushButton, "libraryApplyButton"),
                         Qt.MouseButton.LeftButton)
    with_library(window, merge)
    after = window.controller.org.position(agent)
    assert after.title == before.title and after.superior_id == before.superior_id
    assert after.duties[:len(before.duties)] == before.duties
    assert set(template.duties) <= set(after.duties)
    assert len(after.duties) == len(set(after.duties))
    assert after.kpis[0] == Kpi("接通率") and set(template.kpis) <= set(after.kpis)
    assert set(before.requirements.skills) <= set(after.requirements.skills)
    assert undo_texts(window)[-1] == f"Add “项目组长” from the library to {before.title}"
    window.controller.undo_stack.undo()  # one step
    assert window.controller.org.position(agent) == before


def test_an_entry_replaces_only_the_chosen_parts(open_window: OpenWindow) -> None:
    window = open_window()
    agent = pid(window, "客户服务专员")
    window.select_position(agent)
    before = window.controller.org.position(agent)
    chosen = []

    def replace_duties(dialog: LibraryDialog) -> None:
        select(dialog, "质检员")
        chosen.append(dialog.chosen_template())
        dialog.findChild(QRadioButton, "libraryReplace").click()
        dialog.findChild(QCheckBox, "libraryPart_requirements").setChecked(False)
        dialog.findChild(QCheckBox, "libraryPart_kpis").setChecked(False)
        QTest.mouseClick(dialog.findChild(QPushButton, "libraryApplyButton"),
                         Qt.MouseButton.LeftButton)
    with_library(window, replace_duties)
    template = chosen[0]
    after = window.controller.org.position(agent)
    assert after.duties == template.duties
    assert after.requirements == before.requirements and after.kpis == before.kpis
    assert wait_for(lambda: window.controller.undo_stack.count() == 1)


def _pulled_from(window: MainWindow, server: str) -> None:
    """Give the window's document the origin a pull gives it."""
    origin = Origin(server, "项目X", 1).to_setting()
    window.controller.execute("origin", lambda s: s.set_setting(TEAM_ORIGIN_SETTING, origin))


def test_a_pulled_document_lists_the_team_descriptions(open_window: OpenWindow,
                                                       cluster: Cluster  # noqa: F811
                                                       ) -> None:
    title = f"团队岗位{uuid.uuid4().hex[:6]}"
    with Library.open(cluster.url()) as library:
        library.add_position(Position(id=PositionId(1), title=title,
                                      duties=("带领团队完成季度目标",)), "", "项目X")
        server = library.address.shown
    window = open_window()
    _pulled_from(window, server)
    supervisor = pid(window, "项目督导")
    window.select_position(supervisor)
    seen: dict[str, list[str]] = {}

    def insert(dialog: LibraryDialog) -> None:
        assert wait_for(lambda: any(k.startswith("Team library") for k in entries(dialog)),
                        timeout=20)
        seen.update(entries(dialog))
        select(dialog, title)
        preview = dialog.findChild(QTextBrowser, "libraryPreview")
        assert "带领团队完成季度目标" in preview.toPlainText()
        QTest.mouseClick(dialog.findChild(QPushButton, "libraryInsertButton"),
                         Qt.MouseButton.LeftButton)
    with_library(window, insert)
    families = [re.sub(r" \(\d+\)$", "", name) for name in seen]
    assert families[-1] == "Team library" and families[0] == "Management"
    assert title in seen[next(k for k in seen if k.startswith("Team library"))]
    added = window.controller.org.position(pid(window, title))
    assert added.superior_id == supervisor and added.duties == ("带领团队完成季度目标",)


def test_offline_only_the_built_in_descriptions_show(open_window: OpenWindow,
                                                     tmp_path: Path) -> None:
    window = open_window()
    problems: list[str] = []
    window.controller.problem.connect(problems.append)
    _pulled_from(window, f"postgresql://nobody@/orgdesk?host={tmp_path}&port=5999")
    seen: dict[str, list[str]] = {}

    def look(dialog: LibraryDialog) -> None:
        job = dialog._team_job
        assert wait_for(lambda: job not in jobs._running, timeout=20)  # the attempt ended
        wait_for(lambda: False, timeout=0.1)  # its outcome delivered
        seen.update(entries(dialog))
    with_library(window, look)
    families = [re.sub(r" \(\d+\)$", "", name) for name in seen]
    assert families == ["Management", "Team leadership", "Agents", "Quality", "Training",
                        "Technical", "Support"]
    assert problems == []  # silently
