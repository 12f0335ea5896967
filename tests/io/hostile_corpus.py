"""Hostile and odd import files, made deterministically, with what `orgdesk import` must do.

Each case is a file name, a function making its bytes (seeded, so every run
and machine gets the same file), the extra `orgdesk import` options, and the
expected outcome: imported with a given number of positions, or refused.
A refusal is exit 1 with one sentence (after indented problem lines, if the
file was readable); an import is exit 0 and a document that reads back with
that many positions.  Never a traceback, never an output file on failure.

Used by tests/io/test_hostile_corpus.py and by `make stress`
(`for case in cases(): path = case.write(folder)`); imports neither pytest
nor Qt.  Categories: encodings and byte-order marks, NUL bytes and binary
garbage, empty and blank files, quoting, huge fields, formula cells, ids that
overflow, cycles, self-parents, duplicate ids, stale XLSX dimensions, zip
bombs, XML bombs and external entities, deep JSON, lone surrogates, long
numbers, duplicate keys.
"""
from __future__ import annotations

import codecs
import io
import random
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

IMPORTED = "imported"
REFUSED = "refused"

STAFF = "id,superior,title,notes\n1,,客服经理,负责运营\n2,1,客服主管,班组排班\n3,2,座席员,接听来电\n"
LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
          + b"".join(b' <!ENTITY lol%d "%s">\n' % (n, (b"&lol%d;" % (n - 1) if n > 1 else
                                                        b"&lol;") * 10) for n in range(1, 10))
          + b"]>\n")
EXTERNAL = b'<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
GRAPH = (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
         b'<key id="d0" for="node" attr.name="label" attr.type="string"/>%s'
         b'<graph edgedefault="directed">%s</graph></graphml>')
JSON_HEAD = b'{"format": "orgdesk", "version": 1, '


@dataclass(frozen=True)
class Case:
    """One hostile file and what importing it must give."""

    name: str  # unique, readable: what the file tries
    filename: str  # its extension chooses the reader
    make: Callable[[], bytes]
    expect: str  # IMPORTED or REFUSED
    positions: int | None = None  # for IMPORTED: how many positions the document has
    options: tuple[str, ...] = ()  # extra `orgdesk import` arguments
    titles: tuple[str, ...] = field(default=())  # for IMPORTED: titles that must be there

    def write(self, folder: Path) -> Path:
        """Write the file into `folder` (in a subfolder of its own) and return its path."""
        home = folder / re.sub(r"[^A-Za-z0-9]+", "-", self.name).strip("-")
        home.mkdir(parents=True, exist_ok=True)
        path = home / self.filename
        path.write_bytes(self.make())
        return path


# ------------------------------------------------------------------ helpers
def _text(text: str, encoding: str, bom: bytes = b"") -> Callable[[], bytes]:
    return lambda: bom + text.encode(encoding)


def _chain_csv(levels: int) -> bytes:
    rows = "".join(f"{n},{n - 1 if n > 1 else ''},岗位{n}\n" for n in range(1, levels + 1))
    return ("id,superior,title\n" + rows).encode()


def _random_bytes(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


_STAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?")


def _workbook(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return _rewrite(out.getvalue(), "", bytes)


def _rewrite(data: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    """The zip `data` with the member `part` changed, and made the same in every run:
    fixed member times and document dates (openpyxl writes the time of saving)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            content = old.read(item)
            if item.filename == "docProps/core.xml":
                content = _STAMP.sub(b"2024-01-01T00:00:00Z", content)
            fixed = zipfile.ZipInfo(item.filename, (1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            new.writestr(fixed, change(content) if item.filename == part else content)
    return out.getvalue()


def _staff_workbook(count: int = 3) -> bytes:
    return _workbook([["id", "superior", "title"],
                      *([n, n - 1 if n > 1 else None, f"岗位{n}"] for n in range(1, count + 1))])


def _stale_dimension() -> bytes:
    return _rewrite(_staff_workbook(1_001), "xl/worksheets/sheet1.xml",
                    lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:C2"',
                                       xml))


def _laughs_workbook() -> bytes:
    def bomb(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[-1] if xml.startswith(b"<?xml") else xml
        return LAUGHS + body.replace(b"<v>1</v>", b"<v>&lol9;</v>", 1)
    return _rewrite(_staff_workbook(), "xl/worksheets/sheet1.xml", bomb)


def _external_workbook() -> bytes:
    return _rewrite(_staff_workbook(), "docProps/core.xml",
                    lambda xml: EXTERNAL + xml.split(b"?>", 1)[-1])


def _lying_zip_sizes() -> bytes:
    """A workbook whose central directory claims a 3 GB sheet (a zip bomb's signature)."""
    data = bytearray(_staff_workbook())
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        struct.pack_into("<I", data, at + 24, 0xC0000000)  # uncompressed size
        at += 4
    return bytes(data)


def _many_members() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_staff_workbook())) as old, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as new:
        for item in old.infolist():
            new.writestr(item, old.read(item))
        for n in range(10_050):
            new.writestr(zipfile.ZipInfo(f"xl/media/x{n}.bin", (1980, 1, 1, 0, 0, 0)), b"")
    return out.getvalue()


def _formula_workbook() -> bytes:
    """Real formula cells with cached values: read as their values, never run."""
    data = _workbook([["id", "superior", "title"], [1, None, "经理"], [2, 1, "=1+1"]])
    cached = '<c r="C3" t="str"><f>HYPERLINK("http://evil/","x")</f><v>主管</v></c>'.encode()
    return _rewrite(data, "xl/worksheets/sheet1.xml",
                    lambda xml: re.sub(rb'<c r="C3"[^>]*><f>1\+1</f><v\s*/?>(</v>)?</c>',
                                       cached, xml))


def _xlsx_huge_cell() -> bytes:
    """A 200,000-character cell (openpyxl itself would not write one: Excel holds 32,767)."""
    return _rewrite(_workbook([["title"], ["placeholder"]]), "xl/worksheets/sheet1.xml",
                    lambda xml: xml.replace(b"placeholder", b"x" * 200_000))


def _own_export(suffix: str) -> bytes:
    from dataclasses import replace
    from datetime import datetime

    from orgdesk.core.organisation import Organisation
    from orgdesk.io.interchange import EXPORT_WRITERS
    from orgdesk.samples import template_organisation

    org = template_organisation("call_center_chart")
    when = datetime(2024, 1, 1, 9, 0)
    org = Organisation(replace(org.info, created=when, modified=when), list(org.departments),
                       list(org.positions()), list(org.relations), dict(org.settings))
    out = io.BytesIO()
    EXPORT_WRITERS[suffix](org, out)
    return _rewrite(out.getvalue(), "", bytes) if suffix == ".xlsx" else out.getvalue()


def _graph(nodes: bytes, keys: bytes = b"", head: bytes = b"") -> Callable[[], bytes]:
    return lambda: head + GRAPH % (keys, nodes)


def _node(ident: str, label: str, extra: bytes = b"") -> bytes:
    return (f'<node id="{ident}"><data key="d0">{label}</data>'.encode() + extra + b"</node>")


# -------------------------------------------------------------------- cases
def cases() -> list[Case]:
    """Every case, in a fixed order (at least 40)."""
    mixed = "".join(line.encode("gbk" if number == 3 else "utf-8").decode("latin-1")
                    for number, line in enumerate(STAFF.splitlines(keepends=True), 1))
    listing = [
        # --- CSV: encodings and marks
        Case("utf-8 with BOM", "staff.csv", _text(STAFF, "utf-8", codecs.BOM_UTF8), IMPORTED, 3),
        Case("utf-8 with two BOMs", "staff.csv", _text(STAFF, "utf-8", codecs.BOM_UTF8 * 2),
             IMPORTED, 3, titles=("客服经理",)),
        Case("utf-16-le with BOM", "staff.csv", _text(STAFF, "utf-16-le", codecs.BOM_UTF16_LE),
             IMPORTED, 3),
        Case("utf-16-be with BOM", "staff.csv", _text(STAFF, "utf-16-be", codecs.BOM_UTF16_BE),
             IMPORTED, 3),
        Case("utf-32-le with BOM", "staff.csv", _text(STAFF, "utf-32-le", codecs.BOM_UTF32_LE),
             IMPORTED, 3, titles=("座席员",)),
        Case("utf-32-be with BOM", "staff.csv", _text(STAFF, "utf-32-be", codecs.BOM_UTF32_BE),
             IMPORTED, 3),
        Case("utf-16-le without BOM", "staff.csv", _text(STAFF, "utf-16-le"), IMPORTED, 3),
        Case("gb18030", "staff.csv", _text(STAFF, "gb18030"), IMPORTED, 3, titles=("客服主管",)),
        Case("utf-8 with one gbk line", "staff.csv", lambda: mixed.encode("latin-1"), REFUSED),
        Case("latin-1", "staff.csv", _text("title\nJosé,\nAndré,\n", "latin-1"), REFUSED),
        Case("utf-16 BOM then odd byte count", "staff.csv",
             lambda: codecs.BOM_UTF16_LE + STAFF.encode("utf-16-le") + b"\x00\xd8x", REFUSED),
        # --- CSV: not text, empty, broken quoting, huge fields
        Case("empty csv", "staff.csv", lambda: b"", REFUSED),
        Case("blank lines only", "staff.csv", lambda: b"\r\n\r\n\n", REFUSED),
        Case("header only", "staff.csv", lambda: b"id,superior,title\n", REFUSED),
        Case("png renamed csv", "staff.csv",
             lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random_bytes(1, 4096), REFUSED),
        Case("random bytes csv", "staff.csv", lambda: _random_bytes(2, 65_536), REFUSED),
        Case("NUL inside utf-8", "staff.csv", lambda: STAFF.encode().replace(b"\xe5", b"\x00", 1),
             REFUSED),
        Case("unterminated quote", "staff.csv", _text('title,notes\n经理,"never closed\n主管,x\n',
                                                      "utf-8"), REFUSED),
        Case("stray quote", "staff.csv", _text('title,x\n"经理"x,1\n', "utf-8"), REFUSED),
        Case("17 MB field", "staff.csv", lambda: b"title,notes\nx," + b"y" * 17_000_000 + b"\n",
             REFUSED),
        Case("1 MB field", "staff.csv", lambda: b"title,notes\nx," + b"y" * 1_000_000 + b"\n",
             IMPORTED, 1),
        Case("5,000 columns", "staff.csv", lambda: (",".join(["title"] + [f"c{n}" for n in
                                                                         range(4_999)]) + "\n"
                                                   + ",".join(["经理"] + ["v"] * 4_999) + "\n")
             .encode(), IMPORTED, 1),
        Case("more cells than headers", "staff.csv", _text("title\n经理,extra\n", "utf-8"),
             REFUSED),
        Case("classic mac line ends", "staff.csv", lambda: STAFF.replace("\n", "\r").encode(),
             IMPORTED, 3),
        # --- CSV: what cells hold
        Case("formula cells", "staff.csv", _text(
            'id,superior,title,notes\n1,,=HYPERLINK("http://evil"),+1\n2,1,@SUM(A1),-2\n'
            "3,1,'=kept literally,\t\n", "utf-8"), IMPORTED, 3,
             titles=('=HYPERLINK("http://evil")', "@SUM(A1)")),
        Case("terminal escapes in titles", "staff.csv", _text(
            "title,superior\n\x1b]0;PWNED\x07,\n\x1b[2Jcleared,\x1b]0;PWNED\x07\n", "utf-8"),
             IMPORTED, 2),
        Case("ids that overflow", "staff.csv", _text(
            "id,superior,title\n99999999999999999999999,,经理\n"
            "99999999999999999999998,99999999999999999999999,主管\n", "utf-8"), IMPORTED, 2),
        Case("negative ids", "staff.csv", _text("id,superior,title\n-1,,经理\n-2,-1,主管\n",
                                                "utf-8"), IMPORTED, 2),
        Case("cycle", "staff.csv", _text("id,superior,title\n1,3,a\n2,1,b\n3,2,c\n", "utf-8"),
             REFUSED),
        # HR exports write the top person as their own manager: read as the top position.
        Case("self parent", "staff.csv", _text("id,superior,title\n1,1,a\n2,1,b\n", "utf-8"),
             IMPORTED, positions=2, titles=("a", "b")),
        Case("self parent beside a top", "staff.csv",
             _text("id,superior,title\n1,,a\n2,2,b\n", "utf-8"), REFUSED),
        Case("duplicate ids", "staff.csv", _text("id,superior,title\n1,,a\n1,,b\n", "utf-8"),
             REFUSED, options=("--forest",)),
        Case("unknown superior", "staff.csv", _text("id,superior,title\n1,,a\n2,9,b\n", "utf-8"),
             REFUSED),
        Case("several roots without a choice", "staff.csv", _text("title\na\nb\n", "utf-8"),
             REFUSED),
        Case("several roots under a new top", "staff.csv", _text("title\na\nb\n", "utf-8"),
             IMPORTED, 3, ("--root-title", "总部")),
        Case("5,000-level chain", "staff.csv", lambda: _chain_csv(5_000), IMPORTED, 5_000),
        Case("tab separated", "staff.tsv", lambda: STAFF.replace(",", "\t").encode(),
             IMPORTED, 3),
        Case("only draw.io comments", "staff.csv", _text("# label: %name%\n# width: 80\n",
                                                         "utf-8"), REFUSED),
        # --- XLSX
        Case("empty xlsx", "staff.xlsx", lambda: b"", REFUSED),
        Case("old xls", "staff.xlsx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
             REFUSED),
        Case("text renamed xlsx", "staff.xlsx", _text(STAFF, "utf-8"), REFUSED),
        Case("truncated xlsx", "staff.xlsx", lambda: _staff_workbook()[:900], REFUSED),
        Case("random bytes xlsx", "staff.xlsx", lambda: b"PK\x03\x04" + _random_bytes(3, 8_192),
             REFUSED),
        Case("stale dimension", "staff.xlsx", _stale_dimension, IMPORTED, 1_001,
             titles=("岗位1001",)),
        Case("zip bomb by declared size", "staff.xlsx", _lying_zip_sizes, REFUSED),
        Case("zip bomb by member count", "staff.xlsx", _many_members, REFUSED),
        Case("billion laughs xlsx", "staff.xlsx", _laughs_workbook, REFUSED),
        Case("external entity xlsx", "staff.xlsx", _external_workbook, REFUSED),
        Case("formula cells xlsx", "staff.xlsx", _formula_workbook, IMPORTED, 2),
        Case("200 KB cell xlsx", "staff.xlsx", _xlsx_huge_cell, REFUSED),
        Case("own xlsx export", "chart.xlsx", lambda: _own_export(".xlsx"), IMPORTED, 7),
        # --- GraphML
        Case("billion laughs graphml", "chart.graphml",
             lambda: LAUGHS + GRAPH % (b"", _node("a", "&lol9;")), REFUSED),
        Case("external entity graphml", "chart.graphml",
             lambda: EXTERNAL + GRAPH % (b"", _node("a", "&xxe;")), REFUSED),
        Case("5,000-digit graphml int", "chart.graphml", _graph(
            _node("a", "A", b'<data key="d1">' + b"9" * 5_000 + b"</data>"),
            b'<key id="d1" for="node" attr.name="planned_headcount" attr.type="int"/>'), REFUSED),
        Case("graphml not utf-8", "chart.graphml", _graph(b'<node id="a"><data key="d0">\xc4\xe3'
                                                          b"</data></node>"), REFUSED),
        Case("graphml nested graph", "chart.graphml", _graph(
            b'<node id="a"><graph edgedefault="directed"><node id="b"/></graph></node>'),
             REFUSED),
        Case("graphml duplicate node ids", "chart.graphml",
             _graph(_node("a", "A") + _node("a", "B")), REFUSED),
        Case("graphml cycle", "chart.graphml", _graph(
            _node("a", "A") + _node("b", "B") + b'<edge source="a" target="b"/>'
            b'<edge source="b" target="a"/>'), REFUSED),
        Case("graphml deep nesting", "chart.graphml", lambda: GRAPH % (
            b"", b'<node id="a">' + b"<x>" * 50_000 + b"</x>" * 50_000 + b"</node>"), REFUSED),
        Case("graphml two roots forest", "chart.graphml",
             _graph(_node("a", "A") + _node("b", "B")), IMPORTED, 2, ("--forest",)),
        Case("own graphml export", "chart.graphml", lambda: _own_export(".graphml"),
             IMPORTED, 7),
        # --- JSON
        Case("empty json", "doc.json", lambda: b"", REFUSED),
        Case("json lone surrogate", "doc.json", lambda: JSON_HEAD + b'"positions": [{"id": 1, '
                                                                   b'"title": "\\ud800"}]}',
             REFUSED),
        Case("json 5,000-digit id", "doc.json", lambda: JSON_HEAD + b'"positions": [{"id": '
                                                                    + b"9" * 5_000
                                                                    + b', "title": "a"}]}',
             REFUSED),
        Case("json deep nesting", "doc.json", lambda: b"[" * 100_000 + b"]" * 100_000, REFUSED),
        Case("json NaN", "doc.json", lambda: JSON_HEAD + b'"positions": [{"id": NaN, '
                                                         b'"title": "a"}]}', REFUSED),
        Case("json duplicate keys", "doc.json", lambda: JSON_HEAD + b'"positions": [{"id": 1, '
                                                                    b'"title": "a", "id": 2}]}',
             REFUSED),
        Case("json hostile setting", "doc.json", lambda: JSON_HEAD + b'"positions": [{"id": 1, '
                                                                     b'"title": "a"}], '
                                                                     b'"settings": {"chart": '
                                                                     b'{"detail": 1e999}}}',
             REFUSED),
        Case("json with BOM", "doc.json", lambda: codecs.BOM_UTF8 + JSON_HEAD
             + b'"positions": [{"id": 1, "title": "a"}]}', IMPORTED, 1),
        Case("own json export", "doc.json", lambda: _own_export(".json"), IMPORTED, 7),
        # --- names and kinds
        Case("unknown extension", "staff.pdf", _text(STAFF, "utf-8"), REFUSED),
    ]
    names = [case.name for case in listing]
    assert len(set(names)) == len(names), "case names must be unique"
    return listing


def case_names() -> Iterator[str]:
    return (case.name for case in cases())
