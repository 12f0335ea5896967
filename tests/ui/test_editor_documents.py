"""Documents: save, save as, the unsaved-changes prompt, open, recovery, recent, samples."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from orgdesk.core.model import PositionId
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.storage.reading import read_organisation
from orgdesk.storage.recovery import find_recoverable
from orgdesk.storage.session import sessions_dir
from orgdesk.ui import app as app_module
from orgdesk.ui import dialogs
from orgdesk.ui.app import OrgdeskApp
from orgdesk.ui.main_window import MainWindow
from tests.storage.tmpfs import CannotMount, fill, small_tmpfs
from tests.ui.conftest import pid, wait_for

pytestmark = pytest.mark.gui


class Answers:
    """A replacement for one dialogs function: records the questions, gives set answers."""

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[object, ...]] = []

    def __call__(self, *args: object) -> object:
        self.asked.append(args)
        return self.answers.pop(0)


def rename(window: MainWindow, title: str, new: str) -> None:
    position = pid(window, title)
    window.controller.execute(f"Rename {title}", lambda s: s.edit_position(position, title=new))


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def sessions() -> list[str]:
    root = sessions_dir()
    return sorted(p.name for p in root.iterdir()) if root.is_dir() else []


# -------------------------------------------------------------------- save
def test_save_writes_the_file_and_clears_the_marker(orgdesk: OrgdeskApp,
                                                    sample_copy: Callable[..., Path]) -> None:
    path = sample_copy("software_ops_department")
    window = orgdesk.open_path(path)
    assert window is not None
    assert window.windowTitle() == "software_ops_department.orgdesk[*] — orgdesk"
    assert not window.isWindowModified()
    rename(window, "项目督导", "班长")
    assert window.isWindowModified()
    assert read_organisation(path).position(PositionId(3)).title == "项目督导"
    window.activateWindow()
    assert wait_for(lambda: QApplication.activeWindow() is window)
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Save))
    assert not window.isWindowModified()
    assert read_organisation(path).snapshot() == window.controller.org.snapshot()
    assert read_organisation(path).position(PositionId(3)).title == "班长"
    assert window.statusBar().currentMessage() == "Saved"
    # Undo after a save makes the document modified again; redo back to the save is clean.
    window.controller.undo_stack.undo()
    assert window.isWindowModified()
    window.controller.undo_stack.redo()
    assert not window.isWindowModified()


def test_save_then_reopen_gives_the_same_document(orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch,
                                                  sample_copy: Callable[..., Path]) -> None:
    path = sample_copy("training_call_center_50")
    window = orgdesk.open_path(path)
    window.controller.execute("move", lambda s: s.move_position(pid(window, "运营助理"), None, 0))
    window.controller.execute("duties", lambda s: s.edit_position(
        pid(window, "话务员", 2), duties=("接听来电", "记录工单")))
    trigger(window, "actionSave")
    saved = window.controller.org.snapshot()
    assert window.close()
    assert orgdesk.windows == []
    reopened = orgdesk.open_path(path)
    assert reopened is not window
    assert reopened.controller.org.snapshot() == saved
    assert [p.title for p in reopened.controller.org.roots()] == ["运营助理", "运营总监"]


def test_save_as_through_the_dialog(orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path, sample_copy: Callable[..., Path]) -> None:
    path = sample_copy("software_ops_department")
    original = path.read_bytes()
    window = orgdesk.open_path(path)
    rename(window, "项目督导", "班长")
    ask = Answers(tmp_path / "copy")  # without the extension: it is added
    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    trigger(window, "actionSaveAs")
    assert ask.asked == [(window, str(path))]
    target = tmp_path / "copy.orgdesk"
    assert read_organisation(target).snapshot() == window.controller.org.snapshot()
    assert path.read_bytes() == original  # the first file is untouched
    assert window.controller.service.file.path == target
    assert window.windowTitle() == "copy.orgdesk[*] — orgdesk"
    assert not window.isWindowModified()
    assert orgdesk.recent_files()[0] == str(target)
    # Cancelling the dialog saves nothing.
    rename(window, "班长", "组长")
    monkeypatch.setattr(dialogs, "ask_save_path", Answers(None))
    trigger(window, "actionSaveAs")
    assert window.isWindowModified()
    assert read_organisation(target).position(PositionId(3)).title == "班长"


def test_save_of_an_untitled_document_asks_for_a_name(orgdesk: OrgdeskApp, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window = orgdesk.new_document()
    assert window.windowTitle() == "Untitled[*] — orgdesk"
    window.controller.execute("add", lambda s: s.new_position("客服经理", None))
    ask = Answers(tmp_path / "新组织.orgdesk")
    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    trigger(window, "actionSave")
    # The name offered is in a folder (the last one saved to, else Documents or home).
    assert [(w, Path(p).name) for w, p in ask.asked] == [(window, "Untitled.orgdesk")]
    saved = read_organisation(tmp_path / "新组织.orgdesk")
    assert [p.title for p in saved.positions()] == ["客服经理"]
    assert window.windowTitle() == "新组织.orgdesk[*] — orgdesk"
    assert not window.isWindowModified()


def test_a_save_error_is_one_sentence(orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch,
                                      tmp_path: Path) -> None:
    window = orgdesk.new_document()
    window.controller.execute("add", lambda s: s.new_position("客服经理", None))
    monkeypatch.setattr(dialogs, "ask_save_path", Answers(tmp_path / "missing" / "x.orgdesk"))
    errors = Answers(None)
    monkeypatch.setattr(dialogs, "show_error", errors)
    trigger(window, "actionSave")
    assert len(errors.asked) == 1
    sentence = errors.asked[0][1]
    assert "does not exist" in sentence and "\n" not in sentence
    assert window.isWindowModified()


# ------------------------------------------------------- unsaved changes
@pytest.mark.parametrize("answer", ["overwrite", "save_as", "cancel"])
def test_save_over_a_file_changed_on_disk_asks_first(
        orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        sample_copy: Callable[..., Path], answer: str) -> None:
    path = sample_copy("software_ops_department")
    window = orgdesk.open_path(path)
    rename(window, "项目督导", "班长")
    theirs = sample_copy("call_center_chart", "theirs.orgdesk")
    os.replace(theirs, path)  # another program (a sync client, say) replaced the file
    theirs_bytes = path.read_bytes()
    ask = Answers(answer)
    monkeypatch.setattr(dialogs, "ask_changed_on_disk", ask)
    elsewhere = tmp_path / "mine.orgdesk"
    monkeypatch.setattr(dialogs, "ask_save_path", Answers(elsewhere))
    saved = window.save()
    [(parent, sentence)] = ask.asked
    assert parent is window
    assert sentence == ("“software_ops_department.orgdesk” was changed by another program since "
                        "orgdesk opened or last saved it; saving would overwrite those changes.")
    if answer == "overwrite":
        assert saved and not window.isWindowModified()
        assert read_organisation(path).position(PositionId(3)).title == "班长"
    elif answer == "save_as":
        assert saved and not window.isWindowModified()
        assert path.read_bytes() == theirs_bytes  # theirs kept, mine beside it
        assert read_organisation(elsewhere).position(PositionId(3)).title == "班长"
        assert window.controller.service.file.path == elsewhere
    else:
        assert not saved and window.isWindowModified()
        assert path.read_bytes() == theirs_bytes


def test_an_edit_on_a_full_state_disk_is_told_and_the_window_keeps_the_disk_state(
        orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        sample_copy: Callable[..., Path]) -> None:
    path = sample_copy("software_ops_department")
    try:
        with small_tmpfs(tmp_path / "state-disk", "512k") as state:
            monkeypatch.setenv("ORGDESK_STATE_DIR", str(state))
            window = orgdesk.open_path(path)
            assert window is not None
            rename(window, "项目督导", "班长")
            filler = fill(state, leave=8 * 1024)
            position = pid(window, "班长")
            notes_before = window.controller.org.position(position).notes
            kept = window.controller.execute(
                "Edit notes", lambda s: s.edit_position(position, notes="满" * 40_000))
            assert not kept
            assert window.statusBar().currentMessage() == (
                "The edit was not kept: the disk holding orgdesk's working copies is full.")
            file = window.controller.service.file
            assert window.controller.org.snapshot() == file.load().snapshot()  # model == disk
            assert window.controller.org.position(position).notes == notes_before
            assert window.controller.undo_stack.count() == 1  # only the rename
            filler.unlink()
            monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
            assert window.close()  # before the state disk goes away
    except CannotMount as exc:
        pytest.skip(str(exc))


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_closing_with_unsaved_changes(orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch,
                                      sample_copy: Callable[..., Path], answer: str) -> None:
    path = sample_copy("software_ops_department")
    original = read_organisation(path).snapshot()
    window = orgdesk.open_path(path)
    rename(window, "项目督导", "班长")
    edited = window.controller.org.snapshot()
    ask = Answers(answer)
    monkeypatch.setattr(dialogs, "ask_save_changes", ask)
    closed = window.close()
    assert ask.asked == [(window, "software_ops_department.orgdesk")]
    if answer == "cancel":
        assert not closed and window.isVisible()
        assert orgdesk.windows == [window]
        assert window.controller.org.snapshot() == edited
        assert window.controller.service.file.load().snapshot() == edited  # still open
        assert window.isWindowModified()
        assert read_organisation(path).snapshot() == original
        return
    assert closed and not window.isVisible()
    assert orgdesk.windows == []
    assert sessions() == []  # working copy and lock are gone
    if answer == "discard":
        assert read_organisation(path).snapshot() == original
    else:
        assert read_organisation(path).position(PositionId(3)).title == "班长"


def test_closing_an_unmodified_window_asks_nothing(orgdesk: OrgdeskApp,
                                                   sample_copy: Callable[..., Path]) -> None:
    window = orgdesk.open_path(sample_copy("software_ops_department"))
    rename(window, "项目督导", "班长")
    window.controller.undo_stack.undo()  # back to the saved state
    assert window.close()  # dialogs.ask_save_changes would fail the test
    assert sessions() == []


def test_closing_an_untouched_blank_document_asks_nothing(orgdesk: OrgdeskApp) -> None:
    window = orgdesk.new_document()
    assert not window.isWindowModified()
    assert window.close()


def test_save_answer_on_an_untitled_document_cancelled_keeps_it(
        orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch) -> None:
    window = orgdesk.new_from_sample("call_center_chart")
    monkeypatch.setattr(dialogs, "ask_save_changes", Answers("save"))
    monkeypatch.setattr(dialogs, "ask_save_path", Answers(None))
    assert not window.close()
    assert window.isVisible() and orgdesk.windows == [window]


def test_quit_asks_for_each_modified_window(orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch,
                                            sample_copy: Callable[..., Path]) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(app_module.QCoreApplication, "quit", lambda: quits.append(True))
    first = orgdesk.open_path(sample_copy("software_ops_department"))
    second = orgdesk.open_path(sample_copy("call_center_chart"))
    rename(first, "项目督导", "班长")
    rename(second, "客服主管", "主管")
    ask = Answers("discard", "cancel")
    monkeypatch.setattr(dialogs, "ask_save_changes", ask)
    assert not orgdesk.quit_all()
    assert [a[1] for a in ask.asked] == ["software_ops_department.orgdesk", "call_center_chart.orgdesk"]
    assert orgdesk.windows == [second] and quits == []
    monkeypatch.setattr(dialogs, "ask_save_changes", Answers("discard"))
    assert orgdesk.quit_all()
    assert orgdesk.windows == [] and quits == [True]
    assert QCoreApplication.instance() is not None


# ----------------------------------------------------------------- opening
@pytest.mark.parametrize("content", [b"", b"not an org chart", b"<html><body>x</body></html>"])
def test_opening_a_bad_file_shows_one_sentence(orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.orgdesk"
    path.write_bytes(content)
    errors = Answers(None)
    monkeypatch.setattr(dialogs, "show_error", errors)
    assert orgdesk.open_path(path) is None
    assert len(errors.asked) == 1
    sentence = str(errors.asked[0][1])
    assert "“bad.orgdesk”" in sentence and "\n" not in sentence and sentence.endswith(".")
    assert "Traceback" not in sentence
    assert orgdesk.windows == []
    assert path.read_bytes() == content
    assert sessions() == []


def test_opening_a_missing_file_shows_one_sentence(orgdesk: OrgdeskApp,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    errors = Answers(None)
    monkeypatch.setattr(dialogs, "show_error", errors)
    assert orgdesk.open_path(tmp_path / "gone.orgdesk") is None
    assert len(errors.asked) == 1 and "gone.orgdesk" in str(errors.asked[0][1])
    assert not (tmp_path / "gone.orgdesk").exists()


def test_opening_a_file_open_elsewhere_says_it_is_in_use(orgdesk: OrgdeskApp,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        sample_copy: Callable[..., Path]) -> None:
    path = sample_copy("software_ops_department")
    elsewhere = DocumentFile.open(path)  # another orgdesk holds the lock
    try:
        errors = Answers(None)
        monkeypatch.setattr(dialogs, "show_error", errors)
        assert orgdesk.open_path(path) is None
        assert len(errors.asked) == 1
        assert "already open in another orgdesk window" in str(errors.asked[0][1])
        assert orgdesk.windows == []
    finally:
        elsewhere.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_opening_the_same_path_twice_raises_the_window(orgdesk: OrgdeskApp,
                                                       sample_copy: Callable[..., Path]) -> None:
    path = sample_copy("software_ops_department")
    window = orgdesk.open_path(path)
    assert orgdesk.open_path(path) is window
    # Another spelling of the same path is the same document too.
    assert orgdesk.open_path(path.parent / "." / path.name) is window
    assert orgdesk.windows == [window]


def test_open_through_the_dialog_replaces_an_untouched_blank_window(
        orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch,
        sample_copy: Callable[..., Path]) -> None:
    blank = orgdesk.new_document()
    path = sample_copy("software_ops_department")
    monkeypatch.setattr(dialogs, "ask_open_path", Answers(path))
    trigger(blank, "actionOpen")
    assert [w.controller.service.file.path for w in orgdesk.windows] == [path]
    assert not blank.isVisible()


def test_dropping_an_orgdesk_file_on_the_window_opens_it(orgdesk: OrgdeskApp,
                                                         sample_copy: Callable[..., Path]) -> None:
    window = orgdesk.open_path(sample_copy("software_ops_department"))
    other = sample_copy("call_center_chart")
    data = QMimeData()
    picture = other.with_suffix(".png")
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")  # neither a document nor a table: ignored
    data.setUrls([QUrl.fromLocalFile(str(other)), QUrl.fromLocalFile(str(picture))])
    event = QDropEvent(QPointF(QPoint(50, 50)), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert [w.controller.service.file.path for w in orgdesk.windows] == [
        window.controller.service.file.path, other]


# ---------------------------------------------------------------- recovery
def _leave_edits_behind(path: Path) -> None:
    """An earlier orgdesk edited `path` and died: its lock is free, its working copy stays."""
    file = DocumentFile.open(path)
    service = DocumentService(file)
    service.edit_position(PositionId(3), title="崩溃前的督导")
    file.engine.dispose()
    file._replace_lock(None)  # what the OS does when the process dies: locks go …
    file._session_folder.release(remove=False)  # … and the working copy stays


@pytest.mark.parametrize("recover", [True, False])
def test_recovery_offer_when_opening(orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch,
                                     sample_copy: Callable[..., Path], recover: bool) -> None:
    path = sample_copy("software_ops_department")
    _leave_edits_behind(path)
    ask = Answers(recover)
    monkeypatch.setattr(dialogs, "ask_recover", ask)
    window = orgdesk.open_path(path)
    assert len(ask.asked) == 1 and "software_ops_department.orgdesk" in str(ask.asked[0][1])
    title = window.controller.org.position(PositionId(3)).title
    if recover:
        assert title == "崩溃前的督导"
        assert window.isWindowModified()  # the recovered edits are not saved yet
    else:
        assert title == "项目督导"
        assert not window.isWindowModified()
    assert read_organisation(path).position(PositionId(3)).title == "项目督导"


@pytest.mark.parametrize("recover", [True, False])
def test_recovery_offer_at_start(orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch,
                                 sample_copy: Callable[..., Path], recover: bool) -> None:
    path = sample_copy("software_ops_department")
    _leave_edits_behind(path)
    assert len(find_recoverable()) == 1
    ask = Answers(recover)
    monkeypatch.setattr(dialogs, "ask_recover", ask)
    opened = orgdesk.offer_recovery()
    assert len(ask.asked) == 1
    assert ask.asked[0][0] is None and "“software_ops_department.orgdesk”" in str(ask.asked[0][1])
    if recover:
        assert len(opened) == 1 and opened == orgdesk.windows
        window = opened[0]
        assert window.controller.org.position(PositionId(3)).title == "崩溃前的督导"
        assert window.controller.service.file.path == path
        assert window.isWindowModified()
    else:
        assert opened == [] and orgdesk.windows == []
        assert find_recoverable() == []
        assert sessions() == []
    assert orgdesk.offer_recovery() == opened[1:]  # asked once only


@pytest.mark.parametrize("damage", [b"", b"SQLite format 3\x00" + b"\xee" * 2000])
def test_a_damaged_working_copy_at_start_is_told_not_offered(
        orgdesk: OrgdeskApp, monkeypatch: pytest.MonkeyPatch,
        sample_copy: Callable[..., Path], damage: bytes) -> None:
    """A kill during open used to leave a 0-byte copy offered at every start, then a crash."""
    path = sample_copy("software_ops_department")
    _leave_edits_behind(path)
    [folder] = list(sessions_dir().iterdir())
    (folder / "working.orgdesk").write_bytes(damage)
    told = Answers(None)
    monkeypatch.setattr(dialogs, "show_info", told)
    assert orgdesk.offer_recovery() == []  # no ask_recover: that would fail this test
    if damage:
        [(parent, sentence)] = told.asked
        assert parent is None
        assert sentence.startswith("The unsaved changes to “software_ops_department.orgdesk” "
                                   "could not be recovered because orgdesk's working copy")
    else:
        assert told.asked == []  # an empty copy never held an edit: nothing to tell
    assert sessions() == []
    window = orgdesk.open_path(path)  # and the file itself opens as it is
    assert window is not None and not window.isWindowModified()
    assert window.controller.org.position(PositionId(3)).title == "项目督导"


def test_recovery_of_an_untitled_document(orgdesk: OrgdeskApp,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    file = DocumentFile.new()
    DocumentService(file).new_position("客服经理", None)
    file.engine.dispose()
    file._session_folder.release(remove=False)
    ask = Answers(True)
    monkeypatch.setattr(dialogs, "ask_recover", ask)
    [window] = orgdesk.offer_recovery()
    assert "an untitled document" in str(ask.asked[0][1])
    assert [p.title for p in window.controller.org.positions()] == ["客服经理"]
    assert window.windowTitle() == "Untitled[*] — orgdesk"


# ------------------------------------------------------------ recent files
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_recent_files(orgdesk: OrgdeskApp, sample_copy: Callable[..., Path]) -> None:
    assert orgdesk.recent_files() == []
    first = sample_copy("software_ops_department")
    second = sample_copy("call_center_chart")
    window = orgdesk.open_path(first)
    orgdesk.open_path(second)
    assert orgdesk.recent_files() == [str(second), str(first)]
    orgdesk.open_path(first)  # already open: raised, and not counted again
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == [str(second), str(first)]
    second.unlink()  # a file that went away is not offered
    assert orgdesk.recent_files() == [str(first)]
    for n in range(12):
        orgdesk.remember_recent(sample_copy("call_center_chart", f"c{n}.orgdesk"))
    assert len(orgdesk.recent_files()) == app_module.MAX_RECENT


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_open_recent_from_the_menu(orgdesk: OrgdeskApp, sample_copy: Callable[..., Path]) -> None:
    first = sample_copy("software_ops_department")
    window = orgdesk.open_path(first)
    assert window.close()
    blank = orgdesk.new_document()
    blank.recent_menu.aboutToShow.emit()
    [entry] = blank.recent_menu.actions()
    entry.trigger()
    assert [w.controller.service.file.path for w in orgdesk.windows] == [first]


def test_recent_files_live_in_the_test_settings(orgdesk: OrgdeskApp, isolated_settings: Path,
                                                sample_copy: Callable[..., Path]) -> None:
    orgdesk.open_path(sample_copy("software_ops_department"))
    assert Path(app_module.settings().fileName()).is_relative_to(isolated_settings)


def test_settings_follow_the_default_format(isolated_settings: Path) -> None:
    assert app_module.settings().format() == QSettings.Format.IniFormat
    assert Path(app_module.settings().fileName()).is_relative_to(isolated_settings)


# --------------------------------------------------------------------- new
def test_new_from_a_sample(orgdesk: OrgdeskApp) -> None:
    from orgdesk.samples import template_organisation

    window = orgdesk.new_from_sample("software_ops_department")
    sample = template_organisation("software_ops_department")
    assert window.controller.service.file.path is None
    assert window.windowTitle() == "Untitled[*] — orgdesk"
    assert [p.title for p in window.controller.org.positions()] == [
        p.title for p in sample.positions()]
    assert window.controller.org.position(pid(window, "客户服务专员")).duties == \
        sample.position(pid(window, "客户服务专员")).duties
    assert window.isWindowModified()  # nowhere saved yet
    assert window.current_id() == pid(window, "运营经理")


def test_new_from_the_samples_menu(orgdesk: OrgdeskApp) -> None:
    window = orgdesk.new_document()
    window.samples_menu.aboutToShow.emit()
    titles = [a.text() for a in window.samples_menu.actions()]
    assert "电信呼叫中心岗位结构(参考)" in titles
    entry = window.samples_menu.actions()[titles.index("电信呼叫中心岗位结构(参考)")]
    entry.trigger()
    assert len(orgdesk.windows) == 2
    new = orgdesk.windows[-1]
    assert len(new.controller.org) == 14
    assert [d.name for d in new.controller.org.departments] == ["项目组1", "项目组2", "项目组3", "项目组4"]


def test_new_from_an_unknown_sample_says_so(orgdesk: OrgdeskApp,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    errors = Answers(None)
    monkeypatch.setattr(dialogs, "show_error", errors)
    assert orgdesk.new_from_sample("no_such_sample") is None
    assert len(errors.asked) == 1 and orgdesk.windows == []
