"""The team library's tables as the newest migration leaves them (SQLAlchemy Core).

All tables live in their own PostgreSQL schema, so a team's database can hold other
things.  Versions and their positions are immutable: a trigger refuses any UPDATE or
DELETE, even from the tables' owner.  `author` columns default to the server's
`current_user`, and the row-level security policies (migration 0002) require it, so
nobody publishes under somebody else's name.
"""
from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY

#: The PostgreSQL schema holding every table of the library (and Alembic's version table).
SCHEMA = "orgdesk"
#: The branch a project's versions are on unless published with --branch.
MAIN_BRANCH = "main"

metadata = MetaData(schema=SCHEMA)

projects = Table(
    "projects", metadata,
    Column("id", BigInteger, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("created_by", Text, nullable=False, server_default=text("current_user")),
    Column("created_at", DateTime(timezone=True), nullable=False,
           server_default=text("clock_timestamp()")),
)

versions = Table(
    "versions", metadata,
    Column("id", BigInteger, primary_key=True),
    Column("project_id", BigInteger, ForeignKey(projects.c.id), nullable=False),
    # The version this one was edited from (None for a project's first version); a merge's
    # parent is the version merged into and `base_id` the common ancestor it started from.
    Column("parent_id", BigInteger, ForeignKey("versions.id"), nullable=True),
    Column("base_id", BigInteger, ForeignKey("versions.id"), nullable=True),
    Column("branch", Text, nullable=False),
    Column("seq", Integer, nullable=False),  # 1, 2, 3 … within its branch: a race loses here
    Column("author", Text, nullable=False, server_default=text("current_user")),
    Column("created_at", DateTime(timezone=True), nullable=False,
           server_default=text("clock_timestamp()")),
    Column("message", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("position_count", Integer, nullable=False),
    Column("document", Text, nullable=False),  # orgdesk's own JSON (io/json_format.py)
    UniqueConstraint("project_id", "branch", "seq"),
)

version_positions = Table(
    "version_positions", metadata,
    # (version_id, project_id) → versions, checked at commit (migration 0001).
    Column("version_id", BigInteger, primary_key=True),
    Column("position_id", BigInteger, primary_key=True),
    Column("project_id", BigInteger, nullable=False),
    Column("text_id", BigInteger, nullable=False),  # → position_texts (migration 0004)
)

position_texts = Table(
    "position_texts", metadata,
    # A project's distinct position texts, each stored once (migration 0004).
    Column("id", BigInteger, primary_key=True),
    Column("project_id", BigInteger, ForeignKey(projects.c.id), nullable=False),
    Column("digest", LargeBinary, nullable=False),  # documents.text_digest
    Column("title", Text, nullable=False),
    Column("department", Text, nullable=False),
    Column("duties", Text, nullable=False),
    Column("requirements", Text, nullable=False),
    Column("search_text", Text, nullable=False),
    Column("bigrams", ARRAY(Integer), nullable=False),  # documents.bigrams, GIN-indexed
    UniqueConstraint("project_id", "digest"),
)

project_characters = Table(
    "project_characters", metadata,
    # A row of character keys per publish that brought new texts (migration 0004).
    Column("id", BigInteger, primary_key=True),
    Column("project_id", BigInteger, ForeignKey(projects.c.id), nullable=False),
    Column("characters", ARRAY(Integer), nullable=False),  # documents.characters
)

team_positions = Table(
    "team_positions", metadata,
    Column("id", BigInteger, primary_key=True),
    Column("title", Text, nullable=False),
    Column("department", Text, nullable=False),
    Column("position", Text, nullable=False),  # the position's dict form (core/serialize.py)
    Column("source_project", Text, nullable=False),
    Column("author", Text, nullable=False, server_default=text("current_user")),
    Column("created_at", DateTime(timezone=True), nullable=False,
           server_default=text("clock_timestamp()")),
    Column("search_text", Text, nullable=False),  # migration 0003
)

project_members = Table(
    "project_members", metadata,
    Column("project_id", BigInteger, ForeignKey(projects.c.id), primary_key=True),
    Column("member", Text, primary_key=True),  # a PostgreSQL role name
    Column("can_edit", Boolean, nullable=False),
)
