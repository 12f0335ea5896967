"""Save and Save As: atomic replacement, refusals that leave files intact, `modified`."""
from __future__ import annotations

import json
import os
import shutil
import stat
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from orgdesk.core.model import PositionId
from orgdesk.services.editor import DocumentService
from orgdesk.storage.document import DocumentFile, create_file
from orgdesk.storage.errors import FileInUse, ReadOnlyFile, SaveFailed, name_of
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.recovery import find_recoverable
from orgdesk.storage.session import session_key, sessions_dir
from tests.storage.conftest import Child
from tests.storage.support import (
    file_state,
    hostile_org,
    integrity,
    listing,
    side_files,
)


@pytest.fixture
def chart(tmp_path: Path, small_file_bytes: bytes) -> Path:
    folder = tmp_path / "client"
    folder.mkdir()
    path = folder / "chart.orgdesk"
    path.write_bytes(small_file_bytes)
    return path


@pytest.fixture
def restore_modes() -> Iterator[list[Path]]:
    """Paths whose permissions a test changed; made writable again at teardown."""
    paths: list[Path] = []
    yield paths
    for path in paths:
        if path.exists():
            path.chmod(0o755 if path.is_dir() else 0o644)


def _edited(path: Path) -> tuple[DocumentFile, DocumentService]:
    doc = DocumentFile.open(path)
    service = DocumentService(doc)
    service.edit_position(PositionId(3), notes="edited after opening")
    return doc, service


# --------------------------------------------------------------------- refusals
def test_save_over_a_read_only_file_is_refused_and_the_file_is_intact(
        chart: Path, restore_modes: list[Path]) -> None:
    chart.chmod(0o444)
    restore_modes.append(chart)
    before = file_state(chart)
    doc, _ = _edited(chart)
    try:
        with pytest.raises(ReadOnlyFile) as caught:
            doc.save()
        assert name_of(chart) in str(caught.value) and "read-only" in str(caught.value)
        assert doc.modified  # the edit is still unsaved …
        assert doc.load().position(PositionId(3)).notes == "edited after opening"  # … and kept
    finally:
        doc.close()
    assert file_state(chart) == before
    assert listing(chart.parent) == ["chart.orgdesk"]


def test_save_as_over_another_read_only_file_is_refused(chart: Path, tmp_path: Path,
                                                       restore_modes: list[Path]) -> None:
    other = chart.with_name("other.orgdesk")
    create_file(other, hostile_org())
    other.chmod(0o400)
    restore_modes.append(other)
    before = file_state(other)
    doc, _ = _edited(chart)
    try:
        with pytest.raises(ReadOnlyFile):
            doc.save_as(other)
        assert doc.path == chart
    finally:
        doc.close()
    assert file_state(other) == before
    assert side_files(tmp_path) == []


def test_a_read_only_folder_is_refused(chart: Path, restore_modes: list[Path]) -> None:
    doc, _ = _edited(chart)
    before = file_state(chart)
    chart.parent.chmod(0o555)
    restore_modes.append(chart.parent)
    try:
        with pytest.raises(ReadOnlyFile, match="folder is read-only"):
            doc.save()
        with pytest.raises(ReadOnlyFile, match="folder is read-only"):
            doc.save_as(chart.with_name("new name.orgdesk"))
        assert doc.path == chart and doc.modified
    finally:
        doc.close()
    assert file_state(chart) == before
    assert listing(chart.parent) == ["chart.orgdesk"]


def test_a_missing_target_folder_gives_save_failed(chart: Path, tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "chart.orgdesk"
    doc, _ = _edited(chart)
    try:
        with pytest.raises(SaveFailed) as caught:
            doc.save_as(target)
        assert type(caught.value) is SaveFailed
        assert "does not exist" in str(caught.value)
        assert doc.path == chart and doc.modified
        assert not target.parent.exists()
        assert not (sessions_dir() / session_key(target.absolute())).exists()
        doc.save()  # the document is still usable where it was
        assert not doc.modified
    finally:
        doc.close()
    assert read_organisation(chart).position(PositionId(3)).notes == "edited after opening"


def test_a_folder_with_the_target_name_gives_save_failed(chart: Path) -> None:
    folder = chart.with_name("taken.orgdesk")
    folder.mkdir()
    with DocumentFile.new(hostile_org()) as doc:
        with pytest.raises(SaveFailed, match="a folder has that name"):
            doc.save_as(folder)
        assert doc.path is None
    assert listing(folder) == []


def test_save_of_an_untitled_document_asks_for_save_as() -> None:
    with DocumentFile.new() as doc, pytest.raises(SaveFailed, match="Save As"):
        doc.save()


# -------------------------------------------------------------------- full disk
# `tiny_filesystem`, a real 192 KiB tmpfs, comes from tests/conftest.py.


def test_a_full_disk_leaves_the_old_file_intact(tiny_filesystem: Path,
                                                small_file_bytes: bytes) -> None:
    path = tiny_filesystem / "chart.orgdesk"
    path.write_bytes(small_file_bytes)
    before = file_state(path)
    free_before = shutil.disk_usage(tiny_filesystem).free
    assert 70_000 < free_before < 150_000  # room for one more copy, not a big one
    with DocumentFile.open(path) as doc:
        service = DocumentService(doc)
        service.edit_position(PositionId(1), notes="满" * 60_000)  # ~180 KB of UTF-8
        with pytest.raises(SaveFailed) as caught:
            doc.save()
        assert "disk is full" in str(caught.value)
        assert "previous file is unchanged" in str(caught.value)
        assert file_state(path) == before
        assert listing(tiny_filesystem) == ["chart.orgdesk"]  # no “.saving” left behind
        assert shutil.disk_usage(tiny_filesystem).free == free_before
        assert doc.modified
        # Once the document fits again (old file + temporary copy), saving works.
        service.edit_position(PositionId(1), notes="short again")
        doc.save()
        assert not doc.modified
    assert integrity(path) == [("ok",)]
    assert read_organisation(path).position(PositionId(1)).notes == "short again"
    assert listing(tiny_filesystem) == ["chart.orgdesk"]


def test_a_file_size_limit_leaves_the_old_file_intact(
        chart: Path, spawn: Callable[..., Child]) -> None:
    """RLIMIT_FSIZE in a child (SIGXFSZ ignored): writes past the limit fail with EFBIG."""
    before = file_state(chart)
    child = spawn("fsize", chart, 600_000)
    assert child.wait() == 0, child.stderr.read_text()
    result = json.loads(child.wait_for("{"))
    assert result["working_size"] > 600_000  # the new file could not have fitted
    assert result["error"] == "SaveFailed", result
    assert "previous file is unchanged" in result["message"]
    assert result["modified"] is True
    assert file_state(chart) == before
    assert listing(chart.parent) == ["chart.orgdesk"]
    assert find_recoverable() == []  # the child closed its document normally


# ------------------------------------------------------------------ atomic save
def test_save_replaces_the_file_by_rename_and_keeps_its_permissions(chart: Path) -> None:
    chart.chmod(0o640)
    inode = chart.stat().st_ino
    doc, _service = _edited(chart)
    try:
        assert read_organisation(chart).snapshot() == hostile_org().snapshot()  # untouched
        doc.save()
        assert chart.stat().st_ino != inode  # a new file renamed over, not rewritten in place
        assert stat.S_IMODE(chart.stat().st_mode) == 0o640
        assert listing(chart.parent) == ["chart.orgdesk"]
        assert integrity(chart) == [("ok",)]
        saved = read_organisation(chart)
        assert saved.position(PositionId(3)).notes == "edited after opening"
        assert saved.snapshot() == doc.load().snapshot()
        assert saved.info.modified >= hostile_org().info.modified
    finally:
        doc.close()


def test_save_as_moves_the_document(chart: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "renamed.orgdesk"
    target.parent.mkdir()
    before = file_state(chart)
    doc, service = _edited(chart)
    old_session = sessions_dir() / session_key(chart)
    assert old_session.is_dir()
    try:
        doc.save_as(target)
        assert doc.path == target
        assert doc.display_name == "renamed.orgdesk"
        assert not doc.modified
        assert not old_session.exists()  # old working copy and lock are gone
        assert (sessions_dir() / session_key(target)).is_dir()
        assert file_state(chart) == before  # Save As never touches the old file
        # The old file is free again; the new one is held by this document.
        with DocumentFile.open(chart) as old:
            assert old.load().snapshot() == hostile_org().snapshot()
        with pytest.raises(FileInUse):
            DocumentFile.open(target)
        # Later edits and saves go to the new file.
        service.edit_position(PositionId(3), notes="after save as")
        assert doc.modified
        doc.save()
        assert not doc.modified
    finally:
        doc.close()
    with DocumentFile.open(target) as reopened:
        assert reopened.load().position(PositionId(3)).notes == "after save as"
    assert file_state(chart) == before
    assert side_files(tmp_path) == []


@pytest.mark.parametrize(("given", "expected"), [
    ("report", "report.orgdesk"),
    ("report.txt", "report.txt.orgdesk"),
    ("报告 v1.2", "报告 v1.2.orgdesk"),
    ("Report.ORGDESK", "Report.ORGDESK"),
    ("report.orgdesk", "report.orgdesk"),
])
def test_save_as_adds_the_extension_when_missing(tmp_path: Path, given: str,
                                                 expected: str) -> None:
    with DocumentFile.new(hostile_org()) as doc:
        doc.save_as(tmp_path / given)
        assert doc.path == tmp_path / expected
    assert [name for name in listing(tmp_path) if name != "state"] == [expected]
    assert read_organisation(tmp_path / expected).position(PositionId(1)).title


def test_modified_follows_edits_and_saves(chart: Path, tmp_path: Path) -> None:
    with DocumentFile.new() as untitled:
        assert untitled.modified  # untitled is always unsaved
        untitled.save_as(tmp_path / "fresh")
        assert not untitled.modified
    with DocumentFile.open(chart) as doc:
        assert not doc.modified
        service = DocumentService(doc)
        assert not doc.modified  # loading is not an edit
        service.edit_position(PositionId(3), notes="one")
        assert doc.modified
        doc.save()
        assert not doc.modified
        service.edit_position(PositionId(3), notes="one")  # no change: nothing written
        assert not doc.modified
        service.add_department("新部门")
        assert doc.modified
        doc.save_as(chart)  # Save As onto its own path is a plain Save
        assert not doc.modified and doc.path == chart


def test_saving_twice_in_a_row_is_stable(chart: Path) -> None:
    doc, _ = _edited(chart)
    try:
        doc.save()
        first = read_organisation(chart).snapshot()
        doc.save()
        assert read_organisation(chart).snapshot()[1:] == first[1:]
        assert listing(chart.parent) == ["chart.orgdesk"]
    finally:
        doc.close()


def test_no_temporary_file_survives_a_failed_save(chart: Path, monkeypatch: pytest.MonkeyPatch,
                                                  restore_modes: list[Path]) -> None:
    """A failure after VACUUM INTO wrote the temporary file (the rename) cleans it up."""
    doc, _ = _edited(chart)
    before = file_state(chart)

    real_replace = os.replace
    refused: list[str] = []

    def refuse(src: object, dst: object) -> None:
        if not str(src).endswith(".saving"):  # session bookkeeping, not the save itself
            return real_replace(src, dst)  # type: ignore[arg-type]  # os.replace's paths, passed through
        assert Path(str(src)).is_file()
        refused.append(str(src))
        raise OSError(28, "No space left on device")

    try:
        monkeypatch.setattr("orgdesk.storage.document.os.replace", refuse)
        with pytest.raises(SaveFailed, match="disk is full"):
            doc.save()
        monkeypatch.undo()
        assert len(refused) == 1
        assert file_state(chart) == before
        assert listing(chart.parent) == ["chart.orgdesk"]
        assert doc.modified
    finally:
        doc.close()


def test_save_as_onto_a_document_open_elsewhere_is_refused(chart: Path) -> None:
    other = chart.with_name(f"{uuid.uuid4().hex}.orgdesk")
    create_file(other, hostile_org())
    before = file_state(other)
    holder = DocumentFile.open(other)
    try:
        with DocumentFile.open(chart) as doc:
            with pytest.raises(FileInUse, match="already open"):
                doc.save_as(other)
            assert doc.path == chart
    finally:
        holder.close()
    assert file_state(other) == before


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names are bytes")
def test_save_as_under_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    # GBK bytes (a name from a zip made on Chinese Windows): the temporary file
    # handed to VACUUM INTO is named in ASCII, so SQLite never sees the name.
    folder = tmp_path / "charts"
    folder.mkdir()
    target = folder / (os.fsdecode("组织架构图".encode("gbk")) + ".orgdesk")
    with DocumentFile.new() as doc:
        doc.save_as(target)
        assert doc.path == target and not doc.modified
        doc.save()  # the session remembers the name across saves
    assert os.listdir(os.fsencode(folder)) == ["组织架构图".encode("gbk") + b".orgdesk"]
    assert read_organisation(target) is not None
