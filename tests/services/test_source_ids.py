"""Source ids and holders through the one writer: edits, their rows, copy and paste."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from orgdesk.core.model import PositionId
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.reading import read_organisation
from tests.services.test_batch import traced, writes

P = PositionId


def test_an_edit_of_both_is_saved_and_reopened(service: DocumentService, tmp_path: Path
                                               ) -> None:
    service.edit_position(P(4), source_id="O-6066", holders=("张三", "李四", "王五"))
    with traced(service) as statements:
        service.edit_position(P(4), holders=("张三", "王五"))
    assert writes(statements) == [
        "DELETE FROM holders WHERE position_id = 4",
        "INSERT INTO holders (position_id, seq, text) VALUES (4, 0, '张三')",
        "INSERT INTO holders (position_id, seq, text) VALUES (4, 1, '王五')"]
    with traced(service) as statements:
        service.edit_position(P(4), source_id="ID001")
    assert writes(statements) == ["UPDATE positions SET source_id = 'ID001' WHERE id = 4"]
    assert service.file.load().snapshot() == service.org.snapshot()
    target = tmp_path / "saved.orgdesk"
    service.file.save_as(target)
    agent = read_organisation(target).position(P(4))
    assert (agent.source_id, agent.holders) == ("ID001", ("张三", "王五"))


@pytest.fixture
def keyed(service: DocumentService) -> DocumentService:
    """The sample with source ids, as after an import of the client's file."""
    for pid, key in ((1, "O-1"), (2, "O-2"), (3, "O-3"), (4, "O-4"), (5, "O-5"), (6, "O-6")):
        service.edit_position(P(pid), source_id=key)
    service.edit_position(P(4), holders=("张三", "李四"))
    return service


def _source_ids(service: DocumentService) -> list[str]:
    return [p.source_id for p in service.org.positions() if p.source_id]


def test_a_copy_or_duplicate_does_not_take_its_originals_source_id(keyed: DocumentService
                                                                   ) -> None:
    data = keyed.copy_branch(P(2))
    assert [p["source_id"] for p in data["positions"]] == ["O-2", "O-3", "O-4"]
    top = keyed.paste_branch(data, P(1))
    pasted = keyed.org.branch(top)
    assert [p.source_id for p in pasted] == ["", "", ""]
    assert pasted[-1].holders == ("张三", "李四")  # content is copied like the headcount
    ids = _source_ids(keyed)
    assert len(ids) == len(set(ids)) == 6
    assert keyed.file.load().snapshot() == keyed.org.snapshot()


def test_a_cut_branch_pasted_back_keeps_its_source_ids(keyed: DocumentService) -> None:
    data = keyed.copy_branch(P(3))
    keyed.remove_branch(P(3))
    top = keyed.paste_branch(data, P(1))
    assert [p.source_id for p in keyed.org.branch(top)] == ["O-3", "O-4"]
    assert sorted(_source_ids(keyed)) == ["O-1", "O-2", "O-3", "O-4", "O-5", "O-6"]


@pytest.fixture
def other() -> Iterator[DocumentService]:
    service = DocumentService(DocumentFile.new())
    yield service
    service.file.close()


def test_a_paste_into_another_document_keeps_them_unless_taken_there(
        keyed: DocumentService, other: DocumentService) -> None:
    data = keyed.copy_branch(P(2))
    other.paste_branch(data, None)
    assert [p.source_id for p in other.org.positions()] == ["O-2", "O-3", "O-4"]
    other.paste_branch(data, None)  # the same branch again: its keys are taken now
    assert sorted(_source_ids(other)) == ["O-2", "O-3", "O-4"]


def test_a_clipboard_from_before_format_2_still_pastes(keyed: DocumentService) -> None:
    data = keyed.copy_branch(P(3))
    for record in data["positions"]:
        del record["source_id"], record["holders"]
    top = keyed.paste_branch(data, P(1))
    assert [(p.source_id, p.holders) for p in keyed.org.branch(top)] == [("", ()), ("", ())]


def test_the_working_copy_stores_them_in_format_2(keyed: DocumentService) -> None:
    path = keyed.file._session_folder.working_path
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT source_id FROM positions WHERE id = 1").fetchone() == ("O-1",)
        assert conn.execute("SELECT text FROM holders WHERE position_id = 4 ORDER BY seq"
                            ).fetchall() == [("张三",), ("李四",)]
