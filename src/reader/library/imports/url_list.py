"""A plain list of addresses, one per line: the lowest common denominator of every service.

Blank lines and `#` comments are ignored. Anything else must be an http(s) URL: a line that is
not is an error naming the line, since it usually means the wrong file was given.
"""

from __future__ import annotations

from reader.library.imports.items import ImportBatch, ImportFormatError, ImportItem, is_web_url


def parse_url_list(text: str, source: str) -> ImportBatch:
    items: list[ImportItem] = []
    for number, line in enumerate(text.splitlines(), 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if not is_web_url(url) or any(c.isspace() for c in url):
            raise ImportFormatError(
                source,
                f"not an http(s) URL: {url[:80]!r}",
                line=number,
                expected="one http:// or https:// address per line (# starts a comment)",
            )
        items.append(ImportItem(url=url, origin=f"{source}:{number}"))
    return ImportBatch("urls", tuple(items))
