"""Kill a real orgdesk process (SIGKILL) during saves and edits, then look at the files.

The child is `crash_child.py`, run with the venv's interpreter and this test's
ORGDESK_STATE_DIR.  SIGKILL runs no cleanup at all, like a power cut for the
process (not for the OS page cache: see SQLite's atomiccommit.html).
"""
from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from orgdesk import files
from orgdesk.core.model import PositionId
from orgdesk.services.editor import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import FileInUse, RecoveryAvailable, name_of
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.recovery import find_recoverable
from orgdesk.storage.session import session_key, sessions_dir
from tests.storage.conftest import Child
from tests.storage.crash_child import expected_after, iteration_of, unsaved_edit
from tests.storage.support import big_org, file_state, hostile_org, integrity

pytestmark = pytest.mark.slow

Spawn = Callable[..., Child]


def _numbers(lines: list[str]) -> list[tuple[str, int]]:
    return [(word, int(n)) for word, n in (line.split() for line in lines)]


def _wait_for_saving(child: Child, after: int, timeout: float = 60.0) -> None:
    """Return as soon as the child reports it is starting save number > `after`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(w == "saving" and n > after for w, n in _numbers(child.lines())):
            return
        if child.proc.poll() is not None:
            pytest.fail(f"child died: {child.stderr.read_text()[-2000:]}")
        time.sleep(0.0005)
    pytest.fail("child made no progress")


def test_killing_a_save_leaves_the_previous_or_the_new_file(
        tmp_path: Path, spawn: Spawn, big_file_bytes: bytes) -> None:
    path = tmp_path / "big.orgdesk"
    path.write_bytes(big_file_bytes)
    base = big_org()
    rng = random.Random(20240611)
    mid_save_kills = 0
    total_saves = 0
    round_number = 0
    # At least 6 kills, and keep going (up to 14) until 2 of them landed inside a save.
    while round_number < 6 or (mid_save_kills < 2 and round_number < 14):
        child = spawn("save-loop", path)
        start = int(child.wait_for("start ").split()[1])
        if round_number % 2:
            # Kill at an arbitrary moment of the edit/save loop.
            time.sleep(rng.uniform(0.05, 0.6))
        else:
            # Kill a few milliseconds into a save (VACUUM INTO, fsync or rename).
            _wait_for_saving(child, start + rng.randrange(0, 3))
            time.sleep(rng.uniform(0.0, 0.02))
        child.kill()

        events = _numbers(child.lines())
        assert events[0] == ("start", start)
        saves = [n for word, n in events if word == "saving"]
        total_saves += len([1 for word, _ in events if word == "saved"])
        # The file holds the last save that began or, if that one was cut short,
        # the one before it (the previous save of this round, or the starting state).
        allowed = {start} if not saves else {saves[-1], saves[-2] if len(saves) > 1 else start}
        if events[-1][0] == "saving":
            mid_save_kills += 1

        assert integrity(path) == [("ok",)], f"round {round_number}"
        loaded = read_organisation(path)
        k = iteration_of(loaded.info.title)
        assert k in allowed, (round_number, k, events[-3:])
        title, positions = expected_after(base, k)
        assert loaded.info.title == title
        assert loaded.snapshot()[2] == positions
        assert loaded.snapshot()[1] == () and loaded.snapshot()[3] == ()
        # The next round's child opens the file itself, like a restarted orgdesk.
        round_number += 1
    assert total_saves > 0
    assert mid_save_kills > 0, "no kill landed inside a save"
    # A killed save may leave its hidden temporary file; it is never the document.
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".saving"))
    for name in leftovers:
        assert name.startswith(files.TEMPORARY_PREFIX), name
    with DocumentFile.open(path, recover=False) as doc:
        assert iteration_of(doc.load().info.title) >= 0


@pytest.mark.parametrize("how", ["recover=True", "recover=False", "recover(key)"])
def test_a_killed_session_offers_every_committed_edit_for_recovery(
        how: str, tmp_path: Path, spawn: Spawn, small_file_bytes: bytes) -> None:
    path = tmp_path / "客户 chart.orgdesk"
    path.write_bytes(small_file_bytes)
    before = file_state(path)
    edits = 7

    # What the edits give when made (and kept) in this process, on a copy.
    reference = tmp_path / "reference.orgdesk"
    shutil.copyfile(path, reference)
    with DocumentFile.open(reference) as doc:
        service = DocumentService(doc)
        for i in range(1, edits + 1):
            unsaved_edit(service, i)
        expected = doc.load().snapshot()
    assert expected != hostile_org().snapshot()

    child = spawn("edits", path, edits)
    child.wait_for("ready")
    child.kill()

    found = find_recoverable()
    assert [r.document for r in found] == [path]
    assert found[0].key == session_key(path)
    assert time.time() - found[0].last_edit.timestamp() < 120
    assert file_state(path) == before  # edits never reach the user's file unsaved

    with pytest.raises(RecoveryAvailable) as caught:
        DocumentFile.open(path)
    assert name_of(path) in str(caught.value) and "unsaved changes" in str(caught.value)
    assert [r.document for r in find_recoverable()] == [path]  # asking did not lose them

    if how == "recover=True":
        doc = DocumentFile.open(path, recover=True)
    elif how == "recover(key)":
        doc = DocumentFile.recover(found[0].key)
        assert doc.path == path
    else:
        doc = DocumentFile.open(path, recover=False)
    try:
        loaded = doc.load()
        if how == "recover=False":
            assert loaded.snapshot() == hostile_org().snapshot()
            assert not doc.modified
        else:
            assert loaded.snapshot() == expected
            titles = [p.title for p in loaded.direct_reports(PositionId(1))]
            assert titles[-edits:] == [f"未保存 unsaved {i}" for i in range(1, edits + 1)]
            assert doc.modified  # recovered edits are still unsaved
        assert file_state(path) == before
        doc.save()
        assert not doc.modified
    finally:
        doc.close()
    saved = read_organisation(path)
    assert saved.snapshot()[1:] == (expected if how != "recover=False"
                                    else hostile_org().snapshot())[1:]
    assert find_recoverable() == []
    assert not (sessions_dir() / session_key(path)).exists()


def test_the_lock_refuses_a_second_process_and_dies_with_the_first(
        tmp_path: Path, spawn: Spawn, small_file_bytes: bytes) -> None:
    path = tmp_path / "shared drive" / "chart.orgdesk"
    path.parent.mkdir()
    path.write_bytes(small_file_bytes)
    before = file_state(path)

    child = spawn("hold", path)
    child.wait_for("ready")
    for recover in (None, True, False):
        with pytest.raises(FileInUse) as caught:
            DocumentFile.open(path, recover=recover)
        message = str(caught.value)
        assert message == (f"{name_of(path)} is already open in another orgdesk window "
                           f"(process {child.proc.pid}).")
    assert find_recoverable() == []  # a live session is never offered for recovery
    assert (sessions_dir() / session_key(path) / "working.orgdesk").is_file()
    assert file_state(path) == before

    child.kill()
    assert child.proc.returncode == -9
    with DocumentFile.open(path) as doc:  # no "in use", no stale lock to clear by hand
        assert not doc.modified
        assert doc.load().snapshot() == hostile_org().snapshot()
    assert file_state(path) == before
