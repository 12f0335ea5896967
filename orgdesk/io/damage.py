"""Telling a damaged input file from a bug in orgdesk.

The readers hand untrusted bytes to zipfile, zlib, expat, defusedxml,
openpyxl and networkx, and those report damage with whatever exception their
code happens to hit: `zlib.error` for a corrupt deflate stream, `EOFError`
for a cut-off member, `KeyError` for a missing one, `LookupError` for an
unknown encoding in an XML declaration, `TypeError` from an openpyxl typed
attribute, … .  Listing them call by call misses the next one (a fuzzer found
two such exits within seconds), while catching every `Exception` would also
turn orgdesk's own bugs into “the file is damaged”.

So an exception counts as damage when both hold:

* its class is one a parser raises on bad input (`PARSER_ERRORS`, or a class
  defined by one of the parsing libraries themselves), and
* it was raised inside library code, not in an orgdesk frame: a `KeyError`
  raised by zipfile is a missing member, a `KeyError` raised by our own code
  is a bug and keeps its traceback.
"""
from __future__ import annotations

import contextlib
import lzma
import os
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

from orgdesk.core.errors import UserError
from orgdesk.io.problems import MalformedFile

#: Exception classes parsing libraries raise on damaged or hostile input.
PARSER_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    expat.ExpatError,
    EOFError,
    OSError,  # bz2's “Invalid data stream”, a short read
    LookupError,  # KeyError: a missing zip member; an unknown declared encoding; IndexError
    ValueError,  # UnicodeError, defusedxml's refusals, openpyxl's descriptors
    SyntaxError,  # ElementTree's ParseError, lxml's XMLSyntaxError
    TypeError,  # openpyxl's typed attributes given text they cannot hold
    AttributeError,  # openpyxl meeting an element where it expects another
    ArithmeticError,  # an overflowing date serial or size
    NotImplementedError,  # zipfile: an unsupported compression method
    RuntimeError,  # zipfile: an encrypted member; RecursionError of deep nesting
)

#: Libraries whose own exception classes (whatever their base) report bad input.
PARSER_MODULES = ("openpyxl", "defusedxml", "et_xmlfile", "lxml", "xml", "networkx", "zipfile")

_OWN = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def _raised_in_orgdesk(exc: BaseException) -> bool:
    """Whether the innermost Python frame of the traceback is orgdesk's own code."""
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    return os.path.abspath(tb.tb_frame.f_code.co_filename).startswith(_OWN)


def is_damage(exc: BaseException) -> bool:
    """Whether `exc` is a parser's report of a damaged input rather than a bug."""
    if not isinstance(exc, Exception) or isinstance(exc, MemoryError):
        return False
    module = type(exc).__module__ or ""
    known = isinstance(exc, PARSER_ERRORS) or module.split(".")[0] in PARSER_MODULES
    return known and not _raised_in_orgdesk(exc)


@contextlib.contextmanager
def damaged_as(error: type[MalformedFile], path: Path, sentence: str) -> Iterator[None]:
    """Turn a parser's report of damage inside the block into `error(path, sentence)`.

    A `UserError` passes through unchanged; anything else that is not damage
    (a bug) keeps its class and traceback.
    """
    try:
        yield
    except UserError:
        raise
    except Exception as exc:
        if not is_damage(exc):
            raise
        raise error(path, sentence) from None
