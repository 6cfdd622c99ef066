"""The control bar, modelled on a news portal's: A- A A+ for size, - + for contrast, the theme
and the WCAG spacing preset; while the article's site has its own remembered look, a label
says so in words ("Site: example.org", shorter when narrow; `R` forgets it).

Every button runs the same app action as its key, so mouse and keyboard never disagree. The
labels state the current size step and the measured contrast ratio; on narrow windows the bar
drops to short labels, then to the buttons alone (A- A A+ - + T ? q: 18 cells, so it fits
a 20-column terminal whole; the spacing button is left out there — `w` and the command palette
still toggle it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click, Resize
from textual.widgets import Static

from reader.themes import size_label

Mode = Literal["full", "wide", "medium", "narrow"]
"""Forms of the bar, fullest first: "full" adds words to ? and q (the footer names them too)."""
MODES: tuple[Mode, ...] = ("full", "wide", "medium", "narrow")

MINUS = "\N{MINUS SIGN}"
"""The contrast button's label; a true minus, as wide as the plus beside it."""


@dataclass(frozen=True, slots=True)
class _Labels:
    wide: str
    medium: str
    narrow: str
    full: str = ""
    """The "full" form, when it differs from the wide one."""

    def pick(self, mode: Mode) -> str:
        if mode == "full":
            return self.full or self.wide
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
    """`A-  A  A+  Size 4/7 │ -  +  Contrast 13.7:1 AAA │ Theme: dark  Spacing: normal  ? Help
    q Quit`; shorter labels, then buttons alone, as the width requires (`_pick_mode`)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._size_index = 0
        self._ratio = ""
        self._contrast_name = ""
        self._theme_family = ""
        self._spacing = ""
        self._site: str | None = None
        self._mode: Mode = "full"
        self._width = 0

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
            _Labels("Spacing", "Spacing", "W"), action="toggle_spacing",
            tooltip="WCAG text spacing on or off (w)", id="spacing",
        )  # fmt: skip
        yield ToolbarLabel("", markup=False, id="site-label")
        yield ToolbarButton(
            _Labels("?", "?", "?", full="? Help"),
            action="help",
            tooltip="Keys and help (?)",
            id="help",
        )
        yield ToolbarButton(
            _Labels("q", "q", "q", full="q Quit"), action="quit", tooltip="Quit (q)", id="quit"
        )

    def show_state(
        self,
        *,
        size: int,
        contrast_name: str,
        ratio: str,
        theme: str,
        spacing: str = "normal",
        site: str | None = None,
    ) -> None:
        """Update the labels after a size, contrast or theme change.

        `ratio` is the measured body-text ratio ("7.4:1 AAA"), or words saying why there is
        none ("terminal colours"). `site`: the site whose own remembered look is shown, if any.
        """
        self._site = site
        self._size_index = size
        self._ratio = ratio
        self._contrast_name = contrast_name
        self._theme_family = theme
        self._spacing = spacing
        self._refresh_labels()

    def on_resize(self, event: Resize) -> None:
        self._width = event.size.width
        self._refresh_labels()

    def _texts(self, mode: Mode) -> dict[str, str]:
        """Widget id → the text it shows in `mode` (hidden widgets left out)."""
        size = size_label(self._size_index)
        ratio = self._ratio
        measured = ratio[:1].isdigit()
        wcag = self._spacing == "wcag"
        labels = {
            "size-label": _Labels(size, size.removeprefix("Size "), ""),
            "contrast-label": _Labels(
                f"Contrast {ratio}" if measured else f"Contrast: {ratio}", ratio, ""
            ),
            "theme": _Labels(f"Theme: {self._theme_family}", self._theme_family, "T"),
            "spacing": _Labels(
                "Spacing: WCAG" if wcag else "Spacing: normal",
                "WCAG on" if wcag else "WCAG off",
                "",
            ),
            "site-label": _Labels("Site look", "Site", "", full=f"Site: {self._site}")
            if self._site
            else _Labels("", "", ""),
        }
        texts: dict[str, str] = {}
        for child in self.children:
            if child.id in labels:
                text = labels[child.id].pick(mode)
            elif isinstance(child, ToolbarButton):
                text = child.labels.pick(mode)
            else:
                text = "" if mode == "narrow" else "│"  # a separator
            if text:
                texts[child.id or str(id(child))] = text
        return texts

    def _needed(self, mode: Mode) -> int:
        """Cells the bar takes in `mode`: wide pads each item by a cell either side (separators
        by none); compact forms put one cell after each item."""
        texts = self._texts(mode)
        cells = sum(cell_len(text) for text in texts.values())
        if mode in ("full", "wide"):
            separators = sum(1 for text in texts.values() if text == "│")
            return cells + 2 * (len(texts) - separators)
        return cells + len(texts)

    def _pick_mode(self) -> Mode:
        """The fullest form that fits the bar's width (labels vary: "ansi-light", "terminal
        colours"), so nothing is ever cut off at the right edge."""
        width = self._width or self.app.size.width  # before the first layout: the window's
        for mode in MODES[:-1]:
            if self._needed(mode) <= width:
                return mode
        return "narrow"

    def _refresh_labels(self) -> None:
        if not self.is_mounted:
            return
        mode = self._pick_mode()
        if mode != self._mode:
            self._mode = mode
            self.set_class(mode in ("medium", "narrow"), "-compact")
            self.set_class(mode == "narrow", "-narrow")
        texts = self._texts(mode)
        measured = self._ratio[:1].isdigit()
        self.query_one("#size-label", ToolbarLabel).update(texts.get("size-label", ""))
        self.query_one("#contrast-label", ToolbarLabel).update(texts.get("contrast-label", ""))
        site = self.query_one("#site-label", ToolbarLabel)
        site.update(texts.get("site-label", ""))
        site.display = "site-label" in texts
        site.tooltip = (
            f"{self._site} has its own size, contrast, theme and spacing; changes apply to it "
            "only (R forgets them)"
            if self._site
            else None
        )
        theme = self.query_one("#theme", ToolbarButton)
        theme.labels = _Labels(f"Theme: {self._theme_family}", self._theme_family, "T")
        step = self._contrast_name if measured else self._ratio
        theme.tooltip = f"Theme: {self._theme_family}, contrast: {step} (t)"
        spacing = self.query_one("#spacing", ToolbarButton)
        state = "WCAG" if self._spacing == "wcag" else "normal"
        spacing.labels = _Labels(
            f"Spacing: {state}", "WCAG on" if state == "WCAG" else "WCAG off", "W"
        )
        spacing.tooltip = f"Text spacing: {state}; WCAG 1.4.12 spacing on or off (w)"
        for button in self.query(ToolbarButton):
            button.show_mode(mode)
