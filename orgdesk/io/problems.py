"""What can go wrong in an import or export, as typed errors and listed problems.

A *broken file* (unreadable bytes, an unterminated quote, hostile XML) stops
reading at once: `MalformedFile`, one sentence naming the line or row.  A
readable file whose contents do not make an organisation (duplicate ids, an
unknown superior, a cycle …) yields `Problem`s, all of them collected before
anything is written, and `ImportFailed` carries the whole list.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from orgdesk.core.errors import UserError
from orgdesk.files import ExportFailed, name_of, readable_name

__all__ = ["ExportFailed", "HostileFile", "ImportCancelled", "ImportFailed", "InterchangeError",
           "MalformedFile", "Problem", "name_of", "readable_name"]

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
    message: str
    unit: str = "row"
    code: str = ""  # a stable tag for problems a caller offers a fix for ("roots")

    def __str__(self) -> str:
        return self.message if self.row is None else f"{self.unit.capitalize()} {self.row}: {self.message}"


class ImportFailed(InterchangeError):
    """Validation found problems; nothing was imported."""

    def __init__(self, source: Path | str, problems: list[Problem]) -> None:
        self.source = Path(source)
        self.problems = list(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"Nothing was imported: {name_of(source)} has {count} {noun}.")
