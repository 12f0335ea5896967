"""File names that are not UTF-8 (GBK names from a zip made on Chinese Windows).

On Linux such a name reaches Python with its bytes as lone surrogates
(PEP 383).  Import and export must work with it, name it readably in every
sentence (its bytes read as GB18030), and never put the surrogates into a
title, a message or a terminal.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesk.core.errors import UserError
from orgdesk.io.interchange import export_to, import_to_file, read_source
from orgdesk.io.problems import ExportFailed, name_of, readable_name
from orgdesk.samples import template_organisation
from orgdesk.storage.reading import read_organisation

ROOT = Path(__file__).resolve().parents[2]
GBK_STEM = os.fsdecode("客服岗位表".encode("gbk"))  # “客服” is valid UTF-8 by chance: mixed


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def test_the_name_has_surrogates_on_this_system() -> None:
    assert not _encodable(GBK_STEM)


@pytest.mark.parametrize(("raw", "shown"), [
    ("客服岗位表.csv".encode("gbk"), "客服岗位表.csv"),
    ("员工".encode("gbk"), "员工"),
    (b"\xff\xfe.csv", "\\xff\\xfe.csv"),
    ("经理-".encode() + "表".encode("gbk"), "经理-表"),
    (b"a\nb\x1b]0;title\x07.csv", "a\\x0ab\\x1b]0;title\\x07.csv"),
    ("右\u202etxt.csv".encode(), "右\\u202etxt.csv"),
    ("plain 名单.csv".encode(), "plain 名单.csv"),
])
def test_readable_name(raw: bytes, shown: str) -> None:
    assert readable_name(os.fsdecode(raw)) == shown


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".graphml", ".json"])
def test_export_and_import_under_a_gbk_name(suffix: str, tmp_path: Path) -> None:
    original = template_organisation("call_center_chart")
    path = tmp_path / (GBK_STEM + suffix)
    export_to(original, path)
    assert os.listdir(os.fsencode(tmp_path)) == [("客服岗位表" + suffix).encode("gbk")]
    back = read_source(path).require()
    assert [p.title for p in back.positions()] == [p.title for p in original.positions()]
    target = tmp_path / "back.orgdesk"
    import_to_file(path, target)
    assert len(read_organisation(target)) == len(original)


def test_the_default_title_is_the_readable_name(tmp_path: Path) -> None:
    path = tmp_path / (GBK_STEM + ".csv")
    path.write_text("title\n经理\n", "utf-8")
    assert read_source(path).require().info.title == "客服岗位表"


def test_a_broken_file_is_named_readably(tmp_path: Path) -> None:
    path = tmp_path / (GBK_STEM + ".json")
    path.write_bytes(b"{")
    with pytest.raises(UserError) as raised:
        read_source(path)
    assert str(raised.value).startswith("“客服岗位表.json” line 1: not valid JSON")
    assert name_of(path) == "“客服岗位表.json”"


def test_importing_into_a_gbk_name_is_a_sentence_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "staff.csv"
    source.write_text("title\n经理\n", "utf-8")
    target = tmp_path / (GBK_STEM + ".orgdesk")
    try:
        import_to_file(source, target)
    except ExportFailed as failed:
        assert str(failed) == ("Cannot create “客服岗位表.orgdesk”: orgdesk writes documents only "
                               "under names that are valid Unicode; choose another name.")
        assert sorted(os.listdir(tmp_path)) == ["staff.csv"]
    else:  # the storage layer learned to write such names: then it must be readable
        assert read_organisation(target).roots()[0].title == "经理"


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "orgdesk", *map(os.fsencode, args)],
                          capture_output=True, cwd=cwd, timeout=120, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_cli_import_and_export_with_gbk_names(tmp_path: Path) -> None:
    source = tmp_path / (GBK_STEM + ".csv")
    source.write_text("title\n经理\n", "utf-8")
    made = _run("import", source, "-o", tmp_path / "out.orgdesk", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "“客服岗位表.csv”" in made.stdout.decode("utf-8")
    exported = _run("export", tmp_path / "out.orgdesk", "-o", tmp_path / (GBK_STEM + ".xlsx"),
                    cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert b"Traceback" not in exported.stderr
    assert (tmp_path / (GBK_STEM + ".xlsx")).is_file()
    broken = tmp_path / (GBK_STEM + ".json")
    broken.write_bytes(b"[")
    failed = _run("import", broken, "-o", tmp_path / "x.orgdesk", cwd=tmp_path)
    assert failed.returncode == 1
    lines = failed.stderr.decode("utf-8").splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0], lines
    assert not (tmp_path / "x.orgdesk").exists()
