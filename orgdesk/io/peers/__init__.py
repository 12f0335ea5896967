"""Exports in the peer tools' own layouts: what each peer loads without hand work.

    writer = peer_writer("drawio", Path("chart.csv"))   # or ExportFailed, one sentence
    writer(org, handle)

| layout       | files          | the peer reads it with                                   |
|--------------|----------------|----------------------------------------------------------|
| `d3`         | .json, .csv    | d3-org-chart's `.data(…)` (flat `id` / `parentId`)       |
| `orgchartjs` | .json          | OrgChart JS `nodes` (`id` / `pid`, `tags`) and `slinks`  |
| `gojs`       | .json          | GoJS `go.Model.fromJson` (a `go.TreeModel`)              |
| `drawio`     | .csv           | draw.io Arrange → Insert → Advanced → CSV                |
| `yed`        | .graphml       | yEd File → Open (our chart's geometry and colours)       |
| `visio`      | .csv, .xlsx    | Visio's Organization Chart Wizard                        |
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO

from orgdesk.core.errors import Sentence
from orgdesk.core.organisation import Organisation
from orgdesk.io.peers import json_layouts, tables, yed
from orgdesk.io.problems import ExportFailed

Writer = Callable[[Organisation, IO[bytes]], None]

#: Each layout's writers by file extension (the order is the one messages list).
LAYOUTS: dict[str, dict[str, Writer]] = {
    "d3": {".json": json_layouts.write_d3_json, ".csv": tables.write_d3_csv},
    "orgchartjs": {".json": json_layouts.write_orgchartjs},
    "gojs": {".json": json_layouts.write_gojs},
    "drawio": {".csv": tables.write_drawio},
    "yed": {".graphml": yed.write_yed},
    "visio": {".csv": tables.write_visio_csv, ".xlsx": tables.write_visio_xlsx},
}
#: The names the peers go by, for messages and file dialogs.
PEER_NAMES = {"d3": "d3-org-chart", "orgchartjs": "OrgChart JS", "gojs": "GoJS",
              "drawio": "draw.io", "yed": "yEd", "visio": "Visio"}


def peer_writer(layout: str, path: Path) -> Writer:
    """The writer of `layout` for the extension of `path`, or ExportFailed naming its formats."""
    writers = LAYOUTS.get(layout)
    if writers is None:
        raise ExportFailed(Sentence.of("There is no export layout called “{layout}”; the "
                                       "layouts are: {known}.", layout=layout,
                                       known=", ".join(LAYOUTS)))
    suffix = Path(path).suffix.lower()
    writer = writers.get(suffix)
    if writer is None:
        raise ExportFailed(Sentence.of(
            "The {peer} layout is written as {formats} only, not as {suffix}; choose a file "
            "name ending in {formats}.", peer=PEER_NAMES[layout],
            formats=" or ".join(writers), suffix=suffix or "a file without an extension"))
    return writer


__all__ = ["LAYOUTS", "PEER_NAMES", "Writer", "peer_writer"]
