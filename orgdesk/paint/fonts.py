"""Which installed font shows Simplified Chinese: the one list, and Qt's lookup.

The same families, in the same order of preference, serve the window, the
Qt-painted PDFs and PNGs, Graphviz (through fontconfig, `orgdesk.export.fonts`)
and the handbook's HTML.  Qt is imported inside `chinese_font_family` only.
"""
from __future__ import annotations

#: Families known to cover Simplified Chinese, best first.
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC",
                "SimHei", "SimSun", "Hiragino Sans GB", "Heiti SC", "AR PL UMing CN",
                "Droid Sans Fallback")


#: Families known to draw emoji and pictographs, best first.
EMOJI_FAMILIES = ("Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji",
                  "Twemoji Mozilla", "Twitter Color Emoji", "EmojiOne Color", "JoyPixels",
                  "Noto Emoji", "Symbola")


def css_font_list() -> str:
    """The families as a CSS `font-family` value, ending in the generic sans-serif."""
    return ", ".join([*(f'"{family}"' for family in CJK_FAMILIES), "sans-serif"])


def chinese_font_family() -> str | None:
    """An installed family that can show Simplified Chinese, or None (needs a Qt application)."""
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return family
    return None


def emoji_font_family() -> str | None:
    """An installed family that draws emoji (😀), or None (needs a Qt application)."""
    from PySide6.QtGui import QFontDatabase

    installed = QFontDatabase.families()
    names = set(installed)
    for family in EMOJI_FAMILIES:
        if family in names:
            return family
    return next((family for family in installed if "emoji" in family.lower()), None)
