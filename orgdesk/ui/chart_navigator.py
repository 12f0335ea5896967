"""Finding one's way in a big chart: an overview map, the zoom percentage and Fit Selection.

The overview map floats in the chart's lower-right corner whenever the chart
is larger than the window: the whole chart in miniature (a picture redrawn
shortly after the chart changes, so panning costs nothing), the visible area
as a rectangle; a click or a drag on it moves the view there.  The status bar
shows the zoom as a percentage, which the user may type or pick.  View → Fit
Selection zooms to the selected position and the part of its branch on show.
Nothing here edits the document; the map's visibility is a user preference.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QComboBox, QMainWindow, QMenu, QWidget

from orgdesk.core.model import PositionId
from orgdesk.ui.chart_pane import ChartPane
from orgdesk.ui.i18n import tr
from orgdesk.ui.preferences import settings

if TYPE_CHECKING:
    from orgdesk.ui.chart_view import ChartView


class MainWindow(Protocol):
    """What the navigator uses of the main window (which imports this module)."""

    chart: ChartPane
    act: dict[str, QAction]

    def tr(self, text: str) -> str: ...

    def current_id(self) -> PositionId | None: ...

MAP_SIZE = QSize(220, 150)  # the largest the map gets; it keeps the chart's proportions
MARGIN = 12
REDRAW_MS = 250
ZOOM_CHOICES = (10, 25, 50, 75, 100, 150, 200, 400)
FIT_LIMIT = 1.5  # Fit Selection zooms in no further than the whole chart's fit does
SETTING = "view/overviewMap"


class ChartNavigator(QWidget):
    """The overview map over a chart view's corner."""

    def __init__(self, view: ChartView) -> None:
        super().__init__(view)
        self.setObjectName("chartNavigator")
        self.view = view
        self.enabled = settings().value(SETTING, "true") in (True, "true")
        self._picture = QPixmap()
        self._scene_rect = QRectF()
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Overview map: click or drag to move the view"))
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self.redraw)
        view.scene().changed.connect(lambda _regions: self._redraw.start())
        view.scene().sceneRectChanged.connect(lambda _rect: self._redraw.start())
        # Follows the view one event-loop turn after it changed (owned: stops with the map).
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(0)
        self._follow.timeout.connect(self.sync)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        self.hide()

    # ------------------------------------------------------------ state
    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        settings().setValue(SETTING, enabled)
        self.sync()

    def visible_rect(self) -> QRectF:
        """The part of the scene the view shows."""
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()

    def needed(self) -> bool:
        scene = self.view.sceneRect()
        return not scene.isEmpty() and not self.visible_rect().contains(scene.adjusted(1, 1, -1, -1))

    def sync(self) -> None:
        """Show the map where it helps, in the corner, with the visible area current."""
        show = self.enabled and self.needed()
        if show:
            self._place()
            if self._picture.isNull() or self._scene_rect != self.view.sceneRect():
                self.redraw()
            self.raise_()
        self.setVisible(show)
        if show:
            self.update()

    def _place(self) -> None:
        scene = self.view.sceneRect()
        ratio = scene.width() / max(scene.height(), 1.0)
        width = MAP_SIZE.width()
        height = round(width / ratio)
        if height > MAP_SIZE.height():
            height = MAP_SIZE.height()
            width = max(round(height * ratio), 40)
        area = self.view.viewport().geometry()
        self.setGeometry(QRect(area.right() - width - MARGIN, area.bottom() - height - MARGIN,
                               width, height))

    def redraw(self) -> None:
        """Draw the chart in miniature (the whole scene, once per change)."""
        if not self.isVisible() and not (self.enabled and self.needed()):
            return
        self._place()
        scene = self.view.scene()
        self._scene_rect = QRectF(self.view.sceneRect())
        picture = QPixmap(self.size() * self.devicePixelRatioF())
        picture.setDevicePixelRatio(self.devicePixelRatioF())
        picture.fill(QColor("#FFFFFF"))
        painter = QPainter(picture)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            scene.render(painter, QRectF(0, 0, self.width(), self.height()), self._scene_rect,
                         Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            painter.end()
        self._picture = picture
        self.update()

    # ------------------------------------------------------------ mapping
    def _scale(self) -> float:
        scene = self._scene_rect if not self._scene_rect.isEmpty() else self.view.sceneRect()
        return min(self.width() / max(scene.width(), 1.0),
                   self.height() / max(scene.height(), 1.0))

    def to_map(self, rect: QRectF) -> QRectF:
        scene = self._scene_rect if not self._scene_rect.isEmpty() else self.view.sceneRect()
        s = self._scale()
        return QRectF((rect.x() - scene.x()) * s, (rect.y() - scene.y()) * s,
                      rect.width() * s, rect.height() * s)

    def to_scene(self, point: QPointF) -> QPointF:
        scene = self._scene_rect if not self._scene_rect.isEmpty() else self.view.sceneRect()
        s = self._scale()
        return QPointF(scene.x() + point.x() / s, scene.y() + point.y() / s)

    # ------------------------------------------------------------ events
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        if not self._picture.isNull():
            painter.drawPixmap(0, 0, self._picture)
        painter.setPen(QPen(QColor("#C0392B"), 1.5))
        painter.setBrush(QColor(192, 57, 43, 28))
        painter.drawRect(self.to_map(self.visible_rect()).intersected(
            QRectF(self.rect()).adjusted(0.5, 0.5, -1, -1)))
        painter.setPen(QPen(QColor("#9CA3AF"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.view.centerOn(self.to_scene(event.position()))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.view.centerOn(self.to_scene(event.position()))
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every zoom and scroll repaints the view: the cheapest moment to follow it.
        if event.type() in (QEvent.Type.Paint, QEvent.Type.Resize, QEvent.Type.Show):
            self._follow.start()
        return False


class ZoomBox(QComboBox):
    """The chart's zoom as a percentage, typed or picked."""

    def __init__(self, view: ChartView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoomBox")
        self.chart: ChartView | None = view  # not `view`: QComboBox.view() is its list
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setToolTip(self.tr("Zoom"))
        for percent in ZOOM_CHOICES:
            self.addItem(f"{percent} %", percent)
        self.setMinimumContentsLength(6)
        self.activated.connect(lambda _index: self.apply(self.currentText()))
        line = self.lineEdit()
        assert line is not None
        line.returnPressed.connect(lambda: self.apply(line.text()))
        self._shown = -1.0
        view.viewport().installEventFilter(self)
        view.destroyed.connect(lambda _obj=None: setattr(self, "chart", None))
        self.show_zoom()

    def apply(self, text: str) -> bool:
        """Zoom to the percentage in `text` ("150", "150 %", "150%"); False if it is none."""
        try:
            # A Chinese input method types the full-width percent sign.
            percent = float(text.replace("%", "").replace("\uff05", "").strip())
        except ValueError:
            self.show_zoom(force=True)
            return False
        if self.chart is None:
            return False
        centre = self.chart.mapToScene(self.chart.viewport().rect().center())
        self.chart.set_zoom(percent / 100, centre)
        self.show_zoom(force=True)
        return True

    def show_zoom(self, force: bool = False) -> None:
        if self.chart is None:  # the window is closing
            return
        scale = self.chart.scale_factor()
        line = self.lineEdit()
        if line is None or (not force and (scale == self._shown or line.hasFocus())):
            return
        self._shown = scale
        line.setText(f"{round(scale * 100)} %")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.show_zoom()
        return False


def fit_selection(view: ChartView, pid: PositionId | None) -> bool:
    """Zoom to `pid`'s box and the boxes of its branch on show; False when it has none."""
    layout = view.chart_layout()
    if pid is None or layout is None or pid not in layout.boxes:
        return False
    org = view.organisation()
    ids = {pid} | (org.descendant_ids(pid) if org is not None else set())
    rect = QRectF()
    for box_id in ids:
        box = layout.boxes.get(box_id)
        if box is not None:
            rect = rect.united(QRectF(box.x, box.y, box.w, box.h))
    rect = rect.adjusted(-20, -20, 20, 20)
    viewport = view.viewport().rect()
    scale = min(viewport.width() / rect.width(), viewport.height() / rect.height(), FIT_LIMIT)
    view.set_zoom(scale, rect.center())
    return True


def install(window: MainWindow) -> ChartNavigator:
    """The map on the window's chart, the zoom box in its status bar, the View menu entries."""
    assert isinstance(window, QMainWindow)
    view = window.chart.view
    navigator = ChartNavigator(view)
    window.statusBar().addPermanentWidget(ZoomBox(view, window))
    show_map = QAction(tr("MainWindow", "Overview &Map"), window)
    show_map.setObjectName("actionOverviewMap")
    show_map.setCheckable(True)
    show_map.setChecked(navigator.enabled)
    show_map.setShortcut("Ctrl+Shift+M")
    show_map.toggled.connect(navigator.set_enabled)
    fit = QAction(tr("MainWindow", "Fit &Selection"), window)
    fit.setObjectName("actionFitSelection")
    fit.setShortcut("Ctrl+Shift+0")
    fit.triggered.connect(lambda _c=False: fit_selection(view, window.current_id()))
    window.addAction(show_map)
    window.addAction(fit)
    window.act["overview_map"] = show_map
    window.act["fit_selection"] = fit
    menu = _menu_holding(window, window.act["zoom_fit"])
    if menu is not None:
        following = _after(menu, window.act["zoom_fit"])
        menu.insertAction(following, fit)  # type: ignore[arg-type]  # None appends
        menu.insertAction(following, show_map)  # type: ignore[arg-type]
    return navigator


def _menu_holding(window: QMainWindow, action: QAction) -> QMenu | None:
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and action in menu.actions():
            return menu
    return None


def _after(menu: QMenu, action: QAction) -> QAction | None:
    actions = menu.actions()
    index = actions.index(action)
    return actions[index + 1] if index + 1 < len(actions) else None

