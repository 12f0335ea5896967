"""Import speed and memory of peer JSON against CSV: 100,000 nodes flat, nested, and as CSV.

Run by hand: `.venv/bin/python benchmarks/json_import.py [NODES]` (default 100,000).
It writes three sources of the same consultant-style organisation (twelve
reports each, Chinese titles, departments, headcounts like “3人”, duties and
KPIs as lists): d3-org-chart flat JSON (`id`/`parentId`), a nested tree
(`children`, as dabeng/OrgChart writes it) and the CSV of bench_import.py.  Each
is imported in a process of its own — `import_to_file`, i.e. read_source plus
the checked, atomic write of the .orgdesk file — so each peak resident memory
(ru_maxrss) is that import's alone.  The goal: under 5 s and 500 MB each.
Beside each JSON source, in the same minutes, its floor: `json` and `sqlite3`
alone putting the same nodes, duties and KPIs into three plain tables (no
checks, no mapping, no checksum; one transaction).

The machine is shared (2 cores): each source is imported REPEAT times (default
3, `--repeat N`), each time in a fresh process, and the best and the worst
whole import are printed with their CPU time and the load average around them.
"""
from __future__ import annotations

import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("ORGDESK_STATE_DIR", tempfile.mkdtemp(prefix="orgdesk-bench-"))

HERE = Path(__file__).resolve().parent
DEPARTMENTS = ("运营部", "品质部", "支撑部", "营销部", "综合部")
REPORTS = 12
ROLES = 500


def _node(i: int) -> dict[str, object]:
    role = i % ROLES
    return {"name": f"员工{i}", "positionName": f"岗位{role}", "area": DEPARTMENTS[i % 5],
            "headcount": f"{1 + i % 14}人",
            "duties": [f"接听客户来电（{role}）", "记录并跟进工单", "完成回访"],
            "kpis": [{"name": "接通率", "target": f"≥{role % 100}%"},
                     {"name": "投诉率", "target": "≤1%"}],
            "phone": f"+86 138 {i:08d}"}


def superior(i: int) -> int | None:
    return None if i == 1 else (i - 2) // REPORTS + 1


def write_flat(path: Path, nodes: int) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("[\n")
        for i in range(1, nodes + 1):
            parent = superior(i)
            entry = {"id": f"P{i}", "parentId": f"P{parent}" if parent else None, **_node(i)}
            handle.write(json.dumps(entry, ensure_ascii=False) + (",\n" if i < nodes else "\n"))
        handle.write("]\n")


def write_nested(path: Path, nodes: int) -> None:
    entries = [{"id": f"P{i}", **_node(i), "children": []} for i in range(nodes + 1)]
    for i in range(2, nodes + 1):
        entries[superior(i)]["children"].append(entries[i])  # type: ignore[index, union-attr]  # the parent is a whole number here
    path.write_text(json.dumps(entries[1], ensure_ascii=False), "utf-8")


def write_source(kind: str, path: Path, nodes: int) -> None:
    if kind == "flat":
        write_flat(path, nodes)
    elif kind == "nested":
        write_nested(path, nodes)
    else:
        sys.path.insert(0, str(HERE))
        from bench_import import write_csv

        write_csv(path, nodes)


def measure(kind: str, source: Path) -> None:
    """Run in a child process: one import, its times and peak memory as JSON on stdout."""
    from orgdesk.io.interchange import import_to_file, read_source
    from orgdesk.io.options import ImportOptions

    start, cpu = time.perf_counter(), time.process_time()
    result = read_source(source, ImportOptions())
    read_time, read_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert not result.problems, [str(p) for p in result.problems[:3]]
    count = len(result.require())
    del result
    target = source.with_suffix(".orgdesk")
    start, cpu = time.perf_counter(), time.process_time()
    import_to_file(source, target)
    total, total_cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(json.dumps({"kind": kind, "positions": count, "read": read_time, "read_cpu": read_cpu,
                      "import": total, "import_cpu": total_cpu, "peak_mb": peak}))


def reference(kind: str, source: Path) -> None:
    """Run in a child process: the bare minimum of the same import, as a floor to compare
    with. `json.loads` and sqlite3 alone: each node's values and its duties and KPIs
    inserted into three plain tables with executemany in one transaction; no checks, no
    mapping, no checksum. Prints the time and peak memory as JSON on stdout."""
    start = time.perf_counter()
    data = json.loads(source.read_text("utf-8"))
    nodes: list[tuple[dict[str, object], object]] = []
    if kind == "nested":
        stack: list[tuple[dict[str, object], object]] = [(data, None)]
        while stack:
            node, parent = stack.pop()
            nodes.append((node, parent))
            stack.extend((child, node["id"]) for child in reversed(node["children"]))  # type: ignore[union-attr]  # the benchmark's own file
    else:
        nodes = [(node, node["parentId"]) for node in data]
    positions, duties, kpis = [], [], []
    for number, (node, parent) in enumerate(nodes, 1):
        positions.append((number, node["id"], parent, node["positionName"], node["name"],
                          node["area"], node["headcount"], node["phone"]))
        duties += [(number, seq, text) for seq, text in enumerate(node["duties"])]  # type: ignore[arg-type]  # the benchmark's own file
        kpis += [(number, seq, kpi["name"], kpi["target"])  # type: ignore[index]  # the benchmark's own file
                 for seq, kpi in enumerate(node["kpis"])]  # type: ignore[arg-type]  # the benchmark's own file
    target = source.with_suffix(".reference.sqlite")
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target)
    conn.executescript("CREATE TABLE p (n INTEGER PRIMARY KEY, id TEXT, parent TEXT, title TEXT, "
                       "name TEXT, area TEXT, headcount TEXT, phone TEXT);"
                       "CREATE TABLE d (n INTEGER, seq INTEGER, text TEXT, PRIMARY KEY (n, seq));"
                       "CREATE TABLE k (n INTEGER, seq INTEGER, name TEXT, target TEXT, "
                       "PRIMARY KEY (n, seq));")
    with conn:
        conn.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?, ?, ?, ?)", positions)
        conn.executemany("INSERT INTO d VALUES (?, ?, ?)", duties)
        conn.executemany("INSERT INTO k VALUES (?, ?, ?, ?)", kpis)
    conn.close()
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"reference": elapsed, "peak_mb": peak}))


def main() -> None:
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2], Path(sys.argv[3]))
        return
    if sys.argv[1:2] == ["--reference"]:
        reference(sys.argv[2], Path(sys.argv[3]))
        return
    args = sys.argv[1:]
    repeat = 3
    if "--repeat" in args:
        at = args.index("--repeat")
        repeat = max(1, int(args[at + 1]))
        del args[at:at + 2]
    nodes = int(args[0]) if args else 100_000
    folder = Path(tempfile.mkdtemp(prefix="orgdesk-bench-json-"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    print(f"{nodes:,} nodes, twelve reports each, {ROLES} distinct job descriptions; "
          f"each import {repeat}× in a fresh process")
    print(f"{'source':<8} {'size':>8}  {'read+check (best)':>18}  {'whole import: best':>24}  "
          f"{'worst':>7}  {'peak':>7}  load")
    for kind, name in (("flat", "flat.json"), ("nested", "nested.json"), ("csv", "staff.csv")):
        source = folder / name
        write_source(kind, source, nodes)
        runs, floors = [], []
        load_before = os.getloadavg()[0]
        for _ in range(repeat):
            if kind != "csv":  # the floor, in the same minutes as the import it is set beside
                floor = subprocess.run([sys.executable, __file__, "--reference", kind,
                                        str(source)], capture_output=True, text=True, check=True)
                floors.append(json.loads(floor.stdout.strip().splitlines()[-1]))
            # The whole import runs twice in the child (read_source alone, then
            # import_to_file): the peak is that of the second, complete import, as the
            # user meets it.
            child = subprocess.run([sys.executable, __file__, "--measure", kind, str(source)],
                                   capture_output=True, text=True, check=True)
            figures = json.loads(child.stdout.strip().splitlines()[-1])
            assert figures["positions"] == nodes
            runs.append(figures)
        best = min(runs, key=lambda f: f["import"])
        worst = max(f["import"] for f in runs)
        print(f"{kind:<8} {source.stat().st_size / 1e6:6.1f}MB  "
              f"{min(f['read'] for f in runs):5.2f} s ({best['read_cpu']:4.2f} CPU)  "
              f"{best['import']:8.2f} s ({best['import_cpu']:4.2f} CPU)  "
              f"{worst:5.2f} s  {max(f['peak_mb'] for f in runs):4.0f} MB  "
              f"{load_before:.1f}–{os.getloadavg()[0]:.1f}")
        if floors:
            print(f"{'  floor':<8} {'':>8}  {'json + sqlite3 alone':>18}  "
                  f"{min(f['reference'] for f in floors):8.2f} s {'':>12}"
                  f"{max(f['reference'] for f in floors):5.2f} s  "
                  f"{max(f['peak_mb'] for f in floors):4.0f} MB")


if __name__ == "__main__":
    main()
