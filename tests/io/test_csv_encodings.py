"""CSV text encodings: read exactly, or refused with the lines that make a file ambiguous.

The rule (orgdesk/io/text_encoding.py): a byte-order mark decides (UTF-32
before UTF-16), else valid UTF-8 throughout is UTF-8, else GB18030 if every
line is GB18030 and none looks like UTF-8; a file with lines of both kinds is
refused naming them, never decoded into mojibake.
"""
from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from orgdesk.io.csv_format import read_csv, write_csv
from orgdesk.io.interchange import read_source
from orgdesk.io.options import ImportOptions, RootPolicy
from orgdesk.io.problems import MalformedFile
from orgdesk.io.text_encoding import detect_encoding, looks_like_utf8
from orgdesk.samples import template_organisation

STAFF = ("id,superior,title,notes\n1,,客服经理,负责呼叫中心运营\n2,1,客服主管,班组排班\n"
         "3,2,座席员,接听客户来电\n")


def _titles(path: Path, options: ImportOptions = ImportOptions()) -> list[str]:
    return [p.title for p in read_source(path, options).require().positions()]


def _write(tmp_path: Path, data: bytes, name: str = "staff.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ mixed files
def test_utf8_file_with_one_gbk_line_is_refused_naming_the_line(tmp_path: Path) -> None:
    lines = STAFF.splitlines(keepends=True)
    data = b"".join(line.encode("gbk" if number == 3 else "utf-8")
                    for number, line in enumerate(lines, 1))
    path = _write(tmp_path, data)
    with pytest.raises(MalformedFile) as raised:
        read_source(path)
    assert str(raised.value) == ("“staff.csv” mixes text encodings: lines 3 are not UTF-8 but "
                                 "lines 2, 4 are; save it in one encoding, or choose the "
                                 "encoding to read it with.")


def test_gbk_file_with_one_utf8_line_is_refused_naming_the_line(tmp_path: Path) -> None:
    lines = STAFF.splitlines(keepends=True)
    data = b"".join(line.encode("utf-8" if number == 4 else "gbk")
                    for number, line in enumerate(lines, 1))
    with pytest.raises(MalformedFile, match=r"lines 2, 3 are not UTF-8 but lines 4 are"):
        read_source(_write(tmp_path, data))


def test_bom_utf8_file_with_a_gbk_line_names_that_line(tmp_path: Path) -> None:
    lines = STAFF.splitlines(keepends=True)
    data = codecs.BOM_UTF8 + b"".join(line.encode("gbk" if number == 4 else "utf-8")
                                      for number, line in enumerate(lines, 1))
    with pytest.raises(MalformedFile) as raised:
        read_source(_write(tmp_path, data))
    assert str(raised.value) == ("“staff.csv” line 4 is not UTF-8 text, although the file "
                                 "starts as UTF-8; it may be damaged.")


def test_many_mixed_lines_are_summarised(tmp_path: Path) -> None:
    rows = [f"{n},,岗位{n}号\n".encode("gbk" if n % 2 else "utf-8") for n in range(1, 41)]
    path = _write(tmp_path, b"id,superior,title\n" + b"".join(rows))
    with pytest.raises(MalformedFile, match=r"lines 2, 4, 6, 8, 10, … are not UTF-8 "
                                            r"but lines 3, 5, 7, 9, 11, … are"):
        read_source(path)


def _gbk_chars_valid_as_utf8() -> list[str]:
    """Everyday Chinese characters whose two GBK bytes happen to be valid UTF-8."""
    found = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            pair = bytes([lead, trail])
            try:
                pair.decode("utf-8")
                found.append(pair.decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return found


def test_gbk_lines_that_are_valid_utf8_by_chance_still_read_as_gbk(tmp_path: Path) -> None:
    """Short GBK lines are often valid UTF-8 by chance; they must not make a GBK file “mixed”."""
    chance = _gbk_chars_valid_as_utf8()
    assert len(chance) > 500  # about one everyday character in five
    titles = ["客服经理", *chance[::60]]
    assert all(not looks_like_utf8(t.encode("gbk")) for t in titles[1:])
    text = "title,superior\n" + "".join(f"{t},{titles[0] if i else ''}\n"
                                        for i, t in enumerate(titles))
    data = text.encode("gbk")
    assert any(line.decode("utf-8", "ignore") == line.decode("utf-8", "replace")
               for line in data.split(b"\n")[2:])  # some lines really are valid UTF-8
    assert _titles(_write(tmp_path, data)) == titles


# ------------------------------------------------------------- marks and widths
ENCODED = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-8 with two BOMs": lambda t: codecs.BOM_UTF8 * 2 + t.encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "gb18030 with BOM": lambda t: t.encode("gb18030") and b"\x84\x31\x95\x33" + t.encode("gb18030"),
    "utf-16-le BOM": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-16 two BOMs": lambda t: (codecs.BOM_UTF16_LE * 2) + t.encode("utf-16-le"),
    "utf-32-le BOM": lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
    "utf-32-be BOM": lambda t: codecs.BOM_UTF32_BE + t.encode("utf-32-be"),
    "utf-32 two BOMs": lambda t: (codecs.BOM_UTF32_LE * 2) + t.encode("utf-32-le"),
    "utf-16-le no BOM": lambda t: t.encode("utf-16-le"),
    "utf-16-be no BOM": lambda t: t.encode("utf-16-be"),
    "utf-32-le no BOM": lambda t: t.encode("utf-32-le"),
    "utf-32-be no BOM": lambda t: t.encode("utf-32-be"),
}


@pytest.mark.parametrize("kind", sorted(ENCODED))
def test_every_encoding_reads_the_same_staff_list(kind: str, tmp_path: Path) -> None:
    path = _write(tmp_path, ENCODED[kind](STAFF))
    assert _titles(path) == ["客服经理", "客服主管", "座席员"]


@pytest.mark.parametrize("kind", sorted(ENCODED))
def test_every_encoding_round_trips_a_whole_sample(kind: str, tmp_path: Path) -> None:
    original = template_organisation("bank_service_center")
    buffer = io.BytesIO()
    write_csv(original, buffer)
    text = buffer.getvalue().decode("utf-8-sig")
    back = read_source(_write(tmp_path, ENCODED[kind](text))).require()
    assert back.snapshot()[2] == original.snapshot()[2]  # every field of every position
    assert [p.duties for p in back.positions()] == [p.duties for p in original.positions()]


def test_detected_encodings_are_endian_specific(tmp_path: Path) -> None:
    assert detect_encoding(_write(tmp_path, ENCODED["utf-32-le BOM"](STAFF)))[0] == "utf-32-le"
    assert detect_encoding(_write(tmp_path, ENCODED["utf-16-be BOM"](STAFF)))[0] == "utf-16-be"
    assert detect_encoding(_write(tmp_path, ENCODED["gb18030"](STAFF))) == ("gb18030", 5)


def test_header_of_a_double_bom_file_is_clean(tmp_path: Path) -> None:
    table = read_csv(_write(tmp_path, ENCODED["utf-8 with two BOMs"](STAFF)))
    table.rows.close()
    assert table.headers[0] == "id"


def test_truncated_utf16_names_its_last_line(tmp_path: Path) -> None:
    data = ENCODED["utf-16-le BOM"](STAFF)[:-1]
    with pytest.raises(MalformedFile, match=r"“staff.csv” line 4 is not UTF-16-LE text, although"):
        read_source(_write(tmp_path, data))


def test_nul_bytes_that_are_no_wide_text_are_binary(tmp_path: Path) -> None:
    with pytest.raises(MalformedFile, match="is not a text table: it holds binary data"):
        read_source(_write(tmp_path, b"title\n\x00\x01\x02\x03\n\x00\x00"))
    with pytest.raises(MalformedFile, match="is not a text table: it holds binary data"):
        read_source(_write(tmp_path, codecs.BOM_UTF16_LE + "title\n\x00x\n".encode("utf-16-le")))


def test_latin1_file_names_the_lines_that_are_neither(tmp_path: Path) -> None:
    data = "title,notes\nJosé,x\nMüller,\nAndré,\n".encode("latin-1")
    with pytest.raises(MalformedFile) as raised:
        read_source(_write(tmp_path, data))
    # “ül” happens to be a GB18030 character; “é,” is not.
    assert "is neither UTF-8 nor GB18030 text (lines 2, 4); choose its encoding" in str(raised.value)
    options = ImportOptions(encoding="latin-1", roots=RootPolicy.FOREST)
    assert _titles(_write(tmp_path, data), options) == ["José", "Müller", "André"]


# --------------------------------------------------------------- --encoding
def test_a_chosen_encoding_is_applied_strictly(tmp_path: Path) -> None:
    gbk = _write(tmp_path, STAFF.encode("gbk"))
    assert _titles(gbk, ImportOptions(encoding="gbk")) == ["客服经理", "客服主管", "座席员"]
    with pytest.raises(MalformedFile, match="is not utf-8 text; choose another encoding"):
        read_source(gbk, ImportOptions(encoding="utf-8"))
    bom = _write(tmp_path, ENCODED["utf-8 with BOM"](STAFF), "bom.csv")
    assert _titles(bom, ImportOptions(encoding="utf-8")) == ["客服经理", "客服主管", "座席员"]


@pytest.mark.parametrize("codec", ["base64", "rot13", "zlib", "hex"])
def test_a_codec_that_is_no_text_encoding_is_a_sentence(codec: str, tmp_path: Path) -> None:
    with pytest.raises(MalformedFile, match=f"“{codec}” is not a text encoding orgdesk knows."):
        read_source(_write(tmp_path, STAFF.encode()), ImportOptions(encoding=codec))
