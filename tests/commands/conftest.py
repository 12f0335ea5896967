"""Fixtures of the undo-command tests: a document controller without any widget."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from orgdesk.paths import sample_orgs_dir
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile
from orgdesk.ui.controller import DocumentController


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    target = tmp_path / "software_ops_department.orgdesk"
    shutil.copyfile(sample_orgs_dir() / "software_ops_department.orgdesk", target)
    return target


@pytest.fixture
def controller(qapp: QApplication, sample_path: Path) -> Iterator[DocumentController]:
    """software_ops_department: 运营经理(1) → 项目经理(2) → 项目督导(3) → 客户服务专员(4) ×14,
    and the staff 质检专员(5), 培训专员(6) under 运营经理."""
    service = DocumentService(DocumentFile.open(sample_path))
    controller = DocumentController(service)
    yield controller
    controller.undo_stack.clear()
    service.file.close()
