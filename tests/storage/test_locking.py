"""The document's own lock, changes on disk, and saves racing each other.

Every second opener of the same file (same path, a symlink, a hard link, a
second state folder, a second user) gets FileInUse with one sentence; Save
refuses to overwrite a file another program changed; two processes writing
the same target never break each other's save.
"""
from __future__ import annotations

import os
import pwd
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from orgdesk.core.model import PositionId
from orgdesk.services.editor import DocumentService
from orgdesk.storage import locks
from orgdesk.storage.document import DocumentFile, create_file
from orgdesk.storage.errors import FileChangedOnDisk, FileInUse, name_of
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.recovery import scan_sessions
from tests.storage.conftest import Child
from tests.storage.support import file_state, hostile_org, integrity, listing

Spawn = Callable[..., Child]
IN_USE = ("{file} is already open in another orgdesk (another window, another user or "
          "another computer).")


@pytest.fixture
def chart(tmp_path: Path, small_file_bytes: bytes) -> Path:
    folder = tmp_path / "client"
    folder.mkdir()
    path = folder / "chart.orgdesk"
    path.write_bytes(small_file_bytes)
    return path


# ------------------------------------------------------- second openers, two processes
def _other_name(chart: Path, how: str) -> Path:
    if how == "same path":
        return chart
    other = chart.parent.parent / "elsewhere" / ("link.orgdesk" if how != "hard link"
                                                 else "hard.orgdesk")
    other.parent.mkdir(exist_ok=True)
    if how == "symlink":
        other.symlink_to(chart)
    else:
        os.link(chart, other)
    return other


@pytest.mark.slow
@pytest.mark.parametrize("how", ["symlink", "hard link", "same path"])
def test_a_second_state_folder_cannot_open_the_same_file(
        how: str, chart: Path, tmp_path: Path, spawn: Spawn) -> None:
    """Another orgdesk with its own state folder (another account, a shared network folder)."""
    before = file_state(chart)
    child = spawn("hold", chart, env={"ORGDESK_STATE_DIR": str(tmp_path / "other state")})
    child.wait_for("ready")
    other = _other_name(chart, how)
    for recover in (None, True, False):
        with pytest.raises(FileInUse) as caught:
            DocumentFile.open(other, recover=recover)
        assert str(caught.value) == IN_USE.format(file=name_of(other))
    assert scan_sessions().candidates == []
    child.kill()
    with DocumentFile.open(other) as doc:  # the lock died with the process
        assert doc.lock_held
        assert doc.load().snapshot() == hostile_org().snapshot()
    assert file_state(chart) == before


@pytest.mark.slow
@pytest.mark.parametrize("how", ["symlink", "hard link"])
def test_another_name_in_the_same_state_folder_cannot_open_it(
        how: str, chart: Path, spawn: Spawn) -> None:
    child = spawn("hold", chart)
    child.wait_for("ready")
    other = _other_name(chart, how)
    with pytest.raises(FileInUse) as caught:
        DocumentFile.open(other)
    # A symlink resolves to the same session folder, whose owner is known by pid.
    assert str(caught.value) in (IN_USE.format(file=name_of(other)), (
        f"{name_of(other)} is already open in another orgdesk window (process {child.proc.pid})."))
    child.kill()


def test_one_process_cannot_open_a_file_twice_through_a_hard_link(chart: Path) -> None:
    other = _other_name(chart, "hard link")
    with DocumentFile.open(chart) as doc:
        with pytest.raises(FileInUse, match="already open"):
            DocumentFile.open(other)
        DocumentService(doc).edit_position(PositionId(3), notes="saved once")
        doc.save()  # the new file is locked too: the lock moved with the save
        again = chart.with_name("linked after the save.orgdesk")
        os.link(chart, again)
        with pytest.raises(FileInUse, match="already open"):
            DocumentFile.open(again)
    with DocumentFile.open(chart) as doc:
        assert doc.load().position(PositionId(3)).notes == "saved once"


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder both root and another account can use (tmp_path is private to root)."""
    if os.geteuid() != 0:
        pytest.skip("a second user needs root to start a process as another account")
    folder = Path(tempfile.mkdtemp(prefix="orgdesk-shared-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
def test_a_second_user_cannot_open_the_same_file(shared_folder: Path, small_file_bytes: bytes,
                                                 spawn: Spawn) -> None:
    path = shared_folder / "team chart.orgdesk"
    path.write_bytes(small_file_bytes)
    path.chmod(0o666)
    child = spawn("hold", path, env={"ORGDESK_TEST_BECOME": "nobody",
                                     "ORGDESK_STATE_DIR": str(shared_folder / "nobody-state")})
    child.wait_for("ready")
    assert (shared_folder / "nobody-state").stat().st_uid == pwd.getpwnam("nobody").pw_uid
    with pytest.raises(FileInUse) as caught:
        DocumentFile.open(path)
    assert str(caught.value) == IN_USE.format(file=name_of(path))
    child.kill()
    with DocumentFile.open(path) as doc:
        assert doc.lock_held


def test_a_filesystem_without_locks_opens_and_says_so(chart: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def unsupported(fd: int, exclusive: bool) -> bool:
        raise locks.LockUnsupported(37, "No locks available")

    monkeypatch.setattr(locks, "_lock_fd", unsupported)
    with DocumentFile.open(chart) as doc:
        assert not doc.lock_held
        [notice] = doc.notices
        assert notice == (f"{name_of(chart)} is on a drive that cannot be locked: orgdesk "
                          "cannot stop another program or user from editing it at the same time.")
        DocumentService(doc).edit_position(PositionId(3), notes="still saves")
        doc.save()
    assert read_organisation(chart).position(PositionId(3)).notes == "still saves"


# ------------------------------------------------------------- changed on disk
def _replace_by_another_program(path: Path, title: str) -> None:
    org = hostile_org()
    org.info = replace(org.info, title=title)
    other = path.with_name("other program.orgdesk")
    create_file(other, org)
    os.replace(other, path)


def _edit_in_place(path: Path) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("UPDATE positions SET notes = 'sqlite3 CLI' WHERE id = 3")


@pytest.mark.parametrize("change", ["replaced", "edited in place", "copied over"])
def test_save_refuses_to_overwrite_a_change_made_on_disk(chart: Path, change: str) -> None:
    doc = DocumentFile.open(chart)
    try:
        service = DocumentService(doc)
        service.edit_position(PositionId(3), notes="mine")
        if change == "replaced":
            _replace_by_another_program(chart, "theirs")
        elif change == "edited in place":
            _edit_in_place(chart)
        else:  # cp over it: same inode, new bytes
            theirs = chart.with_name("theirs.orgdesk")
            _replace_by_another_program(theirs, "theirs")
            shutil.copyfile(theirs, chart)
            theirs.unlink()
        before = file_state(chart)
        with pytest.raises(FileChangedOnDisk) as caught:
            doc.save()
        assert str(caught.value) == (
            f"{name_of(chart)} was changed by another program since orgdesk opened or last "
            "saved it; saving would overwrite those changes.")
        assert file_state(chart) == before and doc.modified
        assert listing(chart.parent) == ["chart.orgdesk"]
        # Save As elsewhere keeps both; or the user chooses to overwrite.
        doc.save(overwrite=True)
        assert not doc.modified
        assert read_organisation(chart).position(PositionId(3)).notes == "mine"
        service.edit_position(PositionId(3), notes="mine again")
        doc.save()  # our own save is not "a change by another program"
    finally:
        doc.close()
    assert read_organisation(chart).position(PositionId(3)).notes == "mine again"


def test_a_change_on_disk_is_noticed_after_recovery_too(chart: Path) -> None:
    doc = DocumentFile.open(chart)
    DocumentService(doc).edit_position(PositionId(3), notes="before the crash")
    doc.engine.dispose()
    doc._replace_lock(None)
    doc._session_folder.release(remove=False)
    _replace_by_another_program(chart, "changed while orgdesk was down")
    recovered = DocumentFile.open(chart, recover=True)
    try:
        with pytest.raises(FileChangedOnDisk):
            recovered.save()
    finally:
        recovered.close()


def test_a_deleted_file_is_simply_saved_again(chart: Path) -> None:
    with DocumentFile.open(chart) as doc:
        chart.unlink()
        doc.save()
    assert integrity(chart) == [("ok",)]


# -------------------------------------------------- temporaries and racing saves
def test_only_abandoned_temporary_files_are_removed(chart: Path) -> None:
    folder = chart.parent
    dead = folder / ".chart.orgdesk.0123456789ab.saving"
    dead.write_bytes(b"half a save")
    (folder / (dead.name + "-journal")).write_bytes(b"its journal")
    orphan_journal = folder / ".chart.orgdesk.ffffffffffff.saving-journal"
    orphan_journal.write_bytes(b"journal of a removed file")
    live_path = folder / ".chart.orgdesk.aaaaaaaaaaaa.saving"
    live = locks.create_locked(live_path)  # another save, in progress
    assert live is not None
    (folder / (live_path.name + "-journal")).write_bytes(b"live journal")
    try:
        with DocumentFile.open(chart) as doc:
            DocumentService(doc).edit_position(PositionId(3), notes="x")
            doc.save()
        assert listing(folder) == sorted(["chart.orgdesk", live_path.name,
                                          live_path.name + "-journal"])
    finally:
        live.release()
    create_file(folder / "chart.orgdesk.copy", hostile_org())  # other names are not touched
    assert live_path.exists()


@pytest.mark.slow
def test_two_processes_saving_the_same_target_never_break_each_other(
        tmp_path: Path, spawn: Spawn) -> None:
    target = tmp_path / "race" / "shared.orgdesk"
    target.parent.mkdir()
    rounds = 120
    children = [spawn("write-loop", target, rounds, tag) for tag in ("A", "B")]
    seen: set[str] = set()
    reads = 0
    while any(c.proc.poll() is None for c in children):
        if target.exists():
            # Whatever instant we look, the file is one complete save of A or of B.
            seen.add(read_organisation(target).info.title)
            reads += 1
        time.sleep(0.01)
    for child in children:
        assert child.proc.returncode == 0, child.stderr.read_text()[-3000:]
        lines = child.lines()
        assert [line for line in lines if line.startswith("failed")] == []
        assert len([line for line in lines if line.startswith("wrote")]) == rounds
    assert seen <= {"A", "B"} and reads > 10
    assert integrity(target) == [("ok",)]
    assert read_organisation(target).info.title in {"A", "B"}
    assert listing(target.parent) == ["shared.orgdesk"]
