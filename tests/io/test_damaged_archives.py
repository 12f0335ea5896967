"""Damaged workbooks and XML: whatever a parser raises on bad bytes is one sentence, a bug stays a bug.

The two fixtures are inputs the atheris fuzzer found (tools/fuzz_readers.py):
a workbook whose deflate stream is corrupt (`zlib.error` escaped) and a
GraphML file declaring the encoding “ptf-8” (`LookupError` escaped).  The
generated cases damage a real exported workbook in each way a zip can be
damaged, and declare each kind of encoding expat refuses.
"""
from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest

from orgdesk.io import graphml_format, xlsx_format
from orgdesk.io.damage import is_damage
from orgdesk.io.interchange import export_to, import_to_file, read_source
from orgdesk.io.options import ImportOptions, RootPolicy
from orgdesk.io.problems import MalformedFile
from orgdesk.samples import template_organisation

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHEET = "xl/worksheets/sheet1.xml"
WORKBOOK = "xl/workbook.xml"


def _read_all(path: Path) -> None:
    """Read the file as `orgdesk import` does, every row of it."""
    read_source(path, ImportOptions(roots=RootPolicy.FOREST))


def _members(tmp_path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    source = tmp_path / "base.xlsx"
    export_to(template_organisation("call_center_chart"), source)
    with zipfile.ZipFile(source) as archive:
        return [(item, archive.read(item)) for item in archive.infolist()]


def _zip(members: list[tuple[zipfile.ZipInfo, bytes]], compression: int = zipfile.ZIP_DEFLATED,
         skip: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for item, data in members:
            if item.filename != skip:
                archive.writestr(item.filename, data, compress_type=compression)
    return out.getvalue()


def _data_offset(raw: bytes, name: str) -> tuple[int, int, int]:
    """(local header offset, data offset, compressed size) of member `name`."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        info = archive.getinfo(name)
    start = info.header_offset
    name_length, extra_length = struct.unpack("<HH", raw[start + 26:start + 30])
    return start, start + 30 + name_length + extra_length, info.compress_size


def _scramble(compression: int) -> Callable[[Path], bytes]:
    """The sheet's compressed bytes overwritten in the middle: a corrupt stream."""
    def make(tmp_path: Path) -> bytes:
        raw = bytearray(_zip(_members(tmp_path), compression))
        _, data, size = _data_offset(bytes(raw), SHEET)
        for index in range(data + size // 3, data + size // 3 + 64):
            raw[index] ^= 0x5A
        return bytes(raw)
    return make


def _cut_stream(tmp_path: Path) -> bytes:
    """The sheet's deflate stream ends early while the sizes still claim the whole member."""
    members = _members(tmp_path)
    raw = bytearray(_zip(members))
    _, data, size = _data_offset(bytes(raw), SHEET)
    raw[data + size // 2:data + size] = bytes(size - size // 2)
    return bytes(raw)


def _patch_headers(field: str, value: int) -> Callable[[Path], bytes]:
    """Every member's local and central header with `field` (flags or method) set to `value`."""
    def make(tmp_path: Path) -> bytes:
        raw = bytearray(_zip(_members(tmp_path)))
        local, central = (6, 8) if field == "flags" else (8, 10)
        pack = (lambda old: old | value) if field == "flags" else (lambda _: value)
        for signature, offset in ((b"PK\x03\x04", local), (b"PK\x01\x02", central)):
            at = raw.find(signature)
            while at != -1:
                old = struct.unpack("<H", raw[at + offset:at + offset + 2])[0]
                raw[at + offset:at + offset + 2] = struct.pack("<H", pack(old))
                at = raw.find(signature, at + 4)
        return bytes(raw)
    return make


def _rewrite(part: str, change: Callable[[bytes], bytes]) -> Callable[[Path], bytes]:
    def make(tmp_path: Path) -> bytes:
        return _zip([(item, change(data) if item.filename == part else data)
                     for item, data in _members(tmp_path)])
    return make


UNKNOWN_ENCODING = b'<?xml version="1.0" encoding="ptf-8"?>\n'
MULTI_BYTE = b'<?xml version="1.0" encoding="gb18030"?>\n'

WORKBOOKS: dict[str, Callable[[Path], bytes]] = {
    "fuzzer: corrupt deflate stream (zlib.error)":
        lambda _: (FIXTURES / "fuzz-zlib-error.xlsx").read_bytes(),
    "corrupt deflate stream": _scramble(zipfile.ZIP_DEFLATED),
    "corrupt LZMA stream": _scramble(zipfile.ZIP_LZMA),
    "corrupt bzip2 stream": _scramble(zipfile.ZIP_BZIP2),
    "stored member with a wrong CRC": _scramble(zipfile.ZIP_STORED),
    "deflate stream cut short": _cut_stream,
    "unsupported compression method": _patch_headers("method", 99),
    "encrypted members": _patch_headers("flags", 0x1),
    "missing workbook part": lambda t: _zip(_members(t), skip=WORKBOOK),
    "missing sheet part": lambda t: _zip(_members(t), skip=SHEET),
    "missing content types": lambda t: _zip(_members(t), skip="[Content_Types].xml"),
    "sheet that is not XML": _rewrite(SHEET, lambda d: d[: len(d) // 2]),
    "workbook part that is not XML": _rewrite(WORKBOOK, lambda d: b"\xff\xfe\x00<" + d[5:]),
    "workbook declaring an unknown encoding": _rewrite(WORKBOOK, lambda d: UNKNOWN_ENCODING + d),
    "sheet declaring an unknown encoding": _rewrite(SHEET, lambda d: UNKNOWN_ENCODING + d),
    "sheet declaring a multi-byte encoding": _rewrite(SHEET, lambda d: MULTI_BYTE + d),
    "sheet with a wrong typed attribute": _rewrite(SHEET, lambda d: d.replace(b' r="', b' r="x', 1)),
}


@pytest.mark.parametrize("case", sorted(WORKBOOKS))
def test_a_damaged_workbook_is_one_sentence(case: str, tmp_path: Path) -> None:
    source = tmp_path / "staff.xlsx"
    source.write_bytes(WORKBOOKS[case](tmp_path))
    target = tmp_path / "out.orgdesk"
    with pytest.raises(MalformedFile) as raised:
        import_to_file(source, target, ImportOptions(roots=RootPolicy.FOREST))
    message = str(raised.value)
    assert "“staff.xlsx”" in message and "damaged" in message, message
    assert "\n" not in message
    assert not target.exists()


GRAPH = (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
         b'<graph edgedefault="directed"><node id="n0"/></graph></graphml>')


@pytest.mark.parametrize("encoding", ["ptf-8", "rot13", "base64", "utf-16", "utf-32", "gb18030",
                                      "shift_jis", "idna", "undefined", "punycode", "cp037"])
def test_an_xml_declaration_naming_an_unusable_encoding_is_one_sentence(
        encoding: str, tmp_path: Path) -> None:
    source = tmp_path / "chart.graphml"
    source.write_bytes(b"<?xml version='1.0' encoding='%s'?>\n" % encoding.encode()
                       + GRAPH.replace(b'id="n0"', "id='é'".encode()))
    with pytest.raises(MalformedFile) as raised:
        _read_all(source)
    assert "“chart.graphml”" in str(raised.value) and "XML" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_the_fuzzer_graphml_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(MalformedFile) as raised:
        import_to_file(FIXTURES / "fuzz-unknown-encoding.graphml", tmp_path / "out.orgdesk")
    assert "not well-formed XML" in str(raised.value)
    assert not (tmp_path / "out.orgdesk").exists()


# ---------------------------------------------------------------- bugs stay bugs
def test_a_bug_while_reading_cells_is_not_called_damage(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "staff.xlsx"
    export_to(template_organisation("call_center_chart"), source)
    # A C function raising KeyError from orgdesk's own frame: an orgdesk bug, not the file's.
    monkeypatch.setattr(xlsx_format, "xml_unescape", {}.__getitem__)
    with pytest.raises(KeyError):
        _read_all(source)


def test_a_bug_while_parsing_graphml_is_not_called_damage(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "chart.graphml"
    export_to(template_organisation("call_center_chart"), source)
    monkeypatch.setattr(graphml_format, "read_graph", {}.__getitem__)  # a bug: KeyError
    with pytest.raises(KeyError):
        _read_all(source)


def test_damage_is_told_from_a_bug_by_where_it_was_raised() -> None:
    from orgdesk.io.cells import parse_int

    with pytest.raises(zipfile.BadZipFile) as library:
        zipfile.ZipFile(io.BytesIO(b"not a zip"))
    assert is_damage(library.value)
    with pytest.raises(ValueError) as own:
        parse_int("x")
    assert not is_damage(own.value)  # a ValueError orgdesk raises itself is its own business
    with pytest.raises(nx.NetworkXError) as graph:
        nx.parse_graphml('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>')
    assert is_damage(graph.value)
    assert not is_damage(MemoryError())
    assert not is_damage(KeyboardInterrupt())
