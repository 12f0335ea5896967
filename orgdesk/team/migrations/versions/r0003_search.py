"""Search over every position: one text per position, indexed by trigrams where pg_trgm exists.

`search_text` joins title, department, duties and requirements, lowercased; LIKE over
it finds Chinese and English alike (a trigram index serves LIKE, and pg_trgm hashes
multibyte characters, so Chinese needs no word splitting; a pattern shorter than three
characters cannot use trigrams and scans).  A server without pg_trgm still
searches, by scanning.  Rows published before this revision are filled in here.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SCHEMA = "orgdesk"
#: The same text the publisher writes (team/documents.py search_text): fields joined by newlines.
_VERSION_TEXT = ("lower(title || E'\\n' || department || E'\\n' || duties || E'\\n' || "
                 "requirements)")
_TEAM_TEXT = "lower(title || E'\\n' || department || E'\\n\\n\\n' || position)"


def _has_trigrams() -> bool:
    """Create pg_trgm if it is installed and this role may (a trusted extension since 13)."""
    bind = op.get_bind()
    available = bind.execute(sa.text(
        "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")).scalar()
    if not available:
        return False
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def upgrade() -> None:
    op.add_column("version_positions", sa.Column("search_text", sa.Text), schema=SCHEMA)
    op.add_column("team_positions", sa.Column("search_text", sa.Text), schema=SCHEMA)
    # Published rows are immutable; this one fill-in is the schema's own, done by its owner.
    op.execute(f"ALTER TABLE {SCHEMA}.version_positions DISABLE TRIGGER immutable")
    op.execute(f"UPDATE {SCHEMA}.version_positions SET search_text = {_VERSION_TEXT}")
    op.execute(f"ALTER TABLE {SCHEMA}.version_positions ENABLE TRIGGER immutable")
    op.execute(f"UPDATE {SCHEMA}.team_positions SET search_text = {_TEAM_TEXT}")
    op.alter_column("version_positions", "search_text", nullable=False, schema=SCHEMA)
    op.alter_column("team_positions", "search_text", nullable=False, schema=SCHEMA)
    op.create_index("versions_by_project", "versions", ["project_id", "branch", "id"],
                    schema=SCHEMA)
    if _has_trigrams():
        for table in ("version_positions", "team_positions"):
            op.execute(f"CREATE INDEX {table}_search ON {SCHEMA}.{table} "
                       f"USING gin (search_text gin_trgm_ops)")


def downgrade() -> None:
    for table in ("version_positions", "team_positions"):
        op.execute(f"DROP INDEX IF EXISTS {SCHEMA}.{table}_search")
        op.drop_column(table, "search_text", schema=SCHEMA)
    op.drop_index("versions_by_project", "versions", schema=SCHEMA)
