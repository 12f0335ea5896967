"""A child orgdesk process editing two scenarios of one file until it is SIGKILLed.

`python scenario_kill_child.py PATH STATUS`: opens PATH (which has the
scenarios 现状 and 方案A), then forever: sets position 1's notes in the open
scenario to "<scenario> <i>", reports "edited <scenario> <i>" once that edit is
committed, and every third edit switches to the other scenario, reporting
"switched <scenario>" once committed.  Reports are flushed at once, so a
SIGKILL loses nothing already reported.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from orgdesk.core.model import PositionId
from orgdesk.services.editor import DocumentService
from orgdesk.services.scenarios import ScenarioService
from orgdesk.storage.document import DocumentFile


def main() -> None:
    path, status_path = Path(sys.argv[1]), Path(sys.argv[2])
    status = open(status_path, "a", encoding="utf-8")  # noqa: SIM115 (lives until killed)

    def report(line: str) -> None:
        status.write(line + "\n")
        status.flush()

    file = DocumentFile.open(path)
    service = DocumentService(file)
    scenarios = ScenarioService(service)
    report("ready")
    i = 0
    while True:
        i += 1
        name = scenarios.active().name
        service.edit_position(PositionId(1), notes=f"{name} {i}")
        report(f"edited {name} {i}")
        if i % 3 == 0:
            other = next(s for s in scenarios.scenarios() if not s.active)
            scenarios.switch(other.id)
            report(f"switched {other.name}")


if __name__ == "__main__":
    main()
