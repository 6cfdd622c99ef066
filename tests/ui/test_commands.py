"""The command palette (Ctrl+P): every action, each theme with its ratio, each ladder step."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette

from reader.config import Preferences, load_preferences
from reader.contrast import ratio_label
from reader.model import Article
from reader.themes import ALL_THEMES, CONTRAST_LADDER, THEMES, palette
from reader.tui.app import ReaderApp
from reader.tui.article_view import ArticleView
from reader.tui.commands import ACTIONS, SITE_ACTION, ladder_commands, theme_commands
from reader.tui.toolbar import ToolbarLabel
from tests.ui.screen import screen_text


def test_every_key_has_a_command() -> None:
    actions = {command.action for command in ACTIONS}
    for binding in ReaderApp.BINDINGS:
        assert not isinstance(binding, tuple)
        if binding.action in ("command_palette",):
            continue
        assert binding.action in actions, binding
    for binding in ArticleView.BINDINGS:
        assert not isinstance(binding, tuple)
        assert f"view.{binding.action}" in actions, binding


def test_theme_commands_show_each_themes_ratio() -> None:
    commands = {command.title: command for command in theme_commands(1)}
    assert set(commands) == {f"Theme: {theme}" for theme in ALL_THEMES}
    light = commands["Theme: light"]
    assert light.help == f"{ratio_label(palette('light', 1).body_ratio)} at standard contrast"
    assert "terminal colours" in commands["Theme: ansi-dark"].help
    titles = [command.title for command in ladder_commands()]
    assert "Size: largest" in titles and "Contrast: maximum \N{EM DASH} 21.0:1 AAA" in titles


@pytest.mark.parametrize("theme", THEMES)
def test_contrast_ladder_commands_show_each_steps_ratio_in_the_theme(theme: str) -> None:
    contrast = [
        command for command in ladder_commands(theme) if command.title.startswith("Contrast")
    ]
    assert len(contrast) == len(CONTRAST_LADDER)
    for number, (command, step) in enumerate(zip(contrast, CONTRAST_LADDER, strict=True)):
        ratio = palette(theme, number).body_ratio
        assert ratio >= step.minimum
        assert command.title == f"Contrast: {step.name} \N{EM DASH} {ratio_label(ratio)}"
        assert command.action == f"set_contrast({number})"
        assert theme in command.help
    # the dark theme's high step is the example in the brief: 17.6:1
    assert [c.title for c in ladder_commands("dark") if "high" in c.title] == [
        "Contrast: high \N{EM DASH} 17.6:1 AAA"
    ]


def test_contrast_ladder_commands_with_terminal_colours_say_why_there_is_no_ratio() -> None:
    for command in ladder_commands("ansi-dark"):
        if command.title.startswith("Contrast"):
            assert ":1" not in command.title
            assert "terminal colours" in command.help


async def test_palette_shows_the_contrast_ratios_of_the_current_theme(article: Article) -> None:
    app = ReaderApp(article=article, save_preferences=False, preferences=Preferences(theme="sepia"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"contrast: high")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = f"Contrast: high \N{EM DASH} {ratio_label(palette('sepia', 2).body_ratio)}"
        assert shown in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.preferences.contrast == 2
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert shown in titles
        await app.run_command("set_theme('light')")  # another theme: other ratios
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert shown not in titles
        light = f"Contrast: high \N{EM DASH} {ratio_label(palette('light', 2).body_ratio)}"
        assert light in titles


async def test_palette_lists_reader_commands_not_textuals_theme_picker(article: Article) -> None:
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Theme" not in titles  # Textual's picker offers unmeasured themes
        assert titles.count("Quit") == 1
        for command in ACTIONS:
            if command.action != SITE_ACTION:
                assert command.title in titles
        # `R`'s entry names the article's site and what it will do there
        assert "Remember size and theme for example.org" in titles


async def test_choosing_a_theme_in_the_palette_applies_and_saves_it(
    article: Article, isolated_config: Path
) -> None:
    app = ReaderApp(article=article, preferences=Preferences(theme="dark"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"theme: sepia")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Theme: sepia" in text
        assert ratio_label(palette("sepia", 1).body_ratio) in text  # the ratio, before choosing
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        assert app.preferences.theme == "sepia"
        assert load_preferences().theme == "sepia"
        assert "Theme: sepia" in screen_text(app)


async def test_view_and_ladder_commands_run_like_their_keys(long_article: Article) -> None:
    app = ReaderApp(article=long_article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        await app.run_command("view.page_down")
        await pilot.pause()
        assert view.scroll_y > 20
        await app.run_command("set_size(6)")
        await app.run_command("set_contrast(3)")
        await pilot.pause()
        label = str(app.query_one("#size-label", ToolbarLabel).render())
        assert label == "Size 7/7"
        assert app.preferences.contrast == 3
        await app.run_command("view.scroll_home")
        await pilot.pause()
        assert view.scroll_y == 0
