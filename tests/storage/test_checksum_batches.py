"""The checksum is the digest of the canonical stream exactly as the module defines it,
whatever the number of rows (it is encoded in batches)."""
from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass")


_VALUES = st.one_of(st.none(), st.integers(min_value=-(2 ** 70), max_value=2 ** 70),
                    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF)))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_VALUES, max_size=5).map(tuple), max_size=6), st.integers(0, 70))
def test_every_row_is_encoded_as_the_stream_defines_it(rows: list[tuple[Any, ...]],
                                                       copies: int) -> None:
    """Whichever encoder writes a batch (orjson from _FAST_FROM rows, or json for fewer
    and for what orjson refuses: lone surrogates, whole numbers beyond 64 bits), its
    bytes are json's."""
    rows = rows * copies
    assert checksum.encoded(rows) == _json_bytes(rows)
    assert checksum.encoded(["duties", rows]) == _json_bytes(["duties", rows])


def test_the_fast_encoder_is_used_and_json_alone_gives_the_same_digest(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert checksum._fast_dumps() is not None, "orjson is a dependency: it must load"
    rows = {"duties": [(i, i % 3, TEXTS[i % len(TEXTS)]) for i in range(3 * checksum._BATCH)],
            "meta": [("title", "标题")]}
    fast = checksum.digest(rows)
    monkeypatch.setattr(checksum, "_dumps", None)
    assert checksum.digest(rows) == fast == _defined(rows)
