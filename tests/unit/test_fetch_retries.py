"""Retries against a real server that fails and then recovers: what is retried, how long the
reader waits (the server's log has the arrival times), and what is never retried.

Backoff is set to a few tens of milliseconds; only the Retry-After tests wait a real second,
because Retry-After counts in whole seconds.
"""

from __future__ import annotations

import itertools
import time
from email.utils import formatdate

import pytest

from reader.errors import HTTPStatusError, NetworkError
from reader.fetch import NO_RETRY, RetryPolicy, fetch_page
from tests.support.server import PageServer, Response

ARTICLE = "<html><head><title>Tin</title></head><body><p>Bài viết đã về.</p></body></html>"
OK = Response(ARTICLE.encode(), headers={"Content-Type": "text/html; charset=utf-8"})
FAST = RetryPolicy(backoff=0.03)


def gaps(server: PageServer, path: str) -> list[float]:
    times = server.arrivals_to(path)
    return [later - earlier for earlier, later in itertools.pairwise(times)]


async def test_429_then_200_honours_retry_after(http_server: PageServer) -> None:
    url = http_server.sequence(
        "/a", Response(b"slow down", 429, {"Retry-After": "1", "Content-Type": "text/plain"}), OK
    )
    page = await fetch_page(url, retry=FAST)
    assert page.text == ARTICLE
    assert len(http_server.requests_to("/a")) == 2
    assert [answer.status for answer in http_server.answers_to("/a")] == [429, 200]
    (gap,) = gaps(http_server, "/a")
    assert 0.95 <= gap < 1.6  # the server's 1 s, not our 30 ms backoff


async def test_retry_after_as_an_http_date_is_honoured(http_server: PageServer) -> None:
    when = formatdate(time.time() + 1.5, usegmt=True)  # whole seconds: waits 0.5 to 1.5 s
    url = http_server.sequence("/a", Response(b"", 503, {"Retry-After": when}), OK)
    assert (await fetch_page(url, retry=FAST)).text == ARTICLE
    (gap,) = gaps(http_server, "/a")
    assert 0.3 < gap < 2.0


@pytest.mark.parametrize("status", [502, 503, 504])
async def test_gateway_failures_are_retried_with_backoff(
    http_server: PageServer, status: int
) -> None:
    url = http_server.sequence("/a", Response(b"down", status), Response(b"down", status), OK)
    page = await fetch_page(url, retry=RetryPolicy(backoff=0.05))
    assert page.text == ARTICLE
    assert len(http_server.requests_to("/a")) == 3
    first, second = gaps(http_server, "/a")
    assert first >= 0.05
    assert second >= 0.1  # doubled


async def test_a_server_that_stays_down_fails_after_the_last_attempt(
    http_server: PageServer,
) -> None:
    http_server.route("/a", "<h1>503</h1>", status=503)
    with pytest.raises(HTTPStatusError) as caught:
        await fetch_page(http_server.url("/a"), retry=RetryPolicy(attempts=4, backoff=0.01))
    assert caught.value.status == 503
    assert "server is failing" in caught.value.hint
    assert len(http_server.requests_to("/a")) == 4


async def test_a_retry_after_beyond_the_bound_fails_at_once_and_says_so(
    http_server: PageServer,
) -> None:
    http_server.route("/a", "busy", status=429, headers={"Retry-After": "120"})
    started = time.monotonic()
    with pytest.raises(HTTPStatusError) as caught:
        await fetch_page(http_server.url("/a"), retry=FAST)
    assert time.monotonic() - started < 0.5
    assert caught.value.status == 429
    assert caught.value.hint == "the site asks to wait 120 s before trying again; try again later"
    assert len(http_server.requests_to("/a")) == 1


async def test_a_retry_after_longer_than_the_time_left_fails_at_once(
    http_server: PageServer,
) -> None:
    http_server.route("/a", "busy", status=503, headers={"Retry-After": "5"})  # within bound
    started = time.monotonic()
    with pytest.raises(HTTPStatusError, match="asks to wait 5 s"):
        await fetch_page(http_server.url("/a"), timeout=2, retry=FAST)
    assert time.monotonic() - started < 0.5
    assert len(http_server.requests_to("/a")) == 1


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 500, 501])
async def test_other_errors_are_not_retried(http_server: PageServer, status: int) -> None:
    http_server.route("/a", "<h1>no</h1>", status=status)
    with pytest.raises(HTTPStatusError) as caught:
        await fetch_page(http_server.url("/a"), retry=FAST)
    assert caught.value.status == status
    assert len(http_server.requests_to("/a")) == 1


async def test_404_is_one_request_and_a_clear_message(http_server: PageServer) -> None:
    url = http_server.url("/gone")
    with pytest.raises(HTTPStatusError) as caught:
        await fetch_page(url, retry=FAST)
    assert str(caught.value) == (
        f"HTTP 404 Not Found from {url} — the page does not exist (any more); check the address"
    )
    assert len(http_server.log) == 1


async def test_a_reset_connection_is_retried(http_server: PageServer) -> None:
    url = http_server.sequence("/a", Response(reset=True), OK)
    page = await fetch_page(url, retry=FAST)
    assert page.text == ARTICLE
    assert [answer.status for answer in http_server.answers_to("/a")] == [0, 200]


async def test_a_connection_that_keeps_resetting_fails_with_a_network_error(
    http_server: PageServer,
) -> None:
    url = http_server.sequence("/a", Response(reset=True))
    with pytest.raises(NetworkError, match=r"the connection to 127\.0\.0\.1 failed"):
        await fetch_page(url, retry=FAST)
    assert len(http_server.requests_to("/a")) == FAST.attempts


async def test_no_retry_policy_makes_one_attempt(http_server: PageServer) -> None:
    url = http_server.sequence("/a", Response(b"", 503), OK)
    with pytest.raises(HTTPStatusError):
        await fetch_page(url, retry=NO_RETRY)
    assert len(http_server.requests_to("/a")) == 1


async def test_a_retry_happens_on_the_hop_that_failed(http_server: PageServer) -> None:
    http_server.redirect("/start", "/a")
    http_server.sequence("/a", Response(b"", 502), OK)
    page = await fetch_page(http_server.url("/start"), retry=FAST)
    assert page.url == http_server.url("/a")
    assert [r.path for r in http_server.log] == ["/start", "/a", "/a"]
