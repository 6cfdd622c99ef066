"""Redirects of every kind over real HTTP: Location headers, <meta http-equiv="refresh"> and the
Refresh header, one shared budget for all of them, and the rule that nothing a web page says can
make the reader open a local file.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.errors import NetworkError, RedirectLoop, UsageError
from reader.fetch import MAX_REDIRECTS, fetch_page, is_safe_remote_link
from tests.support.server import PageServer

ARTICLE = "<html><head><title>Bài</title></head><body><p>Nội dung bài viết.</p></body></html>"


def stub(refresh: str, *, noscript: bool = False, body: str = "Đang chuyển trang…") -> str:
    meta = f'<meta http-equiv="Refresh" content="{refresh}">'
    if noscript:
        meta = f"<noscript>{meta}</noscript>"
    return f"<html><head><title>Chuyển</title>{meta}</head><body><p>{body}</p></body></html>"


# --- meta refresh ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "refresh",
    [
        "0; url=/article",
        "0;URL='/article'",
        '0; url="/article"',
        "3, url=/article",
        "0;/article",
        "  1.5 ; URL = /article ",
    ],
)
async def test_meta_refresh_is_followed(http_server: PageServer, refresh: str) -> None:
    final = http_server.route("/article", ARTICLE)
    start = http_server.route("/stub", stub(refresh.replace('"', "&quot;")))
    page = await fetch_page(start)
    assert (page.url, page.text) == (final, ARTICLE)
    assert [r.path for r in http_server.log] == ["/stub", "/article"]


async def test_meta_refresh_target_is_unescaped_and_absolute_urls_work(
    http_server: PageServer,
) -> None:
    http_server.route("/article", ARTICLE)
    target = http_server.url("/article?a=1&amp;b=2")
    page = await fetch_page(http_server.route("/stub", stub(f"0; url={target}")))
    assert page.url == http_server.url("/article?a=1&b=2")
    assert http_server.log[-1].path == "/article?a=1&b=2"


async def test_refresh_header_is_followed(http_server: PageServer) -> None:
    final = http_server.route("/article", ARTICLE)
    start = http_server.route("/stub", "<p>moved</p>", headers={"Refresh": "0; url=/article"})
    assert (await fetch_page(start)).url == final


@pytest.mark.parametrize(
    ("refresh", "why"),
    [
        ("30; url=/article", "a long delay is a slideshow or a reload, not a redirect"),
        ("0", "no URL: the page reloads itself"),
        ("0; url=/stub", "the page itself"),
        ("0; url=javascript:alert(1)", "not http(s)"),
        ("0; url=ftp://example.com/a", "not http(s)"),
    ],
)
async def test_meta_refresh_that_is_not_a_redirect_leaves_the_page(
    http_server: PageServer, refresh: str, why: str
) -> None:
    http_server.route("/article", ARTICLE)
    start = http_server.route("/stub", stub(refresh, body="Bài ở đây."))
    page = await fetch_page(start)
    assert page.url == start, why
    assert "Bài ở đây." in page.text
    assert [r.path for r in http_server.log] == ["/stub"]


async def test_meta_refresh_inside_noscript_is_not_followed(http_server: PageServer) -> None:
    http_server.route("/enable-javascript", "<p>Please enable JavaScript</p>")
    start = http_server.route(
        "/news", stub("0; url=/enable-javascript", noscript=True, body="Tin chính.")
    )
    page = await fetch_page(start)
    assert page.url == start
    assert "Tin chính." in page.text


async def test_meta_refresh_in_a_comment_or_plain_text_is_not_followed(
    http_server: PageServer,
) -> None:
    http_server.route("/article", ARTICLE)
    commented = f"<!-- {stub('0; url=/article')} --><p>Bài thật.</p>"
    assert (await fetch_page(http_server.route("/c", commented))).url == http_server.url("/c")
    text = stub("0; url=/article")
    url = http_server.route("/t.txt", text, content_type="text/plain; charset=utf-8")
    assert (await fetch_page(url)).text == text


# --- one budget ------------------------------------------------------------------------------


async def test_meta_refresh_loop_is_a_redirect_loop(http_server: PageServer) -> None:
    http_server.route("/a", stub("0; url=/b"))
    http_server.route("/b", stub("0; url=/a"))
    with pytest.raises(RedirectLoop, match=f"more than {MAX_REDIRECTS}"):
        await fetch_page(http_server.url("/a"))
    assert len(http_server.log) == MAX_REDIRECTS + 1


async def test_http_redirects_and_refreshes_share_one_budget(http_server: PageServer) -> None:
    # /r0 -302-> /r1 -meta-> /r2 -302-> /r3 -meta-> /end : four hops.
    http_server.redirect("/r0", "/r1")
    http_server.route("/r1", stub("0; url=/r2"))
    http_server.redirect("/r2", "/r3")
    http_server.route("/r3", stub("0; url=/end"))
    end = http_server.route("/end", ARTICLE)
    assert (await fetch_page(http_server.url("/r0"), max_redirects=4)).url == end
    with pytest.raises(RedirectLoop, match="more than 3"):
        await fetch_page(http_server.url("/r0"), max_redirects=3)


async def test_redirect_loop_message(http_server: PageServer) -> None:
    url = http_server.redirect("/loop", "/loop")
    with pytest.raises(RedirectLoop) as caught:
        await fetch_page(url, max_redirects=2)
    assert caught.value.message == f"too many redirects (more than 2) from {url}"
    assert caught.value.hint == "the site redirects endlessly; open it in a browser to check"
    assert caught.value.exit_code == 5
    assert len(http_server.log) == 3


async def test_redirect_statuses_and_relative_locations(http_server: PageServer) -> None:
    final = http_server.route("/d/end", ARTICLE)
    http_server.redirect("/a", "b", status=301)  # relative to /: /b
    http_server.redirect("/b", "/c", status=303)
    http_server.redirect("/c", "d/x", status=307)  # /d/x
    http_server.redirect("/d/x", "end", status=308)  # /d/end
    page = await fetch_page(http_server.url("/a"))
    assert page.url == final
    assert [r.path for r in http_server.log] == ["/a", "/b", "/c", "/d/x", "/d/end"]
    assert all(r.method == "GET" for r in http_server.log)


# --- never a local file ----------------------------------------------------------------------


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.html"
    path.write_text("<p>PRIVATE LOCAL FILE</p>", encoding="utf-8")
    return path


async def test_a_redirect_to_a_local_file_is_refused(http_server: PageServer, secret: Path) -> None:
    url = http_server.redirect("/go", secret.as_uri())
    with pytest.raises(NetworkError) as caught:
        await fetch_page(url)
    assert caught.value.message == (
        f"{url} redirected to an address reader cannot open: {secret.as_uri()!r}"
    )


async def test_a_meta_refresh_to_a_local_file_is_ignored(
    http_server: PageServer, secret: Path
) -> None:
    url = http_server.route("/go", stub(f"0; url={secret.as_uri()}", body="Trang web."))
    page = await fetch_page(url)
    assert page.url == url
    assert "PRIVATE LOCAL FILE" not in page.text
    assert "Trang web." in page.text


@pytest.mark.parametrize(
    "link",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "/etc/passwd",
        "./secret.html",
        "secret.html",
        "~/notes.html",
        "example.com/article",  # scheme-less: the CLI guesses, a link must not
        "-",
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
        "http://",
        "http:///path-without-host",
        "",
    ],
)
async def test_links_from_a_web_page_may_not_be_local(link: str) -> None:
    assert not is_safe_remote_link(link)
    with pytest.raises(UsageError) as caught:
        await fetch_page(link, allow_local=False)
    assert caught.value.message == f"refused to open {link!r} from a web page"
    assert "never to local files" in caught.value.hint


async def test_a_refused_link_is_refused_even_when_the_file_exists(secret: Path) -> None:
    assert (await fetch_page(str(secret))).text == "<p>PRIVATE LOCAL FILE</p>"  # allowed by hand
    for link in (str(secret), secret.as_uri()):
        with pytest.raises(UsageError, match="refused to open"):
            await fetch_page(link, allow_local=False)


@pytest.mark.parametrize(
    "link", ["http://example.com/a", "HTTPS://example.com/a?b#c", " https://báo.vn/tin "]
)
def test_web_links_are_safe(link: str) -> None:
    assert is_safe_remote_link(link)


async def test_a_web_link_is_fetched_with_allow_local_false(http_server: PageServer) -> None:
    url = http_server.route("/a", ARTICLE)
    assert (await fetch_page(url, allow_local=False)).text == ARTICLE


async def test_a_page_full_of_unclosed_comments_is_scanned_quickly(
    http_server: PageServer,
) -> None:
    hostile = "<html><head>" + "<!-- x " * 9000 + stub("0; url=/elsewhere")
    url = http_server.route("/h", hostile)
    started = time.monotonic()
    page = await fetch_page(url)
    assert time.monotonic() - started < 0.5
    assert page.url == url  # the refresh sits inside an unclosed comment: not followed
