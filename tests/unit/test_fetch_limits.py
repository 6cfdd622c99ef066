"""Limits against real misbehaving servers: timeouts of each kind, the size cap on an endless
body, decompression bombs stopped without inflating them, and the decoding of compressed bodies.

Each test takes at most a second or two: the limits are set low, never the servers made slow.
"""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib

import pytest

from reader.errors import FetchTimeout, HTTPStatusError, NetworkError, TooLarge
from reader.fetch import NO_RETRY, RetryPolicy, fetch_page
from tests.support.server import PageServer, unaccepting_port

ARTICLE = "<html><head><title>Tin</title></head><body><p>Một bài viết ngắn.</p></body></html>"
BOMB_SIZE = 64 << 20
BOMB = gzip.compress(bytes(BOMB_SIZE), 9)  # 64 MB of zeros in about 64 KB


# --- timeouts --------------------------------------------------------------------------------


async def test_a_server_dripping_one_byte_per_second_hits_the_read_timeout(
    http_server: PageServer,
) -> None:
    url = http_server.route("/drip", b"<p>" + b"x" * 60, drip=1.0, chunk_size=1)
    started = time.monotonic()
    with pytest.raises(FetchTimeout) as caught:
        await fetch_page(url, timeout=30, read_timeout=0.4)
    elapsed = time.monotonic() - started
    assert caught.value.message == "127.0.0.1 stopped sending: nothing arrived for 0.4 s"
    assert 0.35 < elapsed < 1.5  # the read timeout, not the 30 s deadline
    assert len(http_server.requests_to("/drip")) == 1  # a timeout is not retried


async def test_a_server_that_never_accepts_hits_the_connect_timeout() -> None:
    with unaccepting_port() as port:
        started = time.monotonic()
        with pytest.raises(FetchTimeout) as caught:
            await fetch_page(f"http://127.0.0.1:{port}/a", timeout=30, connect_timeout=0.3)
        elapsed = time.monotonic() - started
    assert caught.value.message == "127.0.0.1 did not accept a connection within 0.3 s"
    assert 0.25 < elapsed < 1.5
    assert caught.value.exit_code == 4


async def test_the_total_deadline_covers_the_whole_fetch(http_server: PageServer) -> None:
    # Each byte arrives well within the read timeout; only the deadline ends this download.
    url = http_server.route("/drip", b"<p>" + b"x" * 40, drip=0.1, chunk_size=1)
    started = time.monotonic()
    with pytest.raises(FetchTimeout) as caught:
        await fetch_page(url, timeout=0.6, read_timeout=0.5)
    assert caught.value.message == "127.0.0.1 did not deliver the page within 0.6 s"
    assert 0.55 < time.monotonic() - started < 1.5


async def test_no_retry_is_started_that_cannot_finish_before_the_deadline(
    http_server: PageServer,
) -> None:
    http_server.route("/busy", "<p>busy</p>", status=503)
    started = time.monotonic()
    with pytest.raises(HTTPStatusError) as caught:
        await fetch_page(http_server.url("/busy"), timeout=1, retry=RetryPolicy(backoff=0.4))
    # Tries at 0 s and 0.4 s; the next would start at 1.2 s, after the deadline: report now.
    assert time.monotonic() - started < 0.9
    assert len(http_server.requests_to("/busy")) == 2
    assert caught.value.status == 503


# --- size caps -------------------------------------------------------------------------------


async def test_an_endless_body_is_cut_at_the_cap(http_server: PageServer) -> None:
    url = http_server.route("/endless", b"<p>" + b"more " * 2000, endless=True)
    started = time.monotonic()
    with pytest.raises(TooLarge) as caught:
        await fetch_page(url, max_bytes=500_000)
    assert caught.value.message == f"{url} is larger than the 0.5 MB limit"
    assert time.monotonic() - started < 2
    assert "download limit" in caught.value.hint


async def test_a_gzip_bomb_is_stopped_without_being_inflated(http_server: PageServer) -> None:
    url = http_server.route(
        "/bomb", BOMB, headers={"Content-Encoding": "gzip"}, content_type="text/html"
    )
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge) as caught:
            await fetch_page(url, max_bytes=1_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.message == f"{url} is larger than the 1 MB limit once decompressed"
    assert len(BOMB) < 100_000
    # Inflating a whole 64 KB network chunk at once (httpx's decoder) would hold 64 MB.
    assert peak < 12_000_000


async def test_a_deflate_bomb_is_stopped_too(http_server: PageServer) -> None:
    url = http_server.route(
        "/bomb", zlib.compress(bytes(BOMB_SIZE // 4), 9), headers={"Content-Encoding": "deflate"}
    )
    with pytest.raises(TooLarge, match="once decompressed"):
        await fetch_page(url, max_bytes=1_000_000)


async def test_a_body_exactly_at_the_cap_passes(http_server: PageServer) -> None:
    body = b"<p>" + b"x" * 9_993 + b"</p>"
    assert len(body) == 10_000
    url = http_server.route("/exact", body, gzip=True)
    page = await fetch_page(url, max_bytes=10_000)
    assert page.data == body


# --- Content-Encoding ------------------------------------------------------------------------


def raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(ARTICLE.encode())),
        ("x-gzip", gzip.compress(ARTICLE.encode())),
        ("deflate", zlib.compress(ARTICLE.encode())),  # zlib-wrapped, as the RFC says
        ("deflate", raw_deflate(ARTICLE.encode())),  # raw, as some servers send it
        ("identity", ARTICLE.encode()),
        ("gzip, gzip", gzip.compress(gzip.compress(ARTICLE.encode()))),
    ],
    ids=["gzip", "x-gzip", "deflate-zlib", "deflate-raw", "identity", "gzip-twice"],
)
async def test_compressed_bodies_are_unpacked(
    http_server: PageServer, encoding: str, body: bytes
) -> None:
    url = http_server.route("/c", body, headers={"Content-Encoding": encoding})
    page = await fetch_page(url)
    assert page.text == ARTICLE
    assert http_server.log[-1].headers["accept-encoding"] == "gzip, deflate"


async def test_a_gzip_body_in_several_members_is_read_whole(http_server: PageServer) -> None:
    half = len(ARTICLE) // 2
    body = gzip.compress(ARTICLE[:half].encode()) + gzip.compress(ARTICLE[half:].encode())
    url = http_server.route("/m", body, headers={"Content-Encoding": "gzip"})
    assert (await fetch_page(url)).text == ARTICLE


async def test_a_corrupt_gzip_body_is_a_clear_error(http_server: PageServer) -> None:
    body = gzip.compress(ARTICLE.encode())
    url = http_server.route("/bad", body[:10] + b"\xff" * 40, headers={"Content-Encoding": "gzip"})
    with pytest.raises(NetworkError) as caught:
        await fetch_page(url, retry=NO_RETRY)
    assert caught.value.message == "127.0.0.1 sent a corrupt compressed page"


async def test_an_encoding_reader_did_not_ask_for_is_named(http_server: PageServer) -> None:
    url = http_server.route("/br", b"\x1b\x00\x00", headers={"Content-Encoding": "br"})
    with pytest.raises(NetworkError) as caught:
        await fetch_page(url)
    assert (
        caught.value.message
        == "127.0.0.1 sent the page compressed as 'br', which reader cannot unpack"
    )
