"""Field validation of the core entities (orgdesk.core.model)."""
from __future__ import annotations

import dataclasses

import pytest

from orgdesk.core.errors import DomainError, InvalidValueError, UserError
from orgdesk.core.model import (
    EDUCATION_SCALE,
    Department,
    DepartmentId,
    Kpi,
    Position,
    PositionId,
    PositionKind,
    Relation,
    RelationId,
    RelationKind,
    Requirements,
)

P = PositionId


def test_invalid_value_error_is_a_readable_domain_error() -> None:
    assert issubclass(InvalidValueError, DomainError)
    assert issubclass(InvalidValueError, UserError)


# ------------------------------------------------------------------ Position
@pytest.mark.parametrize("title", ["", " ", "   ", "\t", "\n", " \r\n\t "])
def test_position_refuses_a_blank_title(title: str) -> None:
    with pytest.raises(InvalidValueError):
        Position(P(1), title)


@pytest.mark.parametrize("title", ["座席员", "组长", " x ", "=SUM(A1)", "a\nb", "\\N", "😀"])
def test_position_keeps_any_non_blank_title_verbatim(title: str) -> None:
    assert Position(P(1), title).title == title


def test_position_defaults() -> None:
    position = Position(P(7), "座席员")
    assert position.superior_id is None
    assert position.order == 0
    assert position.kind is PositionKind.LINE
    assert position.planned_headcount == 1
    assert position.filled_headcount == 0
    assert position.duties == () and position.kpis == ()
    assert position.requirements == Requirements()


@pytest.mark.parametrize("planned", [-1, -100])
def test_position_refuses_negative_planned_headcount(planned: int) -> None:
    with pytest.raises(InvalidValueError, match="Planned headcount"):
        Position(P(1), "座席员", planned_headcount=planned)


@pytest.mark.parametrize("filled", [-1, -100])
def test_position_refuses_negative_filled_headcount(filled: int) -> None:
    with pytest.raises(InvalidValueError, match="Filled headcount"):
        Position(P(1), "座席员", filled_headcount=filled)


def test_position_accepts_zero_headcounts() -> None:
    position = Position(P(1), "座席员", planned_headcount=0, filled_headcount=0)
    assert position.vacancies == 0


def test_position_refuses_to_report_to_itself() -> None:
    with pytest.raises(InvalidValueError):
        Position(P(3), "组长", superior_id=P(3))


def test_position_may_report_to_another_position() -> None:
    assert Position(P(3), "组长", superior_id=P(2)).superior_id == 2


@pytest.mark.parametrize(
    ("planned", "filled", "vacancies"),
    [(1, 0, 1), (10, 3, 7), (5, 5, 0), (3, 8, 0), (0, 4, 0), (0, 0, 0)],
)
def test_vacancies_are_planned_minus_filled_never_negative(
        planned: int, filled: int, vacancies: int) -> None:
    position = Position(P(1), "座席员", planned_headcount=planned, filled_headcount=filled)
    assert position.vacancies == vacancies


def test_position_is_immutable() -> None:
    position = Position(P(1), "座席员")
    with pytest.raises(dataclasses.FrozenInstanceError):
        position.title = "组长"  # type: ignore[misc]  # the test checks that frozen refuses it


def test_evolve_changes_fields_and_keeps_the_original() -> None:
    position = Position(P(1), "座席员", duties=("接听",))
    evolved = position.evolve(title="组长", planned_headcount=3)
    assert (evolved.title, evolved.planned_headcount, evolved.duties) == ("组长", 3, ("接听",))
    assert (position.title, position.planned_headcount) == ("座席员", 1)


@pytest.mark.parametrize("changes", [
    {"title": "  "},
    {"planned_headcount": -1},
    {"filled_headcount": -2},
    {"superior_id": P(1)},
])
def test_evolve_validates_again(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidValueError):
        Position(P(1), "座席员").evolve(**changes)


def test_positions_are_values() -> None:
    a = Position(P(1), "座席员", kpis=(Kpi("接通率", "≥95%"),))
    b = Position(P(1), "座席员", kpis=(Kpi("接通率", "≥95%"),))
    assert a == b and hash(a) == hash(b)
    assert a != b.evolve(kpis=(Kpi("接通率", "≥90%"),))


# -------------------------------------------------------------- Requirements
@pytest.mark.parametrize("education", EDUCATION_SCALE)
def test_requirements_accept_every_level_of_the_scale(education: str) -> None:
    assert Requirements(education=education).education == education


def test_education_scale_is_the_chinese_scale_lowest_first() -> None:
    assert EDUCATION_SCALE == ("不限", "初中", "高中", "中专", "大专", "本科", "硕士", "博士")


@pytest.mark.parametrize("education", ["大学", "研究生", "Bachelor", "本科 ", " 本科", "PhD", "专科"])
def test_requirements_refuse_education_outside_the_scale(education: str) -> None:
    with pytest.raises(InvalidValueError, match="Education"):
        Requirements(education=education)


def test_requirements_education_may_be_unstated() -> None:
    assert Requirements().education == ""
    assert Requirements().education_rank == -1


def test_education_rank_follows_the_scale() -> None:
    ranks = [Requirements(education=e).education_rank for e in EDUCATION_SCALE]
    assert ranks == list(range(len(EDUCATION_SCALE)))
    assert Requirements(education="本科").education_rank > Requirements(education="大专").education_rank
    assert Requirements(education="博士").education_rank > Requirements(education="硕士").education_rank
    assert Requirements(education="初中").education_rank > Requirements(education="不限").education_rank
    assert Requirements(education="不限").education_rank > Requirements().education_rank


def test_sorting_by_education_rank_sorts_by_the_scale() -> None:
    shuffled = ["硕士", "不限", "本科", "高中", "博士", "中专", "初中", "大专"]
    ordered = sorted(shuffled, key=lambda e: Requirements(education=e).education_rank)
    assert tuple(ordered) == EDUCATION_SCALE


@pytest.mark.parametrize(("age_min", "age_max"), [(30, 20), (36, 35), (1, 0)])
def test_requirements_refuse_an_inverted_age_range(age_min: int, age_max: int) -> None:
    with pytest.raises(InvalidValueError, match="age range"):
        Requirements(age_min=age_min, age_max=age_max)


@pytest.mark.parametrize(("age_min", "age_max"), [(18, 35), (25, 25), (None, 40), (18, None)])
def test_requirements_accept_an_age_range_in_order_or_open(
        age_min: int | None, age_max: int | None) -> None:
    requirements = Requirements(age_min=age_min, age_max=age_max)
    assert (requirements.age_min, requirements.age_max) == (age_min, age_max)


@pytest.mark.parametrize("field", ["min_years", "age_min", "age_max"])
@pytest.mark.parametrize("value", [-1, 201])
def test_requirements_refuse_numbers_outside_0_to_200(field: str, value: int) -> None:
    with pytest.raises(InvalidValueError):
        Requirements(**{field: value})  # type: ignore[arg-type]  # the test passes a wrong value on purpose


def test_position_with_invalid_requirements_cannot_be_built() -> None:
    with pytest.raises(InvalidValueError):
        Position(P(1), "座席员", requirements=Requirements(education="大学"))


# ---------------------------------------------------------------- Department
def test_department_defaults() -> None:
    department = Department(DepartmentId(1), "客服部")
    assert department.colour == "#D9E2F3"
    assert department.order == 0


@pytest.mark.parametrize("name", ["", " ", "\t\n"])
def test_department_refuses_a_blank_name(name: str) -> None:
    with pytest.raises(InvalidValueError):
        Department(DepartmentId(1), name)


@pytest.mark.parametrize("colour", ["#000000", "#ffffff", "#A1b2C3", "#D9E2F3"])
def test_department_accepts_hex_colours(colour: str) -> None:
    assert Department(DepartmentId(1), "客服部", colour).colour == colour


@pytest.mark.parametrize("colour", [
    "", "#FFF", "FFFFFF", "#GGGGGG", "#1234567", "red", "#12345", " #123456", "#123456 ",
    "#123456\n", "rgb(1,2,3)", "#１２３４５６",
])
def test_department_refuses_other_colour_formats(colour: str) -> None:
    with pytest.raises(InvalidValueError, match="Colour"):
        Department(DepartmentId(1), "客服部", colour)


# ------------------------------------------------------------------ Relation
def test_relation_refuses_the_same_position_at_both_ends() -> None:
    with pytest.raises(InvalidValueError):
        Relation(RelationId(1), P(4), P(4))


def test_relation_between_two_positions() -> None:
    relation = Relation(RelationId(1), P(4), P(5), RelationKind.ADVISORY, "质检")
    assert (relation.source_id, relation.target_id, relation.kind) == (4, 5, RelationKind.ADVISORY)
    assert Relation(RelationId(2), P(4), P(5)).kind is RelationKind.DOTTED
