"""The deck's file: python-pptx's package with each slide's shapes written in as text.

python-pptx makes the package (the slides, their layouts, the links between
slides as relationships); the shapes are DrawingML text (`drawing`).  Parsing
that text into each slide's tree only for python-pptx to write it out again
was a quarter of a 10,000-position deck's time, so the slides are saved with
empty shape trees and the text goes straight into each slide's part in the
saved package.  The slide parts python-pptx writes declare the `a`, `p` and
`r` namespaces the shapes use, on the slide's root.
"""
from __future__ import annotations

import io
import zipfile
from typing import Any

#: Where a slide's shape tree ends in the part python-pptx writes.
_TREE_END = b"</p:spTree>"
#: The namespaces the shapes' text uses, as declared on a slide part's root.
_NAMESPACES = (
    b'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
    b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"',
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
)


def fill_slides(package: bytes, shapes: dict[str, str]) -> bytes:
    """`package` (a .pptx) with `shapes[name]` appended to the shape tree of the slide
    part stored as `name` (e.g. "ppt/slides/slide2.xml")."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        missing = sorted(set(shapes) - set(names))
        if missing:
            raise ValueError(f"no slide part {missing[0]} in the package")
        for name in names:  # in python-pptx's order, compressed as it does
            data = source.read(name)
            text = shapes.get(name)
            if text:
                data = _with_shapes(data, text.encode("utf-8"), name)
            target.writestr(name, data)
    return out.getvalue()


def _with_shapes(part: bytes, shapes: bytes, name: str) -> bytes:
    head, end, tail = part.rpartition(_TREE_END)
    root = part[:part.find(b">", part.find(b"<p:sld"))]
    if not end or _TREE_END in head or not all(ns in root for ns in _NAMESPACES):
        raise ValueError(f"{name} is not a slide with one shape tree declaring a, p and r")
    return head + shapes + end + tail


def add_slides(presentation: Any, layout: Any, count: int) -> list[Any]:
    """`count` new slides of `layout` at the end of `presentation` (python-pptx objects).

    The same slides `presentation.slides.add_slide` makes, each added in constant
    time: python-pptx looks through every relationship and slide id of the
    presentation for each slide it adds (2,000 slides took 10 s, 5,000 a minute).
    With a python-pptx whose insides differ, its own way is taken.
    """
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.packuri import PackURI
    from pptx.parts.slide import SlidePart

    slides = presentation.slides
    part = presentation.part
    id_list: Any = getattr(slides, "_sldIdLst", None)
    add_id = getattr(id_list, "_add_sldId", None)
    add_relationship = getattr(part.rels, "_add_relationship", None)
    if add_id is None or add_relationship is None or not hasattr(id_list, "sldId_lst"):
        return [slides.add_slide(layout) for _ in range(count)]  # pragma: no cover
    next_id = max([255, *(int(s.id) for s in id_list.sldId_lst)]) + 1  # as python-pptx numbers
    first = len(id_list.sldId_lst) + 1
    out = []
    for number in range(first, first + count):
        slide_part = SlidePart.new(PackURI(f"/ppt/slides/slide{number}.xml"), part.package,
                                   layout.part)
        add_id(id=next_id, rId=add_relationship(RT.SLIDE, slide_part))
        next_id += 1
        slide = slide_part.slide
        slide.shapes.clone_layout_placeholders(layout)
        out.append(slide)
    return out
