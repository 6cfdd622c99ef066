"""Fetching against a real HTTP server on 127.0.0.1, real files and a real byte stream for stdin.

Every failure must arrive as a `ReaderError` subclass with a message that names the problem.
"""

from __future__ import annotations

import gzip
import io
import os
import socket
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import reader
from reader.errors import (
    ConnectionRefused,
    FetchTimeout,
    HostNotFound,
    HTTPStatusError,
    NetworkError,
    NotAnArticle,
    ReaderError,
    RedirectLoop,
    SourceError,
    TLSFailure,
    TooLarge,
    UsageError,
)
from reader.fetch import (
    ACCEPT,
    MAX_REDIRECTS,
    USER_AGENT,
    Page,
    Source,
    accept_language,
    classify_source,
    fetch,
    fetch_page,
    resolve_source,
)
from tests.support.server import PageServer, encode_windows_1258, trusting_client_context
from tests.unit.test_decode import CHINESE, RUSSIAN  # the same sample pages, served

VIETNAMESE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    "<title>Sinh hoạt chi bộ</title></head><body><p>Chi bộ thôn Nà Pắc tổ chức sinh hoạt "
    "chuyên đề. Đảng viên tham gia đầy đủ, thảo luận sôi nổi về phát triển kinh tế.</p>"
)
ARTICLE = "<html><head><title>Tin</title></head><body><p>Một bài viết ngắn.</p></body></html>"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"0" * 200
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100)


def free_port() -> int:
    """A port nothing listens on: bound once, then closed."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- decoding over HTTP ----------------------------------------------------------------------


async def test_charset_only_in_header(http_server: PageServer) -> None:
    url = http_server.route(
        "/ru", RUSSIAN.encode("cp1251"), content_type="text/html; charset=windows-1251"
    )
    page = await fetch_page(url)
    assert page.text == RUSSIAN
    assert page.encoding == "windows-1251"
    assert page.content_type == "text/html"
    assert page.url == url


async def test_charset_only_in_meta(http_server: PageServer) -> None:
    html = RUSSIAN.replace("<head>", '<head><meta charset="koi8-r">')
    url = http_server.route("/ru", html.encode("koi8-r"), content_type="text/html")
    page = await fetch_page(url)
    assert (page.text, page.encoding) == (html, "koi8-r")


async def test_header_wins_over_disagreeing_meta_when_it_decodes(http_server: PageServer) -> None:
    html = RUSSIAN.replace("<head>", '<head><meta charset="koi8-r">')
    url = http_server.route(
        "/ru", html.encode("cp1251"), content_type="text/html; charset=windows-1251"
    )
    page = await fetch_page(url)
    assert page.encoding == "windows-1251"
    assert "строительство новой школы" in page.text


async def test_lying_header_gives_way_to_meta(http_server: PageServer) -> None:
    html = RUSSIAN.replace("<head>", '<head><meta charset="windows-1251">')
    url = http_server.route("/ru", html.encode("cp1251"), content_type="text/html; charset=utf-8")
    page = await fetch_page(url)
    assert page.encoding == "windows-1251"
    assert "Жители района" in page.text


@pytest.mark.parametrize(
    ("html", "codec", "needle"),
    [(RUSSIAN, "cp1251", "Председатель совета"), (CHINESE, "gb18030", "明年春天开始")],
)
async def test_no_declaration_is_detected(
    http_server: PageServer, html: str, codec: str, needle: str
) -> None:
    url = http_server.route("/page", html.encode(codec), content_type="text/html")
    page = await fetch_page(url)
    assert needle in page.text
    assert page.encoding.replace("_", "").replace("-", "") == codec


async def test_byte_order_mark_wins(http_server: PageServer) -> None:
    body = b"\xff\xfe" + ARTICLE.encode("utf-16-le")
    url = http_server.route("/bom", body, content_type="text/html; charset=iso-8859-1")
    page = await fetch_page(url)
    assert (page.text, page.encoding, page.content_type) == (ARTICLE, "utf-16-le", "text/html")


async def test_windows_1258_page_becomes_composed_nfc(http_server: PageServer) -> None:
    url = http_server.route("/vi", encode_windows_1258(VIETNAMESE), content_type="text/html")
    page = await fetch_page(url)
    assert page.encoding == "windows-1258"
    assert unicodedata.is_normalized("NFC", page.text)
    assert "Đảng viên" in page.text
    assert "thảo luận sôi nổi" in page.text
    assert page.data == encode_windows_1258(VIETNAMESE)  # raw bytes kept as received


async def test_gzip_body_is_decompressed(http_server: PageServer) -> None:
    url = http_server.route("/gz", ARTICLE, gzip=True)
    page = await fetch_page(url)
    assert page.text == ARTICLE
    assert page.data == ARTICLE.encode()
    assert page.headers["content-encoding"] == "gzip"
    assert "gzip" in http_server.log[-1].headers["accept-encoding"]


async def test_plain_text_passes_with_newlines_normalised(http_server: PageServer) -> None:
    url = http_server.route("/a.txt", "Dòng một\r\nDòng hai\rDòng ba\n", content_type="text/plain")
    page = await fetch_page(url)
    assert page.content_type == "text/plain"
    assert page.text == "Dòng một\nDòng hai\nDòng ba\n"


async def test_xhtml_passes_and_says_so(http_server: PageServer) -> None:
    xhtml = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><p>Chào</p></html>'
    url = http_server.route("/x", xhtml, content_type="application/xhtml+xml")
    page = await fetch_page(url)
    assert (page.content_type, page.text) == ("application/xhtml+xml", xhtml)


async def test_html_without_or_with_a_generic_type_is_sniffed(http_server: PageServer) -> None:
    bare = http_server.route("/bare", ARTICLE, content_type=None)
    binary = http_server.route("/bin", ARTICLE, content_type="application/octet-stream")
    assert (await fetch_page(bare)).content_type == "text/html"
    assert (await fetch_page(binary)).content_type == "text/html"


async def test_headers_are_lower_case_and_read_only(http_server: PageServer) -> None:
    url = http_server.route("/h", ARTICLE, headers={"X-Powered-By": "Portal"})
    page = await fetch_page(url)
    assert page.headers["x-powered-by"] == "Portal"
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    with pytest.raises(TypeError):
        page.headers["x-powered-by"] = "other"  # type: ignore[index]


# --- request headers -------------------------------------------------------------------------


async def test_request_names_the_product_and_the_readers_language(
    http_server: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    await fetch_page(http_server.route("/a", ARTICLE))
    method, path, headers = http_server.log[-1]
    assert (method, path) == ("GET", "/a")
    assert headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith(f"reader-tui/{reader.__version__} ")
    assert headers["accept"] == ACCEPT
    assert headers["accept-language"] == "vi-VN,vi;q=0.9,en;q=0.5"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "vi_VN.UTF-8"}, "vi-VN,vi;q=0.9,en;q=0.5"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, "en-GB,en;q=0.9"),
        ({"LC_ALL": "", "LANG": "fr_FR@euro"}, "fr-FR,fr;q=0.9,en;q=0.5"),
        ({"LANG": "de"}, "de,en;q=0.5"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({}, "en"),
    ],
)
def test_accept_language_from_locale(environ: dict[str, str], expected: str) -> None:
    assert accept_language(environ) == expected


# --- redirects -------------------------------------------------------------------------------


async def test_redirects_are_followed_and_the_final_url_kept(http_server: PageServer) -> None:
    final = http_server.route("/article/42", ARTICLE)
    start = http_server.redirect("/old", "/short", status=301)  # relative Location
    http_server.redirect("/short", final)  # absolute Location
    page = await fetch_page(start)
    assert page.url == final
    assert page.text == ARTICLE
    assert [r.path for r in http_server.log] == ["/old", "/short", "/article/42"]


async def test_redirect_loop(http_server: PageServer) -> None:
    url = http_server.redirect("/loop", "/loop")
    with pytest.raises(RedirectLoop, match="too many redirects") as caught:
        await fetch_page(url)
    assert url in caught.value.message
    assert len(http_server.requests_to("/loop")) == MAX_REDIRECTS + 1


async def test_redirect_to_another_scheme_is_an_error_not_a_crash(
    http_server: PageServer,
) -> None:
    url = http_server.redirect("/ftp", "ftp://files.example.invalid/a.txt")
    with pytest.raises(NetworkError, match="redirected to an address reader cannot open"):
        await fetch_page(url)


# --- HTTP errors -----------------------------------------------------------------------------


async def test_404_names_status_and_url(http_server: PageServer) -> None:
    url = http_server.url("/missing")
    with pytest.raises(HTTPStatusError) as caught:
        await fetch_page(url)
    err = caught.value
    assert (err.status, err.url) == (404, url)
    assert err.message == f"HTTP 404 Not Found from {url}"
    assert "does not exist" in err.hint
    assert err.exit_code == 5


async def test_500_after_a_redirect_reports_the_final_url(http_server: PageServer) -> None:
    failing = http_server.route("/boom", "<h1>oops</h1>", status=500)
    with pytest.raises(HTTPStatusError) as caught:
        await fetch_page(http_server.redirect("/start", "/boom"))
    assert (caught.value.status, caught.value.url) == (500, failing)
    assert "HTTP 500 Internal Server Error" in str(caught.value)
    assert "server is failing" in str(caught.value)


# --- not an article --------------------------------------------------------------------------


async def test_pdf_served_as_html_is_not_an_article(http_server: PageServer) -> None:
    url = http_server.route("/report.html", PDF, content_type="text/html; charset=utf-8")
    with pytest.raises(NotAnArticle) as caught:
        await fetch_page(url)
    assert caught.value.message == "this link is a PDF document, not an HTML article"


async def test_pdf_by_content_type(http_server: PageServer) -> None:
    url = http_server.route("/report", PDF, content_type="application/pdf")
    with pytest.raises(NotAnArticle, match="PDF document"):
        await fetch_page(url)


@pytest.mark.parametrize(
    ("body", "content_type", "what"),
    [
        (PNG, "image/png", "an image (image/png)"),
        (JPEG, "text/html", "a JPEG image"),
        (b"PK\x03\x04" + bytes(40), "application/octet-stream", "a ZIP archive"),
        (bytes(range(256)), "application/octet-stream", "a binary file"),
        (b"\x00\x00\x00\x18ftypmp42" + bytes(40), "text/html", "a video"),
        (b"GIF89a" + bytes(40), "", "a GIF image"),
        (b'{"title": "JSON, not HTML"}', "application/json", "JSON data"),
        (b"<rss><channel/></rss>", "application/rss+xml", "XML data"),
        (b"\x00" * 10, "video/mp4", "a video (video/mp4)"),
    ],
)
async def test_non_articles_say_what_they_are(
    http_server: PageServer, body: bytes, content_type: str, what: str
) -> None:
    url = http_server.route("/thing", body, content_type=content_type or None)
    with pytest.raises(NotAnArticle) as caught:
        await fetch_page(url)
    assert caught.value.message.startswith(f"this link is {what}")
    assert caught.value.message.endswith("not an HTML article")


async def test_empty_page_is_not_an_article(http_server: PageServer) -> None:
    url = http_server.route("/empty", b"  \n")
    with pytest.raises(NotAnArticle, match="empty"):
        await fetch_page(url)


# --- network failures ------------------------------------------------------------------------


async def test_unknown_host_fails_fast() -> None:
    started = time.monotonic()
    with pytest.raises(HostNotFound) as caught:
        await fetch_page("http://no-such-host.invalid/article", timeout=5)
    assert time.monotonic() - started < 5  # a DNS timeout would also be an error, but slow
    assert "cannot find the server 'no-such-host.invalid'" in caught.value.message
    assert caught.value.exit_code == 4


async def test_refused_connection() -> None:
    port = free_port()
    with pytest.raises(ConnectionRefused) as caught:
        await fetch_page(f"http://127.0.0.1:{port}/x")
    assert f"127.0.0.1:{port} refused the connection" in caught.value.message


async def test_untrusted_certificate_is_a_tls_failure() -> None:
    with PageServer(tls=True) as server:
        url = server.route("/a", ARTICLE)
        with pytest.raises(TLSFailure) as caught:
            await fetch_page(url)
    assert url.startswith("https://")
    assert caught.value.message == "no secure connection to 127.0.0.1: self-signed certificate"
    assert "certificate could not be verified" in caught.value.hint


async def test_https_with_a_trusted_certificate() -> None:
    with PageServer(tls=True) as server:
        url = server.route("/a", ARTICLE)
        async with httpx.AsyncClient(verify=trusting_client_context()) as client:
            page = await fetch_page(url, client=client)
    assert (page.url, page.text) == (url, ARTICLE)


async def test_https_to_a_plain_http_server_is_a_tls_failure(http_server: PageServer) -> None:
    url = http_server.route("/a", ARTICLE).replace("http://", "https://")
    with pytest.raises(TLSFailure, match=r"no secure connection to 127\.0\.0\.1") as caught:
        await fetch_page(url)
    assert "may not speak https" in caught.value.hint


async def test_slow_body_hits_the_total_deadline(http_server: PageServer) -> None:
    # Every byte arrives well within the read timeout; only a total deadline stops this.
    url = http_server.route("/drip", b"<p>" + b"x" * 40, drip=0.05, chunk_size=1)
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match=r"within 0\.5 s"):
        await fetch_page(url, timeout=0.5)
    assert 0.4 < time.monotonic() - started < 1.5


async def test_server_that_never_answers_times_out(http_server: PageServer) -> None:
    url = http_server.route("/think", ARTICLE, delay=2)
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match=r"127\.0\.0\.1"):
        await fetch_page(url, timeout=0.3)
    assert time.monotonic() - started < 1.2


async def test_body_over_the_limit_by_content_length(http_server: PageServer) -> None:
    url = http_server.route("/big", b"<p>" + b"x" * 5000)
    with pytest.raises(TooLarge, match="larger than the 1,000 bytes limit"):
        await fetch_page(url, max_bytes=1000)


async def test_body_over_the_limit_while_streaming(http_server: PageServer) -> None:
    # Compressed, the body is tiny (and so is Content-Length); unpacked it is 3 MB.
    body = b"<p>" + b"a" * 3_000_000
    assert len(gzip.compress(body)) < 10_000
    url = http_server.route("/bomb", body, gzip=True)
    with pytest.raises(TooLarge, match=r"larger than the 1 MB limit"):
        await fetch_page(url, max_bytes=1_000_000)


# --- clients ---------------------------------------------------------------------------------


async def test_a_callers_client_is_reused_and_left_open(http_server: PageServer) -> None:
    target = http_server.route("/a", ARTICLE)
    start = http_server.redirect("/go", "/a")
    async with httpx.AsyncClient() as client:  # follows no redirects and sends no UA of ours
        first = await fetch_page(start, client=client)
        second = await fetch_page(target, client=client)
        assert not client.is_closed
    assert first.url == second.url == target
    assert all(r.headers["user-agent"] == USER_AGENT for r in http_server.log)


def test_sync_fetch(http_server: PageServer) -> None:
    page = fetch(http_server.route("/a", ARTICLE))
    assert isinstance(page, Page)
    assert page.text == ARTICLE


async def test_bare_loopback_address_is_fetched_over_http(http_server: PageServer) -> None:
    http_server.route("/a", ARTICLE)
    page = await fetch_page(f"127.0.0.1:{http_server.port}/a")
    assert page.url == http_server.url("/a")


# --- sources ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("-", Source("stdin", "-")),
        ("https://example.com/a", Source("http", "https://example.com/a")),
        (" HTTP://example.com/a ", Source("http", "HTTP://example.com/a")),
        ("example.com/path?q=1", Source("http", "https://example.com/path?q=1")),
        ("báo.vn/tin-tuc", Source("http", "https://báo.vn/tin-tuc")),
        ("localhost:8000/a", Source("http", "http://localhost:8000/a")),
        ("file:///tmp/t%C3%A0i%20li%E1%BB%87u.html", Source("file", "/tmp/tài liệu.html")),
        ("notes.md", Source("file", "notes.md")),
        ("saved/article.html", Source("file", "saved/article.html")),
        ("./example.com", Source("file", "example.com")),
        ("README", Source("file", "README")),
    ],
)
def test_resolve_source(source: str, expected: Source) -> None:
    assert resolve_source(source) == expected
    assert classify_source(source) == expected.kind


def test_misspelt_scheme_is_a_usage_error_with_a_suggestion() -> None:
    with pytest.raises(UsageError) as caught:
        resolve_source("htp:/x")
    assert caught.value.message == "not a web address or file: 'htp:/x'"
    assert "https://x" in caught.value.hint
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    "source",
    ["ftp://example.com/a", "mailto:someone@example.com", "javascript:alert(1)", "http://", ""],
)
def test_unsupported_addresses_are_usage_errors(source: str) -> None:
    with pytest.raises(UsageError):
        classify_source(source)


async def test_unsupported_address_fails_before_any_network() -> None:
    with pytest.raises(UsageError, match="not a valid web address"):
        await fetch_page("http://[::1/broken")


@given(st.text(max_size=40))
def test_any_source_string_resolves_or_is_a_usage_error(source: str) -> None:
    try:
        resolved = resolve_source(source)
    except UsageError:
        return
    assert resolved.kind in ("http", "file", "stdin")


# --- local files and stdin -------------------------------------------------------------------


async def test_local_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "vi.html").write_bytes(encode_windows_1258(VIETNAMESE))
    monkeypatch.chdir(tmp_path)
    page = await fetch_page("vi.html")
    assert page.url == str(tmp_path / "vi.html")  # absolute
    assert (page.content_type, page.encoding) == ("text/html", "windows-1258")
    assert "Đảng viên" in page.text
    assert page.headers == {}


async def test_file_url(tmp_path: Path) -> None:
    path = tmp_path / "tài liệu.html"
    path.write_text(ARTICLE, encoding="utf-8")
    page = await fetch_page(path.as_uri())
    assert path.as_uri().startswith("file:///")
    assert (page.url, page.text) == (str(path), ARTICLE)


async def test_text_file_and_sniffed_file(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("<p>shown as text</p>", encoding="utf-8")
    (tmp_path / "page").write_text(ARTICLE, encoding="utf-8")
    assert (await fetch_page(str(tmp_path / "note.txt"))).content_type == "text/plain"
    assert (await fetch_page(str(tmp_path / "page"))).content_type == "text/html"


async def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    with pytest.raises(SourceError) as caught:
        await fetch_page(str(missing))
    assert caught.value.message == f"no such file: '{missing}'"
    assert "https://" in caught.value.hint
    assert caught.value.exit_code == 3


async def test_directory(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="is a directory, not a file") as caught:
        await fetch_page(str(tmp_path))
    assert str(tmp_path) in caught.value.message


async def test_path_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(ARTICLE)
    with pytest.raises(SourceError, match="Not a directory"):
        await fetch_page(str(tmp_path / "page.html" / "inner.html"))


async def test_path_with_a_nul_byte() -> None:
    with pytest.raises(SourceError, match="no such file"):
        await fetch_page("./bad\x00name.html")


@contextmanager
def as_ordinary_user() -> Iterator[None]:
    """Root reads any file whatever its mode: act as `nobody` so permissions apply."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


def test_unreadable_file(tmp_path: Path) -> None:
    readable = tmp_path / "open.html"
    readable.write_text(ARTICLE)
    assert fetch(str(readable)).text == ARTICLE  # same code path works when permitted
    secret = tmp_path / "secret.html"
    secret.write_text(ARTICLE)
    secret.chmod(0)
    with as_ordinary_user(), pytest.raises(SourceError) as caught:
        fetch(str(secret))
    assert caught.value.message == f"permission denied: '{secret}'"


async def test_local_pdf_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(PDF)
    with pytest.raises(NotAnArticle) as caught:
        await fetch_page(str(tmp_path / "report.pdf"))
    assert (
        caught.value.message
        == f"'{tmp_path / 'report.pdf'}' is a PDF document, not an HTML article"
    )


async def test_local_file_over_the_limit(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_bytes(b"<p>" + b"x" * 2000)
    with pytest.raises(TooLarge):
        await fetch_page(str(tmp_path / "big.html"), max_bytes=1000)


async def test_stdin() -> None:
    page = await fetch_page("-", stdin=io.BytesIO(RUSSIAN.encode("cp1251")))
    assert (page.url, page.content_type, page.headers) == ("-", "text/html", {})
    assert page.text == RUSSIAN


async def test_stdin_plain_text_and_limits() -> None:
    text = await fetch_page("-", stdin=io.BytesIO(b"just some words\n"))
    assert (text.content_type, text.text) == ("text/plain", "just some words\n")
    with pytest.raises(TooLarge, match="standard input"):
        await fetch_page("-", stdin=io.BytesIO(b"x" * 100), max_bytes=10)
    with pytest.raises(NotAnArticle, match="standard input is empty") as caught:
        await fetch_page("-", stdin=io.BytesIO(b""))
    assert "| reader -" in caught.value.hint


async def test_every_failure_is_a_reader_error(tmp_path: Path, http_server: PageServer) -> None:
    http_server.redirect("/loop", "/loop")
    sources = [
        "htp:/x",
        str(tmp_path / "missing.html"),
        str(tmp_path),
        http_server.url("/nothing-here"),
        http_server.url("/loop"),
        f"http://127.0.0.1:{free_port()}/",
    ]
    for source in sources:
        with pytest.raises(ReaderError) as caught:
            await fetch_page(source, timeout=5)
        assert "\n" not in str(caught.value)
