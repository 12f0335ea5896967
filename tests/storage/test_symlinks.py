"""Saving through symbolic links replaces the real file; every link stays a link."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from orgdesk.core.model import PositionId
from orgdesk.services.editor import DocumentService
from orgdesk.storage.document import DocumentFile, create_file
from orgdesk.storage.errors import SaveFailed, name_of
from orgdesk.storage.reading import read_organisation
from tests.storage.support import file_state, hostile_org, integrity, listing


@pytest.fixture
def real(tmp_path: Path, small_file_bytes: bytes) -> Path:
    folder = tmp_path / "real folder"
    folder.mkdir()
    path = folder / "chart.orgdesk"
    path.write_bytes(small_file_bytes)
    return path


def _edit_and_save(path: Path, notes: str) -> None:
    with DocumentFile.open(path) as doc:
        DocumentService(doc).edit_position(PositionId(3), notes=notes)
        doc.save()
        assert not doc.modified and doc.path == path.absolute()


def test_save_through_a_symlink_keeps_the_link(real: Path, tmp_path: Path) -> None:
    links = tmp_path / "links"
    links.mkdir()
    link = links / "shortcut.orgdesk"
    link.symlink_to(real)
    _edit_and_save(link, "through the link")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert read_organisation(real).position(PositionId(3)).notes == "through the link"
    assert listing(links) == ["shortcut.orgdesk"]  # the temporary file went beside the real one
    assert listing(real.parent) == ["chart.orgdesk"]
    assert integrity(real) == [("ok",)]


def test_save_through_a_chain_of_relative_links(real: Path, tmp_path: Path) -> None:
    first = tmp_path / "a" / "first.orgdesk"
    second = tmp_path / "b" / "second.orgdesk"
    first.parent.mkdir()
    second.parent.mkdir()
    second.symlink_to(os.path.relpath(real, second.parent))
    first.symlink_to(os.path.relpath(second, first.parent))
    _edit_and_save(first, "through two links")
    assert first.is_symlink() and second.is_symlink()
    assert not real.is_symlink()
    assert read_organisation(real).position(PositionId(3)).notes == "through two links"
    _edit_and_save(first, "and again")  # the lock and fingerprint followed the real file
    assert read_organisation(second).position(PositionId(3)).notes == "and again"


def test_save_as_onto_a_dangling_link_creates_the_file_it_points_to(tmp_path: Path) -> None:
    """Decision: write where the link points (its folder exists), so the link works again."""
    target = tmp_path / "store" / "moved.orgdesk"
    target.parent.mkdir()
    link = tmp_path / "dangling.orgdesk"
    link.symlink_to(target)
    with DocumentFile.new(hostile_org()) as doc:
        doc.save_as(link)
        assert doc.path == link
    assert link.is_symlink() and target.is_file()
    assert read_organisation(link).snapshot()[1:] == hostile_org().snapshot()[1:]


def test_a_dangling_link_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "dangling.orgdesk"
    link.symlink_to(tmp_path / "gone" / "x.orgdesk")
    with DocumentFile.new(hostile_org()) as doc, pytest.raises(SaveFailed,
                                                                match="does not exist"):
        doc.save_as(link)
    assert link.is_symlink() and not (tmp_path / "gone").exists()


def test_a_loop_of_links_is_refused_with_a_sentence(tmp_path: Path) -> None:
    one, two = tmp_path / "one.orgdesk", tmp_path / "two.orgdesk"
    one.symlink_to(two)
    two.symlink_to(one)
    with DocumentFile.new(hostile_org()) as doc, pytest.raises(SaveFailed) as caught:
        doc.save_as(one)
    assert str(caught.value) == (f"Cannot save {name_of(one)}: its symbolic links point at each "
                                 "other in a loop.")
    assert one.is_symlink() and two.is_symlink()


def test_save_as_onto_a_link_to_the_open_file_is_a_save(real: Path, tmp_path: Path) -> None:
    link = tmp_path / "alias.orgdesk"
    link.symlink_to(real)
    with DocumentFile.open(real) as doc:
        DocumentService(doc).edit_position(PositionId(3), notes="via alias")
        doc.save_as(link)
        assert doc.path == link and not doc.modified
    assert link.is_symlink()
    assert read_organisation(real).position(PositionId(3)).notes == "via alias"


def test_exports_through_create_file_keep_links_too(real: Path, tmp_path: Path) -> None:
    link = tmp_path / "out.orgdesk"
    link.symlink_to(real)
    before = file_state(real)
    create_file(link, hostile_org())
    assert link.is_symlink() and file_state(real) != before
    assert integrity(real) == [("ok",)]
