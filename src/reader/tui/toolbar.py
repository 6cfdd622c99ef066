"""The control bar, modelled on a news portal's: A- A A+ for size, - + for contrast, the theme.

Every button runs the same app action as its key, so mouse and keyboard never disagree. The
labels state the current size step and the measured contrast ratio; on narrow windows the bar
drops to short labels, then to the buttons alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click, Resize
from textual.widgets import Static

from reader.themes import size_label

Mode = Literal["wide", "medium", "narrow"]

WIDE = 84
"""At or above this many columns the bar shows full labels."""
MEDIUM = 50
"""At or above this, short labels; below, buttons only."""
MINUS = "\N{MINUS SIGN}"
"""The contrast button's label; a true minus, as wide as the plus beside it."""


@dataclass(frozen=True, slots=True)
class _Labels:
    wide: str
    medium: str
    narrow: str

    def pick(self, mode: Mode) -> str:
        return getattr(self, mode)  # type: ignore[no-any-return]


class ToolbarButton(Static):
    """A clickable toolbar item bound to an app action."""

    def __init__(self, labels: _Labels, *, action: str, tooltip: str, id: str) -> None:
        super().__init__(labels.wide, markup=False, id=id)
        self.labels = labels
        self.action = action
        self.tooltip = tooltip

    async def on_click(self, event: Click) -> None:
        event.stop()
        await self.app.run_action(self.action)

    def show_mode(self, mode: Mode) -> None:
        self.update(self.labels.pick(mode))


class ToolbarLabel(Static):
    """State shown in the bar: the size step or the contrast ratio."""


class Toolbar(Horizontal):
    """`A-  A  A+  Size 4/7 │ -  +  Contrast 13.7:1 AAA │ Theme: dark  ? Help  q Quit`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._size_index = 0
        self._ratio = ""
        self._contrast_name = ""
        self._theme_family = ""
        self._mode: Mode = "wide"

    def compose(self) -> ComposeResult:
        yield ToolbarButton(
            _Labels("A-", "A-", "A-"), action="size_down", tooltip="Smaller text (-)",
            id="size-down",
        )  # fmt: skip
        yield ToolbarButton(
            _Labels("A", "A", "A"), action="size_reset", tooltip="Default text size (0)",
            id="size-reset",
        )  # fmt: skip
        yield ToolbarButton(
            _Labels("A+", "A+", "A+"), action="size_up", tooltip="Larger text (+)",
            id="size-up",
        )  # fmt: skip
        yield ToolbarLabel("", markup=False, id="size-label")
        yield Static("│", markup=False, classes="separator")
        yield ToolbarButton(
            _Labels(MINUS, MINUS, MINUS), action="contrast_down", tooltip="Less contrast ([)",
            id="contrast-down",
        )  # fmt: skip
        yield ToolbarButton(
            _Labels("+", "+", "+"), action="contrast_up", tooltip="More contrast (])",
            id="contrast-up",
        )  # fmt: skip
        yield ToolbarLabel("", markup=False, id="contrast-label")
        yield Static("│", markup=False, classes="separator")
        yield ToolbarButton(
            _Labels("Theme", "Theme", "T"), action="next_theme", tooltip="Next theme (t)",
            id="theme",
        )  # fmt: skip
        yield ToolbarButton(
            _Labels("? Help", "?", "?"), action="help", tooltip="Keys and help (?)", id="help"
        )
        yield ToolbarButton(
            _Labels("q Quit", "q", "q"), action="quit", tooltip="Quit (q)", id="quit"
        )

    def show_state(self, *, size: int, contrast_name: str, ratio: str, theme: str) -> None:
        """Update the labels after a size, contrast or theme change.

        `ratio` is the measured body-text ratio ("7.4:1 AAA"), or words saying why there is
        none ("terminal colours").
        """
        self._size_index = size
        self._ratio = ratio
        self._contrast_name = contrast_name
        self._theme_family = theme
        self._refresh_labels()

    def on_resize(self, event: Resize) -> None:
        width = event.size.width
        mode: Mode = "wide" if width >= WIDE else "medium" if width >= MEDIUM else "narrow"
        if mode != self._mode:
            self._mode = mode
            self.set_class(mode != "wide", "-compact")
            self.set_class(mode == "narrow", "-narrow")
            self._refresh_labels()

    def _refresh_labels(self) -> None:
        if not self.is_mounted:
            return
        mode = self._mode
        size = size_label(self._size_index)
        ratio = self._ratio
        measured = ratio[:1].isdigit()
        self.query_one("#size-label", ToolbarLabel).update(
            size if mode == "wide" else size.removeprefix("Size ")
        )
        self.query_one("#contrast-label", ToolbarLabel).update(
            (f"Contrast {ratio}" if measured else f"Contrast: {ratio}") if mode == "wide" else ratio
        )
        theme = self.query_one("#theme", ToolbarButton)
        theme.labels = _Labels(f"Theme: {self._theme_family}", self._theme_family, "T")
        step = self._contrast_name if measured else ratio
        theme.tooltip = f"Theme: {self._theme_family}, contrast: {step} (t)"
        for button in self.query(ToolbarButton):
            button.show_mode(mode)
