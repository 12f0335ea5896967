"""Alembic's environment for the team library: runs on the connection orgdesk hands it.

orgdesk drives Alembic programmatically (team/migrate.py): no alembic.ini, no URL in a
file; the caller's connection arrives in `config.attributes["connection"]`.  Importing
this module outside Alembic (the architecture tests import every module) does nothing.
"""
from __future__ import annotations

from alembic import context

from orgdesk.team.schema import SCHEMA, metadata


def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=metadata,
                      version_table_schema=SCHEMA, transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()


if getattr(context, "config", None) is not None:
    run_migrations()
