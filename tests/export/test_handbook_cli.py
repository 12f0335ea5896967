"""`orgdesk handbook` end to end, in a subprocess, as a user runs it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_orgs" / "training_call_center_50.orgdesk"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ.copy()
    env.pop("DISPLAY", None)  # as on a server: the command must make its own offscreen Qt
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "-m", "orgdesk", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=180, check=False)


@pytest.mark.parametrize("suffix", ["pdf", "docx", "html"])
def test_handbook_of_a_branch(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"手册.{suffix}"
    result = run("handbook", str(SAMPLE), "-o", str(out), "--root", "项目经理")
    assert result.returncode == 0, result.stderr
    assert "branch of “项目经理”" in result.stdout
    data = out.read_bytes()
    assert data[:4] in (b"%PDF", b"PK\x03\x04", b"<!DO")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temp file left behind


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "{tmp}/h.odt"], "orgdesk writes the handbook as .pdf, .docx or .html"),
    (["-o", "{tmp}/missing/h.pdf"], "the folder"),
    (["-o", "{tmp}/h.pdf", "--root", "项目组长"], "4 positions are called “项目组长”"),
    (["-o", "{tmp}/h.pdf", "--root", "不存在"], "no position"),
])
def test_handbook_refusals_are_one_sentence(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("handbook", str(SAMPLE), *[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == 1
    assert result.stderr.startswith("orgdesk: ") and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "h.pdf").exists()


def test_handbook_does_not_replace_a_file_when_it_fails(tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    out.write_bytes(b"previous")
    broken = tmp_path / "broken.orgdesk"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    result = run("handbook", str(broken), "-o", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert out.read_bytes() == b"previous"


def test_handbook_modules_import_without_qt(tmp_path: Path) -> None:
    # Qt is imported only when a handbook is rendered, so the package (and the CLI
    # parser that names it) loads on a server without PySide6.
    from tests.test_architecture import QT, assert_ok, run_blocked

    modules = ["orgdesk.export.handbook"] + sorted(
        f"orgdesk.export.handbook.{p.stem}"
        for p in (ROOT / "orgdesk" / "export" / "handbook").glob("*.py") if p.stem != "__init__")
    body = "import importlib\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    body += "import orgdesk.cli.deliverables\nprint('handbook ok')\n"
    result = run_blocked(QT, body, tmp_path)
    assert_ok(result)
    assert "handbook ok" in result.stdout and len(modules) >= 6  # painting lives in orgdesk.paint
