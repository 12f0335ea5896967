"""The checksum is the digest of the canonical stream exactly as the module defines it,
whatever the number of rows (it is encoded in batches)."""
from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from orgdesk.storage import checksum

TEXTS = ["", "座席员", 'a "quoted" \\ back\\slash', "tab\there\nline\x00nul\x1f", "😀 \u2028 \x7f",
         "lone \ud800 surrogate"]


def _defined(rows: dict[str, list[tuple[Any, ...]]]) -> str:
    """The module docstring's stream, encoded in one go per table."""
    hasher = hashlib.blake2b(digest_size=32)
    for table in sorted(rows):
        table_rows = [r for r in rows[table] if table != "meta" or r[0] != checksum.CHECKSUM_KEY]
        hasher.update(json.dumps([table, table_rows], ensure_ascii=False, separators=(",", ":"))
                      .encode("utf-8", "surrogatepass"))
    return f"{checksum.SCHEME}:{hasher.hexdigest()}"


@pytest.mark.parametrize("count", [0, 1, checksum._BATCH - 1, checksum._BATCH,
                                   checksum._BATCH + 1, 2 * checksum._BATCH + 3])
def test_the_digest_is_the_defined_streams_for_any_number_of_rows(count: int) -> None:
    rows: dict[str, list[tuple[Any, ...]]] = {
        "meta": [("checksum", "blake2b-256:00"), ("title", "标题")],
        "duties": [(i // 7 + 1, i % 7, TEXTS[i % len(TEXTS)]) for i in range(count)],
        "positions": [(i + 1, None if i == 0 else 1, TEXTS[i % len(TEXTS)], -i)
                      for i in range(count // 3)],
        "relations": [],
    }
    assert checksum.digest(rows) == _defined(rows)
