"""The error taxonomy as a whole: every failure type has a hint, a one-line message and an exit
code the README documents, and each user-meaningful failure really arrives as its own type.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader import errors
from reader.errors import (
    ConnectionRefused,
    FetchTimeout,
    HostNotFound,
    HTTPStatusError,
    NotAnArticle,
    ReaderError,
    RedirectLoop,
    TLSFailure,
    TooLarge,
    UsageError,
)
from reader.fetch import fetch_page
from tests.support.server import PageServer, unaccepting_port
from tests.unit.test_fetch import PDF, free_port

README = Path(__file__).resolve().parents[2] / "README.md"


def all_error_types() -> list[type[ReaderError]]:
    found: list[type[ReaderError]] = []
    pending: list[type[ReaderError]] = [ReaderError]
    while pending:
        kind = pending.pop()
        found.append(kind)
        pending.extend(kind.__subclasses__())
    return [kind for kind in found if kind.__module__ == errors.__name__]


def documented_exit_codes() -> set[int]:
    section = README.read_text(encoding="utf-8").split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    return {int(code) for code in re.findall(r"^\|\s*(\d+)\s*\|", section, re.MULTILINE)}


@pytest.mark.parametrize("kind", all_error_types(), ids=lambda kind: kind.__name__)
def test_every_error_type_has_a_hint_and_a_documented_exit_code(
    kind: type[ReaderError],
) -> None:
    assert kind.hint or kind is ReaderError
    assert kind.exit_code in documented_exit_codes()


def test_the_readme_documents_the_exit_codes_the_cli_uses() -> None:
    assert {0, 1, 2, 3, 4, 5, 6, 130} <= documented_exit_codes()


def test_a_caller_may_give_an_http_error_a_better_hint() -> None:
    error = HTTPStatusError(429, "https://e.com/", "Too Many Requests", hint="wait 2 minutes")
    assert str(error) == "HTTP 429 Too Many Requests from https://e.com/ — wait 2 minutes"
    assert HTTPStatusError(429, "https://e.com/").hint.startswith("the site is rate-limiting")
    assert HTTPStatusError(418, "https://e.com/").hint == HTTPStatusError.hint


async def test_each_failure_arrives_as_its_own_type(http_server: PageServer) -> None:
    http_server.redirect("/loop", "/loop")
    http_server.route("/big", b"<p>" + b"x" * 5000)
    http_server.route("/pdf", PDF, content_type="text/html")
    with unaccepting_port() as silent_port, PageServer(tls=True) as tls_server:
        cases: list[tuple[str, type[ReaderError]]] = [
            ("htp:/typo", UsageError),
            ("http://no-such-host.invalid/", HostNotFound),
            (f"http://127.0.0.1:{free_port()}/", ConnectionRefused),
            (tls_server.url("/"), TLSFailure),
            (f"http://127.0.0.1:{silent_port}/", FetchTimeout),
            (http_server.url("/big"), TooLarge),
            (http_server.url("/loop"), RedirectLoop),
            (http_server.url("/missing"), HTTPStatusError),
            (http_server.url("/pdf"), NotAnArticle),
        ]
        for source, kind in cases:
            with pytest.raises(ReaderError) as caught:
                await fetch_page(source, timeout=2, connect_timeout=0.3, max_bytes=1000)
            assert type(caught.value) is kind, source
            line = str(caught.value)
            assert "\n" not in line
            assert " — " in line  # message — hint
