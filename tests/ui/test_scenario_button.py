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
from tests.ui.conftest import MIN_GAP_PX, text_to_arrow_gap

pytestmark = pytest.mark.gui

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
    gap = text_to_arrow_gap(_button(open_window("call_center_chart")))
    assert gap >= MIN_GAP_PX, gap
