"""Hostile article text is inert on screen: no escapes, no control or bidi characters, no markup.

Web text reaches the terminal only as segment text (styles are ours), so the test reads every
segment the compositor paints, across the views that show web text: the article, the link
numbers, the contents pane, the link list, find and notifications.
"""

from __future__ import annotations

import re

from textual.app import App

from reader.model import Article, Figure, Heading, Paragraph, Preformatted, Run, Table, TableCell
from reader.tui.app import ReaderApp
from reader.tui.article_view import ArticleView
from reader.tui.links_screen import LinkListScreen
from tests.ui.screen import screen_strips, screen_text, segments, toasts, words

ESC = "\x1b"
CSI_CLEAR = "\x1b[2J\x1b[H"
OSC52 = "\x1b]52;c;cHduZWQ=\x07"  # "pwned" into the clipboard, BEL-terminated
OSC52_ST = "\x1b]52;c;cHduZWQ=\x1b\\"  # the same, ST-terminated
OSC_TITLE = "\x1b]0;owned window\x07"
C1 = "\x9b31m\x9d0;c1 title\x9c\x85"  # 8-bit CSI, OSC, ST, NEL
BIDI = "\u202eevil\u202c \u2066iso\u2069 \u202dx\u202c"
MARKUP = "[bold]loud[/bold] [@click=app.quit]quit[/] [link=https://evil.example]x[/link]"

FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE = Article(
    url="https://example.org/hostile",
    title=f"Title{CSI_CLEAR} {MARKUP}",
    authors=(f"{ESC}[31mMallory",),
    site_name=f"Site{OSC_TITLE}",
    lead=f"Lead {OSC52} and {OSC52_ST} end",
    blocks=(
        Paragraph((Run(f"Body {MARKUP} {C1} {BIDI} done."),)),
        Heading(2, (Run(f"Heading {MARKUP}{OSC52}"),)),
        Paragraph(
            (
                Run("A link: "),
                Run(f"click{ESC}[5m me {MARKUP}", href="https://example.org/[bold]x[/bold]"),
                Run(" and "),
                Run("script", href=f"javascript:{OSC52}alert(1)"),
                Run("."),
            )
        ),
        Figure(None, alt=f"alt{ESC}[8m hidden {MARKUP}", caption=(Run(f"cap{C1}"),)),
        Table(((TableCell((Run(f"cell{OSC52}{MARKUP}"),), True),),)),
        Preformatted(f"code {CSI_CLEAR} {MARKUP}\n\tsecond{C1} line"),
    ),
    source=f"Nguồn: {BIDI}",
)


def assert_inert(app: App[int]) -> None:
    for segment in segments(app):
        assert not FORBIDDEN.search(segment.text), repr(segment.text)
        style = segment.style
        if style is not None:
            assert style.link is None, style  # no OSC 8 hyperlinks from web text
            assert not (style.meta or {}).get("@click"), style


async def test_hostile_text_is_shown_as_text_everywhere() -> None:
    app = ReaderApp(article=HOSTILE, save_preferences=False)
    async with app.run_test(size=(120, 60), notifications=True) as pilot:
        await pilot.pause()
        text = words(screen_text(app))
        assert_inert(app)
        # ESC and the other controls are gone; what followed them is plain, harmless text.
        assert f"Title[2J[H {MARKUP}" in text
        assert f"Body {MARKUP} 31m0;c1 title evil iso x done." in text  # bidi controls gone
        assert "By [31mMallory" in text and "Site]0;owned window" in text
        assert "Lead ]52;c;cHduZWQ= and ]52;c;cHduZWQ=\\ end" in text
        assert f"cell]52;c;cHduZWQ={MARKUP}" in text  # a table cell
        assert "second31m0;c1 title line" in text  # preformatted code
        loud = [s for s in segments(app) if "loud" in s.text and "Body" in s.text]
        assert loud and loud[0].style is not None and not loud[0].style.bold

        await pilot.press("f")  # link numbers
        await pilot.pause()
        assert_inert(app)
        assert f"click[5m me {MARKUP}[1]" in words(screen_text(app))

        await pilot.press("c")  # contents pane: the heading, literally
        await pilot.pause()
        assert_inert(app)
        assert "Heading [bold]loud[/bold]" in screen_text(app)
        await pilot.press("escape")

        await pilot.press("l")  # link list: texts and addresses, literally
        await pilot.pause()
        assert isinstance(app.screen, LinkListScreen)
        assert_inert(app)
        listing = screen_text(app)
        assert "https://example.org/[bold]x[/bold]" in listing
        assert "javascript:]52;c;cHduZWQ=alert(1)   (not followed)" in listing
        await pilot.press("down", "enter")  # refused, and the message is inert too
        await pilot.pause()
        assert_inert(app)
        assert "Not followed: javascript:" in toasts(app)

        await pilot.press("slash", *"[bold]", "enter")  # find the literal markup
        await pilot.pause()
        assert_inert(app)
        count = str(app.query_one("#find-count").render())
        assert count.startswith("1/") and int(count.split("/")[1]) >= 6


async def test_clicking_on_click_markup_does_nothing() -> None:
    app = ReaderApp(article=HOSTILE, save_preferences=False)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        region = view.scrollable_content_region
        for y, strip in enumerate(screen_strips(app)[region.y : region.bottom]):
            row = strip.crop(region.x, region.right).text
            if "[@click=app.quit]" in row and "Body" in row:
                x = row.index("[@click=app.quit]") + 3 + region.x - view.region.x
                assert await pilot.click(ArticleView, offset=(x, y))
                break
        else:
            raise AssertionError("the [@click] text is not on screen")
        await pilot.pause()
        assert app.is_running
        assert app.view.article is HOSTILE
