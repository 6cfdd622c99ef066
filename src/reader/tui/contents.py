"""The table of contents: a pane beside the article listing the title and its headings.

Enter (or a click) on a heading scrolls the article there; the pane stays open until `c` or
Escape closes it, so a reader can hop between sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static

from reader.tui.article_view import HeadingEntry


class ContentsPane(Vertical):
    """Headings indented by level; the section now at the top of the screen is highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close contents", show=False),
    ]

    @dataclass
    class Jump(Message):
        index: int
        """Index into the entries (the app looks up the heading's row as laid out now)."""

    class Closed(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[HeadingEntry] = []

    def compose(self) -> ComposeResult:
        yield Static("Contents", markup=False, id="contents-title")
        yield OptionList(id="contents-list")

    @property
    def entries(self) -> list[HeadingEntry]:
        return self._entries

    def show_headings(self, entries: list[HeadingEntry], current: int) -> None:
        self._entries = entries
        options = self.query_one(OptionList)
        options.clear_options()
        # Content(...) is plain text: a heading from the web is never parsed as markup.
        options.add_options(
            [Content("  " * max(0, entry.level - 1) + entry.text) for entry in entries]
        )
        if entries:
            options.highlighted = max(0, min(current, len(entries) - 1))

    def focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Jump(event.option_index))

    def action_close(self) -> None:
        self.post_message(self.Closed())
