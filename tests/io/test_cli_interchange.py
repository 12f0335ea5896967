"""`orgdesk import` and `orgdesk export` (data formats) end to end, as a user runs them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from orgdesk.storage.reading import read_organisation

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "sample_orgs" / "bank_service_center.orgdesk"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgdesk", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, env=os.environ.copy(),
                          timeout=120, check=False)


def test_import_peer_csv_then_info(tmp_path: Path) -> None:
    out = tmp_path / "visio"
    result = run("import", FIXTURES / "visio_orgchart.csv", "-o", out, "--title", "客户A")
    assert result.returncode == 0, result.stderr
    assert "Imported 6 positions from “visio_orgchart.csv”" in result.stdout
    assert "Columns kept in the notes: Telephone." in result.stdout
    info = json.loads(run("info", tmp_path / "visio.orgdesk", "--json").stdout)
    assert info["title"] == "客户A" and info["positions"] == 6


def test_import_with_mapping_sheet_and_encoding(tmp_path: Path) -> None:
    out = tmp_path / "cn.orgdesk"
    result = run("import", FIXTURES / "chinese.xlsx", "-o", out, "--sheet", "岗位说明",
                 "--map", "联系电话=ignore", "--map", "发展方向=notes")
    assert result.returncode == 0, result.stderr
    manager = read_organisation(out).roots()[0]
    assert manager.notes == "运营总监" and manager.career_path == ""
    gbk = run("import", FIXTURES / "chinese_gbk.csv", "-o", tmp_path / "gbk.orgdesk",
              "--encoding", "gbk")
    assert gbk.returncode == 0, gbk.stderr


def test_problems_are_listed_and_nothing_is_written(tmp_path: Path) -> None:
    source = tmp_path / "staff.csv"
    source.write_text("id,pid,title\n1,,经理\n2,9,主管\n3,,顾问\n", "utf-8")
    out = tmp_path / "out.orgdesk"
    result = run("import", source, "-o", out)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert ("  Line 3: the value “9” in column “pid” is not the id or title of any row; correct "
            "it, or if it means “no superior”, name it as a no-superior token (--null 9)."
            in lines)
    assert any("--forest" in line and "--root-title" in line for line in lines)
    assert lines[-1] == "orgdesk: Nothing was imported: “staff.csv” has 2 problems."
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_root_title_and_check_only(tmp_path: Path) -> None:
    source = tmp_path / "staff.csv"
    source.write_text("title\n客服部\n品质部\n", "utf-8")
    check = run("import", source, "-o", tmp_path / "x.orgdesk", "--root-title", "呼叫中心",
                "--check")
    assert check.returncode == 0 and "Would import 3 positions" in check.stdout
    assert not (tmp_path / "x.orgdesk").exists()
    made = run("import", source, "-o", tmp_path / "x.orgdesk", "--root-title", "呼叫中心")
    assert made.returncode == 0, made.stderr
    assert read_organisation(tmp_path / "x.orgdesk").roots()[0].title == "呼叫中心"


def test_import_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "keep.orgdesk"
    out.write_bytes(b"precious")
    result = run("import", FIXTURES / "drawio.csv", "-o", out)
    assert result.returncode == 1
    assert result.stderr == "orgdesk: “keep.orgdesk” already exists; choose another name.\n"
    assert out.read_bytes() == b"precious"


def test_hostile_file_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text('title\n"never closed\n', "utf-8")
    result = run("import", source, "-o", tmp_path / "x.orgdesk")
    assert result.returncode == 1
    assert result.stderr == ("orgdesk: “bad.csv” line 2: a quoted cell is never closed "
                             "(its closing quote mark is missing).\n")


def test_unknown_field_in_map(tmp_path: Path) -> None:
    result = run("import", FIXTURES / "drawio.csv", "-o", tmp_path / "x", "--map", "email=salary")
    assert result.returncode == 1
    assert result.stderr.startswith("orgdesk: There is no field called “salary”")


def test_export_every_data_format_and_import_back(tmp_path: Path) -> None:
    original = read_organisation(SAMPLE)
    for suffix in (".csv", ".xlsx", ".graphml", ".json"):
        exported = tmp_path / f"bank{suffix}"
        result = run("export", SAMPLE, "-o", exported)
        assert result.returncode == 0, result.stderr
        assert f"Exported {len(original)} positions" in result.stdout
        back = tmp_path / f"back{suffix}.orgdesk"
        imported = run("import", exported, "-o", back)
        assert imported.returncode == 0, imported.stderr
        again = read_organisation(back)
        assert [p.title for p in again.positions()] == [p.title for p in original.positions()]
    json_back = read_organisation(tmp_path / "back.json.orgdesk")
    assert json_back.snapshot()[1:] == original.snapshot()[1:]


def test_export_refuses_chart_options_for_data(tmp_path: Path) -> None:
    result = run("export", SAMPLE, "-o", tmp_path / "x.csv", "--root", "总经理")
    assert result.returncode == 1
    assert "apply to chart exports" in result.stderr
    assert not (tmp_path / "x.csv").exists()
