"""The toolbar's "Scenarios" button leaves its menu arrow room of its own (review
defect 4: a QToolButton's instant-popup arrow was drawn against the last letter).

Measured on the button as the window shows it: its size hint has the text, the
style's button margins and the menu indicator side by side, and in the painted
button a clear gap of background separates the text from the arrow."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QAbstractButton, QStyle, QStyleOptionButton

from orgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

#: Background columns at least between the text and the arrow.
MIN_GAP_PX = 4


def _button(window: MainWindow) -> QAbstractButton:
    button = window.scenario_box.findChild(QAbstractButton, "scenarioMenuButton")
    assert button is not None and button.isVisible()
    assert button.menu() is not None  # type: ignore[attr-defined]
    return button


def test_the_size_hint_leaves_room_for_the_menu_indicator(
        open_window: Callable[..., MainWindow]) -> None:
    button = _button(open_window("call_center_chart"))
    style = button.style()
    option = QStyleOptionButton()
    option.initFrom(button)
    text = button.fontMetrics().horizontalAdvance(button.text())
    margins = 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button)
    indicator = style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    assert button.sizeHint().width() >= text + margins + indicator
    assert button.width() >= button.sizeHint().width()  # the toolbar gives it that room


def test_the_arrow_is_drawn_apart_from_the_text(
        open_window: Callable[..., MainWindow]) -> None:
    button = _button(open_window("call_center_chart"))
    image = button.grab().toImage()
    width, height = image.width(), image.height()
    # Columns holding ink (text or arrow), the frame's rows and columns left out.
    inked = [any(image.pixelColor(x, y).lightness() < 150 for y in range(3, height - 3))
             for x in range(3, width - 3)]
    right = max(i for i, ink in enumerate(inked) if ink)  # the arrow's right edge
    arrow_left = right
    while arrow_left > 0 and inked[arrow_left - 1]:
        arrow_left -= 1
    gap = arrow_left
    while gap > 0 and not inked[gap - 1]:
        gap -= 1
    assert gap > 0, "no text found left of the arrow"
    assert arrow_left - gap >= MIN_GAP_PX, (arrow_left - gap, inked)
