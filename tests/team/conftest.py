"""One real PostgreSQL server for the whole tests/team session, stopped afterwards.

The server is Debian's, started in a temporary folder on a Unix socket (see cluster.py);
nothing is mocked.  The administrator's password reaches libpq through a password file
named by PGPASSFILE, as a team's ~/.pgpass would; no URL here carries a password unless
a test means it to.  Each test works in projects of its own (`project` fixture), so the
tests share one library without seeing each other's versions.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from orgdesk.team.library import Library
from tests.team.cluster import ADMIN_PASSWORD, PORT, Cluster, throwaway_cluster


@pytest.fixture(scope="session")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    passfile = tmp_path_factory.mktemp("pgpass") / "pgpass"
    saved = {name: os.environ.get(name) for name in ("PGPASSFILE", "PGPASSWORD")}
    with throwaway_cluster() as server:
        passfile.write_text(f"*:{PORT}:*:orgdesk_admin:{ADMIN_PASSWORD}\n", "utf-8")
        passfile.chmod(0o600)
        os.environ["PGPASSFILE"] = str(passfile)
        os.environ.pop("PGPASSWORD", None)
        try:
            with Library.open(server.url()) as library:
                library.init()
            yield server
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


@pytest.fixture
def url(cluster: Cluster) -> str:
    """The administrator's library address (no password: it comes from the password file)."""
    return cluster.url()


@pytest.fixture
def library(url: str) -> Iterator[Library]:
    with Library.open(url) as opened:
        yield opened


@pytest.fixture
def project() -> str:
    """A project name no other test uses."""
    return f"客户 {uuid.uuid4().hex[:8]}"


def make_role(cluster: Cluster, name: str, password: str) -> str:
    """A login role with a password (created once per session; the password reset)."""
    cluster.psql(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') "
                 f"THEN CREATE ROLE {name} LOGIN; END IF; END $$; "
                 f"ALTER ROLE {name} PASSWORD '{password}'")
    return name


def sample_file(tmp_path: Path, slug: str = "call_center_chart") -> Path:
    from orgdesk.samples import template_organisation
    from orgdesk.storage.document import create_file

    target = tmp_path / f"{slug}-{uuid.uuid4().hex[:6]}.orgdesk"
    create_file(target, template_organisation(slug))
    return target
