"""`orgdesk diff` of two imports of one client file matches positions by their source ids."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from orgdesk.analysis.compare import ChangeKind, compare
from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.io.interchange import import_to_file
from orgdesk.storage.reading import read_organisation

ROOT = Path(__file__).resolve().parents[2]
P = PositionId

#: A client's HR export: keys that are not integers, so an import numbers the
#: positions 1, 2, 3 … in row order.  Two team leads and their agents share titles.
ROWS = [("O-6066", "客服中心经理", ""), ("O-7001", "质检主管", "O-6066"),
        ("O-7002", "组长", "O-6066"), ("O-7003", "组长", "O-6066"),
        ("O-8001", "座席员", "O-7002"), ("O-8002", "座席员", "O-7003"),
        ("O-9001", "培训专员", "O-6066")]


def _write(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path.write_text("Position ID,Job Title,Reports To ID\n"
                    + "".join(f"{key},{title},{boss}\n" for key, title, boss in rows), "utf-8")
    return path


def _imported(tmp_path: Path, name: str, rows: list[tuple[str, str, str]]) -> Path:
    target = tmp_path / f"{name}.orgdesk"
    import_to_file(_write(tmp_path / f"{name}.csv", rows), target)
    return target


def _second_export(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The client's next export: rows in another order, one title changed."""
    changed = [(key, "质量主管" if key == "O-7001" else title, boss) for key, title, boss in rows]
    return [changed[0], *reversed(changed[1:])]


def test_a_changed_title_is_a_rename_not_a_removal_and_an_addition(tmp_path: Path) -> None:
    old = read_organisation(_imported(tmp_path, "jan", ROWS))
    new = read_organisation(_imported(tmp_path, "feb", _second_export(ROWS)))
    assert {p.source_id for p in old.positions()} == {key for key, _t, _b in ROWS}
    # The import renumbered the keys by row order: the same id is another position now.
    assert old.position(P(2)).source_id != new.position(P(2)).source_id
    comparison = compare(old, new)
    assert comparison.by_source_id and not comparison.ids_trusted
    assert [(c.kind, c.title) for c in comparison.changes] == [(ChangeKind.RENAMED, "质量主管")]
    assert comparison.changes[0].detail == "Renamed “质检主管” to “质量主管”."
    assert {old.position(o).source_id: new.position(n).source_id
            for n, o in comparison.matched.items()} == {k: k for k, _t, _b in ROWS}


def test_moves_between_look_alike_groups_follow_the_keys(tmp_path: Path) -> None:
    """座席员 O-8002 moves from one 组长 to the other: titles alone cannot tell which."""
    moved = [(k, t, "O-7002" if k == "O-8002" else b) for k, t, b in ROWS]
    old = read_organisation(_imported(tmp_path, "a", ROWS))
    new = read_organisation(_imported(tmp_path, "b", moved))
    changes = compare(old, new).changes
    assert [(c.kind, new.position(c.new_id).source_id) for c in changes  # type: ignore[arg-type]  # a move has a new id
            ] == [(ChangeKind.MOVED, "O-8002")]


def test_positions_without_keys_fall_back_to_title_and_superior() -> None:
    keyed = [Position(P(i), title, P(1) if i > 1 else None, source_id=key)
             for i, (key, title) in enumerate((("a", "经理"), ("b", "主管"), ("c", "专员")), 1)]
    old = Organisation(positions=[*keyed, Position(P(4), "助理", P(1))])
    new = Organisation(positions=[  # ids shuffled, one position added in orgdesk (no key)
        Position(P(10), "经理", source_id="a"), Position(P(12), "主管", P(10), source_id="b"),
        Position(P(11), "专员", P(10), source_id="c"), Position(P(13), "助理", P(10)),
        Position(P(14), "秘书", P(10))])
    comparison = compare(old, new)
    assert comparison.by_source_id
    assert comparison.matched == {P(10): P(1), P(12): P(2), P(11): P(3), P(13): P(4)}
    assert [(c.kind, c.title) for c in comparison.changes] == [(ChangeKind.ADDED, "秘书")]


def test_keys_that_are_few_or_repeated_are_not_trusted() -> None:
    old = Organisation(positions=[Position(P(1), "经理", source_id="x"),
                                  Position(P(2), "主管", P(1)), Position(P(3), "专员", P(1))])
    new = Organisation(positions=[Position(P(1), "经理", source_id="x"),
                                  Position(P(2), "主管", P(1)), Position(P(3), "专员", P(1))])
    assert not compare(old, new).by_source_id  # one key in three positions
    same = [Position(P(i), t, P(1) if i > 1 else None, source_id="dup")
            for i, t in ((1, "经理"), (2, "主管"), (3, "专员"))]
    assert not compare(Organisation(positions=same), Organisation(positions=same)).by_source_id


def test_a_changed_source_id_or_holders_is_reported() -> None:
    old = Organisation(positions=[Position(P(1), "经理", source_id="a", holders=("张三",))])
    new = Organisation(positions=[Position(P(1), "经理", source_id="b", holders=("李四",))])
    (change,) = compare(old, new).changes
    assert change.kind is ChangeKind.CHANGED
    assert [(f.field, f.old, f.new) for f in change.fields] == [
        ("source_id", "a", "b"), ("holders", "张三", "李四")]
    assert change.detail == "Changed source id, holders."


def test_the_cli_says_how_positions_were_matched(tmp_path: Path) -> None:
    jan = _imported(tmp_path, "jan", ROWS)
    feb = _imported(tmp_path, "feb", _second_export(ROWS))
    run = [sys.executable, "-m", "orgdesk", "diff", str(jan), str(feb)]
    text = subprocess.run(run, capture_output=True, text=True, cwd=ROOT, env=os.environ.copy(),
                          timeout=120, check=False)
    assert "1 renamed" in text.stdout and "matched by source ids" in text.stdout, text.stderr
    data = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True, cwd=ROOT,
                                     env=os.environ.copy(), timeout=120, check=True).stdout)
    assert data["matched_by"] == "source id"
    assert data["summary"]["renamed"] == 1 and data["summary"]["removed"] == 0
