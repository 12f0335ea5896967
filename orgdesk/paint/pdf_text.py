"""Make Chinese text copied or searched in Qt's PDFs come out as the characters drawn.

Qt's PDF engine writes each font's ToUnicode map by asking, for every
glyph, which code point maps to it, and keeps the *lowest* one.  CJK fonts
such as Noto Sans CJK map the Kangxi radicals (U+2F00…) and CJK radical
supplements (U+2E80…) to the same glyphs as everyday characters, so "一",
"人", "目", "小", "工", "长", "门" came out of pdftotext (and copy-paste, and
search in a PDF viewer) as look-alike radicals: "项目督导" read "项⽬督导".

The fix rewrites, inside the ToUnicode maps only, every destination that is
such a radical into the ideograph the font draws with the same glyph.  Both
are four hex digits, so every stream keeps its length and the cross-reference
table stays valid: the file is otherwise byte-for-byte what Qt wrote.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_RADICAL_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))
_IDEOGRAPH_BLOCKS = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF))
_CMAP = re.compile(rb"begincmap(.*?)endcmap", re.DOTALL)
_SECTION = re.compile(rb"(beginbfrange|beginbfchar)(.*?)(endbfrange|endbfchar)", re.DOTALL)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _is_radical(code: int) -> bool:
    return any(low <= code <= high for low, high in _RADICAL_BLOCKS)


@lru_cache(maxsize=8)
def radical_equivalents(family: str) -> dict[int, int]:
    """Radical code point → the ideograph that `family` draws with the same glyph."""
    from PySide6.QtGui import QFont, QRawFont

    raw = QRawFont.fromFont(QFont(family))
    result: dict[int, int] = {}
    if raw.isValid():
        radicals = [c for low, high in _RADICAL_BLOCKS for c in range(low, high + 1)]
        glyphs = raw.glyphIndexesForString("".join(map(chr, radicals)))
        by_glyph: dict[int, int] = {}
        for code, glyph in zip(radicals, glyphs):
            if glyph:
                by_glyph.setdefault(glyph, code)
        for low, high in _IDEOGRAPH_BLOCKS:
            codes = range(low, high + 1)
            for code, glyph in zip(codes, raw.glyphIndexesForString("".join(map(chr, codes)))):
                radical = by_glyph.get(glyph)
                if radical is not None:
                    result.setdefault(radical, code)
    # Unicode's own compatibility mapping covers every Kangxi radical a font might share.
    for code in range(0x2F00, 0x2FD6):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and ord(folded) != code:
            result.setdefault(code, ord(folded))
    return result


def _fix_destination(token: bytes, table: dict[int, int]) -> bytes:
    if len(token) != 4:
        return token  # surrogate pairs and ligature strings are never radicals
    code = int(token, 16)
    if not _is_radical(code) or code not in table:
        return token
    return b"%04X" % table[code]


def _fix_line(line: bytes, kind: bytes, table: dict[int, int]) -> bytes:
    tokens = list(_HEX.finditer(line))
    if kind == b"beginbfchar":
        targets = tokens[1:2]
    elif b"[" in line:
        targets = tokens[2:]
    elif len(tokens) >= 3 and tokens[0].group(1) == tokens[1].group(1):
        targets = tokens[2:3]  # a one-code range; a longer one counts up from its start
    else:
        targets = []
    pieces, last = [], 0
    for match in targets:
        pieces += [line[last:match.start(1)], _fix_destination(match.group(1), table)]
        last = match.end(1)
    pieces.append(line[last:])
    return b"".join(pieces)


def fix_to_unicode(pdf: bytes, family: str) -> bytes:
    """`pdf` with radical look-alikes in its ToUnicode maps replaced (same length)."""
    table = radical_equivalents(family)

    def section(match: re.Match[bytes]) -> bytes:
        body = b"\n".join(_fix_line(line, match.group(1), table)
                          for line in match.group(2).split(b"\n"))
        return match.group(1) + body + match.group(3)

    def cmap(match: re.Match[bytes]) -> bytes:
        return b"begincmap" + _SECTION.sub(section, match.group(1)) + b"endcmap"

    fixed = _CMAP.sub(cmap, pdf)
    if len(fixed) != len(pdf):  # would break the xref offsets: keep Qt's file
        return pdf
    return fixed
