"""Every imported position keeps its key in the source as `source_id`; own files keep theirs."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.io.interchange import export_to, read_source
from orgdesk.io.options import ImportOptions, RootPolicy

P = PositionId


def _read(path: Path, options: ImportOptions = ImportOptions()) -> Organisation:
    result = read_source(path, options)
    assert result.problems == []
    return result.require()


def _keys(org: Organisation) -> dict[str, str]:
    """title → source id."""
    return {p.title: p.source_id for p in org.positions()}


@pytest.mark.parametrize("ids", [("O-6066", "O-6067", "O-7001"), ("ID001", "ID002", "ID003"),
                                 ("emi", "bob", "ann"), ("17", "4", "250")])
def test_a_client_table_keeps_its_ids(tmp_path: Path, ids: tuple[str, str, str]) -> None:
    path = tmp_path / "hr.csv"
    top, lead, agent = ids
    path.write_text(f"Position ID,Job Title,Reports To ID\n{top},客服经理,\n{lead},组长,{top}\n"
                    f"{agent},座席员,{lead}\n", "utf-8")
    org = _read(path)
    assert _keys(org) == {"客服经理": top, "组长": lead, "座席员": agent}


def test_json_and_graphml_node_keys_are_kept(tmp_path: Path) -> None:
    flat = tmp_path / "d3.json"
    flat.write_text(json.dumps([{"id": "n0", "parentId": None, "name": "经理"},
                                {"id": "n1", "parentId": "n0", "name": "主管"}]), "utf-8")
    assert _keys(_read(flat)) == {"经理": "n0", "主管": "n1"}
    graph = tmp_path / "graph.graphml"
    graph.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '<key id="d0" for="node" attr.name="title" attr.type="string"/>\n'
        '<graph edgedefault="directed">\n'
        '<node id="emi"><data key="d0">经理</data></node>\n'
        '<node id="n7"><data key="d0">主管</data></node>\n'
        '<edge source="emi" target="n7"/>\n'
        "</graph></graphml>\n", "utf-8")
    assert _keys(_read(graph)) == {"经理": "emi", "主管": "n7"}


def test_a_table_without_ids_and_a_new_top_position_have_none(tmp_path: Path) -> None:
    path = tmp_path / "titles.csv"
    path.write_text("Title,Superior\n经理,\n主管,\n", "utf-8")
    org = _read(path, ImportOptions(roots=RootPolicy.ADD_ROOT, root_title="总经理"))
    assert _keys(org) == {"经理": "", "主管": "", "总经理": ""}


def test_a_source_id_column_wins_over_the_row_key(tmp_path: Path) -> None:
    path = tmp_path / "mapped.csv"
    path.write_text("id,title,superior,Source ID\n1,经理,,HR-1\n2,主管,1,\n", "utf-8")
    assert _keys(_read(path)) == {"经理": "HR-1", "主管": ""}


def _keyed_org() -> Organisation:
    return Organisation(positions=[
        Position(P(1), "经理", source_id="O-6066", holders=("张三",)),
        Position(P(2), "主管", superior_id=P(1), holders=("李四", "王五")),  # created in orgdesk
        Position(P(3), "座席员", superior_id=P(2), source_id="emi")])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json", ".graphml"])
def test_own_files_keep_source_ids_and_holders_exactly(tmp_path: Path, suffix: str) -> None:
    """orgdesk's ids are not a source's keys: a position without one stays without."""
    org = _keyed_org()
    path = tmp_path / f"own{suffix}"
    export_to(org, path)
    back = _read(path)
    assert [(p.id, p.source_id, p.holders) for p in back.positions()] == [
        (P(1), "O-6066", ("张三",)), (P(2), "", ("李四", "王五")), (P(3), "emi", ())]


def test_own_json_from_before_format_2_gets_no_source_ids(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    export_to(_keyed_org(), path)
    data = json.loads(path.read_text("utf-8"))
    for entry in data["positions"]:
        del entry["source_id"], entry["holders"]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert _keys(_read(path)) == {"经理": "", "主管": "", "座席员": ""}


def test_own_csv_from_before_format_2_gets_no_source_ids(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    export_to(_keyed_org(), path)
    lines = path.read_text("utf-8-sig").splitlines(keepends=True)
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    rows = list(csv.reader(io.StringIO("".join(lines[header:]))))
    drop = [i for i, name in enumerate(rows[0]) if name.startswith(("Source ID", "Holders"))]
    assert len(drop) == 2
    kept = io.StringIO()
    csv.writer(kept, lineterminator="\n").writerows(
        [v for i, v in enumerate(row) if i not in drop] for row in rows)
    path.write_text("".join(lines[:header]) + kept.getvalue(), "utf-8")
    assert _keys(_read(path)) == {"经理": "", "主管": "", "座席员": ""}
