"""The library's table of saved articles, painted row by row with the Line API.

Textual's DataTable measures every cell of every row when rows are added: 10 000 rows take
about 2.5 s before the first paint. This table only paints the rows on screen (`render_line`),
so 10 000 rows cost what 40 do; rows are plain `ArticleSummary` records, sorted in memory.
The header row stays on top; clicking a column's header (or the screen's keys) sorts by it.
Web text (titles, sites, tags) is drawn as plain segments, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.library import ArticleState, ArticleSummary
from reader.sanitize import one_line


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    width: int
    """Cells; 0 for the column that takes the remaining width (the title)."""
    sort_key: Callable[[ArticleSummary], Any]
    """How rows sort by this column (ascending)."""
    first_descending: bool = False
    """Whether the first click sorts high to low (newest, longest first)."""


def state_label(row: ArticleSummary) -> str:
    """The state in words (colour never carries it): "★ unread", "archived"."""
    star = "★ " if row.favourite else ""
    return star + row.state.value


def length_label(words: int) -> str:
    if words >= 10_000:
        return f"{words // 1000}k w"
    return f"{words} w"


def site_label(row: ArticleSummary) -> str:
    return one_line(row.site or row.host or "")


COLUMNS: tuple[Column, ...] = (
    Column("title", "Title", 0, lambda r: (one_line(r.title).casefold(), r.id)),
    Column("site", "Site", 18, lambda r: (site_label(r).casefold(), r.id)),
    Column("saved", "Saved", 10, lambda r: (r.saved_at, r.id), first_descending=True),
    Column("length", "Length", 7, lambda r: (r.word_count, r.id), first_descending=True),
    Column(
        "state",
        "State",
        10,
        lambda r: (not r.favourite, r.state != ArticleState.UNREAD, r.id),
    ),
    Column("tags", "Tags", 16, lambda r: (", ".join(r.tags), r.id)),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)

_DROP_ORDER = ("tags", "site", "length", "state")
"""Columns given up, in this order, when the window is too narrow for them and a title."""
_MIN_TITLE = 24
_GUTTER = 1
"""A cell before the first column for the cursor marker."""


def cell_text(row: ArticleSummary, key: str) -> str:
    match key:
        case "title":
            return one_line(row.title) or "(untitled)"
        case "site":
            return site_label(row)
        case "saved":
            return row.saved_at.astimezone().strftime("%Y-%m-%d")
        case "length":
            return length_label(row.word_count)
        case "state":
            return state_label(row)
        case "tags":
            return one_line(", ".join(row.tags))
    raise KeyError(key)


def sort_rows(
    rows: Sequence[ArticleSummary], column: str, descending: bool
) -> list[ArticleSummary]:
    by = next(c for c in COLUMNS if c.key == column).sort_key
    return sorted(rows, key=by, reverse=descending)


class LibraryTable(ScrollView, can_focus=True, inherit_bindings=False):
    """Saved articles, one per row, with a cursor row; paints only what is visible."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "library-table--header",
        "library-table--cursor",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Previous article", show=False),
        Binding("down,j", "cursor(1)", "Next article", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,g", "ends(0)", "First article", show=False),
        Binding("end,G", "ends(1)", "Last article", show=False),
        Binding("enter", "select", "Open", key_display="⏎"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor is on another row (None: the table is empty)."""

        row: ArticleSummary | None

    @dataclass
    class Selected(Message):
        """Enter (or a double click) on a row: open it."""

        row: ArticleSummary

    @dataclass
    class HeaderClicked(Message):
        column: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[ArticleSummary] = []
        self._cursor = 0
        self.sort_column = "saved"
        self.descending = True
        self.ranked = False
        """Rows are search hits in rank order: no column is sorted."""

    # --- data ----------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[ArticleSummary]:
        return self._rows

    @property
    def cursor(self) -> int:
        return self._cursor

    @property
    def current(self) -> ArticleSummary | None:
        return self._rows[self._cursor] if 0 <= self._cursor < len(self._rows) else None

    def set_rows(self, rows: Sequence[ArticleSummary], *, keep: int | None = None) -> None:
        """Show `rows` in this order; the cursor stays on article `keep` if it is still there."""
        self._rows = list(rows)
        index = 0
        if keep is not None:
            index = next((i for i, r in enumerate(self._rows) if r.id == keep), 0)
        self._cursor = min(index, max(0, len(self._rows) - 1))
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows) + 1)
        self._reveal()
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def replace_row(self, row: ArticleSummary) -> None:
        """Show a changed article in place (same position: no jump under the cursor)."""
        for index, old in enumerate(self._rows):
            if old.id == row.id:
                self._rows[index] = row
                self.refresh()
                if index == self._cursor:
                    self.post_message(self.Highlighted(row))
                return

    def remove_row(self, article_id: int) -> None:
        index = next((i for i, r in enumerate(self._rows) if r.id == article_id), None)
        if index is None:
            return
        del self._rows[index]
        self._cursor = min(self._cursor, max(0, len(self._rows) - 1))
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows) + 1)
        self._reveal()
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    # --- moving --------------------------------------------------------------------------

    @property
    def _body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def move_to(self, index: int) -> None:
        if not self._rows:
            return
        index = max(0, min(len(self._rows) - 1, index))
        if index != self._cursor:
            self._cursor = index
            self.post_message(self.Highlighted(self.current))
        self._reveal()
        self.refresh()

    def _reveal(self) -> None:
        top = round(self.scroll_y)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, immediate=True)
        elif self._cursor >= top + self._body_height:
            self.scroll_to(y=self._cursor - self._body_height + 1, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self.move_to(self._cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self._cursor + direction * self._body_height)

    def action_ends(self, end: int) -> None:
        self.move_to(len(self._rows) - 1 if end else 0)

    def action_select(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Selected(row))

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        event.stop()
        if offset.y == 0:
            column = self.column_at(offset.x)
            if column is not None:
                self.post_message(self.HeaderClicked(column))
            return
        index = round(self.scroll_y) + offset.y - 1
        if 0 <= index < len(self._rows):
            self.move_to(index)
            if event.chain >= 2:
                self.action_select()

    def on_resize(self, event: Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows) + 1)
        self._reveal()

    # --- painting ------------------------------------------------------------------------

    def layout_columns(self) -> list[tuple[Column, int]]:
        """The columns shown at this width and their widths (the title takes the rest)."""
        width = self.scrollable_content_region.width - _GUTTER
        shown = list(COLUMNS)
        for key in _DROP_ORDER:
            fixed = sum(c.width + 1 for c in shown if c.width)
            if width - fixed >= _MIN_TITLE:
                break
            shown = [c for c in shown if c.key != key]
        fixed = sum(c.width + 1 for c in shown if c.width)
        return [(c, c.width or max(1, width - fixed)) for c in shown]

    def column_at(self, x: int) -> str | None:
        left = _GUTTER
        for column, width in self.layout_columns():
            if left <= x < left + width + 1:
                return column.key
            left += width + 1
        return None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._header(
                width, base + self.get_component_rich_style("library-table--header")
            )
        index = round(self.scroll_offset.y) + y - 1
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, base)
        style = base
        if index == self._cursor:
            style = base + self.get_component_rich_style("library-table--cursor")
        row = self._rows[index]
        marker = "▶" if index == self._cursor else " "  # the cursor, seen without colour too
        cells = [
            set_cell_size(cell_text(row, column.key), size)
            for column, size in self.layout_columns()
        ]
        return Strip([Segment(marker + " ".join(cells), style)]).adjust_cell_length(width, style)

    def _header(self, width: int, style: Style) -> Strip:
        cells = []
        for column, size in self.layout_columns():
            title = column.title
            if not self.ranked and column.key == self.sort_column:
                title += " ▼" if self.descending else " ▲"
            cells.append(set_cell_size(title, size))
        text = " " + " ".join(cells)
        if cell_len(text) > width:
            text = set_cell_size(text, width)
        return Strip([Segment(text, style)]).adjust_cell_length(width, style)
