"""The library's address: a PostgreSQL URL, and where its password comes from.

A team writes the address without a password (`postgresql://anna@db.example/orgdesk`);
libpq then finds the password in PGPASSWORD or ~/.pgpass, and orgdesk first asks the
operating system's keyring (the `keyring` package) for one saved under that address.
A password written into the URL is accepted for one command but never shown, stored
in a document or written to a log: every text orgdesk makes of an address drops it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from orgdesk.core.errors import Sentence
from orgdesk.team.errors import BadLibraryAddress

#: The keyring service orgdesk saves library passwords under (the user is the address).
KEYRING_SERVICE = "orgdesk team library"
#: The environment variable naming the default library when no --url is given.
URL_VARIABLE = "ORGDESK_LIBRARY_URL"
_DRIVERS = ("postgres", "postgresql", "postgresql+psycopg")


@dataclass(frozen=True)
class LibraryAddress:
    """A parsed library URL; `shown` is the text safe to print or store (no password)."""

    url: URL

    @property
    def shown(self) -> str:
        return public_text(self.url)

    def with_password(self, password: str | None) -> LibraryAddress:
        return LibraryAddress(self.url.set(password=password))

    def __repr__(self) -> str:  # a traceback or log line shows the address without its password
        return f"LibraryAddress({self.shown!r})"

    __str__ = __repr__


def public_text(url: URL) -> str:
    """The URL as text without its password (never `***`: the text may be stored and reused).

    Built anew: `URL.set(password=None)` leaves the password as it was.
    """
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database,
                      url.query)
    return bare.render_as_string(hide_password=False)


def parse_address(text: str | None) -> LibraryAddress:
    """The address from --url, else ORGDESK_LIBRARY_URL; BadLibraryAddress if neither works."""
    text = text or os.environ.get(URL_VARIABLE, "")
    if not text.strip():
        raise BadLibraryAddress(Sentence.of(
            "No team library is named; give its address with --url or in the environment "
            "variable {variable}.", variable=URL_VARIABLE))
    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError):
        raise BadLibraryAddress(Sentence.of(
            "The team library's address is not a database URL; write it as "
            "postgresql://USER@HOST/DATABASE.")) from None
    if url.drivername not in _DRIVERS:
        raise BadLibraryAddress(Sentence.of(
            "The team library lives on PostgreSQL; its address starts with postgresql://, not "
            "{scheme}://.", scheme=url.drivername))
    if not url.database:
        raise BadLibraryAddress(Sentence.of(
            "The team library's address names no database; write it as "
            "postgresql://USER@HOST/DATABASE."))
    return LibraryAddress(url.set(drivername="postgresql+psycopg"))


def keyring_password(address: LibraryAddress) -> str | None:
    """The password saved in the OS keyring for this address, if a keyring answers."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - a dependency; an odd install may lack it
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, address.shown)
    except (KeyringError, OSError, RuntimeError):  # no keyring on this machine (a server, CI)
        return None


def save_password(address: LibraryAddress, password: str) -> None:
    """Remember `password` for this address in the OS keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, address.shown, password)
    except (KeyringError, OSError, RuntimeError):
        raise BadLibraryAddress(Sentence.of(
            "This computer has no keyring to save the password in; use ~/.pgpass or the "
            "environment variable PGPASSWORD instead.")) from None


def with_credentials(address: LibraryAddress) -> LibraryAddress:
    """The address to connect with: its own password, else the keyring's (libpq reads
    PGPASSWORD and ~/.pgpass itself when neither has one)."""
    if address.url.password is not None or os.environ.get("PGPASSWORD"):
        return address
    password = keyring_password(address)
    return address.with_password(password) if password else address
