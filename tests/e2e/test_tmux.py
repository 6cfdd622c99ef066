"""The real program in a real terminal at 100x30: what a person sees and presses."""

from __future__ import annotations

import shlex
import subprocess
import tomllib
from pathlib import Path

from reader.extract import extract
from reader.load import demo_article
from reader.plain import render_text
from reader.themes import DEFAULT_CONTRAST, DEFAULT_SIZE
from tests.support.server import PageServer
from tests.support.terminal import READER, terminal, terminal_command


def env_for(config: Path) -> dict[str, str]:
    return {"READER_CONFIG": str(config), "TERM": "xterm-256color", "COLORTERM": "truecolor"}


def test_demo_opens_resizes_changes_contrast_and_quits(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    title = demo_article().title
    first_words = " ".join(demo_article().text.split()[:3])
    with terminal(["--demo"], tmp_path, env_for(config)) as term:
        term.wait_for_text(title[:30])
        opened = term.settle()
        assert first_words in " ".join(opened.split())

        term.press("+")
        once = term.wait_for_change(opened)
        term.press("+")
        twice = term.wait_for_change(once)
        assert twice != opened

        term.press("]")
        term.wait_for(lambda s: s != twice, what="contrast label change")

        term.press("q")
        assert term.exit_code() == 0
    saved = tomllib.loads(config.read_text(encoding="utf-8"))
    assert saved["size"] == DEFAULT_SIZE + 2
    assert saved["contrast"] == DEFAULT_CONTRAST + 1


PORTAL_BOILERPLATE = (
    "Chia sẻ bài viết",
    "Tăng tương phản",
    "Giảm tương phản",
    "Thống kê truy cập",
    "Hôm nay :",
    "Hôm qua :",
    "Bản quyền",
)


def article_area(screen: str) -> str:
    """The screen without the reader's own toolbar (first row) and footer (last row)."""
    rows = screen.rstrip("\n").split("\n")
    return "\n".join(rows[1:-1])


def test_portal_page_over_http_shows_only_the_article(
    tmp_path: Path, http_server: PageServer
) -> None:
    html = (Path(__file__).parents[1] / "fixtures" / "pages" / "portal-vi.html").read_bytes()
    url = http_server.route("/tin-tuc/bai-viet.html", html, content_type="text/html")
    expected = extract(html, url)
    with terminal([url], tmp_path, env_for(tmp_path / "config.toml")) as term:
        term.wait_for_text(expected.title[:30])
        top = term.settle()
        assert "A-  A  A+" in top.split("\n")[0]  # our toolbar, mirroring the portal's bar
        screens = [article_area(top)]
        term.press("End")
        screens.append(article_area(term.wait_for_change(top)))
        term.press("q")
        assert term.exit_code() == 0
    seen = " ".join(" ".join(screens).split())
    last_words = " ".join(expected.text.split()[-4:])
    assert last_words in seen  # the end of the article was reached and shown
    for text in PORTAL_BOILERPLATE:
        assert text not in seen, text
    assert "A- A A+" not in seen


def test_portal_page_piped_prints_the_same_article(http_server: PageServer) -> None:
    html = (Path(__file__).parents[1] / "fixtures" / "pages" / "portal-vi.html").read_bytes()
    url = http_server.route("/tin-tuc/bai-viet.html", html, content_type="text/html")
    shell = subprocess.run(
        f"{shlex.quote(READER)} {shlex.quote(url)} | cat",
        shell=True,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert shell.returncode == 0, shell.stderr
    expected = extract(html, url)
    assert shell.stdout.startswith(expected.title + "\n")
    assert shell.stdout == render_text(expected)  # the same article, as text
    for text in PORTAL_BOILERPLATE:
        assert text not in shell.stdout, text


def test_page_on_standard_input_opens_in_the_reading_view(tmp_path: Path) -> None:
    page = Path(__file__).parents[1] / "fixtures" / "pages" / "portal-vi.html"
    expected = extract(page.read_bytes())
    script = tmp_path / "pipe.sh"
    # The page arrives through a pipe; the reader then takes keys from the terminal itself.
    script.write_text(f"cat {shlex.quote(str(page))} | {shlex.quote(READER)} -\n")
    with terminal_command(["sh", str(script)], tmp_path, env_for(tmp_path / "c.toml")) as term:
        term.wait_for_text(expected.title[:30])
        before = term.settle()
        term.press("End")
        assert term.wait_for_change(before) != before  # keys reach the app
        term.press("q")
        assert term.exit_code() == 0
