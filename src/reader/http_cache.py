"""A small on-disk HTTP cache, so re-opening an article is instant and costs the server a 304.

One file per URL under the user's cache directory (`READER_CACHE_DIR` overrides it): the body
as received (after gzip), the response headers, when it was stored, and the request headers the
response varies on. `fetch` asks `load` before a request, sends the entry's validators
(If-None-Match / If-Modified-Since), and on 304 serves the stored body via `refresh`.

Rules, those of a private cache (RFC 9111) cut down to what a reader needs: only 200 responses
are stored; `no-store` is never stored (and evicts an old entry); `private` is fine (this cache
belongs to one user); `no-cache` or no explicit lifetime means "revalidate every time"; a
response with neither a validator nor a lifetime is not worth storing; `Vary: *` is not stored.
Set-Cookie is never stored.

Why not hishel: it caches below httpx's streaming, where our size cap, decompression cap and
deadline live, its storage API changed completely between 0.x and 1.x, and hishel 2 stores
`no-store` responses unless told otherwise; the rules above fit in this file.

Writes are atomic (a temporary file, then `os.replace`), so a crash or a second process never
leaves half an entry; an entry that is corrupt anyway (truncated, edited, another version) is
ignored and removed, never an error. The directory is pruned, oldest first, past `max_bytes`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import MappingProxyType
from typing import Final
from urllib.parse import urldefrag

import platformdirs

__all__ = [
    "CACHE_DIR_ENV",
    "CachedResponse",
    "HttpCache",
    "cache_directives",
    "default_cache_dir",
    "freshness_lifetime",
    "is_storable",
]

CACHE_DIR_ENV: Final = "READER_CACHE_DIR"
_MAGIC: Final = b"reader-tui http cache 1\n"
_SUFFIX: Final = ".entry"
_NOT_STORED: Final = frozenset({"set-cookie", "set-cookie2", "connection", "keep-alive"})
_NOT_UPDATED_BY_304: Final = frozenset({"content-length", "content-encoding", "content-type"})
_STALE_TEMP_SECONDS: Final = 3600.0
_MAX_SECONDS: Final = 365 * 24 * 3600


def default_cache_dir() -> Path:
    """`$READER_CACHE_DIR`, else the platform's cache directory for reader-tui, plus "http"."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_cache_path("reader-tui") / "http"


# --- the rules -------------------------------------------------------------------------------


def cache_directives(headers: Mapping[str, str]) -> dict[str, str]:
    """Cache-Control as {directive: value} with lower-case names ("" for a bare directive).

    A legacy `Pragma: no-cache` counts as `no-cache` when there is no Cache-Control at all.
    """
    value = headers.get("cache-control")
    if value is None:
        return {"no-cache": ""} if "no-cache" in headers.get("pragma", "").lower() else {}
    directives: dict[str, str] = {}
    for part in value.split(","):
        name, _, argument = part.partition("=")
        name = name.strip().lower()
        if name:
            directives.setdefault(name, argument.strip().strip('"'))
    return directives


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _seconds(value: str) -> float:
    """A delta-seconds value; 0 when unreadable, and capped (a year) when absurdly large."""
    value = value.strip()
    if not value.isdigit() or not value.isascii():
        return 0.0
    return float(min(int(value[:12]), _MAX_SECONDS))


def freshness_lifetime(headers: Mapping[str, str]) -> float:
    """How many seconds a stored response may be reused without asking the server (0: never).

    `max-age` wins over `Expires`; `no-cache` means 0. No heuristic freshness: a page without
    an explicit lifetime is revalidated, which costs one small 304.
    """
    directives = cache_directives(headers)
    if "no-cache" in directives or "no-store" in directives:
        return 0.0
    if "max-age" in directives:
        return _seconds(directives["max-age"])  # unreadable means "stale" (RFC 9111 4.2.1)
    if "expires" in headers:
        expires = _http_date(headers.get("expires"))
        date = _http_date(headers.get("date"))
        if expires is None:
            return 0.0  # "Expires: 0" and friends: already expired
        origin = date or datetime.now(UTC)
        return max(0.0, (expires - origin).total_seconds())
    return 0.0


def is_storable(headers: Mapping[str, str]) -> bool:
    """Whether a 200 response with these (lower-case) headers is worth keeping."""
    if "no-store" in cache_directives(headers):
        return False
    if any(name.strip() == "*" for name in headers.get("vary", "").split(",")):
        return False
    has_validator = "etag" in headers or "last-modified" in headers
    return has_validator or freshness_lifetime(headers) > 0


def _vary_names(headers: Mapping[str, str]) -> list[str]:
    return sorted({n.strip().lower() for n in headers.get("vary", "").split(",") if n.strip()})


# --- entries ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CachedResponse:
    """A stored 200 response: what `fetch` needs to rebuild the page or to revalidate it."""

    url: str
    headers: Mapping[str, str]
    """Response headers, lower-case names."""
    body: bytes = field(repr=False)
    stored_at: float
    """`time.time()` when stored or last revalidated."""
    vary: Mapping[str, str] = field(default_factory=dict)
    """The request headers named by Vary, as they were sent (lower-case names)."""

    def age(self, now: float | None = None) -> float:
        """Seconds since the server produced it (RFC 9111 4.2.3, with our clock)."""
        initial = _seconds(self.headers.get("age", "0"))
        return max(0.0, (time.time() if now is None else now) - self.stored_at) + initial

    def is_fresh(self, now: float | None = None) -> bool:
        """Whether it may be shown without asking the server at all."""
        return self.age(now) < freshness_lifetime(self.headers)

    def validators(self) -> dict[str, str]:
        """The conditional request headers that let the server answer 304 Not Modified."""
        conditions: dict[str, str] = {}
        if "etag" in self.headers:
            conditions["If-None-Match"] = self.headers["etag"]
        if "last-modified" in self.headers:
            conditions["If-Modified-Since"] = self.headers["last-modified"]
        return conditions

    def matches(self, request_headers: Mapping[str, str]) -> bool:
        """Whether a request with these headers may be answered from this entry (Vary)."""
        sent = {name.lower(): value for name, value in request_headers.items()}
        return all(sent.get(name, "") == value for name, value in self.vary.items())


class HttpCache:
    """The store: one file per URL in `directory`, created (mode 0700) on first write."""

    def __init__(self, directory: Path | None = None, *, max_bytes: int = 200_000_000) -> None:
        self.directory = directory if directory is not None else default_cache_dir()
        self.max_bytes = max_bytes
        self._usage: int | None = None  # bytes on disk, counted once, then kept up to date
        self._lock = threading.Lock()  # batch fetches store from several threads

    def path_for(self, url: str) -> Path:
        """The file an entry for `url` lives in (the fragment is not part of the key)."""
        key = hashlib.sha256(urldefrag(url).url.encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / f"{key}{_SUFFIX}"

    # --- reading ---------------------------------------------------------------------------

    def load(
        self, url: str, request_headers: Mapping[str, str] | None = None
    ) -> CachedResponse | None:
        """The stored response for `url`, or None: missing, corrupt, or varying on a header
        that this request sends differently. A corrupt entry is removed."""
        path = self.path_for(url)
        try:
            raw = path.read_bytes()
        except OSError:  # missing (the usual case), unreadable, a directory: a miss
            return None
        entry = _parse(raw, urldefrag(url).url)
        if entry is None:
            self._discard(path)
            return None
        if request_headers is not None and not entry.matches(request_headers):
            return None
        with contextlib.suppress(OSError):  # recently used: pruned last
            os.utime(path)
        return entry

    # --- writing ---------------------------------------------------------------------------

    def store(
        self,
        url: str,
        headers: Mapping[str, str],
        body: bytes,
        request_headers: Mapping[str, str] | None = None,
    ) -> CachedResponse | None:
        """Keep a 200 response if the rules allow it; returns the entry, or None if not kept.

        A response that may not be stored also evicts what was stored for the URL before.
        Failing to write (read-only disk, full disk) is silent: a cache is an optimisation.
        """
        kept = {k.lower(): v for k, v in headers.items() if k.lower() not in _NOT_STORED}
        if not is_storable(kept):
            self.remove(url)
            return None
        sent = {k.lower(): v for k, v in (request_headers or {}).items()}
        vary = {name: sent.get(name, "") for name in _vary_names(kept)}
        entry = CachedResponse(urldefrag(url).url, MappingProxyType(kept), body, time.time(), vary)
        return entry if self._write(entry) else None

    def refresh(self, entry: CachedResponse, not_modified: Mapping[str, str]) -> CachedResponse:
        """Merge the headers of a 304 into `entry` (new ETag, Cache-Control, Date) and re-save.

        Returns the updated entry; it is returned even if it could not be written.
        """
        headers = dict(entry.headers)
        for name, value in not_modified.items():
            lower = name.lower()
            if lower not in _NOT_STORED and lower not in _NOT_UPDATED_BY_304:
                headers[lower] = value
        updated = replace(entry, headers=MappingProxyType(headers), stored_at=time.time())
        if "no-store" in cache_directives(headers):
            self.remove(entry.url)
        else:
            self._write(updated)
        return updated

    def remove(self, url: str) -> None:
        """Forget `url` (no error if it was never stored)."""
        self._discard(self.path_for(url))

    def clear(self) -> None:
        """Forget everything this cache stored."""
        for path in self._entries():
            self._discard(path)

    def _write(self, entry: CachedResponse) -> bool:
        data = _serialise(entry)
        path = self.path_for(entry.url)
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            old_size = path.stat().st_size if path.exists() else 0
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
        except OSError:
            return False
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)  # atomic: readers see the old entry or the new one
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return False
        self._account(len(data) - old_size)
        return True

    def _discard(self, path: Path) -> None:
        try:
            size = path.stat().st_size
            path.unlink()
        except OSError:
            return
        self._account(-size)

    # --- size ------------------------------------------------------------------------------

    def _entries(self) -> list[Path]:
        try:
            return [p for p in self.directory.iterdir() if p.name.endswith(_SUFFIX)]
        except OSError:
            return []

    def _account(self, delta: int) -> None:
        with self._lock:
            if self._usage is None:
                self._usage = self._measure()
            else:
                self._usage += delta
            over = self._usage > self.max_bytes
        if over:
            self.prune()

    def _measure(self) -> int:
        total = 0
        for path in self._entries():
            with contextlib.suppress(OSError):
                total += path.stat().st_size
        return total

    def prune(self, target: int | None = None) -> None:
        """Delete least recently used entries until at most `target` bytes (default 80 % of
        `max_bytes`) remain; also sweep temporary files left by a crashed writer."""
        goal = int(self.max_bytes * 0.8) if target is None else target
        now = time.time()
        sized: list[tuple[float, int, Path]] = []
        try:
            children = list(self.directory.iterdir())
        except OSError:
            return
        for path in children:
            try:
                stat = path.stat()
            except OSError:
                continue
            if path.name.startswith(".tmp-") and now - stat.st_mtime > _STALE_TEMP_SECONDS:
                with contextlib.suppress(OSError):
                    path.unlink()
            elif path.name.endswith(_SUFFIX):
                sized.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in sized)
        for _, size, path in sorted(sized):
            if total <= goal:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size
        with self._lock:
            self._usage = total


# --- the file format -------------------------------------------------------------------------
# MAGIC, one line of JSON (url, stored_at, headers, vary, length, crc32), then the body bytes.


def _serialise(entry: CachedResponse) -> bytes:
    meta = {
        "url": entry.url,
        "stored_at": entry.stored_at,
        "headers": dict(entry.headers),
        "vary": dict(entry.vary),
        "length": len(entry.body),
        "crc32": zlib.crc32(entry.body),
    }
    line = json.dumps(meta, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return b"".join((_MAGIC, line, b"\n", entry.body))


def _string_map(value: object) -> dict[str, str] | None:
    if not isinstance(value, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return None
    return {k.lower(): v for k, v in value.items()}


def _parse(raw: bytes, url: str) -> CachedResponse | None:
    """An entry from file bytes, or None for anything that is not exactly what we wrote."""
    if not raw.startswith(_MAGIC):
        return None
    line_end = raw.find(b"\n", len(_MAGIC))
    if line_end < 0:
        return None
    try:
        meta = json.loads(raw[len(_MAGIC) : line_end])
    except ValueError:  # JSONDecodeError, UnicodeDecodeError
        return None
    if not isinstance(meta, dict):
        return None
    body = raw[line_end + 1 :]
    headers, vary = _string_map(meta.get("headers")), _string_map(meta.get("vary"))
    stored_at = meta.get("stored_at")
    if (
        headers is None
        or vary is None
        or meta.get("url") != url  # a hash collision or a file copied from elsewhere
        or not isinstance(stored_at, int | float)
        or meta.get("length") != len(body)
        or meta.get("crc32") != zlib.crc32(body)
    ):
        return None
    return CachedResponse(url, MappingProxyType(headers), body, float(stored_at), vary)
