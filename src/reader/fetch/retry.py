"""When a failed GET is worth trying again, and how long to wait first.

Only transient failures are retried (a dropped connection, 429 and 502-504): the rest would
fail the same way again and only make the user wait.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Final

import httpx

from reader.fetch.network_errors import exception_chain


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try again after a transient failure of a GET (which is idempotent).

    Retried: a connection reset or dropped mid-answer, 502/503/504, and 429. A Retry-After
    header is honoured when it asks for at most `max_retry_after` seconds (and fits in the
    deadline); a longer wait fails at once with a message that says how long the site asked
    for. Without it, the waits are `backoff`, 2 x `backoff`, ... Never retried: other 4xx,
    unknown hosts, refused connections, TLS failures, timeouts.
    """

    attempts: int = 3
    """Tries in all, the first included; 1 turns retrying off."""
    backoff: float = 0.5
    """Seconds before the second try; doubled for each further one."""
    max_retry_after: float = 10.0

    def wait(self, attempt: int) -> float:
        """The pause after failed try number `attempt` (1-based) when the server names none."""
        return float(self.backoff * 2 ** (attempt - 1))


DEFAULT_RETRY: Final = RetryPolicy()
NO_RETRY: Final = RetryPolicy(attempts=1)
RETRY_STATUSES: Final = frozenset({429, 502, 503, 504})


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def is_transient(exc: httpx.TransportError) -> bool:
    """A dropped connection, which a second try often gets past; not DNS, refusal, TLS, time."""
    if isinstance(exc, httpx.ReadError | httpx.WriteError | httpx.RemoteProtocolError):
        return True
    if isinstance(exc, httpx.ConnectError):
        return any(
            isinstance(cause, ConnectionResetError | ConnectionAbortedError)
            for cause in exception_chain(exc)
        )
    return False
