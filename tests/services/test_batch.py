"""`DocumentService.batch`: one edit = one transaction = one recorded step, writing only
what changed, on the document's one connection."""
from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import pytest
from sqlalchemy import event

from orgdesk.core.errors import CycleError
from orgdesk.core.model import Kpi, PositionId
from orgdesk.services import DocumentService

P = PositionId
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


@contextmanager
def traced(service: DocumentService) -> Iterator[list[str]]:
    """Every SQL statement SQLite runs on the document's connection meanwhile."""
    raw = service.file.engine.raw_connection()
    driver: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]  # SQLAlchemy types the driver connection loosely; it is sqlite3's
    statements: list[str] = []
    driver.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        driver.set_trace_callback(None)
        raw.close()


def writes(statements: list[str]) -> list[str]:
    return [s for s in statements if WRITES.match(s)]


def test_a_title_keystroke_is_one_update_of_the_positions_row(service: DocumentService) -> None:
    assert service.org.position(P(4)).duties, "the sample's agents have duties"
    service.edit_position(P(4), title="热身")  # the connection exists from here on
    with traced(service) as statements:
        service.edit_position(P(4), title="客服专员")
    assert writes(statements) == [
        "UPDATE positions SET title = '客服专员' WHERE id = 4"]
    assert service.file.load().snapshot() == service.org.snapshot()


def test_a_list_edit_rewrites_only_that_list(service: DocumentService) -> None:
    position = service.org.position(P(4))
    with traced(service) as statements:
        service.edit_position(P(4), duties=position.duties[1:], kpis=(Kpi("接通率", "90%"),))
    tables = {re.search(r"(?:INTO|FROM|UPDATE)\s+(\w+)", s).group(1)  # type: ignore[union-attr]  # the output is known to hold the pattern
              for s in writes(statements)}
    assert tables == {"duties", "kpis"}
    assert service.file.load().snapshot() == service.org.snapshot()


def test_edits_share_one_connection(service: DocumentService) -> None:
    connects: list[object] = []
    event.listen(service.file.engine, "connect", lambda *_: connects.append(1))
    service.edit_position(P(4), title="一")
    for n in range(5):
        service.edit_position(P(4), title=f"第{n}")
    assert len(connects) <= 1


def test_a_composite_edit_is_one_transaction(service: DocumentService) -> None:
    with traced(service) as statements, service.batch("Reorganise") as batch:
        service.move_position(P(5), P(3), 0)
        service.edit_position(P(3), title="督导组")
        new = service.new_position("组长", P(3))
    assert sum(1 for s in statements if s.upper().startswith("BEGIN")) == 1
    assert sum(1 for s in statements if s.upper().startswith("COMMIT")) == 1
    assert set(batch.changes.positions_added) == {new.id}
    assert {P(5), P(3)} <= set(batch.changes.positions_updated)
    assert batch.structural
    assert batch.before.positions[new.id] is None
    assert batch.before.positions[P(3)].title == "项目督导"  # type: ignore[union-attr]  # the edited position is in the patch
    assert service.file.load().snapshot() == service.org.snapshot()


def test_a_failure_in_the_middle_leaves_nothing(service: DocumentService) -> None:
    start = service.org.snapshot()
    counter = service.file.load().snapshot()
    with pytest.raises(RuntimeError), service.batch("Half an edit"):
        service.move_position(P(5), P(3), 0)
        service.edit_position(P(2), title="半")
        raise RuntimeError("killed")
    assert service.org.snapshot() == start
    assert service.file.load().snapshot() == counter
    # The derived indexes follow too: the tree reads as before.
    assert [p.id for p in service.org.direct_reports(P(1))] == [P(2), P(5), P(6)]


def test_a_refused_step_inside_a_batch_undoes_the_whole_batch(service: DocumentService) -> None:
    start = service.org.snapshot()
    with pytest.raises(CycleError), service.batch("Two moves"):
        service.move_position(P(5), P(3), 0)
        # A cycle, refused and swallowed by a careless caller: the batch still refuses to commit.
        with contextlib.suppress(CycleError):
            service.move_position(P(1), P(4))
    assert service.org.snapshot() == start == service.file.load().snapshot()


def test_a_failed_commit_leaves_memory_as_it_was(service: DocumentService,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    start = service.org.snapshot()
    org = service.org

    @contextmanager
    def failing() -> Iterator[None]:
        raise OSError("disk full")
        yield
    monkeypatch.setattr(service.file, "transaction", failing)
    with pytest.raises(OSError):
        service.remove_branch(P(2))
    assert service.org is org and org.snapshot() == start
    assert [p.id for p in org.positions()] == [P(1), P(2), P(3), P(4), P(5), P(6)]


def test_a_service_call_outside_a_batch_records_its_own(service: DocumentService) -> None:
    with service.batch() as outer:
        service.edit_position(P(6), title="培训师")
    assert outer.changes.positions_updated == [P(6)]
    assert outer.after.positions[P(6)] == replace(
        outer.before.positions[P(6)], title="培训师")  # type: ignore[type-var]  # the edited position is in the patch
    nothing = service.batch()
    with nothing as empty:
        pass
    assert empty.changes.empty
