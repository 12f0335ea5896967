"""The library's schema through Alembic: a database populated under the first revision
upgrades with its data intact (and searchable), and a schema older or newer than this
build, or none at all, is one sentence."""
from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from sqlalchemy import make_url, text

from orgdesk.cli import main
from orgdesk.samples import template_organisation
from orgdesk.team import migrate
from orgdesk.team.connection import connect
from orgdesk.team.documents import document_text, search_rows, text_digest, without_origin
from orgdesk.team.errors import SchemaNotInitialised, SchemaTooNew, SchemaTooOld
from orgdesk.team.library import Library
from tests.team.cluster import Cluster
from tests.team.conftest import make_role


@pytest.fixture
def fresh_url(cluster: Cluster) -> str:
    name = f"lib_{uuid.uuid4().hex[:10]}"
    cluster.psql(f"CREATE DATABASE {name}")
    return cluster.url(database=name)


def test_upgrade_from_the_first_revision_keeps_a_populated_library(
        cluster: Cluster, fresh_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    org = template_organisation("bank_service_center")
    with Library.open(fresh_url) as library, connect(library.engine, library.address) as conn:
        migrate.upgrade_to(conn, library.address, "0001", create=True)
        with conn.begin():
            project_id = conn.execute(text(
                "INSERT INTO orgdesk.projects (name) VALUES ('老项目') RETURNING id")).scalar()
            version_id = conn.execute(text(
                "INSERT INTO orgdesk.versions (project_id, branch, seq, message, title, "
                "position_count, document) VALUES (:p, 'main', 1, '升级前', :t, :n, :d) "
                "RETURNING id"), {"p": project_id, "t": org.info.title, "n": len(org),
                                  "d": document_text(org)}).scalar()
            for row in search_rows(org):
                row.pop("search_text")
                conn.execute(text(
                    "INSERT INTO orgdesk.version_positions VALUES (:v, :position_id, :p, "
                    ":title, :department, :duties, :requirements)"),
                    {"v": version_id, "p": project_id, **row})
            conn.execute(text("INSERT INTO orgdesk.team_positions (title, department, position, "
                              "source_project) VALUES ('旧的岗位', '客服部', '{}', '老项目')"))
    assert main(["library", "log", "老项目", "--url", fresh_url]) == 1
    assert "older schema" in capsys.readouterr().err
    assert main(["library", "upgrade", fresh_url]) == 0
    assert "from schema 0001 to 0004" in capsys.readouterr().out
    assert main(["library", "upgrade", fresh_url]) == 0
    assert "up to date" in capsys.readouterr().out
    with Library.open(fresh_url) as library:
        [version] = library.log("老项目")
        assert (version.id, version.message) == (version_id, "升级前")
        _, pulled = library.pull("老项目")
        assert without_origin(pulled).snapshot() == org.snapshot()
        some_duty = next(p for p in org.positions() if p.duties).duties[0]
        assert library.search(some_duty[:6], project="老项目")  # backfilled search text
        assert [e.title for e in library.team_positions("旧的")] == ["旧的岗位"]
        # The access rules of 0002 hold for the old data too.
        make_role(cluster, "late_reader", "late-pass")
        library.grant("另一个项目", "late_reader", editor=False)
    database = make_url(fresh_url).database or ""
    with Library.open(cluster.url("late_reader", "late-pass", database=database)) as outsider:
        assert [p.name for p in outsider.projects()] == ["另一个项目"]


def test_a_newer_schema_is_refused(fresh_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(fresh_url) as library:
        library.init()
        with connect(library.engine, library.address) as conn, conn.begin():
            conn.execute(text("UPDATE orgdesk.alembic_version SET version_num = '9999'"))
        with pytest.raises(SchemaTooNew):
            library.projects()
        with pytest.raises(SchemaTooNew):
            library.upgrade()  # never "upgraded" backwards
    assert main(["library", "list", fresh_url]) == 1
    assert "newer orgdesk" in capsys.readouterr().err


def test_an_empty_database_and_a_second_init(fresh_url: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(fresh_url) as library:
        with pytest.raises(SchemaNotInitialised):
            library.projects()
        with pytest.raises(SchemaNotInitialised):
            library.upgrade()
        assert library.init() == migrate.head_revision()
    assert main(["library", "init", fresh_url]) == 1
    assert "already holds a team library" in capsys.readouterr().err


def test_every_revision_is_reachable_from_the_first() -> None:
    assert migrate.known_revisions() == {"0001", "0002", "0003", "0004"}
    assert migrate.head_revision() == "0004"


def test_too_old_is_a_sentence(fresh_url: str) -> None:
    with Library.open(fresh_url) as library, connect(library.engine, library.address) as conn:
        migrate.upgrade_to(conn, library.address, "0002", create=True)
        with pytest.raises(SchemaTooOld, match="orgdesk library upgrade"):
            library.log("x")


def test_upgrade_from_0003_stores_each_text_once_and_keeps_the_members_rights(
        cluster: Cluster, fresh_url: str) -> None:
    """Revision 0004 on a library of 0003: the rows' texts move to position_texts once per
    project, later publishes share them, and an editor granted before still publishes."""
    org = template_organisation("call_center_chart")
    rows = search_rows(org)
    editor = make_role(cluster, "old_editor", "old-pass")
    with Library.open(fresh_url) as library, connect(library.engine, library.address) as conn:
        migrate.upgrade_to(conn, library.address, "0003", create=True)
        with conn.begin():
            project_id = conn.execute(text(
                "INSERT INTO orgdesk.projects (name) VALUES ('三号') RETURNING id")).scalar()
            version_ids = []
            for seq in (1, 2):  # two versions of one document: every text twice
                version_ids.append(conn.execute(text(
                    "INSERT INTO orgdesk.versions (project_id, branch, seq, message, title, "
                    "position_count, document) VALUES (:p, 'main', :s, 'old', :t, :n, :d) "
                    "RETURNING id"), {"p": project_id, "s": seq, "t": org.info.title,
                                      "n": len(org), "d": document_text(org)}).scalar())
                for row in rows:
                    conn.execute(text(
                        "INSERT INTO orgdesk.version_positions VALUES (:v, :position_id, :p, "
                        ":title, :department, :duties, :requirements, :search_text)"),
                        {"v": version_ids[-1], "p": project_id, **row})
            # What `library grant … --editor` did under 0003.
            for statement in (
                    f"GRANT USAGE ON SCHEMA orgdesk TO {editor}",
                    f"GRANT SELECT ON ALL TABLES IN SCHEMA orgdesk TO {editor}",
                    f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA orgdesk TO {editor}",
                    f"GRANT INSERT ON orgdesk.versions, orgdesk.version_positions TO {editor}"):
                conn.execute(text(statement))
            conn.execute(text("INSERT INTO orgdesk.project_members VALUES (:p, :m, true)"),
                         {"p": project_id, "m": editor})
    with Library.open(fresh_url) as library:
        assert library.upgrade() == ("0003", "0004")
        distinct = {text_digest(row) for row in rows}
        with library.engine.connect() as connection:
            stored = connection.execute(text(
                "SELECT digest FROM orgdesk.position_texts")).scalars().all()
            per_row = connection.execute(text(
                "SELECT count(*), count(DISTINCT text_id) FROM orgdesk.version_positions")).one()
        assert {bytes(d) for d in stored} == distinct and len(stored) == len(distinct)
        assert tuple(per_row) == (2 * len(rows), len(distinct))
        _, pulled = library.pull("三号")
        assert without_origin(pulled).snapshot() == org.snapshot()
        for length in (2, 1):  # by the bigrams, and by the project's characters
            word = next(p for p in org.positions() if p.duties).duties[0][:length]
            hits = library.search(word, all_versions=True, project="三号")
            assert {h.version_id for h in hits} == set(version_ids)
    database = make_url(fresh_url).database or ""
    with Library.open(cluster.url(editor, "old-pass", database=database)) as as_editor:
        changed = org.copy()
        first = next(changed.positions())
        changed.update_position(replace(first, title=first.title + "（新）"))
        published = as_editor.publish(changed, "三号", "after the upgrade",
                                      base=version_ids[-1]).version
        assert published.author == editor
    with Library.open(fresh_url) as library, library.engine.connect() as connection:
        assert connection.execute(text(
            "SELECT count(*) FROM orgdesk.position_texts")).scalar() == len(distinct) + 1
        assert [h.title for h in library.search("（新）", project="三号")] == [
            first.title + "（新）"]
