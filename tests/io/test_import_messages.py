"""Every import refusal names the row or node, the column or key, and a way out.

The sentences are what a consultant reads when a client's file does not
import: each names where (row, column or JSON/GraphML key) and what to do
(an option, a mapping, a correction), and each stays a translatable
`Sentence` so the Chinese interface shows it translated.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgdesk.core.errors import Sentence
from orgdesk.core.model import Position, PositionId, RelationKind
from orgdesk.core.organisation import Organisation
from orgdesk.io.assemble import Assembly, assemble
from orgdesk.io.drafts import Draft, PendingRelation
from orgdesk.io.interchange import export_to, read_source
from orgdesk.io.options import ImportOptions, RootPolicy
from orgdesk.io.problems import InterchangeError, Problem
from orgdesk.io.progress import NO_PROGRESS
from orgdesk.io.tables import Table, effective_mapping, read_drafts


def write(tmp_path: Path, text: str, name: str = "staff.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def write_json(tmp_path: Path, data: object, name: str = "peer.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def texts(path: Path, options: ImportOptions = ImportOptions()) -> list[str]:
    return [str(p) for p in read_source(path, options).problems]


def only(path: Path, options: ImportOptions = ImportOptions()) -> str:
    (problem,) = read_source(path, options).problems
    assert isinstance(problem.message, Sentence), "a problem must stay translatable"
    return str(problem)


# ------------------------------------------------------------------ ids and superiors
def test_a_duplicate_id_names_its_column_and_the_fix(tmp_path: Path) -> None:
    found = only(write(tmp_path, "工号,上级工号,岗位\nE1,,经理\nE1,,主管\n"),
                 ImportOptions(roots=RootPolicy.FOREST))
    assert found.startswith("Line 3: the id “E1” in column “工号” is already used by line 2;")
    assert "give each position its own id" in found and "--map COLUMN=id" in found


def test_a_duplicate_id_in_json_names_the_key(tmp_path: Path) -> None:
    source = write_json(tmp_path, [{"key": "a", "boss": None, "role": "经理"},
                                   {"key": "a", "boss": None, "role": "主管"}])
    found = only(source, ImportOptions(roots=RootPolicy.FOREST, mapping={
        "key": "id", "boss": "superior", "role": "title"}))
    assert found.startswith("Entry 2: the id “a” in key “key” is already used by entry 1;")
    assert "--map KEY=id" in found and "column" not in found


def test_an_ambiguous_superior_names_its_column_and_the_fix(tmp_path: Path) -> None:
    source = write(tmp_path, "Name,Title,Manager Name\n张伟,经理,\n张伟,副经理,\n李娜,主管,张伟\n")
    found = only(source, ImportOptions(roots=RootPolicy.FOREST))
    assert found.startswith("Line 4: the superior “张伟” in column “Manager Name” could be any "
                            "of lines 2, 3;")
    assert "--map COLUMN=superior" in found and "different names" in found


def test_a_cycle_names_the_superior_column_and_the_fix(tmp_path: Path) -> None:
    source = write(tmp_path, "id,上级,title\n1,,总监\n2,3,甲\n3,2,乙\n")
    found = only(source)
    assert found.startswith("Line 3: the reporting lines of lines 3, 4 form a cycle: 甲 → 乙 → 甲;")
    assert "in column “上级” of one of them" in found
    assert "empty it to make that one a top position" in found


# ------------------------------------------------------------------ the top as its own superior
def test_the_top_person_as_their_own_manager_is_the_top_position(tmp_path: Path) -> None:
    source = write(tmp_path, "Employee ID,Manager ID,Job Title\n100,100,CEO\n101,100,CFO\n"
                             "102,101,Controller\n")
    result = read_source(source)
    org = result.require()
    assert [(p.title, p.superior_id) for p in org.positions()] == [
        ("CEO", None), ("CFO", 100), ("Controller", 101)]
    assert result.notices == [("The value in column “Manager ID” of line 2 is its own id, so it "
                              "was read as a top position.")]


def test_a_self_reference_by_name_is_read_the_same_way(tmp_path: Path) -> None:
    source = write(tmp_path, "Name,Title,Reports To\n张伟,总经理,张伟\n李娜,经理,张伟\n")
    result = read_source(source)
    assert [p.superior_id for p in result.require().positions()] == [None, 1]
    assert len(result.notices) == 1 and "of line 2 is its own id" in result.notices[0]


def test_a_self_reference_beside_another_top_is_the_roots_question(tmp_path: Path) -> None:
    # Reading it as a top position would make a second one: the user decides, as for any.
    source = write(tmp_path, "id,pid,title\n1,,总经理\n2,1,经理\n3,3,顾问\n")
    result = read_source(source)
    assert [p.code for p in result.problems] == ["roots"]
    assert "2 positions have no superior (lines 2, 4)" in str(result.problems[0])
    kept = read_source(source, ImportOptions(roots=RootPolicy.FOREST))
    assert [p.title for p in kept.require().roots()] == ["总经理", "顾问"]
    assert kept.notices == [("The value in column “pid” of line 4 is its own id, so it was read "
                            "as a top position.")]


def test_several_self_references_are_one_notice(tmp_path: Path) -> None:
    source = write(tmp_path, "id,pid,title\n1,1,甲\n2,2,乙\n3,1,丙\n")
    result = read_source(source, ImportOptions(roots=RootPolicy.FOREST))
    result.require()
    assert result.notices == [("The values in column “pid” of lines 2, 3 are their own ids, so "
                              "they were read as top positions.")]


def test_a_self_reference_in_orgdesks_own_file_stays_a_problem(tmp_path: Path) -> None:
    own = tmp_path / "own.json"
    export_to(Organisation(positions=[Position(PositionId(1), "经理"),
                                      Position(PositionId(2), "主管", PositionId(1))]), own)
    data = json.loads(own.read_text("utf-8"))
    data["positions"][1]["superior_id"] = 2
    own.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    found = only(own)
    assert found.startswith("Position 2: the value “2” in key “superior_id” is its own id, so it "
                            "reports to itself;")


# ------------------------------------------------------------------ dotted lines
def test_a_dotted_line_to_a_missing_position_names_the_key_and_value(tmp_path: Path) -> None:
    own = tmp_path / "own.json"
    export_to(Organisation(positions=[Position(PositionId(1), "经理"),
                                      Position(PositionId(2), "主管", PositionId(1))]), own)
    data = json.loads(own.read_text("utf-8"))
    data["relations"] = [{"id": 1, "source_id": 2, "target_id": 9, "kind": "dotted",
                          "label": ""}]
    own.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    found = only(own)
    assert found == ("Relation 1: the dotted line from “2” to “9” names “9” in key “target_id”, "
                     "which is not the id of any position; correct it or delete the dotted line.")


def drafts() -> list[Draft]:
    def draft(row: int, key: str, superior: str, name: str, title: str) -> Draft:
        return Draft(row, key, superior, name, None, "", {"title": title, "notes": ""})
    return [draft(2, "1", "", "张伟", "总经理"), draft(3, "2", "1", "李娜", "经理"),
            draft(4, "3", "1", "王芳", "经理")]


def test_a_dotted_line_end_is_found_by_a_unique_name_or_title() -> None:
    relations = [PendingRelation(3, None, "2", "张伟", RelationKind.DOTTED, "",
                                 "line", ("id", "dotted")),
                 PendingRelation(4, None, "总经理", "3", RelationKind.DOTTED, "",
                                 "line", ("dotted", "id"))]
    problems: list[Problem] = []
    org = assemble(drafts(), Assembly("line", relations=relations), problems)
    assert problems == []
    assert org is not None
    assert [(r.source_id, r.target_id) for r in org.relations] == [(2, 1), (1, 3)]


def test_a_dotted_line_end_that_is_ambiguous_or_missing_is_named() -> None:
    relations = [PendingRelation(3, None, "2", "经理", RelationKind.DOTTED, "", "line",
                                 ("ID", "Dotted line to")),
                 PendingRelation(4, None, "3", "赵六", RelationKind.DOTTED, "", "line",
                                 ("ID", "Dotted line to"))]
    problems: list[Problem] = []
    assert assemble(drafts(), Assembly("line", relations=relations), problems) is None
    assert [str(p) for p in problems] == [
        ("Line 3: the dotted line from “2” to “经理” names “经理” in column “Dotted line to”, "
        "which could be any of lines 3, 4; name the position by its id."),
        ("Line 4: the dotted line from “3” to “赵六” names “赵六” in column “Dotted line to”, "
        "which is not the id, name or title of any position; correct it or delete the "
        "dotted line.")]


def test_dotted_lines_are_checked_with_the_other_problems() -> None:
    # Every problem at once: a bad dotted line is not hidden behind a bad superior.
    rows = drafts()
    rows[2].superior = "9"
    relations = [PendingRelation(3, None, "2", "赵六", RelationKind.DOTTED, "", "line")]
    problems: list[Problem] = []
    assemble(rows, Assembly("line", relations=relations), problems)
    assert len(problems) == 2
    assert "names “赵六” in the file, which is not the id, name or title" in str(problems[1])


# ------------------------------------------------------------------ cells
def test_cells_beyond_the_header_in_a_text_file_suggest_quotes(tmp_path: Path) -> None:
    found = only(write(tmp_path, "title,dept\n经理,客服部,华东,上海\n"))
    assert found == ("Line 2: it has 4 cells but the header row names only 2 columns (the first "
                     "extra cell holds “华东”); put quotes round a cell that holds the "
                     "delimiter, or add a header for the extra column.")


def test_cells_beyond_the_header_in_a_sheet_suggest_a_header(tmp_path: Path) -> None:
    # Excel's reader names every filled column (“Column C”); a sheet-like source that does not
    # is told to add a header, since there is no delimiter to quote.
    table = Table(tmp_path / "staff.xlsx", ["title", "dept"], [(2, ["经理", "客服部", "多出来的"])])
    problems: list[Problem] = []
    read_drafts(table, effective_mapping(table.headers, {}), NO_PROGRESS, problems)
    assert [str(p) for p in problems] == [
        ("Row 2: it has 3 cells but the header row names only 2 columns (the first extra cell "
        "holds “多出来的”); add a header for the extra column, or delete its cells.")]


def test_an_unreadable_cell_offers_the_mapping_ways_out(tmp_path: Path) -> None:
    found = only(write(tmp_path, "title,定员\n经理,很多\n"))
    assert found == ('Line 2: “定员”: “很多” is not a whole number; correct the value, or keep '
                     'the column in the notes (--map "定员=notes") or leave it out '
                     '(--map "定员=ignore").')


def test_contradicting_requirements_name_their_column_and_stay_translatable(tmp_path: Path
                                                                            ) -> None:
    (problem,) = read_source(write(tmp_path, "title,最小年龄\n经理,300\n")).problems
    assert str(problem).startswith("Line 2: “最小年龄”: Minimum age must be between 0 and 200, "
                                   "not 300. Correct the value,")
    assert isinstance(problem.message, Sentence)
    # The reason inside keeps its own template, so it is translated too.
    reason = problem.message.arguments["reason"]
    assert isinstance(reason, Sentence) and reason.template.startswith("{label} must be")


def test_requirements_from_two_columns_name_both(tmp_path: Path) -> None:
    found = only(write(tmp_path, "title,最小年龄,最大年龄\n经理,40,25\n"))
    assert found == ("Line 2: The age range 40-25 starts after it ends. Correct the values in "
                     "the columns “最小年龄”, “最大年龄”.")


# ------------------------------------------------------------------ roots and names
def test_the_roots_problem_names_both_choices(tmp_path: Path) -> None:
    (problem,) = read_source(write(tmp_path, "id,pid,title\n1,,甲\n2,,乙\n")).problems
    assert problem.code == "roots"
    assert str(problem) == (
        "2 positions have no superior (lines 2, 3); choose what to do with several top "
        "positions: keep them side by side (--forest), or put them under a new top position "
        "that you name (--root-title TITLE).")


@pytest.mark.parametrize("option", ["mapping", "path_column", "title_fallback"])
def test_a_missing_json_key_is_called_a_key(tmp_path: Path, option: str) -> None:
    source = write_json(tmp_path, [{"id": 1, "parentId": None, "name": "经理"}])
    options = ImportOptions(mapping={"nope": "title"}) if option == "mapping" else \
        ImportOptions(path_column="nope") if option == "path_column" else \
        ImportOptions(title_fallback="nope")
    with pytest.raises(InterchangeError) as raised:
        read_source(source, options)
    assert "“peer.json” has no key “nope”; its keys are: id, parentId, name" in str(raised.value)


def test_a_missing_graphml_key_is_called_a_key(tmp_path: Path) -> None:
    source = tmp_path / "chart.graphml"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '<key id="d0" for="node" attr.name="role" attr.type="string"/>\n'
        '<graph edgedefault="directed">\n'
        '<node id="n0"><data key="d0">经理</data></node>\n'
        '<node id="n1"><data key="d0">主管</data></node>\n'
        '<edge source="n0" target="n1"/>\n</graph>\n</graphml>\n', "utf-8")
    with pytest.raises(InterchangeError, match="has no key “nope”; its keys are: id"):
        read_source(source, ImportOptions(mapping={"nope": "title"}))


def test_a_missing_table_column_is_still_called_a_column(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match="has no column “nope”; its columns are: title"):
        read_source(write(tmp_path, "title\n经理\n"), ImportOptions(path_column="nope"))


def test_the_cli_prints_how_a_failed_file_was_read(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from orgdesk.cli import main

    source = write(tmp_path, "id,pid,title\n1,,甲\n2,2,乙\n")
    assert main(["import", str(source), "-o", str(tmp_path / "out.orgdesk")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("  2 positions have no superior (lines 2, 3); choose what to do")
    assert "  The value in column “pid” of line 3 is its own id, so it was read as a top position." \
        in lines
    assert not (tmp_path / "out.orgdesk").exists()
