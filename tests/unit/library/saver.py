"""A separate process that saves articles into a library, for the concurrency and crash tests.

    python -m tests.unit.library.saver LIBRARY FIRST COUNT [--wait-for FILE]

Saves numbered(FIRST) … numbered(FIRST + COUNT - 1), printing each id (flushed) only after its
save has committed, so the test knows exactly what was reported saved. With --wait-for it prints
"ready" and waits until FILE exists, so two savers can be started together.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reader.library import Library
from tests.unit.library.articles import numbered


def main(argv: list[str]) -> int:
    path, first, count = Path(argv[0]), int(argv[1]), int(argv[2])
    go = Path(argv[4]) if len(argv) > 4 and argv[3] == "--wait-for" else None
    with Library.open(path) as library:
        if go is not None:
            print("ready", flush=True)
            deadline = time.monotonic() + 30
            while not go.exists() and time.monotonic() < deadline:
                time.sleep(0.005)
        for n in range(first, first + count):
            item = numbered(n)
            result = library.save(item, b"<html><p>page</p></html>", item.url or "")
            print(result.id, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
