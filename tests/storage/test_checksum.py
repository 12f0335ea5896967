"""The content checksum: changes made outside orgdesk are noticed on every read."""
from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from orgdesk.core.model import PositionId
from orgdesk.services.editor import DocumentService
from orgdesk.storage import checksum, mapping, migrations
from orgdesk.storage.document import DocumentFile, create_file
from orgdesk.storage.errors import CorruptFile
from orgdesk.storage.reading import read_organisation
from tests.storage.support import abandon, hostile_org


@pytest.fixture
def saved(tmp_path: Path, small_file_bytes: bytes) -> Path:
    path = tmp_path / "chart.orgdesk"
    path.write_bytes(small_file_bytes)
    return path


def _stored(path: Path) -> str | None:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'checksum'").fetchone()
    return None if row is None else row[0]


#: A text edit in the sqlite3 shell (the list tables have no rowid: key by position and seq).
CHANGE_ONE_DUTY = ("UPDATE duties SET text = text || 'x' "
                   "WHERE (position_id, seq) = (SELECT position_id, seq FROM duties LIMIT 1)")


def _edit_by_hand(path: Path, statement: str) -> None:
    """What a colleague with the sqlite3 shell does: change rows, leave meta alone."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(statement)


def test_a_saved_file_carries_the_checksum_of_its_rows(saved: Path) -> None:
    value = _stored(saved)
    assert value is not None and value.startswith("blake2b-256:")
    with closing(sqlite3.connect(f"file:{saved}?mode=ro", uri=True)) as conn:
        assert checksum.digest(mapping.fetch_rows(conn)) == value
    read_organisation(saved)


def test_a_text_changed_outside_orgdesk_is_refused_on_every_read(saved: Path) -> None:
    _edit_by_hand(saved, CHANGE_ONE_DUTY)
    with pytest.raises(CorruptFile, match="changed outside orgdesk") as caught:
        read_organisation(saved)
    assert "checksum" in str(caught.value)
    with pytest.raises(CorruptFile, match="changed outside orgdesk"):
        DocumentFile.open(saved)


def test_a_flipped_byte_inside_a_text_is_refused(tmp_path: Path) -> None:
    """The flip keeps SQLite's structure sound (integrity_check says ok): only the sum sees it."""
    org = hostile_org()
    marker = "校验标记ABCDEFGH"
    org.update_position(org.position(PositionId(1)).evolve(notes=marker))
    path = tmp_path / "flipped.orgdesk"
    create_file(path, org)
    data = bytearray(path.read_bytes())
    where = data.find(b"ABCDEFGH")
    assert where > 0
    data[where] = ord("Z")
    path.write_bytes(bytes(data))
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with pytest.raises(CorruptFile, match="changed outside orgdesk"):
        read_organisation(path)


def test_a_file_without_a_checksum_still_opens(saved: Path) -> None:
    """Files of older orgdesk builds and of other programs carry none."""
    _edit_by_hand(saved, "DELETE FROM meta WHERE key = 'checksum'")
    _edit_by_hand(saved, CHANGE_ONE_DUTY)
    org = read_organisation(saved)
    assert any(d.endswith("x") for p in org.positions() for d in p.duties)
    with DocumentFile.open(saved) as doc:
        assert doc.load().snapshot() == org.snapshot()


def test_save_stamps_a_fresh_checksum_after_edits(saved: Path) -> None:
    before = _stored(saved)
    with DocumentFile.open(saved) as doc:
        service = DocumentService(doc)
        service.edit_position(PositionId(1), title="新的标题")
        service.save()
    assert _stored(saved) not in (None, before)
    assert read_organisation(saved).position(PositionId(1)).title == "新的标题"


def test_unsaved_edits_are_recovered_although_the_checksum_is_stale(saved: Path) -> None:
    """The working copy keeps the last save's checksum; recovery must not refuse it."""
    doc = DocumentFile.open(saved)
    service = DocumentService(doc)
    service.edit_position(PositionId(1), title="未保存的修改")
    abandon(doc)  # as a crash would: the locks go, the working copy stays
    with DocumentFile.open(saved, recover=True) as recovered:
        assert recovered.load().position(PositionId(1)).title == "未保存的修改"


def test_the_stream_is_the_schema_of_the_files_format(saved: Path) -> None:
    """What a later build reads from an older file (schema-driven) is what this one sums."""
    with closing(sqlite3.connect(f"file:{saved}?mode=ro", uri=True)) as conn:
        assert checksum.schema_rows(conn, migrations.SCHEMA_VERSION) == mapping.fetch_rows(conn)


def test_the_canonical_stream_is_pinned() -> None:
    """Changing how rows are encoded would make every saved file unreadable: it must not drift."""
    rows = {"meta": [("checksum", "ignored"), ("title", "组织")],
            "positions": [(1, None, 'a"b\\c\n'), (2, 1, "")], "duties": []}
    stream = ('["duties",[]]'
              '["meta",[["title","组织"]]]'
              '["positions",[[1,null,"a\\"b\\\\c\\n"],[2,1,""]]]').encode()
    expected = hashlib.blake2b(stream, digest_size=32).hexdigest()
    assert expected == "143157bc9efe5fa5db58777f631897e82b5215617b9802db775c69c0ed277f0a"
    assert checksum.digest(rows) == f"blake2b-256:{expected}"
