"""Reading values out of table cells, and writing them back safely.

Two kinds of reading.  A table orgdesk exported itself is read *exactly*:
list items one per line with backslash escapes, so every export → import
gives back the same text.  Any other table is read *leniently*, the way
consultants' sheets are written: several duties in one cell separated by new
lines, ；, ; or numbering (1、2、), headcounts like “14人”, ages like “25-35岁”,
education like “大专及以上”.  A value that cannot be read raises ValueError
with the reason, which the caller turns into a problem with its row number.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from orgdesk.core.errors import Sentence
from orgdesk.core.model import EDUCATION_SCALE, Kpi, PositionKind

#: First characters that make a spreadsheet treat a cell as a formula (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: The largest number any count or age may hold (SQLite and common sense).
MAX_NUMBER = 1_000_000_000


def cell_text(value: object) -> str:
    """A spreadsheet value as text: whole floats without “.0”, dates in ISO form."""
    if type(value) is str:  # the common case first: this runs for every cell
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


# ------------------------------------------------------------ formula injection
def guard_formula(text: str) -> str:
    """CSV: prefix “'” so no spreadsheet evaluates the text (reversible by unguard)."""
    if text and (text[0] in FORMULA_TRIGGERS or text[0] == "'"):
        return "'" + text
    return text


def unguard_formula(text: str) -> str:
    """Undo `guard_formula`: drop the “'” in front of a trigger character or a quote."""
    if len(text) > 1 and text[0] == "'" and (text[1] in FORMULA_TRIGGERS or text[1] == "'"):
        return text[1:]
    return text


# -------------------------------------------------- XML text (XLSX and GraphML)
_XML_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]|_(?=x[0-9A-Fa-f]{4}_)")
# A surrogate pair written as two escapes is one character; a lone surrogate escape is
# kept as the text it is (no document can store half a character).
_XML_ESCAPED = re.compile("_x(D[89ABab][0-9A-Fa-f]{2})__x(D[C-Fc-f][0-9A-Fa-f]{2})_"
                          "|_x([0-9A-Fa-f]{4})_")


def xml_escape(text: str) -> str:
    """OOXML's _xHHHH_ form for characters XML cannot hold (and CR, which parsers fold)."""
    return _XML_UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def xml_unescape(text: str) -> str:
    """Decode _xHHHH_ as Excel and LibreOffice do (“_x005F_” protects a literal one)."""
    return _XML_ESCAPED.sub(_unescaped, text) if "_x" in text else text


def _unescaped(match: re.Match[str]) -> str:
    high, low, single = match.groups()
    if high is not None:
        return chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00)
    code = int(single, 16)
    return match.group() if 0xD800 <= code <= 0xDFFF else chr(code)


# ------------------------------------------------------ exact lists (own tables)
_ESCAPES = {"\\": "\\", "n": "\n", "r": "\r", "e": "", "：": "："}
_ESCAPE_SEQ = re.compile(r"\\(.)", re.DOTALL)


def _escape(item: str, separator: bool = False) -> str:
    if not item:
        return "\\e"  # an empty item must still take its line
    text = item.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    return text.replace("：", "\\：") if separator else text


def _unescape(text: str) -> str:
    return _ESCAPE_SEQ.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def join_list(items: tuple[str, ...] | list[str]) -> str:
    """One item per line; a line break inside an item is written as \\n."""
    return "\n".join(_escape(item) for item in items)


def split_exact(cell: str) -> tuple[str, ...]:
    if not cell:
        return ()
    return tuple(_unescape(line) for line in cell.replace("\r\n", "\n").split("\n"))


def join_kpis(kpis: tuple[Kpi, ...]) -> str:
    """One KPI per line as “name：target” (the full-width colon of the source documents)."""
    return "\n".join(_escape(k.name, True) + (f"：{_escape(k.target)}" if k.target else "")
                     for k in kpis)


def split_kpis_exact(cell: str) -> tuple[Kpi, ...]:
    kpis = []
    for line in split_exact_lines(cell):
        at = _first_separator(line)
        if at < 0:
            kpis.append(Kpi(_unescape(line)))
        else:
            kpis.append(Kpi(_unescape(line[:at]), _unescape(line[at + 1:])))
    return tuple(kpis)


def split_exact_lines(cell: str) -> list[str]:
    return cell.replace("\r\n", "\n").split("\n") if cell else []


def _first_separator(line: str) -> int:
    i = 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
        elif line[i] == "：":
            return i
        else:
            i += 1
    return -1


# ------------------------------------------------- lenient lists (other tables)
# One split per cell: line breaks, ；/; and inline numbering “… 2、…”.  Numbering
# counts only after a space or punctuation, so “第1、2项” stays one item.
_ITEM_BREAK = re.compile(r"[\n\r；;]+|(?<=[\s。，,：:！!？?）)])\s*(?=\d{1,2}、)")
_NUMBER_PREFIX = re.compile(
    r"^\s*(?:[（(]\d{1,2}[)）]|\d{1,2}\s*[、.．:：)）](?!\d)|[一二三四五六七八九十]{1,3}\s*[、.．]"
    r"|[①-⑳]|[•·●▪■◆*]|[-–—]\s)\s*")
_TRAILING = "；;，,、。 \t"
_MARKER_STARTS = frozenset("0123456789（(一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳•·●▪■◆*-–—")


def split_items(cell: str) -> list[str]:
    """Items of a cell written by hand: lines, ；/; and numbering (1、 (2) ③) all separate."""
    items = []
    for piece in _ITEM_BREAK.split(cell):
        piece = piece.strip()
        if piece and piece[0] in _MARKER_STARTS:
            piece = _NUMBER_PREFIX.sub("", piece, count=1)
        piece = piece.rstrip(_TRAILING).strip()
        if piece:
            items.append(piece)
    return items


_KPI_COLON = re.compile(r"^(.+?)\s*[：:]\s*(.+)$", re.DOTALL)
_KPI_COMPARE = re.compile(r"^(.*?[^\s≥≤<>＜＞=])\s*((?:[≥≤<>＜＞]=?|=)\s*\S.*)$", re.DOTALL)


def parse_kpi(item: str) -> Kpi:
    """“接通率：≥90%”, “接通率 ≥ 90%” or just “接通率”."""
    match = _KPI_COLON.match(item) or _KPI_COMPARE.match(item)
    return Kpi(match.group(1).strip(), match.group(2).strip()) if match else Kpi(item.strip())


# --------------------------------------------------------------------- numbers
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_NUMBER = r"(\d+|[零一二两三四五六七八九十]{1,3})"
_UNIT = r"(?:人|名|个|位|席|年|岁|周岁)?"
_INT = re.compile(rf"^[×xX*]?\s*{_NUMBER}\s*{_UNIT}\s*(?:以上|及以上|或以上|\+)?$")
_LEADING_INT = re.compile(r"^[×xX*]?\s*(\d+)")


def _number(token: str) -> int:
    if token.isdigit():
        value = int(token)
    elif "十" in token:
        tens, _, ones = token.partition("十")
        value = (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    else:
        value = _CN_DIGITS[token] if len(token) == 1 else -1
    if not 0 <= value <= MAX_NUMBER:
        raise ValueError(Sentence.of("“{token}” is not a whole number orgdesk can hold",
                                     token=token))
    return value


def _normal(value: object) -> str:
    text = cell_text(value)
    if not unicodedata.is_normalized("NFKC", text):  # the quick check is far cheaper
        text = unicodedata.normalize("NFKC", text)
    return text.strip()


def parse_int(value: object) -> int:
    """A whole number such as 14, 14.0, “14”, “14人”, “×14”, “3年以上”, “十二”."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value <= MAX_NUMBER:
            raise ValueError(Sentence.of("{value} is outside 0-{limit}",
                                         value=value, limit=f"{MAX_NUMBER:,}"))
        return value
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(Sentence.of("{value} is not a whole number", value=value))
    if type(value) is str and value.isascii() and value.isdigit() and len(value) < 10:
        return int(value)  # the common case, without normalising
    text = _normal(value)
    match = _INT.match(text)
    if not match:
        raise ValueError(Sentence.of("“{value}” is not a whole number", value=cell_text(value)))
    try:
        return _number(match.group(1))
    except KeyError:
        raise ValueError(Sentence.of("“{value}” is not a whole number",
                                     value=cell_text(value))) from None


def parse_headcount(value: object) -> tuple[int, str]:
    """Planned seats and, when the cell says more than a number, the cell as a note."""
    try:
        return parse_int(value), ""
    except ValueError:
        match = _LEADING_INT.match(_normal(value))
        if match is None:
            raise
        return _number(match.group(1)), cell_text(value).strip()


_AGE = r"(\d{1,3})\s*(?:岁|周岁)?"
_AGE_RANGE = re.compile(rf"^(?:年龄)?\s*{_AGE}\s*[-~—–至到]+\s*{_AGE}\s*(?:之间)?$")
_AGE_FROM = re.compile(rf"^(?:年龄)?\s*{_AGE}\s*(?:以上|及以上|\+)$")
_AGE_UNTIL = re.compile(rf"^(?:年龄)?\s*{_AGE}\s*(?:以下|及以下)$")


def parse_age_range(value: object) -> tuple[int | None, int | None]:
    """“25-35”, “25~35岁”, “25至35周岁”, “25岁以上”, “40岁以下”; “不限” is no limit."""
    text = _normal(value)
    if text in ("", "不限", "无", "any"):
        return None, None
    if match := _AGE_RANGE.match(text):
        return int(match.group(1)), int(match.group(2))
    if match := _AGE_FROM.match(text):
        return int(match.group(1)), None
    if match := _AGE_UNTIL.match(text):
        return None, int(match.group(1))
    raise ValueError(Sentence.of("“{value}” is not an age range such as 25-35",
                                 value=cell_text(value)))


_EDUCATION_WORDS = {**{word: word for word in EDUCATION_SCALE}, "专科": "大专", "研究生": "硕士",
                    "大学": "本科", "bachelor": "本科", "master": "硕士", "phd": "博士",
                    "doctor": "博士", "college": "大专", "associate": "大专",
                    "high school": "高中", "none": "不限", "any": "不限"}


_EDUCATION_RE = re.compile("|".join(re.escape(w) for w in sorted(_EDUCATION_WORDS, key=len,
                                                                 reverse=True)))


def parse_education(value: object) -> str:
    """A step of EDUCATION_SCALE from “大专及以上学历”, “本科”, “Bachelor” … (the first named)."""
    text = _normal(value).casefold()
    if not text:
        return ""
    match = _EDUCATION_RE.search(text)
    if match is None:
        raise ValueError(Sentence.of("“{value}” is not an education level ({names})",
                                     value=cell_text(value), names=" / ".join(EDUCATION_SCALE)))
    return _EDUCATION_WORDS[match.group()]


_STAFF = {"staff", "assistant", "yes", "y", "true", "1", "是", "助理", "参谋", "x", "✓"}
_LINE = {"", "line", "no", "n", "false", "0", "否", "直线"}


def parse_kind(value: object) -> PositionKind:
    text = _normal(value).casefold()
    if text in _STAFF:
        return PositionKind.STAFF
    if text in _LINE:
        return PositionKind.LINE
    raise ValueError(Sentence.of("“{value}” is neither line nor staff", value=cell_text(value)))


# ------------------------------------------------------- mixed 任职要求 cells
_SCALE_RE = re.compile("学历|" + "|".join(w for w in EDUCATION_SCALE if w != "不限"))
_LANGUAGE_RE = re.compile("普通话|英语|english|粤语|方言|外语|日语|韩语|语言", re.IGNORECASE)
_YEARS = re.compile(r"(\d+|[一二两三四五六七八九十]{1,3})\s*年(?:以上|及以上)?[^，,；;。]*?(?:经验|工作)"
                    r"|(?:工作年限|工作经验)\D{0,6}?(\d+)\s*年")
_AGE_IN_TEXT = re.compile(rf"{_AGE}\s*[-~—–至到]+\s*{_AGE}|年龄\D{{0,4}}?(\d+)\s*[-~—–至到]+\s*(\d+)")
_FILLER = re.compile(r"[\s，,。.；;、：:（）()\-~—–至到]|及以上|以上|以下|左右|学历|年龄|相关|工作经验|"
                     r"经验|工作|年限|要求|周岁|岁|年|具有|具备|在|之间|\d+")


def parse_requirements(items: list[str]) -> dict[str, object]:
    """Split a mixed 任职要求 list into education, years, ages, languages and skills.

    An item is used up only when nothing but the extracted fact is left in it
    (“大专及以上学历”); otherwise it stays a skill as written, so no words are lost.
    """
    languages: list[str] = []
    skills: list[str] = []
    result: dict[str, object] = {"languages": languages, "skills": skills}
    for item in items:
        rest = item
        folded = item if unicodedata.is_normalized("NFKC", item) else \
            unicodedata.normalize("NFKC", item)
        if "education" not in result and _SCALE_RE.search(folded):
            try:
                result["education"] = level = parse_education(folded)
                rest = rest.replace(level, "").replace("不限", "")
            except ValueError:
                pass
        if "min_years" not in result and "年" in folded and (match := _YEARS.search(folded)):
            token = match.group(1) or match.group(2)
            result["min_years"] = _number(token)
            rest = rest.replace(f"{token}年", "", 1)
        if "age_min" not in result and ("岁" in folded or "年龄" in folded) and (
                match := _AGE_IN_TEXT.search(folded)):
            low, high = (int(g) for g in match.groups() if g is not None)
            result["age_min"], result["age_max"] = low, high
            rest = rest.replace(match.group(0), "")
        if rest is not item and not _FILLER.sub("", unicodedata.normalize("NFKC", rest)):
            continue
        (languages if _LANGUAGE_RE.search(folded) else skills).append(item)
    return result
