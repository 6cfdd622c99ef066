"""The terminal's own palette (ansi-dark / ansi-light) and NO_COLOR, as painted on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import ColorType
from rich.style import Style

from reader.config import Preferences
from reader.contrast import contrast_ratio
from reader.model import Article
from reader.themes import CONTRAST_LADDER, THEMES
from reader.tui.app import ReaderApp
from reader.tui.article_view import ArticleView
from reader.tui.toolbar import ToolbarLabel
from tests.ui.screen import screen_strips, screen_text, segments, toasts


def view_styles(app: ReaderApp) -> list[tuple[str, Style]]:
    view = app.query_one(ArticleView)
    region = view.scrollable_content_region
    return [
        (segment.text, segment.style)
        for strip in screen_strips(app)[region.y : region.bottom]
        for segment in strip.crop(region.x, region.right)
        if segment.style is not None and segment.text.strip()
    ]


def is_default(style: Style) -> bool:
    return (style.color is None or style.color.type == ColorType.DEFAULT) and (
        style.bgcolor is None or style.bgcolor.type == ColorType.DEFAULT
    )


def contrast_label(app: ReaderApp) -> str:
    return str(app.query_one("#contrast-label", ToolbarLabel).render())


@pytest.mark.parametrize("theme", ["ansi-dark", "ansi-light"])
async def test_terminal_theme_paints_the_terminals_own_colours(
    article: Article, theme: str, isolated_config: Path
) -> None:
    app = ReaderApp(article=article, preferences=Preferences(theme=theme, contrast=2))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert contrast_label(app) == "Contrast: terminal colours"  # no ratio is claimed
        assert f"Theme: {theme}" in screen_text(app)
        styles = view_styles(app)
        assert styles and all(is_default(style) for _text, style in styles)
        chrome = [s.style for s in segments(app) if s.style is not None and "Larger" in s.text]
        assert chrome and all(is_default(style) for style in chrome)  # the footer, too
        link = [style for text, style in styles if "annual" in text]
        assert link and link[0].underline  # meaning by attributes alone
        heading = [style for text, style in styles if "What changed" in text]
        assert heading and heading[0].bold
        await pilot.press("slash", *"branch", "enter")
        await pilot.pause()
        hits = [style for text, style in view_styles(app) if text.lower() == "branch"]
        assert hits and all(style.reverse and style.bold for style in hits)
        assert sum(1 for style in hits if style.underline) == 1  # the current hit
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "contrast is your terminal's own" in toasts(app)
        assert app.preferences.contrast == 2
        assert not isolated_config.exists()  # nothing changed, nothing saved


async def test_t_cycles_into_the_terminal_themes_and_back(
    article: Article, isolated_config: Path
) -> None:
    app = ReaderApp(article=article, preferences=Preferences(theme="sepia"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert app.preferences.theme == "ansi-dark"
        assert app.theme == "reader-ansi-dark" and app.current_theme.ansi
        assert contrast_label(app) == "Contrast: terminal colours"
        await pilot.press("t", "t")
        await pilot.pause()
        assert app.preferences.theme == "light"
        assert contrast_label(app).startswith("Contrast ") and contrast_label(app).endswith("AAA")
        assert not app.current_theme.ansi


async def test_no_color_paints_only_greys_that_still_meet_the_ladder(
    article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "")  # set, even empty, means no colour
    app = ReaderApp(
        article=article, save_preferences=False, preferences=Preferences(theme="light", contrast=0)
    )
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.no_color
        for theme in THEMES:
            for index, step in enumerate(CONTRAST_LADDER):
                await pilot.pause()
                assert app.preferences.theme == theme and app.preferences.contrast == index
                for segment in segments(app):  # our strips go through Textual's filter too
                    style = segment.style
                    for colour in (style.color, style.bgcolor) if style else ():
                        if colour is not None and colour.type != ColorType.DEFAULT:
                            red, green, blue = colour.get_truecolor()
                            assert red == green == blue, (theme, step.name, segment)
                body = next(style for text, style in view_styles(app) if "ground" in text)
                assert body.color is not None and body.bgcolor is not None
                ratio = contrast_ratio(body.color.get_truecolor(), body.bgcolor.get_truecolor())
                assert ratio >= step.minimum - 1e-9
                assert contrast_label(app).endswith(" mono")
                assert contrast_label(app).startswith(f"Contrast {int(ratio)}")
                await pilot.press("right_square_bracket")
            await pilot.press(*["left_square_bracket"] * len(CONTRAST_LADDER), "t")
        # On to the terminal's palette: no greys forced on it, no black on black.
        while app.preferences.theme != "ansi-dark":
            await pilot.press("t")
        await pilot.pause()
        styles = view_styles(app)
        assert styles and all(is_default(style) for _text, style in styles)
        assert "ground" in screen_text(app)
