"""Pay is confidential: the handbook and the chart, in every format, never show it.

Consultants hand the chart and the job-description handbook to the client's
staff; the pay and on-cost of each position are for the cost analysis only.
The figures below are unlike any other number in the document, so finding
one (with or without a thousands separator) means pay leaked.
"""
from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.dot_build import build_dot
from orgdesk.export.handbook import render_handbook
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout.text import Detail

PAY = (73_919, 86_137, 52_471)
ON_COST = 37


def paid() -> Organisation:
    return Organisation(positions=[
        Position(PositionId(1), "客服经理", planned_headcount=1, filled_headcount=1,
                 pay_min=PAY[0], pay_max=PAY[1], on_cost_percent=ON_COST,
                 duties=("全面负责客服中心运营",)),
        Position(PositionId(2), "座席员", PositionId(1), planned_headcount=12,
                 filled_headcount=10, pay_min=PAY[2], pay_max=PAY[2], on_cost_percent=ON_COST),
    ], settings={"currency": "CNY"})


def _leaks(text: str) -> list[str]:
    """Every pay figure, midpoint or seat cost of `paid()` found in `text`."""
    figures = [*PAY, (PAY[0] + PAY[1]) // 2, round((PAY[0] + PAY[1]) / 2 * 1.37),
               round(PAY[2] * 1.37)]
    found = [str(f) for f in figures if re.search(rf"{f}|{f:,}", text)]
    found += [word for word in ("月薪", "社保", "on-cost", "Monthly pay", "CNY")
              if word in text]
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_chart_never_shows_pay(lang: str) -> None:
    for detail in Detail:
        options = ChartExportOptions(format="svg", lang=lang,  # type: ignore[arg-type]  # parametrized literal
                                     legend=True, detail=detail)
        assert _leaks(build_dot(paid(), options).source) == []


def test_the_figures_are_found_when_they_are_there() -> None:
    """The check itself works: the cost report, which is about pay, is full of them."""
    from orgdesk.analysis.cost import analyse_cost
    from orgdesk.analysis.cost_report import cost_text

    assert len(_leaks("\n".join(cost_text(analyse_cost(paid()), "x", "zh")))) >= 4


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_html_handbook_never_shows_pay(qapp: object, lang: str) -> None:
    html = render_handbook(paid(), "html", day=date(2026, 12, 4),
                           lang=lang).decode("utf-8")  # type: ignore[arg-type]  # parametrized literal
    assert "客服经理" in html and "全面负责客服中心运营" in html
    assert _leaks(html) == []


def test_the_word_handbook_never_shows_pay(qapp: object) -> None:
    data = render_handbook(paid(), "docx", day=date(2026, 12, 4))
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        text = "".join(docx.read(name).decode("utf-8", "replace") for name in docx.namelist()
                       if name.endswith(".xml"))
    assert "客服经理" in text and _leaks(text) == []


def test_the_svg_chart_file_never_shows_pay(qapp: object, tmp_path: Path) -> None:
    from orgdesk.export.chart_export import export_chart_file

    target = tmp_path / "chart.svg"
    export_chart_file(paid(), target, ChartExportOptions(format="svg", detail=Detail.DUTIES))
    svg = target.read_text("utf-8")
    assert "客服经理" in svg or "&#23458;" in svg
    assert _leaks(svg) == []


def test_the_powerpoint_deck_never_shows_pay() -> None:
    from orgdesk.export.deck import render_deck

    data = render_deck(paid(), ChartExportOptions(format="pptx", detail=Detail.DUTIES),
                       date(2026, 12, 4))
    with zipfile.ZipFile(io.BytesIO(data)) as deck:
        text = "".join(deck.read(name).decode("utf-8", "replace") for name in deck.namelist()
                       if name.endswith(".xml"))
    assert "客服经理" in text and _leaks(text) == []
