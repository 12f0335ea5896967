"""The chart view: the organisation drawn with the same layout as the exported chart.

A standalone QGraphicsView (objectName ``chartView``) that never changes the
document: it shows an `Organisation`, reports what the user selects, activates
or drags (`position_selected`, `position_activated`, `reparent_requested`),
and the main window turns those into commands.  Collapsing is view state
(`collapsed_changed` tells the owner, which may persist it).
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from orgdesk.core.errors import DomainError
from orgdesk.core.model import PositionId
from orgdesk.core.organisation import Organisation
from orgdesk.layout import ChartLayout, Detail, LayoutOptions, Words, layout_chart
from orgdesk.layout.model import LayoutOverrides, Orientation
from orgdesk.layout.style import CONNECTOR, RELATION, box_style
from orgdesk.ui.chart_items import BoxItem, QtMeasure, connector_path

ZOOM_STEP = 1.2
CONNECTOR_RUN = 256  # connectors per path item
MIN_SCALE, MAX_SCALE = 0.05, 6.0
DRAG_DISTANCE = 8


class ChartView(QGraphicsView):
    """Interactive org chart; emits the user's intentions, never edits the document."""

    # Position ids travel as Python objects: a Signal(int) is a 32-bit C++ int,
    # and ids go up to 2⁶³−1.
    position_selected = Signal(object)
    position_activated = Signal(object)
    #: (position, new superior, with its reports): Shift at the press or the drop moves
    #: the position alone, its reports moving up into its place (as in the tree).
    reparent_requested = Signal(object, object, bool)
    collapsed_changed = Signal()
    #: (ids, current): Ctrl+click or a rubber band chose several boxes (`current`, the
    #: last one clicked, or None to keep the window's).
    selection_requested = Signal(list, object)
    #: (ids, new superior, with their reports): several selected boxes dragged together.
    move_selection_requested = Signal(list, object, bool)

    def __init__(self, parent: QWidget | None = None, font_family: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartView")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        # Every item sets the pen, brush and font it paints with (BoxItem.paint, the
        # connector paths), so Qt need not save and restore the painter around each
        # of 10,000 boxes.
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self._family = font_family
        self._measure = QtMeasure(font_family)
        self._org: Organisation | None = None
        self._layout: ChartLayout | None = None
        self._items: dict[int, BoxItem] = {}
        self._matched: set[int] = set()  # search matches, kept across rebuilds
        self._collapsed: set[PositionId] = set()
        self._detail = Detail.SUMMARY
        self._orientation: Orientation = "tb"
        self._overrides: LayoutOverrides = {}
        self._rollup = False  # team totals on managers' boxes
        self._echo = False  # True while select_position changes the selection
        self._press: tuple[BoxItem, QPointF] | None = None
        self._alone = False  # Shift held when the drag started (or now): move it alone
        self._drag_ghost: QGraphicsRectItem | None = None
        self._drop: BoxItem | None = None
        self._toggled = False
        self._fitting = False  # keep fitting to the window until the user zooms
        self._multi: set[int] = set()  # the window's selection, kept across rebuilds
        self._banding = False  # a rubber band (Ctrl/Shift+drag on the empty chart) is open
        self._press_kept = False  # the press fell on a box of a multi-selection, kept
        self._press_adds = False  # a Shift press: a click adds the box, a drag moves it alone
        self.scene().selectionChanged.connect(self._selection_changed)

    # ------------------------------------------------------------ public API
    def words(self) -> Words:
        return Words(filled=self.tr("{filled}/{planned} filled"), over=self.tr("{over} over"),
                     team=self.tr("Team {seats}, {filled} filled"),
                     team_planned=self.tr("Team {seats}"),
                     hidden=self.tr("+{positions} positions / {seats} hidden"),
                     hidden_one=self.tr("+1 position / {seats} hidden"),
                     seats=self.tr("{count} seats"), seat_one=self.tr("{count} seat"))

    def layout_options(self) -> LayoutOptions:
        return LayoutOptions(orientation=self._orientation, detail=self._detail,
                             overrides=self._overrides, collapsed=frozenset(self._collapsed),
                             rollup=self._rollup,
                             measure=self._measure, words=self.words())

    def chart_layout(self) -> ChartLayout | None:
        """The layout on screen (the export dialog exports exactly this one)."""
        return self._layout

    def collapsed(self) -> frozenset[PositionId]:
        return frozenset(self._collapsed)

    def set_collapsed(self, ids: set[PositionId]) -> None:
        self._collapsed = set(ids)
        self._rebuild()

    def set_detail(self, detail: Detail) -> None:
        self._detail = detail
        self._rebuild()

    def configure(self, orientation: Orientation, detail: Detail,
                  overrides: LayoutOverrides, rollup: bool = False) -> None:
        """Set the document's chart settings at once; the next refresh draws them."""
        self._orientation = orientation
        self._detail = detail
        self._overrides = dict(overrides)
        self._rollup = rollup

    def refresh(self, org: Organisation) -> None:
        """Show `org` (after an edit) keeping zoom, scroll position and selection."""
        self._org = org
        self._collapsed = {pid for pid in self._collapsed if pid in org}  # removed ones go
        self._rebuild()

    def select_position(self, pid: int) -> None:
        """Select `pid` (from the tree or a panel) without echoing position_selected."""
        item = self._items.get(pid)
        if pid in self._multi and len(self._multi) > 1:
            # The current one of several selected: they all stay highlighted.
            self.select_positions(self._multi, pid)
            return
        self._multi = {pid}
        self._echo = True
        try:
            self.scene().clearSelection()
            if item is not None:
                item.setSelected(True)
                self.ensureVisible(item, 40, 40)
        finally:
            self._echo = False

    def select_positions(self, ids: set[int] | list[int], current: int | None) -> None:
        """Highlight every box of `ids` (the window's selection), without echoing."""
        self._multi = set(ids)
        self._echo = True
        try:
            scene = self.scene()
            for item in scene.selectedItems():
                if isinstance(item, BoxItem) and item.pid not in self._multi:
                    item.setSelected(False)
            for pid in self._multi:
                box = self._items.get(pid)
                if box is not None and not box.isSelected():
                    box.setSelected(True)
            shown = self._items.get(current) if current is not None else None
            if shown is not None:
                self.ensureVisible(shown, 40, 40)
        finally:
            self._echo = False

    def selected_positions(self) -> set[int]:
        """The ids of every highlighted box."""
        return {i.pid for i in self.scene().selectedItems() if isinstance(i, BoxItem)}

    def set_matched(self, ids: set[int]) -> None:
        """Mark the boxes of the search matches (an empty set clears the marks)."""
        for pid in self._matched ^ set(ids):
            item = self._items.get(pid)
            if item is not None:
                item.matched = pid in ids
                item.update()
        self._matched = set(ids)

    def matched(self) -> frozenset[int]:
        """The ids whose boxes are marked as search matches and are on the chart."""
        return frozenset(pid for pid, item in self._items.items() if item.matched)

    def selected_position(self) -> int | None:
        items = [i for i in self.scene().selectedItems() if isinstance(i, BoxItem)]
        return items[0].pid if items else None

    def zoom_in(self) -> None:
        self._zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitting:
            self.zoom_to_fit()

    def zoom_to_fit(self) -> None:
        self._fitting = True
        rect = self.sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            scale = self.transform().m11()
            if scale > 1.5:
                self.resetTransform()
                self.scale(1.5, 1.5)
            self.centerOn(rect.center())

    def scale_factor(self) -> float:
        return self.transform().m11()

    def is_fitting(self) -> bool:
        """Whether the chart follows the window's size (the user has not zoomed)."""
        return self._fitting

    def set_zoom(self, factor: float, centre: QPointF) -> None:
        """Show the chart at `factor` (within the zoom range) centred on scene point `centre`."""
        self._fitting = False
        factor = min(max(factor, MIN_SCALE), MAX_SCALE)
        self.resetTransform()
        self.scale(factor, factor)
        self.centerOn(centre)

    # ------------------------------------------------------------ building
    def _rebuild(self) -> None:
        if self._org is None:
            return
        selected = self.selected_position()
        h, v = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        transform = self.transform()
        scene = self.scene()
        self._echo = True
        try:
            scene.clear()
            self._items = {}
            self._layout = chart = layout_chart(self._org, self.layout_options())
            # Connectors in runs of document order, one path item each: a run is one
            # branch's lines, so panning a big chart draws the few runs in view
            # rather than stroking all 10,000 lines for every frame.
            solid = [c.points for c in chart.connectors if not c.dashed]
            pen = QPen(QColor(CONNECTOR), 1.2)
            for start in range(0, max(len(solid), 1), CONNECTOR_RUN):
                item = QGraphicsPathItem(connector_path(solid[start:start + CONNECTOR_RUN]))
                item.setPen(pen)
                item.setZValue(-1)
                scene.addItem(item)
            dotted = QGraphicsPathItem(connector_path([c.points for c in chart.connectors
                                                       if c.dashed]))
            pen = QPen(QColor(RELATION), 1.2, Qt.PenStyle.DashLine)
            dotted.setPen(pen)
            dotted.setZValue(-1)
            scene.addItem(dotted)
            for box in chart.boxes.values():
                box_item = BoxItem(box, box_style(self._org, box, chart.staffing), self._family)
                box_item.matched = int(box.id) in self._matched
                scene.addItem(box_item)
                self._items[int(box.id)] = box_item
            scene.setSceneRect(0, 0, chart.width, chart.height)
            if selected in self._items:
                self._items[selected].setSelected(True)
            for pid in self._multi:
                if pid in self._items:
                    self._items[pid].setSelected(True)
        finally:
            self._echo = False
        self.setTransform(transform)
        self.horizontalScrollBar().setValue(h)
        self.verticalScrollBar().setValue(v)

    def _selection_changed(self) -> None:
        if self._echo or self._banding:
            return
        pid = self.selected_position()
        if pid is not None:
            self.position_selected.emit(pid)

    def _zoom(self, factor: float) -> None:
        self._fitting = False
        current = self.transform().m11()
        scale = current * factor
        # A huge chart fitted to the window may sit below MIN_SCALE: a step
        # back towards the allowed range is always taken.
        towards = (current < MIN_SCALE and factor > 1) or (current > MAX_SCALE and factor < 1)
        if MIN_SCALE <= scale <= MAX_SCALE or towards:
            self.scale(factor, factor)

    def organisation(self) -> Organisation | None:
        """The organisation on show (None before the first refresh)."""
        return self._org

    def box_at(self, pos: QPoint) -> BoxItem | None:
        """The box under a point of the viewport, if any."""
        return self._box_at(QPointF(pos))

    def set_branch_collapsed(self, pid: PositionId, collapsed: bool) -> None:
        """Hide (or show again) the branch under `pid`."""
        if (pid in self._collapsed) != collapsed:
            self._collapsed ^= {pid}
            self._rebuild()
            self.collapsed_changed.emit()

    def expand_all_branches(self) -> None:
        if self._collapsed:
            self._collapsed = set()
            self._rebuild()
            self.collapsed_changed.emit()

    def _box_at(self, pos: QPointF) -> BoxItem | None:
        for item in self.items(pos.toPoint()):
            if isinstance(item, BoxItem):
                return item
        return None

    # ------------------------------------------------------------ input
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key in (Qt.Key.Key_0, Qt.Key.Key_F) and not event.modifiers():
            self.zoom_to_fit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self._box_at(event.position())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            local = item.mapFromScene(self.mapToScene(event.position().toPoint()))
            if item.has_toggle() and item.toggle_rect().adjusted(-3, -3, 3, 3).contains(local):
                self._toggled = True  # its release is ours too
                self._toggle(item)
                event.accept()
                return
            if _ctrl(event):
                self._toggle_selected(item)  # Ctrl+click: add it or take it out
                self._toggled = True  # its release is ours too (the view's would deselect)
                event.accept()
                return
            # A press on one of several selected boxes keeps them (to drag them all);
            # a click without a drag then selects only it.
            self._press_kept = item.isSelected() and len(self.selected_positions()) > 1
            # Shift: decided at the release (a click adds the box to the selection) or
            # when a drag starts (that box alone is dragged, as before).
            self._press_adds = _shift(event) and not self._press_kept
            if not self._press_kept and not self._press_adds:
                self.scene().clearSelection()
                item.setSelected(True)
            self._press = (item, event.position())
            self._alone = _shift(event)
            event.accept()
            return
        if item is None and event.button() == Qt.MouseButton.LeftButton \
                and (_ctrl(event) or _shift(event)):
            # Ctrl (adding) or Shift (replacing) + drag on the empty chart: a rubber band;
            # a plain drag still pans.
            self._banding = True
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            super().mouseMoveEvent(event)
            return
        source, start = self._press
        if self._drag_ghost is None and (event.position() - start).manhattanLength() < DRAG_DISTANCE:
            return
        scene_pos = self.mapToScene(event.position().toPoint())
        if self._drag_ghost is None:
            if self._press_adds:  # a Shift+drag of one box: it alone is selected
                self._press_adds = False
                self.scene().clearSelection()
                source.setSelected(True)
            self._drag_ghost = QGraphicsRectItem(0, 0, source.box.w, source.box.h)
            self._drag_ghost.setPen(QPen(QColor("#1F6FEB"), 1.5, Qt.PenStyle.DashLine))
            self._drag_ghost.setBrush(QColor(31, 111, 235, 40))
            self._drag_ghost.setZValue(10)
            self.scene().addItem(self._drag_ghost)
        self._drag_ghost.setPos(scene_pos - QPointF(source.box.w / 2, source.box.h / 2))
        target = next((i for i in self.scene().items(scene_pos) if isinstance(i, BoxItem)
                       and i is not source), None)
        alone = self._alone or _shift(event)
        if self._press_kept:  # several dragged: any box but one of them takes them
            self._set_drop(target, target is not None and not target.isSelected())
            return
        self._set_drop(target, self._drop_allowed(source, target, alone))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._toggled:
            self._toggled = False
            event.accept()
            return
        if self._banding:
            super().mouseReleaseEvent(event)
            self._banding = False
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            chosen = self.selected_positions()
            self._multi = chosen
            self.selection_requested.emit(sorted(chosen), None)
            event.accept()
            return
        if self._press is None:
            super().mouseReleaseEvent(event)
            return
        source, _ = self._press
        target = self._drop
        alone = self._alone or _shift(event)
        kept, dragged = self._press_kept, self._drag_ghost is not None
        adds = self._press_adds and not dragged
        self._press_kept = self._press_adds = False
        if adds:  # Shift+click: the box joins the selection
            self._end_drag()
            self._echo = True
            try:
                source.setSelected(True)
            finally:
                self._echo = False
            self._multi = self.selected_positions()
            self.selection_requested.emit(sorted(self._multi), source.pid)
            event.accept()
            return
        several = sorted(self.selected_positions()) if kept else []
        allowed = self._drop_allowed(source, target, alone) if not several else \
            target is not None and target.pid not in several
        self._end_drag()
        if target is not None and allowed:
            if several:
                self.move_selection_requested.emit(several, target.pid, not alone)
            else:
                self.reparent_requested.emit(source.pid, target.pid, not alone)
        elif kept and not dragged:
            self.scene().clearSelection()  # a plain click: only this one
            source.setSelected(True)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self._box_at(event.position())
        if item is not None:
            self.position_activated.emit(item.pid)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # ------------------------------------------------------------ helpers
    def _toggle_selected(self, item: BoxItem) -> None:
        self._echo = True
        try:
            item.setSelected(not item.isSelected())
        finally:
            self._echo = False
        self._multi = self.selected_positions()
        self.selection_requested.emit(sorted(self._multi),
                                      item.pid if item.isSelected() else None)

    def _toggle(self, item: BoxItem) -> None:
        pid = PositionId(item.pid)
        self._collapsed ^= {pid}
        self._rebuild()
        self.collapsed_changed.emit()

    def _drop_allowed(self, source: BoxItem, target: BoxItem | None, alone: bool = False) -> bool:
        if target is None or self._org is None or target is source:
            return False
        pid = PositionId(source.pid)
        if self._org.position(pid).superior_id == target.pid:
            return False  # already there: nothing to do
        if alone:
            # Its reports move up first, so any other position, one of its own
            # reports included, can take it (Organisation.move_position_alone).
            return True
        try:
            self._org.check_move(pid, PositionId(target.pid))
        except DomainError:
            return False
        return True

    def _set_drop(self, target: BoxItem | None, allowed: bool) -> None:
        if self._drop is not None and self._drop is not target:
            self._drop.highlight = None
            self._drop.update()
        self._drop = target
        if target is not None:
            target.highlight = "ok" if allowed else "refused"
            target.update()

    def _end_drag(self) -> None:
        self._set_drop(None, False)
        if self._drag_ghost is not None:
            self.scene().removeItem(self._drag_ghost)
            self._drag_ghost = None
        self._press = None
        self._alone = False


def _ctrl(event: QMouseEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


def _shift(event: QMouseEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
