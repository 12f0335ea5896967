"""Excel (.xlsx) import and export with openpyxl.

Import opens the workbook `read_only=True, data_only=True` (formulas give
their cached values, never run) with defusedxml installed, after a check of
the zip itself: no DTD or entity declaration in any XML part and a cap on the
unzipped size, so a billion-laughs or zip-bomb workbook is refused at once.
Export writes every text as a typed string cell — never a formula, whatever
it starts with — in a positions sheet, a departments sheet, a dotted-lines
sheet and a document sheet; together they give back the same document.
"""
from __future__ import annotations

import contextlib
import json
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from orgdesk.core.errors import DomainError, Sentence, sentence_of
from orgdesk.core.model import Department, DepartmentId, DocumentInfo, RelationKind
from orgdesk.core.organisation import Organisation
from orgdesk.io.cells import cell_text, parse_int, xml_escape, xml_unescape
from orgdesk.io.damage import damaged_as, is_damage
from orgdesk.io.excel_limits import (
    EXCEL_CELL_LIMIT,
    EXCEL_ROW_LIMIT,
    check_fits_excel,
    chunks,
)
from orgdesk.io.export_table import HEADERS, position_rows
from orgdesk.io.fields import is_own_table
from orgdesk.io.problems import (
    ExportFailed,
    HostileFile,
    MalformedFile,
    Problem,
    name_of,
)
from orgdesk.io.tables import (
    OwnExtras,
    PendingRelation,
    Table,
    column_letter,
    unique_headers,
)

POSITIONS_SHEET = "Positions 岗位"
DEPARTMENTS_SHEET = "Departments 部门"
RELATIONS_SHEET = "Dotted lines 虚线汇报"
DOCUMENT_SHEET = "Document 文档"
DEPARTMENT_HEADERS = ("ID", "Name 名称", "Colour 颜色", "Order 排序")
RELATION_HEADERS = ("ID", "From ID 起点", "To ID 终点", "Kind 类型", "Label 说明")
INFO_FIELDS = ("title", "client", "author", "notes", "created", "modified")
TABLE_FORMAT = "orgdesk-table/1"
SETTING = "setting."  # Document-sheet rows of document settings, JSON values
MAX_CELL_CHARS = 100_000
MAX_UNZIPPED = 1 << 30
MAX_MEMBERS = 10_000
#: The widest sheet whose claimed width names headerless columns (Excel's own limit is 16,384).
MAX_DECLARED_COLUMNS = 1_000
_PROLOG = 4096


def check_workbook(path: Path) -> None:
    """Refuse what is not an .xlsx, or is hostile, before openpyxl parses anything."""
    with open(path, "rb") as handle:
        magic = handle.read(8)
    if not magic:
        raise MalformedFile(path, Sentence.of("{file} is empty.", file=name_of(path)))
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise MalformedFile(path, Sentence.of("{file} is an old-style .xls workbook; save it as"
                                              " .xlsx in Excel or LibreOffice first.",
                                              file=name_of(path)))
    if not zipfile.is_zipfile(path):
        raise MalformedFile(path, Sentence.of("{file} is not an Excel workbook (.xlsx).",
                                              file=name_of(path)))
    with _damage(path), zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNZIPPED:
            raise HostileFile(path, Sentence.of("{file} unpacks to more than orgdesk reads "
                                                "(a zip bomb?); it was not opened.",
                                                file=name_of(path)))
        for member in members:
            if member.filename.endswith((".xml", ".rels", ".vml")):
                with archive.open(member) as part:
                    head = part.read(_PROLOG).lower()
                if b"<!doctype" in head or b"<!entity" in head or b"\x00<\x00!" in head:
                    raise HostileFile(path, Sentence.of(
                        "{file} contains XML entity declarations, which orgdesk refuses "
                        "to read.", file=name_of(path)))


def _damage(path: Path) -> contextlib.AbstractContextManager[None]:
    """Whatever zipfile, zlib, lzma, bz2 or openpyxl raise on damaged bytes: one sentence."""
    return damaged_as(MalformedFile, path, Sentence.of(
        "{file} is a damaged workbook and cannot be read.", file=name_of(path)))


def _open(path: Path) -> Any:
    """openpyxl's load_workbook, read-only, refusing a workbook that lost one of its sheets.

    load_workbook leaves its zip file open when parsing fails (a ResourceWarning
    later), and silently drops a sheet whose part is missing from the zip, so
    that the next sheet would be read in its place.  Its own three steps are
    done here instead, with the archive closed on failure and the sheets
    declared in the workbook compared with the parts present.
    """
    import openpyxl
    from openpyxl.reader.excel import ExcelReader

    if not openpyxl.DEFUSEDXML:  # the security note of openpyxl: never parse without it
        raise MalformedFile(path, "orgdesk cannot read Excel files safely: defusedxml is missing.")
    reader = None
    try:
        with _damage(path), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # style and extension warnings of foreign files
            try:
                reader = ExcelReader(path, read_only=True, data_only=True, keep_links=False)
                reader.read()
            except Exception as exc:  # re-raised unless it is defusedxml's refusal
                # openpyxl wraps a ValueError (defusedxml's refusals are ValueErrors) in its own.
                if any(type(e).__module__.startswith("defusedxml")
                       for e in (exc, exc.__cause__, exc.__context__)):
                    raise HostileFile(path, Sentence.of(
                        "{file} contains XML entity declarations, which orgdesk refuses to "
                        "read.", file=name_of(path))) from None
                raise
            missing = [sheet.name for sheet, rel in reader.parser.find_sheets()
                       if rel.target not in reader.valid_files]
        if missing:
            raise MalformedFile(path, Sentence.of(
                "{file} is a damaged workbook: the sheet “{sheet}” is missing from it.",
                file=name_of(path), sheet=missing[0]))
        return reader.wb
    except BaseException:
        if reader is not None:
            _close_archive(reader.archive)
        raise


def _close_archive(archive: zipfile.ZipFile) -> None:
    """Close the zip and its file even while a member stream that failed is still referenced.

    ZipFile.close leaves the file open while a member is open, and a member
    that raised stays referenced by the traceback; collected later, the file
    warns “unclosed file”.
    """
    handle = archive.fp
    with contextlib.suppress(Exception):
        archive.close()
    if handle is not None:
        with contextlib.suppress(Exception):
            handle.close()


def _close(workbook: Any) -> None:
    archive = getattr(workbook, "_archive", None)
    if isinstance(archive, zipfile.ZipFile):
        _close_archive(archive)
    else:
        workbook.close()


def sheet_names(path: Path) -> list[str]:
    path = Path(path)
    check_workbook(path)
    workbook = _open(path)
    try:
        return list(workbook.sheetnames)
    finally:
        _close(workbook)


def _declared(sheet: Any) -> tuple[int | None, int]:
    """The rows and columns the sheet's `<dimension>` claims: hints, never limits."""
    rows, columns = getattr(sheet, "max_row", None), getattr(sheet, "max_column", None)
    return (rows if isinstance(rows, int) and rows > 0 else None,
            min(columns, MAX_DECLARED_COLUMNS) if isinstance(columns, int) and columns > 0 else 0)


def _values(path: Path, sheet: Any, name: str) -> Iterator[tuple[int, list[object]]]:
    """(row number, cell values) of the non-empty rows of `sheet`, every one of them.

    The `<dimension>` element is whatever the writing program left there, and
    read-only openpyxl stops at its last row and column: a stale “A1:C2” on a
    sheet of 1,002 rows read 2 of them.  So it is dropped before reading, and
    the sheet is read from A1 to its last cell (rows then come back as long
    as their own last cell, which the readers pad).
    """
    reset = getattr(sheet, "reset_dimensions", None)
    if reset is not None:
        reset()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for number, row in enumerate(sheet.iter_rows(min_row=1, min_col=1,
                                                         values_only=True), 1):
                values: list[object] = []
                for column, value in enumerate(row):
                    if isinstance(value, str):
                        if len(value) > MAX_CELL_CHARS:
                            raise MalformedFile(path, Sentence.of(
                                "{file}, sheet “{name}”, cell {cell}: longer than {limit} "
                                "characters.", file=name_of(path), name=name,
                                cell=f"{column_letter(column)}{number}",
                                limit=f"{MAX_CELL_CHARS:,}"))
                        value = xml_unescape(value)
                    values.append(value)
                if any(cell_text(v).strip() for v in values):
                    yield number, values
    except MalformedFile:
        raise
    except Exception as exc:  # a parser's report of damage, told from a bug
        if not is_damage(exc):
            raise
        raise MalformedFile(path, Sentence.of("{file}, sheet “{name}”, is damaged and cannot be"
                                              " read.", file=name_of(path), name=name)) from None


def read_xlsx(path: Path, sheet: str | None = None) -> Table:
    path = Path(path)
    check_workbook(path)
    workbook = _open(path)
    try:
        names = list(workbook.sheetnames)
        if sheet is None:
            sheet = POSITIONS_SHEET if POSITIONS_SHEET in names else (names[0] if names else "")
        if sheet not in names:
            raise MalformedFile(path, Sentence.of("{file} has no sheet “{sheet}”; its sheets "
                                                  "are: {names}.",
                                                  file=name_of(path), sheet=sheet,
                                                  names=", ".join(names)))
        with _damage(path):  # read-only openpyxl reads the sheet's dimension from the zip here
            worksheet = workbook[sheet]
            total, columns = _declared(worksheet)
        rows = _values(path, worksheet, sheet)
        try:
            number, header = next(rows)
        except StopIteration:
            raise MalformedFile(path, Sentence.of("The sheet “{sheet}” of {file} is empty.",
                                                  sheet=sheet, file=name_of(path))) from None
        # Columns the sheet claims beyond the last header keep a name (“Column D”), so their
        # cells go to the notes; a column a stale dimension hides is a problem of its rows.
        headers = unique_headers([*header, *[None] * (columns - len(header))])
        table = Table(path, headers, _closing(rows, workbook), total=total,
                      own=is_own_table(headers), first_row=(number, header))
        if table.own:
            table.extras = _extras(path, workbook, names, table.problems)
        return table
    except BaseException:
        _close(workbook)
        raise


def _closing(rows: Iterator[tuple[int, list[object]]], workbook: Any
             ) -> Iterator[tuple[int, list[object]]]:
    try:
        yield from rows
    finally:
        _close(workbook)


def _sheet_rows(path: Path, workbook: Any, name: str) -> list[tuple[int, list[object]]]:
    with _damage(path):
        sheet = workbook[name]
    return list(_values(path, sheet, name))[1:]  # below the header row


def _extras(path: Path, workbook: Any, names: list[str], problems: list[Problem]) -> OwnExtras:
    """Departments, dotted lines and document fields of orgdesk's own workbook."""
    extras = OwnExtras()
    if DEPARTMENTS_SHEET in names:
        extras.departments = []
        for row, cells in _sheet_rows(path, workbook, DEPARTMENTS_SHEET):
            cells = [*cells, None, None, None, None]
            try:
                extras.departments.append(Department(
                    DepartmentId(parse_int(cells[0])), cell_text(cells[1]),
                    cell_text(cells[2]), parse_int(cells[3] or 0)))
            except (ValueError, DomainError) as exc:
                problems.append(Problem(row, sentence_of(exc), "department row"))
    if RELATIONS_SHEET in names:
        for row, cells in _sheet_rows(path, workbook, RELATIONS_SHEET):
            cells = [*cells, None, None, None, None, None]
            try:
                extras.relations.append(PendingRelation(
                    row, parse_int(cells[0]), cell_text(cells[1]), cell_text(cells[2]),
                    RelationKind(cell_text(cells[3]) or "dotted"), cell_text(cells[4]),
                    "dotted-line row", RELATION_HEADERS[1:3]))
            except ValueError as exc:
                problems.append(Problem(row, sentence_of(exc), "dotted-line row"))
    if DOCUMENT_SHEET in names:
        # A long setting is split over the cells of its row (excel_limits.chunks).
        values = {cell_text(c[0]): "".join(cell_text(v) for v in c[1:])
                  for _, c in _sheet_rows(path, workbook, DOCUMENT_SHEET)}
        try:
            extras.settings = {key[len(SETTING):]: json.loads(value)
                               for key, value in values.items() if key.startswith(SETTING)}
        except ValueError:
            problems.append(Problem(None, "The document sheet holds an unreadable setting."))
        try:
            info = DocumentInfo(title=values.get("title", ""), client=values.get("client", ""),
                                author=values.get("author", ""), notes=values.get("notes", ""))
            dates = {k: datetime.fromisoformat(values[k]) for k in INFO_FIELDS[4:] if values.get(k)}
            extras.info = DocumentInfo(info.title, info.client, info.author, info.notes,
                                       **dates)
        except ValueError:
            problems.append(Problem(None, "The document sheet holds an unreadable date."))
    return extras


# ---------------------------------------------------------------------- export
class _CellWriter:
    """Values of one sheet as openpyxl write-only cells, strings always typed as strings.

    openpyxl turns a string starting with “=” into a formula and “#N/A” into an
    error value; those get a cell whose type is forced back to string.  Other
    values go in plain (a cell object per value costs ten times more), and the
    wrap style of multi-line cells is one shared object.
    """

    def __init__(self, sheet: Any) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ERROR_CODES
        from openpyxl.styles import Alignment, Font

        self.sheet = sheet
        self.make = WriteOnlyCell
        self.error_codes = frozenset(ERROR_CODES)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.bold = Font(bold=True)

    def value(self, value: object) -> object:
        if value == "" or value is None:
            return None  # an empty cell, not an empty string
        if not isinstance(value, str):
            return value
        text = xml_escape(value)
        if len(text) > EXCEL_CELL_LIMIT:
            raise ExportFailed(Sentence.of("A text of {count} characters is longer than an "
                                           "Excel cell holds ({limit}); shorten it.",
                                           count=f"{len(value):,}", limit=f"{EXCEL_CELL_LIMIT:,}"))
        if not (text[0] == "=" or text in self.error_codes or "\n" in text):
            return text
        cell = self.make(self.sheet, value=text)
        cell.data_type = "s"  # a typed string: “=…” or “#N/A” stays text, never a formula
        if "\n" in text:
            cell.alignment = self.wrap
        return cell

    def header(self, text: str) -> object:
        cell = self.make(self.sheet, value=text)
        cell.font = self.bold
        return cell


def _sheet(workbook: Any, title: str, headers: Sequence[str], rows: Iterator[Sequence[object]],
           widths: Sequence[int] = ()) -> None:
    sheet = workbook.create_sheet(title)
    for index, width in enumerate(widths):
        sheet.column_dimensions[column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    cells = _CellWriter(sheet)
    sheet.append([cells.header(h) for h in headers])
    value = cells.value
    for row in rows:
        sheet.append([value(v) for v in row])


_POSITION_WIDTHS = (6, 10, 6, 22, 16, 10, 8, 10, 18, 10, 50, 10, 10, 8, 8, 16, 30, 20, 30, 20, 30)


def write_xlsx(org: Organisation, handle: IO[bytes]) -> None:
    from openpyxl import Workbook

    check_fits_excel(org, EXCEL_ROW_LIMIT - 1)  # before openpyxl opens its temporary files
    workbook = Workbook(write_only=True)
    try:
        _write_sheets(workbook, org)
        _save(workbook, handle)
    except BaseException:
        _discard(workbook)
        raise


def _save(workbook: Any, handle: IO[bytes]) -> None:
    """openpyxl's save_workbook, with a zip archive that is closed even when writing fails.

    openpyxl leaves its archive open on an error (a full disk); collected
    later, the archive tries to finish itself on a closed file and prints
    “Exception ignored … seek of closed file” with a traceback.
    """
    from openpyxl.writer.excel import ExcelWriter

    archive = zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        workbook.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
        ExcelWriter(workbook, archive).save()
        unzipped = sum(member.file_size for member in archive.infolist())
        if unzipped > MAX_UNZIPPED:  # check_workbook would refuse it as a zip bomb
            raise ExportFailed(Sentence.of(
                "This workbook would unpack to {size} MB, more than orgdesk imports from Excel "
                "({limit} MB); export CSV or JSON instead.",
                size=f"{unzipped / (1 << 20):,.0f}", limit=f"{MAX_UNZIPPED >> 20:,}"))
    finally:
        with contextlib.suppress(Exception):  # after a success: already closed, a no-op
            archive.close()


def _discard(workbook: Any) -> None:
    """Close the sheet streams of a workbook that will not be saved, and delete their files.

    openpyxl's write-only sheets are generators writing temporary files; left
    to the garbage collector half-way, each prints “Exception ignored …” with
    a traceback, and the files stay in the temporary folder until exit.
    """
    for sheet in getattr(workbook, "_sheets", ()):
        writer = getattr(sheet, "_writer", None)
        for stream in (getattr(sheet, "_rows", None), getattr(writer, "xf", None)):
            with contextlib.suppress(Exception):
                if stream is not None:
                    stream.close()
        if writer is not None and isinstance(getattr(writer, "out", None), str):
            with contextlib.suppress(Exception):
                writer.cleanup()


def _write_sheets(workbook: Any, org: Organisation) -> None:
    _sheet(workbook, POSITIONS_SHEET, HEADERS, position_rows(org), _POSITION_WIDTHS)
    _sheet(workbook, DEPARTMENTS_SHEET, DEPARTMENT_HEADERS,
           ([d.id, d.name, d.colour, d.order] for d in org.departments), (6, 24, 10, 8))
    _sheet(workbook, RELATIONS_SHEET, RELATION_HEADERS,
           ([r.id, r.source_id, r.target_id, r.kind.value, r.label] for r in org.relations),
           (6, 10, 10, 10, 30))
    info = org.info
    _sheet(workbook, DOCUMENT_SHEET, ("Field 字段", "Value 值"),
           iter([["format", TABLE_FORMAT], ["title", info.title], ["client", info.client],
                 ["author", info.author], ["notes", info.notes],
                 ["created", info.created.isoformat()], ["modified", info.modified.isoformat()],
                 *([f"{SETTING}{name}", *chunks(json.dumps(value, ensure_ascii=False))]
                   for name, value in sorted(org.settings.items()))]),
           (12, 60))
