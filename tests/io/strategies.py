"""Hypothesis strategies: whole organisations with hostile text in every field."""
from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import strategies as st

from orgdesk.core.model import (
    EDUCATION_SCALE,
    MAX_MONTHLY_PAY,
    MAX_ON_COST_PERCENT,
    Department,
    DepartmentId,
    DocumentInfo,
    Kpi,
    Position,
    PositionId,
    PositionKind,
    Relation,
    RelationId,
    RelationKind,
    Requirements,
)
from orgdesk.core.organisation import Organisation
from orgdesk.core.settings import CURRENCY_SETTING, KNOWN

#: Text that spreadsheets and XML find hard: formula starts, control characters,
#: separators of the lenient reader, escapes, OOXML's own _xHHHH_ form.
HOSTILE = ["=SUM(A1:A2)", "+86 138 0013 8000", "-1", "@cmd", "\tTab", "\rCR", "a；b;c",
           "1、负责", "\\n", "_x000D_", "line\nbreak", "'quoted", "#N/A", " padded ", "\x01\x1f",
           "座席员 ×14", "\\e", "name：target", "é\u2028\u0085"]
text = st.one_of(st.text(max_size=12), st.sampled_from(HOSTILE))
title = text.filter(lambda s: s.strip() != "")
small = st.integers(min_value=0, max_value=200)
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                       timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0))


@st.composite
def requirements(draw: st.DrawFn) -> Requirements:
    ages = sorted(draw(st.lists(small, min_size=2, max_size=2)))
    with_ages = draw(st.booleans())
    return Requirements(
        education=draw(st.sampled_from(("", *EDUCATION_SCALE))),
        min_years=draw(st.none() | small),
        age_min=ages[0] if with_ages else draw(st.none() | small.filter(lambda a: a <= ages[1])),
        age_max=ages[1] if with_ages else None,
        languages=tuple(draw(st.lists(text, max_size=3))),
        skills=tuple(draw(st.lists(text, max_size=3))),
        other=draw(text),
    )


@st.composite
def pay(draw: st.DrawFn) -> dict[str, int]:
    """A position's pay fields: none, one figure, or a range; an on-cost or none."""
    low, high = sorted(draw(st.lists(st.integers(0, MAX_MONTHLY_PAY), min_size=2, max_size=2)))
    shape = draw(st.sampled_from(("none", "single", "min only", "max only", "range")))
    pay_min, pay_max = {"none": (0, 0), "single": (high, high), "min only": (low, 0),
                        "max only": (0, high), "range": (low, high)}[shape]
    return {"pay_min": pay_min, "pay_max": pay_max,
            "on_cost_percent": draw(st.integers(0, MAX_ON_COST_PERCENT))}


@st.composite
def organisations(draw: st.DrawFn, max_positions: int = 8) -> Organisation:
    names = draw(st.lists(title, max_size=3, unique=True))
    departments = [Department(DepartmentId(i + 1), name, draw(st.sampled_from(
        ("#D9E2F3", "#8CD17D", "#FFAA00"))), draw(st.integers(0, 5)))
        for i, name in enumerate(names)]
    count = draw(st.integers(1, max_positions))
    ids = draw(st.lists(st.integers(1, 10_000), min_size=count, max_size=count, unique=True))
    positions: list[Position] = []
    siblings: dict[int | None, int] = {}
    for index, pid in enumerate(ids):
        superior = draw(st.none() | st.sampled_from(ids[:index])) if index else None
        order = siblings.get(superior, 0)
        siblings[superior] = order + 1
        planned = draw(st.integers(0, 500))
        positions.append(Position(
            id=PositionId(pid), title=draw(title),
            superior_id=None if superior is None else PositionId(superior), order=order,
            department_id=draw(st.none() | st.sampled_from([d.id for d in departments]))
            if departments else None,
            kind=draw(st.sampled_from(PositionKind)), level=draw(text),
            planned_headcount=planned, headcount_note=draw(text),
            filled_headcount=draw(st.integers(0, 500)),
            duties=tuple(draw(st.lists(text, max_size=4))), requirements=draw(requirements()),
            kpis=tuple(Kpi(draw(text), draw(text)) for _ in range(draw(st.integers(0, 3)))),
            career_path=draw(text), notes=draw(text), source_id=draw(text),
            holders=tuple(draw(st.lists(text, max_size=3))), **draw(pay())))
    relations = []
    if len(ids) > 1:
        for rid in range(1, draw(st.integers(0, 3)) + 1):
            source, target = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2,
                                           unique=True))
            relations.append(Relation(RelationId(rid * 7), PositionId(source), PositionId(target),
                                      draw(st.sampled_from(RelationKind)), draw(text)))
    info = DocumentInfo(draw(text), draw(text), draw(text), draw(text), draw(moments),
                        draw(moments))
    json_values = st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6) | text,
                               lambda inner: st.lists(inner, max_size=3)
                               | st.dictionaries(text, inner, max_size=3), max_leaves=6)
    # Names as the settings rules allow (orgdesk.core.settings); the known settings have
    # rules of their own and are tested there, so random values never take their names.
    names = text.filter(lambda s: s.strip() != "" and s not in KNOWN)
    settings = draw(st.dictionaries(names, json_values, max_size=3))
    if draw(st.booleans()):
        settings[CURRENCY_SETTING] = draw(st.sampled_from(("CNY", "USD", "EUR", "HKD")))
    return Organisation(info, departments, positions, relations, settings)
