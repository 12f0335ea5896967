"""What every reader hands to the import steps: tables of cells, drafts, pending dotted lines.

These plain records sit below every module that reads or settles a source
(io/tables.py reads rows into `Draft`s; io/hierarchy.py, io/people.py and
io/assemble.py work on them), so none of those has to import another to
name the types they share.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgdesk.core.model import Department, DocumentInfo, RelationKind
from orgdesk.io.problems import Problem

#: Units whose sources name their fields by key (JSON, GraphML), not by column.
KEYED_UNITS = frozenset(("node", "entry", "position", "edge", "relation"))


#: The column a GraphML table makes of the file's edges (io/graphml_table.py): a problem
#: with it is fixed by editing edges, not a key of the nodes.
EDGE_SUPERIORS = "superior"


def is_keyed(unit: str) -> bool:
    """Whether a source counted in `unit` names its fields by keys (JSON, GraphML)."""
    return unit in KEYED_UNITS


@dataclass(slots=True)
class PendingRelation:
    """A dotted line as read: its ends named by the source's ids."""

    row: int
    id: int | None
    source: str
    target: str
    kind: RelationKind
    label: str = ""
    # Where a message finds it: how `row` counts (a Problem's unit), and the column
    # or key naming each end (source, target), "" where the reader did not say.
    unit: str = "relation"
    columns: tuple[str, str] = ("", "")


@dataclass(slots=True)
class OwnExtras:
    """What orgdesk's own files carry besides the positions table."""

    info: DocumentInfo | None = None
    departments: list[Department] | None = None
    relations: list[PendingRelation] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)  # document settings, JSON values


@dataclass(slots=True)
class Table:
    """A source read as numbered rows of cells, as the user sees them in their program."""

    source: Path
    headers: list[str]
    rows: Iterable[tuple[int, Sequence[object]]]
    unit: str = "row"
    total: int | None = None  # an estimate of the rows, for progress
    own: bool = False  # orgdesk's own export: read exactly
    extras: OwnExtras = field(default_factory=OwnExtras)
    problems: list[Problem] = field(default_factory=list)  # found by the reader itself
    # The header row as read (its line or row number and cells), so a first row
    # that is really data can be given back (see io/headerless.py); None: no such row.
    first_row: tuple[int, Sequence[object]] | None = None
    guessed: dict[str, str] = field(default_factory=dict)  # header → field key, from values
    headerless: bool = False  # the first row was read as data: the headers are “Column A” …
    notices: list[str] = field(default_factory=list)  # how the reader read it (Sentences)
    root_named: bool = False  # the reader used options.root_title to pick an existing node

    @property
    def keyed(self) -> bool:
        """Whether the source names its fields by keys (JSON, GraphML) rather than columns."""
        return is_keyed(self.unit)


@dataclass(slots=True)
class Draft:
    """One position as read, before ids, superiors and departments are settled."""

    row: int
    key: str  # the source's own id ("" when it has none)
    superior: str  # how the source names the superior ("" for none)
    name: str  # the name used by references such as Visio's Reports_To
    order: int | None
    department: str
    fields: dict[str, Any]  # keyword arguments of Position beyond the structure
