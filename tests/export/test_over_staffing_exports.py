"""超编 in the deliverables: the chart (box text, red border, legend) and the handbook
(headcount line, figures with an Over column whose rows reconcile)."""
from __future__ import annotations

from datetime import date

import pytest

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.dot_build import build_dot
from orgdesk.export.handbook import render_handbook
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout.style import OVER


def staffed() -> Organisation:
    return Organisation(positions=[
        Position(PositionId(1), "客服经理", planned_headcount=1, filled_headcount=1),
        Position(PositionId(2), "座席员", PositionId(1), planned_headcount=12,
                 filled_headcount=15),
        Position(PositionId(3), "质检员", PositionId(1), order=1, planned_headcount=2,
                 filled_headcount=0),
    ])


@pytest.mark.parametrize(("lang", "said"), [("zh", "超编 3"), ("en", "3 over")])
def test_the_chart_export_flags_over_staffing(lang: str, said: str) -> None:
    dot = build_dot(staffed(), ChartExportOptions(format="svg", lang=lang,  # type: ignore[arg-type]  # parametrized literal
                                                  legend=True)).source
    node = next(line for line in dot.splitlines() if line.lstrip().startswith("n2 ["))
    assert said in node and OVER in node
    assert ("超编（在岗多于定员）" if lang == "zh" else "Over-staffed") in dot
    calm = next(line for line in dot.splitlines() if line.lstrip().startswith("n3 ["))
    assert OVER not in calm


def test_the_handbook_says_over_and_its_figures_reconcile(qapp: object) -> None:
    html = render_handbook(staffed(), "html", day=date(2026, 12, 4)).decode("utf-8")
    assert "15人（在岗15人，超编3人）" not in html  # planned is 12, not 15
    assert "12人（在岗15人，超编3人）" in html
    assert "在岗15人，空缺0人" not in html
    assert "<th>超编</th>" in html
    # The totals row: positions, planned, filled, vacant, over (15 = 16 − 3 + 2).
    assert ('<tr class="total"><td>合计</td><td class="n">3</td><td class="n">15</td>'
            '<td class="n">16</td><td class="n">2</td><td class="n">3</td></tr>') in html


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_word_and_pdf_handbooks_carry_the_over_column(qapp: object, fmt: str) -> None:
    import io
    import zipfile

    data = render_handbook(staffed(), fmt, day=date(2026, 12, 4))  # type: ignore[arg-type]  # parametrized literal
    if fmt == "docx":
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
        assert "超编" in xml and "在岗15人，超编3人" in xml
    else:
        assert data.startswith(b"%PDF")
