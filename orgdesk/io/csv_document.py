"""What orgdesk's own CSV carries besides the positions: the rest of the document.

A CSV file is one table, so the parts that XLSX keeps on sheets of their own
ride along the way draw.io's CSV carries its settings — as “#” records above
the header row, which other programs show as a few short rows on top:

    # Document 文档,title,呼叫中心
    # Setting 设置,chart,"{""orientation"": ""lr""}"
    # Department 部门,4,运营部,#8CD17D,2

and each position's dotted lines sit in a last column beside it, one per line
as `id=target:kind:label` (`7=12:advisory:协助质检`), so a client can add one
in a spreadsheet as `12:dotted:` (the id is then given on import).  Texts in
the records are written with the exact-list escapes of `cells`, so a record
never spans two lines; NUL, which makes a text file binary to every other
program, is written as OOXML's `_x0000_` in every cell (a literal `_xHHHH_`
protected as `_x005F_xHHHH_`, as in XLSX).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from datetime import datetime

from orgdesk.core.errors import DomainError, Sentence, sentence_of
from orgdesk.core.model import Department, DepartmentId, DocumentInfo, Relation, RelationKind
from orgdesk.core.organisation import Organisation
from orgdesk.io.cells import cell_text, join_list, parse_int, split_exact, split_exact_lines
from orgdesk.io.excel_limits import chunks
from orgdesk.io.problems import Problem
from orgdesk.io.tables import OwnExtras, PendingRelation

DOCUMENT = "# Document 文档"
SETTING = "# Setting 设置"
DEPARTMENT = "# Department 部门"
RECORDS = (DOCUMENT, SETTING, DEPARTMENT)
#: The last column of orgdesk's own CSV (XLSX has a sheet of dotted lines instead).
RELATIONS_HEADER = "Dotted lines 虚线汇报"
_TEXT_INFO = ("title", "client", "author", "notes")
_DATE_INFO = ("created", "modified")
_KINDS = ", ".join(k.value for k in RelationKind)

_NUL_OR_ESCAPE = re.compile("\x00|_(?=x[0-9A-Fa-f]{4}_)")


def escape_nul(text: str) -> str:
    """NUL as `_x0000_`, and a literal `_xHHHH_` protected (read back by cells.xml_unescape)."""
    if "\x00" not in text and "_x" not in text:
        return text
    return _NUL_OR_ESCAPE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _one(text: str) -> str:
    """A text as one line (the escapes of an exact one-item list)."""
    return join_list((text,)) if text else ""


def _text_of(cell: str) -> str:
    items = split_exact(cell)
    return items[0] if items else ""


def records(org: Organisation) -> Iterator[list[object]]:
    """The “#” records above the header row: document fields, settings, departments."""
    info = org.info
    for name in _TEXT_INFO:
        yield [DOCUMENT, name, _one(getattr(info, name))]
    for name in _DATE_INFO:
        yield [DOCUMENT, name, getattr(info, name).isoformat()]
    for name, value in sorted(org.settings.items()):
        yield [SETTING, _one(name), *chunks(json.dumps(value, ensure_ascii=False))]
    for department in org.departments:
        yield [DEPARTMENT, department.id, _one(department.name), department.colour,
               department.order]


def relations_cells(org: Organisation) -> dict[int, str]:
    """The dotted-lines cell of each position that has any, by position id."""
    lines: dict[int, list[str]] = {}
    for relation in org.relations:
        lines.setdefault(relation.source_id, []).append(_relation_item(relation))
    return {pid: "\n".join(items) for pid, items in lines.items()}


def _relation_item(relation: Relation) -> str:
    # join_list's escapes keep a line break of the label inside its line.
    return f"{relation.id}={relation.target_id}:{relation.kind.value}:{_one(relation.label)}"


def read_records(found: Sequence[tuple[int, list[str]]], problems: list[Problem]) -> OwnExtras:
    """The document, settings and departments of the “#” records (line, cells) read back."""
    extras = OwnExtras()
    info: dict[str, tuple[int, str]] = {}
    for line, cells in found:
        kind, values = cells[0], [*cells[1:], "", "", "", ""]
        try:
            if kind == DOCUMENT:
                info[values[0]] = (line, values[1] if values[0] in _DATE_INFO
                                   else _text_of(values[1]))
            elif kind == SETTING:
                extras.settings[_text_of(values[0])] = json.loads("".join(cells[2:]))
            elif kind == DEPARTMENT:
                departments = extras.departments = extras.departments or []
                departments.append(Department(DepartmentId(parse_int(values[0])),
                                              _text_of(values[1]), values[2],
                                              parse_int(values[3] or 0)))
        except ValueError as exc:  # json's errors are ValueErrors too
            reason = (Sentence.of("the value of the setting “{name}” is not JSON.",
                                  name=_text_of(values[0])) if kind == SETTING
                      else _with_stop(sentence_of(exc)))
            problems.append(_record_problem(line, kind, reason))
        except DomainError as exc:
            problems.append(_record_problem(line, kind, _with_stop(sentence_of(exc))))
    if info:
        extras.info = _info(info, problems)
    return extras


def _record_problem(line: int, record: str, reason: str) -> Problem:
    return Problem(line, Sentence.of("“{record}” (correct the line or delete it): {reason}",
                                     record=record, reason=reason), "line")


def _with_stop(reason: str) -> str:
    """A reason as the end of a sentence, translatably (a Sentence keeps its template)."""
    return reason if reason.endswith(".") else Sentence.of("{reason}.", reason=reason)


def _info(values: dict[str, tuple[int, str]], problems: list[Problem]) -> DocumentInfo:
    dates: dict[str, datetime] = {}
    for name in _DATE_INFO:
        line, text = values.get(name, (0, ""))
        if text:
            try:
                dates[name] = datetime.fromisoformat(text)
            except ValueError:
                problems.append(Problem(line, Sentence.of(
                    "“{record}”: the date “{name}” reads “{value}”, not a date such as "
                    "2026-01-31T09:00:00+00:00; correct it or delete the line.",
                    record=DOCUMENT, name=name, value=text), "line"))
    title, client, author, notes = (values.get(name, (0, ""))[1] for name in _TEXT_INFO)
    return DocumentInfo(title, client, author, notes, **dates)


def read_relations(row: int, source: str, cell: object, problems: list[Problem]
                   ) -> list[PendingRelation]:
    """The dotted lines of one position's cell; an unreadable line is a problem of the row."""
    found = []
    for item in split_exact_lines(cell_text(cell)):
        if not item.strip():  # a blank line typed by hand (a label's own spaces are kept)
            continue
        head, _, rest = item.partition(":")
        kind_text, _, label = rest.partition(":")
        rid_text, _, target = head.rpartition("=")
        try:
            rid = parse_int(rid_text) if rid_text else None
        except ValueError:
            rid = None
        if rid_text and (rid is None or rid == 0):
            problems.append(_relation_problem(row, Sentence.of(
                "“{value}” is not a dotted line's id (a whole number before “=”); correct it "
                "or leave it out", value=rid_text)))
            continue
        try:
            kind = RelationKind(kind_text.strip() or RelationKind.DOTTED.value)
        except ValueError:
            problems.append(_relation_problem(row, Sentence.of(
                "“{value}” is not a kind of dotted line ({kinds}); write it as "
                "target:kind:label", value=kind_text, kinds=_KINDS)))
            continue
        found.append(PendingRelation(row, rid, source, target.strip(), kind, _text_of(label)))
    return found


def _relation_problem(row: int, reason: str) -> Problem:
    return Problem(row, Sentence.of("“{column}”: {reason}.", column=RELATIONS_HEADER,
                                    reason=reason), "line")


def number_relations(relations: list[PendingRelation]) -> None:
    """Ids for the dotted lines added by hand, after every id the file names (never a clash)."""
    next_id = max((r.id for r in relations if r.id is not None), default=0) + 1
    for relation in relations:
        if relation.id is None:
            relation.id, next_id = next_id, next_id + 1


def keep_known(relations: list[PendingRelation], keys: set[str],
               problems: list[Problem]) -> None:
    """Drop (as a problem of its row, naming the column) a dotted line to an id no row has."""
    kept = []
    for relation in relations:
        if relation.target in keys:
            kept.append(relation)
        else:
            problems.append(_relation_problem(relation.row, Sentence.of(
                "“{target}” is not the ID of any position in the file; correct it or delete "
                "the line", target=relation.target)))
    relations[:] = kept
