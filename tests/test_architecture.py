"""The dependency rules of the layout: core ← storage ← services; Qt only in the GUI.

Each import check runs in a fresh interpreter whose import system refuses the
blocked top-level packages, so a module that reaches them, even indirectly or
lazily at import time, fails here rather than on a user's server.
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "orgdesk"
CORE = PACKAGE / "core"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
# Only the GUI and the undo commands may need Qt; `__main__` runs the CLI when imported.
QT_ALLOWED = ("orgdesk.ui", "orgdesk.commands", "orgdesk.__main__")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules_under(folder: Path) -> list[str]:
    return sorted(module_name(path) for path in folder.rglob("*.py"))


CORE_MODULES = modules_under(CORE)
HEADLESS_MODULES = [
    name for name in modules_under(PACKAGE)
    if not any(name == allowed or name.startswith(allowed + ".") for allowed in QT_ALLOWED)
]

_BLOCKER = textwrap.dedent("""
    import sys

    BLOCKED = frozenset({blocked!r})

    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in BLOCKED:
                raise ImportError(f"{{name}} is blocked in this test")
            return None

    sys.meta_path.insert(0, Blocker())
    for name in BLOCKED:
        assert name not in sys.modules, name
        try:
            __import__(name)
        except ImportError:
            pass
        else:
            raise SystemExit(f"the blocker let {{name}} through")
""")


def run_blocked(blocked: tuple[str, ...], body: str, tmp_path: Path,
                ) -> subprocess.CompletedProcess[str]:
    """Run `body` in a fresh interpreter where `blocked` packages cannot be imported."""
    code = _BLOCKER.format(blocked=tuple(blocked)) + textwrap.dedent(body) + textwrap.dedent("""
        leaked = sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)
        assert not leaked, leaked
    """)
    env = {**os.environ, "ORGDESK_STATE_DIR": str(tmp_path / "state"),
           "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)


def assert_ok(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_modules_are_found() -> None:
    assert {"orgdesk.core", "orgdesk.core.model", "orgdesk.core.organisation",
            "orgdesk.core.changes", "orgdesk.core.errors"} <= set(CORE_MODULES)
    assert {"orgdesk", "orgdesk.storage", "orgdesk.storage.document", "orgdesk.services",
            "orgdesk.services.editor", "orgdesk.samples", "orgdesk.cli"} <= set(HEADLESS_MODULES)
    assert not any(name.startswith("orgdesk.ui") for name in HEADLESS_MODULES)


def test_the_blocker_really_blocks(tmp_path: Path) -> None:
    # Guards the guard: a module that imports a blocked package must fail.
    result = run_blocked(("sqlalchemy",), "import orgdesk.storage.schema\n", tmp_path)
    assert result.returncode != 0
    assert "sqlalchemy is blocked" in result.stderr


def test_core_imports_without_qt_or_sqlalchemy(tmp_path: Path) -> None:
    body = "import importlib\n" + "".join(
        f"importlib.import_module({name!r})\n" for name in CORE_MODULES)
    body += textwrap.dedent("""
        from orgdesk.core.organisation import Organisation
        from orgdesk.core.model import Position, PositionId
        org = Organisation(positions=[Position(PositionId(1), "总经理")])
        assert org.is_forest() and org.depth() == 1
        print("core ok")
    """)
    result = run_blocked((*QT, "sqlalchemy"), body, tmp_path)
    assert_ok(result)
    assert "core ok" in result.stdout


def test_headless_layers_import_without_qt(tmp_path: Path) -> None:
    # One interpreter for all: the blocker makes each Qt import fail on its own,
    # and every offending module is listed, not just the first.
    body = textwrap.dedent(f"""
        import importlib, traceback
        failed = []
        for name in {HEADLESS_MODULES!r}:
            try:
                importlib.import_module(name)
            except Exception:
                failed.append(name + ":\\n" + traceback.format_exc(limit=-3))
        assert not failed, "\\n".join(failed)
        print("imported", len({HEADLESS_MODULES!r}))
    """)
    result = run_blocked(QT, body, tmp_path)
    assert_ok(result)
    assert f"imported {len(HEADLESS_MODULES)}" in result.stdout


def test_cli_headless_commands_run_without_qt(tmp_path: Path) -> None:
    body = """
        from orgdesk.cli import main
        assert main(["templates"]) == 0
        assert main(["new", "chart.orgdesk", "--title", "测试"]) == 0
        assert main(["info", "chart.orgdesk", "--json"]) == 0
        assert main(["check", "chart.orgdesk"]) == 0
        print("cli ok")
    """
    result = run_blocked(QT, body, tmp_path)
    assert_ok(result)
    assert "cli ok" in result.stdout
    assert (tmp_path / "chart.orgdesk").is_file()


def test_python_m_orgdesk_version_without_qt(tmp_path: Path) -> None:
    body = """
        import runpy
        sys.argv = ["orgdesk", "--version"]
        try:
            runpy.run_module("orgdesk", run_name="__main__")
        except SystemExit as exit:
            assert exit.code in (0, None), exit.code
    """
    result = run_blocked(QT, body, tmp_path)
    assert_ok(result)
    assert "orgdesk 0.1.0" in result.stdout


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif (isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))
              and getattr(node.func, "id", getattr(node.func, "attr", "")) in
              ("__import__", "import_module") and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names.add(node.args[0].value)
    return names


def test_ast_walker_sees_every_kind_of_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import PySide6.QtCore\n"
        "def f():\n    from sqlalchemy import orm\n"
        "    importlib.import_module('PyQt6')\n    __import__('shiboken6')\n",
        "utf-8")
    assert _imported_names(sample) == {"PySide6.QtCore", "sqlalchemy", "PyQt6", "shiboken6"}


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: p.name)
def test_core_source_never_names_qt_or_sqlalchemy(path: Path) -> None:
    forbidden = {*QT, "sqlalchemy"}
    offending = {name for name in _imported_names(path) if name.partition(".")[0] in forbidden}
    assert not offending, f"{path.name} imports {sorted(offending)}"
    # Own-package imports inside core stay inside core (core depends on nothing above it).
    upward = {name for name in _imported_names(path)
              if name.startswith("orgdesk.") and not name.startswith("orgdesk.core")}
    assert not upward, f"{path.name} imports {sorted(upward)} from a higher layer"
