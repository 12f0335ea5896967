"""The front door of interchange: preview, import and export by file type.

    result = read_source(path, ImportOptions(...), progress)   # never writes
    result.organisation                                      # None if problems
    import_to_file(path, target, options, progress)          # all or nothing
    export_to(org, path)                                     # temp + fsync + rename

The CLI and the GUI's import dialog both use these; neither parses files.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from orgdesk.core.collector import collector_paused
from orgdesk.core.errors import Sentence
from orgdesk.core.model import DocumentInfo
from orgdesk.core.organisation import Organisation
from orgdesk.files import write_atomically
from orgdesk.io import csv_format, graphml_format, json_format, json_peers, xlsx_format
from orgdesk.io.assemble import Assembly, assemble
from orgdesk.io.cells import cell_text
from orgdesk.io.fields import UNMAPPED, is_peer_export
from orgdesk.io.headerless import settle_header
from orgdesk.io.limits import MAX_GRAPHML_BYTES, MAX_JSON_BYTES
from orgdesk.io.options import ImportOptions, RootPolicy
from orgdesk.io.problems import (
    ExportFailed,
    ImportFailed,
    InterchangeError,
    Problem,
    name_of,
    readable_name,
)
from orgdesk.io.progress import NO_PROGRESS, Progress, checkpoint
from orgdesk.io.tables import (
    Draft,
    OwnExtras,
    Table,
    effective_mapping,
    missing_column,
    read_drafts,
)

IMPORT_FORMATS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx",
                  ".xlsm": "xlsx", ".graphml": "graphml", ".json": "json"}
#: The largest file of each format that import reads back (export checks what it wrote).
EXPORT_CAPS = {".json": MAX_JSON_BYTES, ".graphml": MAX_GRAPHML_BYTES}
EXPORT_WRITERS = {".csv": csv_format.write_csv, ".xlsx": xlsx_format.write_xlsx,
                  ".graphml": graphml_format.write_graphml, ".json": json_format.write_json}


@dataclass(slots=True)
class Preview:
    """What a source looks like before importing: for the mapping table."""

    format: str
    headers: list[str]
    samples: list[list[str]]  # the first rows' cells as text
    mapping: dict[str, str]  # header → field key ("" kept in notes)
    own: bool  # orgdesk's own export, read exactly
    sheets: list[str] = field(default_factory=list)
    header_row: bool = True  # False: the first row is data (detected or as chosen)


@dataclass(slots=True)
class ImportResult:
    """The outcome of reading a source: an organisation, or the problems that prevent it."""

    source: Path
    organisation: Organisation | None
    problems: list[Problem]
    rows: int = 0
    kept_in_notes: list[str] = field(default_factory=list)  # columns no field took
    notices: list[str] = field(default_factory=list)  # how the source was read (Sentences)

    def require(self) -> Organisation:
        """The organisation, or ImportFailed listing every problem."""
        if self.organisation is None or self.problems:
            raise ImportFailed(self.source, self.problems, self.notices)
        return self.organisation


def format_of(path: Path) -> str:
    kind = IMPORT_FORMATS.get(Path(path).suffix.lower())
    if kind is None:
        known = ", ".join(sorted(IMPORT_FORMATS))
        raise InterchangeError(Sentence.of("orgdesk cannot import {file}; it reads {known} "
                                           "files.", file=name_of(path), known=known))
    return kind


def open_table(path: Path, options: ImportOptions, data: Any = None) -> Table:
    """The tabular view of a CSV, Excel, GraphML or peer JSON source (rows read lazily).

    `data`: a JSON source already parsed.
    """
    kind = format_of(path)
    if not Path(path).is_file():
        raise InterchangeError(Sentence.of("{file} does not exist.", file=name_of(path)))
    if kind == "json":
        data = json_format.parse_file(path) if data is None else data
        if not json_format.is_own(data):
            return json_peers.peer_table(path, data, options)
    if kind == "csv":
        return settle_header(csv_format.read_csv(path, options.encoding), options.header)
    if kind == "xlsx":
        return settle_header(xlsx_format.read_xlsx(path, options.sheet), options.header)
    if kind == "graphml":
        return graphml_format.read_graphml(path, options)
    raise InterchangeError(Sentence.of("{file} is not a table; it needs no column mapping.",
                                       file=name_of(path)))


def preview(path: Path, options: ImportOptions = ImportOptions(), sample_rows: int = 5
            ) -> Preview:
    path = Path(path)
    kind = format_of(path)
    data = _json_data(path) if kind == "json" else None
    if json_format.is_own(data):
        json_format.load(path, data)
        return Preview(kind, [], [], {}, True)
    table = open_table(path, options, data)
    samples: list[list[str]] = []
    rows = iter(table.rows)
    try:
        for _, cells in rows:
            samples.append([cell_text(c) for c in cells])
            if len(samples) >= sample_rows:
                break
    finally:
        getattr(rows, "close", lambda: None)()
    sheets = xlsx_format.sheet_names(path) if kind == "xlsx" else []
    return Preview(kind, table.headers, samples,
                   effective_mapping(table.headers, options.mapping, table.guessed),
                   table.own, sheets, header_row=not table.headerless)


def read_source(path: Path, options: ImportOptions = ImportOptions(),
                progress: Progress = NO_PROGRESS) -> ImportResult:
    """Read and check a source completely; nothing is written."""
    with collector_paused():  # millions of objects, no cycles: see core/collector.py
        return _read_source(Path(path), options, progress)


def _read_source(path: Path, options: ImportOptions, progress: Progress) -> ImportResult:
    problems: list[Problem] = []
    kept: list[str] = []
    superior_column = id_column = ""
    notices: list[str] = []
    data = _json_data(path) if format_of(path) == "json" else None
    if json_format.is_own(data):
        if options.mapping:  # never ignored in silence
            raise InterchangeError(Sentence.of(
                "{file} is orgdesk's own JSON, read exactly as it was exported; a column "
                "mapping (--map) applies to other programs' files only.", file=name_of(path)))
        drafts, extras = json_format.read_json(path, problems, data)
        unit, own = "position", True
        id_column, superior_column = "id", "superior_id"  # the keys of its positions
    else:
        table = open_table(path, options, data)
        data = None  # a JSON table holds what it needs: the parsed file can go while rows are read
        rows = table.rows
        try:
            mapping = effective_mapping(table.headers, options.mapping, table.guessed)
            unknown = [h for h in options.mapping if h not in table.headers]
            if unknown:
                raise InterchangeError(missing_column(table, unknown[0]))
            if not ({"title", "name", "path"} & set(mapping.values()) or options.path_column
                    or options.title_fallback):
                problems.append(Problem(None, Sentence.of(
                    "No key holds the nodes' titles and they have no labels; map a key to the "
                    "field “title” (its keys are: {names}).", names=", ".join(
                        h for h in table.headers if h not in ("id", "superior")) or "none")
                    if table.unit == "node" else Sentence.of(
                    "No key holds the positions' titles; map one to the field “title” (its "
                    "keys are: {names}).", names=", ".join(table.headers))
                    if table.keyed else Sentence.of(
                    "No column holds the positions' titles; map one to the field “title” (its "
                    "columns are: {names}).", names=", ".join(table.headers))))
            kept = [h for h in table.headers if mapping.get(h) == UNMAPPED]
            drafts = read_drafts(table, mapping, progress, problems, options)
            superior_column = next((h for h, k in mapping.items() if k == "superior"), "")
            id_column = next((h for h, k in mapping.items() if k == "id"), "")
        finally:
            getattr(rows, "close", lambda: None)()
        problems[:0] = table.problems
        extras, unit, own = table.extras, table.unit, table.own
        notices = list(table.notices)
        if options.roots is None and is_peer_export(table.headers):
            options = replace(options, roots=RootPolicy.FOREST)  # our peer export: as written
        if table.root_named:  # --root-title named an existing node: no new top position
            options = replace(options, roots=None, root_title="")
    checkpoint(progress, "checking", len(drafts), len(drafts))
    plan = _plan(path, options, extras, unit, own)
    plan = replace(plan, superior_column=superior_column, id_column=id_column)
    org = assemble(drafts, plan, problems, notices)
    return ImportResult(path, None if problems else org, problems, len(drafts), kept, notices)


def _json_data(path: Path) -> Any:
    """A JSON source parsed (orgdesk's own or a peer's), refused if it is broken or hostile."""
    if not path.is_file():
        raise InterchangeError(Sentence.of("{file} does not exist.", file=name_of(path)))
    return json_format.parse_file(path)


def _plan(path: Path, options: ImportOptions, extras: OwnExtras, unit: str, own: bool
          ) -> Assembly:
    info = extras.info or DocumentInfo(title=readable_name(Path(path).stem))
    if options.title:
        info = replace(info, title=options.title)
    roots = options.roots or (RootPolicy.FOREST if own else RootPolicy.ASK)
    return Assembly(unit, own, roots, options.root_title, info, extras.departments,
                    extras.relations, extras.settings, null_tokens=options.null_tokens,
                    empty_title=options.empty_title, title_fallback=options.title_fallback)


def import_to_file(path: Path, target: Path, options: ImportOptions = ImportOptions(),
                   progress: Progress = NO_PROGRESS) -> ImportResult:
    """Read `path` and, only if it has no problems, write it as a new .orgdesk file."""
    with collector_paused():  # one pause for the read and the write (not a collection between)
        return _import_to_file(path, target, options, progress)


def _import_to_file(path: Path, target: Path, options: ImportOptions, progress: Progress
                    ) -> ImportResult:
    from orgdesk.storage.new_document import create_file

    result = read_source(path, options, progress)
    org = result.require()
    checkpoint(progress, "writing", 0, None)
    if not _unicode_path(target):  # SQLite takes file names as UTF-8 text only
        raise ExportFailed(Sentence.of(
            "Cannot create {file}: orgdesk writes documents only under names that are valid "
            "Unicode; choose another name.", file=name_of(target)))
    try:
        create_file(target, org)
    except UnicodeEncodeError:  # a lone surrogate that no reader caught: SQLite stores UTF-8
        raise ExportFailed(Sentence.of(
            "Nothing was imported: {file} holds text that is not valid Unicode.",
            file=name_of(path))) from None
    return result


def _unicode_path(path: Path) -> bool:
    """Whether the whole path is text (a name that is not UTF-8 holds surrogate escapes)."""
    try:
        str(Path(path).absolute()).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def export_to(org: Organisation, path: Path, layout: str | None = None) -> None:
    """Write `org` as CSV, XLSX, GraphML or JSON, chosen by the extension of `path`:
    orgdesk's own layout, or with `layout` that peer tool's (orgdesk.io.peers)."""
    if layout is not None:
        from orgdesk.io.peers import peer_writer

        writer = peer_writer(layout, path)
    else:
        writer = EXPORT_WRITERS.get(Path(path).suffix.lower())  # type: ignore[assignment]  # every writer takes (org, handle)
    if writer is None:
        known = ", ".join(sorted(EXPORT_WRITERS))
        raise ExportFailed(Sentence.of("orgdesk cannot export {file}; it writes {known} files.",
                                       file=name_of(path), known=known))
    cap = EXPORT_CAPS.get(Path(path).suffix.lower())

    def write(handle: IO[bytes]) -> None:
        writer(org, handle)
        if cap is not None and handle.tell() > cap:  # the temporary file is removed
            raise ExportFailed(Sentence.of(
                "{file} would be {size} MB, more than orgdesk imports from this format "
                "({limit} MB); export CSV or Excel instead.", file=name_of(path),
                size=f"{handle.tell() / (1 << 20):,.0f}", limit=f"{cap >> 20:,}"))

    write_atomically(Path(path), write)


__all__ = ["Draft", "ImportOptions", "ImportResult", "Preview", "RootPolicy", "export_to",
           "import_to_file", "preview", "read_source"]
