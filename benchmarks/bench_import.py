"""Import speed of a large staff list: CSV → checked organisation → .orgdesk file.

Run by hand: `.venv/bin/python benchmarks/bench_import.py [ROWS] [--distinct] [--profile]`.
It writes a ROWS-row CSV (default 100,000) in a consultant's layout — Chinese
headers, department, headcount like “3人”, duties numbered in one cell,
mixed 任职要求, KPIs, 500 distinct job descriptions (--distinct: every row
its own) — then times reading and checking it (`read_source`)
and the whole import including the atomic write of the .orgdesk file.
Peak resident memory is that of the whole run.  The goal: under 5 s and
500 MB for 100,000 rows.
"""
from __future__ import annotations

import csv
import os
import platform
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("ORGDESK_STATE_DIR", tempfile.mkdtemp(prefix="orgdesk-bench-"))

from orgdesk.io.interchange import import_to_file, read_source
from orgdesk.io.options import ImportOptions

DEPARTMENTS = ("运营部", "品质部", "支撑部", "营销部", "综合部")


def write_csv(path: Path, rows: int, roles: int = 500) -> None:
    """`roles` distinct job descriptions, as in a real list (0: every row its own text)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["岗位编号", "岗位", "直接上级", "所属部门", "定员", "岗位职责", "任职要求",
                         "KPI指标", "联系电话"])
        for i in range(1, rows + 1):
            superior = "" if i == 1 else str((i - 2) // 12 + 1)  # twelve reports each
            role = i % roles if roles else i
            writer.writerow([
                i, f"岗位{role}", superior, DEPARTMENTS[i % 5], f"{1 + i % 14}人",
                f"1、接听客户来电（{role}）；\n2、记录并跟进工单；\n3、完成回访",
                f"大专及以上学历\n普通话标准\n沟通能力强（{role}）",
                f"接通率：≥{role % 100}%\n投诉率：≤1%", f"+86 138 {i:08d}"])


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rows = int(args[0]) if args else 100_000
    folder = Path(tempfile.mkdtemp(prefix="orgdesk-bench-files-"))
    source = folder / "staff.csv"
    distinct = "--distinct" in sys.argv  # the worst case: no two rows share a text
    write_csv(source, rows, 0 if distinct else 500)
    if "--profile" in sys.argv:
        import cProfile
        import pstats

        cProfile.runctx("import_to_file(source, folder / 'p.orgdesk')", globals(),
                        {"source": source, "folder": folder, "import_to_file": import_to_file},
                        str(folder / "prof"))
        pstats.Stats(str(folder / "prof")).sort_stats("cumulative").print_stats(30)
        return
    # CPU time beside wall time: on a shared machine the wall clock also counts
    # the other processes; both are single-threaded here, so CPU ≈ an idle machine's wall.
    start, cpu = time.perf_counter(), time.process_time()
    result = read_source(source, ImportOptions())
    read_time, read_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert not result.problems, result.problems[:3]
    del result
    start, cpu = time.perf_counter(), time.process_time()
    import_to_file(source, folder / "staff.orgdesk")
    total, total_cpu = time.perf_counter() - start, time.process_time() - cpu
    load = os.getloadavg()[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    print(f"CSV: {rows:,} rows, {source.stat().st_size / 1e6:.1f} MB, "
          f"{'every row distinct' if distinct else '500 distinct job descriptions'}")
    print(f"load average during the run: {load:.1f}")
    print(f"read + check (read_source):             {read_time:6.2f} s wall {read_cpu:6.2f} s CPU")
    print(f"whole import (read, check, write file): {total:6.2f} s wall {total_cpu:6.2f} s CPU")
    print(f"file written: {(folder / 'staff.orgdesk').stat().st_size / 1e6:.1f} MB")
    print(f"peak resident memory of the run: {peak:.0f} MB")


if __name__ == "__main__":
    main()
