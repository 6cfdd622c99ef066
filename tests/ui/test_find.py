"""Find in the article: matching (accents, wrapped phrases, decoration) and the `/` `n` `N` keys."""

from __future__ import annotations

from rich.style import Style

from reader.config import Preferences
from reader.model import Article, Heading, Paragraph, Quote, Run
from reader.themes import CONTRAST_LADDER, SIZE_LADDER, THEMES, palette
from reader.tui.app import ReaderApp
from reader.tui.article_view import ArticleView
from reader.tui.find import accent_insensitive, find_hits
from reader.tui.find_bar import FindBar
from reader.typeset import Line, Span, typeset
from tests.ui.conftest import make_article
from tests.ui.screen import painted_ratio, screen_strips, screen_text, toasts, view_rows

# --- matching ------------------------------------------------------------------------------


def line(*spans: tuple[str, str], block: int = 0) -> Line:
    return Line(tuple(Span(text, role) for text, role in spans), block)


def found(lines: list[Line], query: str) -> list[str]:
    """The original text of each hit (lines joined by "|" when a hit runs onto the next)."""
    out = []
    for hit in find_hits(lines, query):
        if hit.line == hit.end_line:
            out.append(lines[hit.line].text[hit.start : hit.end])
        else:
            out.append(
                lines[hit.line].text[hit.start :] + "|" + lines[hit.end_line].text[: hit.end]
            )
    return out


VIETNAMESE = [
    line(("Đảng viên và đảng bộ bản làng", "body")),
    line(("Bạn đọc bán sách, Ban biên tập", "body"), block=1),
]


def test_a_query_without_accents_matches_every_accented_form() -> None:
    assert accent_insensitive("dang vien") and not accent_insensitive("đảng")
    assert found(VIETNAMESE, "dang") == ["Đảng", "đảng"]
    assert found(VIETNAMESE, "ban") == ["bản", "Bạn", "bán", "Ban"]
    assert found(VIETNAMESE, "DANG VIEN") == ["Đảng viên"]


def test_a_query_with_accents_matches_only_those_accents() -> None:
    assert found(VIETNAMESE, "bản") == ["bản"]
    assert found(VIETNAMESE, "BẠN") == ["Bạn"]
    assert found(VIETNAMESE, "đảng bộ") == ["đảng bộ"]


def test_hits_map_back_to_decomposed_text_and_wide_letters() -> None:
    lines = [line(("Vie\u0302\u0323t Nam, Straße, Việt", "body"))]
    assert found(lines, "viet") == ["Vie\u0302\u0323t", "Việt"]  # the marks go with the hit
    assert found(lines, "strasse") == ["Straße"]
    assert found(lines, "nam") == ["Nam"]


def test_a_phrase_wrapped_across_lines_is_one_hit_but_blocks_stay_apart() -> None:
    lines = [
        line(("the committee met on", "body")),
        line(("Monday to review", "body")),
        line(),
        line(("Monday again", "body"), block=1),
    ]
    assert found(lines, "met on monday") == ["met on|Monday"]
    assert found(lines, "review monday") == []


def test_spacing_and_decoration_are_not_text() -> None:
    lines = [
        line(("│ ", "quote-bar"), ("good  branches", "quote")),
        line(("1.", "marker"), (" report", "body"), ("[1]", "link-number"), block=1),
    ]
    assert found(lines, "good branches") == ["good  branches"]  # word spacing at large sizes
    assert found(lines, "│") == [] and found(lines, "[1]") == [] and found(lines, "1.") == []
    assert found(lines, "   ") == [] and found(lines, "") == []


def test_hits_in_a_typeset_article_at_every_size() -> None:
    article = make_article()
    for step in SIZE_LADDER:
        lines = typeset(article, step, 80)
        expected = sum(row.text.lower().count("committee") for row in lines)
        assert len(find_hits(lines, "committee")) == expected > 10


# --- the keys ------------------------------------------------------------------------------


def count_label(app: ReaderApp) -> str:
    return str(app.query_one("#find-count").render())


def hit_styles(app: ReaderApp, colours_bg: str) -> list[tuple[str, Style]]:
    """(text, style) of every painted segment with the given background in the view."""
    view = app.query_one(ArticleView)
    region = view.scrollable_content_region
    out = []
    for strip in screen_strips(app)[region.y : region.bottom]:
        for segment in strip:
            style = segment.style
            if (
                style is not None
                and style.bgcolor is not None
                and style.bgcolor.get_truecolor().hex == colours_bg
                and segment.text.strip()
            ):
                out.append((segment.text, style))
    return out


async def test_slash_types_highlights_counts_and_n_moves(long_article: Article) -> None:
    app = ReaderApp(
        article=long_article,
        save_preferences=False,
        preferences=Preferences(theme="light", contrast=1),
    )
    colours = palette("light", 1)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        bar = app.query_one(FindBar)
        assert not bar.display
        await pilot.press("slash")
        await pilot.pause()
        assert bar.display and app.focused is bar.input
        await pilot.press(*"branch")
        await pilot.pause()
        total = sum(row.text.lower().count("branch") for row in view.lines)
        assert total > 40
        assert count_label(app) == f"1/{total}"
        assert "Find:" in screen_text(app)
        visible = "\n".join(view_rows(app)).lower().count("branch")
        matches = hit_styles(app, colours.match_bg)
        current = hit_styles(app, colours.highlight_bg)
        assert [text.lower() for text, _ in current] == ["branch"]
        assert len(matches) + len(current) == visible  # every hit on screen is highlighted
        for _text, style in matches:
            assert style.bold and painted_ratio(style) >= CONTRAST_LADDER[1].minimum
        assert current[0][1].underline and current[0][1].bold  # not colour alone

        await pilot.press("enter")  # back to reading; the hits stay
        await pilot.pause()
        assert app.focused is view and bar.display
        await pilot.press("n", "n")
        await pilot.pause()
        assert count_label(app) == f"3/{total}"
        await pilot.press("N")
        await pilot.pause()
        assert count_label(app) == f"2/{total}"
        await pilot.press("N", "N")  # wraps to the last hit, far down: it is scrolled into view
        await pilot.pause()
        assert count_label(app) == f"{total}/{total}"
        last = view.hits[-1]
        assert view.scroll_y > 0
        assert view.scroll_y <= last.line < view.scroll_y + view.page_height
        assert [text.lower() for text, _ in hit_styles(app, colours.highlight_bg)] == ["branch"]

        await pilot.press("escape")
        await pilot.pause()
        assert not bar.display and app.focused is view
        assert hit_styles(app, colours.match_bg) == []
        assert hit_styles(app, colours.highlight_bg) == []
        assert "Find:" not in screen_text(app)


async def test_typing_into_find_never_runs_reader_keys(article: Article) -> None:
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", "plus", "q", "right_square_bracket", "t", "n", "slash")
        await pilot.pause()
        assert app.query_one(FindBar).value == "+q]tn/"
        assert app.preferences == Preferences()  # size, contrast and theme untouched
        assert app.is_running
        assert count_label(app) == "no hits"


async def test_accent_insensitive_find_on_screen() -> None:
    article = Article(
        title="Chi bộ vững mạnh",
        blocks=(
            Heading(2, (Run("Đảng bộ huyện Bắc Mê"),)),
            Paragraph((Run("Xây dựng chi bộ vững mạnh là nhiệm vụ của đảng viên."),)),
            Quote((Paragraph((Run("Dang vien phai guong mau."),)),)),
        ),
    )
    app = ReaderApp(article=article, save_preferences=False)
    colours = palette("dark", 1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"dang", "space", *"vien")
        await pilot.pause()
        assert count_label(app) == "1/2"
        shown = [text for text, _ in hit_styles(app, colours.highlight_bg)]
        shown += [text for text, _ in hit_styles(app, colours.match_bg)]
        assert sorted(shown) == ["Dang vien", "đảng viên"]
        await pilot.press("ctrl+a", "ctrl+k", *"đảng")  # start of the line, delete to its end
        await pilot.pause()
        assert count_label(app) == "1/2"  # "Đảng" in the heading, "đảng" in the body
        await pilot.press("ctrl+a", "ctrl+k", *"zzz")
        await pilot.pause()
        assert count_label(app) == "no hits"
        await pilot.press("enter", "n")
        await pilot.pause()
        assert app.is_running and count_label(app) == "no hits"


async def test_n_without_a_query_explains_itself(article: Article) -> None:
    app = ReaderApp(article=article, save_preferences=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert "Press / to find" in toasts(app)


async def test_hits_are_readable_at_every_theme_and_step(article: Article) -> None:
    app = ReaderApp(
        article=article, save_preferences=False, preferences=Preferences(theme="light", contrast=0)
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"branches", "enter")
        for theme in THEMES:
            for index, step in enumerate(CONTRAST_LADDER):
                await pilot.pause()
                assert app.preferences.theme == theme and app.preferences.contrast == index
                colours = palette(theme, index)
                hits = [
                    (text, style)
                    for text, style in view_segments(app)
                    if style.bgcolor is not None
                    and style.bgcolor.get_truecolor().hex != colours.background
                ]
                assert hits, (theme, step.name)
                assert {text.lower() for text, _ in hits} == {"branches"}
                for _text, style in hits:
                    assert style.bold and painted_ratio(style) >= step.minimum - 1e-9
                assert sum(1 for _text, style in hits if style.underline) == 1  # the current
                await pilot.press("right_square_bracket")
            await pilot.press(*["left_square_bracket"] * len(CONTRAST_LADDER), "t")


def view_segments(app: ReaderApp) -> list[tuple[str, Style]]:
    view = app.query_one(ArticleView)
    region = view.scrollable_content_region
    return [
        (segment.text, segment.style)
        for strip in screen_strips(app)[region.y : region.bottom]
        for segment in strip.crop(region.x, region.right)
        if segment.style is not None and segment.text.strip()
    ]
