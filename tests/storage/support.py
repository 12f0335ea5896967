"""Builders and file helpers shared by the storage tests and their child processes.

Imported both by the tests and by `crash_child.py` (run with the venv's
interpreter), so it must not import pytest.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Kpi,
    Position,
    PositionId,
    PositionKind,
    Relation,
    RelationId,
    RelationKind,
    Requirements,
)
from orgdesk.core.organisation import Organisation
from orgdesk.storage.document import DocumentFile

#: Text that breaks naive quoting, escaping, formula handling or encodings.
HOSTILE = (
    'He said "hello" and \'goodbye\'',
    "C:\\Users\\坐席\\N \\N \\\\ trailing backslash\\",
    "<b>bold</b> & <script>alert('x')</script> &amp; &lt;",
    "line one\nline two\r\nline three\ttabbed\rCR",
    "客服中心 · 坐席主管（二线）",
    "=SUM(A1:A9)",
    "+86 10 5555 0000",
    "-1 + 2",
    "@HYPERLINK(\"http://x\")",
    "😀 👩‍💻 🇨🇳 emoji",
    "   padded with spaces   ",
    "NUL inside\x00here",
    "'; DROP TABLE positions; --",
)

CHINA = timezone(timedelta(hours=8))


def hostile_org() -> Organisation:
    """An organisation using every field of every entity, filled with hostile text."""
    info = DocumentInfo(
        title=HOSTILE[0] + " " + HOSTILE[4],
        client=HOSTILE[2],
        author=HOSTILE[1],
        notes="\n".join(HOSTILE),
        created=datetime(2021, 2, 3, 4, 5, 6, tzinfo=UTC),
        modified=datetime(2024, 7, 8, 9, 10, 11, tzinfo=CHINA),
    )
    departments = [
        Department(DepartmentId(1), HOSTILE[4], "#D9E2F3", 0),
        Department(DepartmentId(2), HOSTILE[5], "#ff00AA", 1),
        Department(DepartmentId(7), HOSTILE[9], "#000000", 2),
    ]
    root = Position(
        id=PositionId(1), title=HOSTILE[4], department_id=DepartmentId(1), level="M5",
        planned_headcount=1, headcount_note=HOSTILE[3], filled_headcount=1,
        duties=tuple(HOSTILE),
        requirements=Requirements(
            education="硕士", min_years=10, age_min=30, age_max=55,
            languages=("普通话", "English", HOSTILE[5]), skills=tuple(reversed(HOSTILE)),
            other=HOSTILE[3]),
        kpis=(Kpi("客户满意度", "≥95%"), Kpi(HOSTILE[6], HOSTILE[7]), Kpi("no target")),
        career_path=HOSTILE[8], notes=HOSTILE[11], source_id="O-6066",
        holders=("王芳", HOSTILE[0]), pay_min=18_000, pay_max=25_000, on_cost_percent=35)
    staff = Position(
        id=PositionId(2), title=HOSTILE[0], superior_id=PositionId(1), order=0,
        kind=PositionKind.STAFF, department_id=None, planned_headcount=0, filled_headcount=3,
        requirements=Requirements(education="不限", min_years=0, age_min=0, age_max=0),
        source_id="emi")
    line = Position(
        id=PositionId(3), title=HOSTILE[12], superior_id=PositionId(1), order=1,
        department_id=DepartmentId(2), planned_headcount=40, headcount_note="",
        filled_headcount=37, duties=("z last alphabetically", "a first alphabetically", "m"),
        requirements=Requirements(education="", min_years=None, age_min=18, age_max=None,
                                  languages=(), skills=("b", "a")),
        kpis=(Kpi("AHT", "<= 180s"), Kpi("FCR", ">= 80%")), career_path="", notes="",
        source_id=HOSTILE[7], holders=tuple(HOSTILE), pay_min=5_500, pay_max=5_500,
        on_cost_percent=200)
    agent = Position(
        id=PositionId(10), title=HOSTILE[9], superior_id=PositionId(3), order=0,
        department_id=DepartmentId(7), level=HOSTILE[2], planned_headcount=200,
        filled_headcount=0, duties=("",) + tuple(f"duty {i}" for i in range(12)),
        requirements=Requirements(age_max=200, other=HOSTILE[1]), source_id="n0",
        pay_max=100_000_000)
    second_root = Position(id=PositionId(5), title=HOSTILE[10], order=1)
    relations = [
        Relation(RelationId(1), PositionId(10), PositionId(2), RelationKind.DOTTED, HOSTILE[3]),
        Relation(RelationId(4), PositionId(5), PositionId(1), RelationKind.ADVISORY, HOSTILE[6]),
        Relation(RelationId(5), PositionId(3), PositionId(5), RelationKind.DOTTED, ""),
    ]
    return Organisation(info, departments, [root, staff, line, agent, second_root], relations)


def big_org(count: int = 300, duty_chars: int = 600) -> Organisation:
    """Many positions with long duties: a file of several hundred pages."""
    positions = [Position(PositionId(1), "总经理 General manager")]
    for i in range(2, count + 1):
        positions.append(Position(
            PositionId(i), f"坐席 Agent {i}", superior_id=PositionId(1 + (i - 2) // 10),
            order=(i - 2) % 10,
            duties=tuple(f"{i}.{j} " + ("接听客户来电并记录工单 " * duty_chars)[:duty_chars]
                         for j in range(3)),
            kpis=(Kpi("满意度", f"≥{i % 100}%"),)))
    return Organisation(DocumentInfo(title=f"big {count}"), [], positions, [])


def file_state(path: Path) -> tuple[bytes, int, int]:
    """Bytes, mtime (ns) and mode of a file: what must not change when we only read it."""
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, st.st_mode


def header_fields(path: Path) -> dict[str, int]:
    """Fields of the 100-byte SQLite header, read from the bytes themselves."""
    raw = path.read_bytes()[:100]
    page_size = struct.unpack(">H", raw[16:18])[0]
    return {
        "page_size": 65536 if page_size == 1 else page_size,
        "write_version": raw[18],
        "read_version": raw[19],
        "change_counter": struct.unpack(">I", raw[24:28])[0],
        "page_count": struct.unpack(">I", raw[28:32])[0],
        "user_version": struct.unpack(">I", raw[60:64])[0],
        "application_id": struct.unpack(">I", raw[68:72])[0],
    }


def sql_on_copy(path: Path, *statements: str) -> None:
    """Run statements on a file with plain sqlite3 (to build damaged fixtures).

    As another program writing the file would, this leaves no content checksum
    behind, so the checks of the contents themselves are what the fixture
    meets (a stale checksum is refused first: see test_checksum).
    """
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("DELETE FROM meta WHERE key = 'checksum'")
        for statement in statements:
            conn.execute(statement)


def integrity(path: Path) -> list[tuple[str, ...]]:
    """PRAGMA integrity_check of `path`, read-only."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchall()


def side_files(folder: Path) -> list[str]:
    """Journal / WAL / shared-memory / temporary save files anywhere under `folder`."""
    suffixes = ("-journal", "-wal", "-shm", ".saving")
    return sorted(str(p) for p in folder.rglob("*") if p.name.endswith(suffixes))


def listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def abandon(doc: DocumentFile) -> None:
    """What the OS does when the process holding `doc` dies: locks go, files stay."""
    doc.engine.dispose()
    doc._replace_lock(None)
    doc._session_folder.release(remove=False)
