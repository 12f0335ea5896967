"""Fixtures of the service tests: an open document, no Qt."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from orgdesk.paths import sample_orgs_dir
from orgdesk.services import DocumentService
from orgdesk.storage.document import DocumentFile


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    target = tmp_path / "software_ops_department.orgdesk"
    shutil.copyfile(sample_orgs_dir() / "software_ops_department.orgdesk", target)
    return target


@pytest.fixture
def service(sample_path: Path) -> Iterator[DocumentService]:
    """software_ops_department: 运营经理(1) → 项目经理(2) → 项目督导(3) → 客户服务专员(4) ×14,
    and the staff 质检专员(5), 培训专员(6) under 运营经理."""
    service = DocumentService(DocumentFile.open(sample_path))
    yield service
    service.file.close()
