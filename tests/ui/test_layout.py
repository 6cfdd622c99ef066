"""Layout at the extremes (20x8 to 300x100) and wide tables / code scrolled sideways."""

from __future__ import annotations

from itertools import pairwise

import pytest
from rich.cells import cell_len

from reader.model import Article, Heading, Paragraph, Preformatted, Run, Table, TableCell
from reader.themes import SIZE_LADDER
from reader.tui.app import ReaderApp
from reader.tui.article_view import ArticleView
from reader.tui.toolbar import MINUS, Toolbar
from tests.ui.screen import screen_strips, screen_text, view_rows, words

NARROWEST = ["A-", "A", "A+", MINUS, "+", "T", "?", "q"]
"""The toolbar at 20 columns: every button, no labels (18 cells)."""


def assert_laid_out(app: ReaderApp, width: int, height: int) -> None:
    """Every row is the window's width; toolbar items sit inside it, side by side."""
    strips = screen_strips(app)
    assert len(strips) == height
    assert all(strip.cell_length == width for strip in strips)
    items = [child for child in app.query_one(Toolbar).children if child.display]
    regions = [item.region for item in items]
    assert all(region.right <= width and region.width > 0 for region in regions), regions
    assert all(a.right <= b.x for a, b in pairwise(regions)), regions
    view = app.query_one(ArticleView)
    assert view.region.right <= width and view.region.bottom <= height
    column = view.column
    assert all(line.width <= column for line in view.lines)  # nothing wider than the column


@pytest.mark.parametrize("size", [(20, 8), (300, 100)])
async def test_every_size_step_lays_out_at_the_extremes(
    long_article: Article, size: tuple[int, int]
) -> None:
    width, height = size
    app = ReaderApp(article=long_article, save_preferences=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*["minus"] * len(SIZE_LADDER))
        for index in range(len(SIZE_LADDER)):
            await pilot.pause()
            assert_laid_out(app, width, height)
            bar = screen_text(app).splitlines()[0]
            for button in ("A-", "A", "A+", MINUS, "+"):
                assert button in bar.split(), (index, bar)
            top = words("\n".join(view_rows(app)))
            assert "Portal" in top and (height < 20 or "District" in top)  # the header
            await pilot.press("space")
            await pilot.pause()
            assert "district" in words("\n".join(view_rows(app))).lower()  # and body text
            await pilot.press("g", "plus")
        await pilot.press("w")  # WCAG spacing on top of the largest step
        await pilot.pause()
        assert_laid_out(app, width, height)


async def test_toolbar_narrowest_form_at_20_columns(article: Article) -> None:
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(20, 8)) as pilot:
        await pilot.pause()
        assert screen_text(app).splitlines()[0].split() == NARROWEST


def table_article() -> Article:
    head = tuple(TableCell((Run(f"Heading {c}"),), True) for c in range(6))
    rows = tuple(tuple(TableCell((Run(f"cell-{r}-{c}"),)) for c in range(6)) for r in range(3))
    code = "start\n" + "call(" + ", ".join(f"argument_{n}" for n in range(12)) + ")\nstop"
    return Article(
        title="Wide things",
        blocks=(
            Heading(2, (Run("Results"),)),
            Table((head, *rows)),
            Paragraph((Run("Between the table and the code."),)),
            Preformatted(code),
        ),
    )


async def test_a_wide_table_scrolls_sideways_with_markers() -> None:
    app = ReaderApp(article=table_article(), save_preferences=False)
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        rows = view_rows(app)
        header = next(row for row in rows if "Heading 0" in row)
        assert header.rstrip().endswith("▶") and "Heading 5" not in header
        assert any("cell-0-0" in row for row in rows)
        code = next(row for row in rows if "call(" in row)
        assert code.rstrip().endswith("▶")
        assert not any("argument_11" in row for row in rows)  # cut with a marker, not wrapped
        assert all(cell_len(row) <= view.text_width for row in rows)
        for _ in range(10):
            await pilot.press("greater_than_sign")
        await pilot.pause()
        rows = view_rows(app)
        header = next(row for row in rows if "Heading 5" in row)
        assert header.lstrip().startswith("◀") and "Heading 0" not in header
        assert any("cell-2-5" in row for row in rows)
        assert any("argument_11)" in row for row in rows)
        assert any("Between the table and the code." in row for row in rows)  # prose stays put
        await pilot.press("shift+left", "shift+left", "shift+left", "shift+left", "less_than_sign")
        await pilot.pause()
        assert view.shift == 0
        assert any("Heading 0" in row for row in view_rows(app))


async def test_find_reveals_a_hit_in_the_hidden_part_of_a_table() -> None:
    app = ReaderApp(article=table_article(), save_preferences=False)
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("slash", *"cell-1-5", "enter")
        await pilot.pause()
        assert any("cell-1-5" in row for row in view_rows(app))
