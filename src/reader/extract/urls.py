"""Links and image sources made absolute, and the unsafe or useless ones dropped."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from reader.extract.text import strip_control

_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "about:", "blob:")
_DESCRIPTOR = re.compile(r"(\d+(?:\.\d+)?)([wxWX])")
_ASCII_SPACE = re.compile(r"[\t\n\r\f ]+")


def base_url(page_url: str | None, base_href: str) -> str | None:
    """The URL relative references resolve against: <base href> (itself resolved) or the page."""
    if base_href:
        resolved = resolve(page_url, base_href)
        if resolved and urlsplit(resolved).scheme in ("http", "https", "file"):
            return resolved
    return page_url or None


def resolve(base: str | None, reference: str | None) -> str | None:
    """An absolute URL for a link or source, or None for script/data URLs and empty links."""
    if not reference:
        return None
    # Browsers strip ASCII whitespace around URLs and drop tabs/newlines inside them.
    cleaned = strip_control(
        _ASCII_SPACE.sub("", reference.strip())
        if "\n" in reference or "\t" in reference
        else reference.strip()
    )
    if not cleaned or cleaned == "#":
        return None
    if cleaned.lower().startswith(_UNSAFE_SCHEMES):
        return None
    if not base:
        return cleaned
    try:
        return urljoin(base, cleaned)
    except ValueError:  # e.g. a malformed IPv6 host
        return cleaned


def _srcset_candidates(srcset: str) -> list[tuple[str, str]]:
    """(url, descriptor) pairs, parsed the way the HTML standard does (URLs may hold commas)."""
    found: list[tuple[str, str]] = []
    position, size = 0, len(srcset)
    while position < size:
        while position < size and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < size and not srcset[position].isspace():
            position += 1
        url = srcset[start:position]
        if not url:
            break
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            start = position
            while position < size and srcset[position] != ",":
                position += 1
            descriptor = srcset[start:position].strip()
        if url:
            found.append((url, descriptor))
    return found


def best_from_srcset(srcset: str | None) -> str | None:
    """The largest candidate of a srcset (by width or density descriptor; the last on ties)."""
    if not srcset:
        return None
    best: str | None = None
    best_size = -1.0
    for url, descriptor in _srcset_candidates(srcset[:10_000]):
        match = _DESCRIPTOR.match(descriptor)
        size = float(match.group(1)) if match else 1.0
        if match and match.group(2).lower() == "w":
            size = 1.0 + size / 1000.0  # widths and densities are not comparable; keep in range
        if size >= best_size:
            best, best_size = url, size
    return best
