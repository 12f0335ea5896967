"""Progress reaches the port, Cancel stops with nothing written, and io needs no Qt."""
from __future__ import annotations

from pathlib import Path

import pytest

from orgdesk.io.interchange import import_to_file, read_source
from orgdesk.io.options import ImportOptions, RootPolicy
from orgdesk.io.problems import ImportCancelled
from orgdesk.io.progress import REPORT_EVERY
from tests.test_architecture import QT, assert_ok, run_blocked


class Recorder:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[str, int, int | None]] = []
        self.cancel_after = cancel_after

    def report(self, stage: str, done: int, total: int | None) -> None:
        self.reports.append((stage, done, total))

    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def big_csv(tmp_path: Path, rows: int = 3 * REPORT_EVERY + 10) -> Path:
    path = tmp_path / "big.csv"
    lines = ["id,pid,title"] + [f"{i},{'' if i == 1 else i // 2},岗位{i}" for i in range(1, rows + 1)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_progress_is_reported_while_reading_and_checking(tmp_path: Path) -> None:
    recorder = Recorder()
    result = read_source(big_csv(tmp_path), ImportOptions(), recorder)
    assert len(result.require()) == 3 * REPORT_EVERY + 10
    reading = [r for r in recorder.reports if r[0] == "reading"]
    assert [done for _, done, _ in reading] == [REPORT_EVERY, 2 * REPORT_EVERY, 3 * REPORT_EVERY]
    assert all(total == 3 * REPORT_EVERY + 12 for _, _, total in reading)  # lines, from a scan
    assert recorder.reports[-1][0] == "checking"


def test_cancel_stops_the_import_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.orgdesk"
    with pytest.raises(ImportCancelled, match=r"The import was cancelled; nothing was written\."):
        import_to_file(big_csv(tmp_path), target, ImportOptions(roots=RootPolicy.FOREST),
                       Recorder(cancel_after=2))
    assert not target.exists()


def test_import_writes_a_valid_document(tmp_path: Path) -> None:
    from orgdesk.storage.reading import read_organisation

    target = tmp_path / "out.orgdesk"
    import_to_file(big_csv(tmp_path, 50), target)
    org = read_organisation(target)
    assert len(org) == 50 and org.roots()[0].title == "岗位1"


def test_io_imports_and_runs_with_qt_blocked(tmp_path: Path) -> None:
    body = """
        import importlib, pkgutil, orgdesk.io
        for module in pkgutil.iter_modules(orgdesk.io.__path__):
            importlib.import_module("orgdesk.io." + module.name)
        from orgdesk.io.interchange import export_to, read_source
        from orgdesk.samples import template_organisation
        org = template_organisation("call_center_chart")
        for suffix in (".csv", ".xlsx", ".graphml", ".json"):
            export_to(org, "chart" + suffix)
            assert len(read_source("chart" + suffix).require()) == len(org)
        import orgdesk.cli.interchange
        print("io ok")
    """
    result = run_blocked(QT, body, tmp_path)
    assert_ok(result)
    assert "io ok" in result.stdout
