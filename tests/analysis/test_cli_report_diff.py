"""`orgdesk report` and `orgdesk diff` end to end, and the analysis package without Qt."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesk.core.model import Position
from orgdesk.storage.document import create_file
from orgdesk.storage.reading import read_organisation
from tests.test_architecture import QT, assert_ok, run_blocked

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_orgs"
ANALYSIS_MODULES = ["orgdesk.analysis"] + sorted(
    f"orgdesk.analysis.{p.stem}" for p in (ROOT / "orgdesk" / "analysis").glob("*.py")
    if p.stem != "__init__")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgdesk", *args], capture_output=True,
                          text=True, cwd=ROOT, env=os.environ.copy(), timeout=120, check=False)


def test_report_json_figures() -> None:
    result = run("report", str(SAMPLES / "training_call_center_50.orgdesk"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # training_call_center_50.toml: 14 positions, 50 seats; 1 QA and 1 trainer for 40 agents
    assert (data["totals"]["positions"], data["totals"]["planned"]) == (14, 50)
    assert [v["rule"] for v in data["violations"]] == ["qa", "trainer"]
    assert data["span_rules"]["team_leader"]["min_agents"] == 8
    assert [d["planned"] for d in data["departments"]] == [11, 11, 11, 11, 6]


def test_report_text_is_aligned_and_lists_violations() -> None:
    result = run("report", str(SAMPLES / "training_call_center_50.orgdesk"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "14 positions, 50 planned seats" in out
    assert "2 span-of-control violation(s)" in out
    assert "one per 25-30 agents means 2" in out
    assert "项目组1" in out and "Levels:" in out


def test_report_with_a_rules_file(tmp_path: Path) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"qa": {"enabled": False}, "trainer": {"enabled": False},
                                 "team_leader": {"min_agents": 12, "max_agents": 14}}), "utf-8")
    result = run("report", str(SAMPLES / "training_call_center_50.orgdesk"), "--json",
                 "--rules", str(rules))
    assert result.returncode == 0, result.stderr
    # now each of the four 项目组长 with 10 agents breaks 12-14, and nothing else is checked
    violations = json.loads(result.stdout)["violations"]
    assert [(v["rule"], v["actual"]) for v in violations] == [("team_leader", 10)] * 4


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "rules.json: The span-of-control rules are not valid JSON."),
    ('{"qa": {"min_agents": 40}}', "rules.json: The QA inspector rule's range 40-30"),
])
def test_report_bad_rules_file_is_one_sentence(tmp_path: Path, content: str, message: str) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text(content, "utf-8")
    result = run("report", str(SAMPLES / "software_ops_department.orgdesk"), "--rules", str(rules))
    assert result.returncode == 1
    assert result.stderr.startswith(f"orgdesk: {message}")
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_report_on_a_file_that_is_not_a_document(tmp_path: Path) -> None:
    fake = tmp_path / "chart.orgdesk"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    result = run("report", str(fake))
    assert result.returncode == 1 and result.stderr.startswith("orgdesk: ")
    assert "Traceback" not in result.stderr


def test_diff_identical_and_changed(tmp_path: Path) -> None:
    sample = SAMPLES / "software_ops_department.orgdesk"
    same = run("diff", str(sample), str(sample))
    assert same.returncode == 0 and same.stdout.startswith("No differences")
    org = read_organisation(sample)
    manager = next(p for p in org.positions() if p.title == "运营经理")
    org.add_position(Position(org.next_position_id(), "排班专员", manager.id,
                              department_id=manager.department_id, planned_headcount=2))
    new = tmp_path / "v2.orgdesk"
    create_file(new, org)
    result = run("diff", str(sample), str(new))
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout and "排班专员" in result.stdout
    assert "planned seats 19 → 21 (+2)" in result.stdout
    data = json.loads(run("diff", str(sample), str(new), "--json").stdout)
    assert data["summary"]["added"] == 1
    assert data["departments"][0]["planned_delta"] == 2


def test_diff_missing_file_is_one_sentence(tmp_path: Path) -> None:
    result = run("diff", str(SAMPLES / "software_ops_department.orgdesk"),
                 str(tmp_path / "missing.orgdesk"))
    assert result.returncode == 1 and result.stderr.startswith("orgdesk: ")


def test_analysis_imports_with_pyside6_blocked(tmp_path: Path) -> None:
    body = "import importlib\n" + "".join(
        f"importlib.import_module({name!r})\n" for name in ANALYSIS_MODULES)
    body += """
from orgdesk.analysis.headcount import analyse_headcount
from orgdesk.analysis.bar_chart import headcount_series
from orgdesk.analysis.span_check import check_span
from orgdesk.analysis.span_rules import SpanRules
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
org = Organisation(positions=[Position(PositionId(1), "组长"),
                              Position(PositionId(2), "座席员", PositionId(1), planned_headcount=3)])
assert headcount_series(analyse_headcount(org))[1].bars[1].planned == 3
assert [v.rule.value for v in check_span(org, SpanRules())] == ["team_leader", "qa", "trainer"]
print("analysis ok")
"""
    result = run_blocked(QT, body, tmp_path)
    assert_ok(result)
    assert "analysis ok" in result.stdout
    assert "orgdesk.analysis.bar_chart" in ANALYSIS_MODULES


def test_report_and_diff_run_with_qt_blocked(tmp_path: Path) -> None:
    sample = str(SAMPLES / "training_call_center_50.orgdesk")
    body = f"""
from orgdesk.cli import main
assert main(["report", {sample!r}, "--json"]) == 0
assert main(["diff", {sample!r}, {sample!r}]) == 0
print("cli ok")
"""
    result = run_blocked(QT, body, tmp_path)
    assert_ok(result)
    assert "cli ok" in result.stdout
