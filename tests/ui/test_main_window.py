"""The first window on a real document, with real widgets (offscreen)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from orgdesk.core.model import PositionId
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile, read_organisation
from orgdesk.ui import dialogs
from orgdesk.ui.fonts import cjk_family
from orgdesk.ui.main_window import MainWindow, open_document
from orgdesk.ui.tree_model import OrgTreeModel, PositionIdRole

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    target = tmp_path / "运营部.orgdesk"
    shutil.copy(ROOT / "sample_orgs" / "software_ops_department.orgdesk", target)
    return target


@pytest.fixture
def window(qtbot: QtBot, sample_copy: Path) -> MainWindow:
    service = open_document(sample_copy)
    assert service is not None
    win = MainWindow(service)
    qtbot.addWidget(win)
    return win


def test_model_passes_qtmodeltester(qtmodeltester, sample_copy: Path) -> None:
    model = OrgTreeModel(read_organisation(sample_copy))
    qtmodeltester.check(model, force_py=True)


def test_tree_shows_the_hierarchy_with_headcount_badge(window: MainWindow) -> None:
    model = window.model
    root = model.index(0, 0)
    assert root.data().startswith("运营经理")
    titles = []

    def walk(parent):  # noqa: ANN001
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            titles.append(index.data())
            walk(index)
    walk(root.parent())
    assert any(t.startswith("客户服务专员 ×14") for t in titles)
    assert len(titles) == 6
    assert window.findChild(type(window.tree), "orgTree") is window.tree


def test_selecting_shows_the_overview_and_superior_link(window: MainWindow, qtbot: QtBot) -> None:
    org = window.service.org
    agents = next(p for p in org.positions() if p.title == "客户服务专员")
    window.select_position(agents.id)
    text = window.overview.toPlainText()
    assert "客户服务专员" in text
    assert "项目督导" in text  # its direct superior
    assert agents.duties[0] in text
    # Following the superior link selects the superior in the tree.
    superior = org.superior(agents.id)
    window.overview.anchorClicked.emit(f"position:{superior.id}")
    assert window.tree.currentIndex().data(PositionIdRole) == superior.id


def test_window_title_has_name_and_clean_marker(window: MainWindow, sample_copy: Path) -> None:
    assert window.windowTitle().startswith(sample_copy.name)
    assert not window.isWindowModified()


def test_recovery_offer_is_asked_and_honoured(qtbot: QtBot, sample_copy: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # An earlier session edits and "crashes" (its lock is released, working copy kept).
    service = DocumentService(DocumentFile.open(sample_copy))
    service.edit_position(PositionId(1), title="运营总经理")
    service.file.engine.dispose()
    service.file._session.release(remove=False)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_recover", lambda parent, text: asked.append(text) or True)
    recovered = open_document(sample_copy)
    assert recovered is not None
    try:
        assert asked and "unsaved changes" in asked[0]
        assert recovered.org.position(PositionId(1)).title == "运营总经理"
        assert recovered.file.modified
    finally:
        recovered.file.close()


def test_bad_file_shows_one_sentence(qtbot: QtBot, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "page.orgdesk"
    bad.write_text("<html><body>not an org</body></html>", "utf-8")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text: errors.append(text))
    assert open_document(bad) is None
    assert errors == ["“page.orgdesk” is not an orgdesk file."]


def test_a_cjk_font_is_available(qapp) -> None:  # noqa: ANN001
    assert cjk_family() is not None
