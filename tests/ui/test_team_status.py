"""The status bar's team library state of a pulled document: hidden for a local one,
"Team library: P @ version N" when the library answers, a newer version named, "offline"
when it does not, and a server that never answers does not hold the window up."""
from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from orgdesk.core.settings import TEAM_ORIGIN_SETTING
from orgdesk.samples import template_organisation
from orgdesk.team.documents import Origin
from orgdesk.team.library import Library
from orgdesk.ui import jobs
from orgdesk.ui.main_window import MainWindow
from orgdesk.ui.team_status import TeamStatusLabel
from tests.team.cluster import Cluster
from tests.team.conftest import cluster  # noqa: F401  # the session's server, for this module
from tests.ui.conftest import wait_for

pytestmark = pytest.mark.gui


def _label(window: MainWindow) -> TeamStatusLabel:
    found = window.findChild(TeamStatusLabel, "teamLibraryStatusLabel")
    assert found is not None
    return found


def _pull(window: MainWindow, server: str, project: str, version: int) -> None:
    origin = Origin(server, project, version).to_setting()
    window.controller.execute("origin", lambda s: s.set_setting(TEAM_ORIGIN_SETTING, origin))


def _settled(label: TeamStatusLabel) -> bool:
    return label.job is not None and label.job not in jobs._running \
        and "checking" not in label.text()


def test_connected_newer_and_local(open_window: Callable[..., MainWindow],
                                   cluster: Cluster) -> None:  # noqa: F811
    project = f"状态 {uuid.uuid4().hex[:6]}"
    with Library.open(cluster.url()) as library:
        first = library.publish(template_organisation("call_center_chart"), project, "v1")
        server = library.address.shown
    window = open_window("call_center_chart")
    label = _label(window)
    assert label.isHidden()  # a local document
    _pull(window, server, project, first.version.id)
    assert wait_for(lambda: _settled(label), timeout=20)
    assert label.text() == f"Team library: {project} @ version {first.version.id}"
    assert label.isVisible()
    with Library.open(cluster.url()) as library:
        newer = library.publish(template_organisation("bank_service_center"), project, "v2",
                                base=first.version.id)
    label.refresh(force=True)
    assert wait_for(lambda: _settled(label), timeout=20)
    assert label.text().endswith(f"; version {newer.version.id} is newer")
    window.controller.undo_stack.undo()  # the origin goes: a local document again
    assert label.isHidden()


def test_an_unreachable_library_is_offline(open_window: Callable[..., MainWindow],
                                           tmp_path: Path) -> None:
    window = open_window("call_center_chart")
    label = _label(window)
    _pull(window, f"postgresql://nobody@/orgdesk?host={tmp_path}&port=5999", "项目X", 3)
    assert wait_for(lambda: _settled(label), timeout=20)
    assert label.text() == "Team library: 项目X @ version 3 (offline; edits not counted)"


def test_a_server_that_never_answers_does_not_block_the_window(
        open_window: Callable[..., MainWindow]) -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the connection and then says nothing
    port = silent.getsockname()[1]
    try:
        window = open_window("call_center_chart")
        label = _label(window)
        began = time.monotonic()
        _pull(window, f"postgresql://nobody@127.0.0.1:{port}/orgdesk", "项目X", 3)
        assert time.monotonic() - began < 2  # the window went on at once
        assert "checking" in label.text()
        assert not wait_for(lambda: _settled(label), timeout=0.5)  # still waiting
    finally:
        silent.close()
    # The server gone, the attempt ends (well before the connect timeout) as offline.
    assert wait_for(lambda: _settled(label), timeout=20)
    assert label.text().endswith("(offline; edits not counted)")
