"""What an edit changed, so storage writes only that and views refresh only that."""
from __future__ import annotations

from dataclasses import dataclass, field

from orgdesk.core.model import DepartmentId, PositionId, RelationId


@dataclass(slots=True)
class ChangeSet:
    """Ids touched by one operation.  `updated` covers moves and re-ordering too."""

    positions_added: list[PositionId] = field(default_factory=list)
    positions_updated: list[PositionId] = field(default_factory=list)
    positions_removed: list[PositionId] = field(default_factory=list)
    departments_added: list[DepartmentId] = field(default_factory=list)
    departments_updated: list[DepartmentId] = field(default_factory=list)
    departments_removed: list[DepartmentId] = field(default_factory=list)
    relations_added: list[RelationId] = field(default_factory=list)
    relations_removed: list[RelationId] = field(default_factory=list)
    info_changed: bool = False
    settings_changed: list[str] = field(default_factory=list)
    #: For updated positions, the names of the `Position` fields that changed (a view
    #: showing none of them need not reload).  A position missing here may have
    #: changed anywhere.
    position_fields: dict[PositionId, frozenset[str]] = field(default_factory=dict)

    def fields_of(self, pid: PositionId) -> frozenset[str] | None:
        """The changed fields of an updated position; None when not known."""
        return self.position_fields.get(pid)

    def merge(self, other: ChangeSet) -> ChangeSet:
        """Fold a later change set into this one (for composite operations)."""
        for name in ("positions", "departments"):
            added = getattr(self, f"{name}_added")
            updated = getattr(self, f"{name}_updated")
            removed = getattr(self, f"{name}_removed")
            for item in getattr(other, f"{name}_added"):
                if item in removed:
                    removed.remove(item)
                    updated.append(item)
                else:
                    added.append(item)
            for item in getattr(other, f"{name}_updated"):
                if item not in added and item not in updated:
                    updated.append(item)
            for item in getattr(other, f"{name}_removed"):
                if item in added:
                    added.remove(item)
                else:
                    if item in updated:
                        updated.remove(item)
                    removed.append(item)
        for item in other.relations_added:
            self.relations_added.append(item)
        for item in other.relations_removed:
            if item in self.relations_added:
                self.relations_added.remove(item)
            else:
                self.relations_removed.append(item)
        for pid, names in other.position_fields.items():
            self.position_fields[pid] = self.position_fields.get(pid, frozenset()) | names
        self.info_changed = self.info_changed or other.info_changed
        for name in other.settings_changed:
            if name not in self.settings_changed:
                self.settings_changed.append(name)
        return self

    @property
    def empty(self) -> bool:
        return not any((self.positions_added, self.positions_updated, self.positions_removed,
                        self.departments_added, self.departments_updated,
                        self.departments_removed, self.relations_added,
                        self.relations_removed, self.info_changed, self.settings_changed))
