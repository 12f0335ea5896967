"""What goes wrong between a laptop and a server, on a real server: a connection killed
in the middle of a publish, a server restarted between two operations, no server, a
wrong password; and a password is never written to a document, an error or a log."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend

from orgdesk.cli import main
from orgdesk.samples import template_organisation
from orgdesk.storage.document import create_file
from orgdesk.storage.reading import read_organisation
from orgdesk.team.address import KEYRING_SERVICE, parse_address
from orgdesk.team.documents import origin_of
from orgdesk.team.errors import AuthenticationFailed, ServerUnreachable
from orgdesk.team.library import Library
from tests.team.cluster import ADMIN, ADMIN_PASSWORD, DATABASE, PORT, Cluster
from tests.team.conftest import make_role, sample_file

ROOT = Path(__file__).resolve().parents[2]


def admin_connection(cluster: Cluster) -> psycopg.Connection:
    return psycopg.connect(host=str(cluster.socket_dir), port=PORT, dbname=DATABASE, user=ADMIN,
                           password=ADMIN_PASSWORD, autocommit=True)


def count_versions(cluster: Cluster, project: str) -> int:
    with admin_connection(cluster) as connection:
        row = connection.execute(
            "SELECT count(*) FROM orgdesk.versions v JOIN orgdesk.projects p "
            "ON p.id = v.project_id WHERE p.name = %s", (project,)).fetchone()
        assert row is not None
        return int(row[0])


def test_a_connection_killed_mid_publish_leaves_no_partial_version(
        cluster: Cluster, url: str, project: str, tmp_path: Path) -> None:
    source = sample_file(tmp_path, "bank_service_center")
    with Library.open(url) as library:
        library.publish(template_organisation("call_center_chart"), project, "v1")
    before = source.read_bytes()
    blocker = admin_connection(cluster)
    try:
        blocker.autocommit = False
        # The publish writes its version row, then waits here to write the positions.
        blocker.execute("LOCK TABLE orgdesk.version_positions IN EXCLUSIVE MODE")
        command = [sys.executable, "-m", "orgdesk", "publish", str(source), "--project", project,
                   "-m", "killed half-way", "--url", url, "--branch", "x"]
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        with admin_connection(cluster) as watcher:
            deadline = time.monotonic() + 60
            waiting = None
            while waiting is None and time.monotonic() < deadline:
                waiting = watcher.execute(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = 'orgdesk' "
                    "AND wait_event_type = 'Lock' AND query ILIKE '%version_positions%'"
                ).fetchone()
                time.sleep(0.05)
            assert waiting is not None, "the publish never reached its positions"
            # Its version row exists, uncommitted, in the killed transaction only.
            watcher.execute("SELECT pg_terminate_backend(%s)", (waiting[0],))
        blocker.rollback()
        stdout, stderr = child.communicate(timeout=60)
    finally:
        blocker.close()
    assert child.returncode == 1, (stdout, stderr)
    assert "was lost; nothing was changed there" in stderr
    assert "Traceback" not in stderr
    assert count_versions(cluster, project) == 1
    with admin_connection(cluster) as connection:
        orphans = connection.execute(
            "SELECT count(*) FROM orgdesk.version_positions vp LEFT JOIN orgdesk.versions v "
            "ON v.id = vp.version_id WHERE v.id IS NULL").fetchone()
    assert orphans == (0,)
    assert source.read_bytes() == before  # the local file untouched


def test_a_server_restart_between_operations(cluster: Cluster, url: str, project: str,
                                             tmp_path: Path) -> None:
    with Library.open(url) as library:  # one long-lived client, as the window holds one
        first = library.publish(template_organisation("call_center_chart"), project, "v1")
        cluster.restart()
        assert [v.id for v in library.log(project)] == [first.version.id]
        version, _ = library.pull(project)
        cluster.restart()
        second = library.publish(template_organisation("bank_service_center"), project, "v2",
                                 base=version.id)
        assert second.version.parent_id == version.id
    assert main(["pull", project, "-o", str(tmp_path / "after.orgdesk"), "--url", url]) == 0


def test_no_server_is_one_sentence(cluster: Cluster, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    nowhere = cluster.url().replace(str(cluster.socket_dir), str(tmp_path))
    with pytest.raises(ServerUnreachable) as refused, Library.open(nowhere) as library:
        library.log("x")
    assert "No library server answers" in str(refused.value)
    assert main(["library", "list", nowhere]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "keep working offline" in error


def test_a_stopped_server_then_started_again(cluster: Cluster, url: str, project: str) -> None:
    with Library.open(url) as library:
        library.publish(template_organisation("call_center_chart"), project, "v1")
        cluster.stop()
        try:
            with pytest.raises(ServerUnreachable):
                library.log(project)
        finally:
            cluster.start()
        assert len(library.log(project)) == 1


def test_a_wrong_password_is_refused_without_showing_it(cluster: Cluster, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    make_role(cluster, "dora", "right-pass-123")
    wrong = cluster.url("dora", "Wr0ng-Pa55-xyz")
    with pytest.raises(AuthenticationFailed) as refused, Library.open(wrong) as library:
        library.log("x")
    assert "did not accept your user name or password" in str(refused.value)
    assert "Wr0ng-Pa55-xyz" not in str(refused.value)
    assert main(["library", "list", wrong]) == 1
    captured = capsys.readouterr()
    assert "did not accept" in captured.err
    assert "Wr0ng-Pa55-xyz" not in captured.err + captured.out
    with pytest.raises(AuthenticationFailed):
        Library.open(cluster.url("nobody_here")).log("x")


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps its passwords in memory (the CI has no desktop)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


def test_a_password_never_reaches_a_document_an_error_or_a_log(
        cluster: Cluster, url: str, project: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], state_dir: Path) -> None:
    secret = "S3cret-Never-Shown"
    make_role(cluster, "erin", secret)
    with Library.open(url) as admin:
        admin.grant(project, "erin", editor=True)
    with_password = cluster.url("erin", secret)
    source = sample_file(tmp_path)
    assert main(["publish", str(source), "--project", project, "-m", "v1", "--url",
                 with_password]) == 0
    pulled = tmp_path / "pulled.orgdesk"
    assert main(["pull", project, "-o", str(pulled), "--url", with_password]) == 0
    assert main(["library", "log", project, "--url", with_password]) == 0
    assert main(["library", "search", with_password, "座席"]) == 0
    assert main(["pull", project + "-missing", "-o", str(tmp_path / "x.orgdesk"), "--url",
                 with_password]) == 1
    captured = capsys.readouterr()
    assert secret not in captured.out + captured.err
    for path in (source, pulled):
        assert secret.encode() not in path.read_bytes()
        origin = origin_of(read_organisation(path))
        assert origin is not None and "erin@" in origin.server and secret not in origin.server
    logs = [p for p in state_dir.rglob("*") if p.is_file()] if state_dir.exists() else []
    assert all(secret.encode() not in p.read_bytes() for p in logs)
    assert secret not in repr(parse_address(with_password))
    # The pulled file names the server without the password: the keyring supplies it.
    saved_backend = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        assert main(["publish", str(pulled), "-m", "again"]) == 1  # no password anywhere
        assert "did not accept" in capsys.readouterr().err
        origin = origin_of(read_organisation(pulled))
        assert origin is not None
        memory.set_password(KEYRING_SERVICE, origin.server, secret)
        org = read_organisation(pulled)
        first = org.position(min(p.id for p in org.positions()))
        org.update_position(replace(first, title="改"))
        create_file(pulled, org, touch_modified=False)
        assert main(["publish", str(pulled), "-m", "with the keyring's password"]) == 0
    finally:
        keyring.set_keyring(saved_backend)
    assert secret.encode() not in pulled.read_bytes()

