"""Writing to the terminal safely: escaped text, any encoding, a closed pipe.

A document's text comes from an untrusted file.  Printed raw, a title holding
`ESC ] 0 ; … BEL` renames the terminal window, `ESC ] 52 ; c ; …` writes the
clipboard, CSI sequences move the cursor or hide lines, and bidi overrides
make a line read differently from what it holds ("Trojan Source").  Every
human-readable line the CLI prints therefore goes through `visible()`, which
shows such characters as Python-style escapes (`\\x1b`, `\\u202e`).

What is escaped, and why this set:

* C0 controls U+0000–U+001F (ESC, BEL, CR, BS, …) and DEL U+007F: they drive
  the terminal; newline and tab are escaped too, because a title must not be
  able to forge extra lines of output.
* C1 controls U+0080–U+009F: U+009B is a one-character CSI and U+009D an OSC
  in terminals that honour 8-bit controls (xterm, some Linux consoles).
* U+2028 and U+2029 (line and paragraph separators): some viewers break lines
  there, so they could forge lines like a newline.
* Bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069, and the
  invisible direction marks U+200E, U+200F, U+061C: they reorder how the rest
  of the line is displayed.
* Lone surrogates: a file name that is not valid UTF-8 arrives as
  surrogate-escaped bytes (PEP 383); U+DC80–U+DCFF is shown as the byte it
  stands for (`\\xc4`), any other surrogate as `\\udXXX`.

Zero-width joiners and other format characters stay: emoji sequences and
several scripts need them, and they cannot drive a terminal.

JSON output stays JSON: `json_text()` writes the same characters as `\\uXXXX`
escapes, which every JSON reader turns back into the original text.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from typing import Any, TextIO

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: Every character `visible()` and `json_text()` escape.
UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]")
#: What json.dumps leaves raw: it escapes U+0000–U+001F itself, and the layout's newlines stay.
_JSON_RAW = re.compile(f"[\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: one undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: object) -> str:
    """`text` with every terminal-controlling character shown as an escape."""
    return UNSAFE.sub(_escape, str(text))


def json_text(data: Any) -> str:
    """Indented JSON whose strings cannot control a terminal; still valid JSON.

    `json.dumps(ensure_ascii=False)` escapes only U+0000–U+001F; DEL, C1, the
    bidi controls and lone surrogates would be written raw (a lone surrogate
    cannot even be encoded as UTF-8).  Those characters can only occur inside
    JSON strings, so replacing them with `\\uXXXX` keeps the document valid.
    """
    raw = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", raw)


class OutputClosed(Exception):
    """The reader of stdout or stderr went away (`orgdesk info FILE | head -1`)."""


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text + "\n")
    except BrokenPipeError:
        raise OutputClosed from None


def out(*lines: object) -> None:
    """Print human-readable lines on stdout, each escaped."""
    for line in lines:
        _write(sys.stdout, visible(line))


def err(*lines: object) -> None:
    """Print human-readable lines on stderr, each escaped."""
    for line in lines:
        _write(sys.stderr, visible(line))


def out_json(data: Any) -> None:
    """Print `data` as terminal-safe JSON on stdout."""
    _write(sys.stdout, json_text(data))


def prepare_streams() -> None:
    """Never fail to print: characters the terminal's encoding lacks become escapes.

    Under LANG=C, PYTHONIOENCODING=ascii or a Latin-1 terminal, a Chinese
    title would raise UnicodeEncodeError; `backslashreplace` prints `\\u5ba2`
    instead, which is readable and loses nothing.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream
                reconfigure(errors="backslashreplace")


def flush_output() -> None:
    """Flush stdout and stderr; OutputClosed when a reader has gone away."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            raise OutputClosed from None
        except (OSError, ValueError):
            pass


def silence_output() -> None:
    """After EPIPE: point stdout and stderr at /dev/null and exit quietly.

    This is the remedy of Python's documentation (the `signal` module's note on
    SIGPIPE): the interpreter's own flush at exit then finds a sink instead of
    printing "Exception ignored … BrokenPipeError".  SIGPIPE is not restored to
    its default action: that would also kill orgdesk whenever a Graphviz child
    closes its pipe early.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            fd = stream.fileno()
        except (OSError, ValueError, AttributeError):
            continue
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, fd)
        finally:
            os.close(devnull)
