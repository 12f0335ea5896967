"""yEd GraphML: the chart as orgdesk lays it out, in yEd's own graphics elements.

Each position is a `y:ShapeNode` placed where orgdesk's compact layout puts
its box (the document's orientation, detail and arrangements, as in the
window), filled with its department colour as on screen, with two
`y:NodeLabel`s: the title (with its ×N badge) at the top and the detail lines
(department, headcount) below.  Each reporting line and dotted line is a
`y:PolyLineEdge` along the layout's connector, dashed for dotted lines, so yEd
opens the file looking like orgdesk's chart.  Every field is also plain
GraphML data under its key (yEd lists them as the node's custom properties;
networkx, Gephi and orgdesk read them), and each edge says its `kind`.

The XML is written directly: yEd's graphics are nested elements no GraphML
library writes.  Every text goes through one escape (markup characters, and
the control characters XML 1.0 cannot hold replaced by U+FFFD).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from orgdesk.core.errors import Sentence
from orgdesk.core.model import RelationKind
from orgdesk.core.organisation import Organisation
from orgdesk.io.graphml_format import MAX_NODES
from orgdesk.io.peers.geometry import chart_options
from orgdesk.io.peers.records import OTHER_FIELDS, Lookup, other_text
from orgdesk.io.problems import ExportFailed
from orgdesk.layout.chart import layout_chart
from orgdesk.layout.model import Box, ChartLayout, Point
from orgdesk.layout.style import box_style

NAMESPACES = (
    'xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" '
    'xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" '
    'xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns:y="http://www.yworks.com/xml/graphml" '
    'xmlns:yed="http://www.yworks.com/xml/yed/3" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"')
#: GraphML data keys beside yEd's graphics: (attr.name, attr.type).
NODE_KEYS: tuple[tuple[str, str], ...] = (
    ("id", "int"), ("title", "string"), ("department", "string"),
    ("department_colour", "string"), ("planned_headcount", "int"),
    ("filled_headcount", "int"), *((f.key, "string") for f in OTHER_FIELDS))
#: The `kind` of a reporting edge, as orgdesk's own GraphML names it.
REPORTS_TO = "reports_to"
#: yEd's own key ids are d0, d1, …: the graphics first, then the data.
NODE_GRAPHICS, EDGE_GRAPHICS, EDGE_KIND = "d0", "d1", "d2"
_FIRST_FIELD = 3
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def text(value: str) -> str:
    """A CR is written as a reference: a parser turns a bare one into LF (XML 1.0 §2.11)."""
    return escape(_XML_ILLEGAL.sub("\ufffd", value), {"\r": "&#13;"})


def attr(value: str) -> str:
    return quoteattr(_XML_ILLEGAL.sub("\ufffd", value))


def _num(value: float) -> str:
    return f"{value:.1f}"


def _keys() -> Iterator[str]:
    yield f'  <key for="node" id="{NODE_GRAPHICS}" yfiles.type="nodegraphics"/>'
    yield f'  <key for="edge" id="{EDGE_GRAPHICS}" yfiles.type="edgegraphics"/>'
    yield f'  <key attr.name="kind" attr.type="string" for="edge" id="{EDGE_KIND}"/>'
    for index, (name, kind) in enumerate(NODE_KEYS):
        yield (f'  <key attr.name="{name}" attr.type="{kind}" for="node" '
               f'id="d{index + _FIRST_FIELD}"/>')


def _label(value: str, position: str, size: float, bold: bool) -> str:
    style = "bold" if bold else "plain"
    return (f'<y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" '
            f'fontSize="{size:g}" fontStyle="{style}" hasBackgroundColor="false" '
            f'hasLineColor="false" horizontalTextPosition="center" iconTextGap="4" '
            f'modelName="internal" modelPosition="{position}" textColor="#000000" '
            f'verticalTextPosition="bottom" visible="true">{text(value)}</y:NodeLabel>')


def _node(org: Organisation, look: Lookup, chart: ChartLayout, box: Box) -> Iterator[str]:
    position = org.position(box.id)
    style = box_style(org, box, chart.staffing)
    title = "\n".join(box.text.title_lines) + (f" {box.text.badge}" if box.text.badge else "")
    details = "\n".join(box.text.detail_lines)
    yield f'    <node id="n{box.id}">'
    values = [str(position.id), position.title, look.department(position),
              look.colour(position, "") if position.department_id is not None else "",
              str(position.planned_headcount), str(position.filled_headcount),
              *other_text(position)]
    for index, value in enumerate(values):
        if value:
            yield f'      <data key="d{index + _FIRST_FIELD}">{text(value)}</data>'
    yield f'      <data key="{NODE_GRAPHICS}">'
    yield '        <y:ShapeNode>'
    yield (f'          <y:Geometry height="{_num(box.h)}" width="{_num(box.w)}" '
           f'x="{_num(box.x)}" y="{_num(box.y)}"/>')
    yield f'          <y:Fill color="{style.fill}" transparent="false"/>'
    line = "dashed" if style.dashed else "line"
    yield f'          <y:BorderStyle color="{style.border}" type="{line}" width="1.0"/>'
    yield "          " + _label(title, "t" if details else "c", 11, True)
    if details:
        yield "          " + _label(details, "b", 9, False)
    yield '          <y:Shape type="roundrectangle"/>'
    yield '        </y:ShapeNode>'
    yield '      </data>'
    yield '    </node>'


def _edge(number: int, source: int, target: int, kind: str, label: str,
          points: tuple[Point, ...], chart: ChartLayout) -> Iterator[str]:
    start, end = chart.boxes[source].centre, chart.boxes[target].centre  # type: ignore[index]  # both ends are boxes of this chart
    first, last = (points[0], points[-1]) if points else (start, end)
    dashed = kind != REPORTS_TO
    yield f'    <edge id="e{number}" source="n{source}" target="n{target}">'
    yield f'      <data key="{EDGE_KIND}">{kind}</data>'
    yield f'      <data key="{EDGE_GRAPHICS}">'
    yield '        <y:PolyLineEdge>'
    yield (f'          <y:Path sx="{_num(first[0] - start[0])}" sy="{_num(first[1] - start[1])}" '
           f'tx="{_num(last[0] - end[0])}" ty="{_num(last[1] - end[1])}">')
    for x, y in points[1:-1]:
        yield f'            <y:Point x="{_num(x)}" y="{_num(y)}"/>'
    yield '          </y:Path>'
    yield (f'          <y:LineStyle color="{"#888888" if dashed else "#555555"}" '
           f'type="{"dashed" if dashed else "line"}" width="1.0"/>')
    yield f'          <y:Arrows source="none" target="{"standard" if dashed else "none"}"/>'
    if label:
        yield (f'          <y:EdgeLabel alignment="center" fontFamily="Dialog" fontSize="9" '
               f'modelName="centered" modelPosition="center" textColor="#000000" '
               f'visible="true">{text(label)}</y:EdgeLabel>')
    yield '          <y:BendStyle smoothed="false"/>'
    yield '        </y:PolyLineEdge>'
    yield '      </data>'
    yield '    </edge>'


def yed_lines(org: Organisation) -> Iterator[str]:
    chart = layout_chart(org, chart_options(org))
    look = Lookup(org)
    routes: dict[tuple[int, int, bool], tuple[Point, ...]] = {
        (c.source, c.target, c.dashed): c.points for c in chart.connectors}
    yield '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
    yield f"<graphml {NAMESPACES}>"
    yield from _keys()
    yield '  <graph edgedefault="directed" id="G">'
    for box in chart.boxes.values():
        yield from _node(org, look, chart, box)
    number = 0
    for position in org.positions():
        if position.superior_id is not None:
            points = routes.get((position.superior_id, position.id, False), ())
            yield from _edge(number, position.superior_id, position.id, REPORTS_TO, "", points,
                             chart)
            number += 1
    for relation in org.relations:
        dashed = relation.kind in (RelationKind.DOTTED, RelationKind.ADVISORY)
        points = routes.get((relation.source_id, relation.target_id, dashed), ())
        yield from _edge(number, relation.source_id, relation.target_id, relation.kind.value,
                         relation.label, points, chart)
        number += 1
    yield '  </graph>'
    yield '</graphml>'


def write_yed(org: Organisation, handle: IO[bytes]) -> None:
    if len(org) > MAX_NODES:  # orgdesk's reader refuses more: never write what it cannot read
        raise ExportFailed(Sentence.of(
            "A GraphML file of {count} positions is more than orgdesk imports ({limit}); "
            "export CSV or JSON instead.", count=f"{len(org):,}", limit=f"{MAX_NODES:,}"))
    for line in yed_lines(org):
        handle.write(line.encode("utf-8") + b"\n")
