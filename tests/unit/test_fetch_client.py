"""The client and its request: headers, the reader's language, proxies and certificates from the
environment, HTTP/2 when available, and the option plumbing of `fetch` and `fetch_page`.
"""

from __future__ import annotations

import importlib.util
import inspect
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from reader.errors import HostNotFound
from reader.fetch import (
    ACCEPT,
    ACCEPT_ENCODING,
    NO_RETRY,
    USER_AGENT,
    FetchOptions,
    fetch,
    fetch_page,
    http2_available,
    make_client,
)
from tests.support.server import PageServer, self_signed_certificate_pem

ARTICLE = "<html><head><title>Tin</title></head><body><p>Một bài viết ngắn.</p></body></html>"
PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
)


async def test_accept_language_can_be_overridden(
    http_server: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")
    url = http_server.route("/a", ARTICLE)
    await fetch_page(url)
    await fetch_page(url, language="fr-FR,fr;q=0.8")
    first, second = (r.headers["accept-language"] for r in http_server.log)
    assert first == "vi-VN,vi;q=0.9,en;q=0.5"  # from the environment
    assert second == "fr-FR,fr;q=0.8"  # from the caller (the config, later)


async def test_every_request_carries_our_headers(http_server: PageServer) -> None:
    http_server.redirect("/a", "/b")
    http_server.route("/b", ARTICLE)
    await fetch_page(http_server.url("/a"))
    for request in http_server.log:
        assert request.headers["user-agent"] == USER_AGENT
        assert request.headers["accept"] == ACCEPT
        assert request.headers["accept-encoding"] == ACCEPT_ENCODING == "gzip, deflate"


# --- proxies ---------------------------------------------------------------------------------


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[PageServer]:
    """A PageServer used as an HTTP proxy: it logs the absolute URL a proxy request names."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with PageServer() as server:
        monkeypatch.setenv("HTTP_PROXY", server.base_url)
        yield server


async def test_http_proxy_from_the_environment_is_used(proxy: PageServer) -> None:
    proxy.route("/article", ARTICLE)
    # The host does not exist: the page can only arrive through the proxy.
    page = await fetch_page("http://news.example.invalid/article")
    assert page.text == ARTICLE
    assert page.url == "http://news.example.invalid/article"
    assert [r.path for r in proxy.log] == ["http://news.example.invalid/article"]


async def test_no_proxy_is_respected(proxy: PageServer, monkeypatch: pytest.MonkeyPatch) -> None:
    proxy.route("/article", ARTICLE)
    monkeypatch.setenv("NO_PROXY", "news.example.invalid")
    with pytest.raises(HostNotFound):  # went direct, and the host does not exist
        await fetch_page("http://news.example.invalid/article", retry=NO_RETRY)
    assert proxy.log == []


# --- TLS and HTTP/2 --------------------------------------------------------------------------


async def test_made_client_trusts_ssl_cert_file_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text(self_signed_certificate_pem())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))  # how a company CA is usually configured
    with PageServer(tls=True) as server:
        url = server.route("/a", ARTICLE)
        async with make_client() as client:
            page = await fetch_page(url, client=client)
    assert page.text == ARTICLE


def test_http2_is_offered_exactly_when_h2_imports() -> None:
    assert http2_available() is (importlib.util.find_spec("h2") is not None)


async def test_made_client_works_whether_or_not_h2_is_installed(http_server: PageServer) -> None:
    url = http_server.route("/a", ARTICLE)
    async with make_client() as client:  # http2=None: h2 if importable, no ImportError if not
        assert (await fetch_page(url, client=client)).text == ARTICLE
        assert not client.follow_redirects  # fetch_page follows them, counting meta refreshes


async def test_a_shared_client_carries_every_hop(http_server: PageServer) -> None:
    seen: list[str] = []

    async def remember(request: httpx.Request) -> None:
        seen.append(request.url.path)

    http_server.redirect("/a", "/b")
    http_server.route("/b", ARTICLE)
    async with httpx.AsyncClient(event_hooks={"request": [remember]}) as client:
        await fetch_page(http_server.url("/a"), client=client)
        assert not client.is_closed
    assert seen == ["/a", "/b"]


# --- options ---------------------------------------------------------------------------------


def test_fetch_options_name_every_keyword_of_fetch_page() -> None:
    keywords = {
        name
        for name, parameter in inspect.signature(fetch_page).parameters.items()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY
    }
    assert set(FetchOptions.__annotations__) == keywords - {"client", "stdin"}


def test_sync_fetch_passes_options_on(http_server: PageServer) -> None:
    url = http_server.route("/a", ARTICLE, headers={"ETag": '"1"'})
    fetch(url, language="vi")
    fetch(url, language="vi", use_cache=False)
    first, second = http_server.log
    assert first.headers["accept-language"] == second.headers["accept-language"] == "vi"
    assert "if-none-match" not in second.headers  # the cache was bypassed
