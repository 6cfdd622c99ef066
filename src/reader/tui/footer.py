"""The footer: Textual's key hints, plus reading progress at the right ("42% · 3 min left")."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static


class ProgressLabel(Static):
    """How far through the article the bottom of the screen is, and the time left."""


class ReaderFooter(Footer):
    """Footer recomposes when bindings change, so the progress text lives here, not in a child."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, show_command_palette=False)
        self._progress = ""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield ProgressLabel(self._progress, markup=False, id="progress")

    @property
    def progress(self) -> str:
        return self._progress

    def show_progress(self, text: str) -> None:
        if text == self._progress:
            return
        self._progress = text
        for label in self.query(ProgressLabel):
            label.update(text)
            label.display = bool(text)
