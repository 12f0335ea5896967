"""The handbook's own language: a Chinese handbook carries no Latin word the user did not
write (DOCX read with python-docx, PDF with pdftotext, HTML with html.parser), and
`--lang en` writes an English one from the same Chinese document."""
from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document

from orgdesk.core.organisation import Organisation
from orgdesk.export.handbook import render_handbook
from orgdesk.storage.reading import read_organisation

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_orgs"
DAY = date(2025, 11, 23)
LATIN_WORD = re.compile(r"[A-Za-z]+")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils is installed by make test")


def own_words(org: Organisation) -> set[str]:
    """Every Latin word in the document's own strings: the only ones allowed."""
    texts: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, (tuple, list)):
            for item in value:
                collect(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                collect(getattr(value, f.name))

    collect(org.info)
    for department in org.departments:
        collect(department)
    for position in org.positions():
        collect(position)
    for relation in org.relations:
        collect(relation)
    return {word for text in texts for word in LATIN_WORD.findall(text)}


class TextOf(HTMLParser):
    """The text a reader sees (style sheets are not text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag == "style"

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def text_of(data: bytes, fmt: str, tmp_path: Path) -> str:
    path = tmp_path / f"handbook.{fmt}"
    path.write_bytes(data)
    if fmt == "pdf":
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                              capture_output=True, text=True, timeout=120, check=True).stdout
    if fmt == "html":
        parser = TextOf()
        parser.feed(data.decode("utf-8"))
        return "\n".join(parser.parts)
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    texts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    for section in doc.sections:
        texts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    # Field codes (TOC, PAGE) are instructions, not text: python-docx's .text leaves them out.
    return "\n".join(texts)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("sample", ["training_call_center_50", "bank_service_center"])
def test_chinese_handbook_has_no_english_word(qapp: object, tmp_path: Path, fmt: str,
                                              sample: str) -> None:
    org = read_organisation(SAMPLES / f"{sample}.orgdesk")
    text = text_of(render_handbook(org, fmt, day=DAY), fmt, tmp_path)
    assert "组织结构图" in text and "岗位职责" in text  # Chinese by default
    foreign = set(LATIN_WORD.findall(text)) - own_words(org)
    assert not foreign, sorted(foreign)[:20]
    assert "filled" not in text


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_english_handbook_of_a_chinese_document(qapp: object, tmp_path: Path, fmt: str) -> None:
    org = read_organisation(SAMPLES / "training_call_center_50.orgdesk")
    text = text_of(render_handbook(org, fmt, day=DAY, lang="en"), fmt, tmp_path)
    flat = re.sub(r"\s+", " ", text)
    for label in ("Contents", "Organisation chart", "Job descriptions", "Reports to",
                  "Direct reports", "23 November 2025"):
        assert label in flat, label
    for chinese_label in ("岗位职责", "直接上级", "目录", "第 1 页"):
        assert chinese_label not in text
    assert "运营总监" in text  # the user's own text stays as written


def test_cli_lang_option(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    sample = SAMPLES / "software_ops_department.orgdesk"
    for lang, expected, absent in (("en", "Reports to", "直接上级"), (None, "直接上级", "Reports to")):
        out = tmp_path / f"h-{lang}.html"
        args = [sys.executable, "-m", "orgdesk", "handbook", str(sample), "-o", str(out)]
        result = subprocess.run(args + (["--lang", lang] if lang else []), capture_output=True,
                                text=True, cwd=ROOT, env=env, timeout=180, check=False)
        assert result.returncode == 0, result.stderr
        page = out.read_text("utf-8")
        assert expected in page and absent not in page


def own_texts(org: Organisation) -> list[str]:
    texts: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, (tuple, list)):
            for item in value:
                collect(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                collect(getattr(value, f.name))

    for thing in (org.info, *org.departments, *org.positions(), *org.relations):
        collect(thing)
    return texts


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_english_handbook_adds_no_chinese(qapp: object, tmp_path: Path, fmt: str) -> None:
    org = read_organisation(SAMPLES / "software_ops_department.orgdesk")
    text = text_of(render_handbook(org, fmt, day=DAY, lang="en"), fmt, tmp_path)
    texts = own_texts(org)
    # Han characters and full-width punctuation and spaces: every run must be the user's.
    runs = re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", text)
    foreign = {run for run in runs if not any(run in own for own in texts)}
    assert not foreign, sorted(foreign)[:20]
