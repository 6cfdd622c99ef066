"""An article's pictures, fetched for the offline library: http(s) only, capped and checked.

A saved article keeps its images so an export (HTML, EPUB) shows them with no network. The web
page chooses the addresses, so nothing here trusts them:
- only absolute http(s) URLs are fetched (a relative `src` is resolved against the page's URL
  only when that is itself http(s)); `file:`, bare paths and every other scheme are refused, so
  a page can never make the reader read a local file; redirects are checked the same way;
- `data:` images are decoded inline (they are already in the page), up to the same size cap;
- each image is capped (`max_image_bytes`) and so is the article's total (`max_total_bytes`);
  a body is refused as soon as it passes either, before it is all downloaded;
- the bytes must be a raster picture we recognise by its magic (PNG, JPEG, GIF, WebP, AVIF)
  and the response must say it is an image (or say nothing more precise than octet-stream):
  an HTML error page served for a picture is skipped. SVG is refused: it is a document that
  can carry scripts and remote references, and a terminal cannot show it anyway;
- every failure skips that one image; saving an article never fails because of a picture.

The stored `src` is the figure's `src` as the Article has it, so exports find the bytes.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import struct
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes, urljoin, urlsplit

import httpx

from reader.fetch import is_safe_remote_link, make_client
from reader.image_types import sniff_image
from reader.library.export.entries import figure_sources
from reader.library.records import ImageData
from reader.model import Article

__all__ = [
    "IMAGE_CONCURRENCY",
    "MAX_IMAGES",
    "MAX_IMAGE_BYTES",
    "MAX_TOTAL_BYTES",
    "fetch_images",
    "image_sources",
    "image_url",
    "sniff_image",
]

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_TOTAL_BYTES = 20 * 1024 * 1024
MAX_IMAGES = 64
"""A gallery page is still one article: beyond this many pictures the rest keep captions only."""
IMAGE_CONCURRENCY = 4
IMAGE_TIMEOUT = 20.0
"""Seconds for one image (connect, redirects and body)."""
MAX_REDIRECTS = 5

SkipCallback = Callable[[str, str], None]
"""Told (src, reason) for each image not kept: for progress output and tests."""

_IMAGE_ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1"
_VAGUE_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})


class _Skip(Exception):
    """This image is not kept, for the reason given."""


def _dimensions(data: bytes, media_type: str) -> tuple[int | None, int | None]:
    """Width and height from the header where it is cheap to read (PNG, GIF, JPEG)."""
    try:
        if media_type == "image/png" and data[12:16] == b"IHDR":
            width, height = struct.unpack(">II", data[16:24])
            return width, height
        if media_type == "image/gif":
            width, height = struct.unpack("<HH", data[6:10])
            return width, height
        if media_type == "image/jpeg":
            return _jpeg_dimensions(data)
    except struct.error:
        pass
    return None, None


def _jpeg_dimensions(data: bytes) -> tuple[int | None, int | None]:
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None, None
        marker = data[index + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            index += 2
            continue
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return width, height
        index += 2 + length
    return None, None


def image_sources(article: Article) -> list[str]:
    """The article's picture addresses as written in it: its lead image, then each figure."""
    sources = [article.image] if article.image else []
    sources.extend(figure_sources(article.blocks))
    return list(dict.fromkeys(s for s in sources if s.strip()))


def image_url(src: str, page_url: str | None) -> str | None:
    """The absolute http(s) URL to fetch for `src`, or None when it must not be fetched: any
    other scheme, or a relative address on a page that did not come from the web."""
    src = src.strip()
    if is_safe_remote_link(src):
        return src
    if urlsplit(src).scheme:  # file:, javascript:, ftp:, data: (decoded elsewhere) ...
        return None
    if page_url is None or not is_safe_remote_link(page_url):
        return None  # a file's or stdin's relative path would name a local file
    joined = urljoin(page_url, src)
    return joined if is_safe_remote_link(joined) else None


def _reserved_host(url: str) -> bool:
    """Hosts that can never resolve (RFC 2606 `.invalid`, e.g. the demo's): not worth a lookup."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    return host == "invalid" or host.endswith(".invalid")


@dataclass
class _Budget:
    """The article's remaining bytes, shared by its concurrent downloads."""

    left: int

    def take(self, size: int) -> None:
        if size > self.left:
            raise _Skip("the article's images passed the total size limit")
        self.left -= size


def _check(data: bytes, declared: str, limit: int) -> str:
    if len(data) > limit:
        raise _Skip(f"larger than {limit // (1024 * 1024)} MB")
    sniffed = sniff_image(data)
    if sniffed is None:
        raise _Skip(f"not a picture reader keeps ({declared or 'no type'})")
    if declared not in _VAGUE_TYPES and not declared.startswith("image/"):
        raise _Skip(f"served as {declared}, not as an image")
    return sniffed


def _decode_data_url(src: str, limit: int) -> ImageData:
    header, comma, payload = src.partition(",")
    if not comma:
        raise _Skip("a malformed data: address")
    if len(payload) > limit * 2:  # base64 and percent-encoding grow the text, not 2x
        raise _Skip(f"larger than {limit // (1024 * 1024)} MB")
    params = header[len("data:") :].split(";")
    declared = params[0].strip().lower()
    try:
        if "base64" in (p.strip().lower() for p in params[1:]):
            data = base64.b64decode(payload, validate=False)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError) as error:
        raise _Skip("a malformed data: address") from error
    media_type = _check(data, declared, limit)
    return ImageData(src, media_type, data, *_dimensions(data, media_type))


async def _download(
    client: httpx.AsyncClient, src: str, url: str, limit: int, budget: _Budget
) -> ImageData:
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        async with client.stream(
            "GET",
            current,
            headers={"Accept": _IMAGE_ACCEPT, "Accept-Encoding": "identity"},
            follow_redirects=False,
        ) as response:
            if response.has_redirect_location:
                target = urljoin(str(response.url), response.headers["location"])
                if not is_safe_remote_link(target):
                    raise _Skip("redirected to an address that is not http(s)")
                current = target
                continue
            if response.status_code >= 400:
                raise _Skip(f"HTTP {response.status_code}")
            encoding = response.headers.get("content-encoding", "identity").strip().lower()
            if encoding not in ("", "identity"):
                raise _Skip(f"sent compressed ({encoding}) though asked not to")
            declared = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if declared not in _VAGUE_TYPES and not declared.startswith("image/"):
                raise _Skip(f"served as {declared}, not as an image")
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > limit:
                raise _Skip(f"larger than {limit // (1024 * 1024)} MB")
            chunks: list[bytes] = []
            size = 0
            try:
                async for chunk in response.aiter_raw():
                    if size + len(chunk) > limit:
                        raise _Skip(f"larger than {limit // (1024 * 1024)} MB")
                    budget.take(len(chunk))
                    chunks.append(chunk)
                    size += len(chunk)
                data = b"".join(chunks)
                media_type = _check(data, declared, limit)
            except BaseException:
                budget.left += size  # a picture not kept costs nothing
                raise
        return ImageData(src, media_type, data, *_dimensions(data, media_type))
    raise _Skip("too many redirects")


async def fetch_images(
    article: Article,
    page_url: str | None,
    *,
    client: httpx.AsyncClient | None = None,
    max_image_bytes: int = MAX_IMAGE_BYTES,
    max_total_bytes: int = MAX_TOTAL_BYTES,
    max_images: int = MAX_IMAGES,
    concurrency: int = IMAGE_CONCURRENCY,
    timeout: float = IMAGE_TIMEOUT,
    on_skip: SkipCallback | None = None,
) -> list[ImageData]:
    """The article's pictures that could be fetched and passed the checks, in reading order.

    `page_url` is where the article was read from (relative `src`s resolve against it when it
    is http(s)). Never raises for an image: each one that is not kept is reported to `on_skip`.
    `client` shares connections with a batch (it is left open).
    """
    sources = image_sources(article)
    budget = _Budget(max_total_bytes)
    limit = asyncio.Semaphore(max(1, concurrency))
    skip: SkipCallback = on_skip or (lambda src, reason: None)
    own = client is None
    http = make_client(max_connections=max(1, concurrency)) if client is None else client

    async def one(src: str) -> ImageData | None:
        try:
            if src.strip().lower().startswith("data:"):
                image = _decode_data_url(src.strip(), max_image_bytes)
                budget.take(len(image.data))
                return image
            url = image_url(src, page_url)
            if url is None:
                raise _Skip("not an http(s) address: never fetched")
            if _reserved_host(url):
                raise _Skip("a reserved host that cannot resolve")
            async with limit, asyncio.timeout(timeout):
                return await _download(http, src, url, max_image_bytes, budget)
        except _Skip as reason:
            skip(src, str(reason))
        except TimeoutError:
            skip(src, f"no answer within {timeout:g} s")
        except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as error:
            skip(src, f"could not be fetched ({type(error).__name__})")
        return None

    try:
        kept = sources[: max(0, max_images)]
        for src in sources[len(kept) :]:
            skip(src, f"more than {max_images} pictures in one article")
        results = await asyncio.gather(*(one(src) for src in kept))
    finally:
        if own:
            await http.aclose()
    return [image for image in results if image is not None]
