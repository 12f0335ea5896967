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
import itertools
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from orgdesk.core.errors import Sentence
from orgdesk.core.organisation import Organisation
from orgdesk.io import csv_document, drawio_csv, peer_columns
from orgdesk.io.cells import cell_text, guard_formula, unguard_formula, xml_unescape
from orgdesk.io.export_table import HEADERS, position_rows
from orgdesk.io.fields import EXPORT_FIELDS, FIELD_BY_KEY, is_own_table
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
        # draw.io's settings and orgdesk's own document records sit on “#” lines above the
        # header: read as lines (a draw.io line is not CSV), then the table from its header.
        comments, header_at = _comment_lines(path, handle)
        first = handle.readline().lstrip(BOM_CHAR)
        handle.seek(header_at)
    except UnicodeDecodeError:
        handle.close()
        raise MalformedFile(path, Sentence.of("{file} is not {encoding} text; choose another "
                                              "encoding.",
                                              file=name_of(path), encoding=encoding)) from None
    except BaseException:
        handle.close()
        raise
    delimiter = sniff_delimiter(first)
    rows = _rows(path, handle, delimiter, encoding, len(comments))
    try:
        line, header = next(rows)
    except StopIteration:
        rows.close()
        raise MalformedFile(path, Sentence.of("{file} is empty: it has no header row.",
                                              file=name_of(path))) from None
    headers = unique_headers(header)
    table = Table(path, headers, rows, unit="line", total=lines, own=is_own_table(headers),
                  first_row=(line, header))
    if table.own:
        _read_own(table, comments, delimiter)
    elif comments:
        dotted = drawio_csv.plan(table, [(n, _line_text(t, delimiter)) for n, t in comments])
        if dotted is not None:
            table.rows = dotted.rows(rows)
    if not table.own:
        peer_columns.tap(table)  # dotted-line ids and our exports' fill colours
    return table


#: The most “#” lines read above the header row (a document's departments and settings).
MAX_COMMENT_LINES = 100_000


def _comment_lines(path: Path, handle: IO[str]) -> tuple[list[tuple[int, str]], int]:
    """The “#” lines at the top of the file (line number, text) and where the header starts."""
    found: list[tuple[int, str]] = []
    while True:
        at = handle.tell()
        line = handle.readline(MAX_CELL_CHARS + 1)
        text = line.lstrip(BOM_CHAR) if not found else line
        if not _is_comment(text):
            return found, at
        if len(line) > MAX_CELL_CHARS or len(found) >= MAX_COMMENT_LINES:
            raise MalformedFile(path, Sentence.of(
                "{file} line {line}: the “#” lines above the header row are longer than "
                "orgdesk reads.", file=name_of(path), line=len(found) + 1))
        found.append((len(found) + 1, text.rstrip("\r\n")))


def _is_comment(text: str) -> bool:
    """A “#” line (perhaps quoted by a spreadsheet) — but not a header whose first column is “#”."""
    if text.startswith('"#"'):
        after = text[3:]
    elif text.startswith("#") and text[1:2] in DELIMITERS:
        after = text[1:]
    else:
        return text.startswith(("#", '"#'))
    return not after.strip(" \r\n" + "".join(DELIMITERS))


def _cells(text: str, delimiter: str) -> list[str]:
    """One “#” line as CSV cells (leniently: it may be draw.io's JSON, not CSV)."""
    try:
        return next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error:  # a cell over the csv module's limit: no record of ours
        return [text]


def _line_text(text: str, delimiter: str) -> str:
    """A draw.io line as written, also after a spreadsheet split it into quoted, padded cells."""
    if text.startswith('"'):
        text = delimiter.join(_cells(text, delimiter))
    return text.rstrip().rstrip(delimiter).rstrip()


def _read_own(table: Table, comments: list[tuple[int, str]], delimiter: str) -> None:
    """orgdesk's own CSV: its “#” records, its dotted-lines column, and cells read exactly."""
    found = []
    for number, text in comments:
        cells = [xml_unescape(unguard_formula(c)) for c in _cells(text, delimiter)]
        if cells and cells[0] in csv_document.RECORDS:
            found.append((number, cells))
    table.extras = csv_document.read_records(found, table.problems)
    relations = (table.headers.index(csv_document.RELATIONS_HEADER)
                 if csv_document.RELATIONS_HEADER in table.headers else None)
    if relations is not None:
        del table.headers[relations]
    table.rows = _own_rows(table, table.rows, relations,
                           table.headers.index(FIELD_BY_KEY["id"].header))


def _own_rows(table: Table, rows: Iterable[tuple[int, Sequence[object]]], relations: int | None,
              id_column: int) -> Iterator[tuple[int, Sequence[object]]]:
    """The rows with NUL escapes decoded and the dotted-lines column read into the extras."""
    found = table.extras.relations
    keys: set[str] = set()
    add = keys.add
    for row, raw in rows:
        # The csv module gives str cells; one test of the joined row spares most rows the
        # per-cell work (a third of the reading time).
        cells: list[str] = list(raw)  # type: ignore[arg-type]  # the csv module's cells are str
        if "_x" in "".join(cells):
            cells = [xml_unescape(c) if "_x" in c else c for c in cells]
        width = len(cells)
        if relations is not None and width > relations:
            cell = cells.pop(relations)
            if cell:
                source = cell_text(cells[id_column]).strip() if width > id_column else ""
                found.extend(csv_document.read_relations(row, source, cell, table.problems))
        if width > id_column:
            add(cells[id_column].strip())
        yield row, cells
    csv_document.number_relations(found)
    csv_document.keep_known(found, keys, table.problems)


def _rows(path: Path, handle: IO[str], delimiter: str, encoding: str, skipped: int = 0
          ) -> Generator[tuple[int, Sequence[object]]]:
    """(first line of the record, cells) for each non-empty record; closes `handle`.

    `skipped`: the lines above the handle's position (the “#” lines), so line numbers
    are the file's.
    """
    previous_limit = csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(_without_marks(handle), delimiter=delimiter, strict=True)
    start = 1 + skipped
    try:
        while True:
            start = reader.line_num + 1 + skipped
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
        raise MalformedFile(path, _csv_message(path, exc, start,
                                               reader.line_num + skipped)) from None
    except UnicodeDecodeError:
        raise MalformedFile(path, Sentence.of("{file} line {line} is not {encoding} text; "
                                              "choose another encoding.",
                                              file=name_of(path),
                                              line=reader.line_num + 1 + skipped,
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
    # Only the first line passes through Python; the rest go straight from the handle.
    return itertools.chain(_first_line(handle), handle)


def _first_line(handle: IO[str]) -> Iterator[str]:
    for line in handle:  # read when the reader asks (a decoding error is the reader's)
        yield line.lstrip(BOM_CHAR)
        return


def _csv_message(path: Path, exc: csv.Error, start: int, line: int) -> Sentence:
    text = str(exc)
    if "field larger than field limit" in text:
        return Sentence.of("{file} line {line}: a cell is longer than {limit} characters, "
                           "the most orgdesk reads.", file=name_of(path), line=start,
                           limit=f"{MAX_CELL_CHARS:,}")
    if "unexpected end of data" in text or "EOF" in text:
        return Sentence.of("{file} line {line}: a quoted cell is never closed (its closing "
                           "quote mark is missing).", file=name_of(path), line=start)
    return Sentence.of("{file} line {line}: {reason}.", file=name_of(path), line=line,
                       reason=text)


def write_csv(org: Organisation, handle: IO[bytes]) -> None:
    """The whole document: its “#” records, then every position as one row with its
    dotted lines in the last column (UTF-8 with BOM, CRLF, formulas defused)."""
    text = codecs.getwriter("utf-8")(handle)
    handle.write(codecs.BOM_UTF8)
    writer = csv.writer(text, lineterminator="\r\n")
    for record in csv_document.records(org):
        cells = [_text(v) if isinstance(v, str) else v for v in record]
        for cell in cells:
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise ExportFailed(Sentence.of(
                    "A “{record}” line would hold a CSV cell of {length} characters, more than "
                    "orgdesk reads back ({limit}); shorten it.", record=record[0],
                    length=f"{len(cell):,}", limit=f"{MAX_CELL_CHARS:,}"))
        writer.writerow(cells)
    writer.writerow([*HEADERS, csv_document.RELATIONS_HEADER])
    relations = csv_document.relations_cells(org)
    headers = [*(spec.header for spec in EXPORT_FIELDS), csv_document.RELATIONS_HEADER]
    for row in position_rows(org):
        row.append(relations.get(row[0], ""))  # type: ignore[call-overload]  # the id column holds the position's int id
        cells = ["" if v is None else _text(v) if isinstance(v, str) else v for v in row]
        for header, cell in zip(headers, cells):
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise _cell_too_long(row, header, len(cell))
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
    # A NUL would make the file binary to every other program: written as _x0000_.
    return guard_formula(csv_document.escape_nul(value))
