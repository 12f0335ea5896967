"""The contents of the real version-2 fixture file, and the script that wrote it.

`fixtures/format-2.orgdesk` was written by the released format-2 orgdesk
(commit d9c945c) running this file as a script:

    git worktree add --detach /tmp/v2tree d9c945c
    PYTHONPATH=/tmp/v2tree .venv/bin/python tests/storage/v2_sample.py tests/storage/fixtures/format-2.orgdesk

So it uses only what format 2 had (no pay, no currency) and imports nothing
but orgdesk; the upgrade tests compare what they read from the fixture with
`v2_sample_org()` built by the current code.  The `format-2-samples` are the
six bundled samples as that commit built them (`sample_orgs/*.orgdesk`, gzipped).
"""
from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from orgdesk.core.model import DocumentInfo, PositionId
from orgdesk.core.organisation import Organisation
from tests.storage.v1_sample import v1_sample_org


def v2_sample_org() -> Organisation:
    """The format-1 sample plus what format 2 added: source ids and holders."""
    base = v1_sample_org()
    info = replace(base.info, title="客服中心 format 2", notes="written by the format-2 build",
                   modified=datetime(2026, 12, 4, 8, 30, 0, tzinfo=UTC))
    assert isinstance(info, DocumentInfo)
    positions = []
    for position in base.positions():
        if position.id == PositionId(7):
            position = position.evolve(source_id="O-6066", holders=("张三", "李四", "王芳"))
        elif position.id == PositionId(3):
            position = position.evolve(source_id="ID001", holders=("赵六",))
        positions.append(position)
    settings = dict(base.settings)
    settings["design_fixed"] = [4]
    return Organisation(info, base.departments, positions, base.relations,
                        settings)


def main(target: str) -> None:
    import orgdesk
    from orgdesk.storage.document import create_file
    from orgdesk.storage.schema import SCHEMA_VERSION

    assert SCHEMA_VERSION == 2, f"run with the format-2 build, not {orgdesk.__file__}"
    create_file(Path(target), v2_sample_org(), touch_modified=False)


if __name__ == "__main__":
    main(sys.argv[1])
