"""File → Team Library…: connect to a real PostgreSQL library, publish the window's
document, see it in the versions, open a version, and settle a stale base (issue 15)."""
from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QTableWidget

from orgdesk.analysis.compare import ChangeKind
from orgdesk.core.settings import TEAM_ORIGIN_SETTING
from orgdesk.storage.reading import read_organisation
from orgdesk.team.address import parse_address
from orgdesk.team.documents import origin_of
from orgdesk.team.library import Library
from orgdesk.ui import dialogs, team_library_dialog
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.team_library_dialog import TeamLibraryDialog
from tests.team.cluster import Cluster
from tests.team.conftest import cluster  # noqa: F401  # the session's server, for this module
from tests.ui.conftest import wait_for

pytestmark = pytest.mark.gui


def open_dialog(window: MainWindow) -> TeamLibraryDialog:
    action = window.findChild(QAction, "actionTeamLibrary")
    assert action is not None and action.text() == "Team Librar&y…"
    action.trigger()
    assert wait_for(lambda: any(d.isVisible() for d in window.findChildren(TeamLibraryDialog)))
    return next(d for d in window.findChildren(TeamLibraryDialog) if d.isVisible())


def settled(dialog: TeamLibraryDialog, timeout: float = 30) -> bool:
    """Wait for the dialog's library call (they run on a library thread)."""
    return wait_for(lambda: not dialog.running, timeout=timeout)


def click(dialog: TeamLibraryDialog, name: str) -> None:
    """Click one of the dialog's buttons and wait for the call it starts."""
    child(dialog, QPushButton, name).click()
    assert settled(dialog)


def child(dialog: TeamLibraryDialog, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def test_connect_publish_browse_and_open(open_window: Callable[..., MainWindow],
                                         cluster: Cluster,  # noqa: F811
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window("call_center_chart")
    dialog = open_dialog(window)
    status = child(dialog, QLabel, "teamLibraryStatus")
    child(dialog, QLineEdit, "teamLibraryUrl").setText(cluster.url())
    click(dialog, "teamLibraryConnect")
    assert "Connected to" in status.text()
    project = f"界面 {uuid.uuid4().hex[:6]}"
    child(dialog, QLineEdit, "teamPublishProject").setText(project)
    child(dialog, QLineEdit, "teamPublishMessage").setText("从窗口发布")
    click(dialog, "teamPublish")
    assert "Published version" in status.text(), status.text()
    origin = origin_of(window.controller.org)
    assert origin is not None and origin.project == project  # one undoable step
    assert window.controller.undo_stack.text(window.controller.undo_stack.index() - 1) \
        == "Publish to the team library"
    projects = child(dialog, QListWidget, "teamProjects")
    assert project in [projects.item(i).text() for i in range(projects.count())]
    table = child(dialog, QTableWidget, "teamVersions")
    assert table.rowCount() == 1 and table.item(0, 4).text() == "从窗口发布"
    target = tmp_path / "opened.orgdesk"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: target)
    click(dialog, "teamOpenVersion")
    assert target.exists() and "saved as opened.orgdesk" in status.text()
    first = min(p.id for p in window.controller.org.positions())
    window.controller.execute("rename", lambda s: s.update_position(
        replace(s.org.position(first), title="改过的标题")))
    assert dialog.compare_version() is not None and settled(dialog)
    compared = dialog.compared
    assert compared is not None and compared.comparison.count(ChangeKind.RENAMED) == 1
    compared.reject()
    pulled = read_organisation(target)
    assert len(pulled) == len(window.controller.org)
    assert pulled.settings[TEAM_ORIGIN_SETTING]["version"] == origin.version
    dialog.reject()


def test_a_stale_base_offers_a_branch(open_window: Callable[..., MainWindow],
                                      cluster: Cluster,  # noqa: F811
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window("call_center_chart")
    project = f"冲突 {uuid.uuid4().hex[:6]}"
    with Library.open(cluster.url()) as other:
        first = other.publish(window.controller.org, project, "v1").version
        newer = window.controller.org.copy()
        pid = min(p.id for p in newer.positions())
        newer.update_position(replace(newer.position(pid), title="别人改的"))
        other.publish(newer, project, "someone else", base=first.id)
    origin = {"server": parse_address(cluster.url()).shown, "project": project,
              "version": first.id}
    window.controller.execute("pulled", lambda s: s.set_setting(TEAM_ORIGIN_SETTING, origin))
    dialog = open_dialog(window)
    click(dialog, "teamLibraryConnect")
    asked: list[list[str]] = []

    def choose(parent: object, sentence: str, difference: list[str]) -> str:
        asked.append([sentence, *difference])
        return "branch"

    monkeypatch.setattr(team_library_dialog, "ask_conflict", choose)
    child(dialog, QLineEdit, "teamPublishMessage").setText("mine")
    click(dialog, "teamPublish")
    assert asked and "after your base version" in asked[0][0]
    assert any("别人改的" in line for line in asked[0])
    status = child(dialog, QLabel, "teamLibraryStatus").text()
    assert "Published version" in status
    with Library.open(cluster.url()) as check:
        assert check.log(project)[0].branch != "main"
    dialog.reject()


def test_the_window_publishes_and_opens_every_scenario(
        open_window: Callable[..., MainWindow], cluster: Cluster,  # noqa: F811
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgdesk.team.documents import read_document

    window = open_window("call_center_chart")
    controller = window.controller
    assert controller.execute_scenario("new", lambda s: s.create("精简方案", switch=True))
    first = min(p.id for p in controller.org.positions())
    controller.execute("rename", lambda s: s.update_position(
        replace(s.org.position(first), title="精简的总监")))
    dialog = open_dialog(window)
    status = child(dialog, QLabel, "teamLibraryStatus")
    child(dialog, QLineEdit, "teamLibraryUrl").setText(cluster.url())
    click(dialog, "teamLibraryConnect")
    project = f"界面 {uuid.uuid4().hex[:6]}"
    child(dialog, QLineEdit, "teamPublishProject").setText(project)
    child(dialog, QLineEdit, "teamPublishMessage").setText("两个方案")
    click(dialog, "teamPublish")
    assert "Published version" in status.text(), status.text()
    target = tmp_path / "opened.orgdesk"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: target)
    click(dialog, "teamOpenVersion")
    assert target.exists()
    opened = read_document(target)
    assert [(s.name, s.open) for s in opened.scenarios] == [("现状", False), ("精简方案", True)]
    titles = [min(s.org.positions(), key=lambda p: p.id).title for s in opened.scenarios]
    assert titles[1] == "精简的总监" and titles[0] != titles[1]
    # The publish set the origin in every scenario, as a pull does; another one publishes
    # from it too.
    published = origin_of(controller.org)
    assert published is not None
    assert controller.execute_scenario("switch", lambda s: s.switch(s.find("现状").id))
    assert origin_of(controller.org) == published
    controller.execute("rename", lambda s: s.update_position(
        replace(s.org.position(first), title="现状的总监")))
    conflicts: list[str] = []
    monkeypatch.setattr(team_library_dialog, "ask_conflict",
                        lambda _parent, sentence, _lines: conflicts.append(sentence) or "cancel")
    child(dialog, QLineEdit, "teamPublishMessage").setText("再发布")
    click(dialog, "teamPublish")
    assert not conflicts and "Published version" in status.text(), status.text()
    with Library.open(cluster.url()) as check:
        newest = check.log(project)[0]
    assert (newest.parent_id, newest.branch) == (published.version, "main")
    dialog.reject()
