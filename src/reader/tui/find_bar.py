"""The one-line find bar: `/` opens it, typing highlights every hit, Enter returns to reading.

It only reports what was typed; the app asks the article view for hits and shows the count
("3/17") back here, so the bar stays a dumb input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static


class FindBar(Horizontal):
    """`Find: [words      ] 3/17`, docked above the footer while find is in use."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close find", show=False),
    ]

    @dataclass
    class Changed(Message):
        query: str

    @dataclass
    class Submitted(Message):
        query: str

    class Closed(Message):
        """Escape in the bar: stop finding, clear the highlights."""

    def compose(self) -> ComposeResult:
        yield Static("Find:", markup=False, id="find-label")
        field = Input(placeholder="words to find", id="find-input", compact=True)
        # No blinking: a steady cursor is calmer, and blinking can distract (WCAG 2.2.2).
        field.cursor_blink = False
        yield field
        yield Static("", markup=False, id="find-count")

    @property
    def input(self) -> Input:
        return self.query_one("#find-input", Input)

    @property
    def value(self) -> str:
        return self.input.value

    def open(self) -> None:
        """Show the bar with its last query selected, ready to be typed over."""
        self.display = True
        field = self.input
        field.focus()
        field.select_all()

    def show_count(self, text: str) -> None:
        self.query_one("#find-count", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))

    def action_close(self) -> None:
        self.post_message(self.Closed())
