"""Exports that cannot be written: one sentence, the old file untouched, nothing left behind.

Two causes: a text longer than an Excel cell holds (refused before anything
is written, naming the position and the field), and a full disk (a real
small tmpfs, like tests/storage/test_save.py), for every data format.
"""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from orgdesk.core.model import DocumentInfo
from orgdesk.core.organisation import Organisation
from orgdesk.io.interchange import EXPORT_WRITERS, export_to, read_source
from orgdesk.io.problems import ExportFailed
from orgdesk.samples import template_organisation
from orgdesk.storage.document import create_file

ROOT = Path(__file__).resolve().parents[2]


def _with(org: Organisation, count: int, text: str | None = None, seed: int = 9,
          length: int = 30_000) -> Organisation:
    """`org` with the notes of its first `count` positions replaced (random hanzi: no zip gain)."""
    rng = random.Random(seed)
    positions = [replace(p, notes=text if text is not None else "".join(
        chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(length))) if i < count else p
        for i, p in enumerate(org.positions())]
    return Organisation(org.info, list(org.departments), positions, list(org.relations),
                        dict(org.settings))


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """openpyxl's temporary sheet files land here, so a test can see any it leaves."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


# ------------------------------------------------------------ Excel's cell limit
def test_a_text_longer_than_an_excel_cell_is_refused_naming_it(tmp_path: Path,
                                                                private_tmp: Path) -> None:
    org = _with(template_organisation("call_center_chart"), 1, "长" * 40_000)
    first = next(iter(org.positions()))
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(ExportFailed) as raised:
        export_to(org, target)
    assert str(raised.value) == (
        f"The field “Notes 备注” of position {first.id} (“{first.title}”) has 40,000 characters, "
        "more than an Excel cell holds (32,767); shorten it, or export CSV or JSON, which hold "
        "any length.")
    assert target.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["out.xlsx", "state", "tmp"] or \
        sorted(os.listdir(tmp_path)) == ["out.xlsx", "tmp"]
    assert os.listdir(private_tmp) == []


def test_escapes_count_towards_the_limit(tmp_path: Path) -> None:
    """A control character is written as _x0001_ (7 characters): 5,000 of them do not fit."""
    org = _with(template_organisation("call_center_chart"), 1, "\x01" * 5_000)
    with pytest.raises(ExportFailed, match="has 35,000 characters"):
        export_to(org, tmp_path / "out.xlsx")


def test_exactly_the_limit_fits_and_reads_back(tmp_path: Path) -> None:
    org = _with(template_organisation("call_center_chart"), 1, "长" * 32_767)
    export_to(org, tmp_path / "out.xlsx")
    back = read_source(tmp_path / "out.xlsx").require()
    assert next(iter(back.positions())).notes == "长" * 32_767


@pytest.mark.parametrize("where", ["department", "relation", "info"])
def test_other_long_texts_are_refused_too(where: str, tmp_path: Path) -> None:
    org = template_organisation("call_center_chart")
    long = "x" * 33_000
    departments, relations, info = list(org.departments), list(org.relations), org.info
    if where == "department":
        departments[0] = replace(departments[0], name=long)
    elif where == "relation":
        relations[0] = replace(relations[0], label=long)
    else:
        info = DocumentInfo(info.title, info.client, info.author, long, info.created,
                            info.modified)
    org = Organisation(info, departments, list(org.positions()), relations, dict(org.settings))
    with pytest.raises(ExportFailed, match="more than an Excel cell holds"):
        export_to(org, tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_long_document_settings_are_split_over_cells(tmp_path: Path) -> None:
    org = template_organisation("call_center_chart")
    settings = {**org.settings, "future_setting": {"note": "设置" * 40_000}}
    org = Organisation(org.info, list(org.departments), list(org.positions()),
                       list(org.relations), settings)
    export_to(org, tmp_path / "out.xlsx")
    back = read_source(tmp_path / "out.xlsx").require()
    assert back.settings == org.settings


def test_the_cli_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    document = tmp_path / "long.orgdesk"
    create_file(document, _with(template_organisation("call_center_chart"), 1, "长" * 40_000))
    result = subprocess.run([sys.executable, "-m", "orgdesk", "export", str(document), "-o",
                             str(tmp_path / "out.xlsx")], capture_output=True, text=True,
                            check=False, cwd=ROOT, env=os.environ.copy(), timeout=120)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("orgdesk: The field “Notes 备注” of position")
    assert not (tmp_path / "out.xlsx").exists()


# -------------------------------------------------------------------- full disk
# `tiny_filesystem`, a real 192 KiB tmpfs, comes from tests/conftest.py.


@pytest.mark.parametrize("suffix", sorted(EXPORT_WRITERS))
def test_a_full_disk_leaves_the_old_export_intact(suffix: str, tiny_filesystem: Path,
                                                  private_tmp: Path) -> None:
    target = tiny_filesystem / f"chart{suffix}"
    target.write_bytes(b"the previous export")
    free = shutil.disk_usage(tiny_filesystem).free
    big = _with(template_organisation("call_center_chart"), 6)  # about 500 KB in every format
    with pytest.raises(ExportFailed) as raised:
        export_to(big, target)
    assert str(raised.value) == f"Cannot write “chart{suffix}”: the disk is full; nothing was changed."
    assert target.read_bytes() == b"the previous export"
    assert os.listdir(tiny_filesystem) == [f"chart{suffix}"]
    assert shutil.disk_usage(tiny_filesystem).free == free
    assert os.listdir(private_tmp) == []
    small = template_organisation("call_center_chart")
    export_to(small, target)  # room again once the export fits
    assert len(read_source(target).require()) == len(small)


def test_a_full_disk_in_the_cli_is_one_line(tiny_filesystem: Path, tmp_path: Path) -> None:
    document = tmp_path / "big.orgdesk"
    create_file(document, _with(template_organisation("call_center_chart"), 6))
    for suffix in sorted(EXPORT_WRITERS):
        result = subprocess.run([sys.executable, "-m", "orgdesk", "export", str(document), "-o",
                                 str(tiny_filesystem / f"out{suffix}")], capture_output=True,
                                text=True, check=False, cwd=ROOT, env=os.environ.copy(),
                                timeout=120)
        assert result.returncode == 1, result.stderr
        assert result.stderr == (f"orgdesk: Cannot write “out{suffix}”: the disk is full; "
                                 "nothing was changed.\n")
    assert os.listdir(tiny_filesystem) == []
