"""The library's schema through Alembic: a database populated under the first revision
upgrades with its data intact (and searchable), and a schema older or newer than this
build, or none at all, is one sentence."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import make_url, text

from orgdesk.cli import main
from orgdesk.samples import template_organisation
from orgdesk.team import migrate
from orgdesk.team.connection import connect
from orgdesk.team.documents import document_text, search_rows, without_origin
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
    assert "from schema 0001 to 0003" in capsys.readouterr().out
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
    assert migrate.known_revisions() == {"0001", "0002", "0003"}
    assert migrate.head_revision() == "0003"


def test_too_old_is_a_sentence(fresh_url: str) -> None:
    with Library.open(fresh_url) as library, connect(library.engine, library.address) as conn:
        migrate.upgrade_to(conn, library.address, "0002", create=True)
        with pytest.raises(SchemaTooOld, match="orgdesk library upgrade"):
            library.log("x")
