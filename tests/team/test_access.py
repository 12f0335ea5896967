"""Per-project readers and editors, enforced by the server's row-level security: two real
roles, each connecting with its own password; the client is not trusted for any of it."""
from __future__ import annotations

import uuid

import psycopg
import pytest

from orgdesk.cli import main
from orgdesk.samples import template_organisation
from orgdesk.team.errors import AccessDenied, UnknownProject
from orgdesk.team.library import Library
from tests.team.cluster import ADMIN, ADMIN_PASSWORD, DATABASE, PORT, Cluster
from tests.team.conftest import make_role


@pytest.fixture
def roles(cluster: Cluster) -> tuple[str, str]:
    make_role(cluster, "rita_reader", "rita-pass-1")
    make_role(cluster, "ed_editor", "ed-pass-2")
    return "rita_reader", "ed_editor"


def test_readers_read_editors_publish_and_others_see_nothing(
        cluster: Cluster, library: Library, roles: tuple[str, str],
        capsys: pytest.CaptureFixture[str]) -> None:
    reader, editor = roles
    shared, secret = f"共享 {uuid.uuid4().hex[:6]}", f"保密 {uuid.uuid4().hex[:6]}"
    org = template_organisation("call_center_chart")
    first = library.publish(org, shared, "v1").version
    library.publish(template_organisation("bank_service_center"), secret, "v1")
    library.grant(shared, reader, editor=False)
    library.grant(shared, editor, editor=True)
    reader_url, editor_url = cluster.url(reader, "rita-pass-1"), cluster.url(editor, "ed-pass-2")
    with Library.open(reader_url) as as_reader:
        assert [p.name for p in as_reader.projects()] == [shared]
        _, pulled = as_reader.pull(shared)
        assert len(pulled) == len(org)
        with pytest.raises(AccessDenied) as refused:
            as_reader.publish(pulled, shared, "a reader's try", base=first.id, mode="branch")
        assert "may read the project" in str(refused.value) and "editor" in str(refused.value)
        with pytest.raises(UnknownProject):
            as_reader.log(secret)
        with pytest.raises(UnknownProject):  # nor may a reader create a project
            as_reader.publish(pulled, f"新 {uuid.uuid4().hex[:6]}", "x")
        assert all(hit.project == shared for hit in as_reader.search("呼叫中心", all_versions=True))
    assert len(library.log(shared)) == 1
    with Library.open(editor_url) as as_editor:
        _, pulled = as_editor.pull(shared)
        pulled.set_info(pulled.info.__class__(title="编辑者的版本"))
        published = as_editor.publish(pulled, shared, "an editor's version", base=first.id)
        assert published.version.author == editor
        with pytest.raises(UnknownProject):
            as_editor.pull(secret)
    assert main(["library", "log", shared, "--url", reader_url]) == 0
    assert editor in capsys.readouterr().out


def test_the_server_refuses_what_a_modified_client_would_try(cluster: Cluster, library: Library,
                                                             roles: tuple[str, str]) -> None:
    """Straight SQL as the reader: the policies, not orgdesk's code, stop it."""
    reader, editor = roles
    project = f"直连 {uuid.uuid4().hex[:6]}"
    version = library.publish(template_organisation("call_center_chart"), project, "v1").version
    library.grant(project, reader, editor=False)
    library.grant(project, editor, editor=True)
    with psycopg.connect(host=str(cluster.socket_dir), port=PORT, dbname=DATABASE, user=reader,
                         password="rita-pass-1", autocommit=True) as raw:
        project_id = raw.execute("SELECT id FROM orgdesk.projects WHERE name = %s",
                                 (project,)).fetchone()
        assert project_id is not None
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("INSERT INTO orgdesk.versions (project_id, branch, seq, message, title, "
                        "position_count, document) VALUES (%s, 'x', 1, 'm', 't', 0, '{}')",
                        project_id)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("INSERT INTO orgdesk.project_members VALUES (%s, %s, true)",
                        (project_id[0], reader))
        # A reader sees its own memberships only (ed_editor's row stays hidden).
        assert raw.execute("SELECT count(*) FROM orgdesk.project_members "
                           "WHERE member <> current_user").fetchone() == (0,)
    elsewhere = f"只读 {uuid.uuid4().hex[:6]}"
    other = library.publish(template_organisation("call_center_chart"), elsewhere, "v1").version
    library.grant(elsewhere, editor, editor=False)  # ed may edit `project`, only read this one
    with Library.open(cluster.url(editor, "ed-pass-2")) as as_editor:
        _, pulled = as_editor.pull(elsewhere)
        with pytest.raises(AccessDenied):  # row-level security: the privilege alone is not enough
            as_editor.publish(pulled, elsewhere, "not mine to publish", base=other.id,
                              mode="branch")
    assert len(library.log(elsewhere)) == 1
    with psycopg.connect(host=str(cluster.socket_dir), port=PORT, dbname=DATABASE, user=editor,
                         password="ed-pass-2", autocommit=True) as raw:
        other_project = raw.execute("SELECT project_id FROM orgdesk.versions WHERE id = %s",
                                    (other.id,)).fetchone()
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            raw.execute("INSERT INTO orgdesk.versions (project_id, branch, seq, message, title, "
                        "position_count, document) VALUES (%s, 'x', 1, 'm', 't', 0, '{}')",
                        other_project)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nobody else's name
            raw.execute("INSERT INTO orgdesk.versions (project_id, branch, seq, message, title, "
                        "position_count, document, author) VALUES (%s, 'x', 1, 'm', 't', 0, "
                        "'{}', 'rita_reader')", project_id)
        with pytest.raises(psycopg.errors.Error):  # published versions never change
            raw.execute("UPDATE orgdesk.versions SET message = 'rewritten' WHERE id = %s",
                        (version.id,))
    assert library.log(project)[0].message == "v1"
    with psycopg.connect(host=str(cluster.socket_dir), port=PORT, dbname=DATABASE, user=ADMIN,
                         password=ADMIN_PASSWORD, autocommit=True) as owner:
        for statement in ("UPDATE orgdesk.versions SET message = 'x' WHERE id = %s",
                          "DELETE FROM orgdesk.version_positions WHERE version_id = %s"):
            with pytest.raises(psycopg.errors.RestrictViolation, match="never changed"):
                owner.execute(statement, (version.id,))  # not even for the owner
