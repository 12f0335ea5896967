"""`orgdesk structure` end to end, in subprocesses, as a user runs it."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from orgdesk.core.settings import DESIGN_FIXED_SETTING
from orgdesk.storage.reading import read_organisation
from tests.cli.test_cli import ROOT, run

SAMPLE = ROOT / "sample_orgs" / "training_call_center_50.orgdesk"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_sample(tmp_path: Path) -> Path:
    source = tmp_path / "现状.orgdesk"
    shutil.copyfile(SAMPLE, source)
    return source


def test_the_plan_is_printed_in_both_languages_and_as_json(tmp_path: Path) -> None:
    source = copy_sample(tmp_path)
    english = run("structure", str(source))
    assert english.returncode == 0, english.stderr
    assert "40 agent seats ÷ 25–30 per QA inspector → 2 QA inspectors" in english.stdout
    assert "[adjust]" in english.stdout and "Totals:" in english.stdout
    chinese = run("structure", str(source), "--lang", "zh")
    assert "40 个座席 ÷ 每名质检员 25–30 个座席 → 2 名质检员" in chinese.stdout
    assert "[调整]" in chinese.stdout
    data = json.loads(run("structure", str(source), "--json").stdout)
    assert data["agents"] == 40 and data["applied"] is False and data["output"] is None
    assert data["totals"]["qa"] == {"before": 1, "after": 2}
    assert data["totals"]["trainer"] == {"before": 1, "after": 2}
    qa = next(line for line in data["lines"] if line["role"] == "qa")
    assert (qa["minimum"], qa["maximum"], qa["action"]) == (2, 2, "adjust")
    assert qa["edits"] == [{"edit": "set_seats", "position_id": 14, "before": 1, "after": 2}]


def test_apply_writes_out_and_never_touches_file(tmp_path: Path) -> None:
    source = copy_sample(tmp_path)
    before = digest(source)
    result = run("structure", str(source), "--apply", "-o", str(tmp_path / "方案A"))
    assert result.returncode == 0, result.stderr
    assert digest(source) == before
    written = read_organisation(tmp_path / "方案A.orgdesk")
    assert written.position(14).planned_headcount == 2  # 质检专员
    assert written.position(12).planned_headcount == 2  # 培训师
    again = json.loads(run("structure", str(tmp_path / "方案A.orgdesk"), "--json").stdout)
    assert not [line for line in again["lines"] if line["edits"]]


def test_fix_and_unfix_are_written_to_out_and_honoured(tmp_path: Path) -> None:
    source = copy_sample(tmp_path)
    out = tmp_path / "fixed.orgdesk"
    result = run("structure", str(source), "--apply", "-o", str(out), "--fix", "14", "培训师")
    assert result.returncode == 0, result.stderr
    written = read_organisation(out)
    assert written.settings[DESIGN_FIXED_SETTING] == [12, 14]
    assert written.position(14).planned_headcount == 1  # fixed: untouched …
    assert written.position(12).planned_headcount == 1
    assert len(written) == len(read_organisation(source)) + 2  # … one of each added beside
    unfixed = tmp_path / "unfixed.orgdesk"
    result = run("structure", str(out), "--unfix", "14", "12", "-o", str(unfixed))
    assert result.returncode == 0, result.stderr
    assert DESIGN_FIXED_SETTING not in read_organisation(unfixed).settings


def test_mistakes_are_refused_with_one_sentence(tmp_path: Path) -> None:
    source = copy_sample(tmp_path)
    before = digest(source)
    cases = [
        (("--apply",), "-o OUT"),
        (("--fix", "14"), "-o OUT"),
        (("-o", str(tmp_path / "x.orgdesk")), "--apply"),
        (("--apply", "-o", str(source)), "already exists"),
        (("--fix", "项目组长", "-o", str(tmp_path / "y")), "ids 4, 6, 8, 10"),
        (("--fix", "999", "-o", str(tmp_path / "z")), "no position with the title or id"),
    ]
    for extra, expected in cases:
        result = run("structure", str(source), *extra)
        assert result.returncode == 1, (extra, result.stdout)
        assert expected in result.stderr, (extra, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert digest(source) == before
    assert not (tmp_path / "y.orgdesk").exists() and not (tmp_path / "z.orgdesk").exists()
