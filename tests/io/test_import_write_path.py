"""What an import loads and does on its way to the new file (its speed depends on it).

Writing the imported document needs SQLite and orgdesk's own tables only: the
ORM and the session machinery of open documents (SQLAlchemy took 0.4 s to
load, an eighth of a 100,000-node import) stay unloaded, and so does networkx,
which only a GraphML export uses (0.3 s before any import could start).
"""
from __future__ import annotations

import json
from pathlib import Path

from orgdesk.storage.reading import read_organisation
from tests.test_architecture import assert_ok, run_blocked


def test_an_import_writes_its_file_without_loading_sqlalchemy_or_networkx(tmp_path: Path) -> None:
    source = tmp_path / "peers.json"
    source.write_text(json.dumps([
        {"id": "A", "parentId": None, "positionName": "总经理", "duties": ["全面负责"]},
        {"id": "B", "parentId": "A", "positionName": "运营总监",
         "kpis": [{"name": "接通率", "target": "≥90%"}]}], ensure_ascii=False), "utf-8")
    target = tmp_path / "peers.orgdesk"
    assert_ok(run_blocked(("sqlalchemy", "networkx"), f"""
        from pathlib import Path
        from orgdesk.io.interchange import import_to_file
        import_to_file(Path({str(source)!r}), Path({str(target)!r}))
    """, tmp_path))
    org = read_organisation(target)
    assert sorted(p.title for p in org.positions()) == ["总经理", "运营总监"]
    assert sorted(p.source_id for p in org.positions()) == ["A", "B"]
