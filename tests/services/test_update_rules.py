"""The service enforces the core's rules; it never quietly changes what it was given."""
from __future__ import annotations

from dataclasses import replace

import pytest

from orgdesk.core.errors import DomainError
from orgdesk.core.model import PositionId
from orgdesk.services import DocumentService

P = PositionId


def test_update_position_refuses_a_new_superior(service: DocumentService) -> None:
    start = service.org.snapshot()
    moved = replace(service.org.position(P(5)), superior_id=P(3), title="质检")
    with pytest.raises(DomainError):
        service.update_position(moved)
    assert service.org.snapshot() == start == service.file.load().snapshot()


def test_update_position_refuses_a_new_sibling_order(service: DocumentService) -> None:
    start = service.org.snapshot()
    with pytest.raises(DomainError):
        service.update_position(replace(service.org.position(P(6)), order=0))
    assert service.org.snapshot() == start == service.file.load().snapshot()


def test_update_position_writes_the_other_fields(service: DocumentService) -> None:
    service.update_position(service.org.position(P(5)).evolve(title="质检员"))
    assert service.org.position(P(5)).title == "质检员"
    assert service.file.load().position(P(5)).title == "质检员"
