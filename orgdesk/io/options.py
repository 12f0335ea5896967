"""What the user chose for one import: sheet, encoding, column mapping, roots."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class RootPolicy(str, Enum):
    """What to do when several rows have no superior."""

    ASK = "ask"  # report it as a problem so the user decides
    FOREST = "forest"  # keep several top positions side by side
    ADD_ROOT = "add_root"  # put them all under a new top position named `root_title`


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """Choices for reading one source file; the defaults recognise everything they can."""

    sheet: str | None = None  # XLSX: the sheet to read (default: the first, or “Positions”)
    encoding: str | None = None  # CSV: forced text encoding (default: detected)
    mapping: dict[str, str] = field(default_factory=dict)  # column header → field key
    roots: RootPolicy | None = None  # None: FOREST for orgdesk's own files, else ASK
    root_title: str = ""
    title: str = ""  # document title (default: the file's own, else its name)
    root_id: str = ""  # the source id of the top position (orients undirected graphs)
    # Tables and JSON: what a "no superior" cell says, besides the built-in tokens
    # (NULL, null, (null), none, N/A, -, and 0 where no position has the id 0).
    null_tokens: tuple[str, ...] = ()
    header: bool | None = None  # None: detect whether the first row is a header
    path_column: str = ""  # a column holding the path / outline number of each row
    empty_title: str = ""  # the title given to rows without one ("" = a problem)
    title_fallback: str = ""  # a column whose value titles rows without a title
    group_people: bool | None = None  # None: group people into positions when titles repeat
    edges: str = ""  # GraphML: "down" (superior → report), "up", or "" to detect
