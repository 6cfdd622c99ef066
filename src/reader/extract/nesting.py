"""Keep pathologically deep markup from making the HTML parser quadratic.

Tree construction scans the stack of open elements for every start tag, so 100 000 nested
`<div>`s take Lexbor about nine seconds. Browsers cap the depth of the tree they build (Blink at
512); this does the same on the markup before parsing. Pages with few tags cannot be deep
enough to matter; for the others a chunked count of start and end tags (C-speed `str.count`)
bounds the depth, and only a document whose running count climbs past the limit pays for the
exact pass that drops the excess tags. Text is never dropped, only tags, so the words of a
deep document still reach the reader.
"""

from __future__ import annotations

import re

from reader.extract.text import words

MAX_DEPTH = 512
_FEW_TAGS = 10_000
"""Markup with fewer '<' than this cannot nest deeply enough to matter (under 0.1 s)."""
_SUSPICIOUS = 2_000
"""A running tag count above this triggers the exact (slower) depth check."""
_CHUNK = 8_192

# Void elements never nest, and these elements close themselves implicitly (an unclosed <p> or
# <li> does not deepen the tree), so the exact pass does not count them.
_FLAT = words(
    """
    area base br col embed hr img input link meta param source track wbr p li dt dd td th tr
    option optgroup rb rt rp
    """
)
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)[^>]*>")


def estimated_depth(html: str) -> int:
    """An upper bound on the running depth, from C-speed counts of '<' and '</' per chunk.

    Void elements and unclosed paragraphs make it overestimate; only pages above
    `_SUSPICIOUS` pay for `exact_depth`.
    """
    depth = deepest = 0
    for start in range(0, len(html), _CHUNK):
        stop = start + _CHUNK
        ends = html.count("</", start, stop)
        depth += html.count("<", start, stop) - ends
        deepest = max(deepest, depth)
        depth = max(0, depth - ends)
    return deepest


def _tags(html: str) -> list[tuple[re.Match[str], str, bool]]:
    found = []
    for match in _TAG.finditer(html):
        name = match.group(2).lower()
        if name in _FLAT or match.group(0).endswith("/>"):
            continue
        found.append((match, name, bool(match.group(1))))
    return found


def limit_nesting(html: str, max_depth: int = MAX_DEPTH, *, tag_count: int = -1) -> str:
    """The markup with start tags beyond `max_depth` (and their end tags) removed.

    `tag_count`: how many '<' the html holds, when the caller knows it (-1: count them here)."""
    if tag_count < 0:
        tag_count = html.count("<")
    if tag_count <= _FEW_TAGS or estimated_depth(html) <= _SUSPICIOUS:
        return html
    tags = _tags(html)
    depth = deepest = 0
    for _match, _name, is_end in tags:
        depth = max(0, depth - 1) if is_end else depth + 1
        deepest = max(deepest, depth)
    if deepest <= max_depth:
        return html
    pieces: list[str] = []
    position = 0
    depth = 0
    suppressed: dict[str, int] = {}
    for match, name, is_end in tags:
        if is_end:
            if suppressed.get(name):
                suppressed[name] -= 1
                pieces.append(html[position : match.start()])
                position = match.end()
            else:
                depth = max(0, depth - 1)
        elif depth >= max_depth:
            suppressed[name] = suppressed.get(name, 0) + 1
            pieces.append(html[position : match.start()])
            position = match.end()
        else:
            depth += 1
    pieces.append(html[position:])
    return "".join(pieces)
