"""Headings, the table of contents and reading progress, as a reader uses them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from reader.config import Preferences, load_preferences
from reader.model import Article, Heading, Paragraph, Run
from reader.tui.app import ReaderApp
from reader.tui.article_view import ArticleView, Progress
from reader.tui.contents import ContentsPane
from reader.tui.footer import ReaderFooter
from tests.ui.conftest import PROSE
from tests.ui.screen import screen_text, view_rows, words

SECTIONS = ("Background", "The meetings", "What the members said", "Next steps")


def sectioned(paragraphs: int = 5) -> Article:
    blocks: list[Heading | Paragraph] = []
    for number, title in enumerate(SECTIONS):
        blocks.append(Heading(2 if number % 2 == 0 else 3, (Run(title),)))
        blocks.extend(Paragraph((Run(f"{PROSE} ({title}, {n})"),)) for n in range(paragraphs))
    return Article(title="A district's year in four parts", blocks=tuple(blocks))


def top_row(app: ReaderApp) -> str:
    return view_rows(app)[0].strip()


async def test_heading_keys_jump_between_sections() -> None:
    app = ReaderApp(article=sectioned(), save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        for title in SECTIONS[:3]:
            await pilot.press("right_curly_bracket")
            await pilot.pause()
            assert top_row(app) == title  # the heading is the first row on screen
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert top_row(app) == SECTIONS[1]
        await pilot.press("g")
        await pilot.press("left_curly_bracket")  # nothing before the first: stays, no crash
        await pilot.pause()
        assert view.scroll_y == 0
        await pilot.press("G", "right_curly_bracket")  # at the end: stays at the end
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y


async def test_contents_pane_lists_headings_and_enter_jumps() -> None:
    app = ReaderApp(article=sectioned(), save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(ContentsPane)
        assert not pane.display
        await pilot.press("c")
        await pilot.pause()
        assert pane.display
        text = screen_text(app)
        assert "Contents" in text
        for title in SECTIONS:
            assert title in text
        listing = app.query_one("#contents-list", OptionList)
        assert app.focused is listing
        assert listing.highlighted == 0  # the title: we are at the top
        assert [entry.text for entry in pane.entries] == [
            "A district's year in four parts",
            *SECTIONS,
        ]
        assert [entry.level for entry in pane.entries] == [0, 2, 3, 2, 3]
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert top_row(app) == SECTIONS[2]
        assert app.focused is app.query_one(ArticleView)  # back to reading, pane still open
        assert pane.display
        await pilot.press("c")  # close, then open again: the current section is highlighted
        await pilot.pause()
        assert not pane.display
        await pilot.press("c")
        await pilot.pause()
        assert listing.highlighted == 3
        await pilot.press("escape")
        await pilot.pause()
        assert not pane.display and app.focused is app.query_one(ArticleView)


async def test_contents_and_find_fit_a_tiny_terminal() -> None:
    app = ReaderApp(article=sectioned(), save_preferences=False)
    async with app.run_test(size=(20, 8)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        text = screen_text(app)
        assert all(len(row) <= 20 for row in text.splitlines())
        assert "Conte" in text  # the pane title, perhaps cut, is there
        assert any(row.strip() for row in view_rows(app))  # and the article beside it
        await pilot.press("escape", "slash", *"members")
        await pilot.pause()
        text = screen_text(app)
        assert "Find:" in text and "/" in text.splitlines()[-2]  # the count, e.g. "1/24"
        assert len(text.splitlines()) == 8


async def test_progress_and_time_left_follow_the_reader() -> None:
    article = sectioned(8)
    app = ReaderApp(
        article=article,
        save_preferences=False,
        preferences=Preferences(words_per_minute=100),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = app.query_one(ReaderFooter)
        view = app.query_one(ArticleView)
        progress = view.progress()
        assert progress is not None
        assert progress.words_total == article.word_count
        first = footer.progress
        assert first == progress.label(100)
        assert first.endswith(" min left") and first.split("%")[0].isdigit()
        assert first in screen_text(app).splitlines()[-1]  # in the footer row
        minutes = int(first.split(" · ")[1].split()[0])
        left = article.word_count - progress.words_read
        assert minutes == -(-left // 100)  # ceiling: never "0 min" with words left
        await pilot.press("space", "space")
        await pilot.pause()
        later = footer.progress
        assert int(later.split("%")[0]) > int(first.split("%")[0])
        assert int(later.split(" · ")[1].split()[0]) < minutes
        await pilot.press("G")
        await pilot.pause()
        assert footer.progress == "100% · end"
        assert "100% · end" in screen_text(app)


def test_progress_labels() -> None:
    assert Progress(0, 1000).label(230) == "0% · 5 min left"
    assert Progress(420, 1000).label(230) == "42% · 3 min left"
    assert Progress(999, 1000).label(230) == "99% · 1 min left"
    assert Progress(1000, 1000).label(230) == "100% · end"


async def test_reading_speed_comes_from_the_config_file(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text("words_per_minute = 60\n", encoding="utf-8")
    article = sectioned(8)
    slow = ReaderApp(article=article, preferences=load_preferences())
    fast = ReaderApp(article=article, preferences=Preferences(words_per_minute=600))
    shown = []
    for app in (slow, fast):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            shown.append(words(screen_text(app).splitlines()[-1]))
    slow_minutes = int(shown[0].split(" · ")[1].split()[0])
    fast_minutes = int(shown[1].split(" · ")[1].split()[0])
    assert slow_minutes >= 8 * fast_minutes


async def test_contents_jump_after_a_size_change_lands_on_the_heading() -> None:
    app = ReaderApp(article=sectioned(), save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("c", "plus", "plus")  # the pane stays open while the text re-wraps
        await pilot.pause()
        assert app.query_one(ContentsPane).display
        await pilot.press("end", "enter")  # the last heading
        await pilot.pause()
        assert words(top_row(app)) == SECTIONS[-1].upper()  # capitals, wider word spacing
