"""The WCAG spacing preset (`w`, the toolbar, `--spacing`): its screen and file."""

from __future__ import annotations

import re
import tomllib
from itertools import pairwise
from pathlib import Path

import pytest

from reader.cli import build_parser, main
from reader.config import Overrides, Preferences, load_preferences
from reader.model import Article
from reader.themes import DEFAULT_SIZE, SIZE_LADDER, wcag_spacing
from reader.tui.app import ReaderApp
from tests.ui.screen import screen_text, view_rows

PARAGRAPH_START = re.compile(r"The +district +committee +met")
"""Start of every prose paragraph of the fixture article."""


def characters(app: ReaderApp) -> int:
    return sum(len(row.replace(" ", "")) for row in view_rows(app))


def blank_rows(app: ReaderApp) -> int:
    return sum(1 for row in view_rows(app) if not row.strip())


def widest_gap(app: ReaderApp) -> int:
    """The longest run of spaces between two words inside a row of text."""
    gaps = [len(gap) for row in view_rows(app) for gap in re.findall(r"(?<=\w) +(?=\w)", row)]
    return max(gaps, default=0)


def saved(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


async def test_w_spaces_the_text_out_and_is_saved(
    long_article: Article, isolated_config: Path
) -> None:
    app = ReaderApp(article=long_article)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before_chars, before_blank = characters(app), blank_rows(app)
        assert widest_gap(app) == 1
        assert "Spacing: normal" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert "Spacing: WCAG" in screen_text(app)
        assert characters(app) < before_chars  # fewer characters per screen
        assert blank_rows(app) > before_blank
        assert widest_gap(app) == 2  # one extra space between words
        rows = view_rows(app)
        text_rows = [i for i, row in enumerate(rows) if re.search(r"\w", row)]
        # A spacer row after every line: no two rows of text touch (rules under the header
        # and headings are decoration, not lines of text).
        assert all(b - a >= 2 for a, b in pairwise(text_rows))
        assert saved(isolated_config)["spacing"] == "wcag"
        assert load_preferences(isolated_config).spacing == "wcag"
        await pilot.press("w")
        await pilot.pause()
        assert "Spacing: normal" in screen_text(app)
        assert characters(app) == before_chars
        assert saved(isolated_config)["spacing"] == "normal"


async def test_paragraphs_get_at_least_two_blank_rows(long_article: Article) -> None:
    app = ReaderApp(
        article=long_article, save_preferences=False, preferences=Preferences(spacing="wcag")
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*["pagedown"] * 2)
        await pilot.pause()
        rows = view_rows(app)
        starts = [i for i, row in enumerate(rows) if PARAGRAPH_START.search(row)]
        assert starts, rows
        for start in starts:
            if start >= 3:
                assert not rows[start - 1].strip() and not rows[start - 2].strip()


async def test_spacing_combines_with_every_size_step(long_article: Article) -> None:
    plain = ReaderApp(article=long_article, save_preferences=False)
    spaced = ReaderApp(
        article=long_article, save_preferences=False, preferences=Preferences(spacing="wcag")
    )
    counts: dict[str, list[int]] = {}
    for name, app in (("normal", plain), ("wcag", spaced)):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press(*["minus"] * len(SIZE_LADDER))
            counts[name] = []
            for index in range(len(SIZE_LADDER)):
                await pilot.pause()
                assert app.view.step == (
                    wcag_spacing(SIZE_LADDER[index]) if name == "wcag" else SIZE_LADDER[index]
                )
                counts[name].append(characters(app))
                await pilot.press("plus")
    for normal, wcag, step in zip(counts["normal"], counts["wcag"], SIZE_LADDER, strict=True):
        if wcag_spacing(step) == step:
            assert wcag == normal, step  # the largest steps already meet WCAG spacing
        else:
            assert wcag < normal, step
    assert counts["wcag"] == sorted(counts["wcag"], reverse=True)


async def test_toolbar_button_toggles_spacing(article: Article, isolated_config: Path) -> None:
    app = ReaderApp(article=article)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert await pilot.click("#spacing")
        await pilot.pause()
        assert "Spacing: WCAG" in screen_text(app)
        assert app.view.step == wcag_spacing(SIZE_LADDER[DEFAULT_SIZE])
        assert saved(isolated_config)["spacing"] == "wcag"
        await app.run_command("toggle_spacing")  # the command-palette entry
        await pilot.pause()
        assert "Spacing: normal" in screen_text(app)


def test_spacing_flag_parses_and_rejects() -> None:
    assert build_parser().parse_args(["--demo", "--spacing", "WCAG"]).spacing == "wcag"
    assert build_parser().parse_args(["--demo"]).spacing is None


def test_a_bad_spacing_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "--spacing", "loose"]) == 2
    err = capsys.readouterr().err
    assert "--spacing" in err and "normal, wcag" in err


async def test_spacing_flag_shows_for_the_run_without_saving(
    article: Article, isolated_config: Path
) -> None:
    app = ReaderApp(
        article=article, preferences=load_preferences(), overrides=Overrides(spacing="wcag")
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Spacing: WCAG" in screen_text(app)
        assert widest_gap(app) == 2
        assert not isolated_config.exists()  # a flag is not a choice
        await pilot.press("plus")
        await pilot.pause()
        assert "spacing" not in saved(isolated_config)  # only the size was changed here
