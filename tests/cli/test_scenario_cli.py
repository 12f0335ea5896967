"""`orgdesk scenario list|create|rename|delete|compare` and `--scenario NAME`, end to end."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from orgdesk.paths import sample_orgs_dir
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.scenario_table import DEFAULT_NAME
from tests.cli.test_cli import run


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    target = tmp_path / "客户 方案.orgdesk"
    shutil.copyfile(sample_orgs_dir() / "software_ops_department.orgdesk", target)
    return target


def _env(tmp_path: Path) -> dict[str, str]:
    import os

    return {**os.environ, "ORGDESK_STATE_DIR": str(tmp_path / "state")}


def test_create_rename_list_delete(sample: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    listed = run("scenario", "list", str(sample), env=env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split("\n")[0] == f"* {DEFAULT_NAME}"
    created = run("scenario", "create", str(sample), "方案A", env=env)
    assert created.returncode == 0, created.stderr
    assert run("scenario", "rename", str(sample), "方案A", "方案 B", env=env).returncode == 0
    data = json.loads(run("scenario", "list", str(sample), "--json", env=env).stdout)
    assert data == [{"name": DEFAULT_NAME, "open": True, "order": 0},
                    {"name": "方案 B", "open": False, "order": 1}]
    # A copy of another scenario than the open one: placed after it, the open one unchanged.
    assert run("scenario", "create", str(sample), "方案C", "--from", "方案 B",
               env=env).returncode == 0
    data = json.loads(run("scenario", "list", str(sample), "--json", env=env).stdout)
    assert [(s["name"], s["open"]) for s in data] == [(DEFAULT_NAME, True), ("方案 B", False),
                                                       ("方案C", False)]
    assert run("scenario", "delete", str(sample), "方案C", env=env).returncode == 0
    refused = run("scenario", "create", str(sample), "方案 b", env=env)
    assert refused.returncode == 1
    assert refused.stderr.strip() == "orgdesk: There is already a scenario named “方案 b”."
    assert run("scenario", "delete", str(sample), "方案 B", env=env).returncode == 0
    last = run("scenario", "delete", str(sample), DEFAULT_NAME, env=env)
    assert last.returncode == 1 and "only scenario" in last.stderr
    unknown = run("scenario", "delete", str(sample), "方案Z", env=env)
    assert unknown.returncode == 1 and "no scenario named “方案Z”" in unknown.stderr


def test_scenario_option_on_the_read_commands_and_compare(sample: Path, tmp_path: Path
                                                           ) -> None:
    env = _env(tmp_path)
    assert run("scenario", "create", str(sample), "方案A", env=env).returncode == 0
    # Design 方案A: 14 more agent seats (opened, switched, edited and saved as the editor would).
    with DocumentFile.open(sample) as file:
        from orgdesk.core.model import PositionId
        from orgdesk.services.scenarios import ScenarioService

        service = DocumentService(file)
        scenarios = ScenarioService(service)
        scenarios.switch(scenarios.find("方案A").id)
        agents = service.org.position(PositionId(4))
        service.edit_position(PositionId(4), planned_headcount=agents.planned_headcount + 14)
        scenarios.switch(scenarios.find(DEFAULT_NAME).id)
        file.save()
    base = json.loads(run("info", str(sample), "--json", env=env).stdout)
    other = json.loads(run("info", str(sample), "--json", "--scenario", "方案A", env=env).stdout)
    assert other["headcount_planned"] == base["headcount_planned"] + 14
    # The default scenario answers to how it reads in English too (its stored name is 现状).
    shown = json.loads(run("info", str(sample), "--json", "--scenario", "Current state",
                           env=env).stdout)
    assert shown["headcount_planned"] == base["headcount_planned"]
    missing = run("info", str(sample), "--scenario", "方案Z", env=env)
    assert missing.returncode == 1
    assert missing.stderr.strip() == ("orgdesk: The document has no scenario named “方案Z”; "
                                      f"it has “{DEFAULT_NAME}”, “方案A”.")
    diff = run("diff", str(sample), str(sample), "--scenario", "方案A", "--json", env=env)
    assert diff.returncode == 0 and json.loads(diff.stdout)["identical"]
    pdf, xlsx = tmp_path / "cmp.pdf", tmp_path / "cmp.xlsx"
    compared = run("scenario", "compare", str(sample), DEFAULT_NAME, "方案A", "--json",
                   "-o", str(xlsx), "--lang", "en", env=env)
    assert compared.returncode == 0, compared.stderr
    data = json.loads(compared.stdout)
    total = data["impact"][-1]
    assert total["department"] is None
    assert total["delta"]["seats"] == 14 and total["delta"]["positions"] == 0
    assert total["delta"]["vacancies"] == 14  # the new seats are not filled yet
    assert [c["kind"] for c in data["changes"]["changes"]] == ["changed"]
    from openpyxl import load_workbook

    book = load_workbook(xlsx, read_only=True)
    rows = list(book["Impact"].iter_rows(values_only=True))
    book.close()
    # An English deliverable names the default scenario in English (the JSON keeps 现状).
    assert data["a"] == DEFAULT_NAME
    assert rows[0][:4] == ("Department", "Positions (Current state)", "Positions (方案A)",
                           "Positions (Δ)")
    assert rows[-1][0] == "Total" and rows[-1][4:7] == (base["headcount_planned"],
                                                        base["headcount_planned"] + 14, 14)
    text = run("scenario", "compare", str(sample), DEFAULT_NAME, "方案A", "-o", str(pdf),
               env=env)
    assert text.returncode == 0, text.stderr
    assert f"{DEFAULT_NAME} → 方案A" in text.stdout
    assert pdf.read_bytes().startswith(b"%PDF")
    # The file itself still has 现状 open and both scenarios.
    assert len(read_organisation(sample)) == base["positions"]


def _grown(sample: Path, env: dict[str, str]) -> None:
    """方案A beside 现状 with 60 new positions (more changes than a page holds), one renamed,
    one moved and made a line position, one removed and one with more seats."""
    from orgdesk.core.model import PositionId, PositionKind
    from orgdesk.services.scenarios import ScenarioService

    assert run("scenario", "create", str(sample), "方案A", env=env).returncode == 0
    with DocumentFile.open(sample) as file:
        service = DocumentService(file)
        scenarios = ScenarioService(service)
        scenarios.switch(scenarios.find("方案A").id)
        for n in range(60):
            service.new_position(f"新增座席{n:02d}", PositionId(4))
        service.edit_position(PositionId(2), title="项目主管")
        service.move_position(PositionId(5), PositionId(3))
        service.edit_position(PositionId(5), kind=PositionKind.LINE)
        service.remove_branch(PositionId(6))
        service.edit_position(PositionId(4), planned_headcount=28)
        scenarios.switch(scenarios.find(DEFAULT_NAME).id)
        file.save()


def _pdf_text(pdf: Path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def _workbook(xlsx: Path) -> tuple[list[str], list[tuple[object, ...]], list[tuple[object, ...]]]:
    from openpyxl import load_workbook

    book = load_workbook(xlsx, read_only=True)
    try:
        impact, changes = (list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets)
        return list(book.sheetnames), impact, changes
    finally:
        book.close()


def test_the_comparison_is_written_in_the_documents_language_or_the_one_asked_for(
        sample: Path, tmp_path: Path) -> None:
    """`scenario compare --lang zh|en`, by default the document's (Chinese titles: Chinese),
    as `handbook` and `report --cost` choose: every heading, unit, change kind and detail of
    the PDF and the workbook in that language, the default scenario's name too, and every
    one of the 60 changes listed (the PDF's list runs onto a second page)."""
    import re

    env = _env(tmp_path)
    _grown(sample, env)
    for lang in (None, "zh", "en"):
        for suffix in (".pdf", ".xlsx"):
            target = tmp_path / f"cmp-{lang}{suffix}"
            written = run("scenario", "compare", str(sample), DEFAULT_NAME, "方案A", "-o",
                          str(target), *(("--lang", lang) if lang else ()), env=env)
            assert written.returncode == 0, written.stderr
    chinese, english = _pdf_text(tmp_path / "cmp-zh.pdf"), _pdf_text(tmp_path / "cmp-en.pdf")
    assert _pdf_text(tmp_path / "cmp-None.pdf") == chinese
    for text in (chinese, english):
        assert text.count("\f") >= 4  # the changes ran onto a second page, then two charts
        assert all(f"新增座席{n:02d}" in text for n in range(60))
    assert "现状 → 方案A" in chinese and "Current state" not in chinese
    for word in ("部门", "职位数", "定员", "空缺人数", "合计", "变动的职位：新增 60，删除 1，",
                 "在“客户服务专员”下新增“新增座席00”。", "将“项目经理”改名为“项目主管”。",
                 "将“质检专员”从“运营经理”移到“项目督导”下。", "岗位类型（直线/参谋） 参谋 → 直线",
                 "从“运营经理”下删除了“培训专员”。", "修改了定员 14 → 28", "19 → 92（+73）"):
        assert word in chinese, word
    # Not one English word orgdesk adds: only the document's own text (方案A) has Latin letters.
    assert re.findall(r"[A-Za-z]+", chinese.replace("方案A", "")) == []
    assert "Current state → 方案A" in english and DEFAULT_NAME not in english
    for word in ("Department", "Positions", "Vacancies", "Total",
                 "Changed positions: Added 60, Removed 1, Moved 1, Renamed 1, Changed 2",
                 "Changed planned headcount 14 → 28.",
                 "Added “新增座席00” under “客户服务专员”.", "Renamed “项目经理” to “项目主管”.",
                 "Removed “培训专员” from under “运营经理”.", "line/staff kind staff → line"):
        assert word in english.replace("ﬀ", "ff"), word
    assert not re.search(r"部门|合计|变动的职位|删除了|改名为|岗位类型", english)

    sheets, impact, changes = _workbook(tmp_path / "cmp-zh.xlsx")
    assert _workbook(tmp_path / "cmp-None.xlsx") == (sheets, impact, changes)
    assert sheets == ["影响对比", "变动的职位"]
    assert impact[0][:4] == ("部门", "职位数（现状）", "职位数（方案A）", "职位数（增减）")
    assert impact[-1][0] == "合计" and impact[-1][4:7] == (19, 92, 73)
    assert changes[0] == ("变化", "职位", "详情", "现状 中的编号", "方案A 中的编号")
    assert len(changes) == 1 + 60 + 5
    assert {row[0] for row in changes[1:]} == {"新增", "删除", "移动", "重命名", "修改"}
    assert all(not re.search(r"[A-Za-z]", str(row[2]).replace("方案A", ""))
               for row in changes[1:])
    sheets, impact, changes = _workbook(tmp_path / "cmp-en.xlsx")
    assert sheets == ["Impact", "Changed positions"]
    assert impact[0][:4] == ("Department", "Positions (Current state)", "Positions (方案A)",
                             "Positions (Δ)")
    assert impact[-1][0] == "Total" and impact[-1][4:7] == (19, 92, 73)
    assert changes[0] == ("Change", "Position", "Details", "Id in Current state", "Id in 方案A")
    assert {row[0] for row in changes[1:]} == {"Added", "Removed", "Moved", "Renamed", "Changed"}
    assert "Added “新增座席00” under “客户服务专员”." in {row[2] for row in changes}


def test_the_comparisons_monthly_cost_carries_its_currency(sample: Path, tmp_path: Path
                                                            ) -> None:
    from orgdesk.core.model import PositionId

    env = _env(tmp_path)
    assert run("scenario", "create", str(sample), "方案A", env=env).returncode == 0
    with DocumentFile.open(sample) as file:
        DocumentService(file).edit_position(PositionId(4), pay_min=5000, pay_max=7000)
        file.save()
    for lang in ("zh", "en"):
        target = tmp_path / f"cost-{lang}.xlsx"
        assert run("scenario", "compare", str(sample), DEFAULT_NAME, "方案A", "-o", str(target),
                   "--lang", lang, env=env).returncode == 0
        assert run("scenario", "compare", str(sample), DEFAULT_NAME, "方案A", "-o",
                   str(target.with_suffix(".pdf")), "--lang", lang, env=env).returncode == 0
    assert _workbook(tmp_path / "cost-zh.xlsx")[1][0][-3:] == (
        "月度人工成本（现状，元）", "月度人工成本（方案A，元）", "月度人工成本（增减，元）")
    assert _workbook(tmp_path / "cost-en.xlsx")[1][0][-3:] == (
        "Monthly cost (Current state, CNY)", "Monthly cost (方案A, CNY)", "Monthly cost (Δ, CNY)")
    assert "月度人工成本（元）" in _pdf_text(tmp_path / "cost-zh.pdf")
    assert "Monthly cost (CNY)" in _pdf_text(tmp_path / "cost-en.pdf")


def test_check_reads_every_scenario(sample: Path, tmp_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    env = _env(tmp_path)
    assert run("scenario", "create", str(sample), "方案A", env=env).returncode == 0
    assert run("check", str(sample), env=env).returncode == 0
    with closing(sqlite3.connect(sample)) as conn:  # damaged, checksum removed on purpose
        conn.execute("UPDATE scenarios SET snapshot = '{\"format\": 4}' "
                     "WHERE snapshot IS NOT NULL")
        conn.execute("DELETE FROM meta WHERE key = 'checksum'")
        conn.commit()
    checked = run("check", str(sample), env=env)
    assert checked.returncode == 1
    assert "The scenario “方案A” cannot be read." in checked.stderr
    assert run("info", str(sample), env=env).returncode == 0  # the open one still reads


def test_a_scenario_named_on_one_command_is_not_kept_for_the_next(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Commands run one after another in one process (the stress run's workers, a
    script importing orgdesk.cli): `--scenario` holds for its own command only, whether
    that command succeeded or failed."""
    from orgdesk.cli import main

    assert main(["scenario", "create", str(sample), "方案A"]) == 0
    other = tmp_path / "other.orgdesk"
    shutil.copyfile(sample_orgs_dir() / "call_center_chart.orgdesk", other)
    assert main(["info", str(sample), "--scenario", "方案A"]) == 0
    assert main(["info", str(other), "--scenario", "方案Z"]) == 1  # no such scenario there
    capsys.readouterr()
    assert main(["info", str(other), "--json"]) == 0  # read as it is open, no scenario named
    assert json.loads(capsys.readouterr().out)["positions"] == len(read_organisation(other))
    assert len(read_organisation(other)) > 0
