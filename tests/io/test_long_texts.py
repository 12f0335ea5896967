"""Whatever orgdesk exports, it imports: long texts round-trip, and limits agree.

A 100,000-character note was written to CSV and then refused by the CSV
reader (its field size limit).  Every reader limit now lives in
orgdesk/io/limits.py (or is Excel's own), and every writer checks what it
writes against the limit of the reader that will read it.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from orgdesk.core.model import Kpi
from orgdesk.core.organisation import Organisation
from orgdesk.io import csv_format, graphml_format, interchange, xlsx_format
from orgdesk.io.interchange import EXPORT_WRITERS, export_to, read_source
from orgdesk.io.problems import ExportFailed, MalformedFile
from orgdesk.samples import template_organisation

#: A hostile piece: every character class the writers escape or guard.
PIECE = "=SUM(A1)\t\"引号\",逗号;分号|竖线\\反斜杠\\n\r\n换行 _x0041_ 😀 '单引号 "


def _long(length: int) -> str:
    return (PIECE * (length // len(PIECE) + 1))[:length]


def _document(length: int) -> Organisation:
    org = template_organisation("call_center_chart")
    positions = list(org.positions())
    first, second = positions[0], positions[1]
    positions[0] = replace(first, notes=_long(length), duties=(_long(length), "短", ""),
                           kpis=(Kpi(_long(length // 2), _long(length // 2)),))
    positions[1] = replace(second, title="=" + _long(length)[:200], career_path=_long(length))
    return Organisation(org.info, list(org.departments), positions, list(org.relations),
                        dict(org.settings))


def _fields(org: Organisation) -> list[tuple[object, ...]]:
    return [(p.title, p.notes, p.duties, p.kpis, p.career_path) for p in org.positions()]


@pytest.mark.parametrize("length", [100_000, 1_000_000])
@pytest.mark.parametrize("suffix", [".csv", ".json", ".graphml"])
def test_long_texts_round_trip(suffix: str, length: int, tmp_path: Path) -> None:
    original = _document(length)
    path = tmp_path / f"long{suffix}"
    export_to(original, path)
    back = read_source(path).require()
    assert _fields(back) == _fields(original)


def test_long_texts_round_trip_through_excel_up_to_its_cell_limit(tmp_path: Path) -> None:
    original = _document(25_000)  # escapes make the cells longer; all stay below 32,767
    export_to(original, tmp_path / "long.xlsx")
    assert _fields(read_source(tmp_path / "long.xlsx").require()) == _fields(original)


def test_csv_writes_exactly_what_it_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    monkeypatch.setattr(csv_format, "MAX_CELL_CHARS", 1_000)
    fits = _document(0)
    first = next(iter(fits.positions()))
    fits = Organisation(fits.info, list(fits.departments),
                        [replace(p, notes="记" * 1_000) if p.id == first.id else p
                         for p in fits.positions()], list(fits.relations), dict(fits.settings))
    export_to(fits, tmp_path / "fits.csv")
    assert next(iter(read_source(tmp_path / "fits.csv").require().positions())).notes == "记" * 1_000
    guarded = Organisation(fits.info, list(fits.departments),
                           [replace(p, notes="=" + "记" * 999) if p.id == first.id else p
                            for p in fits.positions()], list(fits.relations),
                           dict(fits.settings))
    (tmp_path / "old.csv").write_bytes(b"old")
    with pytest.raises(ExportFailed) as raised:  # the formula guard makes the cell 1,001 long
        export_to(guarded, tmp_path / "old.csv")
    assert str(raised.value) == (f"The field “Notes 备注” of position {first.id} (“{first.title}”) "
                                 "would be a CSV cell of 1,001 characters, more than orgdesk "
                                 "reads back (1,000); shorten it.")
    assert (tmp_path / "old.csv").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    (tmp_path / "crafted.csv").write_text("title,notes\nx," + "y" * 1_001 + "\n", "utf-8")
    with pytest.raises(MalformedFile, match="a cell is longer than 1,000 characters"):
        read_source(tmp_path / "crafted.csv")


@pytest.mark.parametrize("suffix", [".json", ".graphml"])
def test_a_file_larger_than_import_reads_is_not_exported(suffix: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(interchange.EXPORT_CAPS, suffix, 4 << 20)
    with pytest.raises(ExportFailed, match=r"would be \d+ MB, more than orgdesk imports from "
                                           r"this format \(4 MB\)"):
        export_to(_document(1_000_000), tmp_path / f"big{suffix}")
    assert list(tmp_path.iterdir()) == []


def test_graphml_is_not_written_with_more_nodes_than_import_reads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graphml_format, "MAX_NODES", 3)
    with pytest.raises(ExportFailed, match="is more than orgdesk imports \\(3\\)"):
        export_to(template_organisation("call_center_chart"), tmp_path / "c.graphml")
    assert list(tmp_path.iterdir()) == []


def test_excel_is_not_written_beyond_what_import_unpacks(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_format, "MAX_UNZIPPED", 10_000)
    with pytest.raises(ExportFailed, match="would unpack to 0 MB, more than orgdesk imports"):
        export_to(template_organisation("call_center_chart"), tmp_path / "c.xlsx")
    monkeypatch.setattr(xlsx_format, "MAX_UNZIPPED", 1 << 30)
    monkeypatch.setattr(xlsx_format, "EXCEL_ROW_LIMIT", 4)
    with pytest.raises(ExportFailed, match="An Excel sheet holds 3 positions at most"):
        export_to(template_organisation("call_center_chart"), tmp_path / "c.xlsx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", sorted(EXPORT_WRITERS))
@pytest.mark.parametrize("sample", ["bank_service_center", "training_call_center_50"])
def test_every_sample_exported_in_every_format_imports(sample: str, suffix: str,
                                                       tmp_path: Path) -> None:
    original = template_organisation(sample)
    export_to(original, tmp_path / f"s{suffix}")
    back = read_source(tmp_path / f"s{suffix}").require()
    assert _fields(back) == _fields(original)
