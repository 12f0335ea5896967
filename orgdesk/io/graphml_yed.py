"""What yEd and yFiles draw into GraphML: node labels, JSON data, fill colours, dashed edges.

yEd (desktop) keeps a node's look in a `yfiles.type="nodegraphics"` data
element: `<y:ShapeNode>`, `<y:GenericNode>`, `<y:SVGNode>` … with its
`<y:NodeLabel>`s and `<y:Fill color=…>`; a group is a
`<y:ProxyAutoBoundsNode>` whose `<y:Realizers active=…>` hold one look per
state (open, closed).  yFiles for HTML writes `<x:List><y:Label Text=…>` in a
“NodeLabels” data element and a node's tag as `<y:Json>{…}</y:Json>`.  The
namespaces differ between products and versions, so elements are matched by
their local name only.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

#: The node looks whose labels are the node's text (yEd desktop).
_REALIZERS = frozenset({"ShapeNode", "GenericNode", "SVGNode", "ImageNode", "TableNode",
                        "UMLClassNode", "GroupNode", "ProxyAutoBoundsNode"})
_COLOUR = re.compile(r"#([0-9A-Fa-f]{6})(?:[0-9A-Fa-f]{2})?")
_DASHED = frozenset({"dashed", "dotted", "dashed_dotted"})
_BREAKS = re.compile(r"<\s*(?:br\s*/?|/p|/div|/li|/tr|/h[1-6])\s*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")


@dataclass(slots=True)
class Drawing:
    """What one data element with child elements says about its node or edge."""

    labels: list[str] = field(default_factory=list)  # label texts, in the file's order
    json: dict[str, Any] = field(default_factory=dict)  # keys of <y:Json> objects
    json_text: str = ""  # a <y:Json> value that is not an object, as written
    fill: str = ""  # “#RRGGBB”, or "" when none
    dashed: bool = False  # an edge drawn with a dashed or dotted line


def local(tag: object) -> str:
    """An element's name without its namespace (“{uri}ShapeNode” → “ShapeNode”)."""
    text = tag if isinstance(tag, str) else ""
    return text.rpartition("}")[2]


def label_text(raw: str) -> str:
    """A label as plain text: yEd's HTML labels lose their tags, lines are trimmed."""
    text = raw
    if text.lstrip()[:5].lower() == "<html":
        text = html.unescape(_TAGS.sub("", _BREAKS.sub("\n", text)))
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def colour(value: str | None) -> str:
    """“#RRGGBB” (upper case) from yEd's “#RRGGBB” or “#RRGGBBAA”; "" for anything else."""
    match = _COLOUR.fullmatch((value or "").strip())
    return f"#{match.group(1).upper()}" if match else ""


def read_drawing(element: Any) -> Drawing:
    """Labels, JSON data and colour from a `<data>` element that holds child elements."""
    drawing = Drawing()
    for child in element:
        name = local(child.tag)
        if name in _REALIZERS:
            _read_realizer(_active(child), drawing)
    if not drawing.labels:  # yFiles for HTML: <y:Label Text=…> anywhere below (in an x:List)
        for item in element.iter():
            if local(item.tag) == "Label":
                text = item.get("Text")
                if text is None:
                    inner = next((c for c in item if local(c.tag) == "Label.Text"), None)
                    text = inner.text if inner is not None else None
                if text and label_text(text):
                    drawing.labels.append(label_text(text))
    for item in element.iter():
        name = local(item.tag)
        if name == "Json":
            _read_json(item.text or "", drawing)
        elif name == "EdgeLabel" and label_text(item.text or ""):
            drawing.labels.append(label_text(item.text or ""))
        elif name == "LineStyle" and item.get("type") in _DASHED:
            drawing.dashed = True
        elif not drawing.fill and name.endswith("NodeStyle"):  # yFiles for HTML: fill="#…"
            drawing.fill = colour(item.get("fill"))
    return drawing


def _active(realizer: Any) -> Any:
    """A group's look in its current state (the `active` one of its realizers)."""
    holder = next((c for c in realizer if local(c.tag) == "Realizers"), None)
    if holder is None:
        return realizer
    states = list(holder)
    try:
        index = int(holder.get("active", "0"))
    except ValueError:
        index = 0
    return states[index] if 0 <= index < len(states) else (states[0] if states else realizer)


def _read_realizer(realizer: Any, drawing: Drawing) -> None:
    for child in realizer:
        name = local(child.tag)
        if name == "NodeLabel":
            text = label_text(child.text or "")
            if text:
                drawing.labels.append(text)
        elif name == "Fill" and not drawing.fill:
            drawing.fill = colour(child.get("color"))


def _read_json(text: str, drawing: Drawing) -> None:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # not JSON after all: keep the text as written
        value = None
    if isinstance(value, dict):
        for key, item in value.items():
            drawing.json.setdefault(str(key), item)
    elif text.strip() and not drawing.json_text:
        drawing.json_text = text.strip() if value is None else _scalar(value)


def _scalar(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def json_cell(value: Any) -> object:
    """A JSON value as a table cell: text and numbers as they are, lists one item per line."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return "\n".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False)
