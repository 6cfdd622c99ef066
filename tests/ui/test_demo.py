"""The bundled demo, opened as `reader --demo` opens it: keys, mouse and what they change."""

from __future__ import annotations

from pathlib import Path

from textual.events import MouseScrollDown, MouseScrollUp

from reader.config import load_preferences
from reader.load import demo_article
from reader.themes import DEFAULT_CONTRAST, DEFAULT_SIZE
from reader.tui.app import ReaderApp
from reader.tui.article_view import ArticleView
from tests.ui.screen import label, saved, screen_text, style_containing, view_rows, words


async def test_demo_shows_header_and_body_then_size_and_contrast_keys_change_it(
    isolated_config: Path,
) -> None:
    article = demo_article()
    first_words = " ".join(article.text.split()[:6])
    body_word = article.text.split()[3]
    app = ReaderApp(article=article, preferences=load_preferences())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = words(screen_text(app))
        assert article.title[:40] in shown
        assert article.site_name and article.site_name in shown
        assert article.authors[0] in shown
        assert f"{article.reading_minutes()} min read" in shown
        assert first_words in words("\n".join(view_rows(app)))

        rows_before, size_before = view_rows(app), label(app, "size-label")
        widest_before = max(
            len(row.rstrip()) - (len(row) - len(row.lstrip())) for row in rows_before
        )
        await pilot.press("plus", "plus")
        rows_after = view_rows(app)
        widest_after = max(len(row.rstrip()) - (len(row) - len(row.lstrip())) for row in rows_after)
        assert rows_after != rows_before
        assert widest_after < widest_before  # a narrower reading column: bigger text, fewer chars
        assert label(app, "size-label") != size_before
        assert saved(isolated_config)["size"] == DEFAULT_SIZE + 2

        colour_before, ratio_before = style_containing(app, body_word), label(app, "contrast-label")
        await pilot.press("right_square_bracket")
        assert style_containing(app, body_word) != colour_before
        assert label(app, "contrast-label") != ratio_before
        assert saved(isolated_config)["contrast"] == DEFAULT_CONTRAST + 1

        await pilot.press("q")
    assert app.return_code == 0


async def test_mouse_wheel_scrolls_the_article() -> None:
    app = ReaderApp(article=demo_article(), save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        top = view_rows(app)
        await pilot._post_mouse_events([MouseScrollDown], widget=view, offset=(10, 5))
        assert view.scroll_y > 0
        assert view_rows(app) != top
        await pilot._post_mouse_events([MouseScrollUp], widget=view, offset=(10, 5))
        assert view.scroll_y == 0
        assert view_rows(app) == top
