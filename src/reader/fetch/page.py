"""`Page`, what every source becomes, and the one way bytes are turned into one.

Local files, standard input, the network and the HTTP cache all build their page with
`decoded_page`, so decoding and newline rules cannot drift apart between them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from reader.decode import decode_html

EMPTY_HEADERS: Mapping[str, str] = MappingProxyType({})


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
    headers: Mapping[str, str] = field(default_factory=lambda: EMPTY_HEADERS, repr=False)
    """Response headers with lower-case names, read-only; empty for files and standard input."""


def decoded_page(
    url: str, data: bytes, content_type: str, charset: str | None, headers: Mapping[str, str]
) -> Page:
    """Decode `data` (BOM, then `charset`, then <meta>, then detection) and build its Page."""
    text, encoding = decode_html(data, charset)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Page(url, text, content_type, encoding, data, headers)
