"""File format 3 (pay and on-cost per position): real format-2 files open, upgrade and save as 3.

The format-2 files here were written by the released format-2 build (commit
d9c945c; see `tests/storage/v2_sample.py`), not by this one pretending.
"""
from __future__ import annotations

import gzip
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from orgdesk.core.model import DocumentInfo, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import CURRENCY_SETTING, DEFAULT_CURRENCY, currency_of
from orgdesk.samples import find_sample, load_sample_source
from orgdesk.services.editor import DocumentService
from orgdesk.storage import checksum, mapping, migrations
from orgdesk.storage.document import DocumentFile, create_file
from orgdesk.storage.errors import CorruptFile, FileTooNew
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.schema_history import RELEASED
from orgdesk.storage.sqlite_file import schema_of
from tests.storage.support import file_state, header_fields, hostile_org, integrity, sql_on_copy
from tests.storage.v2_sample import v2_sample_org

FIXTURES = Path(__file__).with_name("fixtures")
FORMAT_2 = FIXTURES / "format-2.orgdesk"
FORMAT_2_SAMPLES = sorted((FIXTURES / "format-2-samples").glob("*.orgdesk.gz"))
CURRENT = migrations.SCHEMA_VERSION
PAY_COLUMNS = ("pay_min", "pay_max", "on_cost_percent")


@pytest.fixture
def v2_file(tmp_path: Path) -> Path:
    path = tmp_path / "client 2026.orgdesk"
    shutil.copyfile(FORMAT_2, path)
    return path


def _schema(path: Path) -> set[tuple[str, str, str, str]]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return schema_of(conn)


def _columns(path: Path, table: str) -> list[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _contents(org: Organisation) -> tuple[object, ...]:
    """An organisation's snapshot without the save time (a save stamps `modified`)."""
    info, *rest = org.snapshot()
    assert isinstance(info, DocumentInfo)
    return (info.title, info.client, info.author, info.notes, info.created, *rest)


def test_the_fixture_is_a_real_format_2_file_and_format_2_is_frozen() -> None:
    """RELEASED[2] must stay what the released build wrote: its schema equals the fixture's."""
    assert header_fields(FORMAT_2)["user_version"] == 2
    assert _schema(FORMAT_2) == migrations.normalised(migrations.expected_schema(2))
    assert not set(PAY_COLUMNS) & set(_columns(FORMAT_2, "positions"))
    assert {1, 2, 3} <= set(RELEASED) and CURRENT >= 3
    assert len(FORMAT_2_SAMPLES) == 6


def test_format_3_is_frozen_with_the_pay_columns_last() -> None:
    positions = next(s for s in RELEASED[3] if s.startswith("CREATE TABLE positions "))
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(positions)
        names = [row[1] for row in conn.execute("PRAGMA table_info(positions)")]
    finally:
        conn.close()
    assert tuple(names[-3:]) == PAY_COLUMNS and tuple(names[:-3]) == migrations._POSITIONS_V2


def test_read_organisation_upgrades_a_format_2_file_in_memory(v2_file: Path) -> None:
    before = file_state(v2_file)
    org = read_organisation(v2_file)  # its format-2 checksum is verified too
    assert org.snapshot() == v2_sample_org().snapshot()
    assert all((p.pay_min, p.pay_max, p.on_cost_percent) == (0, 0, 0) for p in org.positions())
    assert org.position(PositionId(7)).holders == ("张三", "李四", "王芳")
    assert "currency" not in org.settings
    assert file_state(v2_file) == before


def test_a_format_2_file_opens_upgraded_and_is_written_only_by_save(v2_file: Path) -> None:
    before = file_state(v2_file)
    doc = DocumentFile.open(v2_file)
    try:
        assert doc.upgraded_from == 2 and doc.modified
        working = doc._session_folder.working_path
        assert header_fields(working)["user_version"] == CURRENT
        assert _schema(working) == migrations.normalised(migrations.expected_schema())
        assert doc.load().snapshot() == v2_sample_org().snapshot()
        service = DocumentService(doc)
        service.edit_position(PositionId(7), pay_min=4_500, pay_max=6_500, on_cost_percent=35)
        service.set_setting("currency", "HKD")
        assert file_state(v2_file) == before  # still format 2 until the user saves
        doc.save()
    finally:
        doc.close()
    assert header_fields(v2_file)["user_version"] == CURRENT
    assert _schema(v2_file) == migrations.normalised(migrations.expected_schema())
    assert integrity(v2_file) == [("ok",)]
    with DocumentFile.open(v2_file) as again:
        assert again.upgraded_from is None and not again.modified
        loaded = again.load()
        agent = loaded.position(PositionId(7))
        assert (agent.pay_min, agent.pay_max, agent.on_cost_percent) == (4_500, 6_500, 35)
        assert loaded.settings["currency"] == "HKD"
        expected = v2_sample_org()
        expected.update_position(expected.position(PositionId(7)).evolve(
            pay_min=4_500, pay_max=6_500, on_cost_percent=35))
        expected.settings["currency"] = "HKD"
        assert _contents(loaded) == _contents(expected)


def test_closing_an_upgraded_file_unsaved_leaves_it_format_2(v2_file: Path) -> None:
    before = file_state(v2_file)
    with DocumentFile.open(v2_file) as doc:
        assert doc.upgraded_from == 2
    assert file_state(v2_file) == before
    assert header_fields(v2_file)["user_version"] == 2


@pytest.mark.parametrize("packed", FORMAT_2_SAMPLES, ids=lambda p: p.name.split(".")[0])
def test_every_released_sample_upgrades(packed: Path, tmp_path: Path) -> None:
    path = tmp_path / packed.name.removesuffix(".gz")
    path.write_bytes(gzip.decompress(packed.read_bytes()))
    assert header_fields(path)["user_version"] == 2
    source = load_sample_source(find_sample(path.name.removesuffix(".orgdesk")).source)
    assert read_organisation(path).snapshot() == source.snapshot()
    target = tmp_path / "saved.orgdesk"
    with DocumentFile.open(path) as doc:
        assert doc.upgraded_from == 2
        doc.save_as(target)
    assert header_fields(target)["user_version"] == CURRENT
    assert header_fields(path)["user_version"] == 2
    assert _schema(target) == migrations.normalised(migrations.expected_schema())
    assert _contents(read_organisation(target)) == _contents(source)


def test_the_upgrade_keeps_every_row_with_foreign_keys_on(tmp_path: Path) -> None:
    """Rebuilding positions must not cascade into holders, duties … whatever the pragma."""
    path = tmp_path / "fk.orgdesk"
    shutil.copyfile(FORMAT_2, path)
    tables = ("positions", "duties", "kpis", "languages", "skills", "holders", "relations")
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        assert min(counts.values()) > 0
        assert migrations.upgrade(conn, path) == 2
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in tables} == counts
        assert conn.execute("SELECT DISTINCT pay_min, pay_max, on_cost_percent FROM positions"
                            ).fetchall() == [(0, 0, 0)]
        assert schema_of(conn) == migrations.normalised(migrations.expected_schema())
        org = mapping.load_organisation(conn)
    assert org.snapshot() == v2_sample_org().snapshot()


def test_a_format_3_file_is_refused_by_a_format_2_orgdesk(tmp_path: Path) -> None:
    path = tmp_path / "with pay.orgdesk"
    create_file(path, hostile_org(), touch_modified=False)
    assert header_fields(path)["user_version"] == CURRENT
    before = file_state(path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "SCHEMA_VERSION", 2)
        migrations.expected_schema.cache_clear()
        try:
            for opener in (read_organisation, DocumentFile.open):
                with pytest.raises(FileTooNew) as caught:
                    opener(path)
                assert str(caught.value) == (
                    f"“with pay.orgdesk” was saved by a newer version of orgdesk (file format "
                    f"{CURRENT}, this version reads up to 2); please update orgdesk to open it.")
        finally:
            migrations.expected_schema.cache_clear()
    assert file_state(path) == before
    assert read_organisation(path).snapshot() == hostile_org().snapshot()


def test_a_file_newer_than_this_build_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "from the future.orgdesk"
    create_file(path, hostile_org())
    sql_on_copy(path, f"PRAGMA user_version = {CURRENT + 1}")
    before = file_state(path)
    for opener in (read_organisation, DocumentFile.open):
        with pytest.raises(FileTooNew) as caught:
            opener(path)
        assert str(caught.value) == (
            f"“from the future.orgdesk” was saved by a newer version of orgdesk (file format "
            f"{CURRENT + 1}, this version reads up to {CURRENT}); please update orgdesk to "
            "open it.")
    assert file_state(path) == before


def test_a_format_3_file_labelled_format_2_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "relabelled.orgdesk"
    create_file(path, hostile_org())
    sql_on_copy(path, "PRAGMA user_version = 2")
    for opener in (read_organisation, DocumentFile.open):
        with pytest.raises(CorruptFile, match="not the ones orgdesk writes"):
            opener(path)


@pytest.mark.parametrize("statement", [
    "UPDATE positions SET pay_min = 18001 WHERE pay_min = 18000",
    "UPDATE positions SET pay_max = 5501 WHERE pay_max = 5500",
    "UPDATE positions SET on_cost_percent = 36 WHERE on_cost_percent = 35",
])
def test_the_checksum_covers_the_pay_columns(tmp_path: Path, statement: str) -> None:
    path = tmp_path / "summed.orgdesk"
    create_file(path, hostile_org())
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        assert conn.execute(statement).rowcount == 1  # the checksum row stays as saved
    with pytest.raises(CorruptFile, match="changed outside orgdesk"):
        read_organisation(path)
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        rows = checksum.schema_rows(conn, CURRENT)
    assert len(rows["positions"][0]) == len(_columns(path, "positions"))


@pytest.mark.parametrize("statement, cause", [
    ("UPDATE positions SET pay_min = 9000, pay_max = 5000 WHERE id = 1", "starts after it ends"),
    ("UPDATE positions SET on_cost_percent = 201 WHERE id = 1", "between 0 and 200"),
    ("UPDATE positions SET pay_max = 100000001 WHERE id = 1", "between 0 and 100000000"),
])
def test_pay_is_validated_on_read(tmp_path: Path, statement: str, cause: str) -> None:
    path = tmp_path / "crafted.orgdesk"
    create_file(path, hostile_org())
    sql_on_copy(path, statement)
    for opener in (read_organisation, DocumentFile.open):
        with pytest.raises(CorruptFile, match="its contents are damaged") as caught:
            opener(path)
        assert cause in str(caught.value.__cause__)


@pytest.mark.parametrize("value", ['"yuan"', '"cny"', "156", '"CNY\\n"', "null",
                                   '"\\uff23\\uff2e\\uff39"'])  # fullwidth CNY
def test_the_currency_is_validated_on_read(tmp_path: Path, value: str) -> None:
    path = tmp_path / "crafted.orgdesk"
    create_file(path, hostile_org())
    sql_on_copy(path, f"INSERT INTO meta (key, value) VALUES ('setting.currency', '{value}')")
    for opener in (read_organisation, DocumentFile.open):
        with pytest.raises(CorruptFile, match="setting “currency” is invalid"):
            opener(path)


def test_a_document_without_a_currency_is_in_yuan(tmp_path: Path) -> None:
    path = tmp_path / "usd.orgdesk"
    org = hostile_org()
    assert currency_of(org.settings) == DEFAULT_CURRENCY == "CNY"
    org.settings[CURRENCY_SETTING] = "USD"
    create_file(path, org)
    assert currency_of(read_organisation(path).settings) == "USD"


def test_negative_pay_breaks_the_tables_check(tmp_path: Path) -> None:
    path = tmp_path / "negative.orgdesk"
    create_file(path, hostile_org())
    with pytest.raises(sqlite3.IntegrityError, match="pay_non_negative"):
        sql_on_copy(path, "UPDATE positions SET pay_min = -1 WHERE id = 1")


def _downgrade_to_format_2(working: Path) -> None:
    """Turn a working copy into what a format-2 orgdesk left: the same rows in format 2."""
    columns = ", ".join(migrations._POSITIONS_V2)
    with closing(sqlite3.connect(working, isolation_level=None)) as conn:
        conn.execute("BEGIN")
        conn.execute(f"CREATE TEMP TABLE kept AS SELECT {columns} FROM positions")
        conn.execute("DROP TABLE positions")
        conn.execute("DROP TABLE IF EXISTS scenarios")  # format 4's table
        for statement in RELEASED[2]:
            if statement.startswith(("CREATE TABLE positions ", "CREATE INDEX ix_positions_")):
                conn.execute(statement)
        conn.execute(f"INSERT INTO positions ({columns}) SELECT {columns} FROM temp.kept")
        conn.execute("PRAGMA user_version = 2")
        conn.execute("COMMIT")
        assert schema_of(conn) == migrations.normalised(migrations.expected_schema(2))


def test_unsaved_edits_left_by_a_format_2_orgdesk_are_recovered_and_editable(
        v2_file: Path) -> None:
    from tests.storage.support import abandon

    doc = DocumentFile.open(v2_file)
    DocumentService(doc).edit_position(PositionId(9), notes="unsaved in format 2")
    working = doc._session_folder.working_path
    abandon(doc)
    _downgrade_to_format_2(working)
    recovered = DocumentFile.open(v2_file, recover=True)
    try:
        assert header_fields(working)["user_version"] == CURRENT
        assert recovered.load().position(PositionId(9)).notes == "unsaved in format 2"
        DocumentService(recovered).edit_position(PositionId(9), pay_min=7_000, pay_max=7_000)
        recovered.save()
    finally:
        recovered.close()
    nine = read_organisation(v2_file).position(PositionId(9))
    assert (nine.notes, nine.pay_min, nine.pay_max) == ("unsaved in format 2", 7_000, 7_000)
    assert header_fields(v2_file)["user_version"] == CURRENT


def test_a_10000_position_format_2_file_upgrades_whole(tmp_path: Path) -> None:
    """Every row survives the rebuild of a big positions table, in one step."""
    from tests.storage.support import big_org

    org = big_org(10_000, duty_chars=20)
    path = tmp_path / "big.orgdesk"
    create_file(path, org, touch_modified=False)
    _downgrade_to_format_2(path)
    tables = ("positions", "duties", "kpis")
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        assert counts == {"positions": 10_000, "duties": 29_997, "kpis": 9_999}
        assert migrations.upgrade(conn, path) == 2
        assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in tables} == counts
        assert schema_of(conn) == migrations.normalised(migrations.expected_schema())
        assert mapping.load_organisation(conn).snapshot() == org.snapshot()
