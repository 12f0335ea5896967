"""Position fields as the readable Chinese text of a job description (岗位说明书).

Shared by the handbook and by the comparison, so a requirement reads the same
in the client's document and in "what changed" lists.
"""
from __future__ import annotations

from orgdesk.core.model import Kpi, Position, Requirements

#: Deepest level drawn by indentation in a text list of positions; deeper ones are
#: drawn at this depth after a "…", so a 100,000-level chain does not make every
#: line 200,000 spaces long (the level itself is always shown or known).
MAX_INDENT_LEVELS = 16


def tree_indent(level: int, unit: str = "  ") -> str:
    """The indentation of a position at `level` (1 for a root) in a text list."""
    if level <= MAX_INDENT_LEVELS:
        return unit * (level - 1)
    return unit * (MAX_INDENT_LEVELS - 1) + "… "


def requirement_lines(req: Requirements) -> list[str]:
    """任职要求 as labelled lines, in the order the seeds write them; stated fields only."""
    lines = []
    if req.education:
        lines.append(f"学历要求：{req.education}")
    if req.min_years is not None:
        lines.append("工作年限：不限" if req.min_years == 0 else f"工作年限：{req.min_years}年以上")
    if req.age_min is not None or req.age_max is not None:
        if req.age_min is not None and req.age_max is not None:
            lines.append(f"年龄要求：{req.age_min}-{req.age_max}岁")
        elif req.age_min is not None:
            lines.append(f"年龄要求：{req.age_min}岁以上")
        else:
            lines.append(f"年龄要求：{req.age_max}岁以下")
    if req.languages:
        lines.append("语言要求：" + "；".join(req.languages))
    if len(req.skills) == 1:
        lines.append(f"技能与素质：{req.skills[0]}")
    elif req.skills:  # one per line: a run of several reads as a wall of text
        lines.append("技能与素质：")
        lines.extend(f"• {skill}" for skill in req.skills)
    if req.other:
        lines.append(f"其他：{req.other}")
    return lines


def kpi_line(kpi: Kpi) -> str:
    return f"{kpi.name}（目标：{kpi.target}）" if kpi.target else kpi.name


def headcount_text(position: Position) -> str:
    """职位定员 as the seeds write it ("1人"), then the filled seats and vacancies."""
    text = f"{position.planned_headcount}人"
    if position.filled_headcount or position.planned_headcount:
        text += (f"（在岗{position.filled_headcount}人，超编{position.over}人）" if position.over
                 else f"（在岗{position.filled_headcount}人，空缺{position.vacancies}人）")
    return text


def seats_suffix(position: Position) -> str:
    """" ×14" for a position with several seats, "" for one."""
    return f" ×{position.planned_headcount}" if position.planned_headcount != 1 else ""
