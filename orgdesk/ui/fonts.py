"""Chinese text must render: find a CJK-capable font or say how to get one."""
from __future__ import annotations

import sys

from PySide6.QtGui import QFontDatabase

from orgdesk.ui.i18n import tr

#: Families known to cover Simplified Chinese, best first.
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "SimHei", "SimSun",
                "Hiragino Sans GB", "Heiti SC", "AR PL UMing CN")


def cjk_family() -> str | None:
    """A font family that can render Simplified Chinese, or None."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return family
    return None



def missing_font_advice() -> str:
    if sys.platform.startswith("linux"):
        fix = "sudo apt-get install fonts-noto-cjk"
    elif sys.platform == "darwin":
        fix = tr("fonts", "install the “Noto Sans CJK SC” font")
    else:
        fix = tr("fonts", "install the Chinese (Simplified) language features of Windows")
    return tr("fonts", "No font that can show Chinese text is installed, so Chinese titles will "
              "show as boxes; to fix it: {fix}.", fix=fix)
