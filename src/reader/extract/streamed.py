"""Article markup a page streams to its scripts instead of printing it.

A page built with React Server Components (Next.js "app router") may render its article only
in the browser: the markup then travels in the page as string pieces of a stream,
``self.__next_f.push([1,"…"])``, where a long text row reads ``<id>:T<length in hex>,<text>``.
When the page shows no article, the longest such row holding paragraphs is the article's
markup, and reading it is reading what the page would show.
"""

from __future__ import annotations

import json
import re

MARK = "self.__next_f.push"
_PUSH = re.compile(r'self\.__next_f\.push\(\[1,\s*"((?:[^"\\]|\\.)*)"\]\)')
_TEXT_ROW = re.compile(r"(?:^|\n)[0-9a-zA-Z]+:T([0-9a-fA-F]{1,8}),")
_MIN_PARAGRAPHS = 2
_PLACEHOLDER = re.compile(r"\$\$[A-Z][A-Z0-9_]*\$\$")
"""A slot the page's template fills in later ("$$ARTICLEAD$$" for an advert)."""


def streamed_markup(html: str) -> str | None:
    """The longest text row of the page's component stream that holds paragraphs (HTML), or
    None when the page streams none."""
    if MARK not in html:
        return None
    pieces: list[str] = []
    for found in _PUSH.finditer(html):
        try:
            piece = json.loads(f'"{found.group(1)}"')
        except ValueError:
            continue
        if isinstance(piece, str):
            pieces.append(piece)
    stream = "".join(pieces)
    best: str | None = None
    for row in _TEXT_ROW.finditer(stream):
        size = int(row.group(1), 16)
        # The length counts UTF-8 bytes; a row cut short by a broken page is read as far as
        # it goes.
        text = stream[row.end() : row.end() + size].encode()[:size].decode("utf-8", "ignore")
        if text.count("<p") >= _MIN_PARAGRAPHS and (best is None or len(text) > len(best)):
            best = text
    return None if best is None else _PLACEHOLDER.sub("", best)
