"""How the handbook is built for its readers' tools: DOCX headings in Word's own styles
and a TOC field (read from the XML with python-docx), and HTML whose every link lands
(contents → descriptions, description → superior and reports, back to contents) with
the org chart inline as script-free SVG."""
from __future__ import annotations

import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook import render_handbook
from orgdesk.export.handbook.content import build_content, printable_organisation
from orgdesk.storage.reading import read_organisation

SAMPLES = Path(__file__).resolve().parents[2] / "sample_orgs"
DAY = date(2025, 11, 23)


@pytest.fixture(scope="module")
def training_docx(qapp: object) -> Document:
    org = read_organisation(SAMPLES / "training_call_center_50.orgdesk")
    return Document(io.BytesIO(render_handbook(org, "docx", day=DAY)))


def test_docx_headings_use_words_heading_styles(training_docx: Document) -> None:
    body = training_docx.element.body
    styles = {s.style_id: s.name for s in training_docx.styles}
    used = [(styles.get(p.get(qn("w:val"))), p.getparent().getparent())
            for p in body.iter(qn("w:pStyle"))]
    level1 = ["".join(t.text or "" for t in para.iter(qn("w:t")))
              for name, para in used if name == "Heading 1"]
    level2 = ["".join(t.text or "" for t in para.iter(qn("w:t")))
              for name, para in used if name == "Heading 2"]
    assert level1 == ["1　组织结构图", "2　人员编制汇总", "3　岗位说明"]
    assert level2[0] == "3.1　运营总监" and len(level2) == 8  # one per description
    # the built-in styles carry an outline level, which the TOC field and the
    # navigation pane read
    for name, level in (("Heading 1", "0"), ("Heading 2", "1")):
        outline = training_docx.styles[name].element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        assert outline is not None and outline.get(qn("w:val")) == level


def test_docx_contents_is_a_toc_field_with_its_entries(training_docx: Document) -> None:
    body = training_docx.element.body
    codes = ["".join(node.text or "") for node in body.iter(qn("w:instrText"))]
    assert any(code.strip() == 'TOC \\o "1-3" \\h \\z \\u' for code in codes), codes
    # the field's cached result lists every section, so it is never empty
    paragraphs = [p.text for p in training_docx.paragraphs]
    start = paragraphs.index("目录")
    entries = [text.strip() for text in paragraphs[start + 1:start + 12]]
    assert entries[:3] == ["1　组织结构图", "2　人员编制汇总", "3　岗位说明"]
    assert "3.4　话务员" in entries and len(entries) == len(set(entries))


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.in_section: str | None = None
        self.section_links: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "section":
            self.in_section = str(values["id"])
            self.section_links[self.in_section] = []
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))
            if self.in_section:
                self.section_links[self.in_section].append(str(values["href"]))
        for name in values:
            assert not name.startswith("on"), (tag, name)

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.in_section = None


@pytest.mark.parametrize("sample", ["training_call_center_50", "software_ops_department"])
def test_html_links_all_land(qapp: object, sample: str) -> None:
    org = read_organisation(SAMPLES / f"{sample}.orgdesk")
    page = Links()
    page.feed(render_handbook(org, "html", day=DAY).decode("utf-8"))
    assert len(page.ids) == len(set(page.ids))  # ids are unique (the chart's are prefixed)
    for href in page.hrefs:
        assert href.startswith("#") and href[1:] in page.ids, href
    content = build_content(printable_organisation(org), DAY)
    anchor_of = {pid: sheet.anchor for sheet in content.sheets for pid in sheet.position_ids}
    contents_links = [h for h in page.hrefs if h[1:] in page.section_links]
    assert len(contents_links) >= len(content.sheets)
    for sheet in content.sheets:
        links = page.section_links[sheet.anchor]
        assert "#contents" in links
        position = org.position(sheet.position_id)
        if position.superior_id is not None:
            assert f"#{anchor_of[position.superior_id]}" in links
        for report in org.direct_reports(position.id):
            assert f"#{anchor_of[report.id]}" in links
    assert "svg" in page.tags and "script" not in page.tags
    assert "foreignobject" not in page.tags and "image" not in page.tags


def test_html_chart_is_inline_and_escaped(qapp: object) -> None:
    org = Organisation(positions=[
        Position(PositionId(1), '<script>alert(1)</script>"总监"'),
        Position(PositionId(2), "a & b ]]> 组长", PositionId(1))])
    html = render_handbook(org, "html", day=DAY, lang="zh").decode("utf-8")
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert "&amp; b ]]&gt;" in svg
    assert not re.search(r"<title|xlink|href=", svg)  # Graphviz's node names and links are gone
