"""The adversarial corpus: damaged and hostile `.orgdesk` files, made deterministically.

Everything here is built from a bundled sample with plain `sqlite3` and byte
edits (never through orgdesk's own writer, which would refuse or repair what
we want to keep hostile), so the corpus is the same on every machine and in
every run.  Used by the fast tests (tests/adversarial) and by `make stress`
(tools/stress.py); it imports neither pytest nor Qt.

Categories:
  truncated  the file cut at 1/2, 1/3, page boundaries, inside the header
  flipped    one byte changed (seeded), a third of them in the first pages
             (header and schema), the rest anywhere
  crafted    every hostile case of issue 9: `sqliteX…` triggers, views,
             tables and indexes, negative and huge ids, hostile settings,
             wrong types, dangling foreign keys, cycles, a WAL-mode file,
             1 MB of unbroken text, 5,000- and 100,000-level chains,
             control characters in titles
"""
from __future__ import annotations

import random
import shutil
import sqlite3
import struct
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_orgs"
#: The base of most cases: 14 positions, 4 departments, duties, KPIs (17 pages).
BASE_SAMPLE = "training_call_center_50"
#: A second, different organisation (for `diff` against a hostile file).
OTHER_SAMPLE = "software_ops_department"

#: Titles that try to drive a terminal, a DOT parser, a spreadsheet or a layout.
CONTROL_TITLES = (
    "\x1b]0;PWNED window title\x07",
    "\x1b]52;c;cm0gLXJmIH4K\x07",
    "\x1b[2J\x1b[H cleared screen",
    "\x9b31m C1 CSI \x9d0;c1\x9c",
    "abc\u202edcb\u2066isolate\u2069",
    "NUL\x00 DEL\x7f BS\x08 CR\rforged",
    "two\nlines\nwarning: forged",
    "para\u2028graph\u2029",
    "&lt;b&gt; &#65; \\N \\G \\L \"quoted\" <table>",
    "=cmd|' /C calc'!A0",
)


@dataclass(frozen=True)
class Case:
    """One corpus file: its name, category and a way to write it."""

    name: str
    category: str
    build: Callable[[Path], None]
    #: Whether a sound orgdesk may accept it (informational: refusing is never wrong).
    valid: bool = False
    #: Heavy cases (huge chains) run only in `make stress`.
    heavy: bool = False

    def write(self, folder: Path) -> Path:
        """Write the case as `folder/<name>.orgdesk` (alone in its folder) and return it."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.name}.orgdesk"
        self.build(path)
        return path


def sample_bytes(slug: str = BASE_SAMPLE) -> bytes:
    return (SAMPLES / f"{slug}.orgdesk").read_bytes()


def _bytes_case(name: str, category: str, data: bytes, valid: bool = False) -> Case:
    return Case(name, category, lambda path: path.write_bytes(data), valid)


# ---------------------------------------------------------------- truncation
def page_size_of(data: bytes) -> int:
    size = struct.unpack(">H", data[16:18])[0]
    return 65536 if size == 1 else size


def truncations(data: bytes | None = None, every_page: bool = False) -> list[Case]:
    """The file cut short: 0, 50, 99, 100 bytes, 1/3, 1/2, and page boundaries."""
    data = sample_bytes() if data is None else data
    page = page_size_of(data)
    pages = len(data) // page
    cuts = {0, 50, 99, 100, len(data) // 3, len(data) // 2, len(data) - 1}
    boundaries = range(1, pages) if every_page else sorted({1, 2, pages // 2, pages - 1})
    cuts |= {k * page for k in boundaries}
    return [_bytes_case(f"truncated-{cut:06d}", "truncated", data[:cut])
            for cut in sorted(cuts) if cut < len(data)]


# ----------------------------------------------------------------- byte flips
def byte_flips(count: int, seed: int = 20261203, data: bytes | None = None) -> list[Case]:
    """`count` mutants, each with one byte XORed with a random non-zero value."""
    data = sample_bytes() if data is None else data
    rng = random.Random(seed)
    page = page_size_of(data)
    cases = []
    for i in range(count):
        # A third in the header and schema pages, where damage confuses SQLite most.
        span = 2 * page if i % 3 == 0 else len(data)
        offset = rng.randrange(span)
        mask = rng.randrange(1, 256)
        mutant = bytearray(data)
        mutant[offset] ^= mask
        cases.append(_bytes_case(f"flip-{i:04d}-at-{offset:06d}-x{mask:02x}", "flipped",
                                 bytes(mutant)))
    return cases


# -------------------------------------------------------------------- crafted
def _sql(*statements: str, params: tuple[object, ...] = (), base: str = BASE_SAMPLE,
         script: Callable[[sqlite3.Connection], None] | None = None
         ) -> Callable[[Path], None]:
    """A builder: copy the base sample, run statements with plain sqlite3."""
    def build(path: Path) -> None:
        shutil.copyfile(SAMPLES / f"{base}.orgdesk", path)
        with closing(sqlite3.connect(path, isolation_level=None)) as conn:
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("PRAGMA synchronous = OFF")  # a test fixture: no fsync per statement
            # Another program's edit leaves no content checksum: the checks of the
            # contents themselves are what each case meets.
            conn.execute("DELETE FROM meta WHERE key = 'checksum'")
            for statement in statements:
                conn.execute(statement, params if "?" in statement else ())
            if script is not None:
                script(conn)
        _no_litter(path)
    return build


def _no_litter(path: Path) -> None:
    for suffix in ("-journal", "-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            raise RuntimeError(f"building {path.name} left {extra.name}")


def _setting(name: str, raw_json: str) -> Callable[[Path], None]:
    return _sql("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                params=(f"setting.{name}", raw_json))


def _negate_ids(conn: sqlite3.Connection) -> None:
    for table, column in (("positions", "id"), ("positions", "superior_id"),
                          ("duties", "position_id"), ("languages", "position_id"),
                          ("skills", "position_id"), ("kpis", "position_id"),
                          ("holders", "position_id"),
                          ("relations", "source_id"), ("relations", "target_id")):
        conn.execute(f"UPDATE {table} SET {column} = -{column} WHERE {column} IS NOT NULL")


def _chain(levels: int) -> Callable[[sqlite3.Connection], None]:
    def script(conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN")
        first = conn.execute("SELECT max(id) FROM positions").fetchone()[0] + 1
        leaf = conn.execute("SELECT max(id) FROM positions WHERE superior_id IS NULL"
                            ).fetchone()[0]
        after = conn.execute("SELECT count(*) FROM positions WHERE superior_id = ?",
                             (leaf,)).fetchone()[0]  # the chain hangs after the root's reports
        rows = ((first + i, leaf if i == 0 else first + i - 1, after if i == 0 else 0,
                 f"第{i + 1}级 level {i + 1}") for i in range(levels))
        conn.executemany(
            "INSERT INTO positions (id, superior_id, sort_order, title, department_id, kind, "
            "level, planned_headcount, headcount_note, filled_headcount, education, "
            "other_requirements, career_path, notes, source_id, pay_min, pay_max, "
            "on_cost_percent) "
            "VALUES (?, ?, ?, ?, NULL, 'line', '', 1, '', 1, '', '', '', '', '', 0, 0, 0)", rows)
        conn.execute("COMMIT")
    return script


def _many_duties(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO duties (position_id, seq, text) VALUES (1, ?, ?)",
                     ((100 + i, f"duty {i}") for i in range(10_000)))
    conn.execute("COMMIT")


def _control_titles(conn: sqlite3.Connection) -> None:
    ids = [row[0] for row in conn.execute("SELECT id FROM positions ORDER BY id")]
    for pid, title in zip(ids, CONTROL_TITLES, strict=False):
        conn.execute("UPDATE positions SET title = ? WHERE id = ?", (title, pid))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'title'", (CONTROL_TITLES[0],))
    conn.execute("UPDATE departments SET name = name || ?", (CONTROL_TITLES[1],))
    conn.execute("UPDATE duties SET text = ? WHERE seq = 0", (CONTROL_TITLES[2],))


def _wal(path: Path) -> None:
    shutil.copyfile(SAMPLES / f"{BASE_SAMPLE}.orgdesk", path)
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("DELETE FROM meta WHERE key = 'checksum'")  # as another program's edit
        conn.execute("UPDATE positions SET notes = 'written in WAL mode' WHERE id = 1")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):  # closing checkpoints; the header still says WAL
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    assert path.read_bytes()[18:20] == b"\x02\x02", "not a WAL-mode file"


def _header_field(offset: int, value: int) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        data = bytearray(sample_bytes())
        data[offset:offset + 4] = struct.pack(">I", value)
        path.write_bytes(bytes(data))
    return build


NOTE_MB = "x" * 1_000_000


def crafted() -> list[Case]:
    """Every hostile case of issue 9 (and a few neighbours), as files."""
    c: list[Case] = [
        Case("control-sample", "crafted", _sql(), valid=True),
        # 1. Objects whose names only look like SQLite's own (LIKE 'sqlite_%' lets them by).
        Case("sqliteX-trigger", "crafted", _sql(
            "CREATE TRIGGER sqliteXwipe AFTER UPDATE ON positions BEGIN DELETE FROM duties; "
            "UPDATE positions SET title = 'PWNED ' || title; END")),
        Case("sqliteX-trigger-on-insert", "crafted", _sql(
            "CREATE TRIGGER sqliteYins AFTER INSERT ON positions BEGIN DELETE FROM kpis; END")),
        Case("sqliteX-view", "crafted", _sql(
            "CREATE VIEW sqliteXview AS SELECT title FROM positions")),
        Case("sqliteX-table", "crafted", _sql("CREATE TABLE sqliteXtable (x TEXT)")),
        Case("sqliteX-index", "crafted", _sql(
            "CREATE INDEX sqliteXidx ON positions (title)")),
        Case("plain-trigger", "crafted", _sql(
            "CREATE TRIGGER wipe AFTER UPDATE ON positions BEGIN DELETE FROM duties; END")),
        Case("extra-table", "crafted", _sql("CREATE TABLE notes_extra (x TEXT)")),
        # 3. Ids: negative, at and beyond 2^63 - 1.
        Case("negative-ids", "crafted", _sql(script=_negate_ids)),
        Case("zero-id", "crafted", _sql("UPDATE positions SET id = 0 WHERE id = 14",
                                        "UPDATE duties SET position_id = 0 WHERE position_id = 14",
                                        "UPDATE kpis SET position_id = 0 WHERE position_id = 14")),
        Case("id-2^63-1", "crafted", _sql(
            "UPDATE positions SET id = 9223372036854775807 WHERE id = 14",
            "UPDATE duties SET position_id = 9223372036854775807 WHERE position_id = 14",
            "UPDATE kpis SET position_id = 9223372036854775807 WHERE position_id = 14")),
        # A rowid cannot exceed 2^63 - 1; a reference can, stored as a REAL.
        Case("superior-id-2^63-real", "crafted", _sql(
            "UPDATE positions SET superior_id = 9223372036854775808.0 WHERE id = 14")),
        Case("duty-position-2^64-real", "crafted", _sql(
            "UPDATE duties SET position_id = 18446744073709551616.0 WHERE position_id = 14")),
        Case("superior-id-huge", "crafted", _sql(
            "UPDATE positions SET superior_id = 9223372036854775807 WHERE id = 14")),
        # 8. Hostile document settings.
        Case("setting-detail-1e999", "crafted", _setting("chart", '{"detail": 1e999}')),
        Case("setting-detail-nan", "crafted", _setting("chart", '{"detail": NaN}')),
        Case("setting-detail-string", "crafted", _setting("chart", '{"detail": "x"}')),
        Case("setting-override-superscript", "crafted",
             _setting("chart", '{"overrides": {"\u00b2": "vertical"}}')),
        Case("setting-override-bad-mode", "crafted",
             _setting("chart", '{"overrides": {"2": "sideways"}}')),
        Case("setting-orientation-list", "crafted", _setting("chart", '{"orientation": [1]}')),
        Case("setting-last-id-x", "crafted", _setting("last_position_id", '"x"')),
        Case("setting-last-id-max", "crafted",
             _setting("last_position_id", "9223372036854775807")),
        Case("setting-last-id-negative", "crafted", _setting("last_position_id", "-5")),
        Case("setting-span-rules-1e999", "crafted",
             _setting("span_rules", '{"team_leader": {"min_agents": 1e999}}')),
        Case("setting-deep-nesting", "crafted", _setting("future_thing", "[" * 100_000
                                                         + "]" * 100_000)),
        Case("setting-not-json", "crafted", _setting("chart", "{not json")),
        Case("setting-huge-number", "crafted", _setting("chart", '{"detail": ' + "9" * 5000
                                                        + "}")),
        # Wrong types where SQLite lets any value into any column.
        Case("title-blob", "crafted", _sql("UPDATE positions SET title = x'ff00fe' WHERE id = 2")),
        Case("title-invalid-utf8", "crafted", _sql(
            "UPDATE positions SET title = CAST(x'c3' || x'28' || x'a0a1' AS TEXT) WHERE id = 2")),
        Case("headcount-text", "crafted", _sql(
            "UPDATE positions SET planned_headcount = 'fourteen' WHERE id = 2")),
        Case("headcount-real", "crafted", _sql(
            "UPDATE positions SET planned_headcount = 2.5 WHERE id = 2")),
        Case("headcount-huge", "crafted", _sql(
            "UPDATE positions SET planned_headcount = 9223372036854775807 WHERE id = 2",
            "UPDATE positions SET planned_headcount = 9223372036854775807 WHERE id = 3")),
        Case("kind-unknown", "crafted", _sql(
            "PRAGMA ignore_check_constraints = ON",
            "UPDATE positions SET kind = 'matrix' WHERE id = 2")),
        Case("colour-bad", "crafted", _sql("UPDATE departments SET colour = 'red;x'")),
        Case("created-not-a-date", "crafted", _sql(
            "UPDATE meta SET value = 'yesterday' WHERE key = 'created'")),
        Case("meta-title-missing", "crafted", _sql("DELETE FROM meta WHERE key = 'title'")),
        # Broken references and structure.
        Case("dangling-superior", "crafted", _sql(
            "UPDATE positions SET superior_id = 999 WHERE id = 5")),
        Case("dangling-duty", "crafted", _sql(
            "INSERT INTO duties (position_id, seq, text) VALUES (777, 0, 'orphan')")),
        Case("dangling-department", "crafted", _sql(
            "UPDATE positions SET department_id = 424242 WHERE id = 5")),
        Case("dangling-relation", "crafted", _sql(
            "INSERT INTO relations (id, source_id, target_id, kind, label) "
            "VALUES (99, 2, 8888, 'dotted', '')")),
        Case("cycle-two", "crafted", _sql("UPDATE positions SET superior_id = 5 WHERE id = 4")),
        Case("cycle-self", "crafted", _sql(
            "PRAGMA ignore_check_constraints = ON",
            "UPDATE positions SET superior_id = id WHERE id = 4")),
        Case("cycle-no-root", "crafted", _sql(
            "UPDATE positions SET superior_id = 14 WHERE superior_id IS NULL")),
        Case("sort-order-duplicates", "crafted", _sql("UPDATE positions SET sort_order = 0")),
        Case("sort-order-huge", "crafted", _sql(
            "UPDATE positions SET sort_order = 9223372036854775807 WHERE id = 3")),
        # The header: a WAL-mode file, a newer schema, another program's id.
        Case("wal-mode", "crafted", _wal, valid=True),
        Case("user-version-newer", "crafted", _header_field(60, 99)),
        Case("user-version-huge", "crafted", _header_field(60, 0xFFFFFFFF)),
        Case("application-id-other", "crafted", _header_field(68, 0x12345678)),
        Case("page-count-lies", "crafted", _header_field(28, 0x7FFFFFFF)),
        # Size and shape that used to freeze the app.
        Case("note-1mb-unbroken", "crafted", _sql(
            "UPDATE positions SET notes = ? WHERE id = 1", params=(NOTE_MB,)), valid=True),
        Case("title-100k-unbroken", "crafted", _sql(
            "UPDATE positions SET title = ? WHERE id = 2", params=("W" * 100_000,)), valid=True),
        Case("duties-10k", "crafted", _sql(script=_many_duties), valid=True),
        Case("chain-5000", "crafted", _sql(script=_chain(5_000)), valid=True),
        Case("chain-100000", "crafted", _sql(script=_chain(100_000)), valid=True, heavy=True),
        Case("control-titles", "crafted", _sql(script=_control_titles), valid=True),
    ]
    return c


def corpus(flips: int = 40, every_page: bool = False, heavy: bool = False) -> list[Case]:
    """The whole corpus: truncations, `flips` byte flips and every crafted case."""
    cases = truncations(every_page=every_page) + byte_flips(flips) + crafted()
    return [case for case in cases if heavy or not case.heavy]


def by_name(cases: list[Case]) -> dict[str, Case]:
    return {case.name: case for case in cases}


def iter_written(cases: list[Case], folder: Path) -> Iterator[tuple[Case, Path]]:
    """Write each case into its own sub-folder (so "nothing left beside it" is checkable)."""
    for case in cases:
        yield case, case.write(folder / case.name)


# ------------------------------------------------------------ hostile imports
@dataclass(frozen=True)
class ImportCase:
    """A source file for `orgdesk import`: its name (with the extension) and bytes."""

    name: str
    data: bytes
    category: str = "hostile import"

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self.name
        path.write_bytes(self.data)
        return path


def _orgdesk_json(settings: str = "{}", title: str = '"导入 import"') -> bytes:
    """orgdesk's own JSON with raw `settings` and root `title` spliced in as JSON text."""
    return ('{"format": "orgdesk", "version": 1, "info": {"title": "hostile"}, '
            '"departments": [], "relations": [], "settings": ' + settings + ', '
            '"positions": [{"id": 1, "title": ' + title + '}, '
            '{"id": 2, "title": "坐席", "superior_id": 1}]}').encode("utf-8")


def hostile_imports() -> list[ImportCase]:
    """Import files that carry issue 9's hostile settings and values (h3 owns the rest)."""
    return [
        ImportCase("settings-detail-1e999.json", _orgdesk_json('{"chart": {"detail": 1e999}}')),
        ImportCase("settings-detail-nan.json", _orgdesk_json('{"chart": {"detail": NaN}}')),
        ImportCase("settings-override-superscript.json",
                   _orgdesk_json('{"chart": {"overrides": {"\u00b2": "vertical"}}}')),
        ImportCase("settings-last-id-x.json", _orgdesk_json('{"last_position_id": "x"}')),
        ImportCase("settings-last-id-max.json",
                   _orgdesk_json('{"last_position_id": 9223372036854775807}')),
        ImportCase("settings-deep.json", _orgdesk_json("[" * 100_000 + "]" * 100_000)),
        ImportCase("number-5000-digits.json", _orgdesk_json('{"chart": {"detail": '
                                                            + "9" * 5000 + "}}")),
        ImportCase("title-lone-surrogate.json", _orgdesk_json(title='"a\\ud800b"')),
        ImportCase("title-control.json", _orgdesk_json(title='"\\u001b]0;PWNED\\u0007"')),
        ImportCase("utf8-with-one-gbk-line.csv",
                   "职位,上级\n总经理,\n".encode() + "客服主管,总经理\n".encode("gbk")
                   + "坐席,客服主管\n".encode()),
        ImportCase("utf32.csv", "职位,上级\n总经理,\n坐席,总经理\n".encode("utf-32")),
        ImportCase("double-bom.csv", b"\xef\xbb\xbf\xef\xbb\xbf" + "职位,上级\n总经理,\n".encode()),
    ]
