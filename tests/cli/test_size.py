"""`orgdesk size` end to end: figures, JSON, explanations, --apply -o OUT, and refusals."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesk.cli import main
from orgdesk.design.workload import workloads_of
from orgdesk.storage.reading import read_organisation

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_orgs" / "private_company_call_center.orgdesk"
AGENT = "呼叫中心座席员"  # position 4; 组长 (3) leads it, 质检员 (5) checks it
BASE = ["--calls", "200/h", "--aht", "240", "--sl", "80/20", "--shrinkage", "30",
        "--hours", "08:00-22:00"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgdesk", *args], capture_output=True,
                          text=True, cwd=ROOT, env=os.environ.copy(), timeout=120, check=False)


def test_size_prints_the_seats_and_the_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["size", str(SAMPLE), "--position", AGENT, *BASE, "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    # 100 calls per 30 min × 240 s = 13.33 Erlangs → 17 agents for 80/20; 17 × 14 h × 7 days
    # = 1,666 agent-hours ÷ 0.7 ÷ 40 = 59.5 FTE → 60 seats.
    assert "60 seats planned (59.50 FTE)" in printed
    assert "13.33 Erlangs" in printed and "17 agents" in printed


def test_size_json_and_the_documents_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["size", str(SAMPLE), "--position", "4", *BASE, "--json",
                 "--patience", "120"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["position"] == 4 and data["headcount"] == 60
    assert data["fte"] == pytest.approx(59.5)
    assert len(data["intervals"]) == 28 and data["peak"]["agents"] == 17
    assert data["headcount_erlang_a"] <= 60
    assert "爱尔兰" in data["explanation"][0]  # a Chinese document explains in Chinese
    assert data["workload"]["hours"] == "08:00-22:00"
    assert data["applied"] is False and data["output"] is None


def test_forecast_file_and_the_interval_table(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    forecast = tmp_path / "f.csv"
    forecast.write_text("时段,话务量\n09:00,50\n09:15,80\n09:30,20\n", encoding="utf-8")
    assert main(["size", str(SAMPLE), "--position", "4", "--forecast", str(forecast),
                 "--aht", "180", "--hours", "09:00-10:00", "--intervals", "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "peak 09:15" in printed
    assert printed.count("%") >= 4 * 2  # four interval rows, each with SL and occupancy


def test_apply_writes_out_and_never_touches_file(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.orgdesk"
    source.write_bytes(SAMPLE.read_bytes())
    before = digest(source)
    out = tmp_path / "out.orgdesk"
    assert main(["size", str(source), "--position", AGENT, *BASE, "--apply",
                 "-o", str(out)]) == 0
    assert digest(source) == before
    org = read_organisation(out)
    assert org.position(4).planned_headcount == 60  # type: ignore[arg-type]
    assert workloads_of(org.settings)[4].aht == 240
    # The derived structure followed: 60 agents need several team leaders (12-14 each),
    # where the sample has one.
    leaders = sum(p.planned_headcount for p in org.positions() if "组长" in p.title)
    assert leaders >= 60 // 14
    capsys.readouterr()
    # The stored workload is sized again without repeating it; an option overrides it.
    assert main(["size", str(out), "--position", "4", "--shrinkage", "40", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["workload"]["aht"] == 240 and data["headcount"] == 70  # 1,666 ÷ 0.6 ÷ 40


@pytest.mark.parametrize(("extra", "words"), [
    (["--position", "座席"], "no position “座席”"),
    (["--position", "4", "--calls", "lots"], "not a number of calls"),
    (["--position", "4", "--calls", "10/h", "--aht", "180", "--sl", "80"], "service-level"),
    (["--position", "4", "--calls", "10/h", "--aht", "180", "--hours", "22:00-08:00"],
     "close after they open"),
    (["--position", "4", "--calls", "10/h"], "--aht"),
    (["--position", "4", "--aht", "180"], "--forecast, --calls or --daily"),
    (["--position", "4", "--calls", "10/h", "--aht", "180", "--apply"], "-o OUT"),
    (["--position", "4", "--calls", "10/h", "--aht", "180", "-o", "x.orgdesk"], "--apply"),
    (["--position", "4", "--forecast", "missing.csv", "--aht", "180"], "missing.csv"),
])
def test_refusals_are_one_sentence_and_exit_1(extra: list[str], words: str) -> None:
    result = run("size", str(SAMPLE), *extra)
    assert result.returncode == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_apply_refuses_an_existing_output(tmp_path: Path) -> None:
    out = tmp_path / "taken.orgdesk"
    out.write_bytes(b"precious")
    result = run("size", str(SAMPLE), "--position", "4", *BASE, "--apply", "-o", str(out))
    assert result.returncode == 1 and "already exists" in result.stderr
    assert out.read_bytes() == b"precious"


@pytest.mark.parametrize(("stored", "words"), [
    ({"4": {"aht": 1e308, "daily_volume": 1}}, "average handle time"),
    ({"4": {"aht": 180, "daily_volume": 1e12}}, "daily volume"),
    ({"4": {"aht": 180, "volumes": [[480, 1]] * 3}}, "twice"),
    ({"4": {"aht": 180, "daily_volume": 10, "hours": "25:00-26:00"}}, "time of day"),
])
def test_a_stored_workload_that_makes_no_sense_is_refused(tmp_path: Path, stored: object,
                                                          words: str) -> None:
    from orgdesk.storage.document import create_file

    org = read_organisation(SAMPLE)
    org.settings["workloads"] = stored
    damaged = tmp_path / "damaged.orgdesk"
    create_file(damaged, org)
    result = run("size", str(damaged), "--position", "4")
    assert result.returncode == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def test_a_workloads_setting_of_the_wrong_shape_is_refused_on_read(tmp_path: Path) -> None:
    import sqlite3

    damaged = tmp_path / "shape.orgdesk"
    damaged.write_bytes(SAMPLE.read_bytes())
    with sqlite3.connect(damaged) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert "meta" in tables
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES "
                     "('setting.workloads', '{\"x\": 1}')")
        conn.execute("DELETE FROM meta WHERE key = 'checksum'")  # an edit by hand, on purpose
    conn.close()
    # Refused when the file is read, by every command (not only when a workload is sized).
    for argv in (["size", str(damaged), "--position", "4", "--calls", "10/h", "--aht", "180"],
                 ["info", str(damaged)]):
        result = run(*argv)
        assert result.returncode == 1
        assert "“workloads”" in result.stderr and "Traceback" not in result.stderr


def test_asa_target_chat_and_email_from_the_line(capsys: pytest.CaptureFixture[str]) -> None:
    def sized(*extra: str) -> dict[str, object]:
        assert main(["size", str(SAMPLE), "--position", "4", "--calls", "200/h", "--aht",
                     "240", "--json", *extra]) == 0
        return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]

    asa = sized("--asa", "30")
    assert asa["workload"]["service_level"] is None  # type: ignore[index]
    assert asa["peak"]["asa"] <= 30  # type: ignore[index]
    voice = sized()
    chat = sized("--channel", "chat", "--concurrency", "3")
    assert chat["peak"]["agents"] < voice["peak"]["agents"]  # type: ignore[index]
    email = sized("--channel", "email", "--window", "120", "--occupancy", "85")
    # 200 an hour × 240 s = 13.33 agent-hours an hour; ⌈13.33 / 0.85⌉ = 16 once the window is full.
    assert email["peak"]["agents"] == 16 and email["peak"]["service_level"] is None  # type: ignore[index]


def test_a_forecast_without_hours_is_open_while_it_has_contacts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    forecast = tmp_path / "f.csv"
    forecast.write_text("start,calls\n06:00,0\n07:00,50\n07:30,40\n23:00,5\n",
                        encoding="utf-8")
    assert main(["size", str(SAMPLE), "--position", "4", "--forecast", str(forecast),
                 "--aht", "180", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["workload"]["hours"] == "07:00-23:30"
    assert len(data["intervals"]) == 33  # 07:00 to 23:30 in half hours
