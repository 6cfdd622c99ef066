"""Every failure a user can meet, as one exception type with a one-line message and a hint.

The CLI prints `reader: <message> — <hint>` and exits with `exit_code`; the TUI shows the same
text in a notification. Exit codes are documented in the README.
"""

from __future__ import annotations

from typing import ClassVar


class ReaderError(Exception):
    """Base of user-meaningful failures. Never shown as a traceback."""

    exit_code: ClassVar[int] = 1
    hint: ClassVar[str] = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint  # type: ignore[misc]  # instance override of the class default

    def __str__(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


class UsageError(ReaderError):
    """The command line or a source argument makes no sense."""

    exit_code = 2
    hint = "see `reader --help`"


class SourceError(ReaderError):
    """A local file or standard input could not be read."""

    exit_code = 3
    hint = "check the path and its permissions"


class NetworkError(ReaderError):
    """No HTTP response at all: unknown host, refused connection, TLS failure, timeout."""

    exit_code = 4
    hint = "check the address and your connection, then try again"


class HostNotFound(NetworkError):
    hint = "check the spelling of the address, or your DNS / connection"


class ConnectionRefused(NetworkError):
    hint = "the server is down or the port is wrong; try again later"


class FetchTimeout(NetworkError):
    hint = "the server is slow or unreachable; try again later"


class TLSFailure(NetworkError):
    hint = "the site's certificate could not be verified; check the address"


class HTTPStatusError(ReaderError):
    exit_code = 5
    hint = "check the address; the page may have moved or the server may be failing"

    def __init__(self, status: int, url: str, reason: str = "", *, hint: str | None = None) -> None:
        self.status = status
        self.url = url
        label = f"HTTP {status}{' ' + reason if reason else ''}"
        # `hint`: the caller may know more, e.g. how long a 429 asked us to wait.
        super().__init__(f"{label} from {url}", hint if hint is not None else _status_hint(status))


def _status_hint(status: int) -> str | None:
    if status == 404 or status == 410:
        return "the page does not exist (any more); check the address"
    if status in (401, 403):
        return "the site refuses access; it may need a login or block readers"
    if status == 429:
        return "the site is rate-limiting; wait a minute and try again"
    if status >= 500:
        return "the server is failing; try again later"
    return None


class TooLarge(ReaderError):
    exit_code = 5
    hint = "the page is larger than the download limit"


class RedirectLoop(ReaderError):
    exit_code = 5
    hint = "the site redirects endlessly; open it in a browser to check"


class NotAnArticle(ReaderError):
    """The source is reachable but holds no readable article (PDF, image, empty page)."""

    exit_code = 6
    hint = "open it in a browser or another viewer instead"
