"""The HTTP fetch: one GET per hop, redirects and refreshes followed by hand, under one deadline.

Redirects are followed here rather than by httpx so that HTTP redirects and meta refreshes
share one budget and no hop can lead to a file; each hop may be answered by the on-disk HTTP
cache (`reader.http_cache`) or revalidated with a 304, is retried when the failure is
transient, and has its body decompressed by us so a bomb is stopped at the cap.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import httpx

from reader.decode import charset_from_content_type
from reader.errors import FetchTimeout, HTTPStatusError, NetworkError, RedirectLoop, TooLarge
from reader.fetch.client import make_client
from reader.fetch.decompress import BodyDecoder, Overflow
from reader.fetch.kinds import (
    MAGIC_LENGTH,
    article_type,
    media_type_of,
    refuse_by_type,
    refuse_magic,
)
from reader.fetch.limits import size_text
from reader.fetch.network_errors import connect_error, failed_url, unopenable_redirect
from reader.fetch.page import Page, decoded_page
from reader.fetch.refresh import refresh_target
from reader.fetch.retry import RETRY_STATUSES, RetryPolicy, is_transient, parse_retry_after
from reader.http_cache import CachedResponse, HttpCache


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything one web fetch needs, decided once."""

    timeout: httpx.Timeout
    total: float
    max_bytes: int
    max_redirects: int
    retry: RetryPolicy
    cache: HttpCache | None
    headers: Mapping[str, str]
    deadline: float
    """`loop.time()` by which the whole fetch must be done."""

    def time_left(self) -> float:
        return self.deadline - asyncio.get_running_loop().time()


@dataclass(frozen=True, slots=True)
class _Redirect:
    target: str


@dataclass(frozen=True, slots=True)
class _Busy:
    """A status worth retrying (429, 502-504) and how long the server asked us to wait."""

    status: int
    url: str
    reason: str
    retry_after: float | None

    def error(self, hint: str | None = None) -> HTTPStatusError:
        return HTTPStatusError(self.status, self.url, self.reason, hint=hint)


def _lower_headers(headers: httpx.Headers) -> Mapping[str, str]:
    return MappingProxyType({name.lower(): value for name, value in headers.items()})


def _page_from_cache(entry: CachedResponse) -> Page:
    header = entry.headers.get("content-type")
    content_type = article_type(media_type_of(header), entry.body, "this link")
    headers = MappingProxyType(dict(entry.headers))
    return decoded_page(
        entry.url, entry.body, content_type, charset_from_content_type(header), headers
    )


def _redirect_target(response: httpx.Response, url: str) -> str:
    location = response.headers["location"]
    try:
        target = response.url.join(location)
    except (httpx.InvalidURL, ValueError) as exc:
        raise unopenable_redirect(url, location) from exc
    if target.scheme not in ("http", "https") or not target.host:
        raise unopenable_redirect(url, location)  # file:// included: never read a file
    return str(target)


async def _read_body(response: httpx.Response, plan: Plan, final_url: str) -> bytes:
    """The decompressed body, refused as soon as it passes the cap or shows a PDF's magic."""
    decoder = BodyDecoder(response.headers.get("content-encoding"), response.url.host)
    chunks: list[bytes] = []
    total = 0
    try:
        async for raw in response.aiter_raw():
            chunk = decoder.feed(raw, plan.max_bytes - total)
            if not chunk:
                continue
            chunks.append(chunk)
            if total < MAGIC_LENGTH <= total + len(chunk):  # stop a PDF after its first bytes
                refuse_magic(b"".join(chunks))
            total += len(chunk)
    except Overflow:
        unpacked = " once decompressed" if decoder.compressed else ""
        raise TooLarge(
            f"{final_url} is larger than the {size_text(plan.max_bytes)} limit{unpacked}"
        ) from None
    except zlib.error as exc:
        raise NetworkError(
            f"{response.url.host} sent a corrupt compressed page",
            "try again later; the server is misbehaving",
        ) from exc
    return b"".join(chunks)


async def _exchange(
    client: httpx.AsyncClient,
    url: str,
    headers: Mapping[str, str],
    plan: Plan,
    cached: CachedResponse | None,
) -> Page | _Redirect | _Busy:
    """One GET: a page, a redirect to follow, or a status worth retrying; raises the rest."""
    async with client.stream(
        "GET", url, headers=headers, timeout=plan.timeout, follow_redirects=False
    ) as response:
        final_url = str(response.url)
        status = response.status_code
        if status == 304 and cached is not None:
            cache = plan.cache
            assert cache is not None  # a cached entry comes from the plan's cache
            entry = await asyncio.to_thread(cache.refresh, cached, response.headers)
            return _page_from_cache(entry)
        if response.has_redirect_location:
            return _Redirect(_redirect_target(response, final_url))
        if status in RETRY_STATUSES:
            wait = parse_retry_after(response.headers.get("retry-after"))
            return _Busy(status, final_url, response.reason_phrase, wait)
        if status >= 400:
            raise HTTPStatusError(status, final_url, response.reason_phrase)
        header = response.headers.get("content-type")
        media_type = media_type_of(header)
        refuse_by_type(media_type, "this link")
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > plan.max_bytes:
            raise TooLarge(f"{final_url} is larger than the {size_text(plan.max_bytes)} limit")
        data = await _read_body(response, plan, final_url)
        response_headers = _lower_headers(response.headers)
    content_type = article_type(media_type, data, "this link")
    page = decoded_page(
        final_url, data, content_type, charset_from_content_type(header), response_headers
    )
    if plan.cache is not None and status == 200:
        await asyncio.to_thread(plan.cache.store, final_url, response_headers, data, headers)
    return page


async def _get(client: httpx.AsyncClient, url: str, plan: Plan) -> Page | _Redirect:
    """One hop: from the cache when fresh, else a (conditional) GET, retried when transient."""
    cached = None
    headers = dict(plan.headers)
    if plan.cache is not None:
        cached = await asyncio.to_thread(plan.cache.load, url, headers)
        if cached is not None and cached.is_fresh():
            return _page_from_cache(cached)  # no request at all
        if cached is not None:
            headers.update(cached.validators())
    retry = plan.retry
    for attempt in range(1, max(1, retry.attempts) + 1):
        last = attempt >= retry.attempts
        try:
            result = await _exchange(client, url, headers, plan, cached)
        except httpx.TransportError as exc:
            if last or not is_transient(exc) or retry.wait(attempt) >= plan.time_left():
                raise
            await asyncio.sleep(retry.wait(attempt))
            continue
        if not isinstance(result, _Busy):
            return result
        asked = result.retry_after
        if asked is not None and asked > min(retry.max_retry_after, plan.time_left()):
            raise result.error(
                f"the site asks to wait {asked:g} s before trying again; try again later"
            )
        wait = asked if asked is not None else retry.wait(attempt)
        if last or wait >= plan.time_left():  # a retry that cannot finish in time: say why now
            raise result.error()
        await asyncio.sleep(wait)
    raise AssertionError("unreachable: the last attempt returns or raises")


async def _follow(client: httpx.AsyncClient, url: str, plan: Plan) -> Page:
    """Hop until a page that is not a redirect; HTTP redirects and refreshes share the budget."""
    current = str(httpx.URL(url))  # normalised, as responses report it: one cache key per page
    for _ in range(plan.max_redirects + 1):
        result = await _get(client, current, plan)
        if isinstance(result, _Redirect):
            current = result.target
            continue
        target = refresh_target(result)
        if target is None:
            return result
        current = target
    raise RedirectLoop(f"too many redirects (more than {plan.max_redirects}) from {url}")


async def fetch_http(url: str, plan: Plan, client: httpx.AsyncClient | None) -> Page:
    """The page at `url` under `plan`, on `client` or a client of its own; only ReaderErrors."""
    host = httpx.URL(url).host
    timeout = plan.timeout
    try:
        async with asyncio.timeout(plan.total):  # httpx times each read, not the whole download
            if client is not None:
                return await _follow(client, url, plan)
            async with make_client(max_connections=2) as own:
                return await _follow(own, url, plan)
    except httpx.ConnectTimeout as exc:
        failed = failed_url(exc, url).host
        raise FetchTimeout(
            f"{failed} did not accept a connection within {timeout.connect:g} s"
        ) from exc
    except httpx.ReadTimeout as exc:
        failed = failed_url(exc, url).host
        raise FetchTimeout(
            f"{failed} stopped sending: nothing arrived for {timeout.read:g} s"
        ) from exc
    except (TimeoutError, httpx.TimeoutException) as exc:
        raise FetchTimeout(f"{host} did not deliver the page within {plan.total:g} s") from exc
    except httpx.ConnectError as exc:
        raise connect_error(exc, url) from exc
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise unopenable_redirect(url, str(exc)) from exc
    except httpx.HTTPError as exc:  # ReadError, RemoteProtocolError, ProxyError, ...
        raise NetworkError(
            f"the connection to {host} failed: {str(exc) or type(exc).__name__}"
        ) from exc
    except OSError as exc:
        raise NetworkError(f"cannot fetch {url}: {exc.strerror or exc}") from exc
