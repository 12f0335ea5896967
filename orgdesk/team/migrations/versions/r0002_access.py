"""Per-project readers and editors, enforced by PostgreSQL's row-level security.

A member is a PostgreSQL role (or a group role its users belong to).  Readers see a
project and its versions; editors may also publish.  The tables' owner (who ran
`orgdesk library init`) administers: it bypasses these policies, creates projects and
grants access (`orgdesk library grant`).

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SCHEMA = "orgdesk"


def upgrade() -> None:
    op.create_table(
        "project_members",
        sa.Column("project_id", sa.BigInteger, sa.ForeignKey(f"{SCHEMA}.projects.id"),
                  primary_key=True),
        sa.Column("member", sa.Text, primary_key=True),
        sa.Column("can_edit", sa.Boolean, nullable=False),
        schema=SCHEMA)
    # Role names are compared through pg_roles, so a dropped role never makes every query fail.
    op.execute(f"""
        CREATE FUNCTION {SCHEMA}.is_me(role_name text) RETURNS boolean
        LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = role_name
                           AND pg_has_role(current_user, r.oid, 'MEMBER'))
        $$""")
    op.execute(f"""
        CREATE FUNCTION {SCHEMA}.may_read(project bigint) RETURNS boolean
        LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM {SCHEMA}.project_members m
                           WHERE m.project_id = project AND {SCHEMA}.is_me(m.member))
        $$""")
    op.execute(f"""
        CREATE FUNCTION {SCHEMA}.may_edit(project bigint) RETURNS boolean
        LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM {SCHEMA}.project_members m
                           WHERE m.project_id = project AND m.can_edit
                           AND {SCHEMA}.is_me(m.member))
        $$""")
    for table in ("projects", "versions", "version_positions", "team_positions",
                  "project_members"):
        op.execute(f"ALTER TABLE {SCHEMA}.{table} ENABLE ROW LEVEL SECURITY")
    statements = (
        (f"CREATE POLICY own_membership ON {SCHEMA}.project_members FOR SELECT "
         f"USING ({SCHEMA}.is_me(member))"),
        f"CREATE POLICY readers ON {SCHEMA}.projects FOR SELECT USING ({SCHEMA}.may_read(id))",
        (f"CREATE POLICY readers ON {SCHEMA}.versions FOR SELECT "
         f"USING ({SCHEMA}.may_read(project_id))"),
        (f"CREATE POLICY editors ON {SCHEMA}.versions FOR INSERT "
         f"WITH CHECK ({SCHEMA}.may_edit(project_id) AND author = current_user)"),
        (f"CREATE POLICY readers ON {SCHEMA}.version_positions FOR SELECT "
         f"USING ({SCHEMA}.may_read(project_id))"),
        (f"CREATE POLICY editors ON {SCHEMA}.version_positions FOR INSERT "
         f"WITH CHECK ({SCHEMA}.may_edit(project_id))"),
        f"CREATE POLICY everyone ON {SCHEMA}.team_positions FOR SELECT USING (true)",
        (f"CREATE POLICY authors ON {SCHEMA}.team_positions FOR INSERT "
         f"WITH CHECK (author = current_user)"),
    )
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    for table in ("projects", "versions", "version_positions", "team_positions"):
        op.execute(f"ALTER TABLE {SCHEMA}.{table} DISABLE ROW LEVEL SECURITY")
        op.execute(f"DROP POLICY IF EXISTS readers ON {SCHEMA}.{table}")
        op.execute(f"DROP POLICY IF EXISTS editors ON {SCHEMA}.{table}")
    op.execute(f"DROP POLICY IF EXISTS everyone ON {SCHEMA}.team_positions")
    op.execute(f"DROP POLICY IF EXISTS authors ON {SCHEMA}.team_positions")
    op.drop_table("project_members", schema=SCHEMA)
    for name in ("may_edit", "may_read"):
        op.execute(f"DROP FUNCTION {SCHEMA}.{name}(bigint)")
    op.execute(f"DROP FUNCTION {SCHEMA}.is_me(text)")
