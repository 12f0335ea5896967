"""`orgdesk import` of peer JSON end to end: detection, --map on key paths, problems by entry."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from orgdesk.storage.reading import read_organisation

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "json"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgdesk", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, env=os.environ.copy(),
                          timeout=120, check=False)


def test_gojs_model_imports_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "gojs.orgdesk"
    result = run("import", FIXTURES / "gojs_tree_model.json", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "Imported 7 positions from “gojs_tree_model.json”" in result.stdout
    org = read_organisation(out)
    assert [p.title for p in org.roots()] == ["呼叫中心总监"]
    assert {d.name for d in org.departments} == {"运营中心", "客服部", "技术部"}


def test_map_a_json_key_path_to_a_field(tmp_path: Path) -> None:
    source = tmp_path / "people.json"
    source.write_text(json.dumps([
        {"id": 7, "parentId": None, "data": {"fullName": "Call Center Director", "role": "总监"}},
        {"id": 8, "parentId": 7, "data": {"fullName": "Team Leader", "role": "组长"}},
    ], ensure_ascii=False), "utf-8")
    out = tmp_path / "people.orgdesk"
    result = run("import", source, "-o", out, "--map", "data.fullName=title")
    assert result.returncode == 0, result.stderr
    assert "Columns kept in the notes: data.role." in result.stdout
    org = read_organisation(out)
    assert [(p.id, p.superior_id, p.title, p.notes) for p in org.positions()] == [
        (7, None, "Call Center Director", "data.role: 总监"), (8, 7, "Team Leader", "data.role: 组长")]


def test_map_of_a_key_the_file_lacks_is_an_error(tmp_path: Path) -> None:
    out = tmp_path / "x.orgdesk"
    result = run("import", FIXTURES / "d3_org_chart.json", "-o", out, "--map", "fullName=title")
    assert result.returncode != 0
    assert "has no key “fullName”; its keys are: id, parentId, name, positionName" \
        in result.stderr
    assert not out.exists()


def test_problems_are_listed_by_entry(tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps([
        {"id": "A", "pid": None, "title": "经理"}, {"id": "B", "pid": "A", "title": ""},
        {"id": "C", "pid": "A", "title": "主管"}, {"id": "C", "pid": "B", "title": "组长"},
    ], ensure_ascii=False), "utf-8")
    out = tmp_path / "bad.orgdesk"
    result = run("import", source, "-o", out)
    assert result.returncode == 1
    assert ("  Entry 4: the id “C” in key “id” is already used by entry 3; give each position "
            "its own id, or map a key whose values all differ to the id (--map KEY=id)."
            in result.stderr.splitlines())
    assert any(line.startswith("  Entry 2: it has no title") for line in result.stderr.splitlines())
    assert not out.exists()


def test_map_on_our_own_json_is_refused_not_ignored(tmp_path: Path) -> None:
    own = tmp_path / "own.json"
    assert run("export", ROOT / "sample_orgs" / "bank_service_center.orgdesk", "-o",
               own).returncode == 0
    out = tmp_path / "own.orgdesk"
    result = run("import", own, "-o", out, "--map", "title=notes")
    assert result.returncode != 0
    assert ("“own.json” is orgdesk's own JSON, read exactly as it was exported; a column "
            "mapping (--map) applies to other programs' files only.") in result.stderr
    assert not out.exists()
