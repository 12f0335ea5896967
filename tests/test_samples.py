"""The bundled samples: built files current, figures as the seeds give them.

Every expected figure below was read off the seed by hand (seed file and line
in the comment), not taken from the program's output.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from orgdesk.core.model import PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.library import position_library
from orgdesk.report import summary
from orgdesk.samples import find_sample, samples, stale_samples
from orgdesk.storage.reading import read_organisation

ROOT = Path(__file__).resolve().parents[1]

# slug: (positions, planned seats, roots, depth, departments)
EXPECTED = {
    # 002 l.774-911: 客服经理 → 客服主管, 网管/技术支持, 质培主管 → 质检员, 培训员; 数据分析/行政
    "call_center_chart": (7, 7, 1, 3, ["呼叫中心"]),
    # 002 l.153: 总经理1名, 副总经理1名; 运营部、品质部、支撑部、营销部和综合部;
    # l.159: 经理岗、主管岗、组长岗、投诉专员岗、回访专员岗、座席岗 (编制 numbers cut off in the seed)
    "bank_service_center": (16, 16, 1, 6, ["运营部", "品质部", "支撑部", "营销部", "综合部"]),
    # 003 l.36-75: 运营经理, 项目经理, 项目督导 (每个项目督导负责12~14名员工),
    # 客户服务专员, 质检专员, 培训专员
    "software_ops_department": (6, 19, 1, 4, ["运营部"]),
    # 001 l.11-101: 客户服务部经理 → 呼叫中心主管 → 组长 → 座席员; 质检员
    "private_company_call_center": (5, 5, 1, 4, ["客户服务部", "呼叫中心"]),
    # 002 l.269-305: 呼叫中心经理; 话务小组, 技术小组, 回访小组
    "tax_invoice_call_center": (12, 12, 1, 3, ["话务小组", "技术小组", "回访小组"]),
    # 002 l.560-566: 以50人左右来安排; 运营总监1人; 项目经理1人+运营助理1人; 4-5个项目组 × 10-12名话务员
    "training_call_center_50": (14, 50, 1, 4, ["项目组1", "项目组2", "项目组3", "项目组4"]),
}


def test_every_required_sample_is_bundled() -> None:
    assert {s.slug for s in samples()} == set(EXPECTED)


def test_built_files_are_current() -> None:
    assert stale_samples() == []


def test_build_command_recreates_an_identical_document(tmp_path: Path) -> None:
    from orgdesk.samples import build, load_sample_source

    sample = find_sample("call_center_chart")
    copy = type(sample)(sample.slug, tmp_path / "call_center_chart.toml", sample.title)
    copy.source.write_bytes(sample.source.read_bytes())
    build(copy)
    assert read_organisation(copy.built).snapshot() == load_sample_source(sample.source).snapshot()


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_info_matches_the_seed(slug: str) -> None:
    positions, planned, roots, depth, departments = EXPECTED[slug]
    data = summary(read_organisation(find_sample(slug).built))
    assert data["positions"] == positions
    assert data["headcount_planned"] == planned
    assert data["roots"] == roots
    assert data["depth"] == depth
    assert [d["name"] for d in data["departments"]] == departments
    assert data["vacancies"] == data["headcount_planned"] - data["headcount_filled"]


def _org(slug: str) -> Organisation:
    return read_organisation(find_sample(slug).built)


def _reports(org: Organisation, title: str) -> list[str]:
    (position,) = [p for p in org.positions() if p.title == title]
    return [r.title for r in org.direct_reports(position.id)]


def test_call_center_chart_reporting_lines() -> None:
    org = _org("call_center_chart")
    assert _reports(org, "客服经理") == ["客服主管", "网管/技术支持", "质培主管", "数据分析/行政"]
    assert _reports(org, "质培主管") == ["质检员", "培训员"]
    (admin,) = [p for p in org.positions() if p.title == "数据分析/行政"]
    assert admin.kind is PositionKind.STAFF
    (supervisor,) = [p for p in org.positions() if p.title == "客服主管"]
    assert (supervisor.requirements.age_min, supervisor.requirements.age_max) == (25, 40)


def test_software_ops_supervisor_has_fourteen_agents() -> None:
    org = _org("software_ops_department")
    assert _reports(org, "项目经理") == ["项目督导"]
    (agents,) = [p for p in org.positions() if p.title == "客户服务专员"]
    assert agents.planned_headcount == 14
    assert "12~14" in agents.headcount_note
    assert org.superior(agents.id).title == "项目督导"


def test_training_center_groups_and_assistant() -> None:
    org = _org("training_call_center_50")
    assert _reports(org, "运营总监") == ["项目经理", "运营助理"]
    assert _reports(org, "运营助理") == ["培训师", "人事专员", "质检专员"]
    groups = org.direct_reports(next(p for p in org.positions() if p.title == "项目经理").id)
    assert len(groups) == 4
    for leader in groups:
        (agents,) = org.direct_reports(leader.id)
        assert 10 <= 1 + agents.planned_headcount <= 12  # 每个项目组配备10-12名话务员 incl. 组长


def test_private_company_duties_are_the_eleven_of_figure_8_1() -> None:
    org = _org("private_company_call_center")
    (supervisor,) = [p for p in org.positions() if p.title == "呼叫中心主管"]
    assert len(supervisor.duties) == 11
    assert supervisor.duties[-1] == "完成领导交办的其他工作"


def test_tax_invoice_groups() -> None:
    org = _org("tax_invoice_call_center")
    assert _reports(org, "国税组组长") == ["国税组话务员", "国税远程客服专员"]
    by_department = {d.name: [p.title for p in org.positions_in(d.id)] for d in org.departments}
    assert by_department["技术小组"] == ["技术工程师", "远程技术员", "培训讲师"]
    assert by_department["回访小组"] == ["回访专员", "投诉受理专员", "续费专员"]


def test_position_library_has_every_seed_job_description() -> None:
    library = position_library()
    assert len(library) >= 20
    assert len({t.key for t in library}) == len(library)
    assert all(t.duties for t in library)
    sources = {t.source.split(":")[0] for t in library}
    for seed in ("000_2eb5b0d18e9c2cae", "001_73e632d49d269b87", "002_7f5fa6cf0421ca5d",
                 "003_d2217aa77b9aaacd", "004_452c474f375121a9"):
        assert any(seed in s for s in sources), seed
    titles = {t.title for t in library}
    for title in ("运营经理", "项目督导", "质检专员", "培训专员", "呼叫中心座席员", "呼叫中心质检员"):
        assert title in titles


def test_library_template_becomes_a_position() -> None:
    from orgdesk.core.model import PositionId

    template = next(t for t in position_library() if t.key == "project_supervisor_003")
    position = template.to_position(PositionId(5), PositionId(1))
    assert position.duties == template.duties
    assert position.superior_id == 1


def test_samples_command_check_passes() -> None:
    result = subprocess.run([sys.executable, "-m", "orgdesk.samples", "check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
