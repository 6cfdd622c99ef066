"""Keys are rebindable in the config file's [keys] table, and the help shows the new keys."""

from __future__ import annotations

from pathlib import Path

from reader.config import load_preferences
from reader.model import Article
from reader.tui.app import ReaderApp
from reader.tui.help_screen import HelpScreen
from tests.ui.screen import label, screen_text, toasts, words


def write_config(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


async def test_rebound_keys_act_and_the_old_keys_do_not(
    isolated_config: Path, article: Article
) -> None:
    write_config(
        isolated_config,
        '# my keys\n[keys]\nsize_up = "u"\nscroll_down = "e,down"\nfrobnicate = "x"\n',
    )
    app = ReaderApp(article=article, preferences=load_preferences())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        start = label(app, "size-label")
        await pilot.press("plus")
        assert label(app, "size-label") == start  # + no longer means larger
        await pilot.press("u")
        assert label(app, "size-label") != start  # u does

        view = app.view
        await pilot.press("e")
        assert view.scroll_y == 1
        await pilot.press("down")
        assert view.scroll_y == 2

        assert "frobnicate" in toasts(app)  # an unknown action is reported, not ignored

        rows = {row.description: row.keys for row in app.help_rows()}
        assert rows["Larger"] == ("u",)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "u Larger" in words(screen_text(app))  # the help screen shows the chosen key
    assert "# my keys" in isolated_config.read_text(encoding="utf-8")  # the file stays the user's


async def test_bad_key_values_are_reported(isolated_config: Path) -> None:
    write_config(isolated_config, '[keys]\nsize_up = "u; rm -rf"\nquit = 3\n')
    preferences = load_preferences()
    assert preferences.keys == {}
    assert any("size_up" in p for p in preferences.problems)
    assert any("keys.quit" in p for p in preferences.problems)
