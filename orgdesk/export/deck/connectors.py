"""A chart connector as a DrawingML connector shape: preset, transform and adjustments.

The layout draws each connector as an orthogonal polyline (down to the bus,
across, down to the box; or down a stack's spine and across to the box).
DrawingML's elbow connectors are fixed paths in the shape's own frame that
always start horizontally (`bentConnector2` H V, `bentConnector3` H V H,
`bentConnector4` H V H V), placed by a rotation in quarter turns and flips.
So a polyline is matched to the preset with as many segments, under the
quarter turn and flips that map the preset's first segment onto the
polyline's, and the positions of its middle segments become the preset's
adjustments.  PowerPoint and Impress then draw the same lines as the screen,
and PowerPoint re-routes them itself once a glued box is moved.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

from orgdesk.layout.model import Point

#: The preset of an orthogonal path of n segments.
_PRESETS = {1: "straightConnector1", 2: "bentConnector2", 3: "bentConnector3",
            4: "bentConnector4"}
_EPS = 1e-6
#: (rotation in quarter turns clockwise, flipH, flipV), simplest first.
_TRANSFORMS = tuple((rot, fh, fv) for rot in (0, 1, 2, 3) for fh in (False, True)
                    for fv in (False, True))


@dataclass(frozen=True, slots=True)
class ConnectorGeometry:
    """Where a connector shape sits (points, unrotated frame) and how it is turned."""

    preset: str
    x: float
    y: float
    w: float
    h: float
    rotation: int = 0  # quarter turns clockwise
    flip_h: bool = False
    flip_v: bool = False
    adjustments: tuple[tuple[str, float], ...] = ()  # ("adj1", 0..1 of the frame), …


def _to_screen(rot: int, flip_h: bool, flip_v: bool, u: float, v: float) -> Point:
    """A vector of the shape's own frame as drawn: flipped, then turned (y grows down)."""
    if flip_h:
        u = -u
    if flip_v:
        v = -v
    for _ in range(rot):
        u, v = -v, u
    return u, v


def _to_local(rot: int, flip_h: bool, flip_v: bool, x: float, y: float) -> Point:
    for _ in range(rot):
        x, y = y, -x
    if flip_h:
        x = -x
    if flip_v:
        y = -y
    return x, y


def _orthogonal(points: tuple[Point, ...]) -> list[Point]:
    """The polyline without repeated points and with collinear runs merged."""
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < _EPS and abs(out[-1][1] - p[1]) < _EPS:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if abs((bx - ax) * (p[1] - by) - (by - ay) * (p[0] - bx)) < _EPS:
                out[-1] = p
                continue
        out.append(p)
    return out


def straight(start: Point, end: Point) -> ConnectorGeometry:
    """A straight connector from `start` to `end` (its direction kept by the flips)."""
    (sx, sy), (ex, ey) = start, end
    return ConnectorGeometry("straightConnector1", min(sx, ex), min(sy, ey), abs(ex - sx),
                             abs(ey - sy), 0, ex < sx, ey < sy)


def connector_geometry(points: tuple[Point, ...]) -> ConnectorGeometry:
    """The connector shape drawing the orthogonal polyline `points` (start to end).

    A polyline of more than four segments, or not orthogonal, is drawn as an
    elbow between its ends (PowerPoint routes it again when a box moves).
    """
    path = _orthogonal(points)
    if len(path) < 2:
        return straight(points[0], points[-1])
    segments = len(path) - 1
    orthogonal = all(abs(a[0] - b[0]) < _EPS or abs(a[1] - b[1]) < _EPS
                     for a, b in itertools.pairwise(path))
    if segments == 1 or not orthogonal or segments > 4:
        return straight(path[0], path[-1])
    sx, sy = path[0]
    ex, ey = path[-1]
    first_x, first_y = path[1][0] - sx, path[1][1] - sy
    for rot, fh, fv in _TRANSFORMS:
        # The two tests on the first segment and the end first: most turns fail them.
        u1, v1 = _to_local(rot, fh, fv, first_x, first_y)
        if not (u1 > _EPS and abs(v1) < _EPS):
            continue  # the preset's first segment runs along +u
        w, h = _to_local(rot, fh, fv, ex - sx, ey - sy)
        if w < -_EPS or h < -_EPS:
            continue  # the preset ends at the far corner of its frame
        local = [_to_local(rot, fh, fv, x - sx, y - sy) for x, y in path]
        adjustments = _adjustments(segments, local, w, h)
        if adjustments is None:
            continue
        # The frame's centre is the middle of the two ends, whatever the turn.
        cx, cy = (sx + ex) / 2, (sy + ey) / 2
        return ConnectorGeometry(_PRESETS[segments], cx - w / 2, cy - h / 2, max(w, 0.0),
                                 max(h, 0.0), rot, fh, fv, adjustments)
    return straight(path[0], path[-1])  # pragma: no cover  # some transform always fits


def _ratio(part: float, whole: float) -> float:
    return part / whole if abs(whole) > _EPS else 0.5


def _adjustments(segments: int, local: list[Point], w: float, h: float
                 ) -> tuple[tuple[str, float], ...] | None:
    """The preset's adjustments for the local path, or None when it is not that preset's shape."""
    if segments == 2:
        # H then V: ends at (w, h) by construction once the first segment is along +u.
        return ()
    if segments == 3:
        (x1, _), (x1b, y1) = local[1], local[2]
        if abs(x1 - x1b) > _EPS or abs(y1 - h) > _EPS:
            return None
        return (("adj1", _ratio(x1, w)),)
    (x1, _), (x1b, y2), (x3, y2b) = local[1], local[2], local[3]
    if abs(x1 - x1b) > _EPS or abs(y2 - y2b) > _EPS or abs(x3 - w) > _EPS:
        return None
    return (("adj1", _ratio(x1, w)), ("adj2", _ratio(y2, h)))


def drawn_points(geometry: ConnectorGeometry) -> list[Point]:
    """The polyline a connector shape draws, in slide points (the inverse, for tests)."""
    g = geometry
    w, h = g.w, g.h
    adj = dict(g.adjustments)
    if g.preset == "straightConnector1":
        local = [(0.0, 0.0), (w, h)]
    elif g.preset == "bentConnector2":
        local = [(0.0, 0.0), (w, 0.0), (w, h)]
    elif g.preset == "bentConnector3":
        x1 = adj.get("adj1", 0.5) * w
        local = [(0.0, 0.0), (x1, 0.0), (x1, h), (w, h)]
    else:
        x1, y2 = adj.get("adj1", 0.5) * w, adj.get("adj2", 0.5) * h
        local = [(0.0, 0.0), (x1, 0.0), (x1, y2), (w, y2), (w, h)]
    cx, cy = g.x + w / 2, g.y + h / 2
    out = []
    for u, v in local:
        dx, dy = _to_screen(g.rotation, g.flip_h, g.flip_v, u - w / 2, v - h / 2)
        out.append((cx + dx, cy + dy))
    return out
