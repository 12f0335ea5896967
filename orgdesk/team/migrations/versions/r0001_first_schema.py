"""The first schema: projects, immutable versions with their positions, team positions.

Revision ID: 0001
Revises: (none)
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SCHEMA = "orgdesk"  # frozen here: a migration never follows later changes of schema.py
_NOW = sa.text("clock_timestamp()")
_ME = sa.text("current_user")


def upgrade() -> None:
    op.create_table(
        "projects",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("created_by", sa.Text, nullable=False, server_default=_ME),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_NOW),
        sa.CheckConstraint("length(name) BETWEEN 1 AND 200", name="project_name_length"),
        schema=SCHEMA)
    op.create_table(
        "versions",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("project_id", sa.BigInteger, sa.ForeignKey(f"{SCHEMA}.projects.id"),
                  nullable=False),
        sa.Column("parent_id", sa.BigInteger, sa.ForeignKey(f"{SCHEMA}.versions.id")),
        sa.Column("base_id", sa.BigInteger, sa.ForeignKey(f"{SCHEMA}.versions.id")),
        sa.Column("branch", sa.Text, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("author", sa.Text, nullable=False, server_default=_ME),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_NOW),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("position_count", sa.Integer, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.UniqueConstraint("project_id", "branch", "seq"),
        sa.UniqueConstraint("id", "project_id", name="versions_id_project"),
        sa.CheckConstraint("seq >= 1", name="version_seq_positive"),
        schema=SCHEMA)
    # A version's positions may arrive before its row, within the same transaction (the
    # publisher writes them while it encodes the document): the key is checked at commit.
    op.create_table(
        "version_positions",
        sa.Column("version_id", sa.BigInteger, primary_key=True),
        sa.Column("position_id", sa.BigInteger, primary_key=True),
        sa.Column("project_id", sa.BigInteger, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("department", sa.Text, nullable=False),
        sa.Column("duties", sa.Text, nullable=False),
        sa.Column("requirements", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["version_id", "project_id"],
                                [f"{SCHEMA}.versions.id", f"{SCHEMA}.versions.project_id"],
                                name="version_positions_version", deferrable=True,
                                initially="DEFERRED"),
        schema=SCHEMA)
    op.create_table(
        "team_positions",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("department", sa.Text, nullable=False),
        sa.Column("position", sa.Text, nullable=False),
        sa.Column("source_project", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False, server_default=_ME),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_NOW),
        schema=SCHEMA)
    # Versions are immutable, for their owner too: what went to a client stays as it went.
    op.execute(f"""
        CREATE FUNCTION {SCHEMA}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'published versions are never changed'
                USING ERRCODE = 'restrict_violation';
        END $$""")
    for table in ("versions", "version_positions"):
        op.execute(f"""
            CREATE TRIGGER immutable BEFORE UPDATE OR DELETE ON {SCHEMA}.{table}
            FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.refuse_change()""")
        op.execute(f"""
            CREATE TRIGGER immutable_truncate BEFORE TRUNCATE ON {SCHEMA}.{table}
            FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.refuse_change()""")


def downgrade() -> None:
    for table in ("team_positions", "version_positions", "versions", "projects"):
        op.drop_table(table, schema=SCHEMA)
    op.execute(f"DROP FUNCTION {SCHEMA}.refuse_change()")
