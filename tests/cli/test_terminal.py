"""What reaches the terminal: escaped document text, any encoding, closed pipes, byte names.

A document is untrusted; its titles must not be able to drive the terminal
(ESC ] 0 retitles the window, OSC 52 writes the clipboard).  Every command
runs in a real subprocess, as a user runs it.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesk.cli.terminal import UNSAFE, json_text, visible
from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Position,
    PositionId,
)
from orgdesk.core.organisation import Organisation
from orgdesk.storage.document import create_file

ROOT = Path(__file__).resolve().parents[2]

#: Sequences a hostile document could carry, one per position title.
ATTACKS = (
    "\x1b]0;PWNED window title\x07",
    "\x1b]52;c;cm0gLXJmIH4K\x07",  # OSC 52: "rm -rf ~" into the clipboard
    "\x1b[2J\x1b[H cleared",
    "\x9b31m C1 CSI \x9d0;c1 title\x9c",
    "abc\u202edcb\u2066isolate\u2069",
    "NUL\x00 DEL\x7f BS\x08 CR\rforged",
    "two\nlines: warning: forged",
    "para\u2028graph\u2029",
)
#: Characters a human-readable line may hold raw (nothing but printable text).
RAW_ALLOWED = "\n"


def run(*args: str | bytes, env: dict[str, str] | None = None, **kwargs: object
        ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "orgdesk", *args], capture_output=True,
                          cwd=ROOT, env=env or os.environ.copy(), timeout=120, check=False,
                          **kwargs)


def hostile_document(path: Path, title_suffix: str = "") -> Path:
    """Every attack in a title; `title_suffix` also renames the root (for `diff`)."""
    positions = [Position(PositionId(1), ATTACKS[0] + title_suffix, department_id=DepartmentId(1))]
    positions += [Position(PositionId(i + 2), text, superior_id=PositionId(1), order=i,
                           planned_headcount=0)
                  for i, text in enumerate(ATTACKS[1:])]
    org = Organisation(DocumentInfo(title="客户\x1b]0;doc title\x07" + title_suffix),
                       [Department(DepartmentId(1), "部门\x1b]52;c;eA==\x07", "#112233", 0)],
                       positions, [])
    create_file(path, org)
    return path


def unsafe_in(text: str) -> list[str]:
    return sorted({c for c in text if UNSAFE.fullmatch(c) and c not in RAW_ALLOWED})


def test_visible_escapes_every_controlling_character() -> None:
    for char in ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\x9f", "\u2028", "\u202a",
                 "\u202e", "\u2066", "\u2069", "\u200e", "\u061c", "\udcc4"]:
        shown = visible(f"a{char}b")
        assert char not in shown and shown.startswith("a\\") and shown.endswith("b"), repr(char)
    assert visible("\udcd7\udce9") == "\\xd7\\xe9"  # surrogate-escaped GBK bytes
    assert visible("\n\t\r") == "\\n\\t\\r"
    # Text a consultant writes is left alone: Chinese, emoji with joiners, ordinary symbols.
    for text in ("客服中心 · 坐席主管（二线）", "👩‍💻 🇨🇳", "≥95% <b> & \\N"):
        assert visible(text) == text


def test_json_text_is_valid_json_without_raw_controls() -> None:
    data = {"t": "".join(ATTACKS) + "\udcc4", "客": ["\u202e"]}
    text = json_text(data)
    assert unsafe_in(text) == []
    assert json.loads(text) == data


@pytest.mark.parametrize("command", [["info"], ["report"], ["info", "--json"],
                                     ["report", "--json"], ["check"]])
def test_document_text_cannot_drive_the_terminal(tmp_path: Path, command: list[str]) -> None:
    path = hostile_document(tmp_path / "hostile.orgdesk")
    result = run(command[0], str(path), *command[1:])
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert unsafe_in(text) == [], text
    assert unsafe_in(result.stderr.decode("utf-8")) == []
    if "--json" in command:
        data = json.loads(text)
        assert data["title"] == "客户\x1b]0;doc title\x07"  # the data itself is kept exactly
    elif command[0] != "check":
        assert "客户\\x1b]0;doc title\\x07" in text  # shown, escaped
        assert "部门\\x1b]52;c;eA==\\x07" in text
        if command[0] == "report":
            assert "\\x1b]0;PWNED window title\\x07" in text


@pytest.mark.parametrize("as_json", [False, True])
def test_diff_escapes_both_documents(tmp_path: Path, as_json: bool) -> None:
    old = hostile_document(tmp_path / "old.orgdesk")
    new = hostile_document(tmp_path / "new.orgdesk", title_suffix="\x1b]52;c;bmV3\x07")
    hostile_document(tmp_path / "x.orgdesk")
    result = run("diff", str(old), str(new), *(["--json"] if as_json else []))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert unsafe_in(text) == [], text
    if as_json:
        json.loads(text)
    else:
        assert "\\x1b]52;c;bmV3\\x07" in text  # the renamed root is shown, escaped


def test_a_reader_that_closes_the_pipe_ends_orgdesk_quietly(tmp_path: Path) -> None:
    """`orgdesk report FILE | head -1`: no traceback, no "Exception ignored".

    The exit status is 1 (output was lost), as Python's documentation does it;
    argparse's own --help ignores the closed pipe and exits 0.
    """
    path = hostile_document(tmp_path / "a.orgdesk")
    for args in (["report", str(path)], ["info", str(path), "--json"], ["--help"]):
        proc = subprocess.Popen([sys.executable, "-m", "orgdesk", *args], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader is gone before orgdesk writes its first line
        stderr = proc.stderr.read().decode("utf-8", "replace")
        proc.stderr.close()
        assert proc.wait(timeout=120) == (0 if args == ["--help"] else 1), (args, stderr)
        assert stderr == "", (args, stderr)


@pytest.mark.parametrize("environment", [{"LANG": "C", "LC_ALL": "C"},
                                         {"PYTHONIOENCODING": "ascii"},
                                         {"PYTHONIOENCODING": "latin-1", "LC_ALL": "C"}])
def test_chinese_text_prints_on_a_terminal_without_utf8(tmp_path: Path,
                                                          environment: dict[str, str]) -> None:
    path = hostile_document(tmp_path / "客户.orgdesk")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(environment)
    for args in (["info", str(path)], ["report", str(path)], ["check", str(path)],
                 ["info", str(tmp_path / "缺少.orgdesk")]):
        result = run(*args, env=env)
        assert result.returncode in (0, 1), result.stderr
        assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
        if args[0] == "info" and result.returncode == 0:
            assert "客户" in result.stdout.decode("utf-8", "replace") \
                or b"\\u5ba2\\u6237" in result.stdout


# --------------------------------------------------------- non-UTF-8 file names
GBK_NAME = "组织架构".encode("gbk")  # b'\xd7\xe9\xd6\xaf\xbc\xdc\xb9\xb9': not UTF-8


def _gbk_file(tmp_path: Path) -> bytes:
    """A document whose name is GBK bytes, as unzipping a Chinese archive leaves it."""
    assert GBK_NAME.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") \
        == GBK_NAME
    name = os.fsencode(tmp_path) + b"/" + GBK_NAME + b".orgdesk"
    good = hostile_document(tmp_path / "source.orgdesk")
    with open(name, "wb") as handle:
        handle.write(good.read_bytes())
    good.unlink()
    return name


@pytest.mark.parametrize("command", [
    ["info"], ["info", "--json"], ["check"], ["report"], ["report", "--json"], ["diff"],
    ["export", "-o", ".svg"], ["export", "-o", ".dot"], ["export", "-o", ".png"],
    ["export", "-o", ".pdf"], ["export", "-o", ".csv"], ["export", "-o", ".json"],
    ["export", "-o", ".xlsx"], ["export", "-o", ".graphml"], ["handbook", "-o", ".html"],
    ["handbook", "-o", ".pdf"], ["handbook", "-o", ".docx"],
])
def test_a_file_name_that_is_not_utf8_works_for_every_command(
        tmp_path: Path, command: list[str]) -> None:
    name = _gbk_file(tmp_path)
    before = Path(os.fsdecode(name)).read_bytes()
    args: list[bytes] = [command[0].encode(), name]
    output = None
    if command[0] == "diff":
        args.append(name)
    elif len(command) > 1 and command[1] == "-o":
        output = os.fsencode(tmp_path) + b"/" + GBK_NAME + b" out" + command[2].encode()
        args += [b"-o", output]
    else:
        args += [c.encode() for c in command[1:]]
    result = run(*args)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert unsafe_in(result.stdout.decode("utf-8", "surrogateescape")) == []
    assert Path(os.fsdecode(name)).read_bytes() == before
    listing = sorted(os.listdir(os.fsencode(tmp_path)))
    expected = sorted([GBK_NAME + b".orgdesk", b"state"] + ([os.path.basename(output)]
                                                            if output else []))
    assert [n for n in listing if n != b"state"] == [n for n in expected if n != b"state"]
    if command[:2] == ["export", "-o"] and command[2] in (".csv", ".json"):
        # The exported data can be read back under its byte name too.
        back = os.fsencode(tmp_path) + b"/back.orgdesk"
        again = run(b"import", output, b"-o", back)
        assert again.returncode == 0, again.stderr.decode("utf-8", "replace")


def test_a_byte_name_is_shown_readably_in_messages(tmp_path: Path) -> None:
    missing = os.fsencode(tmp_path) + b"/" + GBK_NAME + b"\x1b]0;x\x07.orgdesk"
    result = run(b"info", missing)
    assert result.returncode == 1
    stderr = result.stderr.decode("utf-8")
    # Either read as GB18030 (what such names are) or each undecodable byte shown as \xNN;
    # never the raw bytes, never the raw escape sequence.
    assert "组织架构" in stderr or "\\xd7\\xe9" in stderr, stderr
    assert "\\x1b]0;x\\x07" in stderr, stderr
    assert unsafe_in(stderr.rstrip("\n")) == []
