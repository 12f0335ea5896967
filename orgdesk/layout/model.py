"""The result of a chart layout: boxes and connectors in points, y growing downwards."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Literal

from orgdesk.core.model import PositionId
from orgdesk.layout.text import BoxText, Detail, Measure, Words, estimate_size

Orientation = Literal["tb", "lr"]
Arrangement = Literal["horizontal", "vertical", "two_columns"]
#: Per-position choice for how its leaf reports are arranged (position id → arrangement).
LayoutOverrides = Mapping[PositionId, Arrangement]
Point = tuple[float, float]


class ConnectorKind(str, Enum):
    """What a connector shows."""

    REPORT = "report"  # a line report under its superior
    STAFF = "staff"  # a staff post beside its superior's trunk
    DOTTED = "dotted"  # a dotted-line (functional) relation
    ADVISORY = "advisory"  # an advisory relation


@dataclass(frozen=True, slots=True)
class Box:
    """One position's box; (x, y) is its top-left corner."""

    id: PositionId
    x: float
    y: float
    w: float
    h: float
    text: BoxText
    staff: bool = False
    stacked: bool = False  # one of a stack of leaf reports
    reports: int = 0  # direct reports in the document (visible or not)
    collapsed: bool = False  # has reports that are hidden by the user's collapse

    @property
    def centre(self) -> Point:
        return (self.x + self.w / 2, self.y + self.h / 2)


@dataclass(frozen=True, slots=True)
class Connector:
    """A polyline between two boxes; dashed for relations that are not reporting lines."""

    source: PositionId
    target: PositionId
    points: tuple[Point, ...]
    kind: ConnectorKind = ConnectorKind.REPORT
    label: str = ""

    @property
    def dashed(self) -> bool:
        return self.kind in (ConnectorKind.DOTTED, ConnectorKind.ADVISORY)


@dataclass(frozen=True, slots=True)
class LayoutOptions:
    """Everything that shapes a layout besides the document itself."""

    orientation: Orientation = "tb"
    detail: Detail = Detail.SUMMARY
    stack_threshold: int = 4  # stack leaf reports when a position has more than this
    overrides: LayoutOverrides = field(default_factory=dict)
    collapsed: frozenset[PositionId] = frozenset()
    #: Managers' boxes show their team's seats and filled seats (everything below them).
    rollup: bool = False
    root: PositionId | None = None  # lay out only this branch
    depth: int | None = None  # levels below the root(s) to include (0: the root alone)
    measure: Measure = estimate_size
    words: Words = Words()
    h_gap: float = 20.0  # between neighbouring subtrees
    v_gap: float = 36.0  # between a box and the row of its reports
    stack_gap: float = 10.0  # between boxes of a stack
    stack_indent: float = 16.0  # from the stack's spine to its boxes
    #: Most rows of one stack of leaf posts in a balanced layout (a long run becomes
    #: stacks side by side); a 16:9 slide wants shorter stacks than a page.
    stack_rows: int = 12
    margin: float = 18.0
    #: Wrap long rows of reports so a big chart is about as wide as a page (see layout.balance);
    #: False gives the plain wide layout, every position's reports in one row.
    balance: bool = True


@dataclass(frozen=True, slots=True)
class ChartLayout:
    """Boxes (in the document's depth-first sibling order) and connectors of one chart."""

    boxes: dict[PositionId, Box]
    connectors: tuple[Connector, ...]
    width: float
    height: float
    orientation: Orientation = "tb"
    staffing: bool = False  # the document records filled seats (vacancies are meaningful)


def _positional_maker(cls: type) -> Callable[..., object]:
    """A constructor taking every field positionally, for building charts in bulk.

    The instance is the same as `cls(...)` gives (equal, same hash, still frozen):
    the fields are set through the slots' own descriptors instead of the frozen
    class's `object.__setattr__` per field, which costs as much again on
    a 10,000-box chart.  Only for classes without `__post_init__`.
    """
    assert not hasattr(cls, "__post_init__")
    names = [f.name for f in fields(cls)]
    namespace: dict[str, object] = {"_new": object.__new__, "_cls": cls}
    namespace.update({f"_set_{name}": getattr(cls, name).__set__ for name in names})
    source = (f"def make({', '.join(names)}):\n    self = _new(_cls)\n"
              + "".join(f"    _set_{name}(self, {name})\n" for name in names)
              + "    return self\n")
    exec(source, namespace)
    return namespace["make"]  # type: ignore[return-value]  # exec defines make() just above


#: Box(id, x, y, w, h, text, staff, stacked, reports, collapsed), all positional.
new_box: Callable[[PositionId, float, float, float, float, BoxText, bool, bool, int, bool], Box] = (
    _positional_maker(Box))  # type: ignore[assignment]  # the generated maker takes Box's fields in order
#: Connector(source, target, points, kind, label), all positional.
new_connector: Callable[[PositionId, PositionId, tuple[Point, ...], ConnectorKind, str],
                        Connector] = _positional_maker(Connector)  # type: ignore[assignment]  # the generated maker takes Connector's fields in order
