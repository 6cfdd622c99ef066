"""The scrolling reading column: typeset lines painted with the Line API.

`render_line` only looks lines up: the article is typeset once per (width, size step, link
numbers) and each painted row is cached as a Strip keyed by (line, width). A palette change
repaints without re-wrapping; a width or size change re-wraps and keeps the block that was at
the top in view. Segments are built directly from the spans, so web text is never parsed as
markup. Find hits, headings and reading progress are all read off the same typeset lines.

Wide tables and long code lines are typeset whole (`scroll_wide`), wider than the column; the
view shows a column-wide window of each such line, shifted sideways by `<` / `>` (or
Shift+Left / Shift+Right), with ◀ / ▶ in the edge cell where more of the line is hidden. One
shift applies to every wide line (usually one table is on screen), clamped per line, so the
Line API stays a lookup plus a crop.
"""

from __future__ import annotations

import asyncio
import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

from rich.cells import cell_len
from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Article, Heading
from reader.sanitize import one_line
from reader.themes import Palette, SizeStep
from reader.tui.find import FindIndex, Hit, accent_insensitive
from reader.tui.keys import identified
from reader.typeset import Line, Span, Typesetter, measure, typeset_notice

Anchor = tuple[int, float]
"""(block, fraction through it) of the top row: a place that survives re-wrapping."""

ROLE_COLOURS: dict[str, str] = {
    "site": "secondary",
    "title": "heading",
    "lead": "text",
    "byline": "secondary",
    "meta": "secondary",
    "rule": "secondary",
    "body": "text",
    "heading": "heading",
    "link": "link",
    "link-number": "secondary",
    "code": "code",
    "quote": "quote_text",
    "quote-bar": "quote_bar",
    "marker": "secondary",
    "frame": "secondary",
    "caption": "secondary",
    "label": "secondary",
    "muted": "secondary",
    "notice": "text",
}
"""Typeset role → Palette field. Unknown roles are painted as body text."""

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def count_words(text: str) -> int:
    """Words as Article.word_count counts them (each CJK character is a word)."""
    cjk = len(_CJK.findall(text))
    return len(_WORD.findall(_CJK.sub(" ", text) if cjk else text)) + cjk


@dataclass(frozen=True, slots=True)
class HeadingEntry:
    """A heading as laid out: the row it starts on, its level (0 = the title) and its text."""

    line: int
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Progress:
    """How far the reader is: words above the bottom of the screen out of all body words."""

    words_read: int
    words_total: int

    @property
    def percent(self) -> int:
        if not self.words_total:
            return 100
        return math.floor(100 * self.words_read / self.words_total)

    def minutes_left(self, words_per_minute: int) -> int:
        left = self.words_total - self.words_read
        return math.ceil(left / max(1, words_per_minute)) if left > 0 else 0

    def label(self, words_per_minute: int) -> str:
        """ "42% · 3 min left"; "100% · end" once the last words are on screen."""
        if self.words_read >= self.words_total:
            return "100% · end"
        return f"{self.percent}% · {self.minutes_left(words_per_minute)} min left"


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Shows an Article (or a message such as "Loading …") in a centred reading column."""

    BINDINGS: ClassVar[list[BindingType]] = identified([
        Binding("up,k", "scroll_up", "Line up", show=False),
        Binding("down,j", "scroll_down", "Line down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("ctrl+u", "half_page_up", "Half a page up", show=False),
        Binding("ctrl+d", "half_page_down", "Half a page down", show=False),
        Binding("home,g", "scroll_home", "Top of the article", show=False),
        Binding("end,G", "scroll_end", "End of the article", show=False),
        Binding("right_curly_bracket", "next_heading", "Next heading", show=False,
                key_display="}"),
        Binding("left_curly_bracket", "previous_heading", "Previous heading", show=False,
                key_display="{"),
        Binding("greater_than_sign,shift+right", "scroll_wide_right",
                "Scroll tables/code right", show=False, key_display=">"),
        Binding("less_than_sign,shift+left", "scroll_wide_left",
                "Scroll tables/code left", show=False, key_display="<"),
    ])  # fmt: skip

    MORE_LEFT = "◀"
    """Drawn in the first cell of a wide line shifted right: more of it is to the left."""
    MORE_RIGHT = "▶"
    """Drawn in the last cell of a wide line that goes on past the column."""

    progressive_blocks: ClassVar[int] = 200
    """Articles with more blocks than this are laid out progressively: the screen's worth at
    once, the rest in the background (a 100 000-word article re-wraps in about 0.3 s)."""
    chunk_blocks: ClassVar[int] = 40
    """Blocks typeset between two yields to the event loop in the background layout."""

    @dataclass
    class Moved(Message):
        """The view scrolled or was laid out again: progress may have changed."""

        view: ArticleView

    @dataclass
    class LinkClicked(Message):
        """A link in the text was clicked."""

        href: str

    def __init__(
        self,
        *,
        step: SizeStep,
        palette: Palette,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._source: Article | str = ""
        self._step = step
        self._palette = palette
        self._link_numbers = False
        self._lines: list[Line] = []
        self._layout: tuple[int, SizeStep, int, bool] | None = None
        self._provisional = False
        self._generation = 0
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._styles: dict[tuple[str, bool, bool, bool, str], Style] = {}
        # find
        self._query = ""
        self._hits: list[Hit] = []
        self._current = -1
        self._marks: dict[int, list[tuple[int, int, bool]]] = {}
        self._find_indexes: dict[bool, FindIndex] = {}
        # headings and progress, computed on first use after each layout
        self._headings: list[HeadingEntry] | None = None
        self._words_before: list[int] | None = None
        # wide tables and code
        self._shift = 0
        self._widest: int | None = None

    # --- what is shown -------------------------------------------------------------------

    @property
    def lines(self) -> Sequence[Line]:
        """The typeset lines currently laid out (for tests and the plain printer's parity)."""
        return self._lines

    @property
    def article(self) -> Article | None:
        return self._source if isinstance(self._source, Article) else None

    @property
    def step(self) -> SizeStep:
        return self._step

    @property
    def palette(self) -> Palette:
        return self._palette

    @property
    def link_numbers(self) -> bool:
        return self._link_numbers

    @property
    def top_line(self) -> int:
        return round(self.scroll_y)

    @property
    def reading_place(self) -> Anchor | None:
        """Where the reader is, in terms that survive a re-wrap (None: at the top)."""
        return self._anchor()

    @property
    def provisional(self) -> bool:
        """True while a long article's layout is still being completed in the background."""
        return self._provisional

    def show_article(
        self,
        article: Article,
        *,
        anchor: Anchor | None = None,
        step: SizeStep | None = None,
        palette: Palette | None = None,
    ) -> None:
        """Show an article from its top, or from `anchor` (kept from `reading_place`); with
        `step` / `palette`, in that look (a site's own), laid out once, not twice."""
        if step is not None:
            self._step = step
        if palette is not None and palette != self._palette:
            self._palette = palette
            self._clear_paint()
            self.refresh()
        self._set_source(article, anchor)

    def show_message(self, text: str) -> None:
        """Replace the article with a message; it is wrapped like body text, never parsed."""
        self._set_source(text, None)

    def set_step(self, step: SizeStep) -> None:
        if step != self._step:
            self._step = step
            self._reflow(keep_place=True)

    def set_palette(self, palette: Palette) -> None:
        if palette != self._palette:
            self._palette = palette
            self._clear_paint()
            self.refresh()

    def set_link_numbers(self, on: bool) -> None:
        if on != self._link_numbers:
            self._link_numbers = on
            self._reflow(keep_place=True)

    def _set_source(self, source: Article | str, anchor: Anchor | None) -> None:
        self._source = source
        self._shift = 0
        self._generation += 1
        self._query, self._hits, self._current = "", [], -1
        self._marks = {}
        self._reflow(anchor=anchor)

    # --- layout --------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """Cells available for text (without padding and the scrollbar gutter)."""
        return self.scrollable_content_region.width

    @property
    def column(self) -> int:
        """The reading column's width in cells at the current size step."""
        return measure(self._step, self.text_width)

    @property
    def page_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def on_resize(self, event: Resize) -> None:
        self._reflow(keep_place=True)

    def _reflow(self, *, keep_place: bool = False, anchor: Anchor | None = None) -> None:
        """Lay the source out for the current width, step and link numbers, keeping the
        reader's place (`keep_place`) or going to `anchor` (None: the top)."""
        width = self.text_width
        if width <= 0:
            return
        key = (width, self._step, self._generation, self._link_numbers)
        if key == self._layout:
            return
        if keep_place:
            anchor = self._anchor()
        self._layout = key
        source = self._source
        if not isinstance(source, Article):
            self._install(typeset_notice(source, self._step, width), 0)
            return
        setter = Typesetter(
            source, self._step, width, link_numbers=self._link_numbers, scroll_wide=True
        )
        if len(source.blocks) <= self.progressive_blocks:
            lines = [
                *setter.header(),
                *setter.blocks(0, len(source.blocks)),
                *setter.trailer(),
            ]
            self._install(lines, None, anchor)
            return
        first, lines = self._window(source, width, anchor)
        self._install(lines, None, anchor, provisional=True)
        self._complete_layout(key, first)

    def _window(
        self, article: Article, width: int, anchor: Anchor | None
    ) -> tuple[int, list[Line]]:
        """The lines around `anchor`, exactly as the full layout has them: about a screen
        before it and two after (the header and trailer when the window reaches them).
        Returns (first block of the window, or -1 when it starts with the header; lines)."""
        count = len(article.blocks)
        block = -1 if anchor is None else max(-1, min(anchor[0], count))
        page = self.page_height
        start = max(0, block)
        before = 4
        while True:  # widen backwards until a screen's worth of rows precedes the anchor
            first = max(0, start - before)
            setter = Typesetter(
                article,
                self._step,
                width,
                link_numbers=self._link_numbers,
                first_block=first,
                scroll_wide=True,
            )
            lines = setter.blocks(first, start)
            if len(lines) >= page or first == 0:
                break
            before *= 2
        stop = start
        after = 0
        while stop < count and after < 2 * page:
            more = setter.blocks(stop, stop + 8)
            stop = min(count, stop + 8)
            after += len(more)
            lines += more
        if stop >= count:
            lines += setter.trailer()
        if first == 0:
            return -1, [*setter.header(), *lines]
        return first, lines

    @work(exclusive=True, group="layout")
    async def _complete_layout(self, key: tuple[int, SizeStep, int, bool], first: int) -> None:
        """Typeset the whole article in chunks, yielding between them, then swap it in with
        the same rows on screen."""
        article = self._source
        assert isinstance(article, Article)
        width = key[0]
        setter = Typesetter(
            article, self._step, width, link_numbers=self._link_numbers, scroll_wide=True
        )
        lines = setter.header()
        for start in range(0, len(article.blocks), self.chunk_blocks):
            await asyncio.sleep(0)
            if self._layout != key:
                return  # a newer layout took over
            lines += setter.blocks(start, start + self.chunk_blocks)
        lines += setter.trailer()
        if self._layout != key:
            return
        offset = 0 if first < 0 else bisect_left(lines, first, key=lambda line: line.block)
        self._install(lines, offset + round(self.scroll_y), None)

    def _install(
        self,
        lines: list[Line],
        top: int | None,
        anchor: Anchor | None = None,
        *,
        provisional: bool = False,
    ) -> None:
        """Show new lines, scrolled to row `top` or to `anchor` (or the top)."""
        self._lines = lines
        self._provisional = provisional
        self._strips.clear()
        self._find_indexes.clear()
        self._headings = None
        self._words_before = None
        self._widest = None
        self.virtual_size = Size(self.text_width, len(lines))
        if self._query:
            self._rematch()
        if top is None:
            top = self._find(anchor) if anchor is not None else 0
        # force: a view that showed a short message has no scrollbar yet, and Textual ignores
        # a scroll until the next layout gives it one (an article opened at its saved place).
        self.scroll_to(y=top, animate=False, immediate=True, force=True)
        self.refresh()
        self.post_message(self.Moved(self))

    def _anchor(self) -> Anchor | None:
        """(block, fraction through it) of the top visible line."""
        top = round(self.scroll_y)
        if not self._lines or top <= 0 or top >= len(self._lines):
            return None
        block = self._lines[top].block
        first = top
        while first > 0 and self._lines[first - 1].block == block:
            first -= 1
        last = top
        while last + 1 < len(self._lines) and self._lines[last + 1].block == block:
            last += 1
        return block, (top - first) / (last - first + 1)

    def _find(self, anchor: Anchor) -> int:
        block, fraction = anchor
        lines = self._lines
        first = bisect_left(lines, block, key=lambda line: line.block)
        last = bisect_left(lines, block + 1, key=lambda line: line.block)
        if first >= last:
            return min(first, max(0, len(lines) - 1))
        return first + min(last - first - 1, int(fraction * (last - first) + 1e-6))

    # --- painting ------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._clear_paint()

    def _clear_paint(self) -> None:
        self._strips.clear()
        self._styles.clear()

    def _style(self, span: Span | None, hit: str = "") -> Style:
        """The painted style of a span; `hit` is "", "match" or "current" for find hits."""
        key = ("", False, False, False, hit) if span is None else (
            span.role, span.bold, span.italic, span.underline, hit
        )  # fmt: skip
        style = self._styles.get(key)
        if style is None:
            style = self._make_style(*key)
            self._styles[key] = style
        return style

    def _make_style(self, role: str, bold: bool, italic: bool, underline: bool, hit: str) -> Style:
        p = self._palette
        fg = getattr(p, ROLE_COLOURS.get(role, "text"))
        bg = p.background
        reverse = False
        if hit:
            # Hits are bold, the current one underlined too: never colour alone.
            bold = True
            underline = underline or hit == "current"
            if p.terminal:
                reverse = True
            elif hit == "current" and p.highlight_bg != p.background:
                fg, bg = p.highlight_fg, p.highlight_bg
            else:
                fg, bg = p.match_fg, p.match_bg
        return Style(
            color=RichColor.parse(fg),
            bgcolor=RichColor.parse(bg),
            bold=bold,
            italic=italic,
            underline=underline,
            reverse=reverse or None,
        )

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        width = self.text_width
        cached = self._strips.get((index, width))
        if cached is None:
            cached = self._paint(index, width)
            self._strips[(index, width)] = cached
        return cached

    @property
    def _left(self) -> int:
        """Blank cells to the left of the centred column."""
        width = self.text_width
        return max(0, (width - measure(self._step, width)) // 2)

    def _paint(self, index: int, width: int) -> Strip:
        base = self._style(None)
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        left = self._left
        marks = self._marks.get(index)
        if marks is None:
            segments = [Segment(span.text, self._style(span)) for span in line.spans]
        else:
            segments = self._marked(line, marks)
        strip = Strip(segments)
        column = measure(self._step, width)
        if strip.cell_length > column:
            strip = self._window_of(strip, column)
        if left:
            strip = Strip([Segment(" " * left, base), *strip])
        return strip.adjust_cell_length(width, base)

    def _shift_of(self, line_width: int, column: int) -> int:
        """The sideways shift of a line this wide: the view's shift, clamped to the line."""
        return max(0, min(self._shift, line_width - column))

    def _window_of(self, strip: Strip, column: int) -> Strip:
        """A column-wide window of a wide line, ◀ / ▶ in the edge cells where it goes on."""
        total = strip.cell_length
        shift = self._shift_of(total, column)
        window = strip.crop(shift, shift + column)
        marker = self._style(Span("", "frame", bold=True))
        if column < 3:
            return window
        parts = list(window.divide([1, column - 1, column]))
        first, middle, last = (list(part) for part in parts)
        if shift > 0:
            first = [Segment(self.MORE_LEFT, marker)]
        if shift + column < total:
            last = [Segment(self.MORE_RIGHT, marker)]
        return Strip([*first, *middle, *last])

    # --- wide tables and code ------------------------------------------------------------

    @property
    def shift(self) -> int:
        """Cells the wide lines are scrolled sideways by."""
        return self._shift

    def widest_overflow(self) -> int:
        """How far the widest line goes past the column (0: nothing to scroll sideways)."""
        if self._widest is None:
            self._widest = max((line.width for line in self._lines), default=0)
        return max(0, self._widest - self.column)

    def _scroll_wide(self, direction: int) -> None:
        overflow = self.widest_overflow()
        step = max(4, self.column // 2)
        shift = max(0, min(overflow, self._shift + direction * step))
        if shift == self._shift:
            self.app.bell()  # nothing wide here, or already at that edge
            return
        self._shift = shift
        self._strips.clear()
        self.refresh()

    def action_scroll_wide_right(self) -> None:
        self._scroll_wide(1)

    def action_scroll_wide_left(self) -> None:
        self._scroll_wide(-1)

    def _marked(self, line: Line, marks: list[tuple[int, int, bool]]) -> list[Segment]:
        """Segments of a line with find hits cut out and painted as hits."""
        out: list[Segment] = []
        position = 0
        for span in line.spans:
            end = position + len(span.text)
            cuts = {position, end}
            for start, stop, _current in marks:
                cuts.update(c for c in (start, stop) if position < c < end)
            points = sorted(cuts)
            for a, b in pairwise(points):
                kind = ""
                for start, stop, current in marks:
                    if start <= a and b <= stop:
                        kind = "current" if current else "match"
                        break
                out.append(Segment(span.text[a - position : b - position], self._style(span, kind)))
            position = end
        return out

    # --- links ---------------------------------------------------------------------------

    def href_at(self, x: int, y: int) -> str | None:
        """The link under a content-region cell, if any (x, y relative to the visible rows)."""
        index = round(self.scroll_y) + y
        if not 0 <= index < len(self._lines):
            return None
        column = x - self._left
        if column < 0:
            return None
        line = self._lines[index]
        width = self.column
        if line.width > width:
            column += self._shift_of(line.width, width)
        cell = 0
        for span in line.spans:
            cell += Strip([Segment(span.text)]).cell_length
            if column < cell:
                return span.href
        return None

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        href = self.href_at(offset.x, offset.y)
        if href is not None:
            event.stop()
            self.post_message(self.LinkClicked(href))

    # --- find ----------------------------------------------------------------------------

    @property
    def find_query(self) -> str:
        return self._query

    @property
    def hits(self) -> Sequence[Hit]:
        return self._hits

    @property
    def current_hit(self) -> int:
        """Index into `hits` of the hit shown as current, or -1."""
        return self._current

    def find(self, query: str) -> int:
        """Highlight every hit of `query`; the current one is the first from the top of the
        screen down (wrapping), brought into view. Returns the number of hits."""
        self._query = query
        self._rematch(from_line=round(self.scroll_y))
        if self._hits:
            self._reveal(self._hits[self._current])
        return len(self._hits)

    def find_step(self, direction: int) -> bool:
        """Make the next (1) or previous (-1) hit current, wrapping; False if there are none."""
        if not self._hits:
            return False
        self._current = (self._current + direction) % len(self._hits)
        self._mark()
        self._reveal(self._hits[self._current])
        return True

    def clear_find(self) -> None:
        if self._query or self._marks:
            self._query, self._hits, self._current = "", [], -1
            self._mark()

    def _rematch(self, from_line: int | None = None) -> None:
        accents = accent_insensitive(self._query)
        index = self._find_indexes.get(accents)
        if index is None:
            index = self._find_indexes[accents] = FindIndex(self._lines, accents=accents)
        previous = self._current
        self._hits = index.find(self._query)
        if not self._hits:
            self._current = -1
        elif from_line is not None:
            self._current = next(
                (i for i, hit in enumerate(self._hits) if hit.line >= from_line), 0
            )
        else:
            self._current = max(0, min(previous, len(self._hits) - 1))
        self._mark()

    def _mark(self) -> None:
        marks: dict[int, list[tuple[int, int, bool]]] = {}
        for number, hit in enumerate(self._hits):
            for index in range(hit.line, hit.end_line + 1):
                cover = hit.on_line(index, len(self._lines[index].text))
                if cover is not None:
                    marks.setdefault(index, []).append((*cover, number == self._current))
        self._marks = marks
        self._strips.clear()
        self.refresh()

    def _reveal(self, hit: Hit) -> None:
        """Scroll so the hit is on screen (a third of the way down if it was off screen), and
        sideways when it is in the hidden part of a wide table or code line."""
        self._reveal_sideways(hit)
        top = round(self.scroll_y)
        if top <= hit.line and hit.end_line < top + self.page_height:
            return
        self.scroll_to(y=max(0, hit.line - self.page_height // 3), animate=False, immediate=True)

    def _reveal_sideways(self, hit: Hit) -> None:
        line = self._lines[hit.line]
        column = self.column
        if line.width <= column:
            return
        cover = hit.on_line(hit.line, len(line.text))
        if cover is None:
            return
        start = cell_len(line.text[: cover[0]])
        end = cell_len(line.text[: cover[1]])
        shift = self._shift_of(line.width, column)
        if shift < start and end < shift + column - 1:
            return  # in the window, clear of the ◀ ▶ cells
        self._shift = max(0, min(line.width - column, start - column // 3))
        self._strips.clear()
        self.refresh()

    # --- headings ------------------------------------------------------------------------

    def headings(self) -> list[HeadingEntry]:
        """The title and every heading of the article, with the row each starts on."""
        if self._headings is None:
            self._headings = self._collect_headings()
        return self._headings

    def _collect_headings(self) -> list[HeadingEntry]:
        article = self.article
        if article is None:
            return []
        entries = [HeadingEntry(0, 0, one_line(article.title) or "Untitled")]
        blocks = article.blocks
        seen = -1
        for index, line in enumerate(self._lines):
            block = line.block
            if block == seen or not line.spans or not 0 <= block < len(blocks):
                continue
            heading = blocks[block]
            if isinstance(heading, Heading):
                seen = block
                entries.append(HeadingEntry(index, heading.level, one_line(heading.text)))
        return entries

    def go_to_line(self, line: int) -> None:
        self.scroll_to(y=line, animate=False, immediate=True)

    def action_next_heading(self) -> None:
        top = round(self.scroll_y)
        for entry in self.headings():
            if entry.line > top and entry.level:
                if entry.line > self.max_scroll_y and top >= self.max_scroll_y:
                    break  # already showing the end: the heading is on screen
                self.go_to_line(entry.line)
                return
        self.app.bell()

    def action_previous_heading(self) -> None:
        top = round(self.scroll_y)
        for entry in reversed(self.headings()):
            if entry.line < top:
                self.go_to_line(entry.line)
                return
        self.app.bell()

    def current_heading(self) -> int:
        """Index into `headings()` of the section the top of the screen is in."""
        top = round(self.scroll_y)
        current = 0
        for number, entry in enumerate(self.headings()):
            if entry.line <= top:
                current = number
        return current

    # --- progress ------------------------------------------------------------------------

    def progress(self) -> Progress | None:
        """Body words above the bottom of the screen, of all body words (None: no article)."""
        article = self.article
        if article is None or not article.blocks or self._provisional:
            return None
        if self._words_before is None:
            body = len(article.blocks)
            before = [0]
            total = 0
            for line in self._lines:
                if 0 <= line.block < body and line.spans:
                    total += count_words(
                        "".join(s.text for s in line.spans if s.role != "link-number")
                    )
                before.append(total)
            self._words_before = before
        bottom = min(len(self._lines), round(self.scroll_y) + self.page_height)
        return Progress(self._words_before[bottom], self._words_before[-1])

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Moved(self))

    # --- scrolling -----------------------------------------------------------------------

    def action_half_page_down(self) -> None:
        self.scroll_relative(y=max(1, self.scrollable_content_region.height // 2), animate=False)

    def action_half_page_up(self) -> None:
        self.scroll_relative(y=-max(1, self.scrollable_content_region.height // 2), animate=False)

    # Jumps are instant: a reader's view should not slide (reduced motion, and a screen
    # reader or a capture sees the destination, not frames of the way there).

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)
