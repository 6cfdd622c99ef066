"""Reading-view benchmark: open, reflow, repaint and scroll a 100 000-word article; start-up time.

    python bench/tui.py [--words 100000] [--runs 5] [--no-markdown] [--no-tmux] [--json out.json]

All in-process figures use Textual's headless driver (`App.run_test`) at 100x40, the way the
tests drive the app. Each timing stops only when the compositor has rendered the screen and
the expected text is on it, so "painted" means painted, not merely scheduled.

- open: the article handed to an already running ReaderApp → first screen painted. The same
  article as Markdown (reader's own Markdown printer) in Textual's `Markdown` widget, in the
  same process, is the reference; the ratio is Markdown time / reader time.
- size step, contrast step: one key press (`+`, `]`) → the screen repainted with the change.
- page down: one `space` → the next screen painted.
  Articles of more than 200 blocks are laid out progressively (the screen's worth first, the
  rest in the background, yielding to input): "whole article laid out / re-wrapped" is when the
  background layout has finished, i.e. when the scrollbar and the progress figure are exact.
- find: `/` and six letters typed → the hit count painted (the folded search index is built on
  the first keystroke).
- memory: peak resident set size (ru_maxrss) of this process with the article open, measured
  before the Markdown reference runs (the Markdown widget would dominate the peak).
- start-up: `reader --demo` in a detached tmux session (100x40) until the demo's title is in
  the pane, polled every 10 ms; median of --runs. COLUMNS / LINES are removed from the
  environment given to tmux (pytest and some shells set them, and Textual prefers them to the
  terminal's real size).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.model import Article, Block, Heading, ListBlock, ListItem, Paragraph, Quote, Run

SIZE = (100, 40)

_VOCABULARY = (  # noqa: SIM905  (prose is easier to read and edit than a list of words)
    "the committee met on monday to review how its branches had worked over the term and "
    "members spoke plainly about what had gone well and what had not several branches doubled "
    "meetings held in villages people who could not travel still heard the plans records were "
    "kept in order two clerks went to help before the rainy season mountain roads schools "
    "Đảng bộ huyện Bắc Mê luôn chú trọng xây dựng chi bộ vững mạnh cán bộ đảng viên gương mẫu"
).split()


def generated_article(words: int, seed: int = 1) -> Article:
    """A long article of about `words` words: sections, paragraphs, links, quotes and lists."""
    rng = random.Random(seed)
    blocks: list[Block] = []
    count = 0
    section = 0
    while count < words:
        if len(blocks) % 12 == 0:
            section += 1
            blocks.append(Heading(2, (Run(f"Section {section}: what the branches did"),)))
        size = rng.randint(60, 160)
        text = " ".join(rng.choice(_VOCABULARY) for _ in range(size))
        cut = size // 2
        head, tail = text.split(" ", cut)[:cut], text.split(" ", cut)[cut:]
        runs = (
            Run(" ".join(head) + " "),
            Run("the annual report", href=f"https://example.org/report/{len(blocks)}"),
            Run(" " + " ".join(tail) + "."),
        )
        kind = len(blocks) % 17
        if kind == 5:
            blocks.append(Quote((Paragraph(runs),)))
        elif kind == 11:
            blocks.append(ListBlock(tuple(ListItem((Paragraph((r,)),)) for r in runs)))
        else:
            blocks.append(Paragraph(runs))
        count += size + 3
    return Article(
        url="https://example.org/long",
        title="A very long article about district branches",
        authors=("A. Writer",),
        site_name="Benchmark Portal",
        lead="One hundred thousand words, to see how the reading view copes.",
        blocks=tuple(blocks),
    )


def _screen_text(app: object) -> str:
    strips = app.screen._compositor.render_strips()  # type: ignore[attr-defined]
    return "\n".join(strip.text for strip in strips)


async def _key(app: object, key: str, character: str | None) -> None:
    """Deliver a key as the driver does, without Pilot's waits for idleness (which would
    add tens of milliseconds of sleeping to every figure)."""
    from textual import events

    app.post_message(events.Key(key, character))  # type: ignore[attr-defined]
    await asyncio.sleep(0)


async def _laid_out(view: object) -> None:
    """Wait for a long article's background layout to finish."""
    while view.provisional:  # type: ignore[attr-defined]
        await asyncio.sleep(0.001)


async def _until(app: object, check: Callable[[str], bool], what: str) -> None:
    """Wait (yielding to the app) until the rendered screen passes `check`."""
    for _ in range(5000):
        if check(_screen_text(app)):
            return
        await asyncio.sleep(0)
    raise RuntimeError(f"never painted: {what}")


async def bench_reader(article: Article) -> dict[str, float]:
    import textual.constants

    textual.constants.TEXTUAL_ANIMATIONS = "none"
    from reader.config import Preferences
    from reader.tui.app import ReaderApp
    from reader.tui.article_view import ArticleView
    from reader.tui.toolbar import ToolbarLabel

    app = ReaderApp(save_preferences=False, preferences=Preferences(theme="light"))
    results: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        gc.collect()
        start = time.perf_counter()
        view.show_article(article)
        await _until(app, lambda s: article.title in s, "the title")
        results["open_s"] = time.perf_counter() - start
        await _laid_out(view)
        results["open_complete_s"] = time.perf_counter() - start
        await pilot.pause()
        results["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        await pilot.press("space")  # somewhere in the middle of the text, not at the title
        await pilot.pause()
        size_label = app.query_one("#size-label", ToolbarLabel)
        start = time.perf_counter()
        await _key(app, "plus", "+")
        await _until(app, lambda s: "Size 5/7" in s, "the size step")
        results["size_step_s"] = time.perf_counter() - start
        assert "5/7" in str(size_label.render())
        await _laid_out(view)
        results["size_step_complete_s"] = time.perf_counter() - start
        await pilot.pause()

        before = _screen_text(app)
        start = time.perf_counter()
        await _key(app, "right_square_bracket", "]")
        await _until(app, lambda s: s != before, "the contrast step")
        results["contrast_step_s"] = time.perf_counter() - start

        await pilot.pause()
        before_top = view.scroll_y
        before = _screen_text(app)
        start = time.perf_counter()
        await _key(app, "space", " ")
        await _until(app, lambda s: s != before, "the next page")
        results["page_down_s"] = time.perf_counter() - start
        assert view.scroll_y > before_top

        await pilot.pause()
        start = time.perf_counter()
        await _key(app, "slash", "/")
        for key in "branch":
            await _key(app, key, key)
        await _until(app, lambda s: "/" in s.splitlines()[-2] and "Find:" in s, "the hit count")
        results["find_s"] = time.perf_counter() - start
        results["find_hits"] = len(view.hits)
        await pilot.press("q")
    return results


async def bench_markdown(markdown: str, title: str) -> float:
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Markdown

    class MarkdownApp(App[None]):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield Markdown(id="md")

    app = MarkdownApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widget = app.query_one(Markdown)
        gc.collect()
        start = time.perf_counter()
        await widget.update(markdown)
        await _until(app, lambda s: title in s, "the Markdown title")
        elapsed = time.perf_counter() - start
        await pilot.pause()
    return elapsed


def bench_startup(runs: int) -> list[float]:
    """Seconds from starting `reader --demo` in tmux to its title in the pane."""
    if shutil.which("tmux") is None:
        raise RuntimeError("tmux is not installed")
    from reader.load import demo_article

    title = demo_article().title[:30]
    reader = str(Path(sys.executable).with_name("reader"))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.toml"
        for _ in range(runs):
            socket = f"reader-bench-{uuid.uuid4().hex[:8]}"
            command = f"env READER_CONFIG={config} TERM=xterm-256color {reader} --demo"
            start = time.perf_counter()
            subprocess.run(
                ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "main",
                 "-x", str(SIZE[0]), "-y", str(SIZE[1]), "sh", "-c", command],
                check=True, env=env,
            )  # fmt: skip
            try:
                deadline = start + 30
                while time.perf_counter() < deadline:
                    pane = subprocess.run(
                        ["tmux", "-L", socket, "capture-pane", "-p", "-t", "main"],
                        capture_output=True, text=True, check=False,
                    ).stdout  # fmt: skip
                    if title in pane:
                        times.append(time.perf_counter() - start)
                        break
                    time.sleep(0.01)
                else:
                    raise RuntimeError("the demo never appeared")
            finally:
                subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (median)")
    parser.add_argument("--no-markdown", action="store_true", help="skip the Markdown reference")
    parser.add_argument("--no-tmux", action="store_true", help="skip the start-up measurement")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)

    article = generated_article(args.words)
    figures: dict[str, float] = {"words": article.word_count}
    figures.update(asyncio.run(bench_reader(article)))
    if not args.no_markdown:
        from reader.plain import render

        markdown = render(article, "markdown")
        figures["markdown_open_s"] = asyncio.run(bench_markdown(markdown, article.title))
        figures["markdown_ratio"] = figures["markdown_open_s"] / figures["open_s"]
        figures["markdown_ratio_complete"] = figures["markdown_open_s"] / figures["open_complete_s"]
    runs: list[float] = []
    if not args.no_tmux:
        runs = bench_startup(args.runs)
        figures["startup_median_s"] = statistics.median(runs)

    def ms(name: str) -> str:
        return f"{figures[name] * 1000:.0f} ms"

    rows = [
        ("words in the article", f"{figures['words']:,.0f}", ""),
        ("open → first paint", ms("open_s"), "≤ 500 ms"),
        ("  whole article laid out", ms("open_complete_s"), ""),
    ]
    if "markdown_open_s" in figures:
        rows += [
            ("Markdown widget, same article", ms("markdown_open_s"), ""),
            ("Markdown / reader, first paint", f"{figures['markdown_ratio']:.1f}x", "≥ 5x"),
            ("Markdown / reader, whole layout", f"{figures['markdown_ratio_complete']:.1f}x", ""),
        ]
    rows += [
        ("one size step → repainted", ms("size_step_s"), "≤ 100 ms"),
        ("  whole article re-wrapped", ms("size_step_complete_s"), ""),
        ("one contrast step → repainted", ms("contrast_step_s"), "≤ 100 ms"),
        ("one page down → repainted", ms("page_down_s"), "≤ 30 ms"),
        ("peak memory, article open", f"{figures['rss_mb']:.0f} MB", "≤ 250 MB"),
        (f"find: / + 6 letters, {figures['find_hits']:.0f} hits", ms("find_s"), ""),
    ]
    if runs:
        median = f"{figures['startup_median_s']:.2f} s median"
        rows.append(("reader --demo → on screen (tmux)", median, "≤ 1.0 s"))
        rows.append(("  runs", ", ".join(f"{t:.2f}" for t in runs) + " s", ""))
    width = max(len(name) for name, _, _ in rows)
    print(f"reading view, headless {SIZE[0]}x{SIZE[1]}, textual {_textual_version()}")
    for name, value, target in rows:
        print(f"  {name.ljust(width)}  {value:>20}  {target}")
    if args.json:
        data = {**figures, "startup_runs_s": runs}
        args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0


def _textual_version() -> str:
    import textual

    return textual.__version__


if __name__ == "__main__":
    raise SystemExit(main())
