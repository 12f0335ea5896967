"""DrawingML for the deck's shapes, written as XML text straight into each slide's part.

Each position is one rounded rectangle holding its own text (so it moves and
edits as one piece in PowerPoint); a ×N badge is a pill grouped with its box;
each connector is a connector shape glued to its two boxes (`stCxn` /
`endCxn`), so moving a box drags its lines.  Building the XML as text and
parsing a slide's shapes in one go is what keeps a 10,000-position deck to a
few seconds: python-pptx's `add_shape` parses a template and scans the slide
for a free id per shape (and even one parse of the text per slide, then
serialising it again, was a quarter of the deck's time; see `package`).  Every
piece of text is escaped here, exactly as lxml would write it.
"""
from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from orgdesk.export.deck.connectors import ConnectorGeometry
from orgdesk.layout.text import clean
from orgdesk.layout.words import Language

EMU_PER_PT = 12700
#: The East-Asian typeface of every run (with the GB2312 charset, so PowerPoint falls
#: back to another Chinese font where YaHei is missing) and the Latin one beside it.
EA_FONT = "Microsoft YaHei"
LATIN_FONT = "Arial"
#: Connection sites of a rectangle or rounded rectangle: top, left, bottom, right.
TOP, LEFT, BOTTOM, RIGHT = 0, 1, 2, 3


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Lines (broken with line breaks) of one style."""

    lines: tuple[str, ...]
    size: float  # points
    colour: str = "#1B1F24"
    bold: bool = False
    align: str = "ctr"  # "l", "ctr", "r"
    spacing: float | None = None  # line pitch in points; None: the font's own


def _text(value: str) -> str:
    # Control characters cannot be written in XML at all; the layout's texts are
    # clean already, the document's title and client are cleaned here.
    if not value.isprintable():
        value = clean(value)
    if "&" in value or "<" in value or ">" in value:  # most texts have none: kept as they are
        return escape(value)
    return value


_QUOTE = {'"': "&quot;"}


def _attr(value: str) -> str:
    """`value` as a double-quoted attribute, escaped once (as lxml writes it)."""
    if not value.isprintable():
        value = clean(value)
    if "&" in value or "<" in value or ">" in value or '"' in value:
        return f'"{escape(value, _QUOTE)}"'
    return f'"{value}"'


class Fonts:
    """The run properties' language and fonts for one deck."""

    def __init__(self, language: Language) -> None:
        self.lang = ('lang="zh-CN" altLang="en-US"' if language == "zh" else 'lang="en-US"')
        self.faces = (f'<a:latin typeface="{LATIN_FONT}"/>'
                      f'<a:ea typeface="{EA_FONT}" pitchFamily="34" charset="-122"/>'
                      f'<a:cs typeface="{LATIN_FONT}"/>')
        # A slide's boxes share a handful of text styles: each is written once.
        self._props: dict[tuple[float, str, bool, bool], str] = {}

    def run_props(self, size: float, colour: str, bold: bool, underline: bool = False) -> str:
        key = (size, colour, bold, underline)
        props = self._props.get(key)
        if props is None:
            weight = ' b="1"' if bold else ""
            line = ' u="sng"' if underline else ""
            props = self._props[key] = (
                f'<a:rPr {self.lang} sz="{round(size * 100)}"{weight}{line} dirty="0">'
                f'<a:solidFill><a:srgbClr val="{colour.lstrip("#")}"/></a:solidFill>'
                f'{self.faces}</a:rPr>')
        return props

    def body(self, paragraphs: list[Paragraph], insets: tuple[float, float, float, float],
             anchor: str = "ctr", wrap: bool = True, underline: bool = False) -> str:
        left, top, right, bottom = insets
        out = [(f'<p:txBody><a:bodyPr wrap="{"square" if wrap else "none"}" lIns="{emu(left)}" '
               f'tIns="{emu(top)}" rIns="{emu(right)}" bIns="{emu(bottom)}" anchor="{anchor}" '
               f'rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>')]
        for paragraph in paragraphs:
            spacing = (f'<a:lnSpc><a:spcPts val="{round(paragraph.spacing * 100)}"/></a:lnSpc>'
                       if paragraph.spacing else "")
            props = self.run_props(paragraph.size, paragraph.colour, paragraph.bold, underline)
            runs = f'<a:br>{props}</a:br>'.join(
                f'<a:r>{props}<a:t>{_text(line)}</a:t></a:r>' if line
                else f'<a:r>{props}<a:t/></a:r>' for line in paragraph.lines)
            pp = (f'<a:pPr algn="{paragraph.align}">{spacing}</a:pPr>' if spacing
                  else f'<a:pPr algn="{paragraph.align}"/>')
            out.append(f'<a:p>{pp}{runs}'
                       f'<a:endParaRPr {self.lang} sz="{round(paragraph.size * 100)}" dirty="0"/>'
                       f'</a:p>')
        if not paragraphs:
            out.append("<a:p/>")
        out.append("</p:txBody>")
        return "".join(out)


def _link(rid: str | None) -> str:
    return (f'<a:hlinkClick r:id="{rid}" action="ppaction://hlinksldjump"/>' if rid else "")


_DASH = '<a:prstDash val="dash"/>'
_ARROW = '<a:tailEnd type="triangle" w="med" len="med"/>'


def _line(colour: str | None, width: float, dashed: bool = False, arrow: bool = False) -> str:
    if colour is None:
        return "<a:ln><a:noFill/></a:ln>"
    return (f'<a:ln w="{emu(width)}"><a:solidFill><a:srgbClr val="{colour.lstrip("#")}"/>'
            f'</a:solidFill>{_DASH if dashed else ""}{_ARROW if arrow else ""}</a:ln>')


def _frame(x: float, y: float, w: float, h: float) -> str:
    return (f'<a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>')


def shape(shape_id: int, name: str, rect: tuple[float, float, float, float], body: str,
          fill: str | None = None, border: str | None = None, border_w: float = 1.0,
          dashed: bool = False, preset: str = "roundRect", corner: float = 0.12,
          link: str | None = None, description: str = "") -> str:
    """A preset shape (a rounded box by default) with its text body."""
    x, y, w, h = rect
    fill_xml = (f'<a:solidFill><a:srgbClr val="{fill.lstrip("#")}"/></a:solidFill>' if fill
                else "<a:noFill/>")
    guide = (f'<a:avLst><a:gd name="adj" fmla="val {round(corner * 100000)}"/></a:avLst>'
             if preset == "roundRect" else "<a:avLst/>")
    descr = f" descr={_attr(description)}" if description else ""
    # Elements without children are written empty (`<x/>`), as lxml writes them.
    props = f'>{_link(link)}</p:cNvPr>' if link else "/>"
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={_attr(name)}{descr}{props}'
            f'<p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr>{_frame(x, y, w, h)}<a:prstGeom prst="{preset}">{guide}</a:prstGeom>'
            f'{fill_xml}{_line(border, border_w, dashed)}</p:spPr>{body}</p:sp>')


def group(shape_id: int, name: str, rect: tuple[float, float, float, float],
          children: list[str]) -> str:
    """Shapes grouped so they move together (a box and its badge)."""
    x, y, w, h = rect
    frame = (f'<a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/>'
             f'<a:chOff x="{emu(x)}" y="{emu(y)}"/><a:chExt cx="{emu(w)}" cy="{emu(h)}"/>'
             f'</a:xfrm>')
    return (f'<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{shape_id}" name={_attr(name)}/>'
            f'<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr>{frame}</p:grpSpPr>'
            f'{"".join(children)}</p:grpSp>')


def connector(shape_id: int, name: str, geometry: ConnectorGeometry,
              begin: tuple[int, int] | None, end: tuple[int, int] | None, colour: str,
              width: float, dashed: bool = False, arrow: bool = False) -> str:
    """A connector shape, glued at `begin` and `end` ((shape id, connection site))."""
    g = geometry
    turn = f' rot="{g.rotation * 5400000}"' if g.rotation else ""
    flips = (' flipH="1"' if g.flip_h else "") + (' flipV="1"' if g.flip_v else "")
    guides = "".join(f'<a:gd name="{key}" fmla="val {round(value * 100000)}"/>'
                     for key, value in g.adjustments)
    glue = ((f'<a:stCxn id="{begin[0]}" idx="{begin[1]}"/>' if begin else "")
            + (f'<a:endCxn id="{end[0]}" idx="{end[1]}"/>' if end else ""))
    return (f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name={_attr(name)}/>'
            f'{f"<p:cNvCxnSpPr>{glue}</p:cNvCxnSpPr>" if glue else "<p:cNvCxnSpPr/>"}'
            f'<p:nvPr/></p:nvCxnSpPr>'
            f'<p:spPr><a:xfrm{turn}{flips}><a:off x="{emu(g.x)}" y="{emu(g.y)}"/>'
            f'<a:ext cx="{emu(g.w)}" cy="{emu(g.h)}"/></a:xfrm>'
            f'<a:prstGeom prst="{g.preset}">'
            f'{f"<a:avLst>{guides}</a:avLst>" if guides else "<a:avLst/>"}</a:prstGeom>'
            f'{_line(colour, width, dashed, arrow)}</p:spPr></p:cxnSp>')
