"""A source (web address, file or "-") to a decoded `Page`, or a `ReaderError` saying why not.

Everything a user can get wrong or the network can do ends here as one of the `reader.errors`
types with a one-line message, never a traceback. No UI imports: the CLI and the TUI both call
`fetch_page` and show the error their own way.

Source rules, in order: "-" is standard input; http(s):// and file:// addresses are what they say;
an existing path is a file; any other scheme is a usage error; a name ending in a document suffix
(".html", ".txt", ...) is a file; something shaped like a host name ("example.com/a",
"localhost:8000") is a web address (https://, or http:// for loopback hosts, which rarely have
certificates); anything else is a file, so a mistyped path reports "no such file".

On the web: one GET per hop on one httpx client (the caller's, shared, or one per call), HTTP
redirects and `<meta http-equiv="refresh">` followed by hand within one budget, answers from the
on-disk HTTP cache (`reader.http_cache`) or revalidated with a 304, transient failures retried
(`RetryPolicy`), bodies decompressed here under a cap, and one deadline over all of it. A page
from the network can never lead to a local file (see `is_safe_remote_link`).
"""

from __future__ import annotations

import asyncio
import difflib
import functools
import html
import importlib
import os
import re
import socket
import ssl
import sys
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO, Final, Literal, TypedDict, Unpack
from urllib.parse import urlsplit
from urllib.request import url2pathname

import httpx

from reader.decode import charset_from_content_type, decode_html, sniff_bom
from reader.errors import (
    ConnectionRefused,
    FetchTimeout,
    HostNotFound,
    HTTPStatusError,
    NetworkError,
    NotAnArticle,
    RedirectLoop,
    SourceError,
    TLSFailure,
    TooLarge,
    UsageError,
)
from reader.http_cache import CachedResponse, HttpCache

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

SourceKind = Literal["http", "file", "stdin"]

_EMPTY_HEADERS: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched document, decoded; what `extract` needs and what the library stores."""

    url: str
    """The final URL after redirects; an absolute path for files; "-" for standard input."""
    text: str
    """The decoded body, NFC, with newlines normalised to "\\n" (as an HTML parser would)."""
    content_type: str
    """How to read `text`: "text/html", "application/xhtml+xml" or "text/plain"."""
    encoding: str
    """The codec the bytes were decoded with."""
    data: bytes = field(repr=False)
    """The raw body (after gzip/deflate), as received."""
    headers: Mapping[str, str] = field(default_factory=lambda: _EMPTY_HEADERS, repr=False)
    """Response headers with lower-case names, read-only; empty for files and standard input."""


@dataclass(frozen=True, slots=True)
class Source:
    """What a command-line source argument names."""

    kind: SourceKind
    location: str
    """An absolute http(s) URL, a filesystem path, or "-"."""


def _version() -> str:
    # `reader/__init__` imports the extract package; reading the attribute at call time (not
    # `from reader import __version__` at the top) keeps this module importable on its own.
    import reader

    return str(getattr(reader, "__version__", "0"))


USER_AGENT: Final = f"reader-tui/{_version()} (+https://pypi.org/project/reader-tui/)"
ACCEPT: Final = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
ACCEPT_ENCODING: Final = "gzip, deflate"
MAX_REDIRECTS: Final = 10
"""HTTP redirects and meta refreshes together."""
MAX_BYTES: Final = 20_000_000
"""Default cap on a body, after decompression."""
DEFAULT_TIMEOUT: Final = 15.0
"""Default deadline for a whole fetch, in seconds."""
CONNECT_TIMEOUT: Final = 10.0
READ_TIMEOUT: Final = 10.0

# --- sources -------------------------------------------------------------------------------

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
_WEB_HINT = "web addresses start with https://, e.g. https://example.com/article"
_STDIN_HINT = "pipe a page in, e.g. curl -s https://example.com/article | reader -"


def resolve_source(source: str) -> Source:
    """Decide what a source argument names; raises UsageError for addresses reader cannot open."""
    if source == "-":
        return Source("stdin", "-")
    text = source.strip()
    if not text:
        raise UsageError("no web address or file given", _WEB_HINT)
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
        raise UsageError(f"not a valid web address: {source!r} ({exc})", _WEB_HINT) from exc
    if not parsed.host:
        raise UsageError(f"web address without a host name: {source!r}", _WEB_HINT)
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


# --- request headers -----------------------------------------------------------------------

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


def _request_headers(language: str | None = None) -> dict[str, str]:
    return {
        "User-Agent": USER_AGENT,
        "Accept": ACCEPT,
        "Accept-Language": language or accept_language(),
        "Accept-Encoding": ACCEPT_ENCODING,  # only what `_BodyDecoder` can unpack with a cap
    }


# --- what a body is ------------------------------------------------------------------------

_ARTICLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_KINDS: Mapping[str, str] = {
    "application/pdf": "a PDF document",
    "application/x-pdf": "a PDF document",
    "application/zip": "a ZIP archive",
    "application/x-zip-compressed": "a ZIP archive",
    "application/gzip": "a compressed (gzip) file",
    "application/x-gzip": "a compressed (gzip) file",
    "application/x-tar": "a tar archive",
    "application/x-7z-compressed": "a 7-Zip archive",
    "application/vnd.rar": "a RAR archive",
    "application/x-rar-compressed": "a RAR archive",
    "application/epub+zip": "an e-book (EPUB)",
    "application/msword": "a Word document",
    "application/rtf": "an RTF document",
    "application/vnd.ms-excel": "a spreadsheet",
    "application/vnd.ms-powerpoint": "a presentation",
    "application/json": "JSON data",
    "application/javascript": "a script",
    "text/javascript": "a script",
    "text/css": "a style sheet",
}
_KIND_PREFIXES = (
    ("image/", "an image"),
    ("audio/", "an audio file"),
    ("video/", "a video"),
    ("font/", "a font"),
    ("application/vnd.openxmlformats-officedocument.", "an office document"),
    ("application/vnd.oasis.opendocument.", "an office document"),
)
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document or e-book)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b\x08", "a compressed (gzip) file"),
    (b"OggS\x00", "an Ogg audio or video file"),
    (b"fLaC", "a FLAC audio file"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
_MAGIC_LENGTH = 16
_HTML_SIGNS = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html"
    r"|<(?:html|head|body|title|meta|p|div|article|h1)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _known_kind(media_type: str) -> str | None:
    """A human name for a media type that is never an article, e.g. "a PDF document"."""
    if media_type in _KINDS:
        return _KINDS[media_type]
    for prefix, kind in _KIND_PREFIXES:
        if media_type.startswith(prefix):
            return f"{kind} ({media_type})"
    return None


def _magic_kind(data: bytes) -> str | None:
    """What a body is by its first bytes, whatever its Content-Type claims."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"ID3") and data[3:4] in (b"\x02", b"\x03", b"\x04"):
        return "an MP3 audio file"
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[4:8] == b"ftyp" and b"\x00" in data[:4]:
        return "a video or image (MP4 / HEIF family)"
    return None


def _head_text(data: bytes) -> str:
    head = data[:4096]
    bom = sniff_bom(head)
    if bom is not None:
        return head[bom[1] :].decode(bom[0], errors="replace")
    return head.decode("latin-1")


def _not_an_article(subject: str, kind: str) -> NotAnArticle:
    return NotAnArticle(f"{subject} is {kind}, not an HTML article")


def _refuse_by_type(media_type: str, subject: str) -> None:
    """Before downloading: a PDF or a video is not worth 20 MB of someone's data plan."""
    kind = _known_kind(media_type)
    if kind is not None:
        raise _not_an_article(subject, kind)


def _article_type(media_type: str, data: bytes, subject: str) -> str:
    """The content type to read the body as, or NotAnArticle; magic bytes outrank the label."""
    kind = _magic_kind(data[:_MAGIC_LENGTH])
    if kind is not None:
        raise _not_an_article(subject, kind)
    _refuse_by_type(media_type, subject)
    if not data.strip():
        raise NotAnArticle(
            f"{subject} is empty: there is nothing to read",
            _STDIN_HINT if subject == "standard input" else "check the address or path",
        )
    if media_type in _ARTICLE_TYPES:
        return media_type
    head = _head_text(data)
    if _HTML_SIGNS.search(head):
        return "text/html"
    if "\x00" in head:
        raise _not_an_article(subject, f"a binary file ({media_type or 'of unknown type'})")
    if media_type.endswith("xml"):
        raise _not_an_article(subject, f"XML data ({media_type})")
    if media_type in ("", "application/octet-stream") or media_type.startswith("text/"):
        return "text/plain"
    raise _not_an_article(subject, f"a {media_type} file")


def _page(
    url: str, data: bytes, content_type: str, charset: str | None, headers: Mapping[str, str]
) -> Page:
    text, encoding = decode_html(data, charset)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Page(url, text, content_type, encoding, data, headers)


def _size(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB" if limit >= 100_000 else f"{limit:,} bytes"


# --- local sources -------------------------------------------------------------------------

_FILE_TYPES: Mapping[str, str] = {
    ".htm": "text/html",
    ".html": "text/html",
    ".shtml": "text/html",
    ".xht": "application/xhtml+xml",
    ".xhtml": "application/xhtml+xml",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/plain",
    ".markdown": "text/plain",
    ".rst": "text/plain",
    ".pdf": "application/pdf",
    ".epub": "application/epub+zip",
    ".zip": "application/zip",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".mp3": "audio/mpeg",
    ".mp4": "video/mp4",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _read_stream(stream: BinaryIO, max_bytes: int, subject: str) -> bytes:
    """Read to EOF but never keep more than `max_bytes` (think /dev/zero or a runaway pipe)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(1 << 16, max_bytes + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise TooLarge(f"{subject} is larger than the {_size(max_bytes)} limit")
    return b"".join(chunks)


def _read_file(path: Path, max_bytes: int) -> bytes:
    shown = repr(str(path))  # repr: a hostile file name cannot smuggle escapes to the terminal
    try:
        if path.is_dir():
            raise SourceError(f"{shown} is a directory, not a file", "give the path of a page")
        with path.open("rb") as stream:
            return _read_stream(stream, max_bytes, shown)
    except FileNotFoundError:
        raise SourceError(f"no such file: {shown}", f"check the path; {_WEB_HINT}") from None
    except PermissionError:
        raise SourceError(f"permission denied: {shown}") from None
    except OSError as exc:
        raise SourceError(f"cannot read {shown}: {exc.strerror or exc}") from None
    except ValueError:  # an embedded NUL: no such file can exist
        raise SourceError(f"no such file: {shown}", f"check the path; {_WEB_HINT}") from None


def _read_stdin(stdin: BinaryIO | None, max_bytes: int) -> bytes:
    stream = stdin
    if stream is None:
        if sys.stdin is None:
            raise SourceError("standard input is closed", _STDIN_HINT)
        stream = sys.stdin.buffer
    try:
        return _read_stream(stream, max_bytes, "standard input")
    except OSError as exc:
        raise SourceError(f"cannot read standard input: {exc.strerror or exc}") from None


async def _local_page(source: Source, max_bytes: int, stdin: BinaryIO | None) -> Page:
    # Reads run in a thread: a slow pipe must not freeze an event loop that also draws a UI.
    if source.kind == "stdin":
        data = await asyncio.to_thread(_read_stdin, stdin, max_bytes)
        content_type = _article_type("", data, "standard input")
        return _page("-", data, content_type, None, _EMPTY_HEADERS)
    path = Path(source.location)
    data = await asyncio.to_thread(_read_file, path, max_bytes)
    declared = _FILE_TYPES.get(path.suffix.lower(), "")
    content_type = _article_type(declared, data, repr(str(path)))
    return _page(str(path.absolute()), data, content_type, None, _EMPTY_HEADERS)


# --- the web -------------------------------------------------------------------------------
#
# One GET per hop, redirects followed by hand so that HTTP redirects and <meta> refreshes share
# one budget and no hop can lead to a file; each hop may be answered by the cache, retried when
# the failure is transient, and its body is decompressed by us so a bomb is stopped at the cap.


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
_RETRY_STATUSES: Final = frozenset({429, 502, 503, 504})


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


@dataclass(frozen=True, slots=True)
class _Plan:
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
        headers=_request_headers(),
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


# --- Content-Encoding, decoded by us with a cap on the output --------------------------------


class _Overflow(Exception):
    """More decompressed bytes than allowed."""


class _Inflater:
    """One gzip or deflate layer that never produces more than it is allowed to.

    httpx's own decoders inflate a whole network chunk at once: 64 KB of a gzip bomb is 64 MB
    in memory before any size check. zlib's `max_length` stops at the cap instead.
    """

    def __init__(self, coding: str) -> None:
        self._gzip = coding in ("gzip", "x-gzip")
        self._raw = False  # deflate: zlib-wrapped, or raw as some servers send it
        self._started = False
        self._ended = False
        self._zlib = self._decompressor()

    def _decompressor(self) -> zlib._Decompress:
        if self._gzip:
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        return zlib.decompressobj(-zlib.MAX_WBITS if self._raw else zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        """Inflate `data`; raises _Overflow past `room` bytes of output."""
        out: list[bytes] = []
        while data and not self._ended:
            try:
                piece = self._zlib.decompress(data, room + 1)
            except zlib.error:
                if self._gzip or self._started or self._raw:
                    raise
                self._raw = True  # first bytes of a "deflate" body that is raw deflate
                self._zlib = self._decompressor()
                continue
            self._started = True
            room -= len(piece)
            if room < 0:
                raise _Overflow
            out.append(piece)
            data = b""
            if self._zlib.eof:
                data = self._zlib.unused_data
                if self._gzip and data.startswith(b"\x1f\x8b"):
                    self._zlib = self._decompressor()  # another gzip member follows
                else:
                    self._ended = True  # trailing bytes after the stream: ignored
        return b"".join(out)


class _BodyDecoder:
    """The Content-Encoding layers of a response, undone in reverse order, with a cap."""

    def __init__(self, content_encoding: str | None, host: str) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        self.compressed = False
        self._layers: list[_Inflater] = []
        for coding in reversed(codings):
            if coding == "identity":
                continue
            if coding not in ("gzip", "x-gzip", "deflate"):
                raise NetworkError(
                    f"{host} sent the page compressed as {coding!r}, which reader cannot unpack",
                    "the server ignored the encodings reader asked for; open it in a browser",
                )
            self._layers.append(_Inflater(coding))
            self.compressed = True

    def feed(self, data: bytes, room: int) -> bytes:
        """The next piece of the body; raises _Overflow once the body passes `room` bytes."""
        for layer in self._layers:
            data = layer.feed(data, room)
        if len(data) > room:
            raise _Overflow
        return data


# --- meta refresh ------------------------------------------------------------------------------

MAX_REFRESH_DELAY: Final = 10.0
"""A refresh that waits longer than this is a page that reloads itself, not a redirect."""
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?""")
_REFRESH = re.compile(
    r"\s*(?P<delay>\d+)(?:\.[\d.]*)?\s*(?:[;,]\s*(?:url\s*=\s*)?(?P<url>.*))?",
    re.IGNORECASE | re.DOTALL,
)
_REFRESH_SCAN = 65_536
"""Characters of the page searched for a refresh (it belongs in <head>)."""


def _parse_refresh(content: str) -> tuple[float, str] | None:
    """(delay, url) from a refresh value such as "0; url='/next'", or None without a URL."""
    match = _REFRESH.fullmatch(content)
    if match is None or not match.group("url"):
        return None
    target = match.group("url").strip()
    if target[:1] in ("'", '"'):
        quote = target[0]
        target = target[1:].split(quote, 1)[0]
    target = target.strip()
    return (float(match.group("delay")), target) if target else None


def _refresh_value(page: Page) -> str | None:
    """The page's refresh instruction: the Refresh header, else a `<meta http-equiv>`.

    Tags inside comments or `<noscript>` are skipped: the latter send script-less browsers to
    a "please enable JavaScript" page, while the article is usually in the page itself.
    """
    header = page.headers.get("refresh")
    if header is not None:
        return header
    if page.content_type == "text/plain":
        return None
    head = page.text[:_REFRESH_SCAN]
    lower = head.lower()
    for tag in _META_TAG.finditer(head):
        attributes = {
            name.lower(): html.unescape(value.strip("\"'"))
            for name, value in _ATTRIBUTE.findall(tag.group(0)[5:-1])
        }
        if attributes.get("http-equiv", "").strip().lower() != "refresh":
            continue
        start = tag.start()  # rfind, not a lazy regex: that rescans the page per unclosed "<!--"
        if lower.rfind("<!--", 0, start) > lower.rfind("-->", 0, start):
            continue
        if lower.rfind("<noscript", 0, start) > lower.rfind("</noscript", 0, start):
            continue
        return attributes.get("content", "")
    return None


def _refresh_target(page: Page) -> str | None:
    """Where a meta/header refresh sends the reader, if it is a redirect worth following.

    Only short delays (at most MAX_REFRESH_DELAY seconds), only http(s) targets, never the page
    itself (a page that reloads itself is the content). Anything else leaves the page as it is.
    """
    value = _refresh_value(page)
    parsed = _parse_refresh(value) if value is not None else None
    if parsed is None or parsed[0] > MAX_REFRESH_DELAY:
        return None
    try:
        here = httpx.URL(page.url)
        target = here.join(parsed[1])
    except (httpx.InvalidURL, ValueError):
        return None
    if target.scheme not in ("http", "https") or not target.host:
        return None
    if target.copy_with(fragment=None) == here.copy_with(fragment=None):
        return None
    return str(target)


# --- one hop ------------------------------------------------------------------------------------


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


def _retry_after(value: str | None) -> float | None:
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


def _is_transient(exc: httpx.TransportError) -> bool:
    """A dropped connection, which a second try often gets past; not DNS, refusal, TLS, time."""
    if isinstance(exc, httpx.ReadError | httpx.WriteError | httpx.RemoteProtocolError):
        return True
    if isinstance(exc, httpx.ConnectError):
        return any(
            isinstance(cause, ConnectionResetError | ConnectionAbortedError)
            for cause in _chain(exc)
        )
    return False


def _lower_headers(headers: httpx.Headers) -> Mapping[str, str]:
    return MappingProxyType({name.lower(): value for name, value in headers.items()})


def _page_from_cache(entry: CachedResponse) -> Page:
    header = entry.headers.get("content-type")
    content_type = _article_type(_media_type(header), entry.body, "this link")
    headers = MappingProxyType(dict(entry.headers))
    return _page(entry.url, entry.body, content_type, charset_from_content_type(header), headers)


def _redirect_target(response: httpx.Response, url: str) -> str:
    location = response.headers["location"]
    try:
        target = response.url.join(location)
    except (httpx.InvalidURL, ValueError) as exc:
        raise _unopenable_redirect(url, location) from exc
    if target.scheme not in ("http", "https") or not target.host:
        raise _unopenable_redirect(url, location)  # file:// included: never read a file
    return str(target)


def _unopenable_redirect(url: str, target: str) -> NetworkError:
    return NetworkError(
        f"{url} redirected to an address reader cannot open: {target[:200]!r}",
        "open it in a browser instead",
    )


async def _read_body(response: httpx.Response, plan: _Plan, final_url: str) -> bytes:
    """The decompressed body, refused as soon as it passes the cap or shows a PDF's magic."""
    decoder = _BodyDecoder(response.headers.get("content-encoding"), response.url.host)
    chunks: list[bytes] = []
    total = 0
    try:
        async for raw in response.aiter_raw():
            chunk = decoder.feed(raw, plan.max_bytes - total)
            if not chunk:
                continue
            chunks.append(chunk)
            if total < _MAGIC_LENGTH <= total + len(chunk):  # stop a PDF after its first bytes
                _refuse_magic(b"".join(chunks))
            total += len(chunk)
    except _Overflow:
        unpacked = " once decompressed" if decoder.compressed else ""
        raise TooLarge(
            f"{final_url} is larger than the {_size(plan.max_bytes)} limit{unpacked}"
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
    plan: _Plan,
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
        if status in _RETRY_STATUSES:
            wait = _retry_after(response.headers.get("retry-after"))
            return _Busy(status, final_url, response.reason_phrase, wait)
        if status >= 400:
            raise HTTPStatusError(status, final_url, response.reason_phrase)
        header = response.headers.get("content-type")
        media_type = _media_type(header)
        _refuse_by_type(media_type, "this link")
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > plan.max_bytes:
            raise TooLarge(f"{final_url} is larger than the {_size(plan.max_bytes)} limit")
        data = await _read_body(response, plan, final_url)
        response_headers = _lower_headers(response.headers)
    content_type = _article_type(media_type, data, "this link")
    page = _page(final_url, data, content_type, charset_from_content_type(header), response_headers)
    if plan.cache is not None and status == 200:
        await asyncio.to_thread(plan.cache.store, final_url, response_headers, data, headers)
    return page


async def _get(client: httpx.AsyncClient, url: str, plan: _Plan) -> Page | _Redirect:
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
            if last or not _is_transient(exc) or retry.wait(attempt) >= plan.time_left():
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


async def _follow(client: httpx.AsyncClient, url: str, plan: _Plan) -> Page:
    """Hop until a page that is not a redirect; HTTP redirects and refreshes share the budget."""
    current = str(httpx.URL(url))  # normalised, as responses report it: one cache key per page
    for _ in range(plan.max_redirects + 1):
        result = await _get(client, current, plan)
        if isinstance(result, _Redirect):
            current = result.target
            continue
        target = _refresh_target(result)
        if target is None:
            return result
        current = target
    raise RedirectLoop(f"too many redirects (more than {plan.max_redirects}) from {url}")


def _refuse_magic(head: bytes) -> None:
    kind = _magic_kind(head[:_MAGIC_LENGTH])
    if kind is not None:
        raise _not_an_article("this link", kind)


def _chain(exc: BaseException) -> Iterator[BaseException]:
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


def _failed_url(exc: httpx.RequestError, fallback: str) -> httpx.URL:
    try:
        return exc.request.url  # the redirect target that failed, not necessarily the first URL
    except RuntimeError:
        return httpx.URL(fallback)


def _connect_error(exc: httpx.ConnectError, url: str) -> NetworkError:
    failed = _failed_url(exc, url)
    host = failed.host
    where = f"{host}:{failed.port}" if failed.port else host
    for cause in _chain(exc):
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


async def _fetch_http(url: str, plan: _Plan, client: httpx.AsyncClient | None) -> Page:
    host = httpx.URL(url).host
    timeout = plan.timeout
    try:
        async with asyncio.timeout(plan.total):  # httpx times each read, not the whole download
            if client is not None:
                return await _follow(client, url, plan)
            async with make_client(max_connections=2) as own:
                return await _follow(own, url, plan)
    except httpx.ConnectTimeout as exc:
        failed = _failed_url(exc, url).host
        raise FetchTimeout(
            f"{failed} did not accept a connection within {timeout.connect:g} s"
        ) from exc
    except httpx.ReadTimeout as exc:
        failed = _failed_url(exc, url).host
        raise FetchTimeout(
            f"{failed} stopped sending: nothing arrived for {timeout.read:g} s"
        ) from exc
    except (TimeoutError, httpx.TimeoutException) as exc:
        raise FetchTimeout(f"{host} did not deliver the page within {plan.total:g} s") from exc
    except httpx.ConnectError as exc:
        raise _connect_error(exc, url) from exc
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise _unopenable_redirect(url, str(exc)) from exc
    except httpx.HTTPError as exc:  # ReadError, RemoteProtocolError, ProxyError, ...
        raise NetworkError(
            f"the connection to {host} failed: {str(exc) or type(exc).__name__}"
        ) from exc
    except OSError as exc:
        raise NetworkError(f"cannot fetch {url}: {exc.strerror or exc}") from exc


# --- entry points --------------------------------------------------------------------------


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
        return await _local_page(resolved, max_bytes, stdin)
    plan = _Plan(
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
        headers=_request_headers(language),
        deadline=asyncio.get_running_loop().time() + timeout,
    )
    return await _fetch_http(resolved.location, plan, client)


def fetch(
    source: str,
    *,
    client: httpx.AsyncClient | None = None,
    stdin: BinaryIO | None = None,
    **options: Unpack[FetchOptions],
) -> Page:
    """`fetch_page` for callers without an event loop; a `client` must not be used elsewhere."""
    return asyncio.run(fetch_page(source, client=client, stdin=stdin, **options))
