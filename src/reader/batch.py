"""Many sources fetched at once, politely: for saving a reading list, not for reading one page.

`fetch_many` runs at most `concurrency` fetches over one shared httpx client, never more than
`per_host` at a time to any one host (a portal is one small server, not a CDN), reports each
source as it finishes, and keeps every failure in that source's `Outcome`, so one dead link
never stops the batch. Each fetch is an ordinary `fetch_page`, with its limits, retries and cache.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Unpack

import httpx

from reader.errors import ReaderError
from reader.fetch import FetchOptions, Page, fetch_page, make_client, resolve_source
from reader.http_cache import HttpCache

__all__ = ["Outcome", "Progress", "ProgressCallback", "fetch_many"]

_KEEP_ALIVE = 32
"""Idle connections the batch's own client keeps open (to as many hosts)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one source: a page or the error that explains why not."""

    source: str
    page: Page | None = None
    error: ReaderError | None = None
    seconds: float = 0.0
    """How long its fetch took, waiting for a free slot not included."""

    @property
    def ok(self) -> bool:
        return self.page is not None


@dataclass(frozen=True, slots=True)
class Progress:
    """Sent to `on_progress` each time a source finishes, in the order they finish."""

    outcome: Outcome
    done: int
    total: int


ProgressCallback = Callable[[Progress], Awaitable[None] | None]
"""A plain function or a coroutine function; a coroutine is awaited before the next report."""


def _host(source: str) -> str | None:
    """The host a source will be fetched from, for politeness; None for files and bad input."""
    try:
        resolved = resolve_source(source)
    except ReaderError:
        return None
    if resolved.kind != "http":
        return None
    return httpx.URL(resolved.location).host.lower()


async def fetch_many(
    sources: Iterable[str],
    *,
    concurrency: int = 8,
    per_host: int = 2,
    client: httpx.AsyncClient | None = None,
    on_progress: ProgressCallback | None = None,
    **options: Unpack[FetchOptions],
) -> list[Outcome]:
    """Fetch every source; returns one Outcome per source, in the order given.

    Never raises a ReaderError: failures are in the outcomes (an unexpected exception in a fetch
    becomes a ReaderError too). An exception raised by `on_progress` stops the batch and is
    re-raised. `client` is shared and left open; without it one is made (`make_client`) and
    closed. `options` are passed to each `fetch_page` (timeout, max_bytes, retry, use_cache, ...).
    """
    if concurrency < 1 or per_host < 1:
        raise ValueError("concurrency and per_host must be at least 1")
    items = list(sources)
    if options.get("use_cache", True) and options.get("cache") is None:
        options["cache"] = HttpCache()  # one store for the batch: it keeps count of its size
    slots = asyncio.Semaphore(concurrency)
    hosts: dict[str, asyncio.Semaphore] = {}
    outcomes: list[Outcome | None] = [None] * len(items)
    done = 0
    loop = asyncio.get_running_loop()

    async def fetch_one(index: int, source: str, shared: httpx.AsyncClient) -> None:
        nonlocal done
        host = _host(source)
        polite: contextlib.AbstractAsyncContextManager[object] = (
            hosts.setdefault(host, asyncio.Semaphore(per_host))
            if host is not None
            else contextlib.nullcontext()
        )
        async with polite, slots:  # the host's turn first: a queue for one host holds no slot
            started = loop.time()
            try:
                page = await fetch_page(source, client=shared, **options)
            except ReaderError as error:
                outcome = Outcome(source, error=error, seconds=loop.time() - started)
            except Exception as error:  # a bug must not cost the rest of the batch
                failure = ReaderError(
                    f"internal error while fetching {source[:200]!r}: "
                    f"{type(error).__name__}: {error}",
                    "please report it; the other sources were fetched",
                )
                outcome = Outcome(source, error=failure, seconds=loop.time() - started)
            else:
                outcome = Outcome(source, page=page, seconds=loop.time() - started)
        outcomes[index] = outcome
        done += 1
        if on_progress is not None:
            reported = on_progress(Progress(outcome, done, len(items)))
            if inspect.isawaitable(reported):
                await reported

    # The semaphores bound the requests; the pool only needs room to keep idle connections to
    # many hosts alive, so a round-robin over hosts does not reconnect for every page.
    pool = max(concurrency, _KEEP_ALIVE)
    shared = client if client is not None else make_client(max_connections=pool)
    tasks = [
        asyncio.create_task(fetch_one(index, source, shared)) for index, source in enumerate(items)
    ]
    try:
        await asyncio.gather(*tasks)
    except BaseException:  # a failing callback or a cancelled caller: stop the rest cleanly
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    finally:
        if client is None:
            await shared.aclose()
    return [outcome for outcome in outcomes if outcome is not None]
