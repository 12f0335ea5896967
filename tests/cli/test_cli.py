"""The command line end to end, in subprocesses, as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesk.samples import samples

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgdesk", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env or os.environ.copy(), timeout=120, check=False)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("orgdesk ")


def test_templates_lists_every_sample() -> None:
    result = run("templates")
    assert result.returncode == 0
    for sample in samples():
        assert sample.slug in result.stdout
        assert sample.title in result.stdout


def test_new_from_template_then_info_and_check(tmp_path: Path) -> None:
    out = tmp_path / "客户A 方案"
    result = run("new", str(out), "--template", "software_ops_department", "--title", "客户A")
    assert result.returncode == 0, result.stderr
    created = tmp_path / "客户A 方案.orgdesk"
    assert created.is_file()
    info = json.loads(run("info", str(created), "--json").stdout)
    assert info["title"] == "客户A"
    assert info["positions"] == 6
    assert info["headcount_planned"] == 19
    check = run("check", str(created))
    assert check.returncode == 0, check.stderr
    assert "OK" in check.stdout


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "x.orgdesk"
    target.write_bytes(b"precious")
    result = run("new", str(target))
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert target.read_bytes() == b"precious"


def test_new_unknown_template(tmp_path: Path) -> None:
    result = run("new", str(tmp_path / "x.orgdesk"), "--template", "nope")
    assert result.returncode == 1
    assert "no sample organisation called" in result.stderr
    assert not (tmp_path / "x.orgdesk").exists()


@pytest.mark.parametrize("make_bad", ["missing", "directory", "png", "empty", "foreign"])
def test_bad_input_is_one_sentence_on_stderr(tmp_path: Path, make_bad: str) -> None:
    path = tmp_path / "bad.orgdesk"
    if make_bad == "directory":
        path.mkdir()
    elif make_bad == "png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    elif make_bad == "empty":
        path.write_bytes(b"")
    elif make_bad == "foreign":
        import sqlite3

        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE songs (title TEXT)")
        conn.commit()
        conn.close()
    before = path.read_bytes() if path.is_file() else None
    for command in ("info", "check"):
        result = run(command, str(path))
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("orgdesk: “bad.orgdesk”")
        assert "Traceback" not in result.stderr + result.stdout
    if make_bad == "missing":
        assert not path.exists()
    elif before is not None:
        assert path.read_bytes() == before


def test_check_reports_a_damaged_order(tmp_path: Path) -> None:
    import shutil
    import sqlite3

    path = tmp_path / "damaged.orgdesk"
    shutil.copy(ROOT / "sample_orgs" / "software_ops_department.orgdesk", path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM meta WHERE key = 'checksum'")  # as another program's edit
    conn.execute("UPDATE positions SET sort_order = 7 WHERE superior_id IS NOT NULL "
                 "AND id = (SELECT MAX(id) FROM positions)")
    conn.commit()
    conn.close()
    result = run("check", str(path))
    assert result.returncode == 1
    assert "inconsistent order" in result.stderr


def test_gui_without_display_prints_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run(str(ROOT / "sample_orgs" / "call_center_chart.orgdesk"), env=env)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "no display is available" in result.stderr
    assert "Traceback" not in result.stderr


def test_internal_error_shows_no_traceback(tmp_path: Path, state_dir: Path) -> None:
    code = ("import sys, orgdesk.cli as c\n"
            "def boom(a): raise RuntimeError('bug')\n"
            "import orgdesk.cli.document as d; d._cmd_templates = boom\n"
            "sys.exit(c.main(['templates']))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 70
    assert "internal error (RuntimeError)" in result.stderr
    assert "Traceback" not in result.stderr
    assert "RuntimeError: bug" in (state_dir / "crash.log").read_text("utf-8")
