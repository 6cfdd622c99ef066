"""What a source argument names: a web address, a file or "-" (standard input).

Rules, in order: "-" is standard input; http(s):// and file:// addresses are what they say; an
existing path is a file; any other scheme is a usage error; a name ending in a document suffix
(".html", ".txt", ...) is a file; something shaped like a host name ("example.com/a",
"localhost:8000") is a web address (https://, or http:// for loopback hosts, which rarely have
certificates); anything else is a file, so a mistyped path reports "no such file".
`is_safe_remote_link` is the stricter rule for links found in a web page: never a local file.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from urllib.request import url2pathname

import httpx

from reader.errors import UsageError

SourceKind = Literal["http", "file", "stdin"]


@dataclass(frozen=True, slots=True)
class Source:
    """What a command-line source argument names."""

    kind: SourceKind
    location: str
    """An absolute http(s) URL, a filesystem path, or "-"."""


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):(.*)", re.DOTALL)
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_HOST_LIKE = re.compile(
    rf"""(?P<host>localhost|\d{{1,3}}(?:\.\d{{1,3}}){{3}}|\[[0-9A-Fa-f:.]+\]
          |(?:{_LABEL}\.)+(?:[^\W\d_]{{2,}}|xn--[\w-]+))
        (?::\d{{1,5}})?(?:[/?#].*)?""",
    re.VERBOSE | re.DOTALL,
)
_LOOPBACK_HOSTS = re.compile(r"localhost|127(?:\.\d{1,3}){3}|\[::1\]")
_DOCUMENT_SUFFIXES = frozenset(
    {".htm", ".html", ".shtml", ".xht", ".xhtml", ".txt", ".text", ".md", ".markdown", ".rst"}
    | {".xml", ".pdf", ".epub"}
)
WEB_HINT = "web addresses start with https://, e.g. https://example.com/article"
STDIN_HINT = "pipe a page in, e.g. curl -s https://example.com/article | reader -"


def resolve_source(source: str) -> Source:
    """Decide what a source argument names; raises UsageError for addresses reader cannot open."""
    if source == "-":
        return Source("stdin", "-")
    text = source.strip()
    if not text:
        raise UsageError("no web address or file given", WEB_HINT)
    scheme_match = _SCHEME.fullmatch(text)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if scheme in ("http", "https"):
        return Source("http", _checked_url(text, source))
    if scheme == "file":
        return Source("file", _file_url_path(text))
    path = _expand_user(source)
    if os.path.lexists(path):
        return Source("file", str(path))
    host_like = _HOST_LIKE.fullmatch(text)
    windows_drive = os.name == "nt" and len(scheme) == 1
    if scheme_match and not host_like and not windows_drive:
        raise UsageError(f"not a web address or file: {source!r}", _scheme_hint(scheme_match))
    first_segment = re.split(r"[/\\]", text, maxsplit=1)[0]
    if (
        text.startswith(("/", "./", "../", "~", ".\\", "..\\"))
        or Path(first_segment).suffix.lower() in _DOCUMENT_SUFFIXES
    ):
        return Source("file", str(path))
    if host_like:
        loopback = _LOOPBACK_HOSTS.fullmatch(host_like.group("host")) is not None
        return Source("http", _checked_url(f"{'http' if loopback else 'https'}://{text}", source))
    return Source("file", str(path))


def _expand_user(source: str) -> Path:
    try:
        return Path(source).expanduser()
    except RuntimeError:  # "~nobody-by-that-name/x": keep it literal, the read will say so
        return Path(source)


def classify_source(source: str) -> SourceKind:
    """ "http", "file" or "stdin"; raises UsageError for an address reader cannot open."""
    return resolve_source(source).kind


def _scheme_hint(scheme_match: re.Match[str]) -> str:
    scheme, rest = scheme_match.group(1), scheme_match.group(2)
    if difflib.get_close_matches(scheme.lower(), ["http", "https"], n=1, cutoff=0.6):
        return f"did you mean 'https://{rest.lstrip('/')}'?"
    return "reader opens http:// and https:// addresses, local files and - (standard input)"


def _checked_url(url: str, source: str) -> str:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise UsageError(f"not a valid web address: {source!r} ({exc})", WEB_HINT) from exc
    if not parsed.host:
        raise UsageError(f"web address without a host name: {source!r}", WEB_HINT)
    return url


def _file_url_path(url: str) -> str:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise UsageError(
            f"file:// address on another host: {url!r}",
            "only local files can be opened; copy the file here first",
        )
    if not parts.path:
        raise UsageError(f"file:// address without a path: {url!r}", "e.g. file:///home/me/a.html")
    return url2pathname(parts.path)


def is_safe_remote_link(url: str) -> bool:
    """Whether a link found in a web page may be followed: an absolute http(s) URL with a host.

    Everything else (file://, a bare path, javascript:, data:, a relative link not yet resolved
    against the page's URL) is refused, so a page can never make the reader open a local file.
    """
    scheme_match = _SCHEME.fullmatch(url.strip())
    if scheme_match is None or scheme_match.group(1).lower() not in ("http", "https"):
        return False
    try:
        return bool(httpx.URL(url.strip()).host)
    except (httpx.InvalidURL, ValueError):
        return False
