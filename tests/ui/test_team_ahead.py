"""The status bar's "ahead of the server by N edits" (issue 15): N counts what differs
from the version the document is based on, so it follows edits and undos (back to the
version: none), holds through a save and a reopen, reaches 0 with a publish or a pull,
and is still shown offline ("N edits not published").  A real PostgreSQL server each."""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton

from orgdesk.team.documents import origin_of
from orgdesk.team.library import Library
from orgdesk.ui import dialogs, jobs
from orgdesk.ui.app import OrgdeskApp
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.team_library_dialog import TeamLibraryDialog
from orgdesk.ui.team_status import TeamStatusLabel
from tests.team.cluster import ADMIN, ADMIN_PASSWORD, Cluster, throwaway_cluster
from tests.team.conftest import cluster  # noqa: F401  # the session's server, for this module
from tests.ui.conftest import wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]


def _label(window: MainWindow) -> TeamStatusLabel:
    found = window.findChild(TeamStatusLabel, "teamLibraryStatusLabel")
    assert found is not None
    return found


def _shows(window: MainWindow, text: str, timeout: float = 20) -> None:
    """Wait until the label has asked the server, counted, and says `text`."""
    label = _label(window)

    def there() -> bool:
        return (label.job is not None and label.job not in jobs._running
                and not label._recount.isActive() and label.text() == text)
    assert wait_for(there, timeout=timeout), (label.text(), text)


def _dialog(window: MainWindow, url: str) -> TeamLibraryDialog:
    window.open_team_library()
    dialog = next(d for d in window.findChildren(TeamLibraryDialog) if d.isVisible())
    dialog.url_edit.setText(url)
    dialog.findChild(QPushButton, "teamLibraryConnect").click()
    assert wait_for(lambda: not dialog.running, timeout=30)
    assert dialog.library is not None, dialog.status.text()
    return dialog


def _publish(dialog: TeamLibraryDialog, project: str, message: str) -> int:
    dialog.findChild(QLineEdit, "teamPublishProject").setText(project)
    dialog.findChild(QLineEdit, "teamPublishMessage").setText(message)
    dialog.findChild(QPushButton, "teamPublish").click()
    assert wait_for(lambda: not dialog.running, timeout=30)
    assert "Published version" in dialog.status.text(), dialog.status.text()
    origin = origin_of(dialog.controller.org)
    assert origin is not None and origin.project == project
    return origin.version


def _close(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Close the window (its document's working copy and lock go with it)."""
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    assert window.close()


def _rename(window: MainWindow, title: str) -> None:
    first = min(p.id for p in window.controller.org.positions())
    window.controller.execute("rename", lambda s: s.update_position(
        replace(s.org.position(first), title=title)))


def _add(window: MainWindow, title: str) -> None:
    first = min(p.id for p in window.controller.org.positions())
    assert window.controller.execute("add", lambda s: s.new_position(title, first))


def test_edits_undo_save_reopen_publish_and_pull(
        open_window: OpenWindow, cluster: Cluster,  # noqa: F811
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window("call_center_chart")
    path = window.controller.service.file.path
    assert path is not None
    project = f"领先 {uuid.uuid4().hex[:6]}"
    dialog = _dialog(window, cluster.url())
    first = _publish(dialog, project, "第一版")
    dialog.reject()
    at = f"Team library: {project} @ version {first}"
    _shows(window, at)
    _rename(window, "改过一次")
    _shows(window, f"{at}, ahead of the server by 1 edit")
    _add(window, "新岗位")
    _shows(window, f"{at}, ahead of the server by 2 edits")
    _rename(window, "改过两次")  # the same position again: still two items differ
    _shows(window, f"{at}, ahead of the server by 2 edits")
    stack = window.controller.undo_stack
    stack.undo()
    stack.undo()
    _shows(window, f"{at}, ahead of the server by 1 edit")
    stack.undo()  # back to the version: not ahead
    _shows(window, at)
    stack.redo()
    _rename(window, "改过三次")
    _rename(window, "改过一次")  # typed back: one position differs, as after the first
    _shows(window, f"{at}, ahead of the server by 1 edit")
    _add(window, "另一个新岗位")
    assert window.save()
    _shows(window, f"{at}, ahead of the server by 2 edits")
    # Closed and opened again: the count is the document's, not the session's.
    _close(window, monkeypatch)
    reopened = open_window(path)
    _shows(reopened, f"{at}, ahead of the server by 2 edits")
    # A publish makes the document that version: nothing ahead.
    dialog = _dialog(reopened, cluster.url())
    second = _publish(dialog, project, "第二版")
    assert second != first
    _shows(reopened, f"Team library: {project} @ version {second}")
    # A pull (Open Version…) gives a file of that version: nothing ahead either.
    target = tmp_path / "pulled.orgdesk"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: target)
    dialog.findChild(QPushButton, "teamOpenVersion").click()
    assert wait_for(lambda: not dialog.running, timeout=30) and target.exists()
    dialog.reject()
    _close(reopened, monkeypatch)
    pulled = open_window(target)
    _shows(pulled, f"Team library: {project} @ version {second}")
    _add(pulled, "拉取后新增")
    _shows(pulled, f"Team library: {project} @ version {second}, ahead of the server by 1 edit")


def test_a_file_pulled_elsewhere_is_counted_once_the_library_answered(
        open_window: OpenWindow, cluster: Cluster,  # noqa: F811
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A version this machine never cached (pulled by the CLI, or on another laptop) is
    fetched once; from then on it is counted offline too."""
    from orgdesk.team.documents import write_document

    monkeypatch.setenv("ORGDESK_STATE_DIR", str(tmp_path / "state"))
    project = f"别处 {uuid.uuid4().hex[:6]}"
    window = open_window("call_center_chart")
    with Library.open(cluster.url()) as library:
        version = library.publish(window.controller.org, project, "v1").version.id
        target = tmp_path / "elsewhere.orgdesk"
        write_document(target, library.pull_document(f"{project}@{version}")[1])
    assert not (tmp_path / "state" / "team-bases").exists()
    pulled = open_window(target)
    _rename(pulled, "在飞机上改的")
    at = f"Team library: {project} @ version {version}"
    _shows(pulled, f"{at}, ahead of the server by 1 edit")
    assert list((tmp_path / "state" / "team-bases").iterdir())


def test_offline_shows_the_edits_not_published(
        open_window: OpenWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library of its own, stopped mid-test: the count goes on from the cached version."""
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"*:*:*:{ADMIN}:{ADMIN_PASSWORD}\n", "utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    with throwaway_cluster(port=5000 + os.getpid() % 1000) as own:
        with Library.open(own.url()) as library:
            library.init()
        window = open_window("call_center_chart")
        path = window.controller.service.file.path
        assert path is not None
        project = f"离线 {uuid.uuid4().hex[:6]}"
        dialog = _dialog(window, own.url())
        version = _publish(dialog, project, "出发前")
        dialog.reject()
        at = f"Team library: {project} @ version {version}"
        _rename(window, "路上改的")
        _shows(window, f"{at}, ahead of the server by 1 edit")
        own.stop()
        _label(window).refresh(force=True)
        _shows(window, f"{at} (offline, 1 edit not published)")
        _add(window, "路上加的")
        _shows(window, f"{at} (offline, 2 edits not published)")
        window.controller.undo_stack.undo()
        _shows(window, f"{at} (offline, 1 edit not published)")
        window.controller.undo_stack.redo()
        assert window.save()
        _close(window, monkeypatch)
        reopened = open_window(path)
        _shows(reopened, f"{at} (offline, 2 edits not published)")
        own.start()  # back on the ground
        _label(reopened).refresh(force=True)
        _shows(reopened, f"{at}, ahead of the server by 2 edits")


def test_edits_recovered_after_a_crash_are_counted(
        orgdesk: OrgdeskApp, cluster: Cluster,  # noqa: F811
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """orgdesk died with two edits in a pulled file's working copy: the recovered window
    counts them (the count is the document's, not the dead session's)."""
    from orgdesk.samples import template_organisation
    from orgdesk.services import DocumentService
    from orgdesk.storage.document import DocumentFile
    from orgdesk.team.documents import write_document

    project = f"崩溃 {uuid.uuid4().hex[:6]}"
    with Library.open(cluster.url()) as library:
        version = library.publish(template_organisation("call_center_chart"), project,
                                  "v1").version.id
        path = tmp_path / "pulled.orgdesk"
        write_document(path, library.pull_document(f"{project}@{version}")[1])
    file = DocumentFile.open(path)
    service = DocumentService(file)
    first = min(p.id for p in service.org.positions())
    service.edit_position(first, title="崩溃前改的")
    service.new_position("崩溃前加的", first)
    file.engine.dispose()
    file._replace_lock(None)  # the process died: its lock went …
    file._session_folder.release(remove=False)  # … and its working copy stayed
    monkeypatch.setattr(dialogs, "ask_recover", lambda *_args: True)
    window = orgdesk.open_path(path)
    assert window is not None and window.isWindowModified()
    _shows(window, f"Team library: {project} @ version {version}, ahead of the server by "
                   "2 edits")


def test_every_scenario_counts(open_window: OpenWindow, cluster: Cluster,  # noqa: F811
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A version holds every scenario: an edit in another one, and a scenario added, are
    edits not published either."""
    window = open_window("call_center_chart")
    controller = window.controller
    assert controller.execute_scenario("new", lambda s: s.create("精简方案", switch=True))
    project = f"方案 {uuid.uuid4().hex[:6]}"
    dialog = _dialog(window, cluster.url())
    version = _publish(dialog, project, "两个方案")
    dialog.reject()
    at = f"Team library: {project} @ version {version}"
    _shows(window, at)
    assert controller.execute_scenario("switch", lambda s: s.switch(s.find("现状").id))
    _rename(window, "现状里改的")
    assert controller.execute_scenario("back", lambda s: s.switch(s.find("精简方案").id))
    _shows(window, f"{at}, ahead of the server by 1 edit")
    _rename(window, "精简里改的")
    _shows(window, f"{at}, ahead of the server by 2 edits")
    assert controller.execute_scenario("third", lambda s: s.create("第三方案"))
    _shows(window, f"{at}, ahead of the server by 3 edits")
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    _shows(window, f"{at}, ahead of the server by 1 edit")


def test_a_pulled_document_counts_its_scenarios_as_they_are_switched(
        open_window: OpenWindow, cluster: Cluster,  # noqa: F811
        tmp_path: Path) -> None:
    """Every scenario of a pulled file follows the version: switching keeps the label,
    and an edit made in one scenario is still counted while another is open."""
    from orgdesk.samples import template_organisation
    from orgdesk.team.documents import Scenario, TeamDocument, write_document

    project = f"切换 {uuid.uuid4().hex[:6]}"
    org = template_organisation("call_center_chart")
    document = TeamDocument((Scenario("现状", org, True), Scenario("方案B", org.copy())))
    with Library.open(cluster.url()) as library:
        version = library.publish(document, project, "两个方案").version.id
        path = tmp_path / "pulled.orgdesk"
        write_document(path, library.pull_document(f"{project}@{version}")[1])
    window = open_window(path)
    controller = window.controller
    at = f"Team library: {project} @ version {version}"
    _shows(window, at)
    _rename(window, "现状改的")
    _shows(window, f"{at}, ahead of the server by 1 edit")
    assert controller.execute_scenario("to B", lambda s: s.switch(s.find("方案B").id))
    _shows(window, f"{at}, ahead of the server by 1 edit")  # 现状's edit, counted
    _add(window, "B里加的")
    _shows(window, f"{at}, ahead of the server by 2 edits")
    assert controller.execute_scenario("to A", lambda s: s.switch(s.find("现状").id))
    _shows(window, f"{at}, ahead of the server by 2 edits")  # B's addition, counted
    controller.undo_stack.undo()  # back to B …
    controller.undo_stack.undo()  # … without its addition
    _shows(window, f"{at}, ahead of the server by 1 edit")
    assert controller.execute_scenario("to A", lambda s: s.switch(s.find("现状").id))
    _shows(window, f"{at}, ahead of the server by 1 edit")
    controller.undo_stack.undo()  # the switch, then 现状's rename
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    _shows(window, at)


def test_a_window_publish_marks_every_scenario_as_a_pull_does(
        open_window: OpenWindow, cluster: Cluster,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A scenario that was not open during the publish follows the version too: switched
    to, it keeps the team label (it was hidden); saved, every scenario of the file names
    the version, as in a pulled file; undone, none does."""
    from orgdesk.team.documents import read_document

    window = open_window("call_center_chart")
    controller = window.controller
    assert controller.execute_scenario("new", lambda s: s.create("精简方案"))  # not opened
    assert controller.execute_scenario("third", lambda s: s.create("第三方案"))
    project = f"全部 {uuid.uuid4().hex[:6]}"
    dialog = _dialog(window, cluster.url())
    version = _publish(dialog, project, "三个方案")
    dialog.reject()
    origin = origin_of(controller.org)
    at = f"Team library: {project} @ version {version}"
    _shows(window, at)
    assert controller.execute_scenario("to B", lambda s: s.switch(s.find("精简方案").id))
    label = _label(window)
    assert label.isVisible()
    _shows(window, at)
    scenarios = controller.scenarios
    assert [origin_of(scenarios.organisation(s.id)) for s in scenarios.scenarios()] \
        == [origin] * 3
    _rename(window, "精简里改的")
    _shows(window, f"{at}, ahead of the server by 1 edit")
    assert window.save()
    path = controller.service.file.path
    assert path is not None
    assert [origin_of(s.org) for s in read_document(path).scenarios] == [origin] * 3
    stack = controller.undo_stack
    for _ in range(4):  # the rename, the switch, the other scenarios' marks, the open one's
        stack.undo()
    assert [origin_of(scenarios.organisation(s.id)) for s in scenarios.scenarios()] \
        == [None] * 3
    assert label.isHidden()
    for _ in range(2):
        stack.redo()
    assert [origin_of(scenarios.organisation(s.id)) for s in scenarios.scenarios()] \
        == [origin] * 3
    _shows(window, at)
    _close(window, monkeypatch)


def test_a_file_pulled_or_published_with_the_cli_is_counted_offline_at_once(
        open_window: OpenWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`orgdesk pull` and `orgdesk publish` keep the base as the window does: with the
    library gone before the window ever reached it, the edits are still counted (they
    were "not counted" until the window had reached the library once)."""
    from orgdesk.cli import main
    from orgdesk.storage.document import create_file
    from orgdesk.storage.reading import read_organisation

    passfile = tmp_path / "pgpass"
    passfile.write_text(f"*:*:*:{ADMIN}:{ADMIN_PASSWORD}\n", "utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    project = f"命令行 {uuid.uuid4().hex[:6]}"
    pulled, published = tmp_path / "pulled.orgdesk", tmp_path / "published.orgdesk"
    with throwaway_cluster(port=6000 + os.getpid() % 1000) as own:
        with Library.open(own.url()) as library:
            library.init()
            first = library.publish(read_organisation(window_sample()), project, "v1").version.id
        for path in (pulled, published):
            assert main(["pull", project, "-o", str(path), "--url", own.url()]) == 0
        org = read_organisation(published)
        top = min(p.id for p in org.positions())
        org.update_position(replace(org.position(top), title="命令行改的"))
        create_file(published, org, touch_modified=False)
        assert main(["publish", str(published), "-m", "v2"]) == 0
        second = origin_of(read_organisation(published))
        assert second is not None and second.version != first
    # The library is gone: only the local cache can count.
    window = open_window(pulled)
    _rename(window, "离线改的")
    _shows(window, f"Team library: {project} @ version {first} (offline, 1 edit not published)")
    _close(window, monkeypatch)
    window = open_window(published)
    _shows(window, f"Team library: {project} @ version {second.version} (offline)")


def window_sample() -> Path:
    from orgdesk.paths import sample_orgs_dir

    return sample_orgs_dir() / "call_center_chart.orgdesk"
