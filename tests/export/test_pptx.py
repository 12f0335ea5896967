"""The PowerPoint deck read back with python-pptx: one shape per position with its text,
connectors glued to the right boxes (and drawn where the layout draws them),
department colours, dashed vacancies, East-Asian fonts; a big organisation as an
overview and branch slides linked both ways with every position on a slide and no
text under 8 pt; LibreOffice converts it and pdftotext reads the Chinese titles."""
from __future__ import annotations

import dataclasses
import io
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.slide import Slide

from orgdesk.core.model import (
    Department,
    DepartmentId,
    DocumentInfo,
    Position,
    PositionId,
    PositionKind,
    Relation,
    RelationId,
)
from orgdesk.core.organisation import Organisation
from orgdesk.export.deck import render_deck
from orgdesk.export.deck.connectors import connector_geometry, drawn_points
from orgdesk.export.deck.plan import MIN_TEXT_PT, plan_slides
from orgdesk.export.deck.slides import chart_area
from orgdesk.export.dot_build import layout_options
from orgdesk.export.options import ChartExportOptions
from orgdesk.layout.chart import layout_chart
from orgdesk.layout.style import box_style
from orgdesk.storage.document import create_file

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2025, 11, 23)
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def small_org() -> Organisation:
    """客服中心: a director with a staff post, two teams (one vacant, one of 12 seats) and
    a dotted line between the team leaders."""
    departments = [Department(DepartmentId(1), "运营部", "#8FB8DE", 0),
                   Department(DepartmentId(2), "品质部", "#F4C07A", 1)]
    p = PositionId
    positions = [
        Position(p(1), "客服中心总监", None, 0, DepartmentId(1), filled_headcount=1),
        Position(p(2), "总监助理", p(1), 0, DepartmentId(1), PositionKind.STAFF,
                 filled_headcount=1),
        Position(p(3), "一组组长", p(1), 1, DepartmentId(1), filled_headcount=1),
        Position(p(4), "质检主管", p(1), 2, DepartmentId(2), filled_headcount=0),
        Position(p(5), "座席员", p(3), 0, DepartmentId(1), planned_headcount=12,
                 filled_headcount=10),
        Position(p(6), "质检员", p(4), 0, DepartmentId(2), planned_headcount=3,
                 filled_headcount=3),
    ]
    relations = [Relation(RelationId(1), p(6), p(3))]
    return Organisation(DocumentInfo(title="华东客服中心组织架构", client="华东电信"),
                        departments, positions, relations)


def big_org(count: int = 1500, pool: int = 120) -> Organisation:
    """总经理 → 区域经理s → 主管s → teams of 座席 posts, plus a pool of `pool` 专员 under
    a staff assistant: wider and deeper than one legible slide."""
    departments = [Department(DepartmentId(i), f"区域{i}", c, i)
                   for i, c in enumerate(("#8FB8DE", "#F4C07A", "#9CCB9A", "#D9A3C9"), 1)]
    positions = [Position(PositionId(1), "总经理", None, 0, DepartmentId(1))]

    def add(title: str, superior: int, order: int, seats: int = 1,
            kind: PositionKind = PositionKind.LINE) -> int:
        pid = len(positions) + 1
        positions.append(Position(PositionId(pid), title, PositionId(superior), order,
                                  DepartmentId(1 + pid % 4), kind, planned_headcount=seats))
        return pid

    assistant = add("总经理助理", 1, 0, kind=PositionKind.STAFF)
    for k in range(pool):
        add(f"专员{k + 1}", assistant, k)
    region = 0
    while len(positions) < count:
        region += 1
        manager = add(f"区域经理{region}", 1, region)
        for s in range(6):
            lead = add(f"主管{region}-{s + 1}", manager, s)
            for t in range(12):
                if len(positions) >= count:
                    break
                add(f"座席{region}-{s + 1}-{t + 1}", lead, t, seats=1 + t % 3)
    return Organisation(DocumentInfo(title="大型呼叫中心"), departments, positions)


def deck(org: Organisation, **options: object) -> Presentation:
    data = render_deck(org, ChartExportOptions(format="pptx", **options), DAY)  # type: ignore[arg-type]
    return Presentation(io.BytesIO(data))


def all_shapes(slide: Slide) -> list:
    """Every shape of a slide, the members of groups included."""
    out, todo = [], list(slide.shapes)
    while todo:
        shape = todo.pop(0)
        out.append(shape)
        if shape.shape_type == 6:  # a group
            todo.extend(shape.shapes)
    return out


def boxes(slide: Slide) -> dict[int, object]:
    return {int(s.name.split()[1]): s for s in all_shapes(slide)
            if s.name.startswith("Position ") and not s.name.endswith("with seats")}


def test_one_shape_per_position_with_its_text_colour_and_dashed_vacancy() -> None:
    org = small_org()
    slides = list(deck(org).slides)
    assert len(slides) == 2  # the title slide and the chart
    shapes = boxes(slides[1])
    assert set(shapes) == {p.id for p in org.positions()}
    layout = layout_chart(org, layout_options(ChartExportOptions(), org))
    for pid, shape in shapes.items():
        position = org.position(PositionId(pid))
        assert shape.text_frame.text.replace("\v", "").startswith(position.title)
        style = box_style(org, layout.boxes[PositionId(pid)], True)
        assert str(shape.fill.fore_color.rgb) == style.fill.lstrip("#")
        dash = shape._element.find(f".//{A}ln/{A}prstDash")
        assert (dash is not None) == (position.vacancies > 0), position.title
    # The department and the headcount line in the deliverable's language.
    assert "在岗 10/12" in shapes[5].text_frame.text
    assert "运营部" in shapes[5].text_frame.text
    # The ×12 badge is a pill grouped with its box.
    groups = [s for s in slides[1].shapes if s.shape_type == 6]
    assert any("×12" in g.shapes[1].text_frame.text and g.shapes[0].name == "Position 5"
               for g in groups)


def test_markup_characters_are_escaped_once_in_texts_names_and_descriptions() -> None:
    org = small_org()
    marked = 'R&D <x> "q" \'s'
    positions = [dataclasses.replace(p, title=f"{p.title} {marked}") if p.id == 3 else p
                 for p in org.positions()]
    org = Organisation(DocumentInfo(title=f"标题 {marked}", client=marked), org.departments,
                       positions, org.relations)
    slides = list(deck(org).slides)
    cover = " ".join(s.text_frame.text for s in slides[0].shapes)
    assert f"标题 {marked}" in cover and f"客户：{marked}" in cover
    box = boxes(slides[1])[3]
    assert marked in box.text_frame.text.replace("\v", " ")
    # The box's description (alt text) reads as typed, not "R&amp;D &lt;x&gt;".
    described = box._element.find(f"{P}nvSpPr/{P}cNvPr").get("descr")
    assert described == f"一组组长 {marked} · 运营部"


def test_connectors_are_glued_to_their_two_boxes_and_dashed_for_dotted_lines() -> None:
    org = small_org()
    slide = list(deck(org).slides)[1]
    ids = {pid: shape.shape_id for pid, shape in boxes(slide).items()}
    glued = {}
    for shape in all_shapes(slide):
        if shape._element.tag != f"{P}cxnSp" or not shape.name.startswith(("Line", "Dotted")):
            continue
        begin = shape._element.find(f".//{A}stCxn")
        end = shape._element.find(f".//{A}endCxn")
        source, target = (int(x) for x in shape.name.split()[-1].split("-"))
        assert int(begin.get("id")) == ids[source] and int(end.get("id")) == ids[target]
        dashed = shape._element.find(f".//{A}prstDash") is not None
        glued[(source, target)] = dashed
    assert glued == {(1, 2): False, (1, 3): False, (1, 4): False, (3, 5): False,
                     (4, 6): False, (6, 3): True}


def test_elbow_connectors_draw_the_layouts_lines() -> None:
    """Every connector of a big layout, turned into a preset with a rotation, flips and
    adjustments, draws back exactly the layout's polyline."""
    org = big_org(400)
    layout = layout_chart(org, layout_options(ChartExportOptions(), org))
    presets = set()
    for connector in layout.connectors:
        if connector.dashed:
            continue
        geometry = connector_geometry(connector.points)
        presets.add(geometry.preset)
        drawn = drawn_points(geometry)
        simplified = [connector.points[0]]
        for point in connector.points[1:]:
            if point != simplified[-1]:
                simplified.append(point)
        assert len(drawn) <= len(simplified)
        assert drawn[0] == pytest.approx(connector.points[0])
        assert drawn[-1] == pytest.approx(connector.points[-1])
        for point in drawn:  # every corner drawn is a corner (or end) of the layout's line
            assert any(point == pytest.approx(q) for q in simplified)
    assert {"bentConnector3", "bentConnector2"} <= presets


def test_chinese_runs_carry_an_east_asian_typeface_and_the_title_slide() -> None:
    presentation = deck(small_org())
    cover = presentation.slides[0]
    text = "\n".join(s.text_frame.text for s in cover.shapes if s.has_text_frame)
    assert "华东客服中心组织架构" in text and "华东电信" in text and "2025年11月23日" in text
    runs = presentation.slides[1]._element.iter(f"{A}rPr")
    faces = [r.find(f"{A}ea") for r in runs]
    assert faces and all(f is not None and f.get("typeface") for f in faces)
    english = deck(small_org(), lang="en")
    assert "Legend" in "\n".join(s.text_frame.text for s in english.slides[1].shapes
                                 if s.has_text_frame)


def test_a_big_organisation_is_an_overview_and_branch_slides_linked_both_ways() -> None:
    org = big_org(1500)
    presentation = deck(org)
    slides = list(presentation.slides)[1:]
    assert len(slides) > 3
    seen: set[int] = set()
    index_of = {slide.slide_id: i for i, slide in enumerate(slides)}
    roots = {}  # chart slide → the position at its top
    for i, slide in enumerate(slides):
        shapes = boxes(slide)
        seen.update(shapes)
        top = min(shapes.values(), key=lambda s: (s.top, s.left))
        roots[i] = int(top.name.split()[1])
        for size in slide._element.iter(f"{A}rPr"):
            assert int(size.get("sz")) >= MIN_TEXT_PT * 100
    assert seen == {int(p.id) for p in org.positions()}
    downward = 0
    for i, slide in enumerate(slides):
        for pid, shape in boxes(slide).items():
            action = shape.click_action
            if action.target_slide is None:
                continue
            target = index_of[action.target_slide.slide_id]
            if target > i:  # a box leads down to its branch, which starts with it
                assert roots[target] == pid
                downward += 1
                back = [s for s in slides[target].shapes if s.name == "Back link"]
                assert back and back[0].click_action.target_slide.slide_id == slide.slide_id
            else:  # a branch's top box leads back up to the slide it came from
                assert pid == roots[i] and pid in boxes(slides[target])
    assert downward == len(slides) - 1 - sum(
        1 for s in slides if any(x.name == "Next part" for x in s.shapes))


def test_slides_are_added_without_searching_the_presentations_slides_each_time(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """python-pptx's add_slide looks through every slide relationship of the presentation
    for each new slide (quadratic: 2,000 slides took 10 s); the deck adds them directly."""
    from pptx.opc.package import _Relationships

    searched: list[int] = []
    original = _Relationships._get_matching

    def counted(self: _Relationships, *args: object, **kwargs: object) -> str | None:
        searched.append(len(self))
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_Relationships, "_get_matching", counted)
    presentation = deck(big_org())
    slides = list(presentation.slides)
    assert len(slides) > 20
    # Only small relationship lists are searched (a slide's own links), never the
    # presentation's list of all slides once per slide.
    assert sum(1 for size in searched if size > 20) <= 2
    assert [s.slide_id for s in slides] == list(range(256, 256 + len(slides)))
    assert [str(s.part.partname) for s in slides] == [
        f"/ppt/slides/slide{n}.xml" for n in range(1, len(slides) + 1)]


def test_a_team_too_big_for_one_slide_is_cut_into_parts() -> None:
    org = big_org(900, pool=400)
    options = layout_options(ChartExportOptions(), org)
    area = chart_area(2)
    slides = plan_slides(org, options, (area[2], area[3]))
    pool = [s for s in slides if s.root == PositionId(2)]  # the assistant's 400 专员
    assert len(pool) >= 2 and all(s.legible for s in pool)
    shown = [pid for s in pool for pid in s.layout.boxes if pid != PositionId(2)]
    assert sorted(shown) == sorted(org.report_ids(PositionId(2)))


@pytest.mark.skipif(shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice Impress and poppler-utils are installed by make test")
def test_libreoffice_converts_the_deck_and_the_chinese_titles_are_in_the_pdf(
        tmp_path: Path) -> None:
    org = small_org()
    pptx = tmp_path / "deck.pptx"
    pptx.write_bytes(render_deck(org, ChartExportOptions(format="pptx"), DAY))
    subprocess.run(["libreoffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(pptx)],
                   capture_output=True, timeout=240, check=True)
    text = subprocess.run(["pdftotext", str(tmp_path / "deck.pdf"), "-"], capture_output=True,
                          text=True, timeout=60, check=True).stdout
    for position in org.positions():
        assert position.title in text
    assert "华东客服中心组织架构" in text and "图例" in text


def test_cli_writes_the_deck(tmp_path: Path) -> None:
    source = tmp_path / "客服.orgdesk"
    create_file(source, small_org())
    target = tmp_path / "deck.pptx"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "orgdesk", "export", str(source), "-o",
                             str(target), "--lang", "en"], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    presentation = Presentation(str(target))
    assert len(presentation.slides) == 2
    assert set(boxes(presentation.slides[1])) == {1, 2, 3, 4, 5, 6}
    assert "Filled" in presentation.slides[1].shapes[-1].text_frame.text or any(
        "filled" in s.text_frame.text for s in all_shapes(presentation.slides[1])
        if s.has_text_frame)
