"""The httpx client reader fetches with, and the headers it sends.

One place decides the User-Agent, Accept, Accept-Language (from the POSIX locale) and
Accept-Encoding (only what `reader.fetch.decompress` can unpack under a cap), HTTP/2 when `h2`
is installed, proxies and CA bundles from the environment, and a TLS context built once per
process rather than once per client.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import ssl
from collections.abc import Mapping
from typing import Final

import httpx

from reader.fetch.limits import CONNECT_TIMEOUT, DEFAULT_TIMEOUT


def _version() -> str:
    # `reader/__init__` imports the extract package; reading the attribute at call time (not
    # `from reader import __version__` at the top) keeps this module importable on its own.
    import reader

    return str(getattr(reader, "__version__", "0"))


USER_AGENT: Final = f"reader-tui/{_version()} (+https://pypi.org/project/reader-tui/)"
ACCEPT: Final = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
ACCEPT_ENCODING: Final = "gzip, deflate"


_LOCALE = re.compile(r"(?P<lang>[A-Za-z]{2,3})(?:[_-](?P<region>[A-Za-z]{2}|\d{3}))?")


def accept_language(environ: Mapping[str, str] | None = None) -> str:
    """An Accept-Language value from the POSIX locale: vi_VN.UTF-8 -> "vi-VN,vi;q=0.9,en;q=0.5"."""
    env = os.environ if environ is None else environ
    value = next((env[var] for var in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(var)), "")
    match = _LOCALE.fullmatch(value.split(".", 1)[0].split("@", 1)[0])
    if match is None:  # "", "C", "POSIX", "C.UTF-8", nonsense
        return "en"
    lang = match.group("lang").lower()
    region = match.group("region")
    ranges = [f"{lang}-{region.upper()}", f"{lang};q=0.9"] if region else [lang]
    if lang != "en":
        ranges.append("en;q=0.5")
    return ",".join(ranges)


def request_headers(language: str | None = None) -> dict[str, str]:
    """The headers of every request; `language` overrides the locale's Accept-Language."""
    return {
        "User-Agent": USER_AGENT,
        "Accept": ACCEPT,
        "Accept-Language": language or accept_language(),
        "Accept-Encoding": ACCEPT_ENCODING,  # only what `BodyDecoder` can unpack with a cap
    }


@functools.cache
def http2_available() -> bool:
    """Whether `h2` imports, so HTTP/2 can be offered (`pip install 'reader-tui[http2]'`)."""
    try:
        importlib.import_module("h2")
    except ImportError:
        return False
    return True


def make_client(*, max_connections: int = 10, http2: bool | None = None) -> httpx.AsyncClient:
    """The client reader fetches with: share one for many fetches (the TUI, batches).

    Our headers; redirects left to `fetch_page` (which also counts meta refreshes); HTTP/2 when
    `h2` is installed (`http2=None`); proxies from HTTP(S)_PROXY / ALL_PROXY / NO_PROXY, as
    httpx reads them (`trust_env`). Close it with `await client.aclose()` or `async with`.
    """
    use_http2 = http2_available() if http2 is None else http2
    return httpx.AsyncClient(
        headers=request_headers(),
        verify=_tls_context(
            os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"), use_http2
        ),
        follow_redirects=False,
        timeout=httpx.Timeout(DEFAULT_TIMEOUT, connect=CONNECT_TIMEOUT),
        limits=httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        ),
        http2=use_http2,
        trust_env=True,
    )


@functools.lru_cache(maxsize=8)
def _tls_context(cafile: str | None, capath: str | None, http2: bool) -> ssl.SSLContext:
    """Reading the CA bundle costs ~15 ms: once per process, not once per client.

    The arguments only key the cache: httpx reads SSL_CERT_FILE / SSL_CERT_DIR itself. `http2`
    keys it too because httpcore sets the context's ALPN protocols from the client's choice.
    """
    return httpx.create_ssl_context(trust_env=True)
