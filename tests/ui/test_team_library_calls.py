"""File → Team Library… never waits for the server on the window's thread (issue 15):
a server that takes the connection and never answers leaves the dialog live with a
moving bar and a Cancel that works; closing the dialog mid-call is safe; a publish
cancelled before its commit writes nothing and leaves the document as it was; a
connection lost mid-publish, a refused login and a reader's publish each end as one
sentence; search runs there too.  A real PostgreSQL server, nothing mocked."""
from __future__ import annotations

import contextlib
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QProgressBar, QPushButton

from orgdesk.team.documents import origin_of
from orgdesk.team.library import Library
from orgdesk.ui import jobs, team_library_dialog
from orgdesk.ui.app import OrgdeskApp
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.team_library_dialog import TeamLibraryDialog
from tests.team.cluster import ADMIN, DATABASE, Cluster
from tests.team.conftest import cluster, make_role  # noqa: F401  # the session's server
from tests.ui.conftest import flush_deletes, wait_for

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]


@contextlib.contextmanager
def silent_server() -> Iterator[str]:
    """A library address whose server takes the connection and then says nothing."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"postgresql://nobody@127.0.0.1:{listener.getsockname()[1]}/orgdesk"
    finally:
        listener.close()  # the waiting connections are refused: their calls end


def open_dialog(window: MainWindow, url: str) -> TeamLibraryDialog:
    window.open_team_library()
    dialog = next(d for d in window.findChildren(TeamLibraryDialog) if d.isVisible())
    dialog.findChild(QLineEdit, "teamLibraryUrl").setText(url)
    return dialog


def click(dialog: TeamLibraryDialog, name: str) -> float:
    """Click a button; how long the click held the window's thread, in seconds."""
    began = time.monotonic()
    dialog.findChild(QPushButton, name).click()
    return time.monotonic() - began


def settled(dialog: TeamLibraryDialog, timeout: float = 30) -> bool:
    return wait_for(lambda: not dialog.running, timeout=timeout)


def ticks_while(condition: Callable[[], bool], seconds: float) -> int:
    """How often a 20 ms timer fired during `seconds` (the event loop ran)."""
    count = [0]
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: count.__setitem__(0, count[0] + 1))
    timer.start()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and condition():
        QApplication.processEvents()
        time.sleep(0.005)
    timer.stop()
    return count[0]


def test_a_silent_server_leaves_the_dialog_live_and_cancel_works(
        open_window: OpenWindow) -> None:
    window = open_window("call_center_chart")
    with silent_server() as url:
        dialog = open_dialog(window, url)
        assert click(dialog, "teamLibraryConnect") < 1  # not the 10 s connect timeout
        busy = dialog.findChild(QProgressBar, "teamLibraryBusy")
        cancel = dialog.findChild(QPushButton, "teamLibraryCancel")
        assert dialog.running and busy.isVisible() and cancel.isVisible()
        assert dialog.status.text() == "Connecting…"
        assert ticks_while(lambda: dialog.running, 1.0) >= 20  # the window kept running
        assert dialog.running  # and the server still has not answered
        call = dialog.call
        began = time.monotonic()
        cancel.click()
        assert time.monotonic() - began < 0.5
        assert not dialog.running and not busy.isVisible()
        assert dialog.status.text() == "Connecting was cancelled."
        assert dialog.findChild(QPushButton, "teamLibraryConnect").isEnabled()
    # The abandoned attempt ends in the background; its answer is not shown.
    assert wait_for(lambda: call not in jobs._running, timeout=20)
    QApplication.processEvents()
    assert dialog.status.text() == "Connecting was cancelled." and dialog.library is None
    dialog.reject()


def test_closing_the_dialog_mid_call_does_not_crash(open_window: OpenWindow) -> None:
    window = open_window("call_center_chart")
    with silent_server() as url:
        dialog = open_dialog(window, url)
        assert click(dialog, "teamLibraryConnect") < 1
        call = dialog.call
        assert call is not None
        dialog.reject()  # deleted on close while its call still waits
        flush_deletes()
        assert not any(d.isVisible() for d in window.findChildren(TeamLibraryDialog))
    assert wait_for(lambda: call not in jobs._running, timeout=20)
    QApplication.processEvents()
    # The window goes on: another dialog connects to nothing and says so.
    again = open_dialog(window, "postgresql://nobody@127.0.0.1:1/orgdesk")
    click(again, "teamLibraryConnect")
    assert settled(again)
    assert again.status.text().startswith("No library server answers at"), again.status.text()
    again.reject()


def _project_id(cluster: Cluster, project: str) -> int:  # noqa: F811
    return int(cluster.psql(f"SELECT id FROM orgdesk.projects WHERE name = '{project}'",
                            database=DATABASE).strip())


@contextlib.contextmanager
def project_locked(cluster: Cluster, project: str,  # noqa: F811
                   release_after: float) -> Iterator[Callable[[], None]]:
    """Hold the project's publish lock (as a colleague's long publish would); released
    by the returned function, or by itself after `release_after` seconds at the latest."""
    pid = _project_id(cluster, project)
    holder = psycopg.connect(host=str(cluster.socket_dir), port=cluster.port, user=ADMIN,
                             dbname=DATABASE, autocommit=True)
    holder.execute("SELECT pg_advisory_lock(%s)", (pid,))
    done = threading.Event()

    def release() -> None:
        if not done.is_set():
            done.set()
            holder.close()
    timer = threading.Timer(release_after, release)
    timer.start()
    try:
        yield release
    finally:
        timer.cancel()
        release()


def _pulled_window(open_window: OpenWindow, cluster: Cluster,  # noqa: F811
                   project: str) -> tuple[MainWindow, int]:
    """A window on the sample, published as version 1 of `project` and following it."""
    from orgdesk.core.settings import TEAM_ORIGIN_SETTING
    from orgdesk.team.documents import Origin

    window = open_window("call_center_chart")
    with Library.open(cluster.url()) as library:
        version = library.publish(window.controller.org, project, "v1").version
        origin = Origin(library.address.shown, project, version.id).to_setting()
    window.controller.execute("pulled", lambda s: s.set_setting(TEAM_ORIGIN_SETTING, origin))
    first = min(p.id for p in window.controller.org.positions())
    window.controller.execute("rename", lambda s: s.update_position(
        replace(s.org.position(first), title="待发布的改动")))
    return window, version.id


def test_a_publish_cancelled_before_its_commit_writes_nothing(
        open_window: OpenWindow, cluster: Cluster) -> None:  # noqa: F811
    project = f"取消 {uuid.uuid4().hex[:6]}"
    window, base = _pulled_window(open_window, cluster, project)
    steps = window.controller.undo_stack.count()
    dialog = open_dialog(window, cluster.url())
    click(dialog, "teamLibraryConnect")
    assert settled(dialog)
    dialog.findChild(QLineEdit, "teamPublishMessage").setText("不要了")
    with project_locked(cluster, project, release_after=15) as release:
        assert click(dialog, "teamPublish") < 1  # waits for the lock on its own thread
        assert ticks_while(lambda: dialog.running, 0.5) >= 10 and dialog.running
        call = dialog.call
        dialog.findChild(QPushButton, "teamLibraryCancel").click()
        assert not dialog.running
        assert dialog.status.text() == ("The publish was cancelled; nothing was published and "
                                        "this document is unchanged.")
        # Its wait on the server is cancelled too: the call ends with the lock still held.
        assert wait_for(lambda: call not in jobs._running, timeout=8)
        release()
    QApplication.processEvents()
    with Library.open(cluster.url()) as check:  # nothing was stored
        assert [v.id for v in check.log(project)] == [base]
    assert cluster.psql("SELECT count(*) FROM orgdesk.version_positions vp JOIN "
                        f"orgdesk.projects p ON p.id = vp.project_id WHERE p.name = '{project}'",
                        database=DATABASE).strip() == str(
        len(window.controller.org))  # version 1's rows only
    origin = origin_of(window.controller.org)
    assert origin is not None and origin.version == base
    assert window.controller.undo_stack.count() == steps
    assert dialog.status.text().startswith("The publish was cancelled")
    # The same publish, not cancelled, goes through.
    click(dialog, "teamPublish")
    assert settled(dialog) and "Published version" in dialog.status.text()
    dialog.reject()


def test_a_connection_lost_mid_publish_is_one_sentence(
        open_window: OpenWindow, cluster: Cluster) -> None:  # noqa: F811
    project = f"断线 {uuid.uuid4().hex[:6]}"
    window, base = _pulled_window(open_window, cluster, project)
    dialog = open_dialog(window, cluster.url())
    click(dialog, "teamLibraryConnect")
    assert settled(dialog)
    dialog.findChild(QLineEdit, "teamPublishMessage").setText("半路断线")
    with project_locked(cluster, project, release_after=10):
        assert click(dialog, "teamPublish") < 1

        def waiting() -> bool:
            return cluster.psql(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'orgdesk' "
                "AND wait_event_type = 'Lock'").strip() != "0"
        assert wait_for(waiting, timeout=10)
        cluster.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                     "application_name = 'orgdesk' AND wait_event_type = 'Lock'")
        assert settled(dialog)
    assert dialog.status.text().startswith("The connection to the library at "), \
        dialog.status.text()
    assert "nothing was changed there" in dialog.status.text()
    with Library.open(cluster.url()) as check:
        assert [v.id for v in check.log(project)] == [base]
    dialog.reject()


def test_a_refused_login_and_a_readers_publish_are_sentences(
        open_window: OpenWindow, cluster: Cluster,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    project = f"只读 {uuid.uuid4().hex[:6]}"
    window, _base = _pulled_window(open_window, cluster, project)
    dialog = open_dialog(window, cluster.url(user="orgdesk_gui_reader", password="wrong"))
    reader = make_role(cluster, "orgdesk_gui_reader", "reader-Pass-1")
    with Library.open(cluster.url()) as admin:
        admin.grant(project, reader, editor=False)
    click(dialog, "teamLibraryConnect")
    assert settled(dialog)
    assert dialog.status.text().startswith("The library at ") and \
        "did not accept your user name or password" in dialog.status.text()
    dialog.findChild(QLineEdit, "teamLibraryUrl").setText(
        cluster.url(user=reader, password="reader-Pass-1"))
    click(dialog, "teamLibraryConnect")
    assert settled(dialog) and dialog.library is not None, dialog.status.text()
    dialog.findChild(QLineEdit, "teamPublishProject").setText(project)
    dialog.findChild(QLineEdit, "teamPublishMessage").setText("读者试着发布")
    # Pulled under the administrator's name, so the reader is offered a branch first.
    monkeypatch.setattr(team_library_dialog, "ask_conflict", lambda *_args: "branch")
    click(dialog, "teamPublish")
    assert settled(dialog)
    assert dialog.status.text() == (
        f"You may read the project “{project}” but not publish to it; ask the library's "
        "administrator to make you an editor (orgdesk library grant … --editor).")
    dialog.reject()


def test_search_finds_a_position_and_shows_its_version(
        open_window: OpenWindow, cluster: Cluster) -> None:  # noqa: F811
    project = f"搜索 {uuid.uuid4().hex[:6]}"
    word = f"独角兽{uuid.uuid4().hex[:6]}"
    window, base = _pulled_window(open_window, cluster, project)
    first = min(p.id for p in window.controller.org.positions())
    window.controller.execute("rename", lambda s: s.update_position(
        replace(s.org.position(first), title=f"{word}主管")))
    dialog = open_dialog(window, cluster.url())
    click(dialog, "teamLibraryConnect")
    assert settled(dialog)
    dialog.findChild(QLineEdit, "teamPublishMessage").setText("有独角兽")
    click(dialog, "teamPublish")
    assert settled(dialog)
    origin = origin_of(window.controller.org)
    assert origin is not None and origin.version != base
    dialog.findChild(QLineEdit, "teamSearchText").setText(word)
    assert click(dialog, "teamSearch") < 1
    assert settled(dialog)
    assert dialog.status.text() == f"“{word}”: 1 position found."
    results = dialog.results
    assert results.rowCount() == 1 and results.item(0, 0).text() == project
    assert results.item(0, 2).text() == f"{word}主管"
    dialog.projects.setCurrentRow(-1)
    dialog.show_hit(0)
    assert settled(dialog)
    selected = dialog.selected_version()
    assert selected is not None and selected.id == origin.version
    dialog.reject()


def test_enter_searches_in_the_search_field_and_connects_in_the_address(
        open_window: OpenWindow, cluster: Cluster) -> None:  # noqa: F811
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = open_window("call_center_chart")
    dialog = open_dialog(window, cluster.url())
    dialog.activateWindow()  # as a click on it would: keys go to the dialog, not the window
    assert wait_for(lambda: QApplication.activeWindow() is dialog)
    dialog.url_edit.setFocus()
    QTest.keyClick(dialog.url_edit, Qt.Key.Key_Return)
    assert settled(dialog) and dialog.library is not None, dialog.status.text()
    dialog.tabs.setCurrentIndex(1)
    dialog.search_edit.setText("不会有的词")
    dialog.search_edit.setFocus()
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert settled(dialog)
    assert dialog.isVisible() and dialog.library is not None
    assert dialog.status.text() == "“不会有的词”: 0 positions found."
    # Enter in the publish fields presses no button (it reconnected, through the
    # default button, dropping what was listed).
    for edit in (dialog.project_edit, dialog.message_edit):
        edit.setFocus()
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert not dialog.running and dialog.isVisible()
        assert dialog.status.text() == "“不会有的词”: 0 positions found."
    dialog.reject()


def test_a_refused_login_is_said_in_the_interface_language(
        orgdesk: OrgdeskApp, sample_copy: Callable[..., Path],
        cluster: Cluster) -> None:  # noqa: F811
    """The sentence is made on the library thread, in the window's language."""
    orgdesk.set_language("zh_CN")
    try:
        window = orgdesk.open_path(sample_copy("call_center_chart"))
        assert window is not None
        dialog = open_dialog(window, cluster.url(password="wrong"))
        click(dialog, "teamLibraryConnect")
        assert settled(dialog)
        assert "上的团队库不接受您的用户名或密码" in dialog.status.text(), dialog.status.text()
        assert "did not accept" not in dialog.status.text()
        dialog.reject()
    finally:
        orgdesk.set_language("en")


def test_a_paused_server_leaves_the_dialog_live_and_cancel_works(
        open_window: OpenWindow, cluster: Cluster) -> None:  # noqa: F811
    """The library's server process stops answering mid-session (paused, as a server
    under a debugger or swapped out would): the window goes on, Cancel works, and once
    the server goes on the abandoned call ends without a word."""
    import os
    import signal

    window = open_window("call_center_chart")
    dialog = open_dialog(window, cluster.url())
    click(dialog, "teamLibraryConnect")
    assert settled(dialog) and dialog.library is not None
    with dialog.library.engine.connect() as connection:  # the one the next call takes
        raw = connection.connection.driver_connection
        assert raw is not None
        backend = raw.info.backend_pid
    os.kill(backend, signal.SIGSTOP)
    resume = threading.Timer(8, os.kill, (backend, signal.SIGCONT))  # never left paused
    resume.start()
    try:
        dialog.tabs.setCurrentIndex(1)
        dialog.search_edit.setText("主管")
        assert click(dialog, "teamSearch") < 1
        assert ticks_while(lambda: dialog.running, 1.0) >= 20 and dialog.running
        call = dialog.call
        dialog.findChild(QPushButton, "teamLibraryCancel").click()
        assert not dialog.running and dialog.status.text() == "The search was cancelled."
        assert dialog.search_button.isEnabled()
    finally:
        os.kill(backend, signal.SIGCONT)
        resume.cancel()
    assert wait_for(lambda: call not in jobs._running, timeout=20)
    QApplication.processEvents()
    assert dialog.status.text() == "The search was cancelled."
    click(dialog, "teamSearch")  # the server is back: the same search goes through
    assert settled(dialog) and dialog.status.text().startswith("“主管”: "), \
        dialog.status.text()
    dialog.reject()
