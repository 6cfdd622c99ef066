"""Regenerate docs/screenshot.svg: the demo article in the reading view, headless, at 100x30.

.venv/bin/python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.config import Preferences
from reader.load import demo_article
from reader.tui.app import ReaderApp

OUT = Path(__file__).with_name("screenshot.svg")


async def main() -> None:
    app = ReaderApp(article=demo_article(), preferences=Preferences(), save_preferences=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        app.save_screenshot(filename=OUT.name, path=str(OUT.parent))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
