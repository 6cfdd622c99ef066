"""Per-site looks: `R` remembers the look for the article's site (or forgets it), every way an
article opens shows its site's look, changes go to the site's entry, and flags still win."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from textual.command import CommandPalette
from textual.pilot import Pilot

from reader.config import Overrides, Preferences, SiteLook, load_preferences, save_preferences
from reader.library import Library
from reader.model import Article, Paragraph, Run
from reader.themes import next_theme, palette
from reader.tui.app import ReaderApp
from reader.tui.toolbar import Toolbar
from tests.ui.conftest import PROSE
from tests.ui.screen import (
    label,
    region_text,
    saved,
    screen_text,
    style_containing,
    toasts,
    words,
)

A_URL = "https://www.example.org/news/a"
B_URL = "https://news.other.net/b"
A2_URL = "https://example.org/news/a2"
BODY = "committee"
"""A word of PROSE, on the first screen of every article here."""


def article(url: str, title: str, link: tuple[str, str] | None = None) -> Article:
    first = [Run("Read on: ")]
    if link is not None:
        first += [Run(link[0], href=link[1]), Run(".")]
    paragraphs = [Paragraph(tuple(first))] + [Paragraph((Run(PROSE),)) for _ in range(8)]
    return Article(url=url, title=title, blocks=tuple(paragraphs))


SITE_A = article(A_URL, "An article on site A", ("the other site", B_URL))
SITE_B = article(B_URL, "An article on site B", ("more from site A", A2_URL))
SITE_A2 = article(A2_URL, "Another article on site A")
ARTICLES = {a.url: a for a in (SITE_A, SITE_B, SITE_A2)}


async def load(url: str) -> Article:
    """Links load from here: the app's link loader, without a network."""
    return ARTICLES[url]


async def settle(app: ReaderApp, pilot: Pilot[int]) -> None:
    for _ in range(2):
        await app.workers.wait_for_complete()
        await pilot.pause()


def toolbar(app: ReaderApp) -> str:
    return region_text(app, app.query_one(Toolbar))


def assert_look(app: ReaderApp, title: str, look: SiteLook, site: str | None) -> None:
    """`title` is shown in `look`: the toolbar's words, the painted colours, the site label."""
    assert title in words(screen_text(app))  # wrapped at large sizes
    assert label(app, "size-label") == f"Size {look.size + 1}/7"
    bar = toolbar(app)
    assert f"Theme: {look.theme}" in bar
    assert ("Spacing: WCAG" if look.spacing == "wcag" else "Spacing: normal") in bar
    painted = style_containing(app, BODY)
    assert painted.bgcolor is not None and painted.color is not None
    colours = palette(look.theme, look.contrast)
    assert painted.bgcolor.get_truecolor().hex == colours.background
    assert painted.color.get_truecolor().hex == colours.text
    if site is None:
        assert "Site" not in bar
    else:
        assert f"Site: {site}" in bar  # in words, not a colour


async def test_remember_a_site_follow_another_come_back_and_forget(isolated_config: Path) -> None:
    defaults = SiteLook()
    app = ReaderApp(article=SITE_A, preferences=load_preferences(), link_loader=load)
    async with app.run_test(size=(130, 30), notifications=True) as pilot:
        await pilot.pause()
        assert_look(app, SITE_A.title, defaults, None)
        assert app.site == "example.org"  # www. stripped

        await pilot.press("R")
        await pilot.pause()
        assert "Remembered for example.org: size 4/7, standard contrast" in toasts(app)
        assert_look(app, SITE_A.title, defaults, "example.org")
        assert saved(isolated_config)["sites"] == {
            "example.org": {"size": 3, "contrast": 1, "theme": "dark", "spacing": "normal"}
        }

        # While the site has its own look, changes go to its entry, not to the defaults.
        await pilot.press("plus", "plus", "t", "right_square_bracket", "w")
        await pilot.pause()
        look_a = SiteLook(size=5, contrast=2, theme=next_theme("dark"), spacing="wcag")
        assert_look(app, SITE_A.title, look_a, "example.org")
        data = saved(isolated_config)
        assert (data["size"], data["contrast"], data["theme"]) == (3, 1, "dark")
        assert "spacing" not in data
        assert data["sites"] == {
            "example.org": {"size": 5, "contrast": 2, "theme": look_a.theme, "spacing": "wcag"}
        }

        await pilot.press("l", "enter")  # follow the link to site B
        await settle(app, pilot)
        assert_look(app, SITE_B.title, defaults, None)

        await pilot.press("backspace")  # back to site A: its look again
        await settle(app, pilot)
        assert_look(app, SITE_A.title, look_a, "example.org")

        await pilot.press("alt+right")  # forward to B
        await settle(app, pilot)
        assert_look(app, SITE_B.title, defaults, None)

        await pilot.press("l", "enter")  # B links to another article of site A
        await settle(app, pilot)
        assert_look(app, SITE_A2.title, look_a, "example.org")

        await pilot.press("R")  # forget: the defaults, on screen and in the file
        await pilot.pause()
        assert "Forgot the settings for example.org" in toasts(app)
        assert_look(app, SITE_A2.title, defaults, None)
        assert "sites" not in saved(isolated_config)
        assert load_preferences().sites == {}

        await pilot.press("plus")  # and changes now go to the defaults again
        await pilot.pause()
        assert saved(isolated_config)["size"] == 4


async def test_flags_win_over_a_sites_look_for_the_run(isolated_config: Path) -> None:
    look_a = SiteLook(size=1, contrast=3, theme="light", spacing="wcag")
    save_preferences(Preferences(sites={"example.org": look_a}))
    before = isolated_config.read_text(encoding="utf-8")

    async def first() -> Article:
        return SITE_A

    app = ReaderApp(
        loader=first,  # a first load, as `reader URL` opens it
        preferences=load_preferences(),
        overrides=Overrides(theme="sepia", spacing="normal"),
        link_loader=load,
    )
    async with app.run_test(size=(130, 30)) as pilot:
        await settle(app, pilot)
        flagged_a = SiteLook(size=1, contrast=3, theme="sepia", spacing="normal")
        assert_look(app, SITE_A.title, flagged_a, "example.org")

        await pilot.press("l", "enter")
        await settle(app, pilot)
        assert_look(app, SITE_B.title, SiteLook(theme="sepia"), None)  # the flag holds here too

        await pilot.press("backspace")
        await settle(app, pilot)
        assert_look(app, SITE_A.title, flagged_a, "example.org")
        assert isolated_config.read_text(encoding="utf-8") == before  # a flag is not a choice

        await pilot.press("minus")  # the reader's own change goes to the site's entry
        await pilot.pause()
        assert saved(isolated_config)["sites"] == {
            "example.org": {"size": 0, "contrast": 3, "theme": "light", "spacing": "wcag"}
        }
        await pilot.press("t")  # a theme chosen here ends the --theme flag's hold
        await pilot.pause()
        chosen = next_theme("sepia")
        assert saved(isolated_config)["sites"]["example.org"]["theme"] == chosen  # type: ignore[index]
        await pilot.press("l", "enter")
        await settle(app, pilot)
        assert_look(app, SITE_B.title, SiteLook(), None)  # the defaults: no flag any more
        assert saved(isolated_config)["theme"] == "dark"


async def test_an_article_from_the_library_opens_in_its_sites_look(
    isolated_config: Path, isolated_library: Path
) -> None:
    with closing(Library.open(isolated_library)) as library:
        library.save(SITE_A, b"<html></html>", SITE_A.url)
    look_a = SiteLook(size=6, contrast=0, theme="light")
    save_preferences(Preferences(sites={"example.org": look_a}))
    app = ReaderApp(article=SITE_B, preferences=load_preferences(), library=isolated_library)
    async with app.run_test(size=(130, 30)) as pilot:
        await pilot.pause()
        assert_look(app, SITE_B.title, SiteLook(), None)
        await pilot.press("L")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert_look(app, SITE_A.title, look_a, "example.org")


async def test_the_palette_names_the_site_and_does_what_R_does(isolated_config: Path) -> None:
    app = ReaderApp(article=SITE_A, preferences=Preferences(theme="light"))
    async with app.run_test(size=(130, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"remember size")
        await settle(app, pilot)
        assert "Remember size and theme for example.org" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        assert load_preferences().sites == {"example.org": SiteLook(theme="light")}
        assert "Site: example.org" in toolbar(app)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Forget settings for example.org" in titles
        assert "Remember size and theme for example.org" not in titles
        await app.run_command("toggle_site")
        await pilot.pause()
        assert load_preferences().sites == {}
        assert "Site" not in toolbar(app)


async def test_R_without_a_web_address_says_so(isolated_config: Path) -> None:
    local = Article(title="A page from standard input", blocks=(Paragraph((Run(PROSE),)),))
    app = ReaderApp(article=local)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert "no web address" in toasts(app)
        assert app.site is None
    assert not isolated_config.exists()


async def test_the_site_label_shortens_and_the_bar_still_fits(isolated_config: Path) -> None:
    save_preferences(Preferences(sites={"example.org": SiteLook()}))
    app = ReaderApp(article=SITE_A, preferences=load_preferences(), save_preferences=False)
    async with app.run_test(size=(130, 30)) as pilot:
        await pilot.pause()
        assert "Site: example.org" in toolbar(app)
        for width, shown in ((100, "Site look"), (70, "Site"), (20, None)):
            await pilot.resize_terminal(width, 12)
            await pilot.pause()
            bar = toolbar(app)
            assert all(len(row) <= width for row in screen_text(app).splitlines())
            assert "A+" in bar
            if shown is None:
                assert "Site" not in bar  # buttons alone at 20 columns
            else:
                assert shown in bar, (width, bar)
