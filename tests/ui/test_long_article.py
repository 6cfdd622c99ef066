"""Long articles: the screen's worth is laid out at once, the rest in the background, and the
reader never sees the difference except in speed."""

from __future__ import annotations

from reader.model import Article, Heading, Paragraph, Run
from reader.themes import SIZE_LADDER
from reader.tui.app import ReaderApp
from reader.tui.article_view import ArticleView
from reader.typeset import typeset
from tests.ui.conftest import PROSE
from tests.ui.screen import screen_text, view_rows

BLOCKS = 400


def long_article() -> Article:
    blocks: list[Heading | Paragraph] = []
    for number in range(BLOCKS):
        if number % 20 == 0:
            blocks.append(Heading(2, (Run(f"Part {number // 20 + 1}"),)))
        blocks.append(
            Paragraph(
                (
                    Run(f"{PROSE[: 80 + (number * 37) % 300]} "),
                    Run(f"link {number}", href=f"https://example.org/{number}"),
                    Run(f" (paragraph {number})."),
                )
            )
        )
    return Article(url="https://example.org/long", title="A long read", blocks=tuple(blocks))


async def test_opening_shows_the_top_at_once_then_lays_out_the_rest() -> None:
    article = long_article()
    assert len(article.blocks) > ArticleView.progressive_blocks
    app = ReaderApp(save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.show_article(article)
        assert view.provisional  # only a window so far ...
        assert len(view.lines) < 200
        assert "A long read" in screen_text(app) and "(paragraph 0)" in screen_text(app)
        first_screen = view_rows(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not view.provisional  # ... and now all of it, exactly as typeset() lays it out
        assert view.lines == typeset(article, view.step, view.text_width)
        assert view_rows(app) == first_screen
        assert view.max_scroll_y > 1000


async def test_a_size_step_repaints_the_same_place_before_and_after_the_full_layout() -> None:
    article = long_article()
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.go_to_line(2000)
        await pilot.pause()
        top_block = view.lines[view.top_line].block
        app.action_size_up()  # as the key does, without waiting for the background
        assert view.provisional
        assert view.lines[view.top_line].block == top_block
        during = view_rows(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not view.provisional
        assert view.lines[view.top_line].block == top_block
        assert view_rows(app) == during  # swapping in the full layout moved nothing
        assert view.lines == typeset(article, SIZE_LADDER[4], view.text_width, link_numbers=False)


async def test_keys_and_resizes_during_the_background_layout() -> None:
    article = long_article()
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await app.workers.wait_for_complete()
        await pilot.pause()
        view.go_to_line(5000)
        await pilot.pause()
        app.action_size_up()
        view.action_page_down()  # reading on while the layout completes
        during = view_rows(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view_rows(app) == during
        app.action_size_down()
        await pilot.resize_terminal(70, 30)  # a newer layout replaces the one in progress
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not view.provisional
        assert view.lines == typeset(article, view.step, view.text_width)
        await pilot.press("f")  # link numbers: a re-layout with numbers article-wide
        await app.workers.wait_for_complete()
        await pilot.pause()
        numbered = typeset(article, view.step, view.text_width, link_numbers=True)
        assert view.lines == numbered
        assert "[" in "".join(view_rows(app))


async def test_find_and_end_cover_the_whole_long_article() -> None:
    article = long_article()
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash", *"paragraph 399", "enter")
        await pilot.pause()
        assert str(app.query_one("#find-count").render()) == "1/1"
        assert "(paragraph 399)" in screen_text(app)
        await pilot.press("g", "G")
        await pilot.pause()
        assert "https://example.org/long" in screen_text(app)  # the trailer, at the very end
        assert app.query_one("#progress").render().plain == "100% · end"  # type: ignore[attr-defined]
