"""The scrolling reading column: typeset lines painted with the Line API.

`render_line` only looks lines up: the article is typeset once per (width, size step) and each
painted row is cached as a Strip keyed by (line, width). A palette change repaints without
re-wrapping; a width or size change re-wraps and keeps the block that was at the top in view.
Segments are built directly from the spans, so web text is never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Article
from reader.themes import Palette, SizeStep
from reader.typeset import Line, Span, measure, typeset, typeset_notice

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


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Shows an Article (or a message such as "Loading …") in a centred reading column."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", "Line up", show=False),
        Binding("down,j", "scroll_down", "Line down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("ctrl+u", "half_page_up", "Half a page up", show=False),
        Binding("ctrl+d", "half_page_down", "Half a page down", show=False),
        Binding("home,g", "scroll_home", "Top of the article", show=False),
        Binding("end,G", "scroll_end", "End of the article", show=False),
    ]

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
        self._lines: list[Line] = []
        self._layout: tuple[int, SizeStep, int] | None = None
        self._generation = 0
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._styles: dict[tuple[str, bool, bool, bool], Style] = {}

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

    def show_article(self, article: Article) -> None:
        self._set_source(article)

    def show_message(self, text: str) -> None:
        """Replace the article with a message; it is wrapped like body text, never parsed."""
        self._set_source(text)

    def set_step(self, step: SizeStep) -> None:
        if step != self._step:
            self._step = step
            self._reflow(keep_place=True)

    def set_palette(self, palette: Palette) -> None:
        if palette != self._palette:
            self._palette = palette
            self._clear_paint()
            self.refresh()

    def _set_source(self, source: Article | str) -> None:
        self._source = source
        self._generation += 1
        self._reflow(keep_place=False)
        self.scroll_home(animate=False, immediate=True)

    # --- layout --------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """Cells available for text (without padding and the scrollbar gutter)."""
        return self.scrollable_content_region.width

    @property
    def column(self) -> int:
        """The reading column's width in cells at the current size step."""
        return measure(self._step, self.text_width)

    def on_resize(self, event: Resize) -> None:
        self._reflow(keep_place=True)

    def _reflow(self, *, keep_place: bool) -> None:
        width = self.text_width
        if width <= 0:
            return
        key = (width, self._step, self._generation)
        if key == self._layout:
            return
        anchor = self._anchor() if keep_place else None
        if isinstance(self._source, Article):
            self._lines = typeset(self._source, self._step, width)
        else:
            self._lines = typeset_notice(self._source, self._step, width)
        self._layout = key
        self._strips.clear()
        self.virtual_size = Size(width, len(self._lines))
        if anchor is not None:
            self.scroll_to(y=self._find(anchor), animate=False, immediate=True)
        self.refresh()

    def _anchor(self) -> tuple[int, float] | None:
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

    def _find(self, anchor: tuple[int, float]) -> int:
        block, fraction = anchor
        indexes = [i for i, line in enumerate(self._lines) if line.block == block]
        if not indexes:
            return 0
        return indexes[min(len(indexes) - 1, int(fraction * len(indexes)))]

    # --- painting ------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._clear_paint()

    def _clear_paint(self) -> None:
        self._strips.clear()
        self._styles.clear()

    def _style(self, span: Span | None) -> Style:
        key = ("", False, False, False) if span is None else (
            span.role, span.bold, span.italic, span.underline
        )  # fmt: skip
        style = self._styles.get(key)
        if style is None:
            role, bold, italic, underline = key
            colour = getattr(self._palette, ROLE_COLOURS.get(role, "text"))
            style = Style(
                color=RichColor.parse(colour),
                bgcolor=RichColor.parse(self._palette.background),
                bold=bold,
                italic=italic,
                underline=underline,
            )
            self._styles[key] = style
        return style

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        width = self.text_width
        cached = self._strips.get((index, width))
        if cached is None:
            cached = self._paint(index, width)
            self._strips[(index, width)] = cached
        return cached

    def _paint(self, index: int, width: int) -> Strip:
        base = self._style(None)
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        left = max(0, (width - measure(self._step, width)) // 2)
        segments = [Segment(" " * left, base)] if left else []
        segments.extend(Segment(span.text, self._style(span)) for span in line.spans)
        return Strip(segments).adjust_cell_length(width, base)

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
