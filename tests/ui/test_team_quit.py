"""Quitting orgdesk while a team library call waits for a server that never answers
(review defect 1): the process ends at once, not after the 10 s connect timeout, with
no traceback and no file written or left half-written.

A real orgdesk process (tests/ui/team_quit_child.py) on a copy of a sample; the
"server" is a socket that accepts connections and never says a word.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orgdesk.paths import sample_orgs_dir
from orgdesk.storage.reading import read_organisation
from orgdesk.team.connection import CONNECT_TIMEOUT
from orgdesk.team.documents import Origin, TeamDocument, with_origin, write_document
from tests.ui.test_team_library_calls import silent_server

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _quit_while_waiting(tmp_path: Path, case: str, url: str, document: Path) -> float:
    """Seconds from closing the window to the end of the process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               ORGDESK_STATE_DIR=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               HOME=str(tmp_path / "home"))
    env.pop("ORGDESK_LIBRARY_URL", None)
    child = subprocess.Popen([sys.executable, "-m", "tests.ui.team_quit_child", str(document),
                              case, url], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        lines = []
        for line in child.stdout:
            lines.append(line.strip())
            if line.strip() == "closing":
                break
        closed = time.monotonic()
        assert lines[-1:] == ["closing"], (lines, child.stderr.read() if child.stderr else "")
        assert "nothing waits for the server" not in lines  # the call was really pending
        try:
            _output, errors = child.communicate(timeout=3 * CONNECT_TIMEOUT)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            pytest.fail("orgdesk kept running after its window was closed")
        ended = time.monotonic() - closed
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 0, errors
    assert "Traceback" not in errors and "Error calling Python" not in errors, errors
    assert "Signal source has been deleted" not in errors, errors
    print(f"{case}: ended {ended:.2f} s after the window closed")
    return ended


def test_quitting_during_a_connect_ends_the_process_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    document = folder / "centre.orgdesk"
    shutil.copyfile(sample_orgs_dir() / "call_center_chart.orgdesk", document)
    before = _files(folder)
    with silent_server() as url:
        ended = _quit_while_waiting(tmp_path, "dialog", url, document)
    # Not the connect timeout (10 s): the pending call was given up.
    assert ended < CONNECT_TIMEOUT / 2
    assert _files(folder) == before  # nothing written beside the document, nothing changed
    assert not list((tmp_path / "state").rglob("*.part"))


def test_quitting_while_the_status_bar_asks_the_library_ends_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    document = folder / "pulled.orgdesk"
    org = read_organisation(sample_orgs_dir() / "call_center_chart.orgdesk")
    with silent_server() as url:
        write_document(document, TeamDocument.single(with_origin(org, Origin(
            url, "项目X", 3))))
        before = _files(folder)
        ended = _quit_while_waiting(tmp_path, "status", url, document)
    assert ended < CONNECT_TIMEOUT / 2
    assert _files(folder) == before
    assert not list((tmp_path / "state").rglob("*.part"))
