"""Pay columns as clients write them (issue 14, cost): ranges, separators, units, percents."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from orgdesk.core.organisation import Organisation
from orgdesk.io.interchange import export_to, read_source
from orgdesk.io.pay_cells import parse_money, parse_pay_range, parse_percent
from tests.analysis.test_cost import priced


@pytest.mark.parametrize("cell, amount", [
    ("4500", 4500), (4500, 4500), (4500.0, 4500), (4500.5, 4501), ("12,000", 12_000),
    ("12 000", 12_000), ("¥4,500元", 4500), ("￥4500", 4500), ("RMB 4500", 4500),
    ("4500元/月", 4500), ("1.2万", 12_000), ("8k", 8000), ("8K", 8000), ("8千", 8000),
    ("５０００", 5000), ("5000左右", 5000), ("0", 0),
])
def test_amounts(cell: object, amount: int) -> None:
    assert parse_money(cell) == amount


@pytest.mark.parametrize("cell, pay", [
    ("4500-6000", (4500, 6000)), ("4,500~6,000元/月", (4500, 6000)), ("4500 - 6000", (4500, 6000)),
    ("4500\uff5e6000", (4500, 6000)), ("4500—6000", (4500, 6000)), ("8k–12k", (8000, 12_000)),
    ("8-12k", (8000, 12_000)), ("1.2万至1.5万", (12_000, 15_000)), ("1.2-1.5万", (12_000, 15_000)),
    ("5000", (5000, 5000)), (6000, (6000, 6000)), ("4000到6000元", (4000, 6000)),
])
def test_ranges(cell: object, pay: tuple[int, int]) -> None:
    assert parse_pay_range(cell) == pay


@pytest.mark.parametrize("cell, percent", [
    ("35%", 35), ("35 %", 35), (35, 35), ("35", 35), (0.35, 35), (0.375, 38), ("37.5%", 38),
    ("0", 0), ("\uff13\uff15\uff05", 35),
])
def test_percents(cell: object, percent: int) -> None:
    assert parse_percent(cell) == percent


@pytest.mark.parametrize("parse, cell, words", [
    (parse_money, "abc", "not an amount of pay"), (parse_money, "-5", "not an amount of pay"),
    (parse_money, True, "not an amount of pay"), (parse_money, 100_000_001, "outside 0-100,000,000"),
    (parse_money, float("nan"), "outside"), (parse_money, "1e9", "not an amount of pay"),
    (parse_pay_range, "4500-abc", "not a pay range"), (parse_percent, "a lot", "not a percentage"),
    (parse_percent, 201, "outside 0-200"), (parse_percent, "-3%", "not a percentage"),
])
def test_what_is_not_pay(parse: object, cell: object, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse(cell)  # type: ignore[operator]  # one of the three parsers


def _pay(org: Organisation) -> dict[str, tuple[int, int, int]]:
    return {p.title: (p.pay_min, p.pay_max, p.on_cost_percent) for p in org.positions()}


def test_a_client_csv_with_pay_columns(tmp_path: Path) -> None:
    path = tmp_path / "client.csv"
    path.write_text("职位,直接上级,定员,月薪下限,月薪上限,社保公积金比例\n"
                    '客服经理,,1,"12,000",15000,35%\n'
                    "座席员,客服经理,14,4500元,6000,35\n"
                    "质检员,客服经理,2,6000,,30\n"
                    "培训师,客服经理,1,,,\n", "utf-8")
    result = read_source(path)
    assert [str(p) for p in result.problems] == []
    assert _pay(result.require()) == {"客服经理": (12_000, 15_000, 35), "座席员": (4500, 6000, 35),
                                      "质检员": (6000, 0, 30), "培训师": (0, 0, 0)}


def test_one_pay_column_fills_both_ends(tmp_path: Path) -> None:
    path = tmp_path / "one column.csv"
    path.write_text("Title,Reports To,Headcount,Monthly salary,On-cost\n"
                    "Manager,,1,12000-15000,35\n"
                    "Agent,Manager,14,5000,0.35\n", "utf-8")
    result = read_source(path)
    assert [str(p) for p in result.problems] == []
    # 0.35 in a text file is a number below one: read as 35 % like a percent-formatted cell
    assert _pay(result.require()) == {"Manager": (12_000, 15_000, 35), "Agent": (5000, 5000, 0)}


def test_an_excel_sheet_with_numbers_and_percent_cells(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["职位", "上级", "月薪", "社保比例"])
    sheet.append(["经理", None, "1.2万-1.5万", 0.35])
    sheet.append(["座席员", "经理", 5500, 0.3])
    sheet["D2"].number_format = "0%"
    path = tmp_path / "client.xlsx"
    book.save(path)
    result = read_source(path)
    assert [str(p) for p in result.problems] == []
    assert _pay(result.require()) == {"经理": (12_000, 15_000, 35), "座席员": (5500, 5500, 30)}


def test_unreadable_pay_is_a_problem_naming_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("职位,直接上级,月薪,社保公积金比例\n经理,,面议,35\n组长,经理,5000,很多\n",
                    "utf-8")
    problems = [str(p) for p in read_source(path).problems]
    assert any("Line 2" in p and "“面议” is not an amount of pay" in p for p in problems), problems
    assert any("Line 3" in p and "“很多” is not a percentage" in p for p in problems), problems


def test_a_range_that_starts_after_it_ends_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "reversed.csv"
    path.write_text("职位,直接上级,月薪\n经理,,5000\n座席员,经理,9000-5000\n", "utf-8")
    assert [str(p) for p in read_source(path).problems] == [
        "Line 3: The monthly pay range 9000-5000 of “座席员” starts after it ends."]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_own_exports_carry_pay_and_currency_back(tmp_path: Path, suffix: str) -> None:
    org = priced()
    org.settings["currency"] = "HKD"
    path = tmp_path / f"priced{suffix}"
    export_to(org, path)
    back = read_source(path).require()
    assert _pay(back) == _pay(org)
    assert back.settings.get("currency") == "HKD"


def test_a_bare_salary_column_is_not_read_as_monthly_pay(tmp_path: Path) -> None:
    """HR systems outside China give “Salary” by the year: it stays in the notes."""
    path = tmp_path / "hr.csv"
    path.write_text("Title,Reports To,Salary\nManager,,85000\n", "utf-8")
    (manager,) = read_source(path).require().positions()
    assert (manager.pay_min, manager.pay_max) == (0, 0) and "85000" in manager.notes
