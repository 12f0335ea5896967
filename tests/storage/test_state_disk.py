"""A full disk under orgdesk's state folder: sentences, the user's file intact, memory = disk."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from orgdesk.core.model import PositionId
from orgdesk.services.editor import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import WorkingCopyProblem, name_of
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.session import sessions_dir
from tests.storage.support import file_state, hostile_org
from tests.storage.tmpfs import CannotMount, fill, small_tmpfs


@pytest.fixture
def small_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """orgdesk's state folder on a real 256 KiB disk."""
    try:
        with small_tmpfs(tmp_path / "state-disk", "256k") as mount:
            monkeypatch.setenv("ORGDESK_STATE_DIR", str(mount))
            yield mount
    except CannotMount as exc:
        pytest.skip(str(exc))


def test_opening_without_room_for_the_working_copy_says_the_state_disk_is_full(
        small_state: Path, tmp_path: Path, big_file_bytes: bytes) -> None:
    path = tmp_path / "big.orgdesk"
    path.write_bytes(big_file_bytes)
    assert len(big_file_bytes) > shutil.disk_usage(small_state).free
    before = file_state(path)
    with pytest.raises(WorkingCopyProblem) as caught:
        DocumentFile.open(path)
    assert str(caught.value) == (
        f"Cannot open {name_of(path)}: the disk holding orgdesk's working copies is full; "
        f"{name_of(path)} itself is unchanged.")
    assert file_state(path) == before
    assert list(sessions_dir().iterdir()) == []  # no half-built working copy left to offer


def test_an_edit_on_a_full_state_disk_is_refused_and_memory_stays_equal_to_disk(
        small_state: Path, tmp_path: Path, small_file_bytes: bytes) -> None:
    path = tmp_path / "chart.orgdesk"
    path.write_bytes(small_file_bytes)
    with DocumentFile.open(path) as doc:
        service = DocumentService(doc)
        service.edit_position(PositionId(3), notes="fits")
        filler = fill(small_state, leave=8 * 1024)
        with pytest.raises(WorkingCopyProblem) as caught:
            service.edit_position(PositionId(3), notes="满" * 40_000)  # ~120 KB
        assert str(caught.value) == ("The edit was not kept: the disk holding orgdesk's working "
                                     "copies is full.")
        assert service.org.position(PositionId(3)).notes == "fits"
        assert doc.load().snapshot() == service.org.snapshot()  # memory == working copy
        filler.unlink()
        service.edit_position(PositionId(3), notes="满" * 40_000)  # room again: kept
        doc.save()
    assert read_organisation(path).position(PositionId(3)).notes == "满" * 40_000


def test_a_new_document_on_a_full_state_disk_is_a_sentence(small_state: Path) -> None:
    fill(small_state, leave=0)
    with pytest.raises(WorkingCopyProblem, match="working copies is full"):
        DocumentFile.new(hostile_org())
