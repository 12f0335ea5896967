"""A file's document settings pass the same rules as an edit, or the file is refused."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesk.storage.document import DocumentFile
from orgdesk.storage.errors import CorruptFile, name_of
from orgdesk.storage.reading import read_organisation
from tests.storage.support import file_state, sql_on_copy

HOSTILE_SETTINGS = {
    "chart-detail-1e999": ("chart", '{"detail": 1e999}'),
    "chart-override-superscript": ("chart", '{"overrides": {"²": "vertical"}}'),
    "high-water-text": ("last_position_id", '"x"'),
    "nan": ("chart", '{"detail": NaN}'),
    "invalid-json": ("span_rules", "{"),
}


def _open_and_close(path: Path) -> object:
    with DocumentFile.open(path) as doc:
        return doc.load()


@pytest.mark.parametrize("opener", [read_organisation, _open_and_close])
@pytest.mark.parametrize("case", list(HOSTILE_SETTINGS))
def test_a_hostile_setting_refuses_the_file_naming_it(case: str, opener, tmp_path: Path,
                                                      small_file_bytes: bytes) -> None:
    name, value = HOSTILE_SETTINGS[case]
    path = tmp_path / f"{case}.orgdesk"
    path.write_bytes(small_file_bytes)
    sql_on_copy(path, f"INSERT OR REPLACE INTO meta (key, value) VALUES ('setting.{name}', "
                      f"'{value}')")
    before = file_state(path)
    with pytest.raises(CorruptFile) as caught:
        opener(path)
    assert str(caught.value) == (f"{name_of(path)} is not a valid orgdesk file: its document "
                                 f"setting “{name}” is invalid.")
    assert file_state(path) == before


def test_a_setting_from_a_newer_orgdesk_is_kept(tmp_path: Path, small_file_bytes: bytes) -> None:
    path = tmp_path / "newer.orgdesk"
    path.write_bytes(small_file_bytes)
    sql_on_copy(path, "INSERT INTO meta (key, value) VALUES ('setting.theme', '{\"dark\": true}')",
                "INSERT INTO meta (key, value) VALUES ('SETTING.shout', '1')")
    org = read_organisation(path)
    assert org.settings["theme"] == {"dark": True}
    assert "shout" not in org.settings  # only the exact prefix names a setting


def test_import_refuses_hostile_settings_from_json(tmp_path: Path) -> None:
    source = tmp_path / "from a client.json"
    data = {"format": "orgdesk", "version": 1, "positions": [{"id": 1, "title": "总经理"}],
            "settings": {"chart": {"detail": "__BIG__"}}}
    source.write_text(json.dumps(data).replace('"__BIG__"', "1e999"), "utf-8")
    target = tmp_path / "imported.orgdesk"
    result = subprocess.run([sys.executable, "-m", "orgdesk", "import", str(source), "-o",
                             str(target)], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 1, result
    assert "“chart”" in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()
