"""The font Graphviz is told to use, chosen so Chinese text has glyphs.

Graphviz asks fontconfig (through Pango) for the `fontname` it is given and
silently falls back to a Latin font when the name is unknown, which draws
every Chinese character as a box.  So the name is resolved here: a known CJK
family that fontconfig lists as covering Simplified Chinese, else whatever
fontconfig offers for `:lang=zh-cn`, else a platform default.
"""
from __future__ import annotations

import functools
import shutil
import subprocess
import sys

from orgdesk.paint.fonts import CJK_FAMILIES

_FALLBACK = {"darwin": "PingFang SC", "win32": "Microsoft YaHei"}


def _fc(*args: str) -> str:
    tool = shutil.which(args[0])
    if tool is None:
        return ""
    try:
        result = subprocess.run([tool, *args[1:]], capture_output=True, text=True, timeout=10,
                                check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout if result.returncode == 0 else ""


def _match(pattern: str) -> tuple[list[str], str, list[str]]:
    """fontconfig's best font for `pattern`: its family names, file and languages."""
    out = _fc("fc-match", "-f", "%{family}\t%{file}\t%{lang}", pattern)
    parts = out.split("\t")
    if len(parts) != 3:
        return [], "", []
    return parts[0].split(","), parts[1], parts[2].split("|")


@functools.cache
def cjk_font() -> tuple[str, str | None]:
    """(family name for Graphviz, font file or None when fontconfig could not confirm one)."""
    for family in CJK_FAMILIES:
        families, file, langs = _match(f"{family}:lang=zh-cn")
        if family in families and "zh-cn" in langs:
            return family, file
    families, file, langs = _match(":lang=zh-cn")
    if families and families[0] and "zh-cn" in langs:
        return families[0], file
    return _FALLBACK.get(sys.platform, "sans-serif"), None


def font_name() -> str:
    return cjk_font()[0]


def bold_font_name() -> str:
    # Pango reads "<family> Bold" as the bold face of the family.
    return f"{font_name()} Bold"
