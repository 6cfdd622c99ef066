"""The offline library in the TUI: `s` saves, `L` browses; search, open, archive, favourite,
tag and delete; the reading position kept across runs. Real SQLite files in tmp_path, a real
HTTP server where the network matters, assertions on what the screen shows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from reader.library import ArticleState, Library
from reader.load import DEMO_URL, demo_article, load_page
from reader.model import Article
from reader.tui.app import Loaded, ReaderApp
from reader.tui.article_view import ArticleView
from reader.tui.library_dialogs import ConfirmDelete, TagPrompt
from reader.tui.library_screen import LibraryScreen
from reader.tui.library_table import LibraryTable
from tests.support.server import PageServer
from tests.ui.conftest import make_article
from tests.ui.screen import region_text, screen_text, toasts, view_rows, words
from tests.unit.test_images import png

TITLES = (
    "Đảng viên gương mẫu ở bản",
    "Chè Shan tuyết lên đồi",
    "Bridges of the northern river",
)


@pytest.fixture
def library_path(isolated_library: Path) -> Path:
    return isolated_library


@pytest.fixture
def filled(library_path: Path) -> Iterator[dict[str, int]]:
    """Three saved articles; returns their ids by title."""
    ids: dict[str, int] = {}
    with Library.open(library_path) as library:
        for n, title in enumerate(TITLES):
            article = replace(
                make_article(12 + n * 10),
                title=title,
                url=f"https://example.org/news/{n}",
                site_name=f"Site {n}",
            )
            ids[title] = library.save(article, b"<html></html>", article.url).id
    yield ids


async def settle(app: ReaderApp, pilot: object) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def table_titles(app: ReaderApp) -> list[str]:
    table = app.screen.query_one(LibraryTable)
    return [row.title for row in table.rows]


async def test_s_saves_the_page_with_its_pictures_then_updates(
    http_server: PageServer, library_path: Path
) -> None:
    picture = png(8, 8, noise=b"hall")
    http_server.route("/hall.png", picture, content_type="image/png")
    paragraph = "<p>" + "Các đảng viên cùng bà con sửa nhà trước mùa mưa lũ. " * 8 + "</p>"
    html = (
        "<html><head><title>Chi bộ bản Pắc</title></head><body><article><h1>Chi bộ bản Pắc</h1>"
        f'{paragraph * 3}<figure><img src="/hall.png" alt="Hội trường"></figure>{paragraph}'
        "</article></body></html>"
    )
    url = http_server.route("/news.html", html)

    async def loader() -> Loaded:
        return await load_page(url, use_cache=False)

    app = ReaderApp(loader=loader, save_preferences=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        assert "Chi bộ bản Pắc" in words(screen_text(app))
        await pilot.press("s")
        await settle(app, pilot)
        assert "Saved to the library (id 1)." in toasts(app)
        await pilot.press("s")
        await settle(app, pilot)
        assert "Updated in the library (id 1)." in toasts(app)
    with closing(Library.open(library_path)) as library:
        saved = library.get(1)
        assert saved.title == "Chi bộ bản Pắc" and saved.url == url and saved.has_html
        assert library.get_html(1) == html.encode()
        stored = library.image(1, http_server.url("/hall.png"))
        assert stored is not None and stored.data == picture


async def test_s_saves_the_demo_under_its_own_address(library_path: Path) -> None:
    app = ReaderApp(article=demo_article(), save_preferences=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("s")
        await settle(app, pilot)
        assert "Saved to the library (id 1)." in toasts(app)
    with closing(Library.open(library_path)) as library:
        assert library.get(1).url == DEMO_URL


async def test_a_library_that_cannot_be_used_is_a_clear_message(
    article: Article, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database at all" * 50)
    app = ReaderApp(article=article, library=broken, save_preferences=False)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.press("s")
        await settle(app, pilot)
        shown = toasts(app)
        assert "Not saved" in shown and "broken.sqlite3" in shown
        assert app.is_running
    assert broken.read_bytes() == b"not a database at all" * 50


async def test_library_screen_lists_searches_and_opens_offline(
    filled: dict[str, int], library_path: Path
) -> None:
    app = ReaderApp(library=library_path, open_library=True, save_preferences=False)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        text = screen_text(app)
        for title in TITLES:
            assert title in text
        assert "3 of 3 saved" in text
        assert "Title" in text and "Saved" in text and "Tags" in text
        await pilot.press("slash")
        for key in "dang vien":
            await pilot.press("space" if key == " " else key)
        await settle(app, pilot)
        assert table_titles(app) == ["Đảng viên gương mẫu ở bản"]
        text = screen_text(app)
        assert "1 found for “dang vien”" in text
        assert "Chè Shan" not in text
        await pilot.press("down", "enter")  # to the table, open the highlighted hit
        await settle(app, pilot)
        assert not isinstance(app.screen, LibraryScreen)
        assert "Đảng viên gương mẫu ở bản" in words("\n".join(view_rows(app)))


async def test_sort_by_column_keys_and_filter(filled: dict[str, int], library_path: Path) -> None:
    app = ReaderApp(library=library_path, open_library=True, save_preferences=False)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("1")  # by title, A to Z
        await pilot.pause()
        assert table_titles(app) == sorted(TITLES, key=str.casefold)
        assert "Title ▲" in screen_text(app)
        await pilot.press("1")  # again: Z to A
        await pilot.pause()
        assert table_titles(app) == sorted(TITLES, key=str.casefold, reverse=True)
        await pilot.press("4")  # by length, longest first
        await pilot.pause()
        assert table_titles(app)[0] == TITLES[2]
        # archive the first row, then show unread only
        await pilot.press("a")
        await settle(app, pilot)
        assert "archived" in screen_text(app)
        await pilot.press("f")  # unread
        await pilot.pause()
        assert TITLES[2] not in table_titles(app) and len(table_titles(app)) == 2
        assert "showing unread" in screen_text(app)
    with closing(Library.open(library_path)) as library:
        assert library.get(filled[TITLES[2]]).state is ArticleState.ARCHIVED


async def test_favourite_tag_and_delete_only_after_confirmation(
    filled: dict[str, int], library_path: Path
) -> None:
    app = ReaderApp(library=library_path, open_library=True, save_preferences=False)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("1")  # by title: "Bridges …" first
        await pilot.pause()
        first = app.screen.query_one(LibraryTable).current
        assert first is not None and first.title == TITLES[2]
        await pilot.press("asterisk")
        await settle(app, pilot)
        assert "★ unread" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagPrompt)
        for key in ("plus", "r", "i", "v", "e", "r", "space", "plus", "m", "a", "p", "enter"):
            await pilot.press(key)
        await settle(app, pilot)
        assert "map, river" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        assert "Delete this article" in screen_text(app) and TITLES[2] in screen_text(app)
        await pilot.press("enter")  # the default button keeps it
        await settle(app, pilot)
        assert TITLES[2] in table_titles(app)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")
        await settle(app, pilot)
        assert TITLES[2] in table_titles(app)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert TITLES[2] not in table_titles(app)
        assert "2 of 2 saved" in screen_text(app)
    with closing(Library.open(library_path)) as library:
        assert [r.title for r in library.list()] == [TITLES[1], TITLES[0]]
    with closing(sqlite3.connect(library_path)) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


async def test_reading_position_is_restored_when_reopened(
    filled: dict[str, int], library_path: Path
) -> None:
    title = TITLES[2]

    async def open_it(app: ReaderApp, pilot: object) -> None:
        from textual.pilot import Pilot

        assert isinstance(pilot, Pilot)
        await settle(app, pilot)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.view.article is not None and app.view.article.title == title

    app = ReaderApp(library=library_path, open_library=True, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_it(app, pilot)
        for _ in range(5):
            await pilot.press("pagedown")
        await pilot.pause()
        top_block = app.view.reading_place
        assert top_block is not None and top_block[0] > 5
        seen = view_rows(app)[0]
        assert seen.strip()
        await pilot.press("q")
    with closing(Library.open(library_path)) as library:
        assert library.get(filled[title]).position.block == top_block[0]

    again = ReaderApp(library=library_path, open_library=True, save_preferences=False)
    async with again.run_test(size=(100, 30)) as pilot:
        await open_it(again, pilot)
        await pilot.pause()
        assert again.view.reading_place is not None
        assert again.view.reading_place[0] == top_block[0]
        assert view_rows(again)[0] == seen  # the same text at the top of the screen


async def test_L_opens_the_library_from_the_reading_view(
    filled: dict[str, int], article: Article
) -> None:
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.press("L")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert "3 of 3 saved" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LibraryScreen)
        assert article.title in region_text(app, app.query_one(ArticleView))


async def test_a_search_with_many_hits_lists_all_of_them_in_rank_order(
    library_path: Path,
) -> None:
    """The first hits are painted before the rest are read; the table ends up with every hit,
    in the order the library ranks them, and the count is exact."""
    with Library.open(library_path) as library:
        for n in range(55):
            article = replace(
                make_article(8 + n % 5), title=f"River report {n}", url=f"https://e.org/{n}"
            )
            library.save(article, None, article.url)
        ranked = [hit.id for hit in library.search("river", 500)]
    assert len(ranked) == 55
    app = ReaderApp(library=library_path, open_library=True, save_preferences=False)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"river")
        await settle(app, pilot)
        table = app.screen.query_one(LibraryTable)
        assert [row.id for row in table.rows] == ranked
        assert "55 found for “river”" in screen_text(app)
