"""Links: numbers on demand, the link list, following (real HTTP), history, browser, clipboard."""

from __future__ import annotations

import os
import stat
import webbrowser
from pathlib import Path

import pytest
from textual.widgets import OptionList

from reader.load import load_article
from reader.model import Article, Paragraph, Run
from reader.tui.app import LOADING, ReaderApp
from reader.tui.article_view import ArticleView
from reader.tui.links_screen import LinkListScreen
from tests.support.server import PageServer
from tests.ui.conftest import PROSE
from tests.ui.screen import screen_text, toasts, view_rows, words

REFUSED = {
    "write to the desk": "mailto:desk@example.org",
    "a local file": "file:///etc/passwd",
}
"""Kept by the extractor as links (it drops javascript: hrefs itself; see SCRIPTED below)."""

SCRIPTED = Article(
    url="https://example.org/scripted",
    title="Links a page should not have",
    blocks=(
        Paragraph(
            (
                Run("Click "),
                Run("here", href="javascript:alert(document.cookie)"),
                Run(" or "),
                Run("there", href="data:text/html,<script>alert(1)</script>"),
                Run(" or "),
                Run("home", href="https://example.org/"),
                Run("."),
            )
        ),
    ),
)


def page(title: str, *links: tuple[str, str], paragraphs: int = 6) -> str:
    anchors = " ".join(f'<a href="{href}">{text}</a>,' for text, href in links)
    body = "".join(f"<p>{PROSE} ({n})</p>" for n in range(paragraphs))
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f'<nav><a href="/">Home</a></nav><article><h1>{title}</h1>'
        f"<p>Read on: {anchors} and more.</p>{body}</article></body></html>"
    )


@pytest.fixture
def site(http_server: PageServer) -> PageServer:
    http_server.route(
        "/one.html",
        page(
            "The first article",
            ("the second article", "/two.html"),
            *REFUSED.items(),
            ("a missing page", "/missing.html"),
        ),
    )
    http_server.route("/two.html", page("The second article", ("the first", "/one.html")))
    return http_server


async def open_first(app: ReaderApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert "The first article" in screen_text(app)


def app_for(site: PageServer) -> ReaderApp:
    url = site.url("/one.html")
    return ReaderApp(loader=lambda: load_article(url), save_preferences=False)


async def test_f_numbers_links_in_the_text_and_again_hides_them(article: Article) -> None:
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "annual report explains" in words(screen_text(app))
        await pilot.press("f")
        await pilot.pause()
        assert "annual report[1] explains" in words(screen_text(app))
        await pilot.press("f")
        await pilot.pause()
        assert "[1]" not in screen_text(app)


async def test_link_list_shows_numbers_addresses_and_what_is_not_followed(
    site: PageServer,
) -> None:
    app = app_for(site)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LinkListScreen)
        text = screen_text(app)
        assert "Links (4)" in text
        assert "[1] the second article" in text
        assert site.url("/two.html") in text
        for number, (label, href) in enumerate(REFUSED.items(), 2):
            assert f"[{number}] {label}" in text
            assert f"{href}   (not followed)" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LinkListScreen)


async def test_following_a_link_loads_it_and_history_goes_back_and_forward(
    site: PageServer,
) -> None:
    app = app_for(site)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first(app, pilot)
        view = app.query_one(ArticleView)
        await pilot.press("j", "j", "j")
        await pilot.pause()
        before = view_rows(app)
        await pilot.press("l", "enter")  # [1] the second article
        await pilot.pause()
        assert LOADING in screen_text(app) or "The second article" in screen_text(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "The second article" in screen_text(app)
        assert view.scroll_y == 0
        assert len(site.requests_to("/two.html")) == 1

        await pilot.press("backspace")
        await pilot.pause()
        assert view.article is not None and view.article.title == "The first article"
        assert view_rows(app) == before  # the same place in the first article
        await pilot.press("alt+right")
        await pilot.pause()
        assert "The second article" in screen_text(app)
        assert len(site.requests_to("/two.html")) == 1  # from history, not fetched again
        await pilot.press("alt+left")
        await pilot.pause()
        assert view_rows(app) == before
        await pilot.press("backspace")  # nothing further back: stays
        await pilot.pause()
        assert view_rows(app) == before
        assert len(site.requests_to("/one.html")) == 1


@pytest.mark.parametrize("number", [2, 3])
async def test_non_web_links_are_refused_with_a_message(site: PageServer, number: int) -> None:
    app = app_for(site)
    href = list(REFUSED.values())[number - 2]
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first(app, pilot)
        requests = len(site.log)
        await pilot.press("l", *["down"] * (number - 1), "enter")
        await pilot.pause()
        scheme = href.split(":")[0]
        shown = toasts(app)
        assert f"Not followed: {scheme}: links are shown, never followed." in shown
        assert "The first article" in screen_text(app)
        assert len(site.log) == requests  # nothing was fetched
        assert app.history.back == []


async def test_clicking_a_link_in_the_text_follows_it(site: PageServer) -> None:
    app = app_for(site)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first(app, pilot)
        view = app.query_one(ArticleView)
        region = view.scrollable_content_region
        rows = view_rows(app)
        y = next(i for i, row in enumerate(rows) if "the second article" in row)
        x = rows[y].index("the second article") + 2
        assert await pilot.click(ArticleView, offset=(x + region.x - view.region.x, y))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "The second article" in screen_text(app)
        assert app.history.back and app.history.back[0].article is not None


async def test_a_link_that_fails_shows_why_and_back_returns(site: PageServer) -> None:
    app = app_for(site)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first(app, pilot)
        await pilot.press("l", *["down"] * 3, "enter")  # [4] a missing page
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = words("\n".join(view_rows(app)))
        assert "Could not open the article" in shown and "404" in shown
        await pilot.press("backspace")
        await pilot.pause()
        assert "The first article" in screen_text(app)


async def test_y_copies_the_address_through_the_terminal(site: PageServer) -> None:
    app = app_for(site)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first(app, pilot)
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == site.url("/one.html")
        assert "Address copied" in toasts(app)
        await pilot.press("l", "down", "y")  # in the list: the highlighted link's address
        await pilot.pause()
        assert app.clipboard == REFUSED["write to the desk"]  # shown and copied, not followed


async def test_script_and_data_links_are_never_followed_by_key_or_click() -> None:
    app = ReaderApp(article=SCRIPTED, save_preferences=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        text = screen_text(app)
        assert "javascript:alert(document.cookie)   (not followed)" in text
        assert "data:text/html,<script>alert(1)</script>   (not followed)" in text
        await pilot.press("enter")
        await pilot.pause()
        assert "Not followed: javascript: links are shown, never followed." in toasts(app)
        rows = view_rows(app)
        y = next(i for i, row in enumerate(rows) if "there" in row)
        view = app.query_one(ArticleView)
        x = rows[y].index("there") + view.scrollable_content_region.x - view.region.x
        assert await pilot.click(ArticleView, offset=(x, y))
        await pilot.pause()
        assert "Not followed: data: links" in toasts(app)
        assert app.history.back == [] and app.view.article is SCRIPTED


async def test_y_without_a_web_address_says_so() -> None:
    app = ReaderApp(article=Article(title="Local", blocks=(Paragraph((Run("x"),)),)))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("y", "o")
        await pilot.pause()
        assert "no web address to copy" in toasts(app)
        assert "no web address to open" in toasts(app)
        assert app.clipboard == ""


async def test_o_opens_the_original_in_the_system_browser(
    site: PageServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real webbrowser module, with $BROWSER set to a script that records its argument."""
    record = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {record}\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("BROWSER", f"{script} %s")
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # re-read $BROWSER
    monkeypatch.setattr(webbrowser, "_browsers", {})
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = app_for(site)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first(app, pilot)
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert record.read_text(encoding="utf-8") == site.url("/one.html")
        assert "Opened in your browser" in toasts(app)
        record.unlink()
        await pilot.press("l", "down", "o")  # mailto: is never handed to the browser
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not record.exists()
        assert "Not followed: mailto:" in toasts(app)
    assert os.environ["BROWSER"].endswith("%s")


async def test_link_list_of_an_article_without_links(article: Article) -> None:
    app = ReaderApp(
        article=Article(title="Plain", blocks=(Paragraph((Run("No links here."),)),)),
        save_preferences=False,
    )
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert "This article has no links." in screen_text(app)
        assert not app.screen.query(OptionList)
        await pilot.press("q")  # closes the list, does not quit
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, LinkListScreen)
