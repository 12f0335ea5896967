"""The `scenarios` table of file format 4: its name, columns and the statements on it.

Apart from `scenarios` (the logic) so that `mapping`, `schema` and
`checksum` can name the table without importing what builds on them.

    scenarios (id INTEGER PRIMARY KEY, name TEXT UNIQUE, ordinal INTEGER,
               snapshot TEXT NULL)

One row per scenario of the document, in `ordinal` order.  The ACTIVE
scenario's row has no snapshot: its organisation is the one in the entity
tables, where every edit goes.  An empty table is a document with one
scenario, named `DEFAULT_NAME` (every file written before format 4, and
every new one until a second scenario is made).
"""
from __future__ import annotations

#: The first file format that has the table.
SCENARIOS_FORMAT = 4

SCENARIO_TABLE = "scenarios"
SCENARIO_COLUMNS = ("id", "name", "ordinal", "snapshot")

#: The name of a document's only scenario until the user names it (the Chinese
#: consultant's word for "the organisation as it is today").
DEFAULT_NAME = "现状"

#: The longest scenario name (it sits in a toolbar box and a column heading).
MAX_NAME_LENGTH = 40

SELECT_ALL = (f"SELECT {', '.join(SCENARIO_COLUMNS)} FROM {SCENARIO_TABLE} ORDER BY id")
