"""Kills during open and recovery: the session folder is consistent at any instant.

A recovery candidate is only ever a complete working copy with real unsaved
edits, validated like any untrusted file; a damaged one is set aside (kept,
not offered) and the user is told in one sentence.
"""
from __future__ import annotations

import json
import random
import shutil
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from orgdesk.services.editor import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import CorruptFile, RecoveryAvailable, name_of
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.recovery import find_recoverable, scan_sessions
from orgdesk.storage.session import (
    INFO_NAME,
    WORKING_NAME,
    session_key,
    sessions_dir,
    set_aside_dir,
)
from tests.storage.conftest import Child
from tests.storage.crash_child import unsaved_edit
from tests.storage.support import abandon, file_state, hostile_org

Spawn = Callable[..., Child]


@pytest.fixture
def chart(tmp_path: Path, small_file_bytes: bytes) -> Path:
    path = tmp_path / "客户 chart.orgdesk"
    path.write_bytes(small_file_bytes)
    return path


def _leave_session(path: Path, edits: int) -> Path:
    """An orgdesk opened `path`, made `edits` edits and died; returns its session folder."""
    doc = DocumentFile.open(path, recover=False)
    service = DocumentService(doc)
    for i in range(1, edits + 1):
        unsaved_edit(service, i)
    abandon(doc)
    return sessions_dir() / session_key(path)


def _session_json(folder: Path) -> dict[str, object]:
    return json.loads((folder / INFO_NAME).read_text("utf-8"))


# ------------------------------------------------- the states a kill used to leave
def test_an_empty_working_copy_beside_an_old_session_json_is_not_offered(chart: Path) -> None:
    """The adversarial run's crash loop: 0-byte working copy, older session.json."""
    folder = _leave_session(chart, edits=0)
    (folder / WORKING_NAME).write_bytes(b"")
    assert find_recoverable() == []
    assert not folder.exists()  # nothing in it could hold an edit
    with DocumentFile.open(chart) as doc:  # no RecoveryAvailable, no OperationalError
        assert doc.load().snapshot() == hostile_org().snapshot()
        assert doc.notices == []


@pytest.mark.parametrize("damage", ["truncated", "garbage page", "not sqlite", "no tables"])
def test_a_damaged_working_copy_is_set_aside_not_offered(chart: Path, damage: str) -> None:
    folder = _leave_session(chart, edits=3)
    working = folder / WORKING_NAME
    data = bytearray(working.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "garbage page":
        page = int.from_bytes(data[16:18], "big")
        data[page * 2: page * 3] = random.Random(7).randbytes(page)
    elif damage == "not sqlite":
        data = bytearray(b"<html>" + b"x" * 5000)
    else:  # orgdesk's header, then nothing: one empty page, no tables at all
        page = int.from_bytes(data[16:18], "big")
        data = data[:100] + bytearray(page - 100)
        data[28:32] = (1).to_bytes(4, "big")
    working.write_bytes(bytes(data))
    kept = bytes(data)

    scan = scan_sessions()
    assert scan.candidates == []
    [aside] = scan.set_aside
    assert aside.document == chart
    assert str(aside.sentence) == (
        f"The unsaved changes to {name_of(chart)} could not be recovered because orgdesk's "
        f"working copy of them is damaged; it was kept in {aside.kept_in}.")
    assert aside.kept_in.parent == set_aside_dir()
    assert (aside.kept_in / WORKING_NAME).read_bytes() == kept  # kept for an expert, unchanged
    assert not folder.exists()
    assert find_recoverable() == [] and scan_sessions().set_aside == []  # told once
    with DocumentFile.open(chart) as doc:
        assert doc.load().snapshot() == hostile_org().snapshot()


def test_opening_a_file_whose_working_copy_is_damaged_says_so_once(chart: Path) -> None:
    folder = _leave_session(chart, edits=2)
    (folder / WORKING_NAME).write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    with DocumentFile.open(chart) as doc:  # opens the user's file, not the damaged copy
        assert doc.load().snapshot() == hostile_org().snapshot()
        [notice] = doc.notices
        assert "could not be recovered" in notice and name_of(chart) in notice
    assert len(list(set_aside_dir().iterdir())) == 1
    with DocumentFile.open(chart) as doc:
        assert doc.notices == []


def test_recovering_a_copy_damaged_after_the_scan_is_a_sentence(chart: Path) -> None:
    folder = _leave_session(chart, edits=2)
    [found] = find_recoverable()
    (folder / WORKING_NAME).write_bytes(b"SQLite format 3\x00" + b"\x00" * 300)
    with pytest.raises(CorruptFile, match="could not be recovered"):
        DocumentFile.recover(found.key)
    assert find_recoverable() == []


def test_a_completed_save_is_not_offered_again(chart: Path) -> None:
    """Killed between Save's rename and the bookkeeping after it: nothing is unsaved."""
    doc = DocumentFile.open(chart)
    service = DocumentService(doc)
    unsaved_edit(service, 1)
    folder = sessions_dir() / session_key(chart)
    original_mark = DocumentFile._mark_saved
    DocumentFile._mark_saved = lambda self: None  # type: ignore[method-assign]  # the test replaces the method for one run
    try:
        doc.save()
    finally:
        DocumentFile._mark_saved = original_mark  # type: ignore[method-assign]  # the test replaces the method for one run
    assert _session_json(folder)["saving"]
    abandon(doc)
    assert find_recoverable() == []


# ---------------------------------------------------------------- real kills
def _run(spawn: Spawn, path: Path, how: str, kill_at: int) -> Child:
    child = spawn("open-kill", path, how, env={"ORGDESK_TEST_KILL_AT": str(kill_at)})
    child.wait(timeout=120)
    assert child.proc.returncode in (0, -signal.SIGKILL), child.stderr.read_text()[-3000:]
    return child


def _kill_points(spawn: Spawn, path: Path, how: str,
                 after_each: Callable[[int, Child], None], limit: int = 80,
                 until_ready: bool = False) -> int:
    """Kill an opening child before each of its file-changing steps in turn.

    Until it runs to the end, or (`until_ready`) until it finished opening.
    """
    for kill_at in range(1, limit):
        child = _run(spawn, path, how, kill_at)
        after_each(kill_at, child)
        if child.proc.returncode == 0 or (until_ready and any(
                line.startswith("ready") for line in child.lines())):
            return kill_at
    pytest.fail(f"the open still had steps left after {limit} kills")


def _fresh_start_is_clean(path: Path, before: tuple[bytes, int, int]) -> None:
    """What a new orgdesk start does: look for recoverable copies, then open the file."""
    scan = scan_sessions()
    assert scan.candidates == [] and scan.set_aside == []
    with DocumentFile.open(path) as doc:  # never RecoveryAvailable, never a traceback
        assert doc.load().snapshot() == hostile_org().snapshot()
        assert not doc.modified and doc.notices == []
    assert file_state(path) == before


@pytest.mark.slow
def test_a_kill_at_any_step_of_opening_leaves_a_clean_start(chart: Path, spawn: Spawn) -> None:
    before = file_state(chart)
    kills: list[int] = []

    def check(kill_at: int, child: Child) -> None:
        if child.proc.returncode != 0:
            kills.append(kill_at)
        _fresh_start_is_clean(chart, before)
        # The next round starts with a session left by an earlier normal open too.
        if kill_at % 3 == 0:
            _leave_session(chart, edits=0)

    steps = _kill_points(spawn, chart, "none", check)
    assert len(kills) == steps - 1 >= 5
    assert not sessions_dir().exists() or list(sessions_dir().iterdir()) == []


@pytest.mark.slow
def test_a_kill_while_recovering_loses_no_edit(chart: Path, spawn: Spawn) -> None:
    _leave_session(chart, edits=4)
    [found] = find_recoverable()
    doc = DocumentFile.recover(found.key)
    expected = doc.load().snapshot()
    abandon(doc)
    assert expected != hostile_org().snapshot()

    def check(kill_at: int, child: Child) -> None:
        if any(line.startswith("ready") for line in child.lines()):
            # It recovered, then closed its window without saving, which drops the
            # edits by design; leave them behind again for the next kill point.
            _leave_session(chart, edits=4)
            return
        [again] = find_recoverable()
        assert again.document == chart
        with pytest.raises(RecoveryAvailable):
            DocumentFile.open(chart)

    _kill_points(spawn, chart, "recover", check, until_ready=True)

    _leave_session(chart, edits=4)

    def check_discard(kill_at: int, child: Child) -> None:
        # Discarding was asked for: afterwards the edits are either still offered
        # whole, or gone; never half, never a damaged copy.
        scan = scan_sessions()
        assert scan.set_aside == []
        if scan.candidates:
            doc = DocumentFile.open(chart, recover=True)
            assert doc.load().snapshot() == expected
            abandon(doc)

    _kill_points(spawn, chart, "discard", check_discard, until_ready=True)


@pytest.mark.slow
def test_a_kill_during_the_start_up_scan_never_loses_edits(chart: Path, tmp_path: Path,
                                                          spawn: Spawn) -> None:
    other = tmp_path / "other.orgdesk"
    shutil.copyfile(chart, other)
    _leave_session(chart, edits=3)
    damaged = _leave_session(other, edits=1)
    (damaged / WORKING_NAME).write_bytes(b"SQLite format 3\x00" + b"\x01" * 500)

    def check(kill_at: int, child: Child) -> None:
        scan = scan_sessions()
        assert [c.document for c in scan.candidates] == [chart]
        assert len(scan.set_aside) <= 1  # set aside by this scan unless the child finished it
        doc = DocumentFile.open(chart, recover=True)
        assert len(doc.load()) == len(hostile_org()) + 3
        abandon(doc)
        damaged.mkdir(parents=True, exist_ok=True)
        if not (damaged / WORKING_NAME).exists():  # put the damaged one back for the next kill
            (damaged / WORKING_NAME).write_bytes(b"SQLite format 3\x00" + b"\x01" * 500)
            (damaged / INFO_NAME).write_text(json.dumps(
                {"document": str(other), "saved_counter": 0, "started": ""}), "utf-8")

    _kill_points(spawn, chart, "scan", check)
    assert len(list(set_aside_dir().iterdir())) >= 1


@pytest.mark.slow
def test_kills_at_random_moments_of_a_big_open(tmp_path: Path, spawn: Spawn,
                                               big_file_bytes: bytes) -> None:
    """Kills inside SQLite's own work (the copy, the fsync), which the step hook cannot reach."""
    path = tmp_path / "big.orgdesk"
    path.write_bytes(big_file_bytes)
    rng = random.Random(20261203)
    expected = read_organisation(path).snapshot()
    for _round in range(8):
        child = spawn("open-kill", path, "none")
        time.sleep(rng.uniform(0.2, 1.5))
        child.kill()
        scan = scan_sessions()
        assert scan.candidates == [] and scan.set_aside == []
        with DocumentFile.open(path) as doc:
            assert doc.load().snapshot() == expected
