"""The position fields a table column can fill, and the headers that name them.

Every field has a key (used by `--map COLUMN=FIELD` and the GUI), a readable
bilingual header (what exports write) and the aliases that imports recognise:
the column names of Visio's organisation chart wizard, draw.io, d3-org-chart,
OrgChart JS, Organimi, FlowBreeze and the Chinese job-description tables the
consultants receive (职位, 直接上级, 所属部门, 岗位职责, 任职要求, 定员, KPI …).
The position fields and their headers come from the core's field metadata
(`core.model.POSITION_FIELDS`); only the import aliases are kept here.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from orgdesk.core.errors import Sentence
from orgdesk.core.model import POSITION_FIELD_BY_KEY, POSITION_FIELDS
from orgdesk.io.problems import InterchangeError


@dataclass(frozen=True, slots=True)
class Field:
    """One target of a column mapping."""

    key: str
    label: str
    chinese: str
    aliases: tuple[str, ...] = ()
    exported: bool = True  # written by exports (import-only helpers are not)
    is_list: bool = False

    @property
    def header(self) -> str:
        """The readable column header exports write, e.g. “Title 职位”."""
        return f"{self.label} {self.chinese}"


#: What imports recognise for each field, by its key here.
_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "unique id", "uniqueid", "position id", "node id", "key", "employee id",
           "emp id", "编号", "岗位编号", "职位编号", "工号", "编码"),
    "superior": ("parent id", "parentid", "pid", "parent", "reports to", "reportsto",
                 "reports_to", "manager", "manager id", "managerid", "superior", "superior id",
                 "supervisor", "supervisor id", "boss", "上级", "直接上级", "上级编号", "上级岗位",
                 "上级职位", "汇报对象", "汇报给", "上级id"),
    "order": ("order", "sort order", "序号", "排序", "顺序"),
    "title": ("title", "position", "position name", "positionname", "role", "role title",
              "job title", "label", "职位", "岗位", "岗位名称", "职位名称", "职务", "岗位名"),
    "department": ("department", "dept", "department name", "area", "division", "部门",
                   "所属部门", "部门名称", "科室"),
    "kind": ("kind", "is assistant", "assistant", "岗位类型", "岗位性质"),
    "level": ("level", "grade", "职级", "级别", "层级", "岗位级别"),
    "planned_headcount": ("headcount", "planned headcount", "seats", "定员", "职位定员", "岗位定员",
                          "编制", "编制人数", "定编", "人数", "定员人数"),
    "headcount_note": ("headcount note", "定员说明", "编制说明", "定员备注"),
    "filled_headcount": ("filled", "filled headcount", "在岗", "在岗人数", "实际人数", "现有人数",
                         "现有"),
    "duties": ("duties", "responsibilities", "duty", "职责", "岗位职责", "工作职责", "职位描述",
               "主要职责", "工作内容", "职责描述"),
    "education": ("education", "学历", "学历要求", "最低学历"),
    "min_years": ("experience", "years", "min years", "years of experience", "工作年限",
                  "工作经验", "工龄要求", "年限要求"),
    "age_min": ("min age", "minimum age", "最小年龄", "年龄下限"),
    "age_max": ("max age", "maximum age", "最大年龄", "年龄上限"),
    "languages": ("languages", "language", "语言", "语言要求"),
    "skills": ("skills", "skill", "技能", "技能要求", "能力要求", "素质要求", "能力素质"),
    "other_requirements": ("other requirements", "其他要求", "其它要求"),
    "kpis": ("kpi", "kpis", "kpi指标", "考核指标", "绩效指标", "关键绩效指标", "考核标准"),
    "career_path": ("career path", "发展方向", "晋升方向", "职业发展", "晋升通道"),
    "notes": ("notes", "note", "comments", "comment", "remark", "remarks", "备注", "说明"),
}

#: A table names the superior by its id in the same table and the department by
#: its name, so those columns have keys of their own.
_KEY_OF = {"superior_id": "superior", "department_id": "department"}
#: The columns that say where a row belongs come first; every other field of a
#: position follows in the core's order (core.model.POSITION_FIELDS).
_LEADING = ("id", "superior_id", "order", "title", "department_id")


def _position_fields() -> tuple[Field, ...]:
    ordered = [POSITION_FIELD_BY_KEY[key] for key in _LEADING] + [
        f for f in POSITION_FIELDS if f.key not in _LEADING]
    return tuple(Field(_KEY_OF.get(f.key, f.key), f.label, f.chinese,
                       _ALIASES.get(_KEY_OF.get(f.key, f.key), ()), is_list=f.is_list)
                 for f in ordered)


FIELDS: tuple[Field, ...] = (
    *_position_fields(),
    # Import-only helpers: they fill other fields.
    Field("name", "Name (for references)", "姓名",
          ("name", "full name", "fullname", "first name", "firstname", "employee",
           "employee name", "姓名", "人员", "名称"), exported=False),
    Field("requirements", "Requirements (mixed)", "任职要求",
          ("requirements", "qualifications", "任职要求", "任职资格", "岗位要求", "招聘要求",
           "职位要求", "任职条件"), exported=False, is_list=True),
    Field("age_range", "Age range", "年龄", ("age", "age range", "年龄", "年龄要求"),
          exported=False),
    Field("ignore", "(ignore)", "忽略", ("ignore",), exported=False),
)

FIELD_BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}
EXPORT_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f.exported)
#: Key of the pseudo-field for columns that are neither mapped nor ignored: they go to notes.
UNMAPPED = ""

_DROP = re.compile(r"[\s_\-.·:：?？()（）\[\]【】/\\#'\"“”]+")


def normalise(header: str) -> str:
    """The comparable form of a header: width-folded, lower case, no spacing or punctuation."""
    return _DROP.sub("", unicodedata.normalize("NFKC", header).casefold())


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for field in FIELDS:
        for alias in (field.key, field.header, field.label, *field.aliases):
            table.setdefault(normalise(alias), field.key)
    return table


_HEADER_KEYS = _alias_table()


def recognise(headers: Sequence[str]) -> dict[str, str]:
    """The automatic mapping of each header to a field key ("" when unrecognised).

    A field is given to the first column that names it; a second column with
    the same meaning stays unmapped, so its values end up in the notes.
    """
    taken: set[str] = set()
    mapping: dict[str, str] = {}
    for header in headers:
        key = _HEADER_KEYS.get(normalise(header), UNMAPPED)
        if key and key != "ignore" and key in taken:
            key = UNMAPPED
        taken.add(key)
        mapping[header] = key
    return mapping


def field_for(text: str) -> Field:
    """The field a user named on the command line (key, header or any alias)."""
    key = text if text in FIELD_BY_KEY else _HEADER_KEYS.get(normalise(text))
    if key is None:
        known = ", ".join(f.key for f in FIELDS)
        raise InterchangeError(Sentence.of("There is no field called “{text}”; fields are: "
                                           "{known}.", text=text, known=known))
    return FIELD_BY_KEY[key]


def is_own_table(headers: Iterable[str]) -> bool:
    """True when the header row is exactly orgdesk's export header set (any order)."""
    return {f.header for f in EXPORT_FIELDS} <= set(headers)
