"""Lossless round trips of the whole document through every data format, and
draw.io CSV's `# connect:` lines read as the reporting line and dotted lines.

The property test exports a generated organisation — every position field of
`core.model.POSITION_FIELDS` (fields added to the model later are generated
too), departments with colours and order, dotted lines with kind and label,
document info and settings — and reads it back through CSV, XLSX, GraphML and
JSON: the document must come back equal, nothing excused.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesk.core.model import (
    POSITION_FIELDS,
    Department,
    DepartmentId,
    DocumentInfo,
    FieldKind,
    Kpi,
    Position,
    PositionId,
    Relation,
    RelationId,
    RelationKind,
    position_from_values,
    position_values,
)
from orgdesk.core.organisation import Organisation
from orgdesk.io.interchange import export_to, preview, read_source
from tests.io import strategies

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FORMATS = (".csv", ".xlsx", ".graphml", ".json")
FAST = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

#: The position fields tests/io/strategies.py generates itself; every other field of the
#: model (source_id, holders, and whatever comes next) is generated here by its kind.
_GENERATED = {"id", "title", "superior_id", "order", "department_id", "kind", "level",
              "planned_headcount", "headcount_note", "filled_headcount", "duties", "education",
              "min_years", "age_min", "age_max", "languages", "skills", "other_requirements",
              "kpis", "career_path", "notes",
              # a pay range must not start after it ends: strategies.pay draws them together
              "pay_min", "pay_max", "on_cost_percent"}


def _value(kind: FieldKind, choices: Any) -> st.SearchStrategy[Any]:
    texts = st.lists(strategies.text, max_size=3).map(tuple)
    return {
        FieldKind.TEXT: strategies.text,
        FieldKind.TEXTS: texts,
        FieldKind.INTEGER: strategies.small,
        FieldKind.OPTIONAL_INTEGER: st.none() | strategies.small,
        FieldKind.CHOICE: st.sampled_from(list(choices or ())),
        FieldKind.KPIS: st.lists(st.builds(Kpi, strategies.text, strategies.text),
                                 max_size=2).map(tuple),
    }[kind]


@st.composite
def documents(draw: st.DrawFn) -> Organisation:
    """strategies.organisations with every other model field filled, and a department
    that no position uses (a table of positions must still carry it)."""
    org = draw(strategies.organisations(max_positions=6))
    extra = [f for f in POSITION_FIELDS if f.key not in _GENERATED]
    positions = []
    for position in org.positions():
        values = position_values(position)
        for spec in extra:
            values[spec.key] = draw(_value(spec.kind, spec.choices))
        positions.append(position_from_values(values))
    departments = list(org.departments)
    if draw(st.booleans()):
        departments.append(Department(DepartmentId(90), "未用部门 unused", "#123ABC", 9))
    return Organisation(org.info, departments, positions, org.relations, org.settings)


def _round_trip(org: Organisation, path: Path) -> Organisation:
    export_to(org, path)
    result = read_source(path)
    assert [str(p) for p in result.problems] == []
    return result.require()


@FAST
@given(org=documents())
@pytest.mark.parametrize("suffix", FORMATS)
def test_every_format_gives_back_the_whole_document(org: Organisation, suffix: str,
                                                    tmp_path: Path) -> None:
    back = _round_trip(org, tmp_path / f"doc{suffix}")
    want, got = org.snapshot(), back.snapshot()
    assert got[2] == want[2]  # positions: every field, NUL and control characters included
    assert got[1] == want[1]  # departments: ids, names, colours, order, unused ones too
    assert got[3] == want[3]  # dotted lines: ids, ends, kind, label
    assert got[0] == want[0]  # title, client, author, notes, created, modified
    assert got[4] == want[4]  # settings


# ------------------------------------------------------------ orgdesk's own CSV
def _sample() -> Organisation:
    sales, ops = (Department(DepartmentId(4), "运营部", "#8CD17D", 2),
                  Department(DepartmentId(9), "Sales, East", "#FFAA00", 0))
    spare = Department(DepartmentId(2), "空部门", "#123456", 1)
    info = DocumentInfo("呼叫中心\n2026", "Bank, \"Shanghai\"", "Li", "=notes",
                        datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
                        datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC))
    positions = [Position(PositionId(10), "经理", department_id=DepartmentId(4)),
                 Position(PositionId(11), "主管", PositionId(10), department_id=DepartmentId(9)),
                 Position(PositionId(12), "质检\x00员", PositionId(10), order=1, notes="_x0041_")]
    relations = [Relation(RelationId(7), PositionId(12), PositionId(11), RelationKind.ADVISORY,
                          "协助: 质检\n每周"),
                 Relation(RelationId(3), PositionId(11), PositionId(12))]
    return Organisation(info, [sales, ops, spare], positions, relations,
                        {"chart": {"orientation": "lr"}, "custom": [1, "a,b"]})


def test_csv_keeps_departments_dotted_lines_document_and_settings(tmp_path: Path) -> None:
    org = _sample()
    assert _round_trip(org, tmp_path / "doc.csv").snapshot() == org.snapshot()


def test_csv_stays_a_plain_table_with_the_dotted_lines_in_a_column(tmp_path: Path) -> None:
    path = tmp_path / "doc.csv"
    export_to(_sample(), path)
    raw = path.read_bytes()
    assert b"\x00" not in raw  # NUL is written as _x0000_: other programs stay text-only
    lines = raw.decode("utf-8-sig").split("\r\n")
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    assert all(line.startswith("# ") for line in lines[:header])  # one physical line each
    rows = list(csv.DictReader(io.StringIO("\r\n".join(lines[header:]), newline="")))
    by_id = {row["ID 编号"]: row for row in rows}
    assert by_id["12"]["Dotted lines 虚线汇报"] == "7=11:advisory:协助: 质检\\n每周"
    assert by_id["11"]["Dotted lines 虚线汇报"] == "3=12:dotted:"
    assert by_id["12"]["Notes 备注"] == "_x005F_x0041_"


def _edit_rows(path: Path, change: dict[str, dict[str, str]]) -> None:
    """Change cells of the positions table, by position id and header, as a user would."""
    lines = path.read_bytes().decode("utf-8-sig").split("\r\n")
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    rows = list(csv.reader(io.StringIO("\r\n".join(lines[header:]), newline="")))
    for row in rows[1:]:
        for column, value in change.get(row[0], {}).items():
            row[rows[0].index(column)] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_text("\r\n".join(lines[:header]) + "\r\n" + out.getvalue(), "utf-8",
                    newline="")


def test_csv_edited_by_hand_adds_dotted_lines_and_departments(tmp_path: Path) -> None:
    path = tmp_path / "doc.csv"
    export_to(_sample(), path)
    _edit_rows(path, {"11": {"Dotted lines 虚线汇报": "12:advisory:顾问\n10:dotted:",
                             "Department 所属部门": "新部门"}})
    org = read_source(path).require()
    assert [(r.id, r.source_id, r.target_id, r.kind, r.label) for r in org.relations] == [
        (7, 12, 11, RelationKind.ADVISORY, "协助: 质检\n每周"),
        (8, 11, 12, RelationKind.ADVISORY, "顾问"), (9, 11, 10, RelationKind.DOTTED, "")]
    added = next(d for d in org.departments if d.name == "新部门")
    assert org.position(PositionId(11)).department_id == added.id
    assert {d.name: (d.id, d.colour, d.order) for d in org.departments if d is not added} == {
        "运营部": (4, "#8CD17D", 2), "Sales, East": (9, "#FFAA00", 0), "空部门": (2, "#123456", 1)}


def test_csv_without_its_document_lines_still_imports(tmp_path: Path) -> None:
    path = tmp_path / "doc.csv"
    export_to(_sample(), path)
    lines = path.read_bytes().decode("utf-8-sig").split("\r\n")
    path.write_text("\r\n".join(line for line in lines if not line.startswith("#")), "utf-8")
    org = read_source(path).require()
    assert sorted(d.name for d in org.departments) == ["Sales, East", "运营部"]
    assert len(org.relations) == 2


@pytest.mark.parametrize(("cell", "fragment"), [
    ("12:sideways:", "“sideways” is not a kind of dotted line (dotted, advisory)"),
    ("x=12:dotted:", "“x” is not a dotted line's id"),
    ("99:dotted:", "“99”"),
])
def test_a_bad_dotted_line_names_its_row_and_column(cell: str, fragment: str,
                                                    tmp_path: Path) -> None:
    path = tmp_path / "doc.csv"
    export_to(_sample(), path)
    path.write_text(path.read_text("utf-8-sig").replace("3=12:dotted:", cell), "utf-8")
    problems = [str(p) for p in read_source(path).problems]
    assert len(problems) == 1, problems
    assert fragment in problems[0] and "Dotted lines 虚线汇报" in problems[0], problems
    assert problems[0].startswith("Line "), problems


@pytest.mark.parametrize(("written", "edited", "fragment"), [
    ("#8CD17D", "green", "“green” is not of the form #RRGGBB"),
    ("2026-01-02T03:04:05+00:00", "yesterday", "“yesterday”, not a date"),
    ('""lr""}', '""lr""', "the setting “chart” is not JSON"),
    ("# Department 部门,4,", "# Department 部门,four,", "“four” is not a whole number"),
])
def test_a_bad_document_line_names_its_line_and_the_fix(written: str, edited: str,
                                                        fragment: str, tmp_path: Path) -> None:
    path = tmp_path / "doc.csv"
    export_to(_sample(), path)
    text = path.read_bytes().decode("utf-8-sig")
    assert written in text
    text = text.replace(written, edited)
    path.write_bytes(text.encode("utf-8"))
    line = next(i for i, t in enumerate(text.split("\r\n"), 1) if edited in t)
    problems = [str(p) for p in read_source(path).problems]
    assert len(problems) == 1 and problems[0].startswith(f"Line {line}: "), problems
    assert fragment in problems[0] and "delete" in problems[0], problems


def test_a_header_whose_first_column_is_hash_is_a_header(tmp_path: Path) -> None:
    path = tmp_path / "numbered.csv"
    path.write_text("#,ID,Title,Parent\n1,a,经理,\n2,b,主管,a\n", "utf-8")
    assert preview(path).headers == ["#", "ID", "Title", "Parent"]
    org = read_source(path).require()
    assert [(p.title, p.notes) for p in org.positions()] == [("经理", "#: 1"), ("主管", "#: 2")]


# ---------------------------------------------------------- draw.io CSV connects
def _relations(org: Organisation) -> list[tuple[str, str, RelationKind, str]]:
    title = {p.id: p.title for p in org.positions()}
    return sorted((title[r.source_id], title[r.target_id], r.kind, r.label)
                  for r in org.relations)


def test_drawio_second_connect_gives_dotted_lines_not_notes() -> None:
    result = read_source(FIXTURES / "drawio_refs.csv")
    org = result.require()
    assert "refs" not in result.kept_in_notes
    assert not any("refs" in p.notes for p in org.positions())
    director = org.roots()[0]
    assert director.title == "Support director"
    assert [p.title for p in org.direct_reports(director.id)] == [
        "Service manager", "Quality lead", "Trainer"]
    # A row's refs name the positions it has a dotted line to, as its manager cell names
    # its superior; draw.io's invert only turns the arrows.
    assert _relations(org) == [
        ("Team leader A", "Quality lead", RelationKind.DOTTED, "coached by"),
        ("Team leader B", "Quality lead", RelationKind.DOTTED, "coached by"),
        ("Team leader B", "Trainer", RelationKind.DOTTED, "coached by")]


def _drawio(tmp_path: Path, connects: list[str], header: str, rows: list[str]) -> Path:
    path = tmp_path / "chart.csv"
    lines = ["# label: %name%", *(f"# connect: {c}" for c in connects), "#", header, *rows]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.parametrize("inverts", [(False, False), (True, False), (False, True),
                                     (True, True)])
def test_drawio_refs_name_the_dotted_line_superior_however_arrows_are_drawn(
        inverts: tuple[bool, bool], tmp_path: Path) -> None:
    tree, dotted = (json.dumps(v) for v in inverts)
    path = _drawio(tmp_path, [f'{{"from": "boss", "to": "id", "invert": {tree}}}',
                              f'{{"from": "refs", "to": "id", "invert": {dotted}}}'],
                   "id,title,boss,refs", ["a,Head,,", "b,Agent,a,c", "c,Trainer,a,"])
    assert _relations(read_source(path).require()) == [
        ("Agent", "Trainer", RelationKind.DOTTED, "")]


def test_our_drawio_export_reads_back_with_its_dotted_lines(tmp_path: Path) -> None:
    from orgdesk.io.peers import peer_writer

    org = _sample()
    path = tmp_path / "chart.csv"
    with path.open("wb") as handle:
        peer_writer("drawio", path)(org, handle)
    back = read_source(path).require()
    assert sorted((r.source_id, r.target_id) for r in back.relations) == sorted(
        (r.source_id, r.target_id) for r in org.relations)


def test_drawio_first_connect_is_the_reporting_line_whatever_its_column(tmp_path: Path) -> None:
    # Neither column name says “superior”: draw.io's first connect does.
    path = _drawio(tmp_path, ['{"from": "up", "to": "key", "invert": true}',
                              '{"from": "side", "to": "key", "invert": true, "label": "advises"}'],
                   "key,title,up,side", ["1,Head,,", "2,Agent,1,", "3,Coach,1,2"])
    org = read_source(path).require()
    assert [p.title for p in org.direct_reports(org.roots()[0].id)] == ["Agent", "Coach"]
    assert _relations(org) == [("Coach", "Agent", RelationKind.DOTTED, "advises")]


def test_drawio_connect_to_a_name_column_is_matched_by_name(tmp_path: Path) -> None:
    path = _drawio(tmp_path, ['{"from": "manager", "to": "name", "invert": true}',
                              '{"from": "mentor", "to": "name", "invert": true}'],
                   "name,position,manager,mentor",
                   ["Ann,Head,,", "Bo,Agent,Ann,Cy", "Cy,Trainer,Ann,"])
    assert _relations(read_source(path).require()) == [
        ("Agent", "Trainer", RelationKind.DOTTED, "")]


@pytest.mark.parametrize(("connect", "rows", "fragments"), [
    ('{"from": "refs", "to": "id"', ["a,Head,,", "b,Agent,a,"],
     ["Line 3", "connect", "not valid JSON"]),
    ('{"from": "links", "to": "id"}', ["a,Head,,", "b,Agent,a,"],
     ["Line 3", "“links”", "id, title, boss, refs"]),
    ('{"from": "refs", "to": "id"}', ["a,Head,,", "b,Agent,a,zz"],
     ["Line 7", "“refs”", "“zz”", "“id”"]),
])
def test_drawio_connect_problems_name_line_column_and_fix(connect: str, rows: list[str],
                                                          fragments: list[str],
                                                          tmp_path: Path) -> None:
    path = _drawio(tmp_path, ['{"from": "boss", "to": "id", "invert": true}', connect],
                   "id,title,boss,refs", rows)
    problems = [str(p) for p in read_source(path).problems]
    assert len(problems) == 1, problems
    assert all(f in problems[0] for f in fragments), problems


def test_drawio_lines_saved_again_by_a_spreadsheet_still_connect(tmp_path: Path) -> None:
    # Excel splits a “#” line at its commas, quotes the cells with quotes and pads the row.
    path = tmp_path / "resaved.csv"
    rows = [["# connect: {\"from\": \"boss\"", " \"to\": \"id\"", " \"invert\": true}", ""],
            ["# connect: {\"from\": \"refs\"", " \"to\": \"id\"", " \"invert\": true}", ""],
            ["id", "title", "boss", "refs"], ["a", "Head", "", ""], ["b", "Agent", "a", ""],
            ["c", "Coach", "a", "b"]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    # Both connects inverted alike: the coach names the agent as the boss column names a
    # superior, so the agent is the coach's dotted-line superior.
    assert _relations(read_source(path).require()) == [
        ("Coach", "Agent", RelationKind.DOTTED, "")]
