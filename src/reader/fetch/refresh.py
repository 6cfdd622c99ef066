"""`<meta http-equiv="refresh">` and the Refresh header, followed like a redirect when short.

Many portals send readers on with a refresh instead of an HTTP redirect; following it (within
the same redirect budget) gets to the article, while a slow self-reload is left alone.
"""

from __future__ import annotations

import html
import re
from typing import Final

import httpx

from reader.fetch.page import Page

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


def refresh_target(page: Page) -> str | None:
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
