"""ORM tables of the `.orgdesk` file, schema version 1.

Ordered lists (duties, languages, skills, KPIs) are child tables keyed by
(position, seq) so their order is explicit data, not an accident of row ids.
"""
from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: `PRAGMA application_id` of every .orgdesk file: ASCII "OrgD".
APPLICATION_ID = 0x4F726744
#: `PRAGMA user_version` written by this build.
SCHEMA_VERSION = 1


class Base(DeclarativeBase):
    """Declarative base of the .orgdesk schema."""


class MetaRow(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class DepartmentRow(Base):
    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(Text, unique=True)
    colour: Mapped[str] = mapped_column(String(7))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class PositionRow(Base):
    __tablename__ = "positions"
    __table_args__ = (
        CheckConstraint("planned_headcount >= 0", name="planned_non_negative"),
        CheckConstraint("filled_headcount >= 0", name="filled_non_negative"),
        CheckConstraint("kind IN ('line', 'staff')", name="kind_known"),
        CheckConstraint("superior_id IS NULL OR superior_id <> id", name="not_own_superior"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    superior_id: Mapped[int | None] = mapped_column(
        ForeignKey("positions.id", ondelete="RESTRICT"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(8), default="line")
    level: Mapped[str] = mapped_column(Text, default="")
    planned_headcount: Mapped[int] = mapped_column(Integer, default=1)
    headcount_note: Mapped[str] = mapped_column(Text, default="")
    filled_headcount: Mapped[int] = mapped_column(Integer, default=0)
    education: Mapped[str] = mapped_column(Text, default="")
    min_years: Mapped[int | None] = mapped_column(Integer)
    age_min: Mapped[int | None] = mapped_column(Integer)
    age_max: Mapped[int | None] = mapped_column(Integer)
    other_requirements: Mapped[str] = mapped_column(Text, default="")
    career_path: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    duties: Mapped[list[DutyRow]] = relationship(
        order_by="DutyRow.seq", cascade="all, delete-orphan", lazy="selectin")
    languages: Mapped[list[LanguageRow]] = relationship(
        order_by="LanguageRow.seq", cascade="all, delete-orphan", lazy="selectin")
    skills: Mapped[list[SkillRow]] = relationship(
        order_by="SkillRow.seq", cascade="all, delete-orphan", lazy="selectin")
    kpis: Mapped[list[KpiRow]] = relationship(
        order_by="KpiRow.seq", cascade="all, delete-orphan", lazy="selectin")


class DutyRow(Base):
    __tablename__ = "duties"
    position_id: Mapped[int] = mapped_column(
        ForeignKey("positions.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class LanguageRow(Base):
    __tablename__ = "languages"
    position_id: Mapped[int] = mapped_column(
        ForeignKey("positions.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class SkillRow(Base):
    __tablename__ = "skills"
    position_id: Mapped[int] = mapped_column(
        ForeignKey("positions.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class KpiRow(Base):
    __tablename__ = "kpis"
    position_id: Mapped[int] = mapped_column(
        ForeignKey("positions.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text, default="")


class RelationRow(Base):
    __tablename__ = "relations"
    __table_args__ = (CheckConstraint("kind IN ('dotted', 'advisory')", name="relation_kind"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source_id: Mapped[int] = mapped_column(ForeignKey("positions.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("positions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16), default="dotted")
    label: Mapped[str] = mapped_column(Text, default="")
