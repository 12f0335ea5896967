"""The dependency rules of the layout: packages as floors, arrows only downward, no cycles.

`FLOORS` is the map (README, "Architecture"): a module may import its own
package and any package on a lower floor, never one on its floor or above.
Every import counts: top-level, lazy inside a function, under
`TYPE_CHECKING`, relative, and `importlib.import_module("…")` with a literal.
Among modules there are no import cycles at all.  Only `ui`, `commands` and
`paint` name Qt.

Each import check runs in a fresh interpreter whose import system refuses the
blocked top-level packages, so a module that reaches them, even indirectly or
lazily at import time, fails here rather than on a user's server.
"""
from __future__ import annotations

import ast
import functools
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
QT_ALLOWED = ("orgdesk.ui", "orgdesk.commands", "orgdesk.paint", "orgdesk.__main__")
#: Packages (and top-level modules) that may name Qt in their source.
QT_UNITS = frozenset({"ui", "commands", "paint"})

#: The floors, lowest first.  A unit (orgdesk's sub-package or top-level module)
#: may import units on lower floors only; units sharing a floor are independent.
FLOORS: tuple[frozenset[str], ...] = (
    frozenset({"orgdesk", "core"}),               # pure Python + networkx; `orgdesk` is __version__
    frozenset({"files", "paths"}),                # names, target checks, atomic writes; folders
    frozenset({"storage"}),                       # SQLite files, sessions, locks, recovery
    frozenset({"services", "crash_log", "report", "samples"}),
    frozenset({"layout", "analysis", "library"}),  # pure Python over the core
    frozenset({"design"}),                        # sizing and derived structure (issue 14)
    frozenset({"paint"}),                         # off-screen Qt painting
    frozenset({"io"}),                            # interchange formats
    frozenset({"export"}),                        # chart, DOT, handbook
    frozenset({"team"}),                          # the team library on PostgreSQL (issue 15)
    frozenset({"version"}),                       # names the Graphviz in use
    frozenset({"commands"}),                      # QUndoCommands
    frozenset({"ui"}),
    frozenset({"cli"}),                           # the composition root, with ui.app
    frozenset({"__main__"}),
)


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
    return subprocess.run([sys.executable, "-c", code], check=False, cwd=tmp_path, env=env,
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


# --- The layer map: package edges and module cycles ---------------------------------------

def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module an ImportFrom names (relative imports resolved)."""
    if node.level == 0:
        return node.module or ""
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """module → the package's modules it imports, by every kind of import in its source."""
    files = {module_name_in(root, path): path for path in (root / package).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        is_package = path.name == "__init__.py"
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(module, is_package, node)
                names.add(base)
                names.update(f"{base}.{alias.name}" for alias in node.names)
            elif (isinstance(node, ast.Call) and node.args
                  and getattr(node.func, "id", getattr(node.func, "attr", "")) in
                  ("__import__", "import_module")
                  and isinstance(node.args[0], ast.Constant)
                  and isinstance(node.args[0].value, str)):
                names.add(node.args[0].value)
        targets: set[str] = set()
        for name in names:
            if name != package and not name.startswith(package + "."):
                continue
            while name not in files and "." in name:  # `from pkg.mod import function`
                name = name.rsplit(".", 1)[0]
            if name in files and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def module_name_in(root: Path, path: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit_of(module: str) -> str:
    """The floor-plan unit of a module: its sub-package or top-level module."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def forbidden_edges(graph: dict[str, set[str]], floors: tuple[frozenset[str], ...],
                    ) -> list[str]:
    """Every import that points sideways or up the floors (or into an unplaced unit)."""
    floor = {unit: level for level, units in enumerate(floors) for unit in units}
    found = []
    for module, targets in sorted(graph.items()):
        for target in sorted(targets):
            source_unit, target_unit = unit_of(module), unit_of(target)
            if source_unit == target_unit:
                continue
            if source_unit not in floor or target_unit not in floor:
                found.append(f"{module} -> {target} (a unit not on any floor)")
            elif floor[target_unit] >= floor[source_unit]:
                found.append(f"{module} -> {target} ({source_unit} may not import {target_unit})")
    return found


def import_cycles(graph: dict[str, set[str]], limit: int = 20) -> list[list[str]]:
    """Up to `limit` simple import cycles among modules."""
    import itertools

    import networkx as nx

    digraph = nx.DiGraph([(a, b) for a, targets in graph.items() for b in targets])
    return [sorted(cycle) for cycle in itertools.islice(nx.simple_cycles(digraph), limit)]


def qt_outside_allowed(root: Path, package: str) -> list[str]:
    offending = []
    for path in sorted((root / package).rglob("*.py")):
        module = module_name_in(root, path)
        if unit_of(module) in QT_UNITS:
            continue
        named = sorted(n for n in _imported_names(path) if n.partition(".")[0] in QT)
        if named:
            offending.append(f"{module} imports {named}")
    return offending


@functools.cache
def orgdesk_graph() -> dict[str, set[str]]:
    return import_graph(ROOT, "orgdesk")


def test_every_unit_is_on_a_floor_once() -> None:
    placed = [unit for units in FLOORS for unit in units]
    assert len(placed) == len(set(placed))
    assert {unit_of(module) for module in orgdesk_graph()} <= set(placed)


def test_imports_point_only_down_the_floors() -> None:
    assert forbidden_edges(orgdesk_graph(), FLOORS) == []


KNOWN_CYCLES: tuple[list[str], ...] = ()


def test_no_import_cycles_among_modules() -> None:
    assert [c for c in import_cycles(orgdesk_graph()) if c not in KNOWN_CYCLES] == []


def test_only_ui_commands_and_paint_name_qt() -> None:
    assert qt_outside_allowed(ROOT, "orgdesk") == []


def _fake_package(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), "utf-8")


FAKE_FLOORS = (frozenset({"fake", "core"}), frozenset({"storage"}), frozenset({"ui"}))


def test_the_checker_sees_upward_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    _fake_package(tmp_path, {
        "fake/__init__.py": "",
        "fake/core/__init__.py": "",
        "fake/core/model.py": """
            from typing import TYPE_CHECKING
            if TYPE_CHECKING:
                from fake.storage.db import Db
            def save():
                from ..ui import window
            """,
        "fake/storage/__init__.py": "",
        "fake/storage/db.py": "from fake.core.model import save\n",
        "fake/ui/__init__.py": "",
        "fake/ui/window.py": """
            import importlib
            from fake.storage import db
            importlib.import_module("fake.core.model")
            import PySide6.QtWidgets
            """,
    })
    graph = import_graph(tmp_path, "fake")
    # `from ..ui import window` imports the package fake.ui too.
    assert graph["fake.core.model"] == {"fake.storage.db", "fake.ui", "fake.ui.window"}
    assert graph["fake.ui.window"] == {"fake.storage", "fake.storage.db", "fake.core.model"}
    assert forbidden_edges(graph, FAKE_FLOORS) == [
        "fake.core.model -> fake.storage.db (core may not import storage)",
        "fake.core.model -> fake.ui (core may not import ui)",
        "fake.core.model -> fake.ui.window (core may not import ui)",
    ]
    assert forbidden_edges(graph, (frozenset({"fake", "core"}), frozenset({"ui"}))) == [
        "fake.core.model -> fake.storage.db (a unit not on any floor)",
        "fake.core.model -> fake.ui (core may not import ui)",
        "fake.core.model -> fake.ui.window (core may not import ui)",
        "fake.storage.db -> fake.core.model (a unit not on any floor)",
        "fake.ui.window -> fake.storage (a unit not on any floor)",
        "fake.ui.window -> fake.storage.db (a unit not on any floor)",
    ]
    assert ["fake.core.model", "fake.storage.db"] in import_cycles(graph)


def test_the_checker_finds_a_lazy_cycle_inside_one_package(tmp_path: Path) -> None:
    _fake_package(tmp_path, {
        "fake/__init__.py": "",
        "fake/core/__init__.py": "",
        "fake/core/a.py": "from fake.core.b import f\n",
        "fake/core/b.py": "def f():\n    from fake.core import c\n",
        "fake/core/c.py": "from . import a\n",
    })
    graph = import_graph(tmp_path, "fake")
    assert forbidden_edges(graph, FAKE_FLOORS) == []
    assert import_cycles(graph) == [["fake.core.a", "fake.core.b", "fake.core.c"]]


def test_the_checker_sees_qt_named_outside_its_units(tmp_path: Path) -> None:
    _fake_package(tmp_path, {
        "fake/__init__.py": "",
        "fake/export/__init__.py": "",
        "fake/export/png.py": "def f():\n    from PySide6.QtGui import QImage\n",
        "fake/paint/__init__.py": "",
        "fake/paint/png.py": "def f():\n    from PySide6.QtGui import QImage\n",
    })
    assert qt_outside_allowed(tmp_path, "fake") == ["fake.export.png imports ['PySide6.QtGui']"]
