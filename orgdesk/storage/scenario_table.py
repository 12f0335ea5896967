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
#: How the default scenario's name reads in each language ("zh" is the stored name
#: itself); orgdesk's word, shown translated (services/scenario_names.py).
DEFAULT_NAMES: dict[str, str] = {"zh": DEFAULT_NAME, "en": "Current state"}


def means_default(typed: str) -> bool:
    """Whether `typed` is exactly how the default reads in some language (a rename of the
    default to what it already shows leaves it orgdesk's, still shown in each language)."""
    return typed in DEFAULT_NAMES.values()


def chosen_by(names: list[str], typed: str) -> int | None:
    """Which of a document's scenario `names` the user means by `typed`: the one of
    exactly that name, else the default one when `typed` is how it reads in any
    language (`--scenario "Current state"` from an English reader); None if neither."""
    if typed in names:
        return names.index(typed)
    if means_default(typed) and DEFAULT_NAME in names:
        return names.index(DEFAULT_NAME)
    return None

#: The longest scenario name (it sits in a toolbar box and a column heading).
MAX_NAME_LENGTH = 40

SELECT_ALL = (f"SELECT {', '.join(SCENARIO_COLUMNS)} FROM {SCENARIO_TABLE} ORDER BY id")
