"""The HTML handbook: one self-contained file, parsed with html.parser."""
from __future__ import annotations

import base64
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from orgdesk.core.model import Position, PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook import render_handbook, write_handbook
from orgdesk.storage.reading import read_organisation

SAMPLES = Path(__file__).resolve().parents[2] / "sample_orgs"
DAY = date(2025, 11, 23)


class Collector(HTMLParser):
    """Every start tag with its attributes, the ids, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(data: bytes) -> Collector:
    parser = Collector()
    parser.feed(data.decode("utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def software_ops(qapp: object) -> bytes:
    org = read_organisation(SAMPLES / "software_ops_department.orgdesk")
    return render_handbook(org, "html", day=DAY)


def test_self_contained(software_ops: bytes) -> None:
    page = parse(software_ops)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "link" not in tags and "iframe" not in tags
    ids = {attrs["id"] for _, attrs in page.tags if attrs.get("id")}
    images: list[str] = []
    for _tag, attrs in page.tags:
        for name, value in attrs.items():
            if name in ("src", "href", "srcset", "action", "data"):
                assert value is not None
                if name == "href":
                    assert value.startswith("#") and value[1:] in ids, value  # in-page links only
                else:
                    kind, _, data = value.partition(";base64,")
                    images.append(kind)
                    raw = base64.b64decode(data)
                    if kind == "data:image/png":
                        assert raw[:8] == b"\x89PNG\r\n\x1a\n"
                    else:
                        raise AssertionError(kind)
    assert images == ["data:image/png"]  # the bar chart; the org chart is inline SVG
    assert tags.count("svg") == 1 and "image" not in tags and "foreignobject" not in tags
    assert "运营经理" in software_ops.decode("utf-8").split("<svg", 1)[1]
    assert b"http://" not in software_ops and b"https://" not in software_ops
    assert b"url(" not in software_ops  # nor fonts or images from the style sheet


def test_every_position_with_its_job_description(software_ops: bytes) -> None:
    org = read_organisation(SAMPLES / "software_ops_department.orgdesk")
    page = parse(software_ops)
    text = "".join(page.text)
    sections = [attrs["id"] for tag, attrs in page.tags if tag == "section"]
    assert sections == [f"p{p.id}" for p in org.positions()]  # no two identical here
    for position in org.positions():
        assert position.title in text
        for duty in position.duties:
            assert duty in text
    for label in ("职位名称", "所属部门", "职位定员", "直接上级", "直接下属", "岗位职责",
                  "任职要求", "关键绩效指标", "发展方向"):
        assert text.count(label) >= len(org)
    # software_ops_department.toml: 客户服务专员 ×14, with its note
    assert "14人（在岗0人，空缺14人）" in text
    assert "客户服务专员 ×14" in text  # as 项目督导's direct report
    assert "运营部" in text and "2025年11月23日" in text


def test_hostile_text_is_escaped(qapp: object, tmp_path: Path) -> None:
    org = Organisation(positions=[
        Position(PositionId(1), '<script>alert("x")</script> & 经理',
                 duties=('<img src="http://evil.example/x.png">', "\x01")),
    ])
    out = tmp_path / "h.html"
    write_handbook(org, out, day=DAY)
    data = out.read_bytes()
    page = parse(data)
    assert "script" not in [tag for tag, _ in page.tags]
    assert not any(attrs.get("src", "").startswith("http") for _, attrs in page.tags)
    text = "".join(page.text)
    assert '<script>alert("x")</script> & 经理' in text
    assert '<img src="http://evil.example/x.png">' in text
    assert "\x01" not in data.decode("utf-8")


def test_branch_only(qapp: object) -> None:
    org = read_organisation(SAMPLES / "training_call_center_50.orgdesk")
    assistant = next(p for p in org.positions() if p.title == "运营助理")
    text = "".join(parse(render_handbook(org, "html", root=assistant.id, day=DAY)).text)
    assert "培训师" in text and "质检专员" in text and "话务员" not in text
    assert "范围" in text  # the cover names the branch
