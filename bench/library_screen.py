"""Library screen benchmark: time from opening the screen to its first paint with every row.

    python bench/library_screen.py LIBRARY.sqlite3 [--runs 5]

Build a 10 000-article library first with `python bench/library.py --db LIBRARY.sqlite3`.
Headless (`run_test`, 120x40); the clock starts when the screen is pushed (the library is
already open, as after the first `L`) and stops when the first rows are painted; the second
figure is when all rows are in the table (sortable and filterable).

With `--search WORD`, it also times a search typed on the screen: from the query landing in the
search box (the typing pause excluded) to the first hits on screen, and to every hit in the table.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from textual.widgets import Input

from reader.library import Library
from reader.tui.app import ReaderApp
from reader.tui.library_screen import SEARCH_PAUSE, LibraryScreen
from reader.tui.library_table import LibraryTable


async def first_paint(library: Library) -> tuple[float, float, int]:
    """(ms to the first paint with rows, ms until every row is in the table, rows)."""
    app = ReaderApp(library=library, save_preferences=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        screen = LibraryScreen(library)
        await app.push_screen(screen)
        table = screen.query_one(LibraryTable)
        while not table.rows:
            await asyncio.sleep(0.001)
        painted = app.screen._compositor.render_strips()  # what the terminal gets
        first = time.perf_counter() - start
        assert any(table.rows[0].title[:20] in strip.text for strip in painted)
        while not screen._loaded:
            await asyncio.sleep(0.001)
        every = time.perf_counter() - start
        await pilot.pause()
        return first * 1000, every * 1000, len(table.rows)


async def search_paint(library: Library, word: str) -> tuple[float, float, int]:
    """(ms to the first hits on screen, ms until every hit is in the table, hits)."""
    app = ReaderApp(library=library, save_preferences=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = LibraryScreen(library)
        await app.push_screen(screen)
        while not screen._loaded:
            await asyncio.sleep(0.001)
        await pilot.pause()
        table = screen.query_one(LibraryTable)
        screen.query_one("#library-search", Input).value = word
        start = time.perf_counter() + SEARCH_PAUSE
        while not table.ranked:
            await asyncio.sleep(0.001)
        first = time.perf_counter() - start
        while not screen._hits_complete:
            await asyncio.sleep(0.001)
        await app.workers.wait_for_complete()
        every = time.perf_counter() - start
        await pilot.pause()
        return first * 1000, every * 1000, len(table.rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--search", metavar="WORD", help="also time a search on the screen")
    args = parser.parse_args(argv)
    firsts: list[float] = []
    everys: list[float] = []
    with Library.open(args.library) as library:
        for _ in range(args.runs):
            first, every, rows = asyncio.run(first_paint(library))
            firsts.append(first)
            everys.append(every)
    print(
        f"{rows} rows: first paint median {statistics.median(firsts):.0f} ms"
        f" (max {max(firsts):.0f}); all rows in the table median"
        f" {statistics.median(everys):.0f} ms (max {max(everys):.0f}); {len(firsts)} runs"
    )
    if args.search:
        firsts.clear()
        everys.clear()
        with Library.open(args.library) as library:
            for _ in range(args.runs):
                first, every, hits = asyncio.run(search_paint(library, args.search))
                firsts.append(first)
                everys.append(every)
        print(
            f"search {args.search!r}, {hits} hits: first hits on screen median"
            f" {statistics.median(firsts):.0f} ms (max {max(firsts):.0f}); every hit in the"
            f" table median {statistics.median(everys):.0f} ms (max {max(everys):.0f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
