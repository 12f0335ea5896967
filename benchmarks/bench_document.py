"""Document open/save speed on a large organisation, against raw SQLite.

Run by hand: `.venv/bin/python benchmarks/bench_document.py [POSITIONS]`.
It builds an organisation of POSITIONS positions (default 5000: a director,
managers, team leaders and agent positions with duties and requirements),
then times orgdesk's operations next to the raw SQLite work they contain:
`sqlite3` backup-API copy of the same file (what Open must at least do) and
`VACUUM INTO` (what Save must at least do).

`bench_document.py --read 10000 100000` instead compares reading side by
side: `read_organisation` (every check: header, integrity_check, exact
schema, types, ids, settings, the content checksum) against a raw `sqlite3`
SELECT of the same rows (positions and their list tables) — each the
minimum of several interleaved runs, since the machine may be shared.
"""
from __future__ import annotations

import os
import platform
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("ORGDESK_STATE_DIR", tempfile.mkdtemp(prefix="orgdesk-bench-"))

from orgdesk.core.model import Kpi, Position, PositionId, Requirements
from orgdesk.core.organisation import Organisation
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile, create_file
from orgdesk.storage.reading import read_organisation


def build(count: int) -> Organisation:
    positions = [Position(PositionId(1), "运营总监")]
    next_id = 2
    parents = [PositionId(1)]
    while next_id <= count:
        new_parents = []
        for parent in parents:
            for order in range(12):
                if next_id > count:
                    break
                positions.append(Position(
                    PositionId(next_id), f"岗位{next_id}", parent, order,
                    planned_headcount=1 + next_id % 14,
                    duties=tuple(f"负责第{i}项工作，确保服务质量达标" for i in range(6)),
                    requirements=Requirements("大专", 2, 20, 35, ("普通话标准",),
                                              ("沟通能力强", "熟练使用办公软件")),
                    kpis=(Kpi("接通率", "≥90%"), Kpi("投诉率", "≤1%")),
                ))
                new_parents.append(PositionId(next_id))
                next_id += 1
        parents = new_parents
    return Organisation(positions=positions)


def timed(label: str, func, rows: list) -> object:
    start = time.perf_counter()
    result = func()
    rows.append((label, time.perf_counter() - start))
    return result


def raw_read(path: Path) -> int:
    """What reading costs SQLite and the sqlite3 module alone: every row as tuples."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sum(len(conn.execute(f"SELECT * FROM {table}").fetchall()) for table in (
            "meta", "departments", "positions", "duties", "languages", "skills", "kpis",
            "relations"))
    finally:
        conn.close()


def compare_reading(counts: list[int], runs: int = 7) -> None:
    """read_organisation vs the raw read of the same rows, min of interleaved runs."""
    folder = Path(tempfile.mkdtemp(prefix="orgdesk-bench-read-"))
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; "
          f"load average before: {os.getloadavg()[0]:.1f}")
    print("| positions | rows | file (MB) | raw sqlite3 read (s) | read_organisation (s) | ratio |")
    print("|---:|---:|---:|---:|---:|---:|")
    for count in counts:
        path = folder / f"read-{count}.orgdesk"
        create_file(path, build(count))
        rows = raw_read(path)
        raw = orgdesk = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            raw_read(path)
            raw = min(raw, time.perf_counter() - start)
            start = time.perf_counter()
            read_organisation(path)
            orgdesk = min(orgdesk, time.perf_counter() - start)
        print(f"| {count:,} | {rows:,} | {path.stat().st_size / 1e6:.1f} | {raw:.3f} | "
              f"{orgdesk:.3f} | {orgdesk / raw:.1f}× |")
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--read":
        compare_reading([int(n) for n in sys.argv[2:]] or [10_000, 100_000])
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    folder = Path(tempfile.mkdtemp(prefix="orgdesk-bench-files-"))
    path = folder / "big.orgdesk"
    rows: list = []
    org = timed(f"build {count} positions in memory", lambda: build(count), rows)
    timed("orgdesk: create file (write all rows + atomic save)",
          lambda: create_file(path, org), rows)
    timed("orgdesk: read_organisation (validate + load)", lambda: read_organisation(path), rows)
    doc = timed("orgdesk: open for editing (validate + working copy)",
                lambda: DocumentFile.open(path), rows)
    service = timed("orgdesk: load into the service", lambda: DocumentService(doc), rows)
    timed("orgdesk: one edit (rename, committed)",
          lambda: service.edit_position(PositionId(count // 2), title="组长"), rows)
    timed("orgdesk: save (VACUUM INTO temp + fsync + rename)", doc.save, rows)
    doc.close()

    def raw_backup() -> None:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        dst = sqlite3.connect(folder / "raw-copy.db")
        src.backup(dst)
        dst.close()
        src.close()

    def raw_vacuum() -> None:
        src = sqlite3.connect(path)
        target = folder / "raw-vacuum.db"
        target.unlink(missing_ok=True)
        src.execute("VACUUM INTO ?", (str(target),))
        src.close()

    timed("reference: raw sqlite3 backup-API copy", raw_backup, rows)
    timed("reference: raw sqlite3 VACUUM INTO", raw_vacuum, rows)
    print(f"# {count} positions, file {path.stat().st_size / 1e6:.1f} MB; "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    print("| operation | time (s) |")
    print("|---|---:|")
    for label, elapsed in rows:
        print(f"| {label} | {elapsed:.3f} |")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of the whole run: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
