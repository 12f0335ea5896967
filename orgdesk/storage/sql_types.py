"""The SQL types of the column tables, as plain data.

`columns` describes every stored field with one of these; only `schema`,
which declares the tables for SQLAlchemy (to create a new file), turns them
into SQLAlchemy's types.  Reading a file — every export, `info`, `check` —
derives its statements and conversions from the column tables without
importing SQLAlchemy (a third of a second of a whole-process export).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.types import TypeEngine


@dataclass(frozen=True, slots=True)
class Integer:
    """SQL INTEGER."""

    def sqlalchemy(self) -> TypeEngine[Any]:
        from sqlalchemy import Integer as SqlInteger

        return SqlInteger()


@dataclass(frozen=True, slots=True)
class Text:
    """SQL TEXT."""

    def sqlalchemy(self) -> TypeEngine[Any]:
        from sqlalchemy import Text as SqlText

        return SqlText()


@dataclass(frozen=True, slots=True)
class String:
    """SQL VARCHAR, with its length when it has one."""

    length: int | None = None

    def sqlalchemy(self) -> TypeEngine[Any]:
        from sqlalchemy import String as SqlString

        return SqlString(self.length)


SqlType = Integer | Text | String
