"""Cells repeated row after row are parsed once, and every row still gets its own result:
the same requirements, headcounts and lists, and a problem on every row whose cell is wrong."""
from __future__ import annotations

from pathlib import Path

from orgdesk.io.interchange import read_source
from orgdesk.io.options import ImportOptions


def test_repeated_requirement_and_headcount_cells_read_alike_on_every_row(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    rows = ["编号,岗位,上级,定员,任职要求,最低学历"]
    rows += [f"{i},岗位{i},{'' if i == 1 else 1},3人（含组长）,本科以上；3年以上经验；25-35岁,"
             for i in range(1, 6)]
    rows.append("6,岗位6,1,3人（含组长）,本科以上；3年以上经验；25-35岁,大专")
    path.write_text("\n".join(rows) + "\n", "utf-8")
    org = read_source(path, ImportOptions()).require()
    positions = sorted(org.positions(), key=lambda p: p.id)
    first = positions[0].requirements
    assert (first.education, first.min_years, first.age_min, first.age_max) == ("本科", 3, 25, 35)
    assert all(p.requirements == first for p in positions[1:5])
    assert positions[5].requirements.education == "大专"  # its own column wins, as before
    assert all((p.planned_headcount, p.headcount_note) == (3, "3人（含组长）") for p in positions)


def test_a_wrong_repeated_cell_is_a_problem_on_every_row(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    rows = ["编号,岗位,上级,年龄,任职要求"]
    rows += [f"{i},岗位{i},{'' if i == 1 else 1},40-30岁,本科" for i in range(1, 5)]
    path.write_text("\n".join(rows) + "\n", "utf-8")
    result = read_source(path, ImportOptions())
    assert result.organisation is None
    assert sorted(p.row for p in result.problems) == [2, 3, 4, 5]
