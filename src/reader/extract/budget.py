"""Bound the time and memory a huge page can cost, before it is parsed.

Parsing and copying cost time and memory in proportion to the characters and tags of the markup:
a 52 MB page took three seconds and some 200 MB above its own size. A page over a budget keeps
only its head, as a browser's reader would show the start of an endless page:

- `MAX_PAGE_CHARS` characters (8 million: a 5 MB article is read whole; the largest real page
  seen weighed 2.2 million), and
- `MAX_TAGS` tags (200 000 '<': ten times the most tag-heavy real page), which bounds the
  elements of both Lexbor's tree and the Python copy.

Scripts and styles are cut out first (the reader drops them anyway; JSON-LD is kept), so a page
carrying megabytes of inline script before its body still has its article read. The cut falls
just before a tag, never inside one. Bytes are cut before decoding too (three bytes a
character), so a huge download never becomes a huge string. Pages within budget pass untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_PAGE_CHARS = 8_000_000
MAX_TAGS = 200_000
_CHUNK = 65_536
_OPEN = re.compile(r"<(script|style)\b[^>]{0,4000}>", re.IGNORECASE)
_CLOSE = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
}


@dataclass(frozen=True, slots=True)
class Budget:
    """How much of a page is read; smaller values make the limits testable on small pages."""

    chars: int = MAX_PAGE_CHARS
    tags: int = MAX_TAGS

    @property
    def bytes(self) -> int:
        """UTF-8 text in any script fits in three bytes a character."""
        return 3 * self.chars


DEFAULT = Budget()


@dataclass(frozen=True, slots=True)
class Fitted:
    html: str
    total: int
    """The characters of the page before any cut."""
    cut: bool
    tags: int = -1
    """How many '<' the (uncut) html holds, when counted (-1: not counted): the parser's
    nesting guard needs the same count, and counting a big page twice shows in its time."""


def fit_bytes(data: bytes, budget: Budget = DEFAULT) -> bytes:
    """Raw bytes cut (before a '<') to what the character budget could use."""
    if len(data) <= budget.bytes:
        return data
    stop = data.rfind(b"<", 0, budget.bytes)
    return data[: stop if stop > budget.bytes // 2 else budget.bytes]


def fit(html: str, budget: Budget = DEFAULT) -> Fitted:
    """The page within the budget: untouched when it fits, else scripts dropped and cut."""
    total = len(html)
    if total <= budget.chars:
        # (a page no longer than the tag budget cannot hold more tags: no need to count them)
        if total <= budget.tags:
            return Fitted(html, total, cut=False)
        tags = html.count("<")
        if tags <= budget.tags:
            return Fitted(html, total, cut=False, tags=tags)
    html = _without_scripts(html)
    stop = min(len(html), budget.chars, _nth(html, "<", budget.tags + 1))
    if stop >= len(html):
        return Fitted(html, total, cut=False)
    before_tag = html.rfind("<", 0, stop + 1)
    if before_tag > stop // 2:
        stop = before_tag
    return Fitted(html[:stop], total, cut=True)


def _without_scripts(html: str) -> str:
    """The markup without script and style elements (JSON-LD kept). Linear: each opening tag
    is matched once and its end searched once; an unclosed one runs to the end of the page,
    as it does in a browser."""
    pieces: list[str] = []
    position = 0
    while (opening := _OPEN.search(html, position)) is not None:
        closing = _CLOSE[opening.group(1).lower()].search(html, opening.end())
        stop = closing.end() if closing is not None else len(html)
        if "ld+json" in opening.group(0).lower():
            pieces.append(html[position:stop])
        else:
            pieces.append(html[position : opening.start()])
        position = stop
    if not pieces:
        return html
    pieces.append(html[position:])
    return "".join(pieces)


def _nth(text: str, char: str, n: int) -> int:
    """Where the n-th `char` is (C-speed counts per chunk), or the length if there are fewer."""
    seen = 0
    for start in range(0, len(text), _CHUNK):
        stop = start + _CHUNK
        count = text.count(char, start, stop)
        if seen + count >= n:
            position = start - 1
            for _ in range(n - seen):
                position = text.find(char, position + 1)
            return position
        seen += count
    return len(text)
