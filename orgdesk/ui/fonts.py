"""Chinese text and emoji must render: find the fonts or say how to get them."""
from __future__ import annotations

import sys

from orgdesk.paint.fonts import chinese_font_family, emoji_font_family
from orgdesk.ui.i18n import tr


def cjk_family() -> str | None:
    """A font family that can render Simplified Chinese, or None."""
    return chinese_font_family()


def missing_font_advice() -> str:
    if sys.platform.startswith("linux"):
        fix = "sudo apt-get install fonts-noto-cjk"
    elif sys.platform == "darwin":
        fix = tr("fonts", "install the “Noto Sans CJK SC” font")
    else:
        fix = tr("fonts", "install the Chinese (Simplified) language features of Windows")
    return tr("fonts", "No font that can show Chinese text is installed, so Chinese titles will "
              "show as boxes; to fix it: {fix}.", fix=fix)


def emoji_family() -> str | None:
    """A font family that can draw emoji in titles and notes, or None."""
    return emoji_font_family()


def missing_emoji_advice() -> str:
    if sys.platform.startswith("linux"):
        fix = "sudo apt-get install fonts-noto-color-emoji"
    else:
        fix = tr("fonts", "install an emoji font such as “Noto Color Emoji”")
    return tr("fonts", "No font that can show emoji is installed, so emoji in titles will show "
              "as boxes; to fix it: {fix}.", fix=fix)
