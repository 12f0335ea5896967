"""Broken and hostile files: one clear sentence naming the line or row, quickly, nothing written."""
from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from orgdesk.io import xlsx_format
from orgdesk.io.interchange import export_to, import_to_file, read_source
from orgdesk.io.options import ImportOptions
from orgdesk.io.problems import HostileFile, MalformedFile
from orgdesk.samples import template_organisation

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""
GRAPH_BODY = (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
              b'<key id="d0" for="node" attr.name="label" attr.type="string"/>'
              b'<graph edgedefault="directed"><node id="n0"><data key="d0">%s</data></node>'
              b'</graph></graphml>')
EXTERNAL = (b'<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            + GRAPH_BODY % b"&xxe;")


def _workbook_with(part: str, content: Callable[[bytes], bytes], tmp_path: Path) -> bytes:
    """A real exported workbook with one part rewritten."""
    source = tmp_path / "base.xlsx"
    export_to(template_organisation("call_center_chart"), source)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item, content(data) if item.filename == part else data)
    return out.getvalue()


def _laughs_sheet(data: bytes) -> bytes:
    body = data.split(b"?>", 1)[-1] if data.startswith(b"<?xml") else data
    return LAUGHS + body.replace(b"<v>1</v>", b"<v>&lol9;</v>", 1)


def _huge_cell(data: bytes) -> bytes:
    title = "".join(f"&#{ord(c)};" for c in "客服经理").encode()  # openpyxl writes char refs
    assert title in data
    return data.replace(title, b"x" * 200_000, 1)


CASES: dict[str, tuple[str, Callable[[Path], bytes], type[Exception], str]] = {
    "unterminated quote": ("staff.csv", lambda _: 'title,duties\n经理,"负责管理\n主管,x\n'.encode(),
                           MalformedFile, "“staff.csv” line 2: a quoted cell is never closed"),
    "stray quote": ("staff.csv", lambda _: 'title,x\n"经理"x,1\n'.encode(), MalformedFile,
                    "“staff.csv” line 2: ',' expected after '\"'."),
    "binary junk": ("staff.csv", lambda _: PNG, MalformedFile,
                    "“staff.csv” is not a text table: it holds binary data."),
    "undecodable text": ("staff.csv", lambda _: b"title\n\x80\x80\xff\xff\n", MalformedFile,
                         "“staff.csv” is neither UTF-8 nor GB18030 text (lines 2); choose its encoding."),
    "empty csv": ("staff.csv", lambda _: b"", MalformedFile, "“staff.csv” is empty."),
    "blank csv": ("staff.csv", lambda _: b"\r\n\r\n", MalformedFile,
                  "“staff.csv” is empty: it has no header row."),
    "17 MB cell in csv": ("staff.csv", lambda _: b"title,notes\nx," + b"y" * 17_000_000 + b"\n",
                          MalformedFile, "“staff.csv” line 2: a cell is longer than 16,777,216"),
    "empty xlsx": ("staff.xlsx", lambda _: b"", MalformedFile, "“staff.xlsx” is empty."),
    "old xls": ("staff.xlsx", lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
                MalformedFile, "“staff.xlsx” is an old-style .xls workbook"),
    "not a zip": ("staff.xlsx", lambda _: "title\n经理\n".encode(), MalformedFile,
                  "“staff.xlsx” is not an Excel workbook (.xlsx)."),
    "truncated zip": ("staff.xlsx", lambda t: _workbook_with("x", bytes, t)[:900], MalformedFile,
                      "“staff.xlsx” is not an Excel workbook (.xlsx)."),
    "200 KB cell in xlsx": ("staff.xlsx", lambda t: _workbook_with(
        "xl/worksheets/sheet1.xml", _huge_cell, t), MalformedFile,
        "“staff.xlsx”, sheet “Positions 岗位”, cell D2: longer than 100,000 characters."),
    "billion laughs xlsx": ("staff.xlsx", lambda t: _workbook_with(
        "xl/worksheets/sheet1.xml", _laughs_sheet, t), HostileFile,
        "“staff.xlsx” contains XML entity declarations, which orgdesk refuses to read."),
    "external entity xlsx": ("staff.xlsx", lambda t: _workbook_with(
        "docProps/core.xml", lambda d: EXTERNAL.split(b"<graphml")[0] + d.split(b"?>", 1)[-1], t),
        HostileFile, "contains XML entity declarations"),
    "billion laughs graphml": ("chart.graphml", lambda _: LAUGHS + GRAPH_BODY % b"&lol9;",
                               HostileFile, "“chart.graphml” declares a DTD or entities"),
    "external entity graphml": ("chart.graphml", lambda _: EXTERNAL, HostileFile,
                                "“chart.graphml” declares a DTD or entities"),
    "broken graphml": ("chart.graphml", lambda _: b"<graphml>\n<graph>\n<node id='a'>\n</graphml>",
                       MalformedFile, "“chart.graphml” line 4: not well-formed XML."),
    "empty graphml": ("chart.graphml", lambda _: b"", MalformedFile, "“chart.graphml” is empty."),
    "broken json": ("doc.json", lambda _: b'{"format": "orgdesk",\n "version": 1,,}', MalformedFile,
                    "“doc.json” line 2: not valid JSON"),
    "foreign json": ("doc.json", lambda _: b'{"layout": "tree", "theme": "dark"}', MalformedFile,
                     "“doc.json” is a JSON object without a list of positions"),
    "newer json": ("doc.json", lambda _: b'{"format": "orgdesk", "version": 99}', MalformedFile,
                   "“doc.json” was written by a newer orgdesk (format version 99)"),
    "deep json": ("doc.json", lambda _: b"[" * 100_000 + b"]" * 100_000, HostileFile,
                  "“doc.json” is nested too deeply to be read ("),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_file_is_one_sentence_and_writes_nothing(case: str, tmp_path: Path) -> None:
    name, content, error, sentence = CASES[case]
    source = tmp_path / name
    source.write_bytes(content(tmp_path))
    target = tmp_path / "out.orgdesk"
    started = time.perf_counter()
    with pytest.raises(error) as raised:
        import_to_file(source, target)
    assert time.perf_counter() - started < 2.0  # refused quickly, not after an expansion
    assert sentence in str(raised.value)
    assert "\n" not in str(raised.value)
    assert not target.exists()


def test_wrong_sheet_names_the_sheets_there_are() -> None:
    with pytest.raises(MalformedFile) as raised:
        read_source(FIXTURES / "chinese.xlsx", ImportOptions(sheet="Sheet1"))
    assert str(raised.value) == "“chinese.xlsx” has no sheet “Sheet1”; its sheets are: 岗位说明, 说明."


def test_a_sheet_that_is_no_table_is_a_problem() -> None:
    result = read_source(FIXTURES / "chinese.xlsx", ImportOptions(sheet="说明"))
    assert next(str(p) for p in result.problems).startswith("No column holds the positions' titles")


def test_zip_bomb_is_refused_by_its_unpacked_size(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_workbook_with("x", bytes, tmp_path))
    monkeypatch.setattr(xlsx_format, "MAX_UNZIPPED", 1000)
    with pytest.raises(HostileFile, match="unpacks to more than orgdesk reads"):
        read_source(path)


def test_wrong_encoding_forced_by_the_user_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_bytes("title\n经理\n".encode("gb18030"))
    with pytest.raises(MalformedFile, match=r"“staff\.csv” is not utf-8 text; choose another encoding\."):
        read_source(path, ImportOptions(encoding="utf-8"))
    assert read_source(path).require().roots()[0].title == "经理"


def test_unknown_encoding_name(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("title\n经理\n", "utf-8")
    with pytest.raises(MalformedFile, match=r"“klingon” is not a text encoding orgdesk knows\."):
        read_source(path, ImportOptions(encoding="klingon"))


def test_graphml_node_with_two_superiors_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "chart.graphml"
    path.write_bytes(b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                     b'<key id="d0" for="node" attr.name="label" attr.type="string"/>'
                     b'<graph edgedefault="directed">'
                     b'<node id="a"><data key="d0">A</data></node>'
                     b'<node id="b"><data key="d0">B</data></node>'
                     b'<node id="c"><data key="d0">C</data></node>'
                     b'<edge source="a" target="c"/><edge source="b" target="c"/>'
                     b'</graph></graphml>')
    # Read up (detected: no node has two outgoing edges) c manages a and b; read down, c
    # has two superiors.
    problems = [str(p) for p in read_source(path, ImportOptions(edges="down")).problems]
    assert "Node 3: it has 2 superiors (“a”, “b”); a position reports to one." in problems


def test_foreign_graphml_with_labels_imports(tmp_path: Path) -> None:
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_node("ceo", label="总经理", department="总部")
    graph.add_node("ops", label="运营经理", headcount=2)
    graph.add_edge("ceo", "ops")
    path = tmp_path / "chart.graphml"
    nx.write_graphml(graph, path)
    org = read_source(path).require()
    (root,) = org.roots()
    assert root.title == "总经理" and org.department(root.department_id).name == "总部"  # type: ignore[arg-type]  # this position has a department
    assert org.direct_reports(root.id)[0].planned_headcount == 2


def test_json_entries_with_wrong_types_are_each_reported(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text('{"format": "orgdesk", "version": 1, "departments": [{"id": 1, "name": ""}],'
                    ' "positions": [{"id": 1, "title": "经理"}, {"id": "2", "title": "x"},'
                    ' {"id": 3, "title": "y", "kind": "boss", "kpis": [1]},'
                    ' {"id": 4, "title": "z", "superior_id": 1, "department_id": 7}]}', "utf-8")
    found = [str(p) for p in read_source(path).problems]
    assert found == [
        "Department 1: A department needs a name.",
        "Position 2: “id” must be a whole number from 0 to 1,000,000,000, not '2'.",
        "Position 3: each KPI must be an object.",
        "Position 4: department 7 does not exist.",
    ]
