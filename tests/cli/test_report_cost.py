"""`orgdesk report --cost [--json] [--lang]` end to end, figures checked by hand."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesk.core.organisation import Organisation
from orgdesk.storage.document import create_file
from tests.analysis.test_cost import priced

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_orgs"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgdesk", *args], capture_output=True,
                          text=True, cwd=ROOT, env=os.environ.copy(), timeout=120, check=False)


@pytest.fixture
def priced_file(tmp_path: Path) -> Path:
    org = priced()
    org.info = type(org.info)(title="客服中心 cost")
    path = tmp_path / "priced.orgdesk"
    create_file(path, org)
    return path


def test_cost_json(priced_file: Path) -> None:
    result = run("report", str(priced_file), "--cost", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["title"], data["currency"], data["months_per_year"]) == ("客服中心 cost", "CNY", 12)
    # see tests/analysis/test_cost.py: priced()
    total = data["total"]
    assert (total["monthly_planned"], total["monthly_filled"], total["monthly_vacant"]) == (
        149172.0, 143472.0, 13500.0)
    assert (total["annual_planned"], total["annual_filled"], total["annual_vacant"]) == (
        1790063.94, 1721663.94, 162000.0)
    assert (total["positions_lacking_pay"], total["planned_seats_lacking_pay"]) == (1, 1)
    ops = data["departments"][0]
    assert (ops["department"], ops["monthly_planned"], ops["annual_vacant"]) == (
        "运营部", 128250.0, 162000.0)
    agents = data["positions"][1]
    assert (agents["title"], agents["pay_min"], agents["pay_max"], agents["on_cost_percent"],
            agents["monthly_seat_cost"], agents["monthly_vacant"]) == (
        "座席员", 5000, 5000, 35, 6750.0, 13500.0)
    assert "violations" not in data  # the cost report alone


def test_cost_text_in_english(priced_file: Path) -> None:
    result = run("report", str(priced_file), "--cost", "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "客服中心 cost: labour cost in CNY (a year is 12 months)"
    assert lines[1] == ("  a month: planned seats 149,172.00, filled seats 143,472.00, "
                        "vacancies 13,500.00")
    assert lines[2] == ("  a year:  planned seats 1,790,063.94, filled seats 1,721,663.94, "
                        "vacancies 162,000.00")
    assert lines[3] == ("  1 position(s) with seats have no pay (1 planned seats): their cost "
                        "is not in these figures.")
    total = next(line for line in lines if line.lstrip().startswith("total"))
    assert total.split() == ["total", "6", "19", "17", "3", "149,172.00", "143,472.00",
                             "13,500.00", "1,790,063.94", "1,721,663.94", "162,000.00", "1"]
    agents = next(line for line in lines if "座席员" in line)
    assert agents.split() == ["座席员", "14", "12", "2", "5,000", "35", "6,750.00", "94,500.00",
                              "1,134,000.00", "972,000.00", "162,000.00"]
    manager = next(line for line in lines if "经理" in line and "座席员" not in line)
    assert "20,000-30,000" in manager
    assert "(no department)" in result.stdout


def test_cost_text_in_chinese_by_default_for_a_chinese_document(priced_file: Path) -> None:
    result = run("report", str(priced_file), "--cost")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "客服中心 cost：人工成本（CNY，一年按 12 个月计）"
    assert lines[1] == "  每月：定员 149,172.00，在岗 143,472.00，空缺 13,500.00"
    assert "1 个有席位的职位未填月薪（定员 1 席）" in lines[3]
    assert any(line.split()[:2] == ["合计", "6"] for line in lines)
    assert "（无部门）" in result.stdout


def test_cost_of_a_sample_without_pay_says_so(tmp_path: Path) -> None:
    result = run("report", str(SAMPLES / "training_call_center_50.orgdesk"), "--cost",
                 "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "No position has pay yet" in result.stdout
    assert "  a month: planned seats 0.00" in result.stdout


def test_cost_in_another_currency(tmp_path: Path) -> None:
    org = priced()
    org.settings["currency"] = "USD"
    path = tmp_path / "usd.orgdesk"
    create_file(path, org)
    assert json.loads(run("report", str(path), "--cost", "--json").stdout)["currency"] == "USD"
    assert "labour cost in USD" in run("report", str(path), "--cost", "--lang", "en").stdout


def test_cost_escapes_control_characters_in_titles(tmp_path: Path) -> None:
    org = priced()
    org.update_position(org.position(next(iter(org.positions())).id).evolve(
        title="经理\x1b]0;pwned\x07"))
    path = tmp_path / "hostile.orgdesk"
    create_file(path, org)
    result = run("report", str(path), "--cost")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\\x1b]0;pwned" in result.stdout


def test_empty_organisation(tmp_path: Path) -> None:
    path = tmp_path / "empty.orgdesk"
    create_file(path, Organisation())
    result = run("report", str(path), "--cost", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"]["positions"] == 0
