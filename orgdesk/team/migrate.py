"""Creating and upgrading the library's schema with Alembic, driven from code.

The migrations ship inside the package (team/migrations); orgdesk builds Alembic's
configuration in memory and hands it the connection, so a user needs no alembic.ini
and no URL in any file.  Every other operation first checks the schema's revision:
an older one asks for `orgdesk library upgrade`, a newer one for a newer orgdesk.
"""
from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from orgdesk.core.errors import Sentence
from orgdesk.team.address import LibraryAddress
from orgdesk.team.errors import (
    LibraryProblem,
    SchemaNotInitialised,
    SchemaTooNew,
    SchemaTooOld,
)
from orgdesk.team.schema import SCHEMA

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


@functools.cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the team library ships its migrations"
    return head


@functools.cache
def known_revisions() -> frozenset[str]:
    """Every revision this build ships (read once: the files do not change while it runs)."""
    scripts = ScriptDirectory.from_config(alembic_config()).walk_revisions()
    return frozenset(script.revision for script in scripts)


def current_revision(connection: Connection) -> str | None:
    """The schema's revision, or None when the database holds no library."""
    exists = connection.execute(text(
        "SELECT to_regclass(:name) IS NOT NULL"), {"name": f"{SCHEMA}.alembic_version"}).scalar()
    if not exists:
        return None
    context = MigrationContext.configure(connection, opts={"version_table_schema": SCHEMA})
    return context.get_current_revision()


def check_schema(connection: Connection, address: LibraryAddress) -> None:
    """Refuse a database without a library, or with a schema this build cannot use."""
    revision = current_revision(connection)
    server = address.shown
    if revision is None:
        raise SchemaNotInitialised(Sentence.of(
            "The database at {server} holds no team library yet; create one with "
            "orgdesk library init.", server=server))
    if revision == head_revision():
        return
    if revision not in known_revisions():
        raise SchemaTooNew(Sentence.of(
            "The team library at {server} was upgraded by a newer orgdesk; update orgdesk "
            "to use it.", server=server))
    raise SchemaTooOld(Sentence.of(
        "The team library at {server} has an older schema; upgrade it with orgdesk library "
        "upgrade (its data is kept).", server=server))


def upgrade_to(connection: Connection, address: LibraryAddress, revision: str = "head",
               create: bool = False) -> tuple[str | None, str]:
    """Migrate the library to `revision` in one transaction; the revisions before and after.

    `create` is `library init`: it refuses a database that already holds a library;
    otherwise (`library upgrade`) a database without one is refused.
    """
    with connection.begin():
        before = current_revision(connection)
        if create and before is not None:
            raise LibraryProblem(Sentence.of(
                "The database at {server} already holds a team library; use orgdesk library "
                "upgrade to bring it up to date.", server=address.shown))
        if not create and before is None:
            check_schema(connection, address)
        if before is not None and before not in known_revisions():
            check_schema(connection, address)
        connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
        command.upgrade(alembic_config(connection), revision)
        after = current_revision(connection)
    assert after is not None
    return before, after
