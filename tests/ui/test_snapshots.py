"""Snapshot SVGs of a few size x contrast x theme combinations, each checked for content too
(a snapshot alone passes on a blank screen when CSS fails to load).

The stored SVGs are in tests/ui/snapshots/; run with UPDATE_SNAPSHOTS=1 to rewrite them after a
deliberate change to the look, and review the new files before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.config import Preferences
from reader.model import Article
from reader.tui.app import ReaderApp
from tests.ui.screen import screen_text, view_rows, words

SNAPSHOTS = Path(__file__).parent / "snapshots"


def matches_snapshot(name: str, svg: str) -> None:
    """Compare with the stored SVG (or store it when UPDATE_SNAPSHOTS=1 or it is missing
    under UPDATE_SNAPSHOTS; a missing file otherwise fails, so CI never passes vacuously)."""
    path = SNAPSHOTS / f"{name}.svg"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    assert path.exists(), f"no stored snapshot {path.name}: run with UPDATE_SNAPSHOTS=1"
    assert svg == path.read_text(encoding="utf-8"), f"{path.name} differs from the screen"


@pytest.mark.parametrize(
    ("name", "preferences", "size"),
    [
        ("default-standard-dark-80x24", Preferences(), (80, 24)),
        ("largest-maximum-light-60x20", Preferences(size=6, contrast=3, theme="light"), (60, 20)),
        ("smallest-soft-sepia-100x24", Preferences(size=0, contrast=0, theme="sepia"), (100, 24)),
        (
            "wcag-high-dark-40x16",
            Preferences(contrast=2, theme="dark", spacing="wcag"),
            (40, 16),
        ),
    ],
)
async def test_snapshot(
    article: Article, name: str, preferences: Preferences, size: tuple[int, int]
) -> None:
    app = ReaderApp(article=article, preferences=preferences, save_preferences=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = words("\n".join(view_rows(app)))
        assert "Example Provincial Portal" in text  # the header is on screen, not a blank page
        assert "District builds" in text or size[0] < 60
        await pilot.press("space")
        await pilot.pause()
        body = words("\n".join(view_rows(app)))
        assert "ground" in body or "district" in body  # and body text
        assert "A+" in screen_text(app)
        matches_snapshot(name, app.export_screenshot(title=name))
