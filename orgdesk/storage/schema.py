"""The SQL schema of the `.orgdesk` file, built from the column tables.

Every table is derived from `orgdesk.storage.columns`: the meta table
(key, value), one table per entity and one per list field, keyed by
(position, seq) so a list's order is explicit data, not an accident of row
ids.  The CREATE statements this produces must equal the current format's
entry in `schema_history` (a test compares them).
"""
from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy import Column as SqlColumn

from orgdesk.storage.columns import (
    ENTITY_TABLES,
    META_TABLE,
    ChildTable,
    Column,
    EntityTable,
)

# Defined apart so that reading a file needs no SQLAlchemy; re-exported here.
from orgdesk.storage.file_format import APPLICATION_ID as APPLICATION_ID
from orgdesk.storage.file_format import SCHEMA_VERSION as SCHEMA_VERSION
from orgdesk.storage.scenario_table import SCENARIO_TABLE

#: Every table of the current file format, in creation order.
METADATA = MetaData()


def _sql_column(column: Column) -> SqlColumn[object]:
    references = [ForeignKey(column.references, ondelete=column.on_delete)] \
        if column.references else []
    return SqlColumn(column.name, column.sql_type.sqlalchemy(), *references,
                     primary_key=column.primary_key, nullable=column.nullable,
                     index=column.index or None, unique=column.unique or None,
                     autoincrement=False)


def _child_table(metadata: MetaData, parent: EntityTable, child: ChildTable) -> Table:
    return Table(
        child.name, metadata,
        SqlColumn("position_id", Integer,
                  ForeignKey(f"{parent.name}.{parent.key.name}", ondelete="CASCADE"),
                  primary_key=True, autoincrement=False),
        SqlColumn("seq", Integer, primary_key=True, autoincrement=False),
        *(_sql_column(c) for c in child.columns),
        # Format 2: rows live in their (position_id, seq) key's B-tree, with no
        # rowid table beside it: one tree to write and read instead of two.
        sqlite_with_rowid=False)


def add_tables(metadata: MetaData, entities: tuple[EntityTable, ...]) -> None:
    """Declare each entity's table and its child tables in `metadata`, in order."""
    for entity in entities:
        Table(entity.name, metadata, *(_sql_column(c) for c in entity.columns),
              *(CheckConstraint(sql, name=name) for name, sql in entity.checks))
        for child in entity.children:
            _child_table(metadata, entity, child)


Table(META_TABLE, METADATA, SqlColumn("key", String, primary_key=True),
      SqlColumn("value", Text, nullable=False))
add_tables(METADATA, ENTITY_TABLES)
# Format 4: the document's scenarios (see orgdesk.storage.scenarios).
Table(SCENARIO_TABLE, METADATA,
      SqlColumn("id", Integer, primary_key=True, autoincrement=False),
      SqlColumn("name", Text, nullable=False, unique=True),
      SqlColumn("ordinal", Integer, nullable=False),
      SqlColumn("snapshot", Text, nullable=True))
