"""Which text encoding a CSV file is in, decided strictly, or a sentence saying why not.

Clients send CSV from Excel (UTF-8 with a BOM, or GB18030/GBK from Chinese
Excel's plain “CSV”), from Notepad (“Unicode”: UTF-16 with a BOM), from
scripts (UTF-32, BOM-less UTF-16) and from files pasted together.  A wrong
guess is worse than a refusal: decoded as GB18030, UTF-8 Chinese turns into
plausible-looking mojibake and the import says it succeeded.  The rule:

1. A byte-order mark decides: UTF-32 LE/BE first (the UTF-32 LE mark starts
   with the UTF-16 LE one), then UTF-8, UTF-16 LE/BE and GB18030's own mark.
   The whole file must then decode strictly in that encoding; further marks
   at the start (a tool that added its BOM to a file that had one) are
   dropped by the reader.
2. Without a mark, NUL bytes mean UTF-16 or UTF-32 without a mark (where the
   NULs fall tells which: the one reading without NUL characters and with a
   line break), else binary data, refused.
3. A file that is valid UTF-8 from start to end is UTF-8.  By chance a
   GB18030 file almost never is (each Chinese character has a 1 in 5 chance
   to form valid UTF-8; a line of several, far less).
4. Otherwise the file can only be GB18030, and only if every line decodes as
   GB18030 and no line looks like UTF-8.  A line looks like UTF-8 when it is
   valid UTF-8 and reading it as GB18030 would either fail or give more
   uncommon characters (outside ASCII and GB2312, the everyday Chinese
   character set) than reading it as UTF-8: mojibake of UTF-8 is made of rare
   characters, while real GBK text reads as everyday ones.  Such a file mixes
   encodings (a GBK line pasted into a UTF-8 file, or the reverse) and is
   refused with the line numbers of both kinds; the user fixes the file or
   chooses the encoding, which is then applied strictly.

Lines are split at the byte 0x0A, which neither UTF-8 nor GB18030 uses inside
a multi-byte character, so the numbers are the lines an editor shows.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from orgdesk.core.errors import Sentence
from orgdesk.io.problems import MalformedFile, name_of

_CHUNK = 1 << 20
#: Line numbers named in a refusal before “…”.
SHOWN_LINES = 5
#: Byte-order marks, longest first where one begins another, with the codec that reads on.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"), (b"\x84\x31\x95\x33", "gb18030"),
)
#: Encodings tried, in this order, for a file with NUL bytes and no mark.
WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
BOM_CHAR = "\ufeff"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def line_list(numbers: list[int], total: int) -> str:
    """“3, 7, 9” or “3, 7, 9, 12, 15, …”: line numbers for a sentence in any language."""
    shown = ", ".join(str(n) for n in numbers[:SHOWN_LINES])
    return f"{shown}, …" if total > min(len(numbers), SHOWN_LINES) else shown


def uncommon(text: str) -> int:
    """How many characters of `text` are neither ASCII nor in GB2312 (in C, not a loop)."""
    return text.encode("gb2312", "replace").count(b"?") - text.count("?")


def _decodes(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def looks_like_utf8(line: bytes) -> bool:
    """Whether a line that is valid UTF-8 reads better as UTF-8 than as GB18030."""
    as_utf8 = _decodes(line, "utf-8")
    if as_utf8 is None:
        return False
    as_gb = _decodes(line, "gb18030")
    return as_gb is None or uncommon(as_utf8) < uncommon(as_gb)


def _chunks(path: Path) -> Iterator[bytes]:
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                yield chunk
    except OSError as exc:
        raise MalformedFile(path, Sentence.of("{file} cannot be read: {reason}.",
                                              file=name_of(path),
                                              reason=exc.strerror or str(exc))) from None


def _lines(path: Path) -> Iterator[bytes]:
    """The file's lines as bytes (without their b"\\n")."""
    rest = b""
    for chunk in _chunks(path):
        parts = (rest + chunk).split(b"\n")
        rest = parts.pop()
        yield from parts
    yield rest


def _decoded_lines(path: Path, encoding: str, skip: int = 0) -> int:
    """The number of lines of `path` read strictly as `encoding`; MalformedFile naming the
    first line that does not decode."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    lines = 0
    first = True
    for chunk in _chunks(path):
        if first:
            chunk, first = chunk[skip:], False
        pending = decoder.getstate()[0]
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            good = (pending + chunk)[:exc.start]
            lines += good.decode(encoding, "replace").count("\n")
            raise _not_encoding(path, encoding, lines + 1) from None
        if "\x00" in text:
            raise _binary(path)
        lines += text.count("\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise _not_encoding(path, encoding, lines + 1) from None
    return lines + 1


def _not_encoding(path: Path, encoding: str, line: int) -> MalformedFile:
    return MalformedFile(path, Sentence.of(
        "{file} line {line} is not {encoding} text, although the file starts as {encoding}; "
        "it may be damaged.", file=name_of(path), line=line, encoding=display_name(encoding)))


def _binary(path: Path) -> MalformedFile:
    return MalformedFile(path, Sentence.of("{file} is not a text table: it holds binary data.",
                                           file=name_of(path)))


def display_name(encoding: str) -> str:
    """UTF-16-LE, GB18030: how encodings are named to the user."""
    return codecs.lookup(encoding).name.upper().replace("_", "-")


@dataclass(slots=True)
class _Survey:
    """What the lines of a BOM-less, not-UTF-8 file are."""

    not_utf8: list[int] = field(default_factory=list)  # the first few, for the message
    not_utf8_count: int = 0
    utf8_like: list[int] = field(default_factory=list)
    utf8_like_count: int = 0
    neither: list[int] = field(default_factory=list)
    neither_count: int = 0


def _survey(path: Path) -> tuple[_Survey, int]:
    survey = _Survey()
    number = 0
    for number, line in enumerate(_lines(path), 1):
        if line.isascii():
            continue
        if _decodes(line, "utf-8") is None:
            survey.not_utf8_count += 1
            if len(survey.not_utf8) < SHOWN_LINES:
                survey.not_utf8.append(number)
            if _decodes(line, "gb18030") is None:
                survey.neither_count += 1
                if len(survey.neither) < SHOWN_LINES:
                    survey.neither.append(number)
        elif looks_like_utf8(line):
            survey.utf8_like_count += 1
            if len(survey.utf8_like) < SHOWN_LINES:
                survey.utf8_like.append(number)
    return survey, number


def _without_bom(path: Path) -> tuple[bool, bool, int]:
    """(has NUL bytes, valid UTF-8 throughout, line count) in one pass."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    nul, utf8, lines = False, True, 0
    for chunk in _chunks(path):
        nul = nul or b"\x00" in chunk
        lines += chunk.count(b"\n")
        if utf8:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return nul, utf8, lines + 1


def _wide_without_bom(path: Path, size_limit: int) -> str | None:
    """UTF-16/32 without a mark: the one reading with a line break and no NUL or C0 control."""
    try:
        data = path.read_bytes() if path.stat().st_size <= size_limit else b""
    except OSError:
        return None
    found = []
    for encoding in WIDE:
        text = _decodes(data, encoding)
        if text is None or "\n" not in text:
            continue
        if _CONTROL.search(text):
            continue
        found.append(encoding)
    return found[0] if len(found) == 1 else None


def detect_encoding(path: Path, wide_limit: int = 64 << 20) -> tuple[str, int]:
    """The codec to read `path` with (strictly) and its number of lines, or MalformedFile."""
    with open(path, "rb") as handle:
        head = handle.read(4)
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding, _decoded_lines(path, encoding, skip=len(bom))
    nul, utf8, lines = _without_bom(path)
    if nul:
        wide = _wide_without_bom(path, wide_limit)
        if wide is None:
            raise _binary(path)
        return wide, _decoded_lines(path, wide)
    if utf8:
        return "utf-8", lines
    survey, lines = _survey(path)
    if survey.utf8_like_count:
        raise MalformedFile(path, Sentence.of(
            "{file} mixes text encodings: lines {others} are not UTF-8 but lines {utf8} are; "
            "save it in one encoding, or choose the encoding to read it with.",
            file=name_of(path), others=line_list(survey.not_utf8, survey.not_utf8_count),
            utf8=line_list(survey.utf8_like, survey.utf8_like_count)))
    if survey.neither_count:
        raise MalformedFile(path, Sentence.of(
            "{file} is neither UTF-8 nor GB18030 text (lines {lines}); choose its encoding.",
            file=name_of(path), lines=line_list(survey.neither, survey.neither_count)))
    return "gb18030", lines
