"""Known problems with the team library, each one readable sentence.

A server that cannot be reached, a refused password, a connection dropped in the
middle of a publish, a schema older or newer than this build, a role without the
right to publish: each is a `LibraryProblem` subclass carrying a `Sentence`, never a
driver message (which may quote the connection string, password included).
"""
from __future__ import annotations

from dataclasses import dataclass

from orgdesk.core.errors import UserError


class LibraryProblem(UserError):
    """The team library could not do what was asked, for a reason the user can act on."""


class BadLibraryAddress(LibraryProblem):
    """The library's address is not a PostgreSQL URL orgdesk can use."""


class ServerUnreachable(LibraryProblem):
    """No PostgreSQL server answered at the library's address."""


class ServerNotTrusted(LibraryProblem):
    """TLS verification failed (sslmode=verify-full): the server is not who the address says."""


class AuthenticationFailed(LibraryProblem):
    """The server refused the user name or password."""


class ConnectionDropped(LibraryProblem):
    """The connection ended in the middle of an operation; the server rolled it back."""


class SchemaNotInitialised(LibraryProblem):
    """The database holds no team library (run `orgdesk library init`)."""


class SchemaTooOld(LibraryProblem):
    """The library's schema is older than this orgdesk (run `orgdesk library upgrade`)."""


class SchemaTooNew(LibraryProblem):
    """The library was upgraded by a newer orgdesk than this one."""


class AccessDenied(LibraryProblem):
    """The server refused the operation to this role (row-level security or privileges)."""


class UnknownProject(LibraryProblem):
    """No such project, or one this role may not read."""


class UnknownVersion(LibraryProblem):
    """No such version in the project."""


class NothingToPublish(LibraryProblem):
    """The document is the version it was pulled as."""


@dataclass(frozen=True, slots=True)
class ConflictDetails:
    """What a refused publish found on the server: the newer version and the difference."""

    project: str
    base_id: int | None
    head_id: int
    head_author: str
    head_message: str
    difference: tuple[str, ...]  # one readable line per change, base → head


class PublishConflict(LibraryProblem):
    """Someone published to the project after the version this document is based on."""

    def __init__(self, sentence: str, details: ConflictDetails) -> None:
        self.details = details
        super().__init__(sentence)


class MergeConflicts(LibraryProblem):
    """A three-way merge found changes on both sides that contradict each other."""

    def __init__(self, sentence: str, conflicts: tuple[str, ...]) -> None:
        self.conflicts = conflicts
        super().__init__(sentence)
