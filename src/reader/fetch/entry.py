"""The entry points, `fetch_page` and `fetch`: a source to a `Page` or a `ReaderError`.

They only choose the path (local file or standard input, or the web) and turn keyword options
into the web fetch's plan; everything else lives in the module that does it.
"""

from __future__ import annotations

import asyncio
from typing import BinaryIO, TypedDict, Unpack

import httpx

from reader.errors import UsageError
from reader.fetch.client import request_headers
from reader.fetch.limits import (
    CONNECT_TIMEOUT,
    DEFAULT_TIMEOUT,
    MAX_BYTES,
    MAX_REDIRECTS,
    READ_TIMEOUT,
)
from reader.fetch.local import local_page
from reader.fetch.page import Page
from reader.fetch.retry import DEFAULT_RETRY, RetryPolicy
from reader.fetch.sources import is_safe_remote_link, resolve_source
from reader.fetch.web import Plan, fetch_http
from reader.http_cache import HttpCache


class FetchOptions(TypedDict, total=False):
    """The keyword options of `fetch_page`, for wrappers that pass them on (`fetch`, batches)."""

    timeout: float
    connect_timeout: float
    read_timeout: float
    max_bytes: int
    max_redirects: int
    retry: RetryPolicy
    use_cache: bool
    cache: HttpCache | None
    language: str | None
    allow_local: bool


async def fetch_page(
    source: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    retry: RetryPolicy = DEFAULT_RETRY,
    use_cache: bool = True,
    cache: HttpCache | None = None,
    language: str | None = None,
    allow_local: bool = True,
    client: httpx.AsyncClient | None = None,
    stdin: BinaryIO | None = None,
) -> Page:
    """Fetch and decode a web address, a local file or "-"; raises only ReaderError subclasses.

    `timeout` bounds the whole fetch (connect, retries, redirects and body); `connect_timeout`
    and `read_timeout` bound one connection attempt and one silence while reading (each at most
    `timeout`). `max_bytes` bounds the body after decompression. `max_redirects` counts HTTP
    redirects and meta refreshes together. `retry` says how transient failures are retried.

    `use_cache=False` bypasses the HTTP cache entirely (`--no-cache`); `cache` picks a store
    other than the default directory (`READER_CACHE_DIR` or the platform cache dir).
    `language` is the Accept-Language value (default: from the locale; the config may set it).

    `allow_local=False` is for links found in a web page: anything but an absolute http(s)
    URL is refused with a UsageError, so a remote page can never open a local file.
    `client` lets a long-lived caller share connections (our headers, redirects and timeouts
    still apply; see `make_client`); it is left open. `stdin` replaces `sys.stdin.buffer`.
    """
    if not allow_local and not is_safe_remote_link(source):
        raise UsageError(
            f"refused to open {source[:200]!r} from a web page",
            "a page may only lead to http:// and https:// addresses, never to local files",
        )
    resolved = resolve_source(source)
    if resolved.kind != "http":
        return await local_page(resolved, max_bytes, stdin)
    plan = Plan(
        timeout=httpx.Timeout(
            timeout,
            connect=min(connect_timeout, timeout),
            read=min(read_timeout, timeout),
            write=min(read_timeout, timeout),
            pool=timeout,
        ),
        total=timeout,
        max_bytes=max_bytes,
        max_redirects=max_redirects,
        retry=retry,
        cache=(cache if cache is not None else HttpCache()) if use_cache else None,
        headers=request_headers(language),
        deadline=asyncio.get_running_loop().time() + timeout,
    )
    return await fetch_http(resolved.location, plan, client)


def fetch(
    source: str,
    *,
    client: httpx.AsyncClient | None = None,
    stdin: BinaryIO | None = None,
    **options: Unpack[FetchOptions],
) -> Page:
    """`fetch_page` for callers without an event loop; a `client` must not be used elsewhere."""
    return asyncio.run(fetch_page(source, client=client, stdin=stdin, **options))
