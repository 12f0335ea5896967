"""Each distinct position text is stored once per project (migration 0004): versions and
seats that repeat a text share it, a new version adds only the texts it changed, the
search finds them through their bigrams (two-character words included, rare or common),
and row-level security keeps one project's texts from another's readers."""
from __future__ import annotations

import uuid
from dataclasses import replace

import psycopg
import pytest
from sqlalchemy import func, select

from orgdesk.core.model import DocumentInfo, Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.team import library as library_module
from orgdesk.team.documents import bigrams, characters, search_rows, text_digest
from orgdesk.team.library import Library
from orgdesk.team.schema import position_texts, projects
from tests.team.cluster import DATABASE, PORT, Cluster
from tests.team.conftest import make_role

DUTIES = ("负责坐席排班", "监听录音")


def seats(count: int, marker: str = "") -> Organisation:
    """A team leader and `count` agents who share one job description (one text)."""
    org = Organisation(DocumentInfo(title="坐席团队"))
    org.add_position(Position(PositionId(1), f"组长{marker}", duties=("带领团队",)))
    for number in range(2, count + 2):
        org.add_position(Position(PositionId(number), "坐席员", superior_id=PositionId(1),
                                  duties=(*DUTIES, "\uff31")))
    return org


def stored_texts(library: Library, project: str) -> int:
    with library.engine.connect() as connection:
        return int(connection.execute(
            select(func.count()).select_from(position_texts.join(projects))
            .where(projects.c.name == project)).scalar_one())


def test_repeated_texts_are_stored_once_and_a_new_version_adds_only_what_changed(
        library: Library, project: str) -> None:
    org = seats(40)
    first = library.publish(org, project, "v1").version
    assert stored_texts(library, project) == 2  # the leader's and the agents' one
    changed = org.copy()
    changed.update_position(replace(changed.position(PositionId(5)), title="资深坐席员"))
    library.publish(changed, project, "v2", base=first.id)
    assert stored_texts(library, project) == 3
    _, pulled = library.pull(project)
    assert [p.title for p in pulled.positions()] == [p.title for p in changed.positions()]
    latest = library.search("资深", project=project)
    assert [(h.position_id, h.title) for h in latest] == [(5, "资深坐席员")]
    every = library.search("坐席员", project=project, all_versions=True, limit=100)
    assert len(every) == 40 + 40  # both versions' agents, shared texts and all
    assert every[0].version_id > every[-1].version_id  # newest version first
    assert every[0].excerpt == "坐席员"  # the line holding the words
    assert library.search("排班", project=project)[0].excerpt == "负责坐席排班"


def test_the_same_text_in_another_project_is_its_own(library: Library, project: str) -> None:
    other = f"{project} 另一个"
    library.publish(seats(3), project, "v1")
    library.publish(seats(3), other, "v1")
    assert stored_texts(library, project) == stored_texts(library, other) == 2
    assert {h.project for h in library.search("监听录音")} >= {project, other}
    assert {h.project for h in library.search("监听录音", project=project)} == {project}


@pytest.mark.parametrize("words", ["录", "录音", "监听录音", "排班 监听"[:2], "\uff31"])
def test_words_of_every_length_are_found_and_absent_ones_are_not(
        library: Library, project: str, words: str) -> None:
    library.publish(seats(3), project, "v1")
    assert len(library.search(words, project=project)) == 3
    assert library.search(words + "火星", project=project) == []
    assert library.search("火星", project=project) == []


def test_a_word_in_many_texts_walks_the_newest_versions_first(
        library: Library, project: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the selective threshold the search stops at the limit of the newest hits."""
    org = Organisation(DocumentInfo(title="多文本"))
    for number in range(1, 31):  # thirty different texts, all holding 录音
        org.add_position(Position(PositionId(number), f"岗位{number}",
                                  duties=(f"第{number}项录音",)))
    first = library.publish(org, project, "v1").version
    second = library.publish(org, project, "v2", mode="branch", branch="b").version
    for threshold in (5, 1000):  # the common-word walk, then the selective one: same answer
        monkeypatch.setattr(library_module, "_SELECTIVE", threshold)
        hits = library.search("录音", project=project, all_versions=True, limit=40)
        assert len(hits) == 40
        assert {h.version_id for h in hits[:30]} == {second.id}
        assert [h.position_id for h in hits[:30]] == list(range(1, 31))
        assert hits[30].version_id == first.id


def test_digest_and_bigrams_are_what_the_migration_computes(library: Library,
                                                            project: str) -> None:
    """The SQL of migration 0004 and the publisher agree, so migrated texts are shared
    by later versions, and found by the same bigrams."""
    org = seats(2, marker="\u202e%_\\ \"{a,b}\" NULL\t🙂 é\ne")
    library.publish(org, project, "v1")
    with library.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT digest, bigrams, decode(md5(length(title) || ':' || title || "
            "length(department) || ':' || department || length(duties) || ':' || duties || "
            "length(requirements) || ':' || requirements), 'hex'), ARRAY(SELECT DISTINCT "
            "(mod(ascii(substr(search_text, i, 1))::bigint, 65536) * 65536 + "
            "mod(ascii(substr(search_text, i + 1, 1)), 65536))::bit(32)::integer "
            "FROM generate_series(1, length(search_text) - 1) i) "
            "FROM orgdesk.position_texts t JOIN orgdesk.projects p ON p.id = t.project_id "
            "WHERE p.name = %(p)s", {"p": project}).all()
    expected = {text_digest(row): bigrams(row["search_text"]) for row in search_rows(org)}
    assert len(rows) == len(expected) == 2
    for digest, grams, sql_digest, sql_grams in rows:
        assert bytes(digest) == bytes(sql_digest)
        assert sorted(grams) == sorted(sql_grams) == sorted(expected[bytes(digest)])
    with library.engine.connect() as connection:
        stored, computed = connection.exec_driver_sql(
            "SELECT (SELECT characters FROM orgdesk.project_characters c WHERE c.project_id "
            "= p.id), ARRAY(SELECT DISTINCT (mod(ascii(ch)::bigint, 65536) * 65536)::bit(32)"
            "::integer FROM orgdesk.position_texts t, unnest(string_to_array(t.search_text, "
            "NULL)) ch WHERE t.project_id = p.id) FROM orgdesk.projects p WHERE p.name = %(p)s",
            {"p": project}).one()
    every = "".join(row["search_text"] for row in search_rows(org))
    assert sorted(stored) == sorted(computed) == sorted(characters(every))


def test_a_reader_sees_only_the_texts_of_projects_it_may_read(
        cluster: Cluster, library: Library) -> None:
    reader = make_role(cluster, "tess_reader", "tess-pass")
    mine, theirs = (f"文本 {uuid.uuid4().hex[:6]}" for _ in range(2))
    library.publish(seats(2, "可读"), mine, "v1")
    library.publish(seats(2, "保密"), theirs, "v1")
    library.grant(mine, reader, editor=False)
    with psycopg.connect(host=str(cluster.socket_dir), port=PORT, dbname=DATABASE, user=reader,
                         password="tess-pass", autocommit=True) as raw:
        titles = {t for (t,) in raw.execute("SELECT title FROM orgdesk.position_texts")}
        assert "组长可读" in titles and "组长保密" not in titles
        seen = {p for (p,) in raw.execute("SELECT DISTINCT project_id FROM "
                                          "orgdesk.project_characters")}
        assert len(seen) == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("INSERT INTO orgdesk.position_texts (project_id, digest, title, "
                        "department, duties, requirements, search_text, bigrams) SELECT id, "
                        "'x', 't', '', '', '', 't', '{}' FROM orgdesk.projects")
    with Library.open(cluster.url(reader, "tess-pass")) as as_reader:
        assert {h.title for h in as_reader.search("组长")} == {"组长可读"}
