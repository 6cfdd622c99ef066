"""httpx's exceptions, read down to their causes, as `reader.errors` types with one-line messages.

A DNS failure, a refused connection and a certificate problem all arrive as `ConnectError`;
the user needs to know which one, and for which host (a redirect target, not always the first).
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator

import httpx

from reader.errors import ConnectionRefused, HostNotFound, NetworkError, TLSFailure


def exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """An exception, its causes and contexts, and the members of any exception groups."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                pending.append(linked)


def failed_url(exc: httpx.RequestError, fallback: str) -> httpx.URL:
    """The address whose request failed (a redirect target), else `fallback`."""
    try:
        return exc.request.url  # the redirect target that failed, not necessarily the first URL
    except RuntimeError:
        return httpx.URL(fallback)


def connect_error(exc: httpx.ConnectError, url: str) -> NetworkError:
    """Which connection failure this was: unknown host, refusal, TLS, or something else."""
    failed = failed_url(exc, url)
    host = failed.host
    where = f"{host}:{failed.port}" if failed.port else host
    for cause in exception_chain(exc):
        if isinstance(cause, socket.gaierror):
            return HostNotFound(f"cannot find the server {host!r} ({url})")
        if isinstance(cause, ConnectionRefusedError):
            return ConnectionRefused(f"{where} refused the connection ({url})")
        if isinstance(cause, ssl.SSLCertVerificationError):
            detail = cause.verify_message or cause.reason or str(cause)
            return TLSFailure(f"no secure connection to {host}: {detail}")
        if isinstance(cause, ssl.SSLError):  # a handshake failure, not a certificate problem
            detail = str(cause.reason or cause).replace("_", " ").lower()
            return TLSFailure(
                f"no secure connection to {host}: {detail}",
                "the server may not speak https; check the address (or try http://)",
            )
    return NetworkError(f"cannot connect to {where}: {exc}")


def unopenable_redirect(url: str, target: str) -> NetworkError:
    """A hop to an address reader will not open (not http(s), no host, malformed)."""
    return NetworkError(
        f"{url} redirected to an address reader cannot open: {target[:200]!r}",
        "open it in a browser instead",
    )
