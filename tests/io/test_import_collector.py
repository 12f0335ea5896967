"""Reading a large source does not run the cycle collector over its objects again and again,
and leaves the collector as it found it."""
from __future__ import annotations

import gc
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from orgdesk.core.collector import collector_paused
from orgdesk.io.interchange import read_source
from orgdesk.io.options import ImportOptions
from orgdesk.io.problems import InterchangeError


@pytest.fixture()
def collections() -> Iterator[list[int]]:
    """The generation of every collection that starts while the test runs."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(record)
    try:
        yield seen
    finally:
        gc.callbacks.remove(record)


def _flat_json(path: Path, nodes: int) -> Path:
    entries = [{"id": f"P{i}", "parentId": f"P{(i - 2) // 12 + 1}" if i > 1 else None,
                "name": f"员工{i}", "positionName": f"岗位{i % 50}",
                "duties": ["接听来电", f"跟进工单{i % 7}"],
                "kpis": [{"name": "接通率", "target": "≥90%"}]} for i in range(1, nodes + 1)]
    path.write_text(json.dumps(entries, ensure_ascii=False), "utf-8")
    return path


def _csv(path: Path, rows: int) -> Path:
    lines = ["id,pid,title,duties"] + [f"{i},{'' if i == 1 else i // 2},岗位{i % 40},职责{i % 9}"
                                       for i in range(1, rows + 1)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.parametrize("source", [_flat_json, _csv])
def test_reading_a_large_source_runs_no_collection(tmp_path: Path, collections: list[int],
                                                   source: Any) -> None:
    path = source(tmp_path / ("big.json" if source is _flat_json else "big.csv"), 3000)
    gc.collect()
    collections.clear()
    assert gc.isenabled()
    result = read_source(path, ImportOptions())
    assert len(result.require()) == 3000
    # Unpaused, dozens run while the thousands of objects are made; paused, at most the one
    # that the first allocation after the read starts, once the collector is back.
    assert len(collections) <= 1, collections
    assert gc.isenabled()


def test_a_failed_read_leaves_the_collector_enabled(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("[{", "utf-8")
    with pytest.raises(InterchangeError):
        read_source(path, ImportOptions())
    assert gc.isenabled()


def test_a_collector_disabled_by_someone_else_stays_disabled(tmp_path: Path) -> None:
    gc.disable()
    try:
        read_source(_csv(tmp_path / "small.csv", 20), ImportOptions()).require()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_restore_the_collector_when_the_last_ends() -> None:
    first_in, second_out = threading.Event(), threading.Event()
    states: list[bool] = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_out.wait(10)
            states.append(gc.isenabled())  # the second pause ended: still paused for this one

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(10)
    with collector_paused():
        pass
    states.append(gc.isenabled())
    second_out.set()
    thread.join(10)
    assert states == [False, False]
    assert gc.isenabled()


def test_an_import_to_a_file_runs_no_collection_between_read_and_write(
        tmp_path: Path, collections: list[int]) -> None:
    from orgdesk.io.interchange import import_to_file

    path = _csv(tmp_path / "big.csv", 3000)
    gc.collect()
    collections.clear()
    import_to_file(path, tmp_path / "big.orgdesk", ImportOptions())
    assert len(collections) <= 1, collections  # the one after the import, at most
    assert gc.isenabled()


class _Kept:
    """A tracked object whose generation can be looked up."""


def test_what_a_pause_keeps_goes_to_the_oldest_generation_unexamined(
        collections: list[int]) -> None:
    """The objects a bulk step made and kept are not walked by the next young collections
    (the first one after the pause used to walk them all), yet cyclic garbage made in
    the pause is still collected."""
    gc.collect()
    collections.clear()
    with collector_paused():
        kept = [_Kept() for _ in range(20_000)]
        cycle: list[Any] = []
        cycle.append(cycle)
        del cycle
    assert gc.get_count()[0] < gc.get_threshold()[0]  # no young collection is due
    assert len(gc.get_objects(generation=0)) < 1_000
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(o) in oldest for o in kept[::500])
    assert gc.get_freeze_count() == 0
    assert collections == []
    assert gc.collect() >= 1  # the cycle, unreachable, is found at a full collection


def test_a_small_pause_leaves_the_generations_as_they_were() -> None:
    gc.collect()
    with collector_paused():
        kept = [_Kept() for _ in range(100)]
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert all(id(o) in young for o in kept)


def test_objects_someone_froze_stay_frozen_after_a_pause() -> None:
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            kept = [_Kept() for _ in range(1_000)]
        assert gc.get_freeze_count() == frozen
        assert len(kept) == 1_000
        with collector_paused():
            kept += [_Kept() for _ in range(20_000)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_reading_a_document_runs_no_collection(tmp_path: Path, collections: list[int]) -> None:
    """A document's rows and entities live on once read: the collector rests while they
    are made and hands them to its oldest generation afterwards."""
    from orgdesk.core.model import Position, PositionId
    from orgdesk.core.organisation import Organisation
    from orgdesk.storage.new_document import create_file
    from orgdesk.storage.reading import read_organisation

    path = tmp_path / "big.orgdesk"
    create_file(path, Organisation(positions=[
        Position(PositionId(i), f"岗位{i}", superior_id=PositionId(i // 2) if i > 1 else None,
                 duties=(f"职责{i % 9}", "接听来电")) for i in range(1, 5001)]))
    gc.collect()
    collections.clear()
    org = read_organisation(path)
    assert len(org) == 5000
    assert collections == []
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(p) in oldest for p in list(org.positions())[::250])
