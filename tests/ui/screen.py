"""Reading what a Pilot-driven app shows: rows of text and the styles painted for them."""

from __future__ import annotations

import tomllib
from pathlib import Path

from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets._toast import Toast

from reader.contrast import contrast_ratio
from reader.tui.article_view import ArticleView
from reader.tui.toolbar import ToolbarLabel


def screen_strips(app: App[int]) -> list[Strip]:
    """What the screen shows now, row by row, as the compositor paints it (filters applied)."""
    return app.screen._compositor.render_strips()


def screen_text(app: App[int]) -> str:
    return "\n".join(strip.text for strip in screen_strips(app))


def words(text: str) -> str:
    """Text with runs of spaces and line ends collapsed."""
    return " ".join(text.split())


def region_text(app: App[int], widget: Widget) -> str:
    region = widget.content_region
    rows = screen_strips(app)[region.y : region.bottom]
    return words("\n".join(row.crop(region.x, region.right).text for row in rows))


def toasts(app: App[int]) -> str:
    return " | ".join(region_text(app, toast) for toast in app.screen.query(Toast))


def view_rows(app: App[int]) -> list[str]:
    """The rows of the screen where the article view shows text (without its scrollbar)."""
    region = app.query_one(ArticleView).scrollable_content_region
    rows = screen_strips(app)[region.y : region.bottom]
    return [row.crop(region.x, region.right).text for row in rows]


def segments(app: App[int]) -> list[Segment]:
    return [segment for strip in screen_strips(app) for segment in strip]


def styles_of(app: App[int], text: str) -> list[Style]:
    """The style of every painted segment whose text is exactly `text` (stripped)."""
    return [
        segment.style
        for segment in segments(app)
        if segment.text.strip() == text and segment.style is not None
    ]


def style_containing(app: App[int], text: str) -> Style:
    for segment in segments(app):
        if text in segment.text and segment.style is not None:
            return segment.style
    raise AssertionError(f"{text!r} is not on screen")


def painted_ratio(style: Style) -> float:
    assert style.color is not None and style.bgcolor is not None
    return contrast_ratio(style.color.get_truecolor(), style.bgcolor.get_truecolor())


def label(app: App[int], widget_id: str) -> str:
    """The text of a toolbar label (#size-label, #contrast-label, ...) as last rendered."""
    return str(app.query_one(f"#{widget_id}", ToolbarLabel).render())


def saved(path: Path) -> dict[str, object]:
    """The preferences file as TOML data."""
    return tomllib.loads(path.read_text(encoding="utf-8"))
