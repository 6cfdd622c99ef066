"""Keys and help, generated from the bindings that are actually active, so it cannot go stale."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Static

HONEST_SIZE_NOTE = (
    "Text size here changes the reading column, the spacing between lines, paragraphs and "
    "words, the weight and the headings; a terminal cannot draw bigger letters inside its "
    "grid. For bigger letters, zoom the terminal itself (often Ctrl and + or Ctrl and =)."
)

MOUSE_NOTE = (
    "Mouse: click A- A A+, − + and Theme in the bar at the top; click a link to follow it; "  # noqa: RUF001
    "scroll with the wheel. Ctrl+P opens the command palette: every action, theme and step."
)

TWO_COLUMNS = 90
"""At or above this many columns, help shows its sections side by side (all on one screen)."""


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One help row: every key that runs an action, and what it does."""

    keys: tuple[str, ...]
    description: str
    section: str


def key_help(
    bindings: Iterable[ActiveBinding],
    key_display: Callable[[Binding], str],
    section_of: Callable[[ActiveBinding], str],
) -> list[KeyHelp]:
    """Group active bindings by (section, action) in the order they are declared."""
    grouped: dict[tuple[str, str], tuple[list[str], str]] = {}
    for active in bindings:
        binding = active.binding
        description = binding.description or binding.action.replace("_", " ")
        key = (section_of(active), binding.action)
        keys, _ = grouped.setdefault(key, ([], description))
        shown = key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return [
        KeyHelp(tuple(keys), description, section)
        for (section, _action), (keys, description) in grouped.items()
    ]


def help_text(rows: list[KeyHelp]) -> str:
    """Plain aligned text: a key column and a description column, by section."""
    width = max((len("  ".join(row.keys)) for row in rows), default=0)
    lines: list[str] = []
    section = None
    for row in rows:
        if row.section != section:
            if lines:
                lines.append("")
            lines.append(row.section)
            section = row.section
        lines.append(f"  {'  '.join(row.keys).ljust(width)}   {row.description}")
    return "\n".join(lines)


def split_sections(rows: list[KeyHelp]) -> tuple[list[KeyHelp], list[KeyHelp]]:
    """Whole sections into two columns of about the same height, in order."""
    sections: list[list[KeyHelp]] = []
    for row in rows:
        if not sections or sections[-1][0].section != row.section:
            sections.append([])
        sections[-1].append(row)
    total = sum(len(section) + 2 for section in sections)
    left: list[KeyHelp] = []
    height = 0
    for section in sections:
        if left and height + (len(section) + 2) / 2 > total / 2:
            break
        left.extend(section)
        height += len(section) + 2
    return left, rows[len(left) :]


class HelpScreen(ModalScreen[None]):
    """A panel over the article; Escape, q, ? or F1 close it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help"),
        Binding("up,k", "scroll('up')", "Scroll up", show=False),
        Binding("down,j", "scroll('down')", "Scroll down", show=False),
    ]

    def __init__(self, rows: list[KeyHelp]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help-panel"):
            yield Static("Keys", markup=False, id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(help_text(self.rows), markup=False, id="help-keys")
                left, right = split_sections(self.rows)
                with Horizontal(id="help-columns"):
                    yield Static(help_text(left), markup=False, classes="help-column")
                    yield Static(help_text(right), markup=False, classes="help-column")
                yield Static(MOUSE_NOTE, markup=False, classes="help-note")
                yield Static(HONEST_SIZE_NOTE, markup=False, classes="help-note")
            yield Static("Esc closes this help", markup=False, id="help-close")

    def on_resize(self, event: Resize) -> None:
        wide = event.size.width >= TWO_COLUMNS
        self.query_one("#help-keys").display = not wide
        self.query_one("#help-columns").display = wide

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "up":
            body.scroll_up(animate=False)
        else:
            body.scroll_down(animate=False)
