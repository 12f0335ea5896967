"""Known problems with files on disk, each with one readable sentence."""
from __future__ import annotations

from pathlib import Path

from orgdesk.core.errors import UserError
from orgdesk.files import name_of

__all__ = ["name_of"]  # kept here for storage modules; defined in orgdesk.files


class FileProblem(UserError):
    """A file could not be opened or saved for a reason the user can act on."""

    def __init__(self, path: Path | str, sentence: str) -> None:
        self.path = Path(path)
        super().__init__(sentence)


class FileMissing(FileProblem):
    pass


class NotAFile(FileProblem):
    pass


class NotOrgdeskFile(FileProblem):
    """Not an SQLite database at all (a PNG or HTML page renamed, random bytes)."""


class ForeignDatabase(FileProblem):
    """An SQLite database written by another program."""


class CorruptFile(FileProblem):
    """An orgdesk file that is truncated, zero-length or damaged."""


class FileTooNew(FileProblem):
    """Written by a newer orgdesk with a schema this build does not know."""


class FileTooOld(FileProblem):
    """Written by an orgdesk older than any upgrade path this build has."""


class FileInUse(FileProblem):
    """Already open in another orgdesk process."""


class RecoveryAvailable(FileProblem):
    """Unsaved edits of an earlier session of this file survive in a working copy."""


class SaveFailed(FileProblem):
    """Save or Save As could not complete; the previous file is untouched."""


class ReadOnlyFile(SaveFailed):
    pass


class FileChangedOnDisk(SaveFailed):
    """Another program changed the file since orgdesk opened or last saved it.

    Saving would overwrite that change, so Save refuses; the window offers
    Save As, Overwrite or Cancel.
    """


class WorkingCopyProblem(FileProblem):
    """orgdesk's state folder (where working copies live) cannot be written: a full
    disk or an I/O error there; the user's own file is not involved."""


