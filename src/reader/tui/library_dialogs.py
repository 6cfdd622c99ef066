"""Small dialogs of the library screen: confirm a deletion, edit an article's tags.

Deleting asks first and defaults to No (Enter or Escape keep the article): nothing leaves the
library without an explicit "y" or a click on Delete.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from reader.sanitize import one_line


def parse_tag_changes(text: str) -> tuple[list[str], list[str]]:
    """ "+a -b c" -> (["a", "c"], ["b"]): a bare word adds, like "+word"."""
    add: list[str] = []
    remove: list[str] = []
    for word in text.split():
        if word.startswith("-") and len(word) > 1:
            remove.append(word[1:])
        elif word.startswith("+") and len(word) > 1:
            add.append(word[1:])
        elif word not in ("+", "-"):
            add.append(word)
    return add, remove


class ConfirmDelete(ModalScreen[bool]):
    """Delete this article? y deletes; n, Escape or Enter (the default button) keep it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Delete"),
        Binding("n,escape", "answer(False)", "Keep"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = one_line(title) or "(untitled)"

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-panel"):
            yield Static("Delete this article from the library?", id="confirm-question")
            yield Static(self._title, id="confirm-title", markup=False)
            yield Static("Its page, tags and reading position go too.", id="confirm-note")
            with Horizontal(id="confirm-buttons"):
                yield Button("Keep (n)", id="keep")
                yield Button("Delete (y)", id="delete", variant="error")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "delete")

    def action_answer(self, delete: bool) -> None:
        self.dismiss(delete)


class TagPrompt(ModalScreen[str | None]):
    """One line: "+add -remove"; Enter applies, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, tags: tuple[str, ...]) -> None:
        super().__init__()
        self._title = one_line(title) or "(untitled)"
        self._tags = tags

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-panel"):
            yield Static(f"Tags of: {self._title}", id="tag-title", markup=False)
            current = ", ".join(self._tags) if self._tags else "(none)"
            yield Static(f"Now: {one_line(current)}", id="tag-current", markup=False)
            yield Input(placeholder="+add -remove (Enter applies, Escape cancels)", id="tag-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
