"""requirementsPanel: education, experience, age, languages, skills, other (任职要求)."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QWidget,
)

from orgdesk.core.errors import InvalidValueError
from orgdesk.core.model import EDUCATION_SCALE, Position
from orgdesk.ui.controller import DocumentController
from orgdesk.ui.long_text import LongTextEdit
from orgdesk.ui.messages import user_message
from orgdesk.ui.panels.base import PositionPanel, tr
from orgdesk.ui.panels.list_editor import ListEditor
from orgdesk.ui.panels.list_history import ListWords, language_words, skill_words


def _optional_spin(parent: QWidget, name: str, maximum: int) -> QSpinBox:
    """A spin box whose lowest value means "not stated"."""
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(-1, maximum)
    spin.setSpecialValueText("—")
    return spin


class RequirementsPanel(PositionPanel):
    """The requirements of the selected position."""

    FIELDS = frozenset({"requirements"})

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("requirementsPanel")
        self.education_combo = QComboBox(self)
        self.education_combo.setObjectName("educationCombo")
        self.education_combo.addItem(tr("RequirementsPanel", "(not stated)"), "")
        for level in EDUCATION_SCALE:
            self.education_combo.addItem(level, level)
        self.education_combo.activated.connect(lambda i: self._set(
            "education", None, education=self.education_combo.itemData(i)))
        self.years_spin = _optional_spin(self, "yearsSpin", 60)
        self.years_spin.valueChanged.connect(lambda v: self._set(
            "min_years", "min_years", min_years=None if v < 0 else v))
        self.age_min_spin = _optional_spin(self, "ageMinSpin", 100)
        self.age_max_spin = _optional_spin(self, "ageMaxSpin", 100)
        self.age_min_spin.valueChanged.connect(lambda v: self._set(
            "age", "age_min", age_min=None if v < 0 else v))
        self.age_max_spin.valueChanged.connect(lambda v: self._set(
            "age", "age_max", age_max=None if v < 0 else v))
        ages = QHBoxLayout()
        ages.addWidget(self.age_min_spin)
        ages.addWidget(self.age_max_spin)
        self.languages = ListEditor(self)
        self.languages.setObjectName("languagesList")
        self.languages.items_edited.connect(lambda items: self._set_list(
            self.languages, "languages", language_words(), items))
        self.skills = ListEditor(self)
        self.skills.setObjectName("skillsList")
        self.skills.items_edited.connect(lambda items: self._set_list(
            self.skills, "skills", skill_words(), items))
        self.other_edit = LongTextEdit(self)
        self.other_edit.setObjectName("otherRequirementsEdit")
        self.other_edit.textChanged.connect(lambda: self._set(
            "other", "other", other=self.other_edit.text()))
        form = QFormLayout(self)
        form.addRow(tr("RequirementsPanel", "Education"), self.education_combo)
        form.addRow(tr("RequirementsPanel", "Years of experience (min.)"), self.years_spin)
        form.addRow(tr("RequirementsPanel", "Age (from – to)"), ages)
        form.addRow(tr("RequirementsPanel", "Languages"), self.languages)
        form.addRow(tr("RequirementsPanel", "Skills and qualities"), self.skills)
        form.addRow(tr("RequirementsPanel", "Other"), self.other_edit)

    def load(self, position: Position | None) -> None:
        req = position.requirements if position else None
        self.education_combo.setCurrentIndex(
            max(self.education_combo.findData(req.education if req else ""), 0))
        self.years_spin.setValue(-1 if req is None or req.min_years is None else req.min_years)
        self.age_min_spin.setValue(-1 if req is None or req.age_min is None else req.age_min)
        self.age_max_spin.setValue(-1 if req is None or req.age_max is None else req.age_max)
        self.languages.set_items(req.languages if req else ())
        self.skills.set_items(req.skills if req else ())
        other = req.other if req else ""
        if self.other_edit.text() != other:
            self.other_edit.set_text(other)

    def _set_list(self, editor: ListEditor, field: str, words: ListWords,
                  items: list[str]) -> None:
        position = self.position
        if position is None or self._loading:
            return
        requirements = replace(position.requirements, languages=tuple(items)) \
            if field == "languages" else replace(position.requirements, skills=tuple(items))
        self.edit_list(editor.burst, f"req.{field}", words,
                       lambda p: getattr(p.requirements, field), items,
                       requirements=requirements)

    def _set(self, what: str, merge_field: str | None, **fields: object) -> None:
        position = self.position
        if position is None or self._loading:
            return
        try:
            requirements = replace(position.requirements, **fields)  # type: ignore[arg-type]  # field names and values are checked by __post_init__
        except InvalidValueError as exc:
            self.controller.problem.emit(user_message(exc))
            return
        self.edit(tr("RequirementsPanel", "Edit requirements of {title}", title=position.title),
                  merge_field and f"req.{merge_field}", requirements=requirements)
