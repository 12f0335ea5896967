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
from orgdesk.core.model import CONTENT_FIELDS, POSITION_FIELD_BY_KEY, POSITION_FIELDS
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
           "emp id", "empid", "emp no", "emp number", "employee no", "employee number",
           "employee code", "employee key", "staff id", "staff no", "staff number", "person id",
           "personnel number", "personnel no", "worker id", "badge", "badge id", "user id",
           "associate id", "person number", "employee #", "emp #", "staff #", "userid",
           "编号", "岗位编号", "职位编号", "工号", "编码", "员工编号", "员工工号", "人员编号",
           "职工编号", "员工号", "员工id", "人员id", "岗位id"),
    # The columns naming the superior by its key come first in SUPERIOR_BY_KEY below: a
    # file with both “Manager ID” and “Manager Name” is linked by the id.
    "superior": ("parent id", "parentid", "pid", "parent", "reports to", "reportsto",
                 "reports_to", "reports to id", "reports to employee id", "parent key",
                 "parent employee key", "parent employee id", "manager key", "manager",
                 "manager id", "managerid", "manager employee id", "manager emp id",
                 "manager number", "manager no", "line manager", "line manager id",
                 "direct manager", "superior", "superior id", "supervisor", "supervisor id",
                 "supervisor employee id", "supervisor name", "manager name", "reports to name",
                 "boss", "上级", "直接上级", "上级编号", "上级岗位", "上级职位", "汇报对象", "汇报给",
                 "上级id", "上级工号", "上级员工编号", "上级员工工号", "上级人员编号", "汇报上级",
                 "reporting to", "reports to associate id", "manager person number",
                 "supervisor number", "manager user id", "manager user name", "manager #",
                 "直属上级", "直接主管", "直属主管", "上级主管", "直属领导", "上级领导", "汇报人",
                 "直属主管工号", "直属上级工号", "直属主管编号", "直属上级编号", "上级主管工号",
                 "上级姓名", "上级岗位编号", "上级职位编号", "主管工号", "经理工号"),
    "order": ("order", "sort order", "序号", "排序", "顺序"),
    "title": ("title", "position", "position name", "positionname", "role", "role title",
              "job title", "jobtitle", "job", "job name", "job role", "job position",
              "position title", "employee title", "business title", "designation", "label",
              "job title description", "job profile", "title description",
              "职位", "岗位", "岗位名称", "职位名称", "职务", "岗位名", "职务名称", "职位头衔"),
    "department": ("department", "dept", "department name", "dept name", "department code",
                   "dept code", "area", "division", "org unit", "organizational unit",
                   "organisational unit", "organization", "organisation", "org", "business unit",
                   "supervisory organization", "supervisory organisation", "home department",
                   "home department description", "department description",
                   "cost center", "cost centre", "team", "部门", "所属部门", "部门名称", "科室",
                   "部门编码", "部门代码", "组织", "所属组织", "组织名称", "组织单元", "成本中心",
                   "团队"),
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
    "source_id": ("source id", "source key", "original id", "来源编号", "原编号", "源编号"),
    "holders": ("holders", "holder", "incumbents", "incumbent", "在岗人员", "任职人员", "现任人员"),
    "pay_min": ("pay min", "min pay", "minimum pay", "monthly pay min", "salary min",
                "min salary", "minimum salary", "月薪下限", "薪资下限", "工资下限", "薪酬下限",
                "最低月薪", "最低工资"),
    "pay_max": ("pay max", "max pay", "maximum pay", "monthly pay max", "salary max",
                "max salary", "maximum salary", "月薪上限", "薪资上限", "工资上限", "薪酬上限",
                "最高月薪", "最高工资"),
    "on_cost_percent": ("on-cost", "on cost", "on-cost %", "on cost %", "on-cost percent",
                        "employer on-cost", "社保公积金比例", "社保公积金", "社保比例",
                        "五险一金比例", "企业社保比例"),
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


#: Headers that name a person, never a position: a table with one lists people.
PERSON_HEADERS = ("full name", "fullname", "first name", "firstname", "employee", "worker",
                  "legal name", "preferred name", "employee full name", "associate name",
                  "employee name", "staff name", "person", "person name", "display name",
                  "short name", "short_name", "姓名", "人员", "员工", "员工姓名", "人员姓名",
                  "职工姓名")

FIELDS: tuple[Field, ...] = (
    *_position_fields(),
    # Import-only helpers: they fill other fields.
    Field("name", "Name (for references)", "姓名", ("name", *PERSON_HEADERS, "名称"),
          exported=False),
    Field("path", "Path / outline number", "层级路径",
          ("path", "hierarchy", "outline", "outline number", "hierarchyid", "hierarchy id",
           "hierarchy path", "org path", "org node", "organization node",
           "organisation node", "node path", "wbs", "层级路径", "编码路径", "层级编码", "路径"),
          exported=False),
    Field("requirements", "Requirements (mixed)", "任职要求",
          ("requirements", "qualifications", "任职要求", "任职资格", "岗位要求", "招聘要求",
           "职位要求", "任职条件"), exported=False, is_list=True),
    Field("age_range", "Age range", "年龄", ("age", "age range", "年龄", "年龄要求"),
          exported=False),
    # One column with the monthly pay, a range (“4500-6000”) or one figure: both ends.
    # Not a bare “salary” or “pay”: HR systems of other countries state it by the year.
    Field("pay", "Monthly pay (range)", "月薪", (
        "monthly pay", "monthly salary", "monthly wage", "monthly pay range",
        "月薪", "薪资", "工资", "薪酬", "月薪范围", "薪资范围", "薪酬范围", "工资范围", "月工资",
        "薪资待遇", "待遇"), exported=False),
    Field("ignore", "(ignore)", "忽略", ("ignore",), exported=False),
)

FIELD_BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}
EXPORT_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f.exported)
#: Key of the pseudo-field for columns that are neither mapped nor ignored: they go to notes.
UNMAPPED = ""

_DROP = re.compile(r"[\s_\-.·:：?？()（）\[\]【】/\\#'\"“”]+")


def normalise(header: str) -> str:
    """The comparable form of a header: width-folded, lower case, no spacing or punctuation.

    “#” and “№” read as “no” (“Employee #” is the employee number, not the employee).
    """
    text = unicodedata.normalize("NFKC", header).casefold()
    if "#" in text or "№" in text:
        text = text.replace("#", " no ").replace("№", " no ")
    return _DROP.sub("", text)


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for field in FIELDS:
        for alias in (field.key, field.header, field.label, *field.aliases):
            table.setdefault(normalise(alias), field.key)
    return table


_HEADER_KEYS = _alias_table()


#: A superior column naming the superior by its key (“Manager ID”, “直属主管工号”) is
#: preferred to one that names a person (“Manager Name”, “直属主管”) when a file has both;
#: otherwise the first superior column is taken, as for every field.
_BY_KEY = re.compile(r"(?:id|key|no|number|code|编号|工号|编码|号|代码)$")
_BY_PERSON = re.compile(r"name|姓名|^(?:manager|supervisor|boss|linemanager|directmanager|"
                        r"直属主管|直接主管|直属上级|上级主管|汇报上级|直属领导|上级领导|汇报人)$")


def recognise(headers: Sequence[str]) -> dict[str, str]:
    """The automatic mapping of each header to a field key ("" when unrecognised).

    A field is given to the first column that names it; a second column with
    the same meaning stays unmapped, so its values end up in the notes.  Only
    the superior is chosen by preference: its key column beats its name column.
    """
    keys = [_HEADER_KEYS.get(normalise(header), UNMAPPED) for header in headers]
    by_key = [i for i, key in enumerate(keys) if key == "superior"]
    preferred = [i for i in by_key if _BY_KEY.search(normalise(headers[i]))]
    if preferred and by_key[0] not in preferred and _BY_PERSON.search(normalise(headers[by_key[0]])):
        keys[by_key[0]], keys[preferred[0]] = UNMAPPED, "superior"
        for i in by_key[1:]:
            if i != preferred[0]:
                keys[i] = "superior"  # left to the first-wins rule below
    taken: set[str] = set()
    mapping: dict[str, str] = {}
    for header, key in zip(headers, keys):
        if key and key != "ignore" and key in taken:
            key = UNMAPPED
        taken.add(key)
        mapping[header] = key
    return mapping


def known_header(text: str) -> bool:
    """Whether `text` is the name of a column some import recognises."""
    return bool(text.strip()) and normalise(text) in _HEADER_KEYS


def is_person_header(header: str) -> bool:
    """Whether a column's header names people (“姓名”, “Employee Name”), not positions."""
    return normalise(header) in _PERSON_KEYS


_PERSON_KEYS = frozenset(normalise(h) for h in PERSON_HEADERS)


def field_for(text: str) -> Field:
    """The field a user named on the command line (key, header or any alias)."""
    key = text if text in FIELD_BY_KEY else _HEADER_KEYS.get(normalise(text))
    if key is None:
        known = ", ".join(f.key for f in FIELDS)
        raise InterchangeError(Sentence.of("There is no field called “{text}”; fields are: "
                                           "{known}.", text=text, known=known))
    return FIELD_BY_KEY[key]


#: Fields orgdesk's exports gained later (file formats 2 and 3): an own table written
#: before lacks their columns and must still be read exactly, as orgdesk's own.
ADDED_LATER = ("source_id", "holders", "pay_min", "pay_max", "on_cost_percent")
_OWN_HEADERS = frozenset(f.header for f in EXPORT_FIELDS if f.key not in ADDED_LATER)


def is_own_table(headers: Iterable[str]) -> bool:
    """True when the header row holds orgdesk's export header set (any order), or the
    smaller one exports had before `ADDED_LATER`."""
    return set(headers) >= _OWN_HEADERS


#: The field keys every peer-layout export of orgdesk writes beside the peer's own keys
#: (d3, OrgChart JS, GoJS, draw.io, yEd, Visio: orgdesk.io.peers.records.OTHER_FIELDS).
_PEER_EXPORT_KEYS = frozenset(f.key for f in CONTENT_FIELDS
                              if f.key not in ("title", "planned_headcount",
                                               "filled_headcount", *ADDED_LATER))


def is_peer_export(headers: Iterable[str]) -> bool:
    """Whether a peer-layout file says it is orgdesk's export: it carries every one of
    orgdesk's own field keys (`headcount_note`, `career_path`, `min_years` …) besides
    the peer's keys.  Its several top positions are then side by side, as exported."""
    return set(headers) >= _PEER_EXPORT_KEYS
