"""What can go wrong in an import or export, as typed errors and listed problems.

A *broken file* (unreadable bytes, an unterminated quote, hostile XML) stops
reading at once: `MalformedFile`, one sentence naming the line or row.  A
readable file whose contents do not make an organisation (duplicate ids, an
unknown superior, a cycle …) yields `Problem`s, all of them collected before
anything is written, and `ImportFailed` carries the whole list.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from orgdesk.core.errors import Sentence, UserError
from orgdesk.files import ExportFailed, name_of, readable_name

__all__ = ["ExportFailed", "HostileFile", "ImportCancelled", "ImportFailed", "InterchangeError",
           "MalformedFile", "Problem", "name_of", "places", "readable_name"]

def places(unit: str, rows: Sequence[int], limit: int = 8) -> Sentence:
    """Where in the file, as a translatable phrase: “line 4”, “rows 3, 5, 9 and 2 more”.

    `unit` is how the file counts its entries (a Table's unit, or "position" for JSON).
    """
    shown: str = ", ".join(str(r) for r in rows[:limit])
    if len(rows) > limit:
        shown = Sentence.of("{rows} and {count} more", rows=shown, count=len(rows) - limit)
    if len(rows) == 1:
        if unit == "line":
            return Sentence.of("line {rows}", rows=shown)
        if unit == "node":
            return Sentence.of("node {rows}", rows=shown)
        if unit == "position":
            return Sentence.of("position entry {rows}", rows=shown)
        if unit == "entry":
            return Sentence.of("entry {rows}", rows=shown)
        if unit == "edge":
            return Sentence.of("edge {rows}", rows=shown)
        return Sentence.of("row {rows}", rows=shown)
    if unit == "line":
        return Sentence.of("lines {rows}", rows=shown)
    if unit == "node":
        return Sentence.of("nodes {rows}", rows=shown)
    if unit == "position":
        return Sentence.of("position entries {rows}", rows=shown)
    if unit == "entry":
        return Sentence.of("entries {rows}", rows=shown)
    if unit == "edge":
        return Sentence.of("edges {rows}", rows=shown)
    return Sentence.of("rows {rows}", rows=shown)


class InterchangeError(UserError):
    """A known problem while importing or exporting; one readable sentence."""


class MalformedFile(InterchangeError):
    """The file cannot be read as the format it claims (or is hostile)."""

    def __init__(self, path: Path | str, sentence: str) -> None:
        self.path = Path(path)
        super().__init__(sentence)


class HostileFile(MalformedFile):
    """XML with a DTD or entities, a zip bomb, or a size beyond the caps."""


class ImportCancelled(InterchangeError):
    """The user cancelled a running import or export."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a readable file does not make a valid organisation.

    `row` is the row (line for CSV, node for GraphML, entry for JSON) the
    problem is about, counted as the user sees it; None for the whole file.
    """

    row: int | None
    message: str  # a Sentence, so the interface can translate it
    unit: str = "row"
    code: str = ""  # a stable tag for problems a caller offers a fix for ("roots")

    def __str__(self) -> str:
        return self.message if self.row is None else f"{self.unit.capitalize()} {self.row}: {self.message}"


class ImportFailed(InterchangeError):
    """Validation found problems; nothing was imported."""

    def __init__(self, source: Path | str, problems: list[Problem],
                 notices: Sequence[str] = ()) -> None:
        self.source = Path(source)
        self.problems = list(problems)
        # How the source was read (Sentences): a problem may come from a reading to change.
        self.notices = list(notices)
        count = len(self.problems)
        super().__init__(
            Sentence.of("Nothing was imported: {file} has 1 problem.", file=name_of(source))
            if count == 1 else
            Sentence.of("Nothing was imported: {file} has {count} problems.",
                        file=name_of(source), count=f"{count:,}"))
