"""The link list (`l`): every link of the article with its number, text and address.

Enter follows the highlighted link in the reader, `o` opens it in the system browser, `y`
copies its address. Addresses that are not http(s) (`javascript:`, `mailto:`, `file:`) are
listed as they are, marked "not followed", and never followed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from reader.sanitize import one_line
from reader.tui.links import followable
from reader.typeset import Link


def link_prompt(link: Link) -> Content:
    """Two plain-text lines: "[3] text" and the address (never parsed as markup)."""
    note = "" if followable(link.href) else "   (not followed)"
    return Content(f"[{link.number}] {one_line(link.text)}\n    {one_line(link.href)}{note}")


class LinkListScreen(ModalScreen["Link | None"]):
    """Dismissed with the link to follow, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,l", "dismiss(None)", "Close the link list"),
        Binding("o", "open_in_browser", "Open in the browser"),
        Binding("y", "copy_link", "Copy the address"),
    ]

    @dataclass
    class Request(Message):
        """Open or copy a link's address; the app does it (and says so)."""

        what: Literal["open", "copy"]
        href: str

    def __init__(self, links: tuple[Link, ...]) -> None:
        super().__init__()
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(id="links-panel"):
            count = len(self.links)
            title = f"Links ({count})" if count else "Links"
            yield Static(title, markup=False, id="links-title")
            if self.links:
                yield OptionList(*[link_prompt(link) for link in self.links], id="links-list")
            else:
                yield Static("This article has no links.", markup=False, id="links-empty")
            yield Static(
                "Enter: follow · o: open in the browser · y: copy the address · Esc: close",
                markup=False,
                id="links-help",
            )

    def on_mount(self) -> None:
        for options in self.query(OptionList):
            options.highlighted = 0
            options.focus()

    @property
    def highlighted(self) -> Link | None:
        for options in self.query(OptionList):
            if options.highlighted is not None:
                return self.links[options.highlighted]
        return None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.links[event.option_index])

    def action_open_in_browser(self) -> None:
        if (link := self.highlighted) is not None:
            self.post_message(self.Request("open", link.href))

    def action_copy_link(self) -> None:
        if (link := self.highlighted) is not None:
            self.post_message(self.Request("copy", link.href))
