"""Tables as SQL clients and HR systems write them: NULL superiors, no header row,
paths and outline numbers, HR headers in English and Chinese, people lists."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesk.core.organisation import Organisation
from orgdesk.io.interchange import preview, read_source
from orgdesk.io.options import ImportOptions, RootPolicy
from orgdesk.io.problems import Problem
from orgdesk.storage.reading import read_organisation

ROOT = Path(__file__).resolve().parents[2]
HR = Path(__file__).resolve().parent / "fixtures" / "hr"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgdesk", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, env=os.environ.copy(),
                          timeout=120, check=False)


def write(tmp_path: Path, text: str, name: str = "staff.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def tree(org: Organisation) -> dict[str, list[str]]:
    """Each title with its direct reports' titles (empty lists left out)."""
    result = {"": [p.title for p in org.roots()]}
    for position in org.positions():
        result[position.title] = [p.title for p in org.direct_reports(position.id)]
    return {k: v for k, v in result.items() if v}


def by_title(org: Organisation, title: str):  # type: ignore[no-untyped-def]  # a Position
    (found,) = [p for p in org.positions() if p.title == title]
    return found


def same(one: Organisation, other: Organisation) -> bool:
    return list(one.positions()) == list(other.positions()) and (
        one.departments == other.departments)


def cli_import(tmp_path: Path, source: Path, *flags: str) -> Organisation:
    out = tmp_path / f"{source.stem}.orgdesk"
    result = run("import", source, "-o", out, *flags)
    assert result.returncode == 0, result.stderr
    return read_organisation(out)


# ------------------------------------------------------------------ no superior
def test_sql_server_export_with_null_superiors_through_cli_and_read_source(tmp_path: Path) -> None:
    source = HR / "sql_server_employees.csv"
    org = read_source(source).require()
    assert [p.title for p in org.roots()] == ["Chief Executive Officer"]
    assert tree(org)["Production Supervisor"] == ["Production Technician"]
    technicians = by_title(org, "Production Technician")  # three people, one position
    assert (technicians.planned_headcount, technicians.filled_headcount) == (3, 3)
    assert technicians.holders == ("Guy", "Kim", "Ed")
    assert same(cli_import(tmp_path, source), org)


@pytest.mark.parametrize("token", ["NULL", "null", "(null)", "None", "none", "N/A", "n/a", "-",
                                   "0", "0.0", "<NULL>", "nan"])
def test_no_superior_tokens_mean_a_top_position(tmp_path: Path, token: str) -> None:
    source = write(tmp_path, f"id,parent,title\n1,{token},CEO\n2,1,CFO\n")
    org = read_source(source).require()
    assert tree(org) == {"": ["CEO"], "CEO": ["CFO"]}


def test_zero_is_a_reference_when_a_row_has_the_id_zero(tmp_path: Path) -> None:
    source = write(tmp_path, "id,parent,title\n0,,CEO\n1,0,CFO\n")
    assert tree(read_source(source).require()) == {"": ["CEO"], "CEO": ["CFO"]}


def test_a_token_the_user_names_is_a_top_position_too(tmp_path: Path) -> None:
    source = write(tmp_path, "id,parent,title\n1,ROOT,CEO\n2,1,CFO\n")
    found = messages(read_source(source).problems)
    assert found == [("Line 2: the value “ROOT” in column “parent” is not the id or title of any "
                     "row; correct it, or if it means “no superior”, name it as a no-superior "
                     "token (--null ROOT).")]
    org = read_source(source, ImportOptions(null_tokens=("root",))).require()
    assert [p.title for p in org.roots()] == ["CEO"]
    assert [p.title for p in cli_import(tmp_path, source, "--null", "ROOT").roots()] == ["CEO"]


def test_superiors_written_as_decimals_find_their_rows(tmp_path: Path) -> None:
    # pandas writes an id column with empty cells as floats: 1.0, 2.0
    source = write(tmp_path, "id,parent_id,title\n1,,CEO\n2,1.0,CFO\n3,2.0,Accountant\n")
    assert tree(read_source(source).require()) == {"": ["CEO"], "CEO": ["CFO"],
                                                   "CFO": ["Accountant"]}


# ------------------------------------------------------------------ header rows
def test_a_headerless_file_keeps_its_first_row_the_ceo(tmp_path: Path) -> None:
    source = HR / "headerless_hr.csv"
    shown = preview(source)
    assert shown.headers == [f"Column {c}" for c in "ABCDE"]
    assert {k: v for k, v in shown.mapping.items() if v} == {
        "Column A": "id", "Column B": "superior", "Column C": "title"}
    result = read_source(source)
    org = result.require()
    assert [p.title for p in org.roots()] == ["Chief Executive Officer"]
    assert len(org) == 6 and result.rows == 6
    # Rows without a name column are positions, not people: the two agents stay two.
    assert tree(org)["Team Leader"] == ["Customer Service Agent"] * 2
    assert "Column D: Executive" in org.roots()[0].notes
    assert same(cli_import(tmp_path, source), org)


def test_header_can_be_forced_either_way(tmp_path: Path) -> None:
    # Only words: nothing says the first row is data, so it is the header unless told.
    source = write(tmp_path, "CEO,\nCFO,CEO\nCOO,CEO\n")
    assert preview(source).headers == ["CEO", "Column B"]
    options = ImportOptions(header=False, mapping={"Column A": "title", "Column B": "superior"})
    assert tree(read_source(source, options).require()) == {"": ["CEO"], "CEO": ["CFO", "COO"]}
    org = cli_import(tmp_path, source, "--no-header", "--map", "Column A=title",
                     "--map", "Column B=superior")
    assert len(org) == 3
    headerless = HR / "headerless_hr.csv"
    assert preview(headerless, ImportOptions(header=True)).headers[0] == "1"


@pytest.mark.parametrize("text", [
    "id,parent,title\n1,,CEO\n2,1,CFO\n",
    "Employee ID,Manager,Role\n1,,CEO\n2,1,CFO\n",
    "key1,ref,label2\n1,,CEO\n2,1,CFO\n",  # words above numbers: a header it does not know
    "编号,上级,职位\n1,,总经理\n2,1,副总经理\n",
])
def test_a_real_header_row_stays_the_header(tmp_path: Path, text: str) -> None:
    assert read_source(write(tmp_path, text), ImportOptions(
        mapping={"label2": "title", "ref": "superior", "key1": "id"} if "key1" in text
        else {})).require().roots()[0].title in ("CEO", "总经理")
    assert not preview(write(tmp_path, text)).headers[0].startswith("Column")


def test_a_headerless_first_row_with_column_words_is_still_data(tmp_path: Path) -> None:
    source = write(tmp_path, "1,,Contact Center Manager,Team\n2,1,Agent,Team\n"
                             "3,1,Agent,Team\n")
    org = read_source(source).require()
    assert [p.title for p in org.roots()] == ["Contact Center Manager"] and len(org) == 3


def test_headerless_excel_sheet(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [(101, None, "Head of Service"), (102, 101, "Team Leader"), (103, 102, "Agent")]:
        sheet.append(row)
    path = tmp_path / "export.xlsx"
    book.save(path)
    org = read_source(path).require()
    assert tree(org) == {"": ["Head of Service"], "Head of Service": ["Team Leader"],
                         "Team Leader": ["Agent"]}


# ------------------------------------------------------------------ paths
def test_sql_server_hierarchyid_text_through_cli_and_read_source(tmp_path: Path) -> None:
    source = HR / "hierarchyid.csv"
    org = read_source(source).require()  # “OrgNode” is recognised and holds paths
    expected = {"": ["Chief Executive Officer"],
                "Chief Executive Officer": ["Vice President of Service", "Chief Financial Officer"],
                "Vice President of Service": ["Contact Center Manager"],
                "Contact Center Manager": ["Team Leader", "Quality Analyst"],
                "Chief Financial Officer": ["Accountant"]}
    assert tree(org) == expected
    assert tree(read_source(source, ImportOptions(path_column="OrgNode")).require()) == expected
    assert tree(cli_import(tmp_path, source, "--path-column", "OrgNode")) == expected


def test_outline_numbers_are_recognised(tmp_path: Path) -> None:
    source = HR / "outline.csv"
    expected = {"": ["客服中心总监"], "客服中心总监": ["运营经理", "培训经理"],
                "运营经理": ["值班主管", "质检主管"], "培训经理": ["培训师"]}
    assert tree(read_source(source).require()) == expected
    assert tree(cli_import(tmp_path, source)) == expected


@pytest.mark.parametrize("paths", [["1", "1\\1", "1\\2", "1\\2\\1"],
                                   ["/1/", "/1/1/", "/1/2/", "/1/2/1/"],
                                   ["1", "1.1", "1.2", "1.2.1"]])
def test_path_separators(tmp_path: Path, paths: list[str]) -> None:
    rows = "\n".join(f'"{p}",{t}' for p, t in zip(paths, ["A", "B", "C", "D"]))
    source = write(tmp_path, f"node,title\n{rows}\n")
    org = read_source(source, ImportOptions(path_column="node")).require()
    assert tree(org) == {"": ["A"], "A": ["B", "C"], "C": ["D"]}


def test_paths_of_names_give_titles_too(tmp_path: Path) -> None:
    source = write(tmp_path, "Hierarchy,Seats\nService\nService/Operations,1\n"
                             "Service/Operations/Team 1,1\nService/Quality,2\n")
    org = read_source(source).require()
    assert tree(org) == {"": ["Service"], "Service": ["Operations", "Quality"],
                         "Operations": ["Team 1"]}


def test_a_path_without_its_parent_row_is_a_problem_naming_row_column_and_path(
        tmp_path: Path) -> None:
    source = write(tmp_path, "path,title\n1,CEO\n1.1,CFO\n1.2.3,Accountant\n")
    found = messages(read_source(source).problems)
    assert found == [("Line 4: the path “1.2.3” in column “path” places it under “1.2”, but no "
                     "row has that path; add that row or correct the path.")]


def test_a_column_called_path_that_holds_no_paths_goes_to_the_notes(tmp_path: Path) -> None:
    source = write(tmp_path, "id,parent,title,path\n1,,CEO,C:x\n2,1,CFO,D:y\n")
    org = read_source(source).require()
    assert tree(org) == {"": ["CEO"], "CEO": ["CFO"]}
    assert org.roots()[0].notes == "path: C:x"


# ------------------------------------------------------------------ HR headers
def test_english_hr_export_titles_come_from_job_title(tmp_path: Path) -> None:
    source = HR / "english_hr.csv"
    org = read_source(source).require()
    assert tree(org) == {"": ["Head of Customer Care"],
                         "Head of Customer Care": ["Operations Manager"],
                         "Operations Manager": ["Team Leader", "Quality Analyst"],
                         "Team Leader": ["Customer Service Agent"]}
    agents = by_title(org, "Customer Service Agent")
    assert agents.holders == ("Tom Berger", "Lena Novak", "Raj Patel")
    assert (agents.planned_headcount, agents.filled_headcount) == (3, 3)
    assert "Source ids: E-121, E-122, E-123" in agents.notes
    assert "E-123 Raj Patel — Hire Date: 2022-06-13" in agents.notes
    head = org.roots()[0]
    assert head.holders == ("Olivia Chen",) and head.filled_headcount == 1
    assert "Olivia" not in head.title
    assert same(cli_import(tmp_path, source), org)


def test_chinese_hr_export(tmp_path: Path) -> None:
    source = HR / "chinese_hr.csv"
    org = read_source(source).require()
    assert tree(org) == {"": ["呼叫中心经理"], "呼叫中心经理": ["运营主管", "质检员"],
                         "运营主管": ["班组长"], "班组长": ["话务员"]}
    agents = by_title(org, "话务员")
    assert agents.holders == ("陈静", "刘洋", "孙丽") and agents.planned_headcount == 3
    assert {d.name for d in org.departments} == {"客服中心", "运营部", "品质部"}
    assert same(cli_import(tmp_path, source), org)


@pytest.mark.parametrize(("header", "title"), [
    ("Employee Title", "Agent"), ("Position Title", "Agent"), ("Job Title", "Agent"),
    ("职务", "Agent"), ("职位名称", "Agent")])
def test_names_never_become_titles(tmp_path: Path, header: str, title: str) -> None:
    for name_header in ("Name", "Employee Name", "姓名", "short_name"):
        source = write(tmp_path, f"{name_header},Emp No,{header},Supervisor ID\n"
                                 f"Ann Lee,1,Manager,\nBo Wu,2,{title},1\n")
        org = read_source(source).require()
        assert sorted(p.title for p in org.positions()) == ["Agent", "Manager"], name_header


def test_a_failed_lookup_names_the_column(tmp_path: Path) -> None:
    source = write(tmp_path, "Employee Name,Employee Number,Job Title,Reports To ID\n"
                             "Ann Lee,E-1,Manager,\nBo Wu,E-2,Agent,E-99\n")
    assert messages(read_source(source).problems) == [
        ("Line 3: the value “E-99” in column “Reports To ID” is not the id or title of any row; "
        "correct it, or if it means “no superior”, name it as a no-superior token (--null E-99).")]


def test_the_superior_key_column_wins_over_the_name_column(tmp_path: Path) -> None:
    source = write(tmp_path, "Name,Manager Name,Manager ID,ID,Title\n"
                             "Ann,,,1,CEO\nBo,Ann,1,2,CFO\n")
    assert preview(source).mapping["Manager ID"] == "superior"
    assert "Manager Name: Ann" in by_title(read_source(source).require(), "CFO").notes


# ------------------------------------------------------------------ empty titles
def test_empty_title_placeholder_or_column(tmp_path: Path) -> None:
    source = write(tmp_path, "id,parent,title,code\n1,,CEO,X1\n2,1,,X2\n")
    found = messages(read_source(source).problems)
    assert found == [("Line 3: it has no title; give rows without one a placeholder title "
                     "(--empty-title TEXT) or take it from another column (--empty-title "
                     "column:COLUMN).")]
    placeholder = read_source(source, ImportOptions(empty_title="(untitled)")).require()
    assert tree(placeholder) == {"": ["CEO"], "CEO": ["(untitled)"]}
    column = read_source(source, ImportOptions(title_fallback="code")).require()
    assert tree(column) == {"": ["CEO"], "CEO": ["X2"]}
    assert tree(cli_import(tmp_path, source, "--empty-title", "column:code")) == tree(column)
    missing = write(tmp_path, "id,parent,title,code\n1,,CEO,X1\n2,1,,\n", "missing.csv")
    assert messages(read_source(missing, ImportOptions(title_fallback="code")).problems) == [
        ("Line 3: it has no title and its cell in column “code” is empty too; give such rows a "
        "placeholder title (--empty-title TEXT).")]


# ------------------------------------------------------------------ people lists
def people_list(count: int = 107) -> str:
    """A contact centre's staff list: a director, 3 managers, 6 team leaders, agents."""
    rows = ["Employee ID,Full Name,Job Title,Manager ID,Department"]
    rows.append("E0001,Dana Director,Contact Center Director,,Contact Center")
    leaders = []
    for m in range(3):
        manager = f"E01{m}0"
        rows.append(f"{manager},Manager {m},Operations Manager,E0001,Contact Center")
        for t in range(2):
            leader = f"E1{m}{t}0"
            leaders.append(leader)
            rows.append(f"{leader},Leader {m}{t},Team Leader,{manager},Contact Center")
    for number in range(count - 10):
        leader = leaders[number % len(leaders)]
        rows.append(f"E2{number:03d},Agent {number},Customer Service Agent,{leader},"
                    f"Contact Center")
    return "\n".join(rows) + "\n"


def test_107_people_become_grouped_positions_with_holders(tmp_path: Path) -> None:
    source = write(tmp_path, people_list(107), "people.csv")
    org = read_source(source).require()
    positions = list(org.positions())
    assert sum(p.planned_headcount for p in positions) == 107
    assert sum(p.filled_headcount for p in positions) == 107
    assert sum(p.vacancies for p in positions) == 0
    # Team leaders manage agents, so each keeps a position of their own.
    assert len([p for p in positions if p.title == "Team Leader"]) == 6
    agents = [p for p in positions if p.title == "Customer Service Agent"]
    assert len(agents) == 6 and sorted(p.planned_headcount for p in agents) == [16] * 5 + [17]
    first = agents[0]
    assert first.holders[:2] == ("Agent 0", "Agent 6") and len(first.holders) == 17
    assert first.source_id == "E2000"
    assert "Source ids: E2000, E2006, E2012" in first.notes
    assert len(positions) == 1 + 3 + 6 + 6
    assert same(cli_import(tmp_path, source), org)


def test_people_without_grouping_are_filled_seats(tmp_path: Path) -> None:
    source = write(tmp_path, people_list(107), "people.csv")
    org = read_source(source, ImportOptions(group_people=False)).require()
    assert len(org) == 107
    assert all(p.filled_headcount == 1 and p.planned_headcount == 1 for p in org.positions())
    assert len(cli_import(tmp_path, source, "--no-group-people")) == 107


def test_a_vacant_seat_in_a_people_list(tmp_path: Path) -> None:
    source = write(tmp_path, "Name,Title,Reports To\nAnn,Manager,\nBo,Agent,Ann\n"
                             "Vacant,Agent,Ann\n")
    agents = by_title(read_source(source).require(), "Agent")
    assert (agents.planned_headcount, agents.filled_headcount) == (2, 1)
    assert agents.holders == ("Bo",)


def test_a_positions_list_is_not_people(tmp_path: Path) -> None:
    source = write(tmp_path, "id,parent,name\n1,,Manager\n2,1,Agent\n3,1,Agent\n")
    org = read_source(source, ImportOptions(roots=RootPolicy.FOREST)).require()
    assert len(org) == 3 and all(p.filled_headcount == 0 for p in org.positions())


def test_grouping_can_be_forced_on_a_list_without_names(tmp_path: Path) -> None:
    source = write(tmp_path, "id,parent,title\n1,,Manager\n2,1,Agent\n3,1,Agent\n")
    org = read_source(source, ImportOptions(group_people=True)).require()
    assert by_title(org, "Agent").planned_headcount == 2 and len(org) == 2


# ------------------------------------------------------------------ more systems' habits
# MySQL OUTFILE, R, Excel, SuccessFactors, Chinese “none”
@pytest.mark.parametrize("token", ["\\N", "NA", "#N/A", "NO_MANAGER", "无"])
def test_more_systems_no_superior_spellings(tmp_path: Path, token: str) -> None:
    source = write(tmp_path, f"id,parent,title\n1,{token},CEO\n2,1,CFO\n")
    assert [p.title for p in read_source(source).require().roots()] == ["CEO"]


def test_a_token_that_is_a_rows_title_stays_a_reference(tmp_path: Path) -> None:
    source = write(tmp_path, "title,reports to\nNA,\nSales East,NA\n")
    assert tree(read_source(source).require()) == {"": ["NA"], "NA": ["Sales East"]}


@pytest.mark.parametrize(("header_row", "expected"), [
    ("Employee #,First Name,Last Name,Job Title,Reporting to,Division",
     {"Employee #": "id", "First Name": "name", "Job Title": "title",
      "Reporting to": "superior", "Division": "department"}),
    ("姓名,工号,部门,职位,直属主管,直属主管工号,手机号",
     {"姓名": "name", "工号": "id", "部门": "department", "职位": "title",
      "直属主管工号": "superior"}),
    ("Associate ID,Legal Name,Job Title Description,Reports To Name,Reports To Associate ID",
     {"Associate ID": "id", "Legal Name": "name", "Job Title Description": "title",
      "Reports To Associate ID": "superior"}),
    ("Worker,Employee ID,Business Title,Manager,Supervisory Organization",
     {"Worker": "name", "Employee ID": "id", "Business Title": "title", "Manager": "superior",
      "Supervisory Organization": "department"}),
])
def test_hr_system_headers(tmp_path: Path, header_row: str, expected: dict[str, str]) -> None:
    source = write(tmp_path, header_row + "\n")
    assert {k: v for k, v in preview(source).mapping.items() if v} == expected


def test_binary_hierarchyid_is_named_with_the_fix(tmp_path: Path) -> None:
    source = write(tmp_path, "OrgNode,Title\n0x,CEO\n0x58,CFO\n0x5AC0,Accountant\n")
    found = messages(read_source(source, ImportOptions(roots=RootPolicy.FOREST)).problems)
    assert found == [("The column “OrgNode” holds SQL Server hierarchyid values in their binary "
                     "form (0x…); export the column as text (OrgNode.ToString()) and import that "
                     "file.")]
