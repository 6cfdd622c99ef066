"""Saving what the reading view shows into the library (`s`): which URL, which page, which images.

No textual here: the app runs `save_shown` in a worker and shows its result.

The address an article is saved under, best first: the link the reader followed, the page's
final URL (a local file's absolute path, as `reader save FILE` does), the article's own URL or
canonical URL (the demo's), and for a page piped on standard input with no address at all a
`stdin:` name made from its content, so saving the same text twice updates one entry.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass

from reader.fetch import Page
from reader.images import fetch_images
from reader.library import Library, SaveResult
from reader.model import Article
from reader.tui.history import Place


@dataclass(frozen=True, slots=True)
class SaveRequest:
    article: Article
    url: str
    final_url: str | None
    html: bytes | None
    html_encoding: str | None
    page_url: str | None
    """Where relative image addresses resolve (only an http(s) page's do)."""


def _page_address(page: Page | None) -> str | None:
    if page is None or page.url in ("", "-"):
        return None
    return page.url


def save_request(place: Place, article: Article) -> SaveRequest:
    page = place.page
    final = _page_address(page)
    url = place.url or final or article.url or article.canonical_url
    if not url:
        digest = hashlib.sha256(page.data if page else article.text.encode()).hexdigest()
        url = f"stdin:{digest[:16]}"
    return SaveRequest(
        article=article,
        url=url,
        final_url=final if final != url else None,
        html=page.data if page is not None else None,
        html_encoding=page.encoding if page is not None else None,
        page_url=final or article.url,
    )


async def save_shown(library: Library, request: SaveRequest, *, images: bool = True) -> SaveResult:
    """Fetch the pictures (never failing for one), then save in one transaction off the loop."""
    pictures = await fetch_images(request.article, request.page_url) if images else []
    return await asyncio.to_thread(
        library.save,
        request.article,
        request.html,
        request.url,
        request.final_url,
        html_encoding=request.html_encoding,
        images=pictures or None,
    )
