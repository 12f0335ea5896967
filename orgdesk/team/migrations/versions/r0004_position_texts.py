"""Each distinct position text stored once per project, searched through a bigram index.

A version's positions repeat: successive versions of a project share almost all of
them, and a call center's two hundred seats share one job description.  Revision 0003
stored the texts (title, department, duties, requirements and the lowercased search
text) in every version's every row, and kept a trigram index over all of them, which
was most of a publish's time.  From here a project's distinct texts live once in
`position_texts`, keyed by the project and a digest of the four fields, and a version's
row only names its text; a publish writes and indexes only texts its project has not
had yet.

Search uses `bigrams`, the distinct two-character pieces of the search text as integer
keys (the two code points modulo 65,536, the first in the high 16 bits, read as a signed
32-bit integer; a rare collision only costs a LIKE check), under a GIN index
(integer keys compare and parse several times faster than text ones).  A word of two
characters or more is looked up by all its pieces (then checked by LIKE), so the
two-character words most Chinese searches are, which trigrams cannot serve, need no
scan either, and no extension (pg_trgm) is needed.  A one-character word looks at the
texts of the projects that have the character: `project_characters` holds a row of
character keys for each publish that brought new texts (one per project here).

Published rows stay immutable: the move of the existing rows is the schema's own, done
by its owner with the trigger off.  Members granted access before this revision get the
same rights on the new table.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SCHEMA = "orgdesk"
#: The digest the publisher computes (team/documents.py text_digest): md5 of each field's
#: length in characters, a colon and the field, the four fields in order.
_DIGEST = ("decode(md5(length(title) || ':' || title || length(department) || ':' || "
           "department || length(duties) || ':' || duties || length(requirements) || ':' "
           "|| requirements), 'hex')")
#: The bigram keys the publisher computes (team/documents.py bigrams), distinct.
_BIGRAMS = ("ARRAY(SELECT DISTINCT (mod(ascii(substr(search_text, i, 1))::bigint, 65536) "
            "* 65536 + mod(ascii(substr(search_text, i + 1, 1)), 65536))::bit(32)::integer "
            "FROM generate_series(1, length(search_text) - 1) AS i)")
#: A character's key (team/documents.py characters): its code point modulo 65,536 paired
#: with NUL, which a text never holds.
_CHARACTER = "(mod(ascii(c)::bigint, 65536) * 65536)::bit(32)::integer"


def upgrade() -> None:
    op.execute(f"""
        CREATE TABLE {SCHEMA}.position_texts (
            id bigserial PRIMARY KEY,
            project_id bigint NOT NULL REFERENCES {SCHEMA}.projects (id),
            digest bytea NOT NULL,
            title text NOT NULL,
            department text NOT NULL,
            duties text NOT NULL,
            requirements text NOT NULL,
            search_text text NOT NULL,
            bigrams integer[] NOT NULL,
            CONSTRAINT position_texts_digest UNIQUE (project_id, digest))""")
    op.execute(f"""
        INSERT INTO {SCHEMA}.position_texts (project_id, digest, title, department, duties,
                                             requirements, search_text, bigrams)
        SELECT project_id, digest, title, department, duties, requirements, search_text,
               {_BIGRAMS}
        FROM (SELECT DISTINCT ON (project_id, {_DIGEST}) project_id, {_DIGEST} AS digest,
                     title, department, duties, requirements, search_text
              FROM {SCHEMA}.version_positions) AS distinct_texts""")
    op.execute(f"DROP INDEX IF EXISTS {SCHEMA}.version_positions_search")  # 0003's trigrams
    op.execute(f"ALTER TABLE {SCHEMA}.version_positions ADD COLUMN text_id bigint")
    op.execute(f"ALTER TABLE {SCHEMA}.version_positions DISABLE TRIGGER immutable")
    # Rows this transaction wrote (an upgrade from before 0003 rewrote them all) queue a
    # check of their version key on update: checked now, so the trigger can be turned on.
    op.execute(f"SET CONSTRAINTS {SCHEMA}.version_positions_version IMMEDIATE")
    op.execute(f"""
        UPDATE {SCHEMA}.version_positions AS vp SET text_id = t.id
        FROM {SCHEMA}.position_texts AS t
        WHERE t.project_id = vp.project_id
          AND t.digest = decode(md5(length(vp.title) || ':' || vp.title
              || length(vp.department) || ':' || vp.department || length(vp.duties) || ':'
              || vp.duties || length(vp.requirements) || ':' || vp.requirements), 'hex')""")
    op.execute(f"ALTER TABLE {SCHEMA}.version_positions ENABLE TRIGGER immutable")
    op.execute(f"SET CONSTRAINTS {SCHEMA}.version_positions_version DEFERRED")
    op.execute(f"ALTER TABLE {SCHEMA}.version_positions ALTER COLUMN text_id SET NOT NULL")
    for column in ("title", "department", "duties", "requirements", "search_text"):
        op.execute(f"ALTER TABLE {SCHEMA}.version_positions DROP COLUMN {column}")
    # Checked at commit, as the version key: a publish writes texts, rows, then the version.
    op.execute(f"""
        ALTER TABLE {SCHEMA}.version_positions ADD CONSTRAINT version_positions_text
        FOREIGN KEY (text_id) REFERENCES {SCHEMA}.position_texts (id)
        DEFERRABLE INITIALLY DEFERRED""")
    # A search finds texts first, then the rows of each version in scope holding them.
    op.execute(f"CREATE INDEX version_positions_by_text ON {SCHEMA}.version_positions "
               "(version_id, text_id)")
    op.execute(f"CREATE INDEX position_texts_search ON {SCHEMA}.position_texts "
               "USING gin (bigrams)")
    # A project's characters, a row per publish that brought new texts: a one-character
    # word (no bigram) looks only at the texts of projects that have it.
    op.execute(f"""
        CREATE TABLE {SCHEMA}.project_characters (
            id bigserial PRIMARY KEY,
            project_id bigint NOT NULL REFERENCES {SCHEMA}.projects (id),
            characters integer[] NOT NULL)""")
    op.execute(f"""
        INSERT INTO {SCHEMA}.project_characters (project_id, characters)
        SELECT project_id, array_agg(key) FROM (
            SELECT DISTINCT t.project_id, {_CHARACTER} AS key
            FROM {SCHEMA}.position_texts t, unnest(string_to_array(t.search_text, NULL)) AS c
        ) AS keys GROUP BY project_id""")
    op.execute(f"CREATE INDEX project_characters_search ON {SCHEMA}.project_characters "
               "USING gin (characters)")
    # Immutable like the versions, and under the same access rules.
    for table in ("position_texts", "project_characters"):
        op.execute(f"""
            CREATE TRIGGER immutable BEFORE UPDATE OR DELETE ON {SCHEMA}.{table}
            FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.refuse_change()""")
        op.execute(f"""
            CREATE TRIGGER immutable_truncate BEFORE TRUNCATE ON {SCHEMA}.{table}
            FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.refuse_change()""")
        op.execute(f"ALTER TABLE {SCHEMA}.{table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY readers ON {SCHEMA}.{table} FOR SELECT "
                   f"USING ({SCHEMA}.may_read(project_id))")
        op.execute(f"CREATE POLICY editors ON {SCHEMA}.{table} FOR INSERT "
                   f"WITH CHECK ({SCHEMA}.may_edit(project_id))")
    members = op.get_bind().execute(sa.text(
        f"SELECT m.member, bool_or(m.can_edit) FROM {SCHEMA}.project_members m "
        "JOIN pg_roles r ON r.rolname = m.member GROUP BY m.member ORDER BY m.member")).all()
    quote = op.get_bind().dialect.identifier_preparer.quote
    for member, can_edit in members:
        rights = "SELECT, INSERT" if can_edit else "SELECT"
        for table in ("position_texts", "project_characters"):
            op.execute(f"GRANT {rights} ON {SCHEMA}.{table} TO {quote(member)}")
            op.execute(f"GRANT USAGE ON {SCHEMA}.{table}_id_seq TO {quote(member)}")


def downgrade() -> None:
    for column in ("title", "department", "duties", "requirements", "search_text"):
        op.execute(f"ALTER TABLE {SCHEMA}.version_positions ADD COLUMN {column} text")
    op.execute(f"ALTER TABLE {SCHEMA}.version_positions DISABLE TRIGGER immutable")
    op.execute(f"""
        UPDATE {SCHEMA}.version_positions AS vp
        SET title = t.title, department = t.department, duties = t.duties,
            requirements = t.requirements, search_text = t.search_text
        FROM {SCHEMA}.position_texts AS t WHERE t.id = vp.text_id""")
    op.execute(f"ALTER TABLE {SCHEMA}.version_positions ENABLE TRIGGER immutable")
    for column in ("title", "department", "duties", "requirements", "search_text"):
        op.execute(f"ALTER TABLE {SCHEMA}.version_positions ALTER COLUMN {column} SET NOT NULL")
    op.execute(f"ALTER TABLE {SCHEMA}.version_positions DROP COLUMN text_id")
    op.execute(f"DROP TABLE {SCHEMA}.project_characters")
    op.execute(f"DROP TABLE {SCHEMA}.position_texts")
    if op.get_bind().execute(sa.text(
            "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).scalar():
        op.execute(f"CREATE INDEX version_positions_search ON {SCHEMA}.version_positions "
                   "USING gin (search_text gin_trgm_ops)")
