"""Team library speed on a real PostgreSQL server: publish, pull and search.

Run by hand: `.venv/bin/python benchmarks/bench_team.py [--projects N] [--positions M]
[--url URL]`.  Without --url it starts a throw-away cluster (Debian's PostgreSQL, as the
tests do) and fills a library of N projects (default 1,000) of M positions each
(default 1,000) through the real publish path, then times, each the best of a few runs:

* publish of a 10,000-position document (targets: < 3 s), and of one whose every
  position's text is its own (the most new text to index),
* pull of it to a local .orgdesk file (< 2 s),
* publish and pull of a 10,000-position document of three scenarios,
* search over every position in the library for Chinese and English words (< 200 ms),
  among them a two-character word found nowhere ("火星"), a word in one text of each
  project ("专员999") and a character found nowhere ("岗"): none stops early.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("ORGDESK_STATE_DIR", tempfile.mkdtemp(prefix="orgdesk-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.callcenter import generate  # after the path is set
from orgdesk.core.organisation import Organisation
from orgdesk.storage.scenario_table import DEFAULT_NAME
from orgdesk.team.documents import Scenario, TeamDocument, write_document
from orgdesk.team.library import Library


def best(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def fill(library: Library, projects: int, positions: int) -> float:
    template = generate(positions)
    start = time.perf_counter()
    for number in range(projects):
        library.publish(template, f"客户 {number:04d}", "初版")
        if number % 100 == 99:
            print(f"  {number + 1} projects in {time.perf_counter() - start:.0f} s", flush=True)
    return time.perf_counter() - start


def measure(url: str, projects: int, positions: int, filled: bool = False) -> None:
    with Library.open(url) as library:
        if not filled:
            print(f"filling {projects} projects × {positions} positions …", flush=True)
            took = fill(library, projects, positions)
            print(f"filled in {took:.1f} s ({projects * positions:,} positions)")
        big = generate(10_000)
        counter = iter(range(1_000_000))

        def publish(document: Organisation | TeamDocument = big) -> None:
            library.publish(document, f"大项目 {next(counter)}", "一万个岗位")

        print(f"publish 10,000 positions: {best(3, publish):.2f} s (target 3 s)")
        unique = varied(big)
        print(f"publish 10,000 positions, every text new: "
              f"{best(3, lambda: publish(unique)):.2f} s (target 3 s)")
        folder = Path(tempfile.mkdtemp(prefix="orgdesk-bench-pull-"))

        def pull(project: str = "大项目 0") -> None:
            _, document = library.pull_document(project)
            write_document(folder / f"pulled-{next(counter)}.orgdesk", document)

        print(f"pull 10,000 positions to a file: {best(3, pull):.2f} s (target 2 s)")
        scenarios = three_scenarios(big)
        first = next(counter)
        library.publish(scenarios, f"大项目 {first}", "三个方案")
        print(f"publish 10,000 positions × 3 scenarios: "
              f"{best(3, lambda: publish(scenarios)):.2f} s")
        print(f"pull 10,000 positions × 3 scenarios to a file: "
              f"{best(3, lambda: pull(f'大项目 {first}')):.2f} s")
        for words in ("座席", "质检", "排班辅导", "Quality", "no such words 不存在", "火星",
                      "专员999", "岗"):
            hits = library.search(words)

            def search(words: str = words) -> None:
                library.search(words)

            took = best(5, search)
            print(f"search {words!r}: {took * 1000:.0f} ms, {len(hits)} hits shown "
                  f"(target 200 ms)")


def varied(org: Organisation) -> Organisation:
    """`org` with every position's duties its own (no text shared: the most to index)."""
    copy = org.copy()
    for position in list(copy.positions()):
        copy.update_position(replace(position, duties=tuple(
            f"{duty}（{position.id}号）" for duty in position.duties)))
    return copy


def three_scenarios(org: Organisation) -> TeamDocument:
    """`org` open, and two more scenarios each retitling a hundred of its positions."""
    others = []
    for name, step in (("精简方案", 7), ("扩张方案", 11)):
        copy = org.copy()
        for position in list(copy.positions())[::step][:100]:
            copy.update_position(replace(position, title=f"{position.title}（{name}）"))
        others.append(Scenario(name, copy))
    return TeamDocument((Scenario(DEFAULT_NAME, org, True), *others))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--positions", type=int, default=1000)
    parser.add_argument("--url", help="an existing, initialised library (else a throw-away one)")
    parser.add_argument("--cluster", type=Path, help=(
        "a folder keeping the filled cluster: made and filled when absent (then kept), "
        "else copied and the copy upgraded to this build's schema and measured, so the "
        "slow fill is done once"))
    parser.add_argument("--fill-only", action="store_true", help="with --cluster: only fill")
    args = parser.parse_args()
    if args.url:
        measure(args.url, args.projects, args.positions)
        return 0
    if args.cluster:
        return kept_cluster(args.cluster, args.projects, args.positions, args.fill_only)
    from tests.team.cluster import throwaway_cluster

    with throwaway_cluster() as cluster:
        use_password_file(cluster.root)
        with Library.open(cluster.url()) as library:
            library.init()
        measure(cluster.url(), args.projects, args.positions)
    return 0


def use_password_file(folder: Path) -> None:
    from tests.team.cluster import ADMIN_PASSWORD, PORT

    passfile = folder / "pgpass"
    passfile.write_text(f"*:{PORT}:*:orgdesk_admin:{ADMIN_PASSWORD}\n", "utf-8")
    passfile.chmod(0o600)
    os.environ["PGPASSFILE"] = str(passfile)


def kept_cluster(folder: Path, projects: int, positions: int, fill_only: bool) -> int:
    from tests.team.cluster import DATABASE, existing_cluster, new_cluster

    if not folder.exists():
        cluster = new_cluster(folder.resolve())
        cluster.start()
        try:
            cluster.psql(f"CREATE DATABASE {DATABASE}")
            use_password_file(Path(tempfile.mkdtemp(prefix="orgdesk-bench-")))
            with Library.open(cluster.url()) as library:
                library.init()
                print(f"filling {projects} projects × {positions} positions …", flush=True)
                took = fill(library, projects, positions)
                print(f"filled in {took:.1f} s ({projects * positions:,} positions)")
            cluster.psql("VACUUM ANALYZE", database=DATABASE)
        finally:
            cluster.stop()
        if fill_only:
            return 0
    copy = Path(tempfile.mkdtemp(prefix="orgdesk-bench-pg-")) / "cluster"
    copy.parent.chmod(0o755)  # the server (as root: the postgres user) reaches into it
    subprocess.run(["cp", "-a", str(folder.resolve()), str(copy)], check=True)
    try:
        cluster = existing_cluster(copy)
        cluster.start()
        try:
            use_password_file(Path(tempfile.mkdtemp(prefix="orgdesk-bench-")))
            with Library.open(cluster.url()) as library:
                start = time.perf_counter()
                before, after = library.upgrade()
                if before != after:
                    print(f"upgraded the library from schema {before} to {after} in "
                          f"{time.perf_counter() - start:.1f} s", flush=True)
                    cluster.psql("VACUUM ANALYZE", database=DATABASE)
            measure(cluster.url(), projects, positions, filled=True)
        finally:
            cluster.stop()
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
