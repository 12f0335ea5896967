"""The words of a scenario comparison's PDF and workbook, in the deliverable's language.

A comparison handed to a client is in one language, chosen for the
deliverable (`orgdesk scenario compare --lang`, else the language of the
document's content; the window: its interface's), so its headings, units,
punctuation and the change details live here as a table per language, not in
Qt's translations, as the handbook's and the chart's words do.  The Chinese
texts are those the comparison dialog shows, so the window's export and the
CLI's read alike.

A change's details are `Sentence`s from `orgdesk.analysis.compare`, nested
(“Changed {fields}.” of “{first}, {second}” of field names); `detail_text`
rewrites the tree template by template.
"""
from __future__ import annotations

from dataclasses import replace

from orgdesk.analysis.compare import ChangeKind
from orgdesk.analysis.scenario_impact import FIGURE_NAMES, ScenarioComparison
from orgdesk.core.errors import Sentence
from orgdesk.core.model import PositionKind
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import currency_of
from orgdesk.layout.words import Language, words_for
from orgdesk.paint.scenario_pdf import Labels

_CHINESE_FIGURES = {"positions": "职位数", "seats": "定员", "filled": "在岗",
                    "vacancies": "空缺人数", "violations": "违反管理幅度规则",
                    "monthly_cost": "月度人工成本"}
_CHINESE_KINDS = {ChangeKind.ADDED: "新增", ChangeKind.REMOVED: "删除", ChangeKind.MOVED: "移动",
                  ChangeKind.RENAMED: "重命名", ChangeKind.CHANGED: "修改"}

#: A currency as a Chinese table's unit says it (others by their ISO code, as in 人工成本（USD）).
_CHINESE_CURRENCIES = {"CNY": "元"}

#: The Chinese of every template a change's details are made of (analysis.compare).
CHINESE_DETAILS: dict[str, str] = {
    "Added “{title}” under {superior}.": "在{superior}下新增“{title}”。",
    "Removed “{title}” from under {superior}.": "从{superior}下删除了“{title}”。",
    "Renamed “{old}” to “{new}”.": "将“{old}”改名为“{new}”。",
    "Moved “{title}” from {old} to {new}.": "将“{title}”从{old}移到{new}下。",
    "Changed {fields}.": "修改了{fields}。",
    "{first}, {second}": "{first}、{second}",
    "{name} {old} → {new}": "{name} {old} → {new}",
    "the top level": "最上层",
    "department": "部门",
    "line/staff kind": "岗位类型（直线/参谋）",
    "level": "层级",
    "planned headcount": "定员",
    "filled headcount": "在岗人数",
    "headcount note": "定员说明",
    "duties": "岗位职责",
    "requirements": "任职要求",
    "KPIs": "KPI指标",
    "career path": "发展方向",
    "notes": "备注",
    "source id": "来源编号",
    "holders": "在岗人员",
    "monthly pay": "月薪",
    "on-cost %": "社保公积金比例",
}
#: A position's kind as a changed value reads in Chinese (the stored values are English words).
_CHINESE_POSITION_KINDS = {PositionKind.LINE.value: "直线", PositionKind.STAFF.value: "参谋"}


def chinese_detail(detail: object) -> str:
    """A change's details in Chinese (a text that is no Sentence is the user's own)."""
    if not isinstance(detail, Sentence) or getattr(detail, "template", None) is None:
        return str(detail)
    template = CHINESE_DETAILS.get(detail.template)
    if template is None:  # a template this table does not know yet: English beats nothing
        return str(detail)
    arguments = {name: chinese_detail(value) for name, value in detail.arguments.items()}
    name = detail.arguments.get("name")
    if isinstance(name, Sentence) and getattr(name, "template", None) == "line/staff kind":
        for side in ("old", "new"):
            arguments[side] = _CHINESE_POSITION_KINDS.get(arguments[side], arguments[side])
    return template.format(**arguments)


def comparison_labels(language: Language, currency: str | None = None) -> Labels:
    """Every text a comparison's PDF and workbook add, in `language`; `currency` (an ISO
    code) is the unit of the monthly cost's column."""
    if language == "zh":
        labels = Labels(
            department="部门", total="合计", no_department="（无部门）",
            figures=dict(_CHINESE_FIGURES), kinds=dict(_CHINESE_KINDS),
            changes="变动的职位", change="变化", position="职位", details="详情",
            words=words_for("zh"), detail=chinese_detail, impact="影响对比",
            id_in="{name} 中的编号", column="{figure}（{name}）", difference="增减",
            movement="{old} → {new}（{delta}）", summary="{changes}：{counts}",
            separator="，", unit="{figure}（{unit}）", column_unit="{figure}（{name}，{unit}）")
    else:
        labels = Labels(figures=dict(FIGURE_NAMES), words=words_for("en"), detail=str)
    if currency:
        unit = _CHINESE_CURRENCIES.get(currency, currency) if language == "zh" else currency
        labels = replace(labels, units={"monthly_cost": unit})
    return labels


def cost_unit(comparison: ScenarioComparison, a: Organisation, b: Organisation) -> str | None:
    """The monthly cost's currency (“CNY”; “CNY → USD” when the scenarios differ), None
    when the comparison has no cost."""
    if not comparison.has_cost:
        return None
    return " → ".join(dict.fromkeys((currency_of(a.settings), currency_of(b.settings))))
