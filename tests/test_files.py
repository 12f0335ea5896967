"""orgdesk.files: one home for names in sentences, target checks and atomic writes."""
from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import IO

import pytest

from orgdesk import files
from orgdesk.files import (
    TEMPORARY_PREFIX,
    ExportFailed,
    TargetProblem,
    check_target,
    name_of,
    readable_name,
    resolve_target,
    target_problem,
    temporary_beside,
    write_atomically,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names and modes")
GBK_NAME = os.fsdecode("组织架构".encode("gbk")) + ".csv"  # as a Chinese-Windows zip leaves it


def test_one_definition_of_names_and_export_failed() -> None:
    from orgdesk.io import problems
    from orgdesk.storage import errors

    assert problems.ExportFailed is ExportFailed
    assert problems.name_of is errors.name_of is name_of
    assert problems.readable_name is readable_name


def test_names_in_sentences_are_readable_and_safe() -> None:
    assert name_of("/tmp/图表.orgdesk") == "“图表.orgdesk”"
    assert name_of(Path("/x") / GBK_NAME) == "“组织架构.csv”"
    assert readable_name("a\nb\u202e") == "a\\x0ab\\u202e"
    assert readable_name(os.fsdecode(b"\xff\xfe.csv")) == "\\xff\\xfe.csv"


def test_target_problems(tmp_path: Path) -> None:
    assert target_problem(tmp_path / "new.pdf") is None
    assert target_problem(tmp_path / "missing" / "new.pdf") is TargetProblem.NO_FOLDER
    (tmp_path / "sub").mkdir()
    assert target_problem(tmp_path / "sub") is TargetProblem.IS_FOLDER
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(b"old")
    locked.chmod(0o444)
    assert target_problem(locked) is TargetProblem.READ_ONLY_FILE
    with pytest.raises(ExportFailed, match=r"“locked\.pdf”: the file is read-only"):
        check_target(locked)
    with pytest.raises(ExportFailed, match=r"the folder “.*missing” does not exist"):
        check_target(tmp_path / "missing" / "new.pdf")


@posix_only
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert target_problem(folder / "x.pdf") is TargetProblem.READ_ONLY_FOLDER
        with pytest.raises(ExportFailed, match="the folder is read-only"):
            write_atomically(folder / "x.pdf", b"data")
    finally:
        folder.chmod(0o755)
    assert list(folder.iterdir()) == []


def test_write_bytes_or_a_writer(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    write_atomically(target, b"one")
    assert target.read_bytes() == b"one"

    def writer(handle: IO[bytes]) -> None:
        handle.write(b"two")

    write_atomically(target, writer)
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


@posix_only
def test_permissions_of_a_replaced_file_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "shared.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@posix_only
def test_writing_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "chart.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    assert resolve_target(link) == real.resolve()
    write_atomically(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


@posix_only
def test_a_symlink_loop_is_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(ExportFailed, match="“a”"):
        write_atomically(tmp_path / "a", b"x")


@posix_only
def test_a_name_that_is_not_utf8_is_written(tmp_path: Path) -> None:
    target = tmp_path / GBK_NAME
    write_atomically(target, b"id,title\n")
    assert os.listdir(os.fsencode(tmp_path)) == ["组织架构".encode("gbk") + b".csv"]


def test_temporary_names_are_plain_ascii_beside_the_target(tmp_path: Path) -> None:
    tmp = temporary_beside(tmp_path / GBK_NAME, ".writing")
    assert tmp.parent == tmp_path
    assert tmp.name.isascii() and tmp.name.startswith(TEMPORARY_PREFIX)
    assert tmp.name.endswith(".writing")
    assert temporary_beside(tmp_path / "a", ".x") != temporary_beside(tmp_path / "a", ".x")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")

    def full(handle: IO[bytes]) -> None:
        handle.write(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportFailed) as raised:
        write_atomically(target, full)
    assert str(raised.value) == "Cannot write “out.csv”: the disk is full; nothing was changed."
    assert raised.value.args[0].template.startswith("Cannot write {file}")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]

    def bug(handle: IO[bytes]) -> None:
        raise ValueError("a bug stays a bug")

    with pytest.raises(ValueError):
        write_atomically(target, bug)
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_the_folder_is_flushed_after_the_rename(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    flushed: list[tuple[Path, bool]] = []
    real = files.fsync_path
    monkeypatch.setattr(files, "fsync_path",
                        lambda path, directory=False: (flushed.append((Path(path), directory)),
                                                       real(path, directory))[1])
    write_atomically(tmp_path / "x.txt", b"x")
    assert flushed == [(tmp_path, True)]
