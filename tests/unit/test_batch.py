"""Batch fetching against a real server: bounded concurrency and per-host politeness measured
on the server side (its peak of simultaneous requests), progress per source, order kept, and
failures confined to their own outcome.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx
import pytest

from reader.batch import Outcome, Progress, fetch_many
from reader.errors import (
    ConnectionRefused,
    HTTPStatusError,
    NotAnArticle,
    ReaderError,
    SourceError,
    UsageError,
)
from reader.fetch import NO_RETRY
from tests.support.server import PageServer
from tests.unit.test_fetch import PDF, free_port


def article(n: int) -> str:
    return f"<html><head><title>Bài {n}</title></head><body><p>Bài số {n}.</p></body></html>"


def slow_pages(server: PageServer, count: int, delay: float) -> list[str]:
    return [server.route(f"/p{n}", article(n), delay=delay) for n in range(count)]


async def test_every_source_gets_an_outcome_in_order_and_failures_stay_put(
    http_server: PageServer, tmp_path: Path
) -> None:
    (tmp_path / "local.html").write_text(article(9), encoding="utf-8")
    sources = [
        http_server.route("/ok", article(1)),
        http_server.url("/missing"),
        f"http://127.0.0.1:{free_port()}/refused",
        http_server.route("/report.pdf", PDF, content_type="application/pdf"),
        "htp:/typo",
        str(tmp_path / "local.html"),
        str(tmp_path / "absent.html"),
        http_server.route("/ok2", article(2)),
    ]
    outcomes = await fetch_many(sources, retry=NO_RETRY)
    assert [o.source for o in outcomes] == sources
    assert [o.ok for o in outcomes] == [True, False, False, False, False, True, False, True]
    expected = [None, HTTPStatusError, ConnectionRefused, NotAnArticle, UsageError, None]
    expected += [SourceError, None]
    assert [type(o.error) if o.error else None for o in outcomes] == expected
    assert outcomes[0].page is not None and "Bài số 1." in outcomes[0].page.text
    assert outcomes[5].page is not None and "Bài số 9." in outcomes[5].page.text
    assert all((o.page is None) != (o.error is None) for o in outcomes)


async def test_progress_is_reported_once_per_source(http_server: PageServer) -> None:
    sources = [http_server.route(f"/p{n}", article(n)) for n in range(5)]
    sources.append(http_server.url("/missing"))
    reports: list[Progress] = []
    outcomes = await fetch_many(sources, on_progress=reports.append)
    assert [r.done for r in reports] == [1, 2, 3, 4, 5, 6]
    assert {r.total for r in reports} == {6}
    assert sorted(r.outcome.source for r in reports) == sorted(sources)
    assert {r.outcome.source: r.outcome for r in reports} == {o.source: o for o in outcomes}


async def test_an_async_progress_callback_is_awaited(http_server: PageServer) -> None:
    sources = [http_server.route(f"/p{n}", article(n)) for n in range(3)]
    finished: list[str] = []

    async def save(progress: Progress) -> None:
        await asyncio.sleep(0.01)  # e.g. writing to the library
        finished.append(progress.outcome.source)

    await fetch_many(sources, on_progress=save)
    assert sorted(finished) == sorted(sources)


async def test_no_more_than_per_host_requests_at_once(http_server: PageServer) -> None:
    sources = slow_pages(http_server, 6, delay=0.2)
    started = time.monotonic()
    outcomes = await fetch_many(sources, concurrency=8, per_host=2)
    elapsed = time.monotonic() - started
    assert all(o.ok for o in outcomes)
    assert http_server.peak_in_flight == 2
    assert 0.55 < elapsed < 1.2  # three rounds of two, not one round of six


async def test_no_more_than_concurrency_requests_at_once(http_server: PageServer) -> None:
    sources = slow_pages(http_server, 6, delay=0.2)
    started = time.monotonic()
    await fetch_many(sources, concurrency=3, per_host=10)
    assert http_server.peak_in_flight == 3
    assert time.monotonic() - started < 0.9  # two rounds of three, not six in a row


async def test_concurrency_makes_a_batch_faster(http_server: PageServer) -> None:
    sources = slow_pages(http_server, 8, delay=0.15)
    started = time.monotonic()
    outcomes = await fetch_many(sources, concurrency=8, per_host=8)
    assert time.monotonic() - started < 0.6  # one at a time would take 1.2 s
    assert http_server.peak_in_flight == 8
    assert [o.page.url for o in outcomes if o.page] == sources
    assert all(0.14 < o.seconds < 0.6 for o in outcomes)


async def test_one_shared_client_carries_the_batch_and_is_left_open(
    http_server: PageServer,
) -> None:
    sources = [http_server.route(f"/p{n}", article(n)) for n in range(4)]
    clients: set[int] = set()

    async def remember(request: httpx.Request) -> None:
        clients.add(id(client))

    async with httpx.AsyncClient(event_hooks={"request": [remember]}) as client:
        outcomes = await fetch_many(sources, client=client)
        assert not client.is_closed
    assert all(o.ok for o in outcomes)
    assert clients == {id(client)}
    assert len(http_server.log) == 4


async def test_a_failing_progress_callback_stops_the_batch(http_server: PageServer) -> None:
    sources = slow_pages(http_server, 6, delay=0.1)

    def explode(progress: Progress) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        await fetch_many(sources, concurrency=1, per_host=1, on_progress=explode)
    await asyncio.sleep(0.2)
    assert len(http_server.log) < 6  # the rest were cancelled


async def test_an_unexpected_exception_is_confined_to_its_source(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(article(1), encoding="utf-8")
    outcomes = await fetch_many([str(tmp_path / "a.html")], max_bytes=None)  # type: ignore[typeddict-item]
    (outcome,) = outcomes
    assert isinstance(outcome.error, ReaderError)
    assert outcome.error.message.startswith("internal error while fetching")
    assert "TypeError" in outcome.error.message


async def test_an_empty_batch_and_bad_limits() -> None:
    assert await fetch_many([]) == []
    with pytest.raises(ValueError, match="at least 1"):
        await fetch_many(["https://example.com"], concurrency=0)


def test_outcome_ok() -> None:
    assert not Outcome("x", error=ReaderError("no")).ok
