"""The sizes orgdesk reads, in one place, so that whatever it exports it can import.

A limit on reading protects memory and time against hostile files; a limit
that export does not know breaks round trips instead: a 100,000-character
note was written to CSV, and the CSV reader refused that very cell.  Each
writer therefore checks what it writes against the reader's limit and
refuses up front, with a sentence naming what is too large, rather than
write a file orgdesk itself cannot read back.
"""
from __future__ import annotations

#: The longest CSV cell (characters, as written: escapes and the formula guard included).
#: Any text a document can reasonably hold fits (16 Mi characters, about 8,000 pages).
MAX_CSV_CELL_CHARS = 16 * 1024 * 1024
#: The largest JSON file read (json.loads needs several times its size in memory).
MAX_JSON_BYTES = 256 << 20
#: The largest GraphML file read (the parsed tree needs several times its size).
MAX_GRAPHML_BYTES = 128 << 20
