"""Emoji in titles render: the set-up installs a colour emoji font, the window falls back to
it, and a machine without one is told once how to get it."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from orgdesk.ui import app as app_module
from orgdesk.ui import dialogs
from orgdesk.ui.fonts import emoji_family


def test_the_set_up_installs_an_emoji_font_and_it_draws_colour() -> None:
    family = emoji_family()
    assert family is not None
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont(family, 28))
    painter.drawText(4, 48, "\U0001F600")
    painter.end()
    colours = {image.pixelColor(x, y).name() for x in range(64) for y in range(64)}
    # A missing glyph is a hollow black box: only greys. The emoji is yellow.
    assert any(QColor(c).saturation() > 100 for c in colours)


def test_without_an_emoji_font_the_user_is_told_once(monkeypatch: pytest.MonkeyPatch,
                                                     qapp: QApplication) -> None:
    told: list[str] = []
    monkeypatch.setattr(app_module, "emoji_family", lambda: None)
    monkeypatch.setattr(dialogs, "show_info", lambda _parent, text: told.append(text))
    font = qapp.font()
    try:
        app_module.configure_application(qapp)  # type: ignore[arg-type]
        app_module.configure_application(qapp)  # type: ignore[arg-type]
    finally:
        qapp.setFont(font)
    assert len(told) == 1 and "fonts-noto-color-emoji" in told[0]


def test_the_application_font_falls_back_to_the_emoji_font(qapp: QApplication) -> None:
    font = qapp.font()
    try:
        app_module.configure_application(qapp)  # type: ignore[arg-type]
        assert emoji_family() in qapp.font().families()
    finally:
        qapp.setFont(font)
