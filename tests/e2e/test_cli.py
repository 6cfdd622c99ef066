"""The `reader` command as a user meets it: help, pipes, and one-line errors with exit codes."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

from tests.support.server import PageServer
from tests.support.terminal import READER


def run_reader(
    *args: str, stdin: bytes | None = None, timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("READER_DEBUG", None)
    return subprocess.run(
        [READER, *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def assert_one_line_error(
    result: subprocess.CompletedProcess[str], code: int, *needles: str
) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader: ")
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_help_lists_flags_keys_and_exit_codes() -> None:
    result = run_reader("--help")
    assert result.returncode == 0
    for text in ("--demo", "--format", "--timeout", "larger text", "more contrast", "exit codes"):
        assert text in result.stdout


def test_version() -> None:
    result = run_reader("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("reader-tui ")


def test_python_dash_m_reader_works(tmp_path: Path) -> None:
    python = Path(READER).with_name("python")
    result = subprocess.run(
        [str(python), "-m", "reader", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "reader-tui" in result.stdout


def test_demo_piped_prints_clean_article_text() -> None:
    result = run_reader("--demo")  # stdout is a pipe: text output, no TUI
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out
    first = out.splitlines()[0]
    assert first and len(first) > 10  # the title comes first
    for boilerplate in (
        "Chia sẻ",
        "Tăng tương phản",
        "Giảm tương phản",
        "Thống kê truy cập",
        "Hôm nay :",
    ):
        assert boilerplate not in out


def test_format_json_and_markdown() -> None:
    import json

    data = json.loads(run_reader("--demo", "--format", "json").stdout)
    assert data["title"] and data["blocks"]
    markdown = run_reader("--demo", "-f", "markdown").stdout
    assert markdown.startswith("# ")
    assert data["title"] in markdown.replace("\\", "")


def test_no_source_is_a_usage_error() -> None:
    assert_one_line_error(run_reader(), 2, "no article to open", "reader --demo")


def test_unknown_flag_is_a_usage_error() -> None:
    assert_one_line_error(run_reader("--frobnicate"), 2, "--frobnicate")


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    assert_one_line_error(run_reader(str(missing)), 3, str(missing))


def test_directory_is_not_a_page(tmp_path: Path) -> None:
    assert_one_line_error(run_reader(str(tmp_path)), 3, str(tmp_path))


def test_path_through_a_file_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>x</p>")
    bad = tmp_path / "page.html" / "inner.html"
    assert_one_line_error(run_reader(str(bad)), 3, str(bad))


def test_image_file_is_not_an_article(tmp_path: Path) -> None:
    image = tmp_path / "photo.html"  # the name lies; the bytes are a PNG
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert_one_line_error(run_reader(str(image)), 6, "image")


def test_malformed_url() -> None:
    assert_one_line_error(run_reader("htp:/broken"), 2, "htp:/broken")


def test_unknown_host() -> None:
    assert_one_line_error(
        run_reader("http://no-such-host.invalid/article"), 4, "no-such-host.invalid"
    )


def test_refused_connection() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert_one_line_error(run_reader(f"http://127.0.0.1:{port}/x"), 4, "refused")


def test_page_without_article(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_text(
        '<html><body><nav><a href="/a">Trang chủ</a> <a href="/b">Tin tức</a></nav></body></html>'
    )
    assert_one_line_error(run_reader(str(page)), 6, "no article")


def test_standard_input_is_read_as_a_page() -> None:
    html = (
        "<html><head><title>Từ stdin</title></head><body><article><h1>Từ stdin</h1>"
        + (
            "<p>Đoạn văn đọc từ đầu vào chuẩn, đủ dài để được coi là bài viết thật sự. " * 4
            + "</p>"
        )
        * 3
        + "</article></body></html>"
    )
    result = run_reader("-", stdin=html.encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Từ stdin")
    assert "Đoạn văn đọc từ đầu vào chuẩn" in result.stdout


# --- over HTTP, against a real server on 127.0.0.1 ------------------------------------------------


def test_http_404(http_server: PageServer) -> None:
    url = http_server.route("/gone", "<h1>Not here</h1>", status=404)
    assert_one_line_error(run_reader(url), 5, "404", "does not exist")


def test_http_500(http_server: PageServer) -> None:
    url = http_server.route("/boom", "oops", status=500)
    assert_one_line_error(run_reader(url), 5, "500", "try again later")


def test_pdf_served_as_html(http_server: PageServer) -> None:
    url = http_server.route("/paper", b"%PDF-1.7\n" + bytes(200), content_type="text/html")
    assert_one_line_error(run_reader(url), 6, "PDF")


def test_image_link(http_server: PageServer) -> None:
    url = http_server.route(
        "/photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100), content_type="image/jpeg"
    )
    assert_one_line_error(run_reader(url), 6, "image")


def test_timeout(http_server: PageServer) -> None:
    url = http_server.route("/slow", "<p>late</p>", delay=5)
    assert_one_line_error(run_reader("--timeout", "0.5", url), 4, "0.5 s")


def test_redirected_gzipped_page_prints_as_text(http_server: PageServer) -> None:
    html = (
        "<html lang='vi'><head><title>Tin địa phương - Cổng TTĐT</title></head><body>"
        "<nav><a href='/'>Trang chủ</a> <a href='/tin'>Tin tức</a></nav>"
        "<article><h1>Tin địa phương</h1>"
        + "<p>Người dân trong xã đã cùng nhau sửa lại con đường đất dẫn vào bản, "
        "hoàn thành trước mùa mưa.</p>" * 5 + "</article></body></html>"
    )
    http_server.route("/bai-viet", html, gzip=True)
    old = http_server.redirect("/cu", "/bai-viet")
    result = run_reader(old)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Tin địa phương\n")
    assert "Người dân trong xã" in result.stdout
    assert "Trang chủ" not in result.stdout
    assert http_server.log[-1].headers["user-agent"].startswith("reader-tui/")


def test_config_language_reaches_the_server(http_server: PageServer, isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text('language = "de-DE,de;q=0.8"\n', encoding="utf-8")
    html = "<article><h1>Titel</h1>" + "<p>Ein Absatz mit genug Text für einen Artikel.</p>" * 6
    url = http_server.route("/artikel", html + "</article>")
    result = run_reader(url, "--no-cache")
    assert result.returncode == 0, result.stderr
    assert http_server.log[-1].headers["accept-language"] == "de-DE,de;q=0.8"
