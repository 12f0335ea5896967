"""What `pip install .` ships: every package, the samples and the resources."""
from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
                 ["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "orgdesk").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages"


@pytest.mark.slow
def test_wheel_carries_code_samples_and_resources(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("orgdesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "orgdesk/export/handbook/__init__.py" in names
    assert "orgdesk/ui/panels/overview.py" in names
    assert "orgdesk/sample_orgs/software_ops_department.orgdesk" in names
    assert "orgdesk/sample_orgs/software_ops_department.toml" in names
    assert "orgdesk/resources/position_library.toml" in names
    assert "orgdesk/resources/orgdesk_zh_CN.qm" in names
    assert {"orgdesk/resources/help/guide.en.html",
            "orgdesk/resources/help/guide.zh_CN.html"} <= names
