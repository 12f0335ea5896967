"""The comparison's words per language: every change detail the comparison can write has Chinese."""
from __future__ import annotations

import ast
import inspect

from orgdesk.analysis import compare
from orgdesk.core.errors import Sentence
from orgdesk.export.scenario_words import CHINESE_DETAILS, chinese_detail, comparison_labels


def _templates() -> set[str]:
    """Every literal template of `Sentence.of(...)` in orgdesk.analysis.compare."""
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(compare))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "of" and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "Sentence" and node.args
                and isinstance(node.args[0], ast.Constant)):
            found.add(node.args[0].value)
    return found


def test_every_template_of_a_change_has_its_chinese() -> None:
    templates = _templates()
    assert len(templates) > 20  # the field names and the sentences were found
    assert templates <= CHINESE_DETAILS.keys(), templates - CHINESE_DETAILS.keys()
    for english, chinese in CHINESE_DETAILS.items():  # the same placeholders
        assert sorted(_fields(english)) == sorted(_fields(chinese)), english


def _fields(template: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def test_nested_details_and_the_kinds_values_read_in_chinese() -> None:
    kind = compare.FIELD_NAMES["kind"]
    listed = Sentence.of("{first}, {second}",
                         first=Sentence.of("{name} {old} → {new}", name=kind, old="staff",
                                           new="line"),
                         second=compare.FIELD_NAMES["duties"])
    assert chinese_detail(Sentence.of("Changed {fields}.", fields=listed)) == \
        "修改了岗位类型（直线/参谋） 参谋 → 直线、岗位职责。"
    assert chinese_detail("用户自己的文字 staff") == "用户自己的文字 staff"  # not a Sentence


def test_the_cost_unit_is_in_the_headings_of_each_language() -> None:
    chinese, english = comparison_labels("zh", "CNY"), comparison_labels("en", "USD")
    assert chinese.heading("monthly_cost") == "月度人工成本（元）"
    assert chinese.column_of("monthly_cost", "现状") == "月度人工成本（现状，元）"
    assert chinese.column_of("seats", "方案A") == "定员（方案A）"
    assert english.heading("monthly_cost") == "Monthly cost (USD)"
    assert english.column_of("seats", "Δ") == "Seats (Δ)"
    assert comparison_labels("zh", "USD").heading("monthly_cost") == "月度人工成本（USD）"
    assert comparison_labels("en").heading("monthly_cost") == "Monthly cost"
