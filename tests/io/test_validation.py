"""Every problem of a readable file is reported at once, with its row, and nothing is written."""
from __future__ import annotations

from pathlib import Path

import pytest

from orgdesk.io.interchange import import_to_file, read_source
from orgdesk.io.options import ImportOptions, RootPolicy
from orgdesk.io.problems import ImportFailed, Problem


def write(tmp_path: Path, text: str, name: str = "staff.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding, newline="")
    return path


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def test_every_problem_is_listed_with_its_line_and_nothing_is_written(tmp_path: Path) -> None:
    source = write(tmp_path, "\n".join([
        "id,parent,title,headcount",
        "1,,经理,1",          # line 2
        "2,1,主管,many",       # line 3: unreadable number
        "2,1,组长,1",          # line 4: duplicate id
        "4,9,座席员,1",        # line 5: unknown superior
        "5,1,,1",              # line 6: empty title
        "6,7,甲,1",            # line 7: cycle with line 8
        "7,6,乙,1",            # line 8
    ]) + "\n")
    target = tmp_path / "out.orgdesk"
    with pytest.raises(ImportFailed) as failed:
        import_to_file(source, target, ImportOptions(roots=RootPolicy.FOREST))
    found = messages(failed.value.problems)
    assert ("Line 3: “headcount”: “many” is not a whole number; correct the value, or keep the "
            "column in the notes (--map \"headcount=notes\") or leave it out (--map "
            "\"headcount=ignore\")." in found)
    assert ("Line 4: the id “2” in column “id” is already used by line 3; give each position its "
            "own id, or map a column whose values all differ to the id (--map COLUMN=id)."
            in found)
    assert ("Line 5: the value “9” in column “parent” is not the id or title of any row; correct "
            "it, or if it means “no superior”, name it as a no-superior token (--null 9)."
            in found)
    assert ("Line 6: it has no title; give rows without one a placeholder title (--empty-title "
            "TEXT) or take it from another column (--empty-title column:COLUMN)." in found)
    assert ("Line 7: the reporting lines of lines 7, 8 form a cycle: 甲 → 乙 → 甲; correct the "
            "superior in column “parent” of one of them, or empty it to make that one a top "
            "position." in found)
    assert len(found) == 5
    assert str(failed.value) == "Nothing was imported: “staff.csv” has 5 problems."
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != "state"] == ["staff.csv"]


def test_no_rows(tmp_path: Path) -> None:
    result = read_source(write(tmp_path, "id,parent,title\n"))
    assert messages(result.problems) == [
        "There are no positions in the file (no rows below the header)."]
    assert result.organisation is None


def test_no_title_column_is_a_problem_not_a_guess(tmp_path: Path) -> None:
    result = read_source(write(tmp_path, "foo,bar\n1,2\n"))
    assert "No column holds the positions' titles" in messages(result.problems)[0]


SEVERAL_ROOTS = "id,parent,title\n1,,客服部经理\n2,1,座席员\n3,,质检部经理\n4,,培训部经理\n"


def test_several_roots_are_a_question_by_default(tmp_path: Path) -> None:
    result = read_source(write(tmp_path, SEVERAL_ROOTS))
    assert [p.code for p in result.problems] == ["roots"]
    assert "3 positions have no superior (lines 2, 4, 5)" in str(result.problems[0])


def test_several_roots_kept_as_a_forest(tmp_path: Path) -> None:
    org = read_source(write(tmp_path, SEVERAL_ROOTS), ImportOptions(roots=RootPolicy.FOREST)
                      ).require()
    assert [p.title for p in org.roots()] == ["客服部经理", "质检部经理", "培训部经理"]


def test_several_roots_under_a_named_new_root(tmp_path: Path) -> None:
    options = ImportOptions(roots=RootPolicy.ADD_ROOT, root_title="呼叫中心总监")
    org = read_source(write(tmp_path, SEVERAL_ROOTS), options).require()
    (root,) = org.roots()
    assert root.title == "呼叫中心总监" and root.id == 5
    assert [p.title for p in org.direct_reports(root.id)] == ["客服部经理", "质检部经理", "培训部经理"]
    empty = read_source(write(tmp_path, SEVERAL_ROOTS),
                        ImportOptions(roots=RootPolicy.ADD_ROOT, root_title=" "))
    assert messages(empty.problems) == ["The new top position needs a title."]


def test_parent_by_name_when_names_are_unique_and_ambiguity_reported(tmp_path: Path) -> None:
    ok = read_source(write(tmp_path, "Name,Title,Reports_To\n张伟,经理,\n李娜,主管,张伟\n"))
    assert [p.title for p in ok.require().positions()] == ["经理", "主管"]
    twice = read_source(write(tmp_path, "Name,Title,Reports_To\n张伟,经理,\n张伟,副经理,\n"
                                        "李娜,主管,张伟\n"), ImportOptions(roots=RootPolicy.FOREST))
    assert messages(twice.problems) == [
        ("Line 4: the superior “张伟” in column “Reports_To” could be any of lines 2, 3; name "
        "superiors by id (--map COLUMN=id and --map COLUMN=superior), or give those positions "
        "different names.")]


def test_self_reference(tmp_path: Path) -> None:
    # The top person as their own manager (HR exports): the top position, said in a notice.
    result = read_source(write(tmp_path, "id,pid,title\n1,1,经理\n"))
    assert [p.superior_id for p in result.require().positions()] == [None]
    assert result.notices == [
        "The value in column “pid” of line 2 is its own id, so it was read as a top position."]


def test_bad_values_of_each_kind_are_reported(tmp_path: Path) -> None:
    text = ("title,学历,年龄,工作年限,Is Assistant?,在岗人数\n"
            "经理,小学,老,很多,maybe,-1\n")
    found = messages(read_source(write(tmp_path, text)).problems)
    fix = ('; correct the value, or keep the column in the notes (--map "{0}=notes") or leave '
           'it out (--map "{0}=ignore").')
    assert found == [
        ("Line 2: “学历”: “小学” is not an education level "
        "(不限 / 初中 / 高中 / 中专 / 大专 / 本科 / 硕士 / 博士)" + fix.format("学历")),
        "Line 2: “年龄”: “老” is not an age range such as 25-35" + fix.format("年龄"),
        "Line 2: “工作年限”: “很多” is not a whole number" + fix.format("工作年限"),
        "Line 2: “Is Assistant?”: “maybe” is neither line nor staff" + fix.format("Is Assistant?"),
        "Line 2: “在岗人数”: “-1” is not a whole number" + fix.format("在岗人数"),
    ]


def test_inverted_age_range_is_reported_with_its_row(tmp_path: Path) -> None:
    found = messages(read_source(write(tmp_path, "title,age\n经理,40-25\n")).problems)
    assert found == [("Line 2: “age”: The age range 40-25 starts after it ends. Correct the value, "
                     "or keep the column in the notes (--map \"age=notes\") or leave it out "
                     "(--map \"age=ignore\").")]


def test_cells_beyond_the_header_are_reported(tmp_path: Path) -> None:
    found = messages(read_source(write(tmp_path, "title,dept\n经理,客服部,extra\n")).problems)
    assert found == [("Line 2: it has 3 cells but the header row names only 2 columns (the first "
                     "extra cell holds “extra”); put quotes round a cell that holds the "
                     "delimiter, or add a header for the extra column.")]


def test_multi_line_quoted_cells_keep_row_numbers_by_first_line(tmp_path: Path) -> None:
    text = 'id,pid,title,职责\n1,,经理,"1、管理\n2、规划"\n2,9,主管,x\n'
    result = read_source(write(tmp_path, text), ImportOptions(roots=RootPolicy.FOREST))
    assert messages(result.problems) == [
        ("Line 4: the value “9” in column “pid” is not the id or title of any row; correct it, or "
        "if it means “no superior”, name it as a no-superior token (--null 9).")]


def test_mapping_overrides_and_ignores_columns(tmp_path: Path) -> None:
    source = write(tmp_path, "编号,姓名,角色,电话,备忘\n1,张伟,经理,+86 1,x\n")
    options = ImportOptions(mapping={"角色": "title", "电话": "ignore", "备忘": "career_path"})
    (position,) = read_source(source, options).require().positions()
    assert position.title == "经理" and position.career_path == "x"
    assert position.holders == ("张伟",)  # the name column still names the person


def test_mapping_of_an_unknown_column_is_an_error(tmp_path: Path) -> None:
    from orgdesk.io.problems import InterchangeError

    with pytest.raises(InterchangeError, match="has no column “nope”"):
        read_source(write(tmp_path, "title\n经理\n"), ImportOptions(mapping={"nope": "title"}))
