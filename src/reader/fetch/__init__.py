"""A source (web address, file or "-") to a decoded `Page`, or a `ReaderError` saying why not.

Everything a user can get wrong or the network can do ends here as one of the `reader.errors`
types with a one-line message, never a traceback. No UI imports: the CLI and the TUI both call
`fetch_page` and show the error their own way.

On the web: one GET per hop on one httpx client (the caller's, shared, or one per call), HTTP
redirects and `<meta http-equiv="refresh">` followed by hand within one budget, answers from the
on-disk HTTP cache (`reader.http_cache`) or revalidated with a 304, transient failures retried
(`RetryPolicy`), bodies decompressed here under a cap, and one deadline over all of it. A page
from the network can never lead to a local file (see `is_safe_remote_link`).

This package module is the public API only; each part lives in a module named for what it does:
`sources` (what an argument names), `local` (files and standard input), `kinds` (what a body
is), `page`, `client` (headers and the httpx client), `web` (the HTTP fetch), with `refresh`,
`retry`, `decompress` and `network_errors` beside it, `limits` (defaults) and `entry`
(`fetch_page`, `fetch`).
"""

from __future__ import annotations

from reader.fetch.client import (
    ACCEPT,
    ACCEPT_ENCODING,
    USER_AGENT,
    accept_language,
    http2_available,
    make_client,
)
from reader.fetch.entry import FetchOptions, fetch, fetch_page
from reader.fetch.limits import (
    CONNECT_TIMEOUT,
    DEFAULT_TIMEOUT,
    MAX_BYTES,
    MAX_REDIRECTS,
    READ_TIMEOUT,
)
from reader.fetch.page import Page
from reader.fetch.refresh import MAX_REFRESH_DELAY
from reader.fetch.retry import DEFAULT_RETRY, NO_RETRY, RetryPolicy
from reader.fetch.sources import (
    Source,
    SourceKind,
    classify_source,
    is_safe_remote_link,
    resolve_source,
)

__all__ = [
    "ACCEPT",
    "ACCEPT_ENCODING",
    "CONNECT_TIMEOUT",
    "DEFAULT_RETRY",
    "DEFAULT_TIMEOUT",
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "MAX_REFRESH_DELAY",
    "NO_RETRY",
    "READ_TIMEOUT",
    "USER_AGENT",
    "FetchOptions",
    "Page",
    "RetryPolicy",
    "Source",
    "SourceKind",
    "accept_language",
    "classify_source",
    "fetch",
    "fetch_page",
    "http2_available",
    "is_safe_remote_link",
    "make_client",
    "resolve_source",
]
