"""Connecting to the library's server, and turning the driver's failures into sentences.

The driver's own messages are never shown: they can be long, technical and, for a
URL typed with its password, the only place a secret could leak.  Each known failure
(unreachable, refused credentials, dropped connection, refused by the server's access
rules) becomes one sentence naming the server by its password-free address.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

import psycopg
from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.exc import DBAPIError

from orgdesk.core.errors import Sentence
from orgdesk.team.address import LibraryAddress, with_credentials
from orgdesk.team.errors import (
    AccessDenied,
    AuthenticationFailed,
    ConnectionDropped,
    LibraryProblem,
    ServerNotTrusted,
    ServerUnreachable,
)

#: Seconds to wait for a server before saying it is unreachable.
CONNECT_TIMEOUT = 10


def library_engine(address: LibraryAddress) -> Engine:
    """An engine for the library (connections checked before use, so a restarted server
    is reconnected to instead of failing the next operation)."""
    url = with_credentials(address).url
    return create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=2,
                         connect_args={"connect_timeout": CONNECT_TIMEOUT,
                                       "application_name": "orgdesk"})


_AUTH_MARKERS = ("password authentication failed", "no password supplied",
                 "authentication failed", "does not exist", "pg_hba.conf")
_DROPPED_STATES = frozenset({"57P01", "57P02", "57P03", "08000", "08003", "08006", "08007"})


def problem_of(exc: DBAPIError | psycopg.Error, address: LibraryAddress, connecting: bool
               ) -> LibraryProblem | None:
    """The known problem a driver error stands for, or None for a bug.

    `connecting`: the error came while opening the connection (no server, refused
    credentials, no such database), not in the middle of an operation (lost connection,
    refused by the server's access rules).
    """
    # The driver's own error, from SQLAlchemy's wrapper or straight from a raw cursor (COPY).
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    invalidated = exc.connection_invalidated if isinstance(exc, DBAPIError) else (
        isinstance(exc, psycopg.OperationalError))
    server = address.shown
    state = getattr(original, "sqlstate", None)
    text = str(original).lower()
    if connecting:
        if 'database "' in text and "does not exist" in text:
            return ServerUnreachable(Sentence.of(
                "The server at {server} has no database named “{database}”.", server=server,
                database=address.url.database or ""))
        if "certificate" in text or ("ssl" in text and "verify" in text):
            return ServerNotTrusted(Sentence.of(
                "The server at {server} could not prove it is the library's server (its TLS "
                "certificate does not match the address or is not signed by sslrootcert); "
                "nothing was sent to it.", server=server))
        if state in ("28P01", "28000") or any(marker in text for marker in _AUTH_MARKERS):
            return AuthenticationFailed(Sentence.of(
                "The library at {server} did not accept your user name or password; check "
                "~/.pgpass, PGPASSWORD or the password saved with orgdesk library login.",
                server=server))
        if isinstance(original, psycopg.OperationalError):
            return ServerUnreachable(Sentence.of(
                "No library server answers at {server}; check the address and that the server "
                "is running, or keep working offline.", server=server))
        return None
    if state == "42501":
        return AccessDenied(Sentence.of(
            "The library at {server} refused this operation to your role; ask the library's "
            "administrator for access (orgdesk library grant).", server=server))
    if (state in _DROPPED_STATES or invalidated
            or (isinstance(original, psycopg.OperationalError) and state is None)):
        return ConnectionDropped(Sentence.of(
            "The connection to the library at {server} was lost; nothing was changed there, "
            "so try again.", server=server))
    return None


@contextlib.contextmanager
def translated(address: LibraryAddress, connecting: bool = False) -> Iterator[None]:
    """Known driver failures inside the block become LibraryProblem sentences."""
    try:
        yield
    except (DBAPIError, psycopg.Error) as exc:
        problem = problem_of(exc, address, connecting)
        if problem is None:
            raise
        raise problem from None


def connect(engine: Engine, address: LibraryAddress) -> Connection:
    """A connection to the library; failing to get one is a sentence (unreachable, refused)."""
    with translated(address, connecting=True):
        return engine.connect()
