"""The library screen: every saved article in a sortable, filterable table, searched as you type.

All rows are read once (one query, ~60 ms for 10 000 articles) in a worker, then sorted and
filtered in memory; the table paints only the rows on screen (library_table.py). Searching
runs `Library.search` (FTS5, accents and case ignored, ranked) in a worker after a short pause
in typing; a newer keystroke cancels the older search. Every change (archive, favourite, tags,
delete) is written in a thread, then shown. The screen dismisses with the id of the article to
open, or None.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, Static

from reader.errors import ReaderError
from reader.library import ArticleState, ArticleSummary, Library, SearchHit
from reader.sanitize import one_line
from reader.tui.library_dialogs import ConfirmDelete, TagPrompt, parse_tag_changes
from reader.tui.library_table import COLUMN_KEYS, COLUMNS, LibraryTable, sort_rows

FILTERS = ("all", "unread", "archived", "favourite")
FILTER_LABELS = {
    "all": "all articles",
    "unread": "unread",
    "archived": "archived",
    "favourite": "favourites",
}
SEARCH_PAUSE = 0.12
"""Seconds of no typing before a search runs (a search is ~10 ms; this saves wasted ones)."""
SEARCH_LIMIT = 500
FIRST_HITS = 40
"""Hits painted first; the rest of SEARCH_LIMIT follow (each hit's snippet costs ~0.3 ms)."""
FIRST_ROWS = 100
"""Rows read before the first paint; the rest follow in the same worker (10 000: ~70 ms)."""
KEYS_HINT = (
    "⏎ open  / search  a archive  * favourite  t tags  d delete  f filter  1-6 sort  Esc back"
)


def passes(row: ArticleSummary, which: str) -> bool:
    if which == "unread":
        return row.state == ArticleState.UNREAD
    if which == "archived":
        return row.state == ArticleState.ARCHIVED
    if which == "favourite":
        return row.favourite
    return True


def snippet_text(hit: SearchHit) -> Text:
    """The hit's passage with the matched words bold and underlined (visible without colour)."""
    text = Text(one_line(hit.snippet), no_wrap=True, overflow="ellipsis")
    if len(text.plain) == len(hit.snippet):  # spans index the original text
        for start, end in hit.snippet_spans:
            text.stylize("bold underline", start, end)
    return text


class LibraryScreen(Screen[int | None]):
    """Saved articles. Enter opens one (no network); Escape goes back to reading."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", key_display="Esc"),
        Binding("q", "back", "Back", show=False),
        Binding("slash", "focus_search", "Search", key_display="/"),
        Binding("down", "to_table", "To the table", show=False),
        Binding("a", "archive", "Archive / unarchive"),
        Binding("asterisk", "favourite", "Favourite", key_display="*"),
        Binding("t", "tag", "Tags"),
        Binding("d,delete", "delete", "Delete"),
        Binding("f", "next_filter", "Filter"),
        *(
            Binding(str(n), f"sort('{key}')", f"Sort by {column.title.lower()}", show=False)
            for n, (key, column) in enumerate(zip(COLUMN_KEYS, COLUMNS, strict=True), start=1)
        ),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self._all: dict[int, ArticleSummary] = {}
        self._hits: dict[int, SearchHit] | None = None
        """The current search's hits by id (None: not searching)."""
        self._hit_order: list[int] = []
        self._hits_complete = True
        """False while only the first FIRST_HITS hits of a search are on screen."""
        self._filter = "all"
        self._query = ""
        self._loaded = False

    def compose(self) -> ComposeResult:
        yield Static("Library", id="library-title")
        yield Input(placeholder='Search: words, "a phrase", prefix*, -word', id="library-search")
        yield Static("Loading the library …", id="library-status", markup=False)
        yield LibraryTable(id="library-table")
        yield Static("", id="library-preview", markup=False)
        yield Static(KEYS_HINT, id="library-keys", markup=False)

    @property
    def table(self) -> LibraryTable:
        return self.query_one(LibraryTable)

    def on_mount(self) -> None:
        self.table.focus()
        self._load()

    # --- loading and showing -------------------------------------------------------------

    @work(exclusive=True, group="library-load")
    async def _load(self) -> None:
        """A screenful of the newest first (painted at once), then every row."""
        try:
            first = await asyncio.to_thread(self.library.list, limit=FIRST_ROWS)
            if len(first) == FIRST_ROWS:
                self._all = {row.id: row for row in first}
                self._show()
                first = await asyncio.to_thread(self.library.list)
        except ReaderError as error:
            self._status(f"The library could not be read: {error}")
            return
        self._all = {row.id: row for row in first}
        self._loaded = True
        self._show()

    def _status(self, text: str) -> None:
        self.query_one("#library-status", Static).update(Text(text, no_wrap=True))

    def _show(self, keep: int | None = None) -> None:
        """Fill the table from memory: the search's hits in rank order, or every article in
        the chosen order; either through the state filter."""
        table = self.table
        if keep is None and table.current is not None:
            keep = table.current.id
        if self._hits is not None:
            rows = [self._all[i] for i in self._hit_order if i in self._all]
            rows = [r for r in rows if passes(r, self._filter)]
            table.ranked = True
            found = f"{len(rows)}" if self._hits_complete else f"{len(rows)}+"
            summary = f"{found} found for “{one_line(self._query)}”, best first"
        else:
            rows = [r for r in self._all.values() if passes(r, self._filter)]
            rows = sort_rows(rows, table.sort_column, table.descending)
            table.ranked = False
            column = next(c for c in COLUMNS if c.key == table.sort_column)
            order = "descending" if table.descending else "ascending"
            summary = f"{len(rows)} of {len(self._all)} saved · by {column.title.lower()}, {order}"
        table.set_rows(rows, keep=keep)
        more = "" if self._loaded else " · reading the rest …"
        self._status(f"{summary} · showing {FILTER_LABELS[self._filter]}{more}")
        if not self._all and self._loaded:
            self._status("The library is empty: press s while reading to save an article.")

    def on_library_table_highlighted(self, event: LibraryTable.Highlighted) -> None:
        preview = self.query_one("#library-preview", Static)
        row = event.row
        if row is None:
            preview.update("")
            return
        hit = self._hits.get(row.id) if self._hits is not None else None
        if hit is not None:
            preview.update(snippet_text(hit))
            return
        by = f" · {one_line(', '.join(row.authors))}" if row.authors else ""
        preview.update(Text(f"{one_line(row.page_url)}{by}", no_wrap=True, overflow="ellipsis"))

    def on_library_table_selected(self, event: LibraryTable.Selected) -> None:
        self.dismiss(event.row.id)

    def on_library_table_header_clicked(self, event: LibraryTable.HeaderClicked) -> None:
        self.action_sort(event.column)

    # --- search --------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "library-search":
            return
        self._query = event.value
        self._search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "library-search":
            self.table.focus()

    @work(exclusive=True, group="library-search")
    async def _search(self, query: str) -> None:
        if not query.strip():
            self._hits = None
            self._show()
            return
        await asyncio.sleep(SEARCH_PAUSE)
        try:
            hits = await asyncio.to_thread(self.library.search, query, FIRST_HITS)
            self._hits_complete = len(hits) < FIRST_HITS
            self._set_hits(hits)
            self._show(keep=self._hit_order[0] if self._hit_order else None)
            if not self._hits_complete:
                more = await asyncio.to_thread(
                    self.library.search, query, SEARCH_LIMIT - FIRST_HITS, offset=FIRST_HITS
                )
                self._hits_complete = True
                self._set_hits([*hits, *more])
                self._show()
        except ReaderError as error:
            self._status(f"Search: {error}")

    def _set_hits(self, hits: list[SearchHit]) -> None:
        self._hits = {hit.id: hit for hit in hits}
        self._hit_order = [hit.id for hit in hits]

    def action_focus_search(self) -> None:
        self.query_one("#library-search", Input).focus()

    def action_to_table(self) -> None:
        self.table.focus()

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.table.focus()
            return
        self.dismiss(None)

    # --- sorting and filtering -----------------------------------------------------------

    def action_sort(self, column: str) -> None:
        table = self.table
        chosen = next(c for c in COLUMNS if c.key == column)
        if self._hits is not None:  # a click on a header leaves the ranked search
            self.query_one("#library-search", Input).value = ""
            self._hits = None
        elif table.sort_column == column:
            table.descending = not table.descending
            self._show()
            return
        table.sort_column = column
        table.descending = chosen.first_descending
        self._show()

    def action_next_filter(self) -> None:
        self._filter = FILTERS[(FILTERS.index(self._filter) + 1) % len(FILTERS)]
        self._show()

    # --- changing articles ---------------------------------------------------------------

    def _changed(self, row: ArticleSummary) -> None:
        self._all[row.id] = row
        if passes(row, self._filter):
            self.table.replace_row(row)
        else:
            self.table.remove_row(row.id)
            self._show()

    def action_archive(self) -> None:
        row = self.table.current
        if row is not None:
            archived = row.state == ArticleState.ARCHIVED
            self._set_state(row, ArticleState.UNREAD if archived else ArticleState.ARCHIVED)

    @work(group="library-change")
    async def _set_state(self, row: ArticleSummary, state: ArticleState) -> None:
        try:
            await asyncio.to_thread(self.library.set_state, row.id, state)
        except ReaderError as error:
            self._error(error)
            return
        self._changed(replace(row, state=state))
        word = "Archived" if state == ArticleState.ARCHIVED else "Back to unread"
        self.notify(f"{word}: {one_line(row.title)}", title="Library", markup=False)

    def action_favourite(self) -> None:
        row = self.table.current
        if row is not None:
            self._set_favourite(row, not row.favourite)

    @work(group="library-change")
    async def _set_favourite(self, row: ArticleSummary, favourite: bool) -> None:
        try:
            await asyncio.to_thread(self.library.set_favourite, row.id, favourite)
        except ReaderError as error:
            self._error(error)
            return
        self._changed(replace(row, favourite=favourite))

    def action_tag(self) -> None:
        row = self.table.current
        if row is None:
            return

        def chosen(text: str | None) -> None:
            if text is not None and text.strip():
                self._retag(row, *parse_tag_changes(text))

        self.app.push_screen(TagPrompt(row.title, row.tags), chosen)

    @work(group="library-change")
    async def _retag(self, row: ArticleSummary, add: list[str], remove: list[str]) -> None:
        try:
            tags = await asyncio.to_thread(self.library.tag, row.id, add, remove)
        except ReaderError as error:
            self._error(error)
            return
        self._changed(replace(row, tags=tags))

    def action_delete(self) -> None:
        row = self.table.current
        if row is None:
            return

        def answered(delete: bool | None) -> None:
            if delete:
                self._delete(row)

        self.app.push_screen(ConfirmDelete(row.title), answered)

    @work(group="library-change")
    async def _delete(self, row: ArticleSummary) -> None:
        try:
            await asyncio.to_thread(self.library.delete, row.id)
        except ReaderError as error:
            self._error(error)
            return
        self._all.pop(row.id, None)
        if self._hits is not None:
            self._hits.pop(row.id, None)
        self.table.remove_row(row.id)
        self._show()
        self.notify(f"Deleted: {one_line(row.title)}", title="Library", markup=False)

    def _error(self, error: ReaderError) -> None:
        self.notify(str(error), title="Library", severity="error", markup=False)
