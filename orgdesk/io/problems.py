"""What can go wrong in an import or export, as typed errors and listed problems.

A *broken file* (unreadable bytes, an unterminated quote, hostile XML) stops
reading at once: `MalformedFile`, one sentence naming the line or row.  A
readable file whose contents do not make an organisation (duplicate ids, an
unknown superior, a cycle …) yields `Problem`s, all of them collected before
anything is written, and `ImportFailed` carries the whole list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from orgdesk.core.errors import UserError

#: What must never reach a message as it is: C0 and C1 controls and DEL (they drive
#: terminals and forge lines), line and paragraph separators, bidi controls (they
#: reorder the text around them) and surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e"
                     "\u2066-\u2069\ud800-\udfff]")
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")


def readable_name(name: str) -> str:
    """A file name as text a person can read and any output can hold.

    On POSIX a name that is not UTF-8 (GBK names from a zip made on Chinese
    Windows) arrives with its bytes as lone surrogates (PEP 383), which no
    UTF-8 output, SQLite text or Qt label can hold.  Its bytes are read as
    GB18030 when they are valid GB18030 (what such names almost always are),
    else each undecodable byte is shown as \\xNN; control characters are
    shown as escapes so a name cannot forge a line or drive a terminal.
    """
    if _UNSAFE.search(name) is None:
        return name
    if _ESCAPED_BYTES.search(name):
        runs = _ESCAPED_BYTES.sub(_undecodable, name)
        try:  # the whole name: its first bytes may have looked like UTF-8 by chance (“Ա”)
            whole = name.encode("utf-8", "surrogateescape").decode("gb18030")
        except UnicodeError:
            whole = runs
        name = whole if _rare(whole) < _rare(runs) else runs
    return _UNSAFE.sub(_escape, name)


def _rare(text: str) -> int:
    """Characters outside ASCII and GB2312, the everyday Chinese set: mojibake has many."""
    return text.encode("gb2312", "replace").count(b"?") - text.count("?")


def _undecodable(match: re.Match[str]) -> str:
    """A run of surrogate-escaped bytes as GB18030 text, else unchanged (escaped later)."""
    raw = bytes(ord(c) - 0xDC00 for c in match.group())
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return match.group()


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # one undecodable byte of the name
        code -= 0xDC00
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def name_of(path: Path | str) -> str:
    """How a file is named in messages: its file name in quotes, readable and safe."""
    return f"“{readable_name(Path(path).name)}”"


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


class ExportFailed(InterchangeError):
    """An export could not be written; any previous file is untouched."""


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
