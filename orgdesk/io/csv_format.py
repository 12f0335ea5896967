"""CSV import and export.

Import: the encoding is decided strictly by `text_encoding` (a byte-order
mark, else UTF-8 if every byte decodes, else GB18030 — what Chinese Excel
writes as “CSV” — unless lines of both kinds show the file mixes them, which
is refused with their line numbers); the delimiter is the commonest of , ; tab | in the header line.  The
csv module runs with strict=True and an explicit field size limit, so an
unterminated quote or a runaway cell is an error naming its line, never a
silently swallowed file.  Export: UTF-8 with BOM (so Excel shows Chinese),
CRLF, and every cell that a spreadsheet would run as a formula prefixed “'”.
"""
from __future__ import annotations

import codecs
import csv
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import IO

from orgdesk.core.errors import Sentence
from orgdesk.core.organisation import Organisation
from orgdesk.io.cells import cell_text, guard_formula, unguard_formula
from orgdesk.io.export_table import HEADERS, position_rows
from orgdesk.io.fields import EXPORT_FIELDS, is_own_table
from orgdesk.io.limits import MAX_CSV_CELL_CHARS
from orgdesk.io.problems import ExportFailed, MalformedFile, name_of
from orgdesk.io.tables import Table, unique_headers
from orgdesk.io.text_encoding import BOM_CHAR, detect_encoding

#: The longest cell orgdesk reads and writes (characters); a longer one is an error, not a hang.
MAX_CELL_CHARS = MAX_CSV_CELL_CHARS
DELIMITERS = (",", ";", "\t", "|")


def sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, encoding: str | None = None) -> Table:
    """Open `path` as a table; rows are read lazily as the caller iterates."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise MalformedFile(path, Sentence.of("{file} cannot be read: {reason}.",
                                              file=name_of(path), reason=exc.strerror)) from None
    if size == 0:
        raise MalformedFile(path, Sentence.of("{file} is empty.", file=name_of(path)))
    if encoding is None:
        encoding, lines = detect_encoding(path)
    else:
        try:
            known = codecs.lookup(encoding)._is_text_encoding  # base64, rot13: bytes or str only
        except LookupError:
            known = False
        if not known:
            raise MalformedFile(path, Sentence.of("“{encoding}” is not a text encoding orgdesk "
                                                  "knows.", encoding=encoding)) from None
        lines = None
    handle = open(path, encoding=encoding, newline="", errors="strict")  # noqa: SIM115 - _rows closes it
    try:
        first = handle.readline().lstrip(BOM_CHAR)
        for _ in range(100):  # the header line decides, not draw.io's “#” lines above it
            if not first.startswith("#"):
                break
            first = handle.readline()
        handle.seek(0)
    except UnicodeDecodeError:
        handle.close()
        raise MalformedFile(path, Sentence.of("{file} is not {encoding} text; choose another "
                                              "encoding.",
                                              file=name_of(path), encoding=encoding)) from None
    rows = _rows(path, handle, sniff_delimiter(first), encoding)
    try:
        line, header = next(rows)
        while cell_text(header[0]).startswith("#"):  # draw.io's comment and setting lines
            line, header = next(rows)
    except StopIteration:
        rows.close()
        raise MalformedFile(path, Sentence.of("{file} is empty: it has no header row.",
                                              file=name_of(path))) from None
    headers = unique_headers(header)
    return Table(path, headers, rows, unit="line", total=lines, own=is_own_table(headers),
                 first_row=(line, header))


def _rows(path: Path, handle: IO[str], delimiter: str, encoding: str
          ) -> Generator[tuple[int, Sequence[object]]]:
    """(first line of the record, cells) for each non-empty record; closes `handle`."""
    previous_limit = csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(_without_marks(handle), delimiter=delimiter, strict=True)
    start = 1
    try:
        while True:
            start = reader.line_num + 1
            try:
                record = next(reader)
            except StopIteration:
                return
            joined = "".join(record)
            if not joined.strip():
                continue
            if "'" in joined:
                record = [unguard_formula(cell) for cell in record]
            yield start, record
    except csv.Error as exc:
        raise MalformedFile(path, _csv_message(path, exc, start, reader.line_num)) from None
    except UnicodeDecodeError:
        raise MalformedFile(path, Sentence.of("{file} line {line} is not {encoding} text; "
                                              "choose another encoding.",
                                              file=name_of(path), line=reader.line_num + 1,
                                              encoding=encoding)) from None
    finally:
        csv.field_size_limit(previous_limit)
        handle.close()


def _without_marks(handle: IO[str]) -> Iterator[str]:
    """The lines of `handle`, without the byte-order marks at the start of the first.

    The codec consumes none of them (it is chosen endian-specific), and files that
    went through two tools that each added one start with two: either way the
    first header must read “title”, not “\ufefftitle”.
    """
    first = True
    for line in handle:
        if first:
            line, first = line.lstrip(BOM_CHAR), False
        yield line


def _csv_message(path: Path, exc: csv.Error, start: int, line: int) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return (f"{name_of(path)} line {start}: a cell is longer than {MAX_CELL_CHARS:,} "
                "characters, the most orgdesk reads.")
    if "unexpected end of data" in text or "EOF" in text:
        return (f"{name_of(path)} line {start}: a quoted cell is never closed "
                "(its closing quote mark is missing).")
    return f"{name_of(path)} line {line}: {text}."


def write_csv(org: Organisation, handle: IO[bytes]) -> None:
    """Write every position as one row (UTF-8 with BOM, CRLF, formulas defused)."""
    text = codecs.getwriter("utf-8")(handle)
    handle.write(codecs.BOM_UTF8)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in position_rows(org):
        cells = ["" if v is None else _text(v) if isinstance(v, str) else v for v in row]
        for spec, cell in zip(EXPORT_FIELDS, cells):
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise _cell_too_long(row, spec.header, len(cell))
        writer.writerow(cells)


def _cell_too_long(row: list[object], field: str, length: int) -> ExportFailed:
    """The reader refuses cells over MAX_CELL_CHARS, so the writer never writes one."""
    title = str(row[_TITLE])
    return ExportFailed(Sentence.of(
        "The field “{field}” of position {id} (“{title}”) would be a CSV cell of {length} "
        "characters, more than orgdesk reads back ({limit}); shorten it.", field=field,
        id=row[0], title=title if len(title) <= 30 else f"{title[:29]}…", length=f"{length:,}",
        limit=f"{MAX_CELL_CHARS:,}"))


_TITLE = [f.key for f in EXPORT_FIELDS].index("title")


def _text(value: str) -> str:
    # A NUL would make the file binary to every CSV reader, this one included.
    return guard_formula(value.replace("\x00", "\ufffd"))
