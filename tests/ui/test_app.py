"""The reading view, driven like a person would: keys, mouse, resizes; asserting on the screen."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.style import Style
from textual.app import App

from reader.config import Preferences, load_preferences
from reader.contrast import contrast_ratio
from reader.errors import HostNotFound
from reader.model import Article, Paragraph, Run
from reader.themes import CONTRAST_LADDER, DEFAULT_SIZE, SIZE_LADDER, THEMES, palette
from reader.tui.app import LOADING, ReaderApp
from reader.tui.article_view import ArticleView
from reader.tui.help_screen import HelpScreen
from reader.tui.toolbar import Toolbar
from tests.ui.screen import (
    label,
    painted_ratio,
    saved,
    screen_text,
    style_containing,
    toasts,
    view_rows,
    words,
)

BODY_WORD = "ground"
"""A body-text word in the first paragraph, on the first screen at every size step."""


def body_style(app: App[int], word: str = BODY_WORD) -> Style:
    """The style painted for a body-text word on screen."""
    return style_containing(app, word)


async def test_title_metadata_and_body_are_on_screen(article: Article) -> None:
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "District builds strong party branches" in text
        assert "Example Provincial Portal" in text
        assert "By Nguyễn Văn An" in text
        assert f"{article.reading_minutes()} min read" in text
        assert "12 March 2024" in text
        assert BODY_WORD in text
        assert "A-" in text and "A+" in text and "Size 4/7" in text
        assert "Contrast" in text
        assert "Larger" in text and "Quit" in text  # the footer lists the keys


async def test_body_is_centred_in_a_measure(article: Article) -> None:
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rows = [row for row in view_rows(app) if row.strip()]
        lefts = {len(row) - len(row.lstrip()) for row in rows}
        widths = [len(row.rstrip()) - (len(row) - len(row.lstrip())) for row in rows]
        assert min(lefts) > 5  # centred, not flush left
        assert max(widths) <= SIZE_LADDER[DEFAULT_SIZE].measure


async def test_size_up_twice_rewraps_and_is_saved(article: Article, isolated_config: Path) -> None:
    app = ReaderApp(article=article)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = view_rows(app)
        assert label(app, "size-label") == "Size 4/7"
        await pilot.press("plus", "plus")
        await pilot.pause()
        after = view_rows(app)
        assert after != before
        longest_before = max(len(row.strip()) for row in before)
        longest_after = max(len(row.strip()) for row in after)
        assert longest_after < longest_before  # a narrower column
        assert label(app, "size-label") == "Size 6/7"
        assert saved(isolated_config)["size"] == DEFAULT_SIZE + 2
        await pilot.press("0")
        await pilot.pause()
        assert label(app, "size-label") == "Size 4/7"
        assert view_rows(app) == before
        await pilot.press("equals_sign")  # "=" is "+" without shift
        await pilot.pause()
        assert label(app, "size-label") == "Size 5/7"


async def test_each_size_step_shows_fewer_characters_on_screen(long_article: Article) -> None:
    for size in ((100, 30), (80, 24)):
        app = ReaderApp(article=long_article, save_preferences=False)
        async with app.run_test(size=size) as pilot:
            await pilot.press(*["minus"] * len(SIZE_LADDER))
            await pilot.pause()
            counts = []
            for _step in SIZE_LADDER:
                counts.append(sum(len(row.replace(" ", "")) for row in view_rows(app)))
                await pilot.press("plus")
                await pilot.pause()
            assert counts == sorted(counts, reverse=True), (size, counts)
            assert len(set(counts)) == len(counts), (size, counts)


async def test_contrast_up_changes_painted_colours_label_and_file(
    article: Article, isolated_config: Path
) -> None:
    app = ReaderApp(article=article, preferences=Preferences(contrast=1, theme="light"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = body_style(app)
        label_before = label(app, "contrast-label")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        after = body_style(app)
        assert after.color != before.color
        assert painted_ratio(after) > painted_ratio(before)
        assert painted_ratio(after) >= CONTRAST_LADDER[2].minimum
        label_after = label(app, "contrast-label")
        assert label_after != label_before
        assert label_after.startswith("Contrast ") and label_after.endswith("AAA")
        assert saved(isolated_config) == {"size": DEFAULT_SIZE, "contrast": 2, "theme": "light"}
        await pilot.press("t")
        await pilot.pause()
        assert saved(isolated_config)["theme"] == THEMES[(THEMES.index("light") + 1) % 3]
        assert load_preferences(isolated_config) == Preferences(
            size=DEFAULT_SIZE, contrast=2, theme=THEMES[(THEMES.index("light") + 1) % 3]
        )


async def test_painted_colours_meet_every_steps_minimum(article: Article) -> None:
    """Body text, the toolbar and the footer as Textual paints them, for every theme x step."""
    app = ReaderApp(
        article=article, save_preferences=False, preferences=Preferences(contrast=0, theme="light")
    )
    async with app.run_test(size=(100, 30)) as pilot:
        for theme in THEMES:
            for step in CONTRAST_LADDER:
                await pilot.pause()
                expected = palette(theme, CONTRAST_LADDER.index(step))
                style = body_style(app)
                assert painted_ratio(style) >= step.minimum - 1e-9, (theme, step)
                assert style.bgcolor is not None
                assert style.bgcolor.get_truecolor().hex == expected.background
                toolbar = app.query_one(Toolbar).styles
                bar_ratio = contrast_ratio(toolbar.color.rgb, toolbar.background.rgb)
                assert bar_ratio >= step.minimum - 1e-9, (theme, step, "toolbar")
                assert toolbar.background.hex.lower() == expected.toolbar_bg
                footer = app.screen.query_one("Footer").styles
                footer_ratio = contrast_ratio(footer.color.rgb, footer.background.rgb)
                assert footer_ratio >= step.minimum - 1e-9, (theme, step, "footer")
                link = body_style(app, "annual")
                assert link.underline  # never colour alone
                await pilot.press("right_square_bracket")
            await pilot.press(*["left_square_bracket"] * len(CONTRAST_LADDER), "t")


async def test_clicking_a_plus_does_what_the_key_does(
    article: Article, isolated_config: Path
) -> None:
    by_key = ReaderApp(article=article, save_preferences=False)
    async with by_key.run_test(size=(100, 30)) as pilot:
        await pilot.press("plus")
        await pilot.pause()
        keyed = view_rows(by_key)
    app = ReaderApp(article=article)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await pilot.click("#size-up")
        await pilot.pause()
        assert label(app, "size-label") == "Size 5/7"
        assert view_rows(app) == keyed
        assert saved(isolated_config)["size"] == DEFAULT_SIZE + 1
        assert await pilot.click("#size-down")
        assert await pilot.click("#size-down")
        await pilot.pause()
        assert label(app, "size-label") == "Size 3/7"
        assert await pilot.click("#size-reset")
        await pilot.pause()
        assert label(app, "size-label") == "Size 4/7"
        ratio = label(app, "contrast-label")
        assert await pilot.click("#contrast-up")
        await pilot.pause()
        assert label(app, "contrast-label") != ratio
        assert saved(isolated_config)["contrast"] == 2
        assert await pilot.click("#contrast-down")
        await pilot.pause()
        assert label(app, "contrast-label") == ratio
        theme = saved(isolated_config)["theme"]
        assert await pilot.click("#theme")
        await pilot.pause()
        assert saved(isolated_config)["theme"] != theme
        assert f"Theme: {saved(isolated_config)['theme']}" in screen_text(app)


async def test_help_screen_lists_the_real_bindings(article: Article) -> None:
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for binding in [*ReaderApp.BINDINGS, *ArticleView.BINDINGS]:
            assert not isinstance(binding, tuple)
            assert binding.description in text, binding
        for shown in ("+", "=", "]", "[", "pgdn", "space", "^d", "^u", "k", "j", "G"):
            assert shown in text
        assert "terminal" in text  # the honest note on what size can and cannot do
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")  # closes help, does not quit
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running


async def test_q_quits_with_zero(article: Article) -> None:
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == 0
    assert app.return_code == 0


async def test_loader_shows_loading_then_the_article(article: Article) -> None:
    ready = asyncio.Event()

    async def loader() -> Article:
        await ready.wait()
        return article

    app = ReaderApp(loader=loader, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert LOADING in screen_text(app)
        await pilot.press("plus")  # the interface answers while loading
        await pilot.pause()
        assert label(app, "size-label") == "Size 5/7"
        ready.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = words(screen_text(app))
        assert LOADING not in text
        assert "District builds strong party branches" in text


async def test_loader_error_is_shown_inside_the_app(article: Article) -> None:
    async def loader() -> Article:
        raise HostNotFound("cannot find the host news.invalid")

    app = ReaderApp(loader=loader, save_preferences=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = words("\n".join(view_rows(app)))
        assert "cannot find the host news.invalid" in rows
        assert "check the spelling of the address" in rows  # the hint
        assert "cannot find the host news.invalid" in toasts(app)  # and a notification
        assert app.is_running
        await pilot.press("q")
    assert app.return_value == HostNotFound("x").exit_code == 4  # scripts can tell it failed


async def test_narrow_terminal_shows_text_and_buttons(article: Article) -> None:
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(20, 8)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "A+" in text and "A-" in text
        rows = [row for row in view_rows(app) if row.strip()]
        assert rows and any("District" in row or "Portal" in row for row in rows)
        assert all(len(row) <= 20 for row in text.splitlines())
        await pilot.press("plus", "plus", "plus", "right_square_bracket", "t")
        await pilot.pause()
        assert any(row.strip() for row in view_rows(app))
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert "Size 7/7" in screen_text(app)


async def test_reflow_keeps_the_top_block_in_view(long_article: Article) -> None:
    app = ReaderApp(article=long_article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press(*["pagedown"] * 4)
        await pilot.pause()
        top = view.lines[round(view.scroll_y)].block
        assert top > 5
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert view.lines[round(view.scroll_y)].block == top
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        assert view.lines[round(view.scroll_y)].block == top


async def test_scroll_keys_move_through_the_article(long_article: Article) -> None:
    app = ReaderApp(article=long_article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("space")
        after_page = view.scroll_y
        assert after_page > 20
        await pilot.press("b")
        assert view.scroll_y < after_page
        await pilot.press("ctrl+d")
        half = view.scroll_y
        await pilot.press("ctrl+u")
        assert view.scroll_y < half
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        await pilot.pause()
        assert "Nguồn: Ban Biên tập" in screen_text(app)
        await pilot.press("g")
        assert view.scroll_y == 0


async def test_web_text_is_never_markup_or_escapes() -> None:
    hostile = Article(
        title="[bold red]Title[/] \x1b[2J",
        blocks=(Paragraph((Run("Look: [link=https://evil]click[/link] \x1b]0;pwned\x07 done"),)),),
    )
    app = ReaderApp(article=hostile, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold red]Title[/]" in text
        assert "[link=https://evil]click[/link]" in text
        assert "\x1b" not in text and "\x07" not in text
        assert "]0;pwned done" in text


async def test_saved_preferences_are_applied_on_start(article: Article) -> None:
    app = ReaderApp(
        article=article,
        save_preferences=False,
        preferences=Preferences(size=6, contrast=3, theme="sepia"),
    )
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        assert label(app, "size-label") == "Size 7/7"
        assert label(app, "contrast-label") == "Contrast 21.0:1 AAA"
        assert "Theme: sepia" in screen_text(app)
        style = body_style(app)
        assert painted_ratio(style) >= 21 - 1e-9
        await pilot.press("plus")  # already the largest: nothing breaks
        await pilot.pause()
        assert label(app, "size-label") == "Size 7/7"


async def test_a_broken_preferences_file_is_reported_and_kept(
    article: Article, isolated_config: Path
) -> None:
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text("size = [oops\n", encoding="utf-8")
    preferences = load_preferences()
    app = ReaderApp(article=article, preferences=preferences)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert "not valid TOML" in toasts(app)
        await pilot.press("plus")
        await pilot.pause()
        assert label(app, "size-label") == "Size 5/7"  # the change still applies
        assert "Preferences not saved" in toasts(app)
    assert isolated_config.read_text(encoding="utf-8") == "size = [oops\n"
