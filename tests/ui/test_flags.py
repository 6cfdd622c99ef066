"""--size, --contrast and --theme: per run, shown at once, saved only when changed in the app."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from reader.cli import build_parser, main
from reader.config import Overrides, Preferences, load_preferences, save_preferences
from reader.model import Article
from reader.tui.app import ReaderApp
from reader.tui.toolbar import ToolbarLabel
from tests.support.terminal import terminal
from tests.ui.screen import screen_text


def test_flags_accept_names_and_the_toolbars_numbers() -> None:
    args = build_parser().parse_args(
        ["--demo", "--size", "larger", "--contrast", "high", "--theme", "Sepia"]
    )
    assert (args.size, args.contrast, args.theme) == (5, 2, "sepia")
    args = build_parser().parse_args(["--demo", "--size", "7", "--contrast", "1"])
    assert (args.size, args.contrast, args.theme) == (6, 0, None)


@pytest.mark.parametrize(
    ("flag", "value", "listed"),
    [
        ("--size", "huge", "use 1-7 or one of smallest, smaller, small, default, large, larger"),
        ("--size", "0", "use 1-7"),
        ("--contrast", "5", "use 1-4 or one of soft, standard, high, maximum"),
        ("--theme", "neon", "use one of light, dark, sepia, ansi-dark, ansi-light"),
    ],
)
def test_a_bad_value_is_a_one_line_usage_error(
    flag: str, value: str, listed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--demo", flag, value]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"reader: argument {flag}: ")
    assert listed in err and repr(value) in err


def label(app: ReaderApp, widget_id: str) -> str:
    return str(app.query_one(f"#{widget_id}", ToolbarLabel).render())


async def test_overrides_show_now_and_only_changed_values_are_saved(
    article: Article, isolated_config: Path
) -> None:
    save_preferences(Preferences(size=1, contrast=1, theme="dark"))
    before = isolated_config.read_text(encoding="utf-8")
    app = ReaderApp(
        article=article,
        preferences=load_preferences(),
        overrides=Overrides(size=6, theme="sepia"),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert label(app, "size-label") == "Size 7/7"
        assert "Theme: sepia" in screen_text(app)
        assert isolated_config.read_text(encoding="utf-8") == before  # a flag is not a choice
        await pilot.press("right_square_bracket")  # the reader changes contrast in the app
        await pilot.pause()
        saved = tomllib.loads(isolated_config.read_text(encoding="utf-8"))
        assert saved == {"size": 1, "contrast": 2, "theme": "dark"}  # only contrast moved
        await pilot.press("minus")  # now the size, from the override's 7 down to 6
        await pilot.pause()
        saved = tomllib.loads(isolated_config.read_text(encoding="utf-8"))
        assert saved == {"size": 5, "contrast": 2, "theme": "dark"}
        await pilot.press("t")
        await pilot.pause()
        assert tomllib.loads(isolated_config.read_text(encoding="utf-8"))["theme"] == "ansi-dark"


def test_flags_in_a_real_terminal(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    env = {"READER_CONFIG": str(config), "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    args = ["--demo", "--size", "largest", "--contrast", "maximum", "--theme", "sepia"]
    with terminal(args, tmp_path, env) as term:
        screen = term.wait_for_text("Size 7/7")
        screen = term.settle()
        assert "Contrast 21.0:1 AAA" in screen and "Theme: sepia" in screen
        term.press("q")
        assert term.exit_code() == 0
    assert not config.exists()  # nothing was changed in the app, so nothing was saved
