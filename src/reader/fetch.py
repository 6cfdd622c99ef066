"""A source (web address, file or "-") to a decoded `Page`, or a `ReaderError` saying why not.

Everything a user can get wrong or the network can do ends here as one of the `reader.errors`
types with a one-line message, never a traceback. No UI imports: the CLI and the TUI both call
`fetch_page` and show the error their own way.

Source rules, in order: "-" is standard input; http(s):// and file:// addresses are what they say;
an existing path is a file; any other scheme is a usage error; a name ending in a document suffix
(".html", ".txt", ...) is a file; something shaped like a host name ("example.com/a",
"localhost:8000") is a web address (https://, or http:// for loopback hosts, which rarely have
certificates); anything else is a file, so a mistyped path reports "no such file".
"""

from __future__ import annotations

import asyncio
import difflib
import os
import re
import socket
import ssl
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO, Final, Literal
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

__all__ = [
    "ACCEPT",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "Page",
    "Source",
    "SourceKind",
    "accept_language",
    "classify_source",
    "fetch",
    "fetch_page",
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
MAX_REDIRECTS: Final = 10

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


def _request_headers() -> dict[str, str]:
    return {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Language": accept_language()}


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


async def _download(client: httpx.AsyncClient, url: str, timeout: float, max_bytes: int) -> Page:
    async with client.stream(
        "GET",
        url,
        headers=_request_headers(),
        follow_redirects=True,
        timeout=httpx.Timeout(timeout),
    ) as response:
        final_url = str(response.url)
        if response.status_code >= 400:
            raise HTTPStatusError(response.status_code, final_url, response.reason_phrase)
        header = response.headers.get("content-type")
        media_type = _media_type(header)
        _refuse_by_type(media_type, "this link")
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise TooLarge(f"{final_url} is larger than the {_size(max_bytes)} limit")
        chunks: list[bytes] = []
        total = 0
        async for chunk in response.aiter_bytes():  # decompressed: the cap also stops gzip bombs
            chunks.append(chunk)
            if total < _MAGIC_LENGTH <= total + len(chunk):  # stop a PDF after its first bytes
                _refuse_magic(b"".join(chunks))
            total += len(chunk)
            if total > max_bytes:
                raise TooLarge(f"{final_url} is larger than the {_size(max_bytes)} limit")
        headers = MappingProxyType({k.lower(): v for k, v in response.headers.items()})
    data = b"".join(chunks)
    content_type = _article_type(media_type, data, "this link")
    return _page(final_url, data, content_type, charset_from_content_type(header), headers)


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


async def _fetch_http(
    url: str, *, timeout: float, max_bytes: int, client: httpx.AsyncClient | None
) -> Page:
    host = httpx.URL(url).host
    redirect_limit = MAX_REDIRECTS if client is None else client.max_redirects
    try:
        async with asyncio.timeout(timeout):  # httpx times each read, not the whole download
            if client is not None:
                return await _download(client, url, timeout, max_bytes)
            async with httpx.AsyncClient(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=httpx.Timeout(timeout),
            ) as own:
                return await _download(own, url, timeout, max_bytes)
    except (TimeoutError, httpx.TimeoutException) as exc:
        raise FetchTimeout(f"{host} did not deliver the page within {timeout:g} s") from exc
    except httpx.TooManyRedirects as exc:
        raise RedirectLoop(f"too many redirects (more than {redirect_limit}) from {url}") from exc
    except httpx.ConnectError as exc:
        raise _connect_error(exc, url) from exc
    except httpx.DecodingError as exc:
        raise NetworkError(
            f"{host} sent a corrupt compressed page", "try again later; the server is misbehaving"
        ) from exc
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise NetworkError(
            f"{url} redirected to an address reader cannot open ({exc})",
            "open it in a browser instead",
        ) from exc
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
    timeout: float = 15.0,
    max_bytes: int = 20_000_000,
    client: httpx.AsyncClient | None = None,
    stdin: BinaryIO | None = None,
) -> Page:
    """Fetch and decode a web address, a local file or "-"; raises only ReaderError subclasses.

    `timeout` bounds the whole download (connect, redirects and body), not just each read;
    `max_bytes` bounds the body after decompression. `client` lets a long-lived caller reuse
    connections (our headers, redirects and timeouts still apply); it is left open. `stdin`
    replaces `sys.stdin.buffer` for "-". Local sources never touch the network.
    """
    resolved = resolve_source(source)
    if resolved.kind == "http":
        return await _fetch_http(
            resolved.location, timeout=timeout, max_bytes=max_bytes, client=client
        )
    return await _local_page(resolved, max_bytes, stdin)


def fetch(
    source: str,
    *,
    timeout: float = 15.0,
    max_bytes: int = 20_000_000,
    client: httpx.AsyncClient | None = None,
    stdin: BinaryIO | None = None,
) -> Page:
    """`fetch_page` for callers without an event loop; a `client` must not be used elsewhere."""
    return asyncio.run(
        fetch_page(source, timeout=timeout, max_bytes=max_bytes, client=client, stdin=stdin)
    )
