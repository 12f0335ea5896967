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
    missing = run("info", str(sample), "--scenario", "方案Z", env=env)
    assert missing.returncode == 1
    assert missing.stderr.strip() == ("orgdesk: The document has no scenario named “方案Z”; "
                                      f"it has “{DEFAULT_NAME}”, “方案A”.")
    diff = run("diff", str(sample), str(sample), "--scenario", "方案A", "--json", env=env)
    assert diff.returncode == 0 and json.loads(diff.stdout)["identical"]
    pdf, xlsx = tmp_path / "cmp.pdf", tmp_path / "cmp.xlsx"
    compared = run("scenario", "compare", str(sample), DEFAULT_NAME, "方案A", "--json",
                   "-o", str(xlsx), env=env)
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
    assert rows[0][:4] == ("Department", f"Positions ({DEFAULT_NAME})", "Positions (方案A)",
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
